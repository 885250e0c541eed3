"""LiveFigure's browser half (``wakker/ui/figure_esm.py``) in a real JupyterLab, on the fixture
notebook ``fixtures/figure.ipynb`` (a LiveFigure and a slider that changes it):

* every change arrives, and the plot ends on the newest one;
* a burst of changes is drawn a few times, not once per change (no backlog of stale repaints),
  also when a slider is moved with the keyboard as fast as it goes;
* a change of only a line (a shape) is drawn on its own (Plotly.relayout, not a whole new plot), and a
  later change of the data keeps the line;
* a figure that cannot be drawn says so in Dutch, and draws again once it can;
* a slider with the workbook's Dutch readout (the fixture's second cell) gives its handle that value for a screen
  reader after every key, also when nothing but the slider's own row changed in its output.
"""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

import jlab

NOTEBOOK = "tests/browser/fixtures/figure.ipynb"

pytestmark = pytest.mark.browser

PLOT = ".wakker-figure:not(.wakker-test-lijnen):not(.wakker-test-gestapeld) .js-plotly-plot"  # the first cell's plot

# Counts the draws of the (first) plot: plotly fires plotly_afterplot after every react.
COUNT_DRAWS = """() => { const gd = document.querySelector('%s');
  window.__draws = 0; gd.on('plotly_afterplot', () => { window.__draws += 1; }); }""" % PLOT
SHOWN = """() => { const gd = document.querySelector('%s');
  return {title: gd.layout.title.text, y: Array.from(gd.data[0].y),
          svgTitle: (gd.querySelector('.gtitle') || {}).textContent, draws: window.__draws}; }""" % PLOT


def _ready(page, jupyter_server):
    jlab.open_notebook(page, jupyter_server, NOTEBOOK, timeout=180)
    jlab.run_all(page)
    jlab.wait_for_widgets(page)
    expect(page.locator(PLOT + " .main-svg").first).to_be_visible()
    expect(page.locator(PLOT + " .gtitle")).to_have_text("Stap 0")


def _wait_for_title(page, title: str, timeout: float = 15):
    page.wait_for_function("(t) => { const g = document.querySelector('%s');"
                           " return g && g.layout && g.layout.title.text === t"
                           " && (g.querySelector('.gtitle') || {}).textContent === t; }" % PLOT,
                           arg=title, timeout=timeout * 1000)


def test_changes_arrive_and_a_burst_is_drawn_a_few_times_ending_on_the_newest(page, jupyter_server, fresh_journal):
    _ready(page, jupyter_server)
    page.evaluate(COUNT_DRAWS)
    # 60 changes as fast as the kernel makes them (each is one patch message to the page)
    jlab.run_in_kernel(page, "for i in range(1, 61):\n"
                             "    with fig.batch_update():\n"
                             "        fig.data[0].y = [i, 100 - i]\n"
                             "        fig.layout.title.text = f'Stap {i}'\n")
    _wait_for_title(page, "Stap 60")
    page.wait_for_timeout(800)  # anything still queued would be drawn now
    shown = page.evaluate(SHOWN)
    assert shown["title"] == shown["svgTitle"] == "Stap 60" and shown["y"] == [60, 40], shown
    assert 1 <= shown["draws"] <= 20, f"{shown['draws']} draws for 60 changes: stale changes were drawn"
    jlab.screenshot(page, "figure-01-after-burst", locator=page.locator(".wakker-figure").first)

    # one change after the burst still arrives (patches, not only whole figures)
    jlab.run_in_kernel(page, "fig.data[0].marker.color = 'rgb(224, 159, 62)'")
    page.wait_for_function("() => document.querySelector('%s').data[0].marker.color === 'rgb(224, 159, 62)'" % PLOT,
                           timeout=15_000)
    # the page said it was ready, and the changes went as patches: the synced revision stayed behind
    assert jlab.run_in_kernel(page, "print(fig._page_ready, fig.widget._rev < fig._rev)").split() == ["True", "True"]


def test_a_slider_moved_fast_ends_on_its_last_value_without_a_backlog(page, jupyter_server, fresh_journal):
    _ready(page, jupyter_server)
    page.evaluate(COUNT_DRAWS)
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.focus()
    for _ in range(25):
        handle.press("ArrowRight")
    _wait_for_title(page, "Stap 25")
    first_seen = page.evaluate(SHOWN)
    page.wait_for_timeout(1000)
    later = page.evaluate(SHOWN)
    assert later["title"] == "Stap 25" and later["y"] == [25, 75], later
    assert later["draws"] == first_seen["draws"], "the plot kept redrawing after it showed the last value"
    # at most one draw per key press; plotly_afterplot also fires when the page resizes the plot (a
    # scrollbar that comes or goes during the presses), so allow two of those on top
    assert later["draws"] <= 25 + 2, later
    assert not jlab.console_errors(page)


def test_a_dutch_slider_gives_its_handle_the_dutch_value_after_every_key(page, jupyter_server, fresh_journal):
    # noUiSlider writes its own value text on the handle at every move ("0.55"); the page's namer (style.py) writes
    # the readout's over it. Here the slider's row is all that changes in its output: the plot it moves is elsewhere.
    _ready(page, jupyter_server)
    handle = page.locator(".wakker-test-aandeel .noUi-handle")
    readout = page.locator(".wakker-readout-test-aandeel")
    expect(handle).to_have_attribute("aria-valuetext", "0,50")
    handle.focus()
    for value in ("0,55", "0,60", "0,65"):
        handle.press("ArrowRight")
        expect(readout).to_have_text(value)
        expect(handle).to_have_attribute("aria-valuetext", value)
    page.wait_for_function("() => Math.abs(document.querySelector('%s').layout.yaxis.range[1] - 165) < 1e-6" % PLOT,
                           timeout=15_000)


# Counts whole draws (plotly_react) and light ones (plotly_relayout) of the first plot, and reads the line
# shapes the plot shows: their x in the figure and how many the SVG has. A resize of the plot (a scrollbar
# that comes or goes on a busy machine) is a relayout of {autosize: true} and a new plot (afterplot): it is
# counted apart, so that it cannot pass for one of the figure's own draws.
COUNT_KINDS = """() => { const gd = document.querySelector('%s');
  window.__kinds = {react: 0, relayout: 0, resize: 0};
  gd.on('plotly_react', () => { window.__kinds.react += 1; });
  gd.on('plotly_relayout', (e) => { window.__kinds[e && 'autosize' in e ? 'resize' : 'relayout'] += 1; }); }""" % PLOT
SHAPES = """() => { const gd = document.querySelector('%s');
  return {x0: (gd.layout.shapes || []).map(s => s.x0), paths: gd.querySelectorAll('.shapelayer path').length,
          y: Array.from(gd.data[0].y), kinds: Object.assign({}, window.__kinds)}; }""" % PLOT
SHAPE = "fig.layout.shapes = [dict(type='line', xref='paper', x0={x}, x1={x}, y0=0, y1=50, line=dict(color='red'))]"


def test_a_line_that_follows_a_change_is_redrawn_on_its_own_and_later_changes_keep_it(page, jupyter_server,
                                                                                      fresh_journal):
    _ready(page, jupyter_server)
    page.evaluate(COUNT_KINDS)
    shown = lambda: page.evaluate(SHAPES)  # noqa: E731
    for x in (0.25, 0.5, 0.75):  # only the shape changes (a line that follows a slider)
        jlab.run_in_kernel(page, SHAPE.format(x=x))
        page.wait_for_function("(x) => { const s = document.querySelector('%s').layout.shapes;"
                               " return s && s.length === 1 && s[0].x0 === x; }" % PLOT, arg=x, timeout=15_000)
        assert shown()["paths"] == 1, shown()
    light = shown()
    # drawn without a new plot (Plotly.relayout), each change once
    assert light["kinds"]["react"] == 0 and light["kinds"]["relayout"] == 3, light
    # a change of the data draws the whole figure again, and the line stays where it was
    jlab.run_in_kernel(page, "fig.data[0].y = [7, 93]")
    page.wait_for_function("() => document.querySelector('%s').data[0].y[0] === 7" % PLOT, timeout=15_000)
    page.wait_for_timeout(300)
    after = shown()
    assert after["x0"] == [0.75] and after["paths"] == 1 and after["kinds"]["react"] >= 1, after
    # and the line can go again
    jlab.run_in_kernel(page, "fig.layout.shapes = []")
    page.wait_for_function("() => document.querySelectorAll('%s .shapelayer path').length === 0" % PLOT,
                           timeout=15_000)
    assert not jlab.console_errors(page)


def test_a_figure_that_cannot_be_drawn_says_so_in_dutch(page, jupyter_server, fresh_journal):
    _ready(page, jupyter_server)
    fig = page.locator(".wakker-figure").first
    # the figure's JSON is damaged on its way: a Dutch message instead of a plot that silently stays old
    jlab.run_in_kernel(page, "fig.widget._send({'method': 'update', 'state': {}, 'buffer_paths': [['_figure']]},"
                             " buffers=[b'{kapot'])")
    expect(fig.locator(".wakker-fout")).to_contain_text("De grafiek kon niet getekend worden", timeout=15_000)
    jlab.screenshot(page, "figure-02-damaged", locator=fig)
    # whole again: the message goes, the plot follows the kernel
    jlab.run_in_kernel(page, "fig.layout.title.text = 'Weer heel'\nfig.redraw()")
    _wait_for_title(page, "Weer heel")
    expect(fig.locator(".wakker-fout")).to_have_count(0)

    # a page without plotly.js (no jupyterlab-plotly): a Dutch message, not an empty box
    page.evaluate("() => { window.__plotly = window.Plotly; delete window.Plotly;"
                  " window.__wakkerPlotly = Promise.reject(new Error('geen plotly')); }")
    jlab.run_all(page)
    fig = page.locator(".wakker-figure").first
    expect(fig.locator(".wakker-fout")).to_contain_text("plotly ontbreekt", timeout=15_000)
    expect(fig.locator(".main-svg")).to_have_count(0)
    jlab.screenshot(page, "figure-03-no-plotly", locator=fig)
    page.evaluate("() => { window.Plotly = window.__plotly; window.__wakkerPlotly = null; }")
    jlab.run_all(page)
    expect(page.locator(PLOT + " .gtitle")).to_have_text("Stap 0", timeout=15_000)
    expect(fig.locator(".wakker-fout")).to_have_count(0)


# Every widget module (anywidget loads each from a blob URL) takes 2.5 s to arrive, as on a busy page
# during Run All: anywidget 0.11 then gives up on the model after 2 s and drops its messages.
SLOW_MODULES = """() => { const make = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (blob) => {
    if (blob && blob.type === 'text/javascript') { const end = performance.now() + 2500; while (performance.now() < end) {} }
    return make(blob); }; }"""


def test_a_figure_whose_module_loaded_late_still_follows_the_slider(page, jupyter_server, fresh_journal):
    jlab.open_notebook(page, jupyter_server, NOTEBOOK, timeout=180)
    page.evaluate(SLOW_MODULES)
    jlab.run_all(page)
    jlab.wait_for_widgets(page, timeout=60)
    expect(page.locator(PLOT + " .gtitle")).to_have_text("Stap 0", timeout=15_000)
    handle = page.locator(".widget-slider .noUi-handle").first
    handle.focus()
    for _ in range(3):
        handle.press("ArrowRight")
    _wait_for_title(page, "Stap 3")
    assert page.evaluate(SHOWN)["y"] == [3, 97]


def test_a_lesson_that_imports_figures_lets_the_page_load_plotly_before_the_first_one(page, jupyter_server,
                                                                                     fresh_journal):
    """On a first Run All the page loaded plotly.js only when the first figure came (about a second of
    parsing while the kernel had long been waiting); importing wakker.ui.figure starts it in the background."""
    jlab.open_notebook(page, jupyter_server, "notebooks/00_start.ipynb", timeout=180)
    jlab.run_all(page)  # the start notebook draws no figure: nothing loads plotly.js
    jlab.wait_for_widgets(page)
    assert page.evaluate("() => !window.__wakkerPlotly && !document.querySelector('.js-plotly-plot')")
    jlab.run_in_kernel(page, "import wakker.ui.figure")
    page.wait_for_function("() => !!window.__wakkerPlotly", timeout=15_000)
    assert page.evaluate("async () => typeof (await window.__wakkerPlotly).react") == "function"
    assert not page.locator(".js-plotly-plot").count()  # loaded, nothing drawn
    # the workbook's own plotly.js (cartesian + scatterpolar), from the server extension's route (a third of the full bundle)
    assert page.evaluate("() => window.__wakkerPlotlyFrom") == "werkboek"
    assert page.evaluate("() => Array.from(document.scripts).filter(s => s.src.includes('wakker/static/')).length") == 1
    assert not jlab.console_errors(page)


def test_an_open_workbook_notebook_has_plotly_loaded_before_run_all(page, jupyter_server, fresh_journal):
    """The JupyterLab extension wakker-voorladen (jupyter-data/labextensions/): while a notebook of the workbook
    is open and the page is idle, the page loads the workbook's plotly.js, and the first figure of Run All
    draws with that copy instead of loading it again (benchmarks/bench_browser.py: a cold Run All ~0.3-0.5 s
    shorter for a student who reads first). A notebook that does not import the workbook loads nothing, also when
    it has the word 'wakker' (Dutch for 'awake': another course's notebook on a shared hub; an independent review)."""
    other = {"cells": [{"cell_type": "code", "execution_count": None, "id": "a", "metadata": {}, "outputs": [],
                        "source": "# wakker blijven in de les\nprint('wakker')"}],
             "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
             "nbformat": 4, "nbformat_minor": 5}
    jupyter_server.api("PUT", "api/contents/screenshots/ander-vak-wakker.ipynb", {"type": "notebook", "content": other})
    jlab.open_notebook(page, jupyter_server, "screenshots/ander-vak-wakker.ipynb", timeout=180)
    assert "wakker-voorladen" in page.evaluate("() => Object.keys(window._JUPYTERLAB || {})")
    page.wait_for_timeout(3500)  # longer than the extension waits for an idle page (at most 3 s)
    assert page.evaluate("() => !window.__wakkerPlotlyPreload && !window.Plotly")

    jlab.open_notebook(page, jupyter_server, NOTEBOOK, timeout=180)
    page.wait_for_function("() => !!window.__wakkerPlotlyPreload", timeout=15_000)
    assert page.evaluate("async () => { const P = await window.__wakkerPlotlyPreload; return P && typeof P.react; }") \
        == "function"
    assert not page.locator(".js-plotly-plot").count()  # loaded before any cell ran
    jlab.run_all(page)
    jlab.wait_for_widgets(page)
    expect(page.locator(PLOT + " .gtitle")).to_have_text("Stap 0")
    assert page.evaluate("() => window.__wakkerPlotlyFrom") == "werkboek"
    # one copy of plotly.js in the page: the figure took the preloaded one
    assert page.evaluate("() => Array.from(document.scripts).filter(s => s.src.includes('wakker/static/')).length") == 1
    assert page.evaluate("() => window.Plotly === window.__wakkerOwnPlotly")
    assert not jlab.console_errors(page)


LAZY_NB = {"cells": [
    {"cell_type": "code", "execution_count": None, "id": "boven", "metadata": {}, "outputs": [],
     "source": "from IPython.display import HTML\nHTML('<div style=\"height: 4000px\">Eerst veel tekst.</div>')"},
    {"cell_type": "code", "execution_count": None, "id": "onder", "metadata": {}, "outputs": [],
     "source": "from wakker.ui.figure import LiveFigure\nfig = LiveFigure(dict(data=[dict(type='bar', x=['a', 'b'], "
               "y=[1, 2])], layout=dict(title=dict(text='Ver weg'), height=300)))\nfig"},
    {"cell_type": "code", "execution_count": None, "id": "nog", "metadata": {}, "outputs": [],
     "source": "HTML('<div style=\"height: 4000px\">Nog meer tekst.</div>')"},
    {"cell_type": "code", "execution_count": None, "id": "laatst", "metadata": {}, "outputs": [],
     "source": "fig2 = LiveFigure(dict(data=[dict(type='bar', x=['c'], y=[3])], "
               "layout=dict(title=dict(text='Helemaal onderaan'), height=300)))\nfig2"}],
    "metadata": {"kernelspec": {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}},
    "nbformat": 4, "nbformat_minor": 5}


def test_a_figure_far_below_the_view_is_drawn_when_the_student_scrolls_near_it(request, browser, jupyter_server,
                                                                             fresh_journal):
    """A student's page (not the tests' __wakkerDrawAll): after Run All only the figures within a screen of the view
    are drawn (issue 11: every plot of a lesson at once was ~0.2 s of 07's Run All); one further down is drawn,
    as it is by then, when the student scrolls near it; printing draws every figure."""
    jupyter_server.api("PUT", "api/contents/screenshots/ver-weg.ipynb", {"type": "notebook", "content": LAZY_NB})
    with jlab.new_page(request, browser, jupyter_server, draw_all=False) as page:
        jlab.open_notebook(page, jupyter_server, "screenshots/ver-weg.ipynb", timeout=180)
        assert not page.evaluate("() => window.__wakkerDrawAll")
        jlab.run_all(page)
        jlab.wait_for_widgets(page)
        figures = page.locator(".wakker-figure")
        expect(figures).to_have_count(2)
        page.wait_for_timeout(1000)
        assert page.locator(".wakker-figure .js-plotly-plot").count() == 0  # far below: not drawn yet
        # a change before the first draw: the figure is drawn as it is when the student gets there
        jlab.run_in_kernel(page, "fig.layout.title.text = 'Ver weg, bijgewerkt'")
        # scrolled down as a student does (300 px at a time): its drawing starts before it is on screen (the view
        # drops its class wakker-later-tekenen then; waiting for plotly's own element instead made the test depend on
        # how fast plotly draws: the test went red once in a long run, its message not kept, and that was the step
        # that depends on time)
        tops = page.evaluate("""async () => {
            const s = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-WindowedPanel-outer');
            const f = document.querySelector('.wakker-figure'), tops = [];
            const waiting = () => f.classList.contains('wakker-later-tekenen') || !!f.querySelector('.wakker-later-tekenen');
            for (let i = 0; i < 40 && waiting(); i++) {
              s.scrollTop += 300; await new Promise(r => setTimeout(r, 150));
              tops.push(Math.round(f.getBoundingClientRect().top - s.getBoundingClientRect().bottom)); }
            return tops; }""")
        assert tops and tops[-1] > 0, tops  # still below the screen's bottom edge when its drawing started
        expect(figures.first.locator(".gtitle")).to_have_text("Ver weg, bijgewerkt", timeout=10_000)
        assert page.locator(".wakker-figure .js-plotly-plot").count() == 1  # the other is still far away
        page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # printing: every figure
        expect(figures.nth(1).locator(".gtitle")).to_have_text("Helemaal onderaan", timeout=10_000)
        assert not jlab.console_errors(page)


def test_without_the_workbooks_plotly_route_the_figure_draws_with_jupyterlab_plotly(page, jupyter_server,
                                                                                 fresh_journal):
    """A server without the extension wakker.serverstatic (the route answers 404): the page falls back to
    the full plotly.js of the jupyterlab-plotly extension, and every change still arrives."""
    page.route("**/wakker/static/**", lambda route: route.fulfill(status=404, body="Not Found"))
    _ready(page, jupyter_server)
    assert page.evaluate("() => window.__wakkerPlotlyFrom") == "jupyterlab-plotly"
    jlab.run_in_kernel(page, "fig.layout.title.text = 'Stap 7'")
    _wait_for_title(page, "Stap 7")
    assert not jlab.console_errors(page, ignore=["404", "Failed to load resource"])


def test_the_plot_buttons_and_numbers_speak_dutch_and_none_uploads_the_figure(page, jupyter_server, fresh_journal):
    """plotly.js 3 adds a 'Share chart' button that uploads the figure (a student's answers in it) to Plotly Cloud,
    and its buttons' tooltips are English: the workbook has no such button, and Dutch tooltips; its numbers have a
    decimal comma."""
    _ready(page, jupyter_server)
    page.locator(PLOT).first.hover()
    buttons = page.evaluate("() => Array.from(document.querySelectorAll('%s .modebar-btn'))"
                            ".map((b) => [b.getAttribute('data-attr') || '', b.getAttribute('data-title') || ''])"
                            % PLOT)
    titles = [t for _a, t in buttons]
    assert titles, "no plot buttons found"
    assert not any("cloud" in a.lower() or "share" in t.lower() for a, t in buttons), buttons
    assert "Grafiek downloaden als PNG" in titles or "Grafiek downloaden" in titles, titles
    assert not any(t in ("Zoom", "Pan", "Autoscale", "Reset axes", "Download plot as a PNG") for t in titles), titles
    jlab.screenshot(page, "figure-07-dutch-buttons", locator=page.locator(".wakker-figure").first)
    # on a phone-wide screen there are no buttons: a tap would show them over the plot's title (a teacher's review)
    page.set_viewport_size({"width": 390, "height": 844})
    page.wait_for_function("() => { const g = document.querySelector('%s');"
                           " return g && g.clientWidth < 560 && !g.querySelector('.modebar-btn'); }" % PLOT,
                           timeout=15_000)
    page.set_viewport_size(jlab.VIEWPORT)
    page.wait_for_function("() => !!document.querySelector('%s .modebar-btn')" % PLOT, timeout=15_000)
    # and its numbers are Dutch: a decimal comma on the axis (plotly's default is 0.1, 0.2, ...)
    jlab.run_in_kernel(page, "fig.layout.yaxis.range = [0, 0.5]")
    page.wait_for_function("() => Array.from(document.querySelectorAll('%s .ytick text'))"
                           ".some((t) => /^0,[1-9]$/.test(t.textContent))" % PLOT, timeout=15_000)
    ticks = page.evaluate("() => Array.from(document.querySelectorAll('%s .ytick text')).map((t) => t.textContent)"
                          % PLOT)
    assert not any("." in t for t in ticks), ticks


LEGEND_FITS = """() => { const gd = document.querySelector('%s'); const right = gd.getBoundingClientRect().right;
  const texts = Array.from(gd.querySelectorAll('.legend .legendtext'));
  const svg = gd.querySelector('.main-svg').getBoundingClientRect(), legend = gd.querySelector('.legend');
  return {n: texts.length, lines: texts.map((t) => t.querySelectorAll('tspan.line').length || 1),
          over: texts.filter((t) => t.getBoundingClientRect().right > right + 1).map((t) => t.textContent),
          below: legend.getBoundingClientRect().bottom - svg.bottom}; }""" % PLOT


TITLE_FITS = """() => { const gd = document.querySelector('%s'), t = gd.querySelector('.gtitle');
  const box = t.getBoundingClientRect(), svg = gd.querySelector('.main-svg').getBoundingClientRect();
  return {lines: t.querySelectorAll('tspan.line').length || 1, right: box.right, svg_right: svg.right,
          top: box.top, svg_top: svg.top, bottom: box.bottom, plot_top: svg.top + gd._fullLayout._size.t}; }""" % PLOT


def test_on_a_phone_a_long_legend_name_wraps_instead_of_running_off_the_plot(page, jupyter_server, fresh_journal):
    """At 390 px (and 320) the legend goes under the plot; a long name of a line ('wat de wereld vraagt (alles sinds de
    start)', notebook 06) ran off its right edge and was cut. It wraps to the plot's width; wide, it is one line."""
    _ready(page, jupyter_server)
    jlab.run_in_kernel(page, "fig.add_scatter(x=['a', 'b'], y=[40, 60], "
                             "name='wat de wereld vraagt van de gemeente (alles sinds de start van de meting)')\n"
                             "fig.layout.title.text = 'Wat de wereld vraagt en wat je weet, bij deze leider'")
    page.wait_for_function("() => document.querySelectorAll('%s .legend .legendtext').length === 2" % PLOT,
                           timeout=15_000)
    wide = page.evaluate(LEGEND_FITS)
    assert wide["lines"] == [1, 1] and not wide["over"], wide
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 844})
        if width == 390:  # the file browser shut, as a phone shows the notebook
            page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")
        page.wait_for_function("(w) => { const g = document.querySelector('%s'); const t = g.querySelectorAll("
                               "'.legend .legendtext'); return g.clientWidth > w / 2 && g.clientWidth <= w && t.length === 2"
                               " && t[1].querySelectorAll('tspan.line').length > 1; }" % PLOT, arg=width,
                               timeout=15_000)
        page.wait_for_timeout(300)
        fits = page.evaluate(LEGEND_FITS)
        jlab.screenshot(page, f"figure-legend-{width}", locator=page.locator(".wakker-figure").first)
        assert not fits["over"] and fits["below"] <= 1, (width, fits)  # inside the plot, and the figure grew enough
        # a long title wraps too, inside the figure and above the plot area (09: '...bij deze leider w' was cut)
        title = page.evaluate(TITLE_FITS)
        assert title["lines"] > 1 and title["right"] <= title["svg_right"] + 1, (width, title)
        assert title["bottom"] <= title["plot_top"] + 1 and title["top"] >= title["svg_top"] - 1, (width, title)
        assert not page.locator(".wakker-figure .wakker-fout").count(), page.locator(".wakker-fout").first.inner_text()
    page.set_viewport_size(jlab.VIEWPORT)
    page.wait_for_function("() => { const t = document.querySelectorAll('%s .legend .legendtext');"
                           " return t.length === 2 && t[1].querySelectorAll('tspan.line').length <= 1; }" % PLOT,
                           timeout=15_000)


PLOT_WIDTHS = """() => { const g = document.querySelector('%s'); const s = g.querySelector('.main-svg');
  return {svg: Math.round(s.getBoundingClientRect().width), box: g.closest('.wakker-figure').clientWidth}; }""" % PLOT


def test_a_plot_drawn_in_a_strip_takes_the_room_when_the_file_browser_closes(page, jupyter_server, fresh_journal):
    """Review of 4 December: at 390 px a plot drawn while the file browser was open (the notebook a strip) stayed
    that narrow after the file browser closed, even many seconds later. It takes its cell's width."""
    page.set_viewport_size({"width": 390, "height": 844})
    _ready(page, jupyter_server)  # the file browser open beside the notebook, as JupyterLab starts
    before = page.evaluate(PLOT_WIDTHS)
    page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")  # the file browser shut
    try:
        page.wait_for_function("() => { const w = (%s)(); return w.box > 250 && w.svg >= 0.9 * w.box; }" % PLOT_WIDTHS,
                               timeout=10_000)
    except Exception:  # noqa: BLE001 - the assertion below says what was seen
        pass
    after = page.evaluate(PLOT_WIDTHS)
    jlab.screenshot(page, "figure-after-file-browser-closed", locator=page.locator(".wakker-figure").first)
    page.set_viewport_size(jlab.VIEWPORT)
    assert after["box"] > before["box"] and after["svg"] >= 0.9 * after["box"], (before, after)


def test_what_a_figure_asks_for_on_a_phone_is_drawn_there_and_only_there(page, jupyter_server, fresh_journal):
    """LiveFigure.on_phone: a lesson says how its figure is drawn on a narrow screen (07's heat map with fewer
    slanted names, 04's bar texts inside the bars). At 390 px the page draws those values, at full width the
    figure as it is."""
    _ready(page, jupyter_server)
    jlab.run_in_kernel(page, "fig.on_phone({'margin': {'l': 33}, 'title': {'text': 'Smal'}}, [{'opacity': 0.5}])")
    drawn = ("() => { const g = document.querySelector('%s'); return [g._fullLayout.margin.l,"
             " g._fullLayout.title.text, g._fullData[0].opacity]; }" % PLOT)
    page.wait_for_function("() => { const g = document.querySelector('%s'); return g.layout.meta"
                           " && g.layout.meta.narrow; }" % PLOT, timeout=15_000)
    wide = page.evaluate(drawn)
    assert wide[0] != 33 and wide[1] == "Stap 0" and wide[2] == 1, wide
    page.set_viewport_size({"width": 390, "height": 844})
    page.evaluate("window.jupyterapp.commands.execute('application:toggle-left-area')")
    try:
        page.wait_for_function("(d) => { const v = (eval(d))(); return v[0] === 33 && v[1] === 'Smal'; }",
                               arg=drawn, timeout=15_000)
    except Exception:  # noqa: BLE001 - the assertion below says what was seen
        pass
    narrow = page.evaluate(drawn)
    jlab.screenshot(page, "figure-on-phone", locator=page.locator(".wakker-figure").first)
    # a long legend name wraps to the room the phone's own left margin leaves (33 px, not the default 80)
    jlab.run_in_kernel(page, "fig.add_scatter(x=['a', 'b'], y=[1, 2], name=' '.join(['ab'] * 40))")
    page.wait_for_function("() => { const g = document.querySelector('%s'); return g._fullData.length === 2"
                           " && String(g._fullData[1].name).includes('<br>'); }" % PLOT, timeout=15_000)
    lines = page.evaluate("() => { const g = document.querySelector('%s'); return [g.parentElement.clientWidth,"
                          " Math.max(...g._fullData[1].name.split('<br>').map(l => l.length))]; }" % PLOT)
    # a phone height is where the page starts: a long title that wraps makes the figure taller than it
    jlab.run_in_kernel(page, "fig.on_phone({'height': 250, 'title': {'text': 'Een lange titel die op een telefoon "
                             "over meer dan een regel moet lopen'}})")
    page.wait_for_function("() => { const g = document.querySelector('%s'); return String(g._fullLayout.title.text)"
                           ".startsWith('Een lange'); }" % PLOT, timeout=15_000)
    tall = page.evaluate("() => { const g = document.querySelector('%s'); return [g._fullLayout.height,"
                         " g._fullLayout.title.text.split('<br>').length]; }" % PLOT)
    page.set_viewport_size(jlab.VIEWPORT)
    assert tall[1] > 1 and tall[0] >= 250 + 17 * (tall[1] - 1), tall
    assert narrow == [33, "Smal", 0.5], narrow
    assert lines[1] > (lines[0] - 80 - 50) // 7, lines  # wrapped for a left margin of 33 px, not 80


LINES = ".wakker-test-lijnen .js-plotly-plot"
# The lines plot as shown: its y range, how many draws redrew only the traces, its traces' and shapes' SVG paths, and
# those paths as plotly draws the same figure from scratch (Plotly.newPlot in a div of the same width).
PLOT_SHOWN = """async () => { const gd = document.querySelector('%s');
  const paths = (g) => Array.from(g.querySelectorAll('.scatterlayer .trace path.js-line, .scatterlayer .trace path.js-fill, .shapelayer path'))
    .map(p => p.getAttribute('d'));
  const fresh = await window.__wakker.fresh(gd, paths);
  return {range: gd._fullLayout.yaxis.range, x: gd._fullLayout.xaxis.range, title: gd._fullLayout.title.text,
          svgTitle: (gd.querySelector('.gtitle') || {}).textContent, fast: (window.__wakkerFigureStats || {}).fast || 0,
          paths: paths(gd), fresh, y: Array.from(gd.data[0].y)}; }"""
LINES_SHOWN = PLOT_SHOWN % LINES
# What the page paints first after the plot's next change: its traces' and shapes' paths in the first animation frame
# after the change begins (window.__painted), to compare with the paths once it is done.
FIRST_PAINT = """(sel) => { const gd = document.querySelector(sel); window.__painted = null;
  const paths = () => Array.from(gd.querySelectorAll('.scatterlayer .trace path.js-line, .scatterlayer .trace path.js-fill, .shapelayer path'))
    .map(p => p.getAttribute('d'));
  const obs = new MutationObserver(() => { obs.disconnect(); requestAnimationFrame(() => { window.__painted = paths(); }); });
  obs.observe(gd, {subtree: true, childList: true, attributes: true}); }"""


def test_a_plot_keeps_its_axes_while_the_data_fit_and_then_draws_only_the_lines(page, jupyter_server, fresh_journal):
    _ready(page, jupyter_server)
    expect(page.locator(LINES + " .main-svg").first).to_be_visible()
    # plotly's own count of whole draws (its _doPlot ends with plotly_afterplot; a draw of only the traces does not)
    page.evaluate("() => { window.__whole = 0; document.querySelector('%s').on('plotly_afterplot', () => {"
                  " window.__whole += 1; }); }" % LINES)
    whole = lambda: page.evaluate("() => window.__whole")  # noqa: E731
    # and of plotly's replots by any route (its _doPlot starts with plotly_beforeplot; a Plotly.relayout of shapes
    # ends with plotly_afterplot too, but does not replot)
    page.evaluate("() => { window.__replots = 0; document.querySelector('%s').on('plotly_beforeplot', () => {"
                  " window.__replots += 1; }); }" % LINES)
    replots = lambda: page.evaluate("() => window.__replots")  # noqa: E731

    def after(code: str, y0_last: float) -> dict:
        jlab.run_in_kernel(page, code)
        page.wait_for_function("(v) => { const g = document.querySelector('%s'); const y = g.data[0].y;"
                               " return y[y.length - 1] === v; }" % LINES, arg=y0_last, timeout=15_000)
        page.wait_for_timeout(300)
        return page.evaluate(LINES_SHOWN)

    first = page.evaluate(LINES_SHOWN)
    # data 0..10 on y: 5 % room above, and a twentieth of the top below zero; on x (0..3, one trace with markers)
    # the same
    assert first["range"] == pytest.approx([-0.525, 10.5]) and first["x"] == pytest.approx([-0.1575, 3.15]), first
    # new data that fit: the same axes, only the lines redrawn (plotly did not replot the figure), exactly as plotly
    # draws the figure from scratch
    shown = after("lines.data[0].y = [0.0, 6.0, 9.0, 7.0]", 7.0)
    assert shown["range"] == first["range"] and shown["fast"] == first["fast"] + 1 and whole() == 0, (shown, whole())
    assert shown["paths"] == shown["fresh"] and shown["paths"] != first["paths"], shown
    # both traces and their x at once, still inside the axes
    shown = after("with lines.batch_update():\n    lines.data[0].y = [1.0, 2.0, 10.2, 5.0]\n"
                  "    lines.data[1].x = [0, 1, 2, 3.05]\n    lines.data[1].y = [2.0, 1.0, 4.0, 3.0]", 5.0)
    assert shown["range"] == first["range"] and shown["x"] == first["x"] and shown["fast"] == first["fast"] + 2, shown
    assert shown["paths"] == shown["fresh"] and whole() == 0, (shown, whole())
    # data above the axis: the axis grows (a whole draw), and keeps all of it in view, with a tenth of the new span to
    # spare above (plotly's 5 % room: 42, then 10 % of 44.1); the end at the bottom stays where the rule puts it
    shown = after("lines.data[0].y = [0.0, 20.0, 40.0, 30.0]", 30.0)
    assert shown["range"] == pytest.approx([-2.1, 46.41]) and shown["fast"] == first["fast"] + 2 and whole() == 1, shown
    assert replots() == 1
    # ... so the next key that goes a little further up still fits: new data only, no replot (without the room to
    # spare every key of a slider moved one way was a whole draw)
    shown = after("lines.data[0].y = [0.0, 22.0, 44.0, 31.0]", 31.0)
    assert shown["range"] == pytest.approx([-2.1, 46.41]) and shown["fast"] == first["fast"] + 3, shown
    assert whole() == 1 and replots() == 1 and shown["paths"] == shown["fresh"], (shown, whole(), replots())
    # data that use less than half of the axis: it shrinks to them
    shown = after("lines.data[0].y = [0.0, 1.0, 2.0, 1.0]", 1.0)
    assert shown["range"] == pytest.approx([-0.21, 4.2]), shown
    # data and a shape at once (04's lines and the shaded ranges of their winners): the shape by Plotly.relayout
    # (plotly_relayout), then the traces without a replot, drawn as plotly draws them from scratch
    page.evaluate("() => { window.__shapes = 0; document.querySelector('%s').on('plotly_relayout', (e) => {"
                  " if (e && 'shapes' in e) window.__shapes += 1; }); }" % LINES)
    fast, before = shown["fast"], replots()
    # three times (the shape moves with the data, as 04's speed line does), each painted at once: the new lines and the
    # shape in the first frame after the change begins (a student sees no half-drawn plot; the page paints once per key)
    for i, (last, x0) in enumerate(((1.25, 0.5), (1.35, 2.5), (1.3, 1.5))):
        page.evaluate(FIRST_PAINT, LINES)
        shown = after("with lines.batch_update():\n    lines.data[0].y = [0.0, 1.2, 2.2, %s]\n"
                      "    lines.layout.shapes = [dict(type='line', x0=%s, x1=%s, y0=0, y1=1, yref='y domain')]"
                      % (last, x0, x0), last)
        painted = page.evaluate("() => window.__painted")
        assert painted == shown["paths"], (i, painted, shown)
    assert shown["fast"] == fast + 3 and page.evaluate("() => window.__shapes") == 3 and replots() == before, shown
    assert shown["range"] == pytest.approx([-0.21, 4.2]) and shown["paths"] == shown["fresh"], shown
    assert len(shown["paths"]) == 3, shown  # two lines and the shape
    fast = shown["fast"]
    # the shape goes again, with new data: the same way
    shown = after("with lines.batch_update():\n    lines.data[0].y = [0.0, 1.1, 2.1, 1.2]\n"
                  "    lines.layout.shapes = []", 1.2)
    assert shown["fast"] == fast + 1 and replots() == before and len(shown["paths"]) == 2, shown
    assert shown["paths"] == shown["fresh"], shown
    # data and a note (an annotation): plotly replots for any change of annotations, so the page draws it whole
    shown = after("with lines.batch_update():\n    lines.data[0].y = [0.0, 1.0, 2.0, 1.1]\n"
                  "    lines.layout.annotations = [dict(text='let op', x=1, y=2, showarrow=False)]", 1.1)
    assert shown["fast"] == fast + 1 and replots() == before + 1 and shown["paths"] == shown["fresh"], shown
    assert page.locator(LINES + " .annotation-text").first.text_content() == "let op"
    # data and the title at once: a whole draw, the new title shown
    fast = shown["fast"]
    shown = after("with lines.batch_update():\n    lines.data[0].y = [0.0, 1.5, 2.5, 1.5]\n"
                  "    lines.layout.title.text = 'Lijnen 2'", 1.5)
    assert shown["svgTitle"] == "Lijnen 2" and shown["fast"] == fast and shown["paths"] == shown["fresh"], shown
    # a student zooms in, then presses 'Assen terugzetten': back to the axes as they are now, not as first drawn
    page.evaluate("() => window.__wakkerOwnPlotly.relayout(document.querySelector('%s'), {'yaxis.range': [1, 2]})"
                  % LINES)
    page.evaluate("() => document.querySelector('%s .modebar-btn[data-title=\"Assen terugzetten\"]').click()" % LINES)
    page.wait_for_timeout(300)
    assert page.evaluate(LINES_SHOWN)["range"] == pytest.approx([-0.21, 4.2])
    # a lesson that keeps the student's zoom (uirevision, as 04 and 08 do): the student zooms in with a drag, then a
    # key sends data beyond the held axis: the zoom stays whole (plotly kept the unchanged end of the zoom and took the
    # moved end from the new range: an axis upside down, the plot empty); 'Assen terugzetten' shows all the data
    after("with lines.batch_update():\n    lines.data[0].y = [0.0, 1.0, 2.0, 1.2]\n    lines.layout.uirevision = 'keep'",
          1.2)
    page.locator(LINES).first.scroll_into_view_if_needed()
    box = page.locator(LINES + " .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5, steps=5)
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6, steps=5)
    page.mouse.up()
    page.wait_for_timeout(500)
    zoomed = page.evaluate(LINES_SHOWN)
    assert zoomed["range"][1] < 4.2 and zoomed["range"][0] > -0.21, zoomed
    for code, last in (("lines.data[0].y = [0.0, 20.0, 40.0, 30.0]", 30.0), ("lines.data[0].y = [0.0, 1.0, 2.0, 1.3]", 1.3)):
        shown = after(code, last)
        assert shown["range"] == pytest.approx(zoomed["range"]) and shown["x"] == pytest.approx(zoomed["x"]), shown
    after("lines.data[0].y = [0.0, 20.0, 40.0, 30.0]", 30.0)
    page.evaluate("() => document.querySelector('%s .modebar-btn[data-title=\"Assen terugzetten\"]').click()" % LINES)
    page.wait_for_timeout(300)
    assert page.evaluate(LINES_SHOWN)["range"] == pytest.approx([-2.1, 46.41])  # grown, with room to spare above
    jlab.screenshot(page, "figure-steady-lines", locator=page.locator(".wakker-test-lijnen").first)
    assert not jlab.console_errors(page)


STACKED = ".wakker-test-gestapeld .js-plotly-plot"


def test_stacked_areas_on_the_lessons_own_axes_draw_only_the_new_data(page, jupyter_server, fresh_journal):
    """07's population chart: areas stacked to 100 % on axes the lesson gives a range. New shares are drawn without
    a replot, as plotly draws them from scratch; a trace that appears or hides is a whole draw."""
    _ready(page, jupyter_server)
    expect(page.locator(STACKED + " .main-svg").first).to_be_visible()
    page.evaluate("() => { window.__whole = 0; document.querySelector('%s').on('plotly_afterplot', () => {"
                  " window.__whole += 1; }); }" % STACKED)

    def after(code: str, y0_last: float) -> dict:
        jlab.run_in_kernel(page, code)
        page.wait_for_function("(v) => { const g = document.querySelector('%s'); const y = g.data[0].y;"
                               " return y[y.length - 1] === v && g.data[0].y.length === g.data[1].y.length; }"
                               % STACKED, arg=y0_last, timeout=15_000)
        page.wait_for_timeout(300)
        return page.evaluate(PLOT_SHOWN % STACKED) | {"whole": page.evaluate("() => window.__whole")}

    first = page.evaluate(PLOT_SHOWN % STACKED)
    assert first["range"] == [0, 100] and len(first["paths"]) == 4, first  # two areas and their lines
    shown = after("with stacked.batch_update():\n    stacked.data[0].y = [10.0, 40.0, 60.0, 35.0]\n"
                  "    stacked.data[1].y = [90.0, 60.0, 40.0, 65.0]", 35.0)
    assert shown["fast"] == first["fast"] + 1 and shown["whole"] == 0, shown
    assert shown["paths"] == shown["fresh"] and shown["paths"] != first["paths"], shown
    # more generations: longer x and y, still without a replot
    shown = after("with stacked.batch_update():\n    stacked.data[0].x = stacked.data[1].x = [0, 1, 2, 3, 4]\n"
                  "    stacked.data[0].y = [10.0, 40.0, 60.0, 35.0, 30.0]\n"
                  "    stacked.data[1].y = [90.0, 60.0, 40.0, 65.0, 70.0]", 30.0)
    assert shown["fast"] == first["fast"] + 2 and shown["paths"] == shown["fresh"], shown
    # one of them loses all its points (empty, not hidden): it leaves the legend, and with one trace left plotly shows
    # none, so the legend's room is the plot's again: a whole draw, as plotly draws it from scratch. (Here plotly would
    # redraw the figure itself after a data-only draw, so only the count tells; test_nb08_browser.py shows the legend
    # over the x axis's title on a phone that a data-only draw left in 08.)
    jlab.run_in_kernel(page, "with stacked.batch_update():\n    stacked.data[0].y = [100.0, 100.0, 100.0, 100.0, 99.0]\n"
                             "    stacked.data[1].x = stacked.data[1].y = []")
    page.wait_for_function("() => document.querySelector('%s').data[1].y.length === 0" % STACKED, timeout=15_000)
    page.wait_for_timeout(300)
    shown = page.evaluate(PLOT_SHOWN % STACKED) | {"whole": page.evaluate("() => window.__whole")}
    assert shown["fast"] == first["fast"] + 2 and shown["whole"] == 1 and shown["paths"] == shown["fresh"], shown
    assert len(shown["paths"]) == 2, shown  # one area and its line
    # it gets points again: a whole draw
    shown = after("with stacked.batch_update():\n    stacked.data[0].y = [10.0, 40.0, 60.0, 35.0, 31.0]\n"
                  "    stacked.data[1].x = [0, 1, 2, 3, 4]\n    stacked.data[1].y = [90.0, 60.0, 40.0, 65.0, 70.0]", 31.0)
    assert shown["fast"] == first["fast"] + 2 and shown["whole"] == 2 and shown["paths"] == shown["fresh"], shown
    assert len(shown["paths"]) == 4, shown
    # then dies out and is hidden: a whole draw
    shown = after("with stacked.batch_update():\n    stacked.data[0].y = [100.0, 100.0, 100.0, 100.0, 100.0]\n"
                  "    stacked.data[1].visible = False", 100.0)
    assert shown["fast"] == first["fast"] + 2 and shown["whole"] == 3 and shown["paths"] == shown["fresh"], shown
    # without the lesson's y range the stack is plotly's to range: its whole height stays in view
    shown = after("with stacked.batch_update():\n    stacked.layout.yaxis.range = None\n"
                  "    stacked.data[1].visible = True\n    stacked.data[0].y = [60.0, 70.0, 80.0, 90.0, 95.0]", 95.0)
    shown = after("with stacked.batch_update():\n    stacked.data[0].y = [60.0, 70.0, 80.0, 90.0, 96.0]", 96.0)
    assert shown["fast"] == first["fast"] + 2 and shown["range"][1] >= 96.0 + 70.0, shown
    assert shown["paths"] == shown["fresh"], shown
    # more generations on the lesson's own x axis, a zoom, 'Assen terugzetten': the lesson's x axis as it is now
    after("with stacked.batch_update():\n    stacked.layout.xaxis.range = [0, 4]\n    stacked.layout.yaxis.range = [0, 200]\n"
          "    stacked.data[0].y = [60.0, 70.0, 80.0, 90.0, 97.0]", 97.0)
    page.evaluate("() => window.__wakkerOwnPlotly.relayout(document.querySelector('%s'), {'xaxis.range': [1, 2]})"
                  % STACKED)
    page.evaluate("() => document.querySelector('%s .modebar-btn[data-title=\"Assen terugzetten\"]').click()"
                  % STACKED)
    page.wait_for_timeout(300)
    assert page.evaluate(PLOT_SHOWN % STACKED)["x"] == [0, 4]
    # the same after a student's zoom that the lesson keeps (uirevision) and a key: plotly wrote the zoom into the x
    # range it was given, which was the figure's own, so the reset went to the zoom
    after("with stacked.batch_update():\n    stacked.layout.uirevision = 'keep'\n"
          "    stacked.data[0].y = [60.0, 70.0, 80.0, 90.0, 98.0]", 98.0)
    page.locator(STACKED).first.scroll_into_view_if_needed()
    box = page.locator(STACKED + " .nsewdrag").first.bounding_box()
    page.mouse.move(box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.3)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.6, steps=8)
    page.mouse.up()
    page.wait_for_timeout(500)
    zoomed = page.evaluate(PLOT_SHOWN % STACKED)
    assert zoomed["x"][1] < 4, zoomed
    shown = after("stacked.data[0].y = [60.0, 70.0, 80.0, 90.0, 99.0]", 99.0)
    assert shown["x"] == pytest.approx(zoomed["x"]) and shown["range"] == pytest.approx(zoomed["range"]), shown
    page.evaluate("() => document.querySelector('%s .modebar-btn[data-title=\"Assen terugzetten\"]').click()"
                  % STACKED)
    page.wait_for_timeout(300)
    assert page.evaluate(PLOT_SHOWN % STACKED)["x"] == [0, 4]
    assert not jlab.console_errors(page)
