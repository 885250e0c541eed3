"""The export/import panel: one button for the portfolio, one button for restoring answers.

Exporting writes the portfolio (HTML, Markdown) and the restore file (JSON) into the exports
folder (:func:`export_folder`) *and* hands the HTML and JSON to the browser as a real download.
The download does not depend on the server's ``/files/`` URL (which only works when the files
lie under the server's root, and not at all in Voilà): :class:`Transfer`, a small anywidget,
receives the files' text in a widget message and lets the browser save each one from a
``Blob`` through an ``<a download>`` link. That uses only the widget protocol and the
browser's own APIs, so it works the same in JupyterLab, Notebook 7 and Voilà. The same widget
reads an export back (a file chooser; the bytes travel as a widget message buffer), with a
plain Dutch label instead of ipywidgets' "… (0)" counter.

After an import every saved widget of this kernel on screen shows its current answer again
(:func:`wakker.ui.saving.refresh_saved`), the name field is filled in when it was empty, and
each import shows a fresh message with the time.
"""
from __future__ import annotations

import html
import os
from pathlib import Path
from typing import Any

import anywidget
import ipywidgets as w
import traitlets

from ..core.journal import Journal, JournalError
from ..core.mode import pick
from ..core.portfolio import export_files, import_json, now_local, os_reason
from .saving import flush, refresh_saved
from .style import error_html, notice_html
from .view import View, report

MAX_UPLOAD_BYTES = 9_000_000  # a widget message from the browser must stay below the server's 10 MiB limit
DOWNLOADS = (("html", "portfolio (HTML)", "text/html"), ("json", "herstelbestand (JSON)", "application/json"))
AGAIN = DOWNLOADS + (("md", "portfolio (Markdown)", "text/markdown"),)


def export_folder() -> Path:
    """Where exports are written (first match wins):

    1. ``WAKKER_EXPORTS``, when set;
    2. ``exports/`` in the repository (git-ignored) when the package runs from a checkout
       (`make lab`, Binder, nbgitpuller): the file browser shows it next to ``notebooks/``;
    3. for an installed package (``pip install``, a wheel): ``exports/`` in the current folder, which
       in Jupyter is the folder of the notebook being run, so the file browser shows it there too.
    """
    from ..core.data import checkout_root

    override = os.environ.get("WAKKER_EXPORTS")
    if override:
        return Path(override)
    root = checkout_root()
    if root is not None:
        return root / "exports"
    return Path.cwd() / "exports"


_ESM = r"""
function saveFile(file) {
  const blob = new Blob([file.text], {type: file.mime + ";charset=utf-8"});
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = file.name;
  a.rel = "noopener";
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}

export default {
  initialize({ model }) {
    // Once per widget model (not per view): each export is downloaded exactly once.
    model.on("msg:custom", async (msg) => {
      if (!msg || msg.type !== "download") return;
      const saved = [];
      for (const file of msg.files.filter((f) => f.auto)) {
        try { saveFile(file); saved.push(file.name); } catch (e) { /* reported below as not saved */ }
        await new Promise((r) => setTimeout(r, 400));  // one file at a time
      }
      model.send({ type: "downloaded", serial: msg.serial, names: saved });
    });
  },
  render({ model, el }) {
    el.classList.add("wakker-transfer");
    const input = document.createElement("input");
    input.type = "file";
    input.accept = ".json,application/json";
    input.style.display = "none";
    const choose = document.createElement("button");
    choose.type = "button";
    choose.className = "jupyter-button widget-button wakker-import-button";
    choose.style.width = "auto";
    choose.style.padding = "0 1em";
    choose.textContent = model.get("upload_label");
    choose.addEventListener("click", () => input.click());
    input.addEventListener("change", async () => {
      const file = input.files && input.files[0];
      input.value = "";  // the same file can be chosen again
      if (!file) return;
      if (file.size > model.get("max_bytes")) {
        model.send({ type: "upload", name: file.name, size: file.size, too_big: true });
        return;
      }
      const buffer = await file.arrayBuffer();
      model.send({ type: "upload", name: file.name, size: file.size }, undefined, [buffer]);
    });
    const again = document.createElement("div");
    again.className = "wakker-download-again";
    again.style.margin = "0.3em 0";
    const show = (msg) => {
      again.replaceChildren();
      const label = document.createElement("span");
      label.textContent = model.get("again_label") + " ";
      again.appendChild(label);
      msg.files.forEach((file, i) => {
        const link = document.createElement("button");
        link.type = "button";
        link.className = "jupyter-button widget-button wakker-download-" + file.format;
        link.style.marginRight = "0.4em";
        link.style.width = "auto";
        link.style.padding = "0 1em";
        link.textContent = file.label;
        link.addEventListener("click", () => saveFile(file));
        again.appendChild(link);
      });
    };
    model.on("msg:custom", (msg) => { if (msg && msg.type === "download") show(msg); });
    el.append(choose, input, again);
  },
};
"""


class Transfer(anywidget.AnyWidget):
    """Browser downloads from a Blob and a file chooser for imports (see the module docstring)."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    upload_label = traitlets.Unicode("Lees export in (.json)").tag(sync=True)
    again_label = traitlets.Unicode("Nog een keer downloaden:").tag(sync=True)
    max_bytes = traitlets.Int(MAX_UPLOAD_BYTES).tag(sync=True)


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
        self.transfer = Transfer()
        self.result = w.HTML()
        self.serial = 0
        self._downloads: dict[int, str] = {}  # export number -> its message (completed when the browser says so)
        self.button.on_click(self._export)
        self.transfer.on_msg(self._on_msg)
        self.box = w.VBox([w.HBox([self.name, self.button]), self.transfer, self.result],
                          layout=w.Layout(margin="0.5em 0", max_width="52em"))
        self.box.add_class("wakker-export")

    # -- exporting
    def export(self) -> dict[str, Path]:
        flush()  # answers still waiting for their save delay go into the export too
        return export_files(self.journal, export_folder(), student=self.name.value)

    def _export(self, _button=None) -> None:
        try:
            paths = self.export()
            files = [{"format": fmt, "label": label, "mime": mime, "name": paths[fmt].name,
                      "text": paths[fmt].read_text(encoding="utf-8"), "auto": fmt != "md"}
                     for fmt, label, mime in AGAIN]
        except OSError as exc:  # a full disk or a read-only folder: say so, in Dutch
            self._show(error_html(f"Exporteren is niet gelukt: {os_reason(exc)} (map {export_folder()})."))
            return
        except JournalError as exc:
            self._show(error_html(f"Exporteren is niet gelukt. {exc}"))
            return
        except Exception as exc:  # noqa: BLE001 - never a traceback, never English
            report(exc)
            self._show(error_html("Exporteren is niet gelukt door een onverwachte fout. Probeer het nog eens; "
                                  "lukt het dan niet, kopieer dan je antwoorden."))
            return
        self.serial += 1
        folder = html.escape(str(paths["json"].parent))
        problems = "".join(f"<br>⚠ {html.escape(p)}" for p in getattr(paths, "problems", []))
        message = (f"✓ Geëxporteerd om {now_local().strftime('%H:%M:%S')}. De bestanden (portfolio als HTML en "
                   f"Markdown, herstelbestand als JSON) staan in de map <code>{folder}</code>.{problems}")
        self._downloads[self.serial] = message
        self._show(notice_html(message + " Je browser krijgt nu ook een kopie van je portfolio (HTML) en je "
                                         "herstelbestand (JSON), meestal in je map <i>Downloads</i>."))
        self.transfer.send({"type": "download", "serial": self.serial, "files": files})

    def _downloaded(self, serial: Any, names: Any) -> None:
        message = self._downloads.pop(serial, None) if isinstance(serial, int) else None
        if message is None:
            return
        names = [n for n in names if isinstance(n, str)] if isinstance(names, list) else []
        if names:
            listed = ", ".join(f"<code>{html.escape(n)}</code>" for n in names)
            self._show(notice_html(f"{message} Je browser heeft een kopie gedownload ({listed}): kijk in je map "
                                   f"<i>Downloads</i> (of waar je browser downloads bewaart)."))
        else:
            self._show(notice_html(f"{message} Je browser kon geen kopie downloaden; gebruik de knoppen "
                                   f"hierboven of de bestanden in die map."))

    # -- importing
    def import_bytes(self, raw: bytes, name: str | None = None) -> str:
        """Import an export; refresh every question on screen; return the message (HTML) to show."""
        when = now_local().strftime("%H:%M:%S")
        source = f" uit <code>{html.escape(name)}</code>" if name else ""
        try:
            flush()  # what the student typed just now is saved first, then merged with the import
        except Exception:  # noqa: BLE001 - its own widget already says it was not saved
            pass
        try:
            added, known = import_json(self.journal, raw)
        except JournalError as exc:
            return error_html(f"Inlezen om {when} is niet gelukt: {exc} Er is niets veranderd aan je antwoorden.")
        except Exception as exc:  # noqa: BLE001 - never a traceback, never English
            report(exc)
            return error_html(f"Inlezen om {when} is niet gelukt door een onverwachte fout. Er is niets ingelezen.")
        try:
            if not self.name.value.strip():
                self.name.value = self.journal.student()
        except Exception:  # noqa: BLE001
            pass
        refresh_saved(self.journal)
        return notice_html(f"✓ Ingelezen om {when}{source}: {added} nieuwe versie(s) toegevoegd, {known} had je al. "
                           f"De vragen in dit notebook laten je antwoorden nu zien; andere notebooks die al open "
                           f"zijn, laten ze zien nadat je "
                           f"{pick('ze opnieuw uitvoert', 'die pagina opnieuw laadt (F5)')}.")

    def _on_msg(self, _widget, content: Any, buffers: Any) -> None:
        if not isinstance(content, dict):
            return
        if content.get("type") == "downloaded":
            self._downloaded(content.get("serial"), content.get("names"))
        elif content.get("type") == "upload":
            name = str(content.get("name") or "")[:200] or None
            if content.get("too_big") or not buffers:
                when = now_local().strftime("%H:%M:%S")
                self._show(error_html(f"Inlezen om {when} is niet gelukt: dit bestand is te groot voor een "
                                      f"export van het werkboek. Er is niets veranderd aan je antwoorden."))
                return
            self._show(self.import_bytes(bytes(buffers[0]), name))

    def _show(self, value: str) -> None:
        self.result.value = ""  # the same text again is still a fresh message
        self.result.value = value
