"""The student mode (issue 10.3) in a real browser, offline: every ready notebook as a Voilà page.

One server for the whole module, started with the very command `make student` runs
(``tools/student.py``) in isolated Jupyter folders. Every request a page makes to anything but that
server (127.0.0.1:<port>) is refused and recorded, so a test fails on any attempt to reach the
internet (a CDN font, MathJax, a widget module).

For EVERY notebook with status ``klaar`` in data/notebooks.yaml, as a page without code:

* it renders completely (the export panel at its end is there, every plot drawn), with the Dutch
  waiting text, ``lang="nl"`` and the lesson's title in the browser tab;
* no code: no editor, no prompt, no source text;
* the visible text names nothing of JupyterLab (``wakker.core.mode.LAB_ONLY``); every
  ``.wakker-student`` text is shown and every ``.wakker-lab`` text is not;
* no error box (stderr output, traceback, Voilà's "There was an error", the workbook's
  ``wakker-fout``, "Error displaying widget"), no console error, no request off the machine;
* at 390 px wide nothing reaches past the window's edge outside a box that scrolls itself.

In 00 also: an answer typed is saved in the journal and is back after a reload, and the export
button's two files arrive as real browser downloads. Leaving a page stops its kernel: in 00 through
Voilà's own 'beforeunload' POST (which works only because the template sets the _xsrf cookie), in 04
through the template's 'pagehide' POST alone (what Safari on an iPhone sends).

A cell that fails says in Dutch what a student can do (no traceback, no instruction for developers).

Screenshots of 00 and 07 at 1280 and 390 px wide land in the git-ignored ``screenshots/student/``.
"""
from __future__ import annotations

import json
import re
import secrets
import sys
import time
import urllib.request
from pathlib import Path

import nbformat
import pytest
import yaml
from playwright.sync_api import expect

import jlab
from wakker.core.journal import Journal
from wakker.core.mode import LAB_ONLY

pytestmark = pytest.mark.browser

REPO = jlab.REPO_ROOT
SHOTS = REPO / "screenshots" / "student"
WIDE = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
RENDER_TIMEOUT = 240  # s: the page runs the whole notebook as it opens; 2 shared cores can be slow
READY = [e["id"] for e in yaml.safe_load((REPO / "data" / "notebooks.yaml").read_text(encoding="utf-8"))
         if e.get("status") == "klaar"]
SCREENSHOTS = {"00_start", "07_blog_vertrouwen_prisoners_dilemma"}
QUESTION = ("00_start", "demo-vertrouwen")  # the notebook and open question where an answer is typed


def student_texts_in(notebook: str) -> int:
    """How many student-mode texts the notebook's Markdown holds."""
    nb = nbformat.read(REPO / "notebooks" / f"{notebook}.ipynb", as_version=4)
    return sum(c.source.count('class="wakker-student"') for c in nb.cells if c.cell_type == "markdown")


@pytest.fixture(scope="module")
def student_server(chromium_path, tmp_path_factory):
    """The server of `make student` (tools/student.py), in temp Jupyter folders and a temp journal."""
    tmp = tmp_path_factory.mktemp("student-mode")
    env = jlab.isolated_env(tmp)
    env["WAKKER_JOURNAL"] = str(tmp / "journal" / "journal.sqlite")
    env["WAKKER_EXPORTS"] = str(tmp / "exports")
    env.pop("WAKKER_MODE", None)
    token = secrets.token_hex(24)
    env["JUPYTER_TOKEN"] = token
    port = jlab.free_port()
    cmd = [sys.executable, str(REPO / "tools" / "student.py"), "--no-browser", "--port", str(port),
           f"--FileCheckpoints.checkpoint_dir={tmp / 'checkpoints'}"]
    with jlab.running_command(cmd, env, port, token, tmp) as server:
        yield server


def kernels(server) -> list[str]:
    return [k["id"] for k in server.api("GET", "api/kernels") or []]


@pytest.fixture
def offline_page(request, browser, student_server):
    """A page whose every request and web socket to anything but the server is refused and recorded in
    ``page.blocked``. Only those are routed: routing the server's own requests too held up the beacon
    that stops a page's kernel when it is left. Afterwards every kernel is stopped (Voilà's kernels
    have no session, so jlab.new_page's clean-up does not see them)."""
    with jlab.new_page(request, browser, student_server, accept_downloads=True) as pg:
        pg.set_viewport_size(WIDE)
        blocked: list[str] = []
        host = re.escape(student_server.base_url.split("://", 1)[1])  # 127.0.0.1:<port>/

        def refuse(route):
            blocked.append(route.request.url)
            route.abort()

        def refuse_socket(ws):
            blocked.append(ws.url)
            ws.close()

        pg.context.route(re.compile(rf"^(?!http://{host}|data:|blob:)"), refuse)
        pg.context.route_web_socket(re.compile(rf"^(?!ws://{host})"), refuse_socket)
        pg.blocked = blocked
        try:
            yield pg
        finally:
            for kid in kernels(student_server):
                try:
                    student_server.api("DELETE", f"api/kernels/{kid}")
                except Exception:  # noqa: BLE001 - stopped in the meantime
                    pass


def shot(page, name: str, locator=None) -> Path:
    """A screenshot of the viewport (after scrolling ``locator`` to the top of it) in screenshots/student/."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    locator = locator if locator is not None else page.locator("#rendered_cells h1").first
    locator.evaluate("e => e.scrollIntoView({block: 'start'})")  # the page scrolls in an element, not the window
    page.wait_for_timeout(400)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path))
    return path


def open_student_page(page, server, notebook: str) -> str:
    """Open ``notebook`` in the student mode and wait until it is complete (the export panel at its end
    is shown, every plot drawn). Returns the waiting text seen, if the page was not complete at once."""
    t0 = time.monotonic()
    page.goto(server.url(f"voila/render/notebooks/{notebook}.ipynb"), wait_until="commit",
              timeout=RENDER_TIMEOUT * 1000)
    waiting = ""
    try:
        page.wait_for_selector("#loading_text", timeout=15_000)
        waiting = page.locator("#loading_text").inner_text(timeout=2_000)
    except Exception:  # noqa: BLE001 - the page may already be there
        pass
    page.wait_for_function(
        "() => { const c = document.getElementById('rendered_cells');"
        "  const ex = document.querySelector('.wakker-export');"
        "  return c && c.style.display !== 'none' && !document.getElementById('loading')"
        "    && ex && ex.offsetHeight > 0"
        "    && Array.from(document.querySelectorAll('.js-plotly-plot')).every(p => p.querySelector('.main-svg')); }",
        timeout=RENDER_TIMEOUT * 1000, polling=250)
    print(f"{notebook}: complete after {time.monotonic() - t0:.1f} s (waiting text {waiting!r})")
    return waiting


def check_student_page(page, notebook: str) -> None:
    """No code, no JupyterLab words, the student versions shown and the lab ones not, no error box."""
    cells = page.locator("#rendered_cells")
    text = cells.inner_text()  # what a student sees: innerText leaves out what is not displayed
    assert page.locator(".jp-CodeCell").count() >= 10
    assert page.locator(".jp-CodeCell .jp-InputArea, .cm-editor, .jp-InputPrompt, .jp-OutputPrompt").filter(
        visible=True).count() == 0
    for code in ("from wakker import", "nb = page(", "nb.export_panel(", "nb.quote("):
        assert code not in text, f"{notebook}: code on the page: {code}"
    found = LAB_ONLY.search(text)
    assert found is None, f"{notebook}: a JupyterLab instruction is shown: …{text[max(0, found.start() - 80):found.end() + 40]}…"
    modes = page.evaluate(
        "() => { const shown = e => getComputedStyle(e).display !== 'none';"
        "  const s = Array.from(document.querySelectorAll('#rendered_cells .wakker-student'));"
        "  const l = Array.from(document.querySelectorAll('#rendered_cells .wakker-lab'));"
        "  const t = e => e.textContent.trim().slice(0, 70);"
        "  return {student: s.length, studentHidden: s.filter(e => !shown(e)).map(t),"
        "          lab: l.length, labShown: l.filter(shown).map(t)}; }")
    assert modes["student"] >= student_texts_in(notebook) >= 1, (notebook, modes)
    assert modes["studentHidden"] == [], f"{notebook}: student-mode texts not shown: {modes['studentHidden']}"
    assert modes["labShown"] == [], f"{notebook}: JupyterLab texts shown: {modes['labShown']}"
    errors = page.locator("[data-mime-type='application/vnd.jupyter.stderr'], [data-mime-type='application/vnd.jupyter.error'],"
                          " .jp-OutputArea-output.jp-mod-error, .wakker-fout")
    assert errors.count() == 0, f"{notebook}: error boxes: {errors.all_inner_texts()}"
    for sign in ("Traceback", "There was an error", "Error displaying widget", "model not found"):
        assert sign not in text, f"{notebook}: {sign!r} on the page"


def answer(page, server, notebook: str, question_id: str, text: str):
    question = page.locator(f".wakker-q-{question_id}")
    jlab.type_into(question.locator("textarea"), text)
    expect(question).to_contain_text("opgeslagen om", timeout=20_000)
    deadline, saved = time.monotonic() + 20, None  # a long answer is saved while typing, then once more
    while time.monotonic() < deadline:
        saved = Journal(server.journal).latest(notebook, question_id)
        if saved is not None and saved.value == text:
            break
        time.sleep(0.25)
    assert saved is not None and saved.value == text, saved
    return question


def export_downloads(page, text: str) -> None:
    """The export button's two files (.json and .html) arrive as browser downloads, with the answer."""
    panel = page.locator(".wakker-export").first
    panel.scroll_into_view_if_needed()
    by_suffix = jlab.export_downloads(page, panel, "Sam de Student")
    doc = json.loads(Path(by_suffix[".json"].path()).read_text(encoding="utf-8"))
    assert doc["student"] == "Sam de Student" and text in [e["value"] for e in doc["entries"]]
    assert "<main>" in Path(by_suffix[".html"].path()).read_text(encoding="utf-8")
    expect(panel).to_contain_text("heeft een kopie gedownload", timeout=20_000)
    assert panel.locator("a[href*='/files/']").count() == 0  # no link into a file browser


def leave_and_expect_kernel_stopped(page, server, events: tuple[str, ...], timeout: float = 45) -> None:
    """Send the page the events a browser sends when a page is left, then wait until its kernel stops.
    (Navigating away for real is not used: on 2 busy cores Chromium sometimes discarded the page before
    its handlers ran, which would make this check a lottery.)"""
    kernel = page.evaluate("() => JSON.parse(document.getElementById('jupyter-config-data').textContent).kernelId")
    assert kernel in kernels(server), f"the page's kernel {kernel} does not run"
    before = {kernel}  # only this page's: a page left earlier may still be stopping its own
    page.evaluate("events => events.forEach(name => window.dispatchEvent(name === 'pagehide'"
                  "  ? new PageTransitionEvent('pagehide', {persisted: false}) : new Event(name)))", list(events))
    deadline = time.monotonic() + timeout
    while set(kernels(server)) & before and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not set(kernels(server)) & before, f"after {events} the page's kernel still runs (the shutdown POST refused or not sent?)"


def sticking_out(page) -> list[str]:
    """Elements reaching past the right edge of the window without a scrolling box around them
    (a page a student would have to pan sideways)."""
    return page.evaluate(
        "() => { const W = document.documentElement.clientWidth, out = [];"
        "  for (const e of document.querySelectorAll('#rendered_cells *')) {"
        "    const r = e.getBoundingClientRect();"
        "    if (r.width === 0 || r.right <= W + 1) continue;"
        "    let p = e.parentElement, scrolls = false;"
        "    for (; p && p.id !== 'rendered_cells'; p = p.parentElement)"
        "      if (getComputedStyle(p).overflowX !== 'visible') { scrolls = true; break; }"
        "    if (!scrolls) out.push(`${e.tagName.toLowerCase()}.${String(e.className).split(' ').slice(0, 3).join('.')}"
        " (${Math.round(r.right)} px): ${(e.textContent || '').trim().slice(0, 50)}`);"
        "  } return out.slice(0, 8); }")


def screenshots(page, notebook: str) -> None:
    """The top, the first question or slider and the export panel, at 1280 and at 390 px wide."""
    nr = notebook[:2]
    widget = page.locator("#rendered_cells .wakker-question, #rendered_cells .widget-slider").first
    for label, size in (("1280", WIDE), ("390", PHONE)):
        page.set_viewport_size(size)
        page.wait_for_timeout(800)
        shot(page, f"{nr}-{label}-1-top")
        if widget.count():
            shot(page, f"{nr}-{label}-2-widget", widget)
        shot(page, f"{nr}-{label}-3-export", page.locator(".wakker-export").first)
    page.set_viewport_size(WIDE)


def test_every_ready_notebook_is_listed():
    assert {"00_start", "04_boek_deel3_vierde_orde_leiders", "07_blog_vertrouwen_prisoners_dilemma"} <= set(READY)
    assert len(READY) >= 6, READY


def test_the_waiting_screen_is_dutch_in_the_page_as_sent(student_server):
    """The waiting text is Dutch in the HTML itself (wakker/spinner.macro.html.j2), not only after a script
    has replaced Voilà's "Running ...": on a busy machine the browser showed the English text first."""
    before = set(kernels(student_server))
    url = student_server.url("voila/render/notebooks/00_start.ipynb")
    try:
        with urllib.request.urlopen(url, timeout=RENDER_TIMEOUT) as response:
            html = response.read().decode("utf-8")
    finally:
        for kid in set(kernels(student_server)) - before:
            student_server.api("DELETE", f"api/kernels/{kid}")
    waiting = re.search(r'<h2 id="loading_text">(.*?)</h2>', html, re.S)
    assert waiting and waiting.group(1).strip() == "De les wordt klaargezet …", waiting and waiting.group(0)
    assert "Running" not in html.split('id="rendered_cells"')[0]
    assert "voila-spinner-color1{" in html.replace(" ", "").replace("\n", "")  # Voilà's look is kept


def test_kernel_messages_go_compressed(student_server):
    """The server of `make lab` and `make student` (jupyter-config/) agrees to compress the kernel's web
    socket (permessage-deflate): on Binder or a hub a Run All sends a tenth of the bytes over the network."""
    import base64
    import socket
    from urllib.parse import urlparse

    kernel = student_server.api("POST", "api/kernels", {"name": "python3"})["id"]
    try:
        url = urlparse(student_server.url(f"api/kernels/{kernel}/channels"))
        with socket.create_connection((url.hostname, url.port), timeout=30) as sock:
            sock.sendall((f"GET {url.path}?{url.query} HTTP/1.1\r\nHost: {url.netloc}\r\nUpgrade: websocket\r\n"
                          "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                          f"Sec-WebSocket-Key: {base64.b64encode(secrets.token_bytes(16)).decode()}\r\n"
                          "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n\r\n").encode())
            answer = b""
            while b"\r\n\r\n" not in answer:
                chunk = sock.recv(4096)
                if not chunk:
                    break
                answer += chunk
    finally:
        student_server.api("DELETE", f"api/kernels/{kernel}")
    head = answer.decode("latin-1").lower()
    assert head.startswith("http/1.1 101"), head[:200]
    assert "sec-websocket-extensions: permessage-deflate" in head, head


@pytest.mark.parametrize("notebook", READY, ids=[nb[:2] for nb in READY])
def test_student_page_offline(offline_page, student_server, notebook):
    page, server = offline_page, student_server
    waiting = open_student_page(page, server, notebook)
    assert not waiting or waiting.startswith("De les wordt klaargezet"), waiting
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    title = page.locator("#rendered_cells h1").first.inner_text().strip().rstrip("¶").strip()
    assert page.title() == f"{title} – Wakker werkboek", page.title()
    check_student_page(page, notebook)
    links = page.locator("#rendered_cells a[href$='.ipynb']").all()
    for link in links[:3]:  # links between notebooks stay in the student mode
        href = link.evaluate("a => a.href")
        assert "/voila/render/notebooks/" in href and "/files/" not in href, href
    if notebook in SCREENSHOTS:
        screenshots(page, notebook)
    page.set_viewport_size(PHONE)  # a phone: nothing makes the page wider than the screen
    page.wait_for_timeout(500)
    assert sticking_out(page) == [], f"{notebook} at 390 px: {sticking_out(page)}"
    page.set_viewport_size(WIDE)

    if notebook == QUESTION[0]:
        written = "In de studentweergave getypt: afspraken nakomen, ook als het tegenzit."
        answer(page, server, notebook, QUESTION[1], written)
        export_downloads(page, written)
        open_student_page(page, server, notebook)  # opened again: a new kernel, the same journal
        expect(page.locator(f".wakker-q-{QUESTION[1]} textarea")).to_have_value(written, timeout=30_000)
        leave_and_expect_kernel_stopped(page, server, ("beforeunload",))
    elif notebook == "04_boek_deel3_vierde_orde_leiders":
        leave_and_expect_kernel_stopped(page, server, ("pagehide",))

    assert not page.blocked, f"requests to the internet: {page.blocked}"
    assert not jlab.console_errors(page), jlab.console_errors(page)


def test_an_error_says_in_dutch_what_to_do(offline_page, student_server):
    """A cell that fails shows no traceback and no Voilà instruction for developers, but what a student
    can do, in Dutch (VoilaExecutor.cell_error_instruction in student-mode/config)."""
    page, server = offline_page, student_server
    folder = SHOTS / "fout"
    folder.mkdir(parents=True, exist_ok=True)  # git-ignored, inside the server's root
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("# Een les met een fout"),
                                         nbformat.v4.new_code_cell("1 / 0")])
    nb.metadata.kernelspec = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(nb, folder / "fout.ipynb")
    try:
        page.goto(server.url("voila/render/screenshots/student/fout/fout.ipynb"), wait_until="commit")
        error = page.locator("[data-mime-type='application/vnd.jupyter.stderr'], [data-mime-type='application/vnd.jupyter.error'],"
                             " .jp-OutputArea-output.jp-mod-error").first
        expect(error).to_contain_text("laat het dan aan je docent zien", timeout=RENDER_TIMEOUT * 1000)
    finally:  # no notebook that fails on purpose stays behind for anything that collects notebooks
        (folder / "fout.ipynb").unlink()
    text = error.inner_text()
    assert "show_tracebacks" not in text and "ZeroDivisionError" not in text, text
    shot(page, "fout-1280")
    assert not page.blocked, page.blocked


def test_a_figure_far_below_is_drawn_before_the_student_scrolls_to_it(request, browser, student_server):
    """The student mode without the tests' draw-everything switch (``jlab.DRAW_ALL``): the workbook draws a figure
    far below the view only when it comes within a screen of it (``figure_esm.py``). In JupyterLab the notebook
    scrolls in its own panel (test_figure_browser.py checks that); in Voilà ``#rendered_cells`` scrolls. Scrolled
    down 300 px at a time, no figure may still be waiting when it is less than one such step below the window
    (with Voilà's body as the observer's root, each waited until it was in view), and at the end none waits."""
    notebook = "07_blog_vertrouwen_prisoners_dilemma"
    with jlab.new_page(request, browser, student_server, draw_all=False) as page:
        page.set_viewport_size(WIDE)
        open_student_page(page, student_server, notebook)
        state = ("() => { const figs = Array.from(document.querySelectorAll('.wakker-figure'));"
                 "  const h = window.innerHeight, s = document.getElementById('rendered_cells');"
                 "  const waits = f => f.classList.contains('wakker-later-tekenen');"
                 "  return {all: figs.length, waiting: figs.filter(waits).length,"
                 "          comingWaiting: figs.filter(f => waits(f) && f.getBoundingClientRect().top < h + 300).length,"
                 "          y: s.scrollTop, end: s.scrollHeight - s.clientHeight}; }")
        seen = page.evaluate(state)
        print("Voilà, 07, after rendering:", seen)
        assert seen["all"] >= 3 and seen["waiting"] >= 1 and seen["end"] > 3000, seen  # lazy drawing is on
        for _ in range(200):
            page.evaluate("document.getElementById('rendered_cells').scrollBy(0, 300)")
            page.wait_for_timeout(150)
            seen = page.evaluate(state)
            assert seen["comingWaiting"] == 0, f"a figure right below the window still waits: {seen}"
            if seen["y"] >= seen["end"]:
                break
        assert seen["waiting"] == 0, f"figures that were never drawn: {seen}"
        page.wait_for_function("() => Array.from(document.querySelectorAll('.wakker-figure'))"
                               "  .every(f => f.querySelector('.main-svg'))", timeout=30_000)
