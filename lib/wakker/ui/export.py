"""The export/import panel: one button for the portfolio, one button for restoring answers.

Exporting writes the portfolio (HTML, Markdown) and the restore file (JSON) into the exports
folder (:func:`export_folder`) and offers them to the browser in two ways, neither of which
depends on the server's ``/files/`` URL (which only works when the files lie under the
server's root, and not at all in Voilà):

* **by itself**: a fresh :class:`Downloader` per export, a small anywidget created *with* the
  files in its state; in the browser its ``initialize`` saves each one from a ``Blob`` through
  an ``<a download>`` link and reports back what it saved. Nothing has to reach that widget
  after it was created, because anywidget 0.11 drops every later message to a model whose
  module took longer than 2 s to load (a busy browser just after a kernel restart and Run All:
  "[anywidget] Failed to initialize model"). A new export builds a new downloader, so one
  that failed to start never blocks the next try.
* **on a click**: plain links with ``data:`` URLs in an ipywidgets HTML widget (no widget module
  of our own at all), shown after every export, for the HTML, the JSON and the Markdown.

The status says what is known: the files are in the folder; the browser *tries* to download a
copy, and the student is told to use the links when nothing arrives in Downloads. All of this
works the same in JupyterLab, Notebook 7 and Voilà. :class:`Transfer` reads an export back (a
file chooser; the bytes travel as a widget message buffer, from the browser to the kernel,
which is not affected by the slow start), with a plain Dutch label instead of ipywidgets'
"… (0)" counter.

After an import every saved widget of this kernel on screen shows its current answer again
(:func:`wakker.ui.saving.refresh_saved`), the name field is filled in when it was empty, and
each import shows a fresh message with the time.
"""
from __future__ import annotations

import base64
import html
import os
import uuid
from pathlib import Path
from typing import Any

from wakker.ui.lean import anywidget_base, widgets as w
import traitlets

from ..core.journal import Journal, JournalError
from ..core.mode import pick
from ..core.portfolio import export_files, import_json, now_local, os_reason
from .saving import flush, refresh_saved
from .style import error_html, notice_html
from .view import View, report

#: The panel's box, before and after its message line and links are made (on the first export or import):
#: until then, below the box, the space their two empty HTML widgets took (8 px: their margins), so that
#: nothing under the panel moves when they come. (On the box, not on the import button: an anywidget may
#: miss a later change, see :class:`Downloader`.)
BOX = {"margin": "0.5em 0", "max_width": "52em"}
BOX_ALONE = {"margin": "0.5em 0 calc(0.5em + 4 * var(--jp-widgets-margin, 2px)) 0", "max_width": "52em"}
MAX_UPLOAD_BYTES = 9_000_000  # a widget message from the browser must stay below the server's 10 MiB limit
DOWNLOADS = (("html", "portfolio (HTML)", "text/html"), ("json", "herstelbestand (JSON)", "application/json"))
AGAIN = DOWNLOADS + (("md", "portfolio (Markdown)", "text/markdown"),)
AUTO = ("html", "json")  # downloaded by themselves; the Markdown only on request
AGAIN_LABEL = "Downloaden:"
IF_NOTHING = ("Staat er niets in je map <i>Downloads</i>? Klik dan hieronder op <b>portfolio (HTML)</b> en "
              "<b>herstelbestand (JSON)</b>.")


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
export default {
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
    el.append(choose, input);
  },
};
"""

#: The downloader: one fresh widget per export. Its files are part of the state it is *created*
#: with, so ``initialize`` reads them at once; nothing has to reach it later. (anywidget 0.11
#: drops every later message to a model whose module took over 2 s to load, as under load just
#: after Run All; the browser's own messages to the kernel still go through.)
_DOWNLOAD_ESM = r"""
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
  async initialize({ model }) {
    const id = model.get("download_id");
    try {  // a reloaded page gets the live widgets again: download each export once per tab
      const key = "wakker-download-" + id;
      if (window.sessionStorage.getItem(key)) return;
      window.sessionStorage.setItem(key, "1");
    } catch (e) { /* no storage: at worst a second copy */ }
    const saved = [];
    for (const file of model.get("files")) {
      try { saveFile(file); saved.push(file.name); } catch (e) { /* reported below as not saved */ }
      await new Promise((r) => setTimeout(r, 400));  // one file at a time
    }
    model.send({ type: "downloaded", id, names: saved });
  },
};
"""

#: Above this many characters a data: link is not made (Chrome's limit for a URL is 2 MB).
MAX_LINK_CHARS = 2_000_000
LINKS_STYLE = "margin:.3em 0;line-height:2.3;max-width:52em"
LINK_STYLE = ("display:inline-block;margin:0 .5em 0 0;padding:.2em 1em;line-height:1.5;border-radius:2px;"
              "border:1px solid var(--jp-border-color1,#bbb);background:var(--jp-layout-color2,#eee);"
              "color:var(--jp-ui-font-color1,#222);text-decoration:none;max-width:100%;box-sizing:border-box")
# (a long label wraps inside its column instead of running past a phone's screen: 09's CSV buttons at 390 px)


class Transfer(anywidget_base()):
    """The file chooser for imports (see the module docstring)."""

    _esm = traitlets.Unicode(_ESM).tag(sync=True)
    upload_label = traitlets.Unicode("Lees export in (.json)").tag(sync=True)
    max_bytes = traitlets.Int(MAX_UPLOAD_BYTES).tag(sync=True)


class Downloader(anywidget_base()):
    """Downloads ``files`` in the browser once, as soon as it exists there (never displayed)."""

    _esm = traitlets.Unicode(_DOWNLOAD_ESM).tag(sync=True)
    download_id = traitlets.Unicode("").tag(sync=True)
    files = traitlets.List().tag(sync=True)


def download_links_html(files: list[dict]) -> str:
    """Plain links that download each file from a data: URL: no widget module, no server URL.

    ``files`` are dicts with ``format``, ``label``, ``mime``, ``name`` and ``text``. A file too
    big for a link is named instead, with the folder it is in.
    """
    links, too_big = [], []
    for f in files:
        data = base64.b64encode(f["text"].encode("utf-8")).decode("ascii")
        href = f"data:{f['mime']};charset=utf-8;base64,{data}"
        if len(href) > MAX_LINK_CHARS:
            too_big.append(html.escape(f["label"]))
            continue
        links.append(f'<a class="wakker-download-{html.escape(f["format"])}" style="{LINK_STYLE}" '
                     f'href="{href}" download="{html.escape(f["name"])}">⬇ {html.escape(f["label"])}</a>')
    note = ""
    if too_big:
        note = (f"<br><small>Te groot voor een knop: {', '.join(too_big)}. Gebruik de kopie in je map "
                f"<i>Downloads</i> of het bestand in de map hierboven.</small>")
    head = f"<span>{AGAIN_LABEL}</span> " if links else ""
    return f'<div class="wakker-download-links" style="{LINKS_STYLE}">{head}{" ".join(links)}{note}</div>'


class ExportPanel(View):
    def __init__(self, journal: Journal):
        self.journal = journal
        try:
            known = journal.student()
        except Exception:  # noqa: BLE001
            known = ""
        self.name = w.Text(value=known, placeholder="je naam (mag leeg blijven)", description="Naam:",
                           layout=dict(width="22em", max_width="100%"))
        self.button = w.Button(description="Exporteer mijn antwoorden", icon="download", button_style="warning",
                               layout=dict(width="auto"))
        self.transfer = Transfer()
        self.downloader: Downloader | None = None
        # the message line and the download links are made when first needed (`result`, `links`): until the
        # first export or import they are empty, and each widget model costs the page a message (issue 11)
        self._result = None
        self._links = None
        self.serial = 0
        self._downloads: dict[str, str] = {}  # downloader id -> its export's message (completed when the browser says so)
        self.button.on_click(self._export)
        self.transfer.on_msg(self._on_msg)
        self._row = w.HBox([self.name, self.button], layout=dict(flex_flow="row wrap"))
        self.box = w.VBox([self._row, self.transfer], layout=BOX_ALONE, _dom_classes=("wakker-export",))

    @property
    def result(self):
        """The line for what an export or import did (an HTML widget below the import button)."""
        self._lines()
        return self._result

    @property
    def links(self):
        """After an export: the files as plain download links (an HTML widget below the message line)."""
        self._lines()
        return self._links

    def _lines(self, result: str = "", links: str = "") -> bool:
        """Make the message line and the links, with their first texts (one message each), below the import
        button, where their space was kept (:data:`BOX_ALONE`). False when they were there already."""
        if self._result is not None:
            return False
        self._result, self._links = w.HTML(result), w.HTML(links)
        self.box.children = (self._row, self.transfer, self._result, self._links)
        self.box.layout = BOX
        return True

    # -- exporting
    def export(self) -> dict[str, Path]:
        flush()  # answers still waiting for their save delay go into the export too
        return export_files(self.journal, export_folder(), student=self.name.value)

    def _export(self, _button=None) -> None:
        try:
            paths = self.export()
            files = [{"format": fmt, "label": label, "mime": mime, "name": paths[fmt].name,
                      "text": paths[fmt].read_text(encoding="utf-8")} for fmt, label, mime in AGAIN]
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
        links = download_links_html(files)
        if not self._lines(links=links):
            self._links.value = links
        self._show(notice_html(f"{message} Je browser probeert nu ook een kopie te downloaden. {IF_NOTHING}"))
        self._start_download([f for f in files if f["format"] in AUTO], message)

    def _start_download(self, files: list[dict], message: str) -> None:
        """A fresh downloader for this export: the one of an earlier export is not reused, so a downloader
        that failed to start (a slow browser just after Run All) never blocks the next try."""
        if self.downloader is not None:
            self._downloads.pop(self.downloader.download_id, None)
            self.downloader.close()
        download_id = f"{uuid.uuid4().hex}-{self.serial}"
        self._downloads[download_id] = message
        self.downloader = Downloader(download_id=download_id, files=files)
        self.downloader.on_msg(self._on_msg)

    def _downloaded(self, download_id: Any, names: Any) -> None:
        message = self._downloads.pop(download_id, None) if isinstance(download_id, str) else None
        if message is None:
            return
        if self.downloader is not None and self.downloader.download_id == download_id:
            self.downloader.close()  # done: a reloaded page must not download it again
            self.downloader = None
        names = [n for n in names if isinstance(n, str)] if isinstance(names, list) else []
        if names:
            listed = ", ".join(f"<code>{html.escape(n)}</code>" for n in names)
            self._show(notice_html(f"{message} Je browser heeft een kopie gedownload ({listed}): "
                                   f"kijk in je map <i>Downloads</i> (of waar je browser downloads bewaart). "
                                   f"{IF_NOTHING}"))
        else:
            self._show(notice_html(f"{message} Je browser kon zelf geen kopie downloaden. {IF_NOTHING}"))

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
            self._downloaded(content.get("id"), content.get("names"))
        elif content.get("type") == "upload":
            name = str(content.get("name") or "")[:200] or None
            if content.get("too_big") or not buffers:
                when = now_local().strftime("%H:%M:%S")
                self._show(error_html(f"Inlezen om {when} is niet gelukt: dit bestand is te groot voor een "
                                      f"export van het werkboek. Er is niets veranderd aan je antwoorden."))
                return
            self._show(self.import_bytes(bytes(buffers[0]), name))

    def _show(self, value: str) -> None:
        if self._lines(result=value):
            return
        self._result.value = ""  # the same text again is still a fresh message
        self._result.value = value
