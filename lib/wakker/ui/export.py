"""The export/import panel: one button for the portfolio, one upload for restoring answers."""
from __future__ import annotations

import html
import os
from datetime import datetime
from pathlib import Path

import ipywidgets as w
from IPython.display import HTML, display

from ..core.journal import Journal, JournalError
from ..core.portfolio import export_files, import_json
from .saving import flush
from .view import View
from .style import error_html, notice_html


def export_folder() -> Path:
    """Where exports are written: ``exports/`` in the workbook folder (git-ignored), or ``WAKKER_EXPORTS``."""
    override = os.environ.get("WAKKER_EXPORTS")
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[3] / "exports"


def _link(path: Path, label: str) -> str:
    try:
        href = os.path.relpath(path, Path.cwd()).replace(os.sep, "/")
    except ValueError:
        href = str(path)
    return f'<a href="{html.escape(href)}" download="{html.escape(path.name)}">{html.escape(label)}</a>'


class ExportPanel(View):
    def __init__(self, journal: Journal):
        self.journal = journal
        try:
            known = journal.student()
        except Exception:  # noqa: BLE001
            known = ""
        self.name = w.Text(value=known, placeholder="je naam (mag leeg blijven)", description="Naam:",
                           layout=w.Layout(width="22em"))
        self.button = w.Button(description="Exporteer mijn antwoorden", icon="download", button_style="warning",
                               layout=w.Layout(width="auto"))
        self.upload = w.FileUpload(accept=".json", multiple=False, description="Lees export in (.json)",
                                   layout=w.Layout(width="auto"))
        self.result = w.HTML()
        self.links = w.Output()  # rendered by JupyterLab itself, so a download link gets the server's download URL
        self.button.on_click(self._export)
        self.upload.observe(self._import, names="value")
        self.box = w.VBox([w.HBox([self.name, self.button]), self.upload, self.result, self.links],
                          layout=w.Layout(margin="0.5em 0", max_width="52em"))
        self.box.add_class("wakker-export")

    def export(self) -> dict[str, Path]:
        flush()  # answers still waiting for their save delay go into the export too
        return export_files(self.journal, export_folder(), student=self.name.value)

    def _export(self, _button=None) -> None:
        try:
            paths = self.export()
        except Exception as exc:  # noqa: BLE001 - a full disk or read-only folder: say so
            self.result.value = error_html(f"Exporteren is niet gelukt: {exc}")
            return
        links = " · ".join(_link(paths[f], label) for f, label in
                           (("html", "portfolio (HTML)"), ("md", "portfolio (Markdown)"), ("json", "herstelbestand (JSON)")))
        where = html.escape(str(paths["json"].parent))
        self.result.value = notice_html(f"✓ Geëxporteerd om {datetime.now().strftime('%H:%M')}. De bestanden staan in "
                                        f"de map <code>{where}</code>. Download ze met de links hieronder, of klik in "
                                        f"de bestandsbrowser met de rechtermuisknop op een bestand en kies "
                                        f"<i>Download</i>.")
        self.links.clear_output()
        with self.links:
            display(HTML(f"<p>Downloaden: {links}</p>"))

    def import_bytes(self, raw: bytes) -> str:
        try:
            added, known = import_json(self.journal, raw)
        except JournalError as exc:
            return error_html(f"{exc} Er is niets veranderd aan je antwoorden.")
        return notice_html(f"✓ Ingelezen: {added} nieuwe versie(s) toegevoegd, {known} had je al. "
                           f"Voer de notebooks opnieuw uit om je antwoorden te zien.")

    def _import(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        self.result.value = self.import_bytes(bytes(item["content"]))
