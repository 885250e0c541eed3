"""The browser half of :class:`wakker.ui.figure.LiveFigure`: an anywidget ES module, kept as a string
here so it ships with the package like any module (``figure._esm()`` fills in the Dutch texts and
drops comments and indentation). :data:`ESM` goes to the browser once per page, with the page's one
``FigureKit`` model; every figure's own module is the small :data:`STUB`, which waits for it."""
import json

ESM = r"""
// The browser half of wakker.ui.figure.LiveFigure (an anywidget ESM; Python fills in the @@...@@ texts).
//
// * plotly.js is never sent by the kernel: the page loads the workbook's own copy (cartesian + scatterpolar,
//   served by the server extension wakker.serverstatic) once, or, where that route is missing or a figure
//   needs a trace type that copy lacks, the full copy of the jupyterlab-plotly extension that comes with
//   plotly (JupyterLab, Notebook 7 and Voila load it), through its module federation container.
// * The kernel sends the whole figure once (the synced bytes `_figure`, revision `_rev`); after that
//   only the changed traces and top-level layout keys, as a custom message {wakker: 'patch', base,
//   rev} with the JSON as a binary buffer. A patch whose base is not the revision shown asks for the
//   whole figure again ({wakker: 'full'}); `ready` tells the kernel this page can take patches.
// * A view redraws as soon as a change arrives when it is idle, else in the next animation frame, at
//   most one draw at a time: many changes during a draw become one draw of the newest figure (no
//   backlog). When only shapes, annotations or images changed (a line that follows a slider), it
//   draws with Plotly.relayout, which redraws just those (annotations: plotly replots, as react would); else
//   Plotly.react, which for new x and y alone (and shapes or images) redraws only the traces (steady()).
// No 'Share chart' button (plotly.js 3 shows it by default: it uploads the figure, a student's own answers
// included, to Plotly Cloud), and the buttons' tooltips in Dutch (NL, registered once per copy of plotly.js).
const CONFIG = {displaylogo: false, responsive: false, showSendToCloud: false, showEditInChartStudio: false, locale: 'nl'};
// On a narrow screen (a phone: a tap shows the buttons) the row of buttons would cover the plot's title.
const NARROW_CONFIG = Object.assign({}, CONFIG, {displayModeBar: false});
const NL = {
  'Download plot as a PNG': 'Grafiek downloaden als PNG', 'Download plot': 'Grafiek downloaden',
  'Zoom': 'Inzoomen op een gebied', 'Pan': 'Verschuiven', 'Box Select': 'Rechthoek kiezen', 'Lasso Select': 'Vrij kiezen',
  'Zoom in': 'Inzoomen', 'Zoom out': 'Uitzoomen', 'Autoscale': 'Alles in beeld', 'Reset axes': 'Assen terugzetten',
  'Reset view': 'Beeld terugzetten', 'Reset': 'Terugzetten', 'Toggle Spike Lines': 'Hulplijnen aan of uit',
  'Show closest data on hover': 'Dichtstbijzijnde waarde tonen', 'Compare data on hover': 'Waarden naast elkaar tonen',
  'Double-click to zoom back out': 'Dubbelklik om weer uit te zoomen',
  'Double-click on legend to isolate one trace': 'Dubbelklik op de legenda om één lijn apart te zien',
  'Taking snapshot - this may take a few seconds': 'Afbeelding maken: dat kan een paar seconden duren',
  'Snapshot succeeded': 'Afbeelding gemaakt', 'Image download succeeded': 'Afbeelding gedownload',
  'Sorry, there was a problem downloading your snapshot!': 'De afbeelding kon niet gedownload worden.',
  'Sorry, there was a problem downloading your image!': 'De afbeelding kon niet gedownload worden.',
};
function dutch(P) {
  if (P && !P.__wakkerNl && P.register) {
    try { P.register({moduleType: 'locale', name: 'nl', dictionary: NL}); } catch (e) { /* English tooltips */ }
    P.__wakkerNl = true;
  }
  return P;
}
const NO_PLOTLY = '@@NO_PLOTLY@@';
const FAILED = '@@FAILED@@';
const AGAIN = '@@AGAIN@@';
const ERROR_STYLE = '@@ERROR_STYLE@@';
const TITLE = '@@TITLE@@';

@@LOADER@@

@@UNGATE@@

// Layout keys that Plotly.relayout draws without Plotly.react; all are arrays. Shapes and images on their own (no new
// plot); a change of annotations makes plotly replot the figure (their editType is 'calc'), at the cost of a react.
const LIGHT = ['shapes', 'annotations', 'images'];
// Of those, the ones a draw of new data may bring along: drawn on their own first, then the traces (same task)
const DRAWN_ALONE = ['shapes', 'images'];

// What changed from figure `a` to `b` (a patch keeps every unchanged trace and top-level layout value as the same
// object): null when a layout key other than LIGHT ones or the number of traces changed (a draw with react), else
// {light: the LIGHT keys that changed, traces: 'same' (none changed), 'data' (only some traces' x and y) or 'more'}.
// LIGHT keys alone: Plotly.relayout. Data and DRAWN_ALONE keys: Plotly.relayout for those keys, then a transition
// of 0 ms for the traces (04's lines and their shaded ranges; steady()).
// No values: a missing, empty or zero-length typed array (plotly's {dtype, bdata} of nothing)
const empty = (v) => v == null || (typeof v.length === 'number' ? v.length === 0 : isObj(v) && 'bdata' in v && !v.bdata);
function changeOf(a, b) {
  if (!a || !b || a.data.length !== b.data.length) return null;
  const light = [];
  for (const k of new Set([...Object.keys(a.layout), ...Object.keys(b.layout)])) {
    if (a.layout[k] === b.layout[k]) continue;
    if (!LIGHT.includes(k)) return null;
    light.push(k);
  }
  let traces = 'same';
  for (let i = 0; i < a.data.length; i++) {
    const t = a.data[i], u = b.data[i];
    if (t === u) continue;
    traces = 'data';
    for (const k of new Set([...Object.keys(t), ...Object.keys(u)])) {
      // a trace that gets its first point or loses its last one appears or goes (in the legend too, whose size sets
      // the margins): that is more than new data (08 on a phone: the legend grew over the x axis's title)
      if ((k === 'x' || k === 'y') && empty(t[k]) !== empty(u[k])) return {light, traces: 'more'};
      if (k === 'x' || k === 'y' || t[k] === u[k]) continue;
      if (JSON.stringify(t[k]) !== JSON.stringify(u[k])) return {light, traces: 'more'};
    }
  }
  return {light, traces};
}

const decode = (view) => JSON.parse(new TextDecoder().decode(view));
// On a narrow screen (a phone) a legend beside the plot leaves it a strip (07's evolution: 97 of 274 px):
// there the legend goes under the plot, in rows. A layout that puts its legend in rows already keeps it.
const NARROW = 560;
const isNarrow = (el) => el.clientWidth > 0 && el.clientWidth < NARROW;
// A legend entry's name broken into lines of at most `chars` characters (at spaces), so that a long name
// fits a phone's width instead of being cut off ('…(alles sinds de start)' at 390 px).
function wrapName(name, chars) {
  if (typeof name !== 'string' || name.length <= chars || name.includes('<br')) return name;
  const lines = [];
  let line = '';
  for (const word of name.split(' ')) {
    if (line && line.length + 1 + word.length > chars) { lines.push(line); line = word; }
    else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('<br>');
}
// A title longer than a phone's plot is wide, on more lines (plotly cuts nothing: it ran past the edge, 09's
// '...bij deze leider w'); the top margin and the figure grow by a line each, so the plot keeps its height. A title
// with markup of its own is left as it is.
function wrapTitle(out, layout, width) {
  const t = layout.title;
  const text = typeof t === 'string' ? t : (t && t.text);
  if (typeof text !== 'string' || text.includes('<')) return;
  const size = (t && t.font && t.font.size) || 17;
  const wrapped = wrapName(text, Math.max(12, Math.floor(((width || 320) * 0.9) / (size * 0.55))));
  if (wrapped === text) return;
  out.title = typeof t === 'string' ? {text: wrapped} : Object.assign({}, t, {text: wrapped});
  const grow = Math.round(size * 1.3) * (wrapped.split('<br>').length - 1);
  const m = layout.margin || {};
  out.margin = Object.assign({}, m, {t: (typeof m.t === 'number' ? m.t : 100) + grow});  // plotly's default top: 100
  out.height = (out.height || layout.height || 450) + grow;
}
// The figure as drawn at this width: {data, layout}. Wide: as it is. Narrow: first what the figure asks for on a
// phone (LiveFigure.on_phone), then legend in rows under the plot, long legend names and a long title wrapped to the
// plot's width (`width`: the plot's width in pixels), growing the figure from the heights the figure asked for.
function forWidth(fig, narrow, width) {
  let layout = fig.layout, data = fig.data || [];
  if (narrow) [layout, data] = ownNarrow(layout, data, (layout.meta || {}).narrow);
  const out = Object.assign({}, layout);  // the plot's own copy: Plotly.relayout changes it, views share the figure
  // plotly writes a kept zoom into the ranges it is given (uirevision): into copies, not into the figure (04: the lesson's
  // x range became the zoom, and 'Assen terugzetten' went there)
  for (const k of Object.keys(out)) {
    if (/^[xy]axis\d*$/.test(k) && isObj(out[k]) && Array.isArray(out[k].range)) {
      out[k] = Object.assign({}, out[k], {range: out[k].range.slice()});
    }
  }
  if (narrow) wrapTitle(out, layout, width);
  const legend = layout.legend || {};
  const inLegend = (t) => t.showlegend !== false && t.visible !== false;
  const entries = data.filter(inLegend).length;
  // plotly shows a legend for two or more traces, for a pie, or when the layout asks for one
  const shows = entries > 1 || layout.showlegend === true || data.some((t) => t.type === 'pie');
  if (narrow && layout.showlegend !== false && shows) {
    // the legend starts at the plot's left margin (plotly's default 80 px), its symbol takes about 45 px, and a
    // character at the legend's size about 7 px
    const moved = legend.orientation !== 'h';
    const left = layout.margin && typeof layout.margin.l === 'number' ? layout.margin.l : 80;
    const chars = Math.max(10, Math.floor(((width || 320) - left - 50) / 7));
    let extra = 0;
    data = data.map((t) => {
      const name = inLegend(t) ? wrapName(t.name, chars) : t.name;
      if (name === t.name) return t;
      extra += name.split('<br>').length - 1;
      return Object.assign({}, t, {name});
    });
    let grow = 17 * extra;  // a line more for each wrapped name
    if (moved) {
      // below the axis title; the figure grows by a row per entry, so the plot keeps its height
      out.legend = Object.assign({}, legend, {orientation: 'h', x: 0, xanchor: 'left', y: -0.3, yanchor: 'top'});
      grow += 21 * entries;
      // the room a figure asked for on the right for that legend is given back to the plot (plotly still widens
      // a margin that something else needs)
      const m = out.margin || layout.margin || {};
      if (typeof m.r === 'number' && m.r > 20) out.margin = Object.assign({}, m, {r: 20});
    }
    if (grow) out.height = (out.height || layout.height || 450) + grow;
  }
  return {data, layout: out};
}
// Steady axes (issue 11). An axis that plotly would range to the data (no range from the lesson) gets a range
// from this view instead: around the data with some room (rangeFor), kept while the data still fit in it
// and fill at least half of it. A student then sees a line move against the same frame (with plotly's autorange
// the axis followed every key, so a line could look unchanged while its numbers changed), and a key that changes
// only the data is drawn without redrawing the axes: Plotly.react with a transition of 0 ms redraws just the
// traces, where a plain Plotly.react replots the whole figure. Only scatter and vertical bar traces with numbers;
// any other figure is drawn as before (null).
const PLAIN_AXIS = ['linear', 'log', '-', undefined];
const SAME_RANGE = 1e-9;  // of the range's span
// Room to spare when the data pass a held range: the end they passed goes this share of the new span further, so that
// the next key in the same direction still fits (a student moves a slider one way several keys: without it every key
// was a whole draw, ≈ 30 ms instead of ≈ 10; 08's judgement_accuracy, 04's n_movements). An end at zero stays there.
const HEADROOM = 0.1;
// an axis whose range the lesson gives (steady() leaves it as it is)
const ownRange = (ax) => ax.autorange === false || (!!ax.range && ax.autorange !== true);
const numbers = (v) => (Array.isArray(v) || ArrayBuffer.isView(v)) && Array.prototype.every.call(v, (x) => x === null || typeof x === 'number');
// The data's extent on every axis of the figure, {xaxis: {lo, hi, pad, zero}, ...}, or null: a figure to leave to
// plotly. An axis that matches another (subplot_layout's shared x axes) adds its data to that one's: `alias`.
function extents(data, layout, alias) {
  const out = {};
  const note = (key, lo, hi, pad, zero, bars) => {
    const e = out[key];
    if (lo < e.lo) e.lo = lo;
    if (hi > e.hi) e.hi = hi;
    e.pad = e.pad || pad;
    e.zero = e.zero || zero;
    e.bars = e.bars || bars;
  };
  // stacked or offset bars and stacked lines (plotly adds them up), and error bars, reach beyond a trace's own data:
  // such a trace only on axes the lesson gives a range (07's population, stacked to 100 %)
  const stacked = layout.barmode === 'stack' || layout.barmode === 'relative';
  const errors = (e) => e && e.visible !== false && (e.visible || e.array !== undefined || e.value !== undefined);
  for (const t of data) {
    const type = t.type || 'scatter';
    if (!(type === 'scatter' || (type === 'bar' && (t.orientation || 'v') === 'v'))) return null;
    if (!numbers(t.x) || !numbers(t.y)) return null;
    const beyond = (stacked && type === 'bar') || errors(t.error_x) || errors(t.error_y) || t.stackgroup
      || t.base !== undefined || (t.width !== undefined && typeof t.width !== 'number');
    const mode = t.mode || (t.x.length >= 20 ? 'lines' : 'lines+markers');  // plotly's default
    for (const L of ['x', 'y']) {
      const own = `${L}axis${(t[`${L}axis`] || L).slice(1)}`, mine = layout[own] || {};
      const key = typeof mine.matches === 'string' ? `${L}axis${mine.matches.slice(1)}` : own, ax = layout[key] || {};
      if (key !== own) alias[own] = key;
      // a reversed axis, one with bounds of its own, or with a category, date or other type: plotly's
      if (!PLAIN_AXIS.includes(ax.type) || !PLAIN_AXIS.includes(mine.type) || ax.matches || ax.scaleanchor
          || mine.scaleanchor || typeof ax.autorange === 'string' || typeof mine.autorange === 'string'
          || ax.autorangeoptions || ax.minallowed !== undefined || ax.maxallowed !== undefined) return null;
      if (beyond && !ownRange(ax)) return null;
      if (!(key in out)) out[key] = {lo: Infinity, hi: -Infinity, pad: false, zero: false, bars: false};
      // a trace hidden by a legend click counts: it may come back (one that reaches beyond its data is on axes of the
      // lesson's own, which keep their range)
      if (t.visible === false || beyond) continue;
      const log = ax.type === 'log';
      let lo = Infinity, hi = -Infinity;
      for (const v of t[L]) if (typeof v === 'number' && isFinite(v) && (!log || v > 0)) { const u = log ? Math.log10(v) : v; if (u < lo) lo = u; if (u > hi) hi = u; }
      if (lo > hi) continue;
      if (type === 'bar' && L === 'x') {
        const xs = Array.from(t.x).filter((v) => typeof v === 'number').sort((a, b) => a - b);
        let w = typeof t.width === 'number' ? t.width : Infinity;
        for (let i = 1; i < xs.length && typeof t.width !== 'number'; i++) if (xs[i] > xs[i - 1]) w = Math.min(w, xs[i] - xs[i - 1]);
        if (!isFinite(w)) w = 1;
        lo -= w / 2; hi += w / 2;
      }
      const zero = (type === 'bar' && L === 'y') || t.fill === `tozero${L}`;
      if (zero && !log) { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }
      // plotly's rule: lines alone and bars run to the edges of x (bars: their outer edges); markers, text and the y
      // axis get room
      const bars = type === 'bar' && L === 'x';
      const pad = L === 'y' || (!bars && (mode.includes('markers') || mode.includes('text')));
      note(key, lo, hi, pad, zero, bars);
    }
  }
  return out;
}
// The range for an extent, {range, need}: `need` is what the data ask for (the range a held range must cover). The x
// of lines alone and of bars: exactly the data. Else 5 % room on both sides (`need`: half of that), not rounded: a
// round end puts a tick label on the plot's edge, where it runs into a subplot's title (03 at 390 px) or over the
// right edge (then plotly lays the plot out a second time). Where the data start or end at zero, a bar, a fill to zero
// or the lesson's rangemode keeps zero as the edge; else a twentieth of the other end lies beyond zero, so a line at
// zero is not hidden under the axis (and that edge stays put while the other does).
function rangeFor(e, ax) {
  let {lo, hi} = e;
  const log = ax.type === 'log';
  if (!log && (ax.rangemode === 'tozero')) { lo = Math.min(lo, 0); hi = Math.max(hi, 0); }
  if (!log && ax.rangemode === 'nonnegative') { lo = Math.max(lo, 0); hi = Math.max(hi, lo); }
  if (hi - lo <= 0) { const d = Math.abs(hi) / 10 || 1; lo -= d; hi += d; }
  if (!e.pad) return {range: [lo, hi], need: [lo, hi]};
  const span = hi - lo, pad = span * 0.05;
  let a = lo - pad, b = hi + pad;
  if (!log) {
    const zero = ax.rangemode === 'tozero' || ax.rangemode === 'nonnegative' || e.zero;
    if (lo >= 0 && a < 0) a = lo === 0 && zero ? 0 : -b / 20;
    else if (hi <= 0 && b > 0) b = hi === 0 && zero ? 0 : -a / 20;
  }
  return {range: [a, b], need: [Math.max(a, lo - pad / 2), Math.min(b, hi + pad / 2)]};
}
// The layout with steady ranges (copies of its axes: plotly writes into the axes it is given), the ranges kept in
// `held` (per view), and whether every range is as before; null: the figure is drawn as it is.
function steady(data, layout, held) {
  const alias = {};
  const ext = extents(data, layout, alias);
  if (!ext) return null;
  const out = Object.assign({}, layout), fixed = {};
  let same = true;
  for (const [key, e] of Object.entries(ext)) {
    const ax = layout[key] || {};
    out[key] = Object.assign({}, ax);
    if (ownRange(ax)) continue;  // the lesson's own
    if (!isFinite(e.lo)) { same = false; continue; }  // no data on it yet: plotly's autorange, and a whole draw
    const {range, need} = rangeFor(e, ax), prev = held[key];
    // held while the data stay inside and fill at least half of it; the x of lines alone follows them exactly
    const tol = prev ? SAME_RANGE * (Math.abs(prev[1] - prev[0]) || 1) : 0;
    const loose = prev && (e.pad || e.bars), fills = loose && (need[1] - need[0]) >= (prev[1] - prev[0]) / 2;
    const fits = loose  // held while inside; else followed exactly
      ? fills && prev[0] <= need[0] + tol && prev[1] >= need[1] - tol
      : prev && Math.abs(prev[0] - need[0]) < tol && Math.abs(prev[1] - need[1]) < tol;
    if (!fits) {
      if (fills) {  // the data went past the held range (they still fill half of it): it grows
        const extra = HEADROOM * (range[1] - range[0]);
        // the data themselves passed that end (not only the room the rule keeps around them)
        if (e.hi > prev[1] + tol && range[1] !== 0) range[1] += extra;
        if (e.lo < prev[0] - tol && range[0] !== 0) range[0] -= extra;
      }
      held[key] = range; same = false;
    }
    out[key].range = held[key].slice();
    out[key].autorange = false;
    fixed[key] = held[key];
  }
  for (const [own, key] of Object.entries(alias)) {
    const ax = layout[own] || {};
    out[own] = Object.assign({}, ax);
    if (fixed[key] && !ownRange(ax)) {
      out[own].range = fixed[key].slice();
      out[own].autorange = false;
      fixed[own] = fixed[key];
    }
  }
  for (const key of Object.keys(held)) if (!(key in ext)) delete held[key];
  return {layout: out, same, fixed};
}
// A student who zoomed or panned keeps that view while the sliders move (a lesson's uirevision), as with plotly's own
// autorange. plotly keeps a zoomed end only where the new figure repeats the value that end had before the zoom (each
// end on its own), so a held range that moved replaced one end of the zoom and kept the other (04: an axis upside
// down, the plot empty). A steady axis whose shown range is not the one last drawn (`drawnAt`) gets, for plotly,
// those values from before the zoom; 'Assen terugzetten' still goes to the held range (set after the draw).
function keepZoom(layout, fixed, gd, drawnAt) {
  const fl = gd._fullLayout, pre = fl && fl._preGUI;
  if (!pre) return;
  for (const key of Object.keys(fixed)) {
    const fa = fl[key], was = drawnAt[key], ax = layout[key];
    if (!fa || !was || !Array.isArray(fa.range) || !ax) continue;
    const rev = ax.uirevision !== undefined ? ax.uirevision : layout.uirevision;
    if (rev === undefined || rev !== fa.uirevision) continue;  // a new revision: plotly takes the new range anyway
    const tol = SAME_RANGE * (Math.abs(was[1] - was[0]) || 1);
    if (Math.abs(fa.range[0] - was[0]) < tol && Math.abs(fa.range[1] - was[1]) < tol) continue;  // not zoomed
    for (const [end, name] of [[0, 'range[0]'], [1, 'range[1]'], [-1, 'autorange']]) {
      if (!(`${key}.${name}` in pre)) continue;
      const v = pre[`${key}.${name}`] === null ? undefined : pre[`${key}.${name}`];
      if (end < 0) ax.autorange = v; else ax.range[end] = v;
    }
  }
}
// A figure's own phone values (LiveFigure.on_phone) merged into copies of its layout and traces
const isObj = (v) => v && typeof v === 'object' && !Array.isArray(v);
function ownNarrow(layout, data, own) {
  if (!isObj(own)) return [layout, data];
  const out = Object.assign({}, layout);
  for (const [k, v] of Object.entries(own.layout || {})) out[k] = isObj(v) && isObj(out[k]) ? {...out[k], ...v} : v;
  return [out, data.map((t, i) => (isObj((own.data || [])[i]) ? {...t, ...own.data[i]} : t))];
}
const plain = (html) => String(html || '').replace(/<br\s*\/?>/gi, ' ').replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim();

function titleOf(fig) {
  const t = fig.layout && fig.layout.title;
  return plain(typeof t === 'string' ? t : (t && t.text)) || TITLE;
}

const FIGURE = {
  initialize({ model }) {
    try { ungate(model.widget_manager); } catch (e) { /* an unknown widget manager: leave it */ }
    let fig = null, rev = -1, asked = false;
    const publish = () => model.set('_live', {rev, fig});
    const full = () => {
      try { fig = decode(model.get('_figure')); rev = model.get('_rev'); asked = false; publish(); }
      catch (e) { fig = null; model.set('_live', {rev: -1, fig: null, error: String(e)}); }
    };
    full();
    model.on('change:_figure', full);
    model.on('msg:custom', (msg, buffers) => {
      if (!msg || msg.wakker !== 'patch') return;
      if (msg.base !== rev || !fig) {  // a change went missing: ask for the whole figure (once)
        if (!asked) { asked = true; model.send({wakker: 'full', rev}); }
        return;
      }
      const p = decode(buffers[0]);
      const data = p.data ? p.data : fig.data.slice(0, p.ntraces === undefined ? fig.data.length : p.ntraces);
      if (p.traces) for (const i of Object.keys(p.traces)) data[Number(i)] = p.traces[i];
      const layout = Object.assign({}, fig.layout);
      if (p.layout) for (const k of Object.keys(p.layout)) {
        if (p.layout[k] === null) delete layout[k]; else layout[k] = p.layout[k];
      }
      fig = {data, layout};
      rev = msg.rev;
      publish();
    });
    model.send({wakker: 'ready', rev});
  },

  render({ model, el }) {
    const gd = document.createElement('div');
    gd.className = 'wakker-plot';
    gd.setAttribute('role', 'figure');
    const note = document.createElement('div');
    el.append(gd, note);
    // shown: the last figure taken to draw; drawn: the last one drawn without an error
    let Plotly = null, shown = null, drawn = null, drawing = false, frame = 0, gone = false, ended = 0, narrow = false;
    let width = 0;  // the plot's width when last drawn or resized
    const held = {};  // the steady ranges of this view's axes (steady())
    let drawnAt = {};  // those ranges as last drawn (keepZoom())
    let resizeNext = false;  // the cell changed width: the next draw measures the plot again
    const first = model.get('_live');
    const h = first && first.fig && first.fig.layout && first.fig.layout.height;
    el.style.minHeight = `${h || 450}px`;  // room for the plot before it is drawn: no reflow later
    const fail = (text) => {
      note.innerHTML = '';
      const box = document.createElement('div');
      box.className = 'wakker-fout';
      box.setAttribute('style', ERROR_STYLE);
      box.textContent = `⚠ ${text}`;
      note.append(box);
    };
    // A figure far below what the student sees is first drawn when it comes within about a screen of the view
    // (issue 11: a Run All drew every plot of the lesson at once, five in 07, ~0.2 s of the page's work, while the
    // student looks at the top). Printing draws every figure; so does a page that set window.__wakkerDrawAll (the
    // browser tests, which look at plots far down without scrolling to them).
    let near = !!window.__wakkerDrawAll || typeof IntersectionObserver !== 'function';
    let io = null;
    const come = () => {
      window.removeEventListener('beforeprint', come);
      if (io) { io.disconnect(); io = null; }
      if (near) return;
      near = true;
      el.classList.remove('wakker-later-tekenen');
      schedule();
    };
    if (!near) {
      el.classList.add('wakker-later-tekenen');  // a view that waits to be drawn (tests/browser/jlab.py counts it)
      window.addEventListener('beforeprint', come);
      // observed once the view is in the page: the notebook scrolls in its own panel (JupyterLab's, Voilà's
      // #rendered_cells), whose edges clip what the page's viewport would see; with that panel as root, 'a screen
      // ahead' is a screen of the notebook (with Voilà's body as root, a figure waited until it was in view)
      requestAnimationFrame(() => {
        if (near || gone) return;
        const root = el.closest('.jp-WindowedPanel-outer, #rendered_cells, .jp-Notebook') || null;
        io = new IntersectionObserver((entries) => { if (entries.some((e) => e.isIntersecting)) come(); },
                                      {root, rootMargin: '100% 0px'});
        io.observe(el);
      });
    }
    const draw = async () => {
      frame = 0;
      if (drawing || gone || !near) return;
      const live = model.get('_live');
      if (!live || live === shown) return;
      if (!live.fig) { fail(`${FAILED}. ${AGAIN}`); shown = live; return; }
      drawing = true;
      try {
        if (!Plotly) {
          try { Plotly = dutch(await loadPlotly(live.fig)); } catch (e) { fail(NO_PLOTLY); return; }
        }
        const narrowNow = isNarrow(el), turned = gd._fullLayout && narrowNow !== narrow;
        const change = gd._fullLayout && !turned ? changeOf(drawn, live.fig) : null;
        const light = change && change.traces === 'same' && change.light.length
          ? Object.fromEntries(change.light.map((k) => [k, live.fig.layout[k] === undefined ? [] : live.fig.layout[k]]))
          : null;
        let fastDraw = false, st = null;
        narrow = narrowNow;
        shown = live;
        drawn = null;
        const t0 = performance.now();
        if (light) {
          if (narrow) {  // on a phone, as the figure asks for there (LiveFigure.on_phone)
            const own = forWidth(live.fig, narrow, width).layout;
            for (const k of Object.keys(light)) light[k] = own[k] === undefined ? [] : own[k];
          }
          await Plotly.relayout(gd, light);
        }
        else {
          width = el.clientWidth;  // drawn for this width: the resize observer has nothing to do for it
          const drawnAs = forWidth(live.fig, narrow, width);
          st = steady(drawnAs.data, drawnAs.layout, held);
          let layout = drawnAs.layout, alone = null, keys = null;
          if (st) {
            layout = st.layout;
            keepZoom(layout, st.fixed, gd, drawnAt);
            keys = st.same && !resizeNext && change && change.traces !== 'more'
              && change.light.every((k) => DRAWN_ALONE.includes(k)) ? change.light : null;
            if (keys) {
              // those keys first, on their own (the axes stay as they are), then the traces (below)
              if (keys.length) alone = Object.fromEntries(keys.map((k) => [k, layout[k] === undefined ? [] : layout[k]]));
              layout.transition = {duration: 0};
              fastDraw = true;
            }
          }
          // the lesson's own ranges, before plotly writes a kept zoom into the layout it is given
          const lessons = {};
          if (st) {
            for (const [key, ax] of Object.entries(layout)) {
              if (key in st.fixed || !/^[xy]axis\d*$/.test(key) || !ax || !ownRange(ax) || !Array.isArray(ax.range)
                  || typeof ax.range[0] !== 'number' || typeof ax.range[1] !== 'number') continue;
              lessons[key] = ax.range.slice();
            }
          }
          if (alone) {
            // drawn by plotly at once (no promise to wait for: still this task, so the page paints the shapes and the
            // traces in one frame; after the react, whose 0 ms transition ends in a timer, it painted twice per key)
            await Plotly.relayout(gd, alone);
            // react gets them as plotly now holds them (the very objects: no change for it)
            for (const k of keys) { if (gd.layout[k] === undefined) delete layout[k]; else layout[k] = gd.layout[k]; }
          }
          await Plotly.react(gd, drawnAs.data, layout, narrow ? NARROW_CONFIG : CONFIG);
          // 'Assen terugzetten' and a double click go back to the range plotly saw first: make that the held one
          if (st && gd._fullLayout) {
            // and the lesson's own ranges as they are now (plotly kept the first: 07's generations 40 -> 80, the reset
            // showed 0-40)
            drawnAt = {};
            for (const [key, r] of Object.entries(st.fixed)) drawnAt[key] = r.slice();
            for (const [key, r] of Object.entries(Object.assign(lessons, drawnAt))) {
              const fa = gd._fullLayout[key];
              if (fa) { fa._rangeInitial0 = r[0]; fa._rangeInitial1 = r[1]; fa._autorangeInitial = false; }
            }
          }
        }
        // the screen got narrower or wider, or the cell did (a side bar closed): the new width too. Plotly.react
        // with an unchanged figure keeps the old size (a plot drawn in a strip stayed a strip).
        if (turned || resizeNext) { resizeNext = false; await Plotly.Plots.resize(gd); }
        drawn = live.fig;
        // how many draws and how long they took (benchmarks/bench_browser.py reads it)
        const stats = window.__wakkerFigureStats || (window.__wakkerFigureStats = {draws: 0, ms: 0});
        stats.draws += 1;
        stats.fast = (stats.fast || 0) + (fastDraw ? 1 : 0);
        stats.ms += performance.now() - t0;
        const label = titleOf(live.fig);
        if (gd.getAttribute('aria-label') !== label) gd.setAttribute('aria-label', label);
        el.style.minHeight = '';
        if (note.firstChild) note.innerHTML = '';
      } catch (e) {
        fail(`${FAILED} (${e && e.message ? e.message : e}). ${AGAIN}`);
      } finally {
        drawing = false;
        ended = performance.now();
        if (!gone && model.get('_live') !== shown) schedule();
      }
    };
    // Idle for a frame and drawn before (so in the page): draw now (a microtask: the changes of this task
    // become one draw). Else in the next animation frame, so that what arrived meanwhile is drawn once.
    const schedule = () => {
      if (frame || gone) return;
      if (shown && !drawing && performance.now() - ended > 20) { frame = -1; queueMicrotask(draw); }
      else frame = requestAnimationFrame(draw);
    };
    model.on('change:_live', schedule);
    schedule();
    // JupyterLab's panels change width without a window resize (side bar, split view): follow the cell.
    let resizing = 0;
    const ro = new ResizeObserver(() => {
      const w = el.clientWidth;
      if (!Plotly || !shown || !w || w === width || resizing) return;  // hidden (0) or unchanged: nothing to do
      width = w;
      // the legend moves, or on a phone its names wrap to the new width: draw again
      if (isNarrow(el) !== narrow || narrow) { shown = null; resizeNext = true; schedule(); return; }
      resizing = requestAnimationFrame(() => { resizing = 0; if (gd._fullLayout) Plotly.Plots.resize(gd); });
    });
    ro.observe(el);
    return () => {
      gone = true;
      model.off('change:_live', schedule);
      ro.disconnect();
      if (io) io.disconnect();
      window.removeEventListener('beforeprint', come);
      if (frame > 0) cancelAnimationFrame(frame);
      if (Plotly) try { Plotly.purge(gd); } catch (e) { /* ignore */ }
    };
  },
};

// This module comes once per page, with the page's one FigureKit model; each figure's own module is
// STUB below, which waits for it (a figure's model and views may be made before the kit's module ran).
window.__wakkerFigureKit = FIGURE;
if (window.__wakkerFigureKitOk) window.__wakkerFigureKitOk(FIGURE);
export default {
  initialize({ model }) { try { ungate(model.widget_manager); } catch (e) { /* an unknown widget manager */ } },
};
"""

#: Each LiveFigure's own module (anywidget sends a model's module with the model): the drawing code above
#: comes once per page instead of with every figure (8.5 kB each; issue 11, websocket bytes).
STUB = r"""
const kit = () => window.__wakkerFigureKit ? Promise.resolve(window.__wakkerFigureKit)
  : window.__wakkerFigureKitP || (window.__wakkerFigureKitP = new Promise((ok) => { window.__wakkerFigureKitOk = ok; }));
export default {
  initialize(ctx) {
    const k = window.__wakkerFigureKit;
    if (k) return k.initialize(ctx);
    kit().then((k) => k.initialize(ctx));
  },
  async render(ctx) {
    // the kit's module should be there within a second: after 20 s say so, in the figure's place
    const late = setTimeout(() => {
      const box = document.createElement('div');
      box.className = 'wakker-fout';
      box.setAttribute('style', '@@ERROR_STYLE@@');
      box.textContent = '⚠ @@FAILED@@. @@AGAIN@@';
      ctx.el.replaceChildren(box);
    }, 20000);
    const k = await kit();
    clearTimeout(late);
    ctx.el.replaceChildren();
    return k.render(ctx);
  },
};
"""

#: The workbook's own plotly.js (``wakker/ui/static``, served by the server extension ``wakker.serverstatic``).
PLOTLY_FILE = "plotly-werkboek.min.js?v=4.1.1"

#: The trace types in that copy (plotly.js's "cartesian" bundle plus scatterpolar, 06's radar: built by
#: tools/plotly); a figure with another type is drawn with the full plotly.js of the jupyterlab-plotly extension.
OWN_TRACES = ("bar", "box", "contour", "heatmap", "histogram", "histogram2d", "histogram2dcontour", "image",
              "pie", "scatter", "scatterpolar", "scatterternary", "violin")

# plotly.js once per page (one promise per copy, shared by every figure and by the kit's front-end hook,
# which starts loading it in the background when a lesson imports wakker.ui.figure): the workbook's own
# copy, a third of the full bundle, from the server's wakker/static/ route; the full copy of the
# jupyterlab-plotly extension where that route is missing, for a figure with a trace type the own copy
# lacks, and a full plotly.js the page already had. window.__wakkerPlotlyFrom says which one the page uses.
# The JupyterLab extension wakker-voorladen (jupyter-data/labextensions/) may have loaded the own copy
# before the first cell ran (window.__wakkerPlotlyPreload: plotly.js, or null when it could not).
LOADER = r"""
const PLOTLY_MIME = 'application/vnd.plotly.v1+json';
const OWN_TRACES = @@OWN_TRACES@@;
const foreign = () => window.Plotly && window.Plotly.react && window.Plotly !== window.__wakkerOwnPlotly ? window.Plotly : null;
function ownPlotly() {
  let base = '/';
  try { base = JSON.parse(document.getElementById('jupyter-config-data').textContent).baseUrl || '/'; } catch (e) { /* root */ }
  return new Promise((ok, bad) => {
    const s = document.createElement('script');
    s.src = base.replace(/\/?$/, '/') + 'wakker/static/@@PLOTLY_FILE@@';
    s.onload = () => (window.Plotly && window.Plotly.react ? ok(window.__wakkerOwnPlotly = window.Plotly) : bad());
    s.onerror = () => { s.remove(); bad(); };
    document.head.appendChild(s);
  });
}
function labPlotly() {
  if (!window.__wakkerLabPlotly) {
    window.__wakkerLabPlotly = (async () => {
      const deadline = performance.now() + 30000;
      for (;;) {
        if (foreign()) return foreign();
        const box = window._JUPYTERLAB && window._JUPYTERLAB['jupyterlab-plotly'];
        if (box) {
          // The extension loads plotly.js the first time it draws: let it draw nothing, once.
          const mod = (await box.get('./mimeExtension'))();
          const R = mod.RenderedPlotly;
          if (R && !R.Plotly) {
            const r = new R({mimeType: mod.MIME_TYPE || PLOTLY_MIME});
            try { await r.renderModel({data: {[PLOTLY_MIME]: {data: [], layout: {}}}, setData() {}}); } catch (e) { /* loaded anyway */ }
            try { r.dispose(); } catch (e) { /* ignore */ }
          }
          const P = (R && R.Plotly) || foreign();
          if (P && P.react) return P;
        }
        if (performance.now() > deadline) throw new Error('plotly.js');
        await new Promise((ok) => setTimeout(ok, 100));
      }
    })();
    window.__wakkerLabPlotly.catch(() => { window.__wakkerLabPlotly = null; });
  }
  return window.__wakkerLabPlotly;
}
function loadPlotly(fig) {
  if (foreign()) return Promise.resolve(foreign());
  // a lesson that needs the full copy said so (window.__wakkerPlotlyFull): then every figure uses it
  const full = window.__wakkerPlotlyFull || (fig && (fig.data || []).some((t) => !OWN_TRACES.includes(t.type || 'scatter')));
  if (full) { window.__wakkerPlotlyFrom = window.__wakkerPlotlyFrom || 'jupyterlab-plotly'; return labPlotly(); }
  if (!window.__wakkerPlotly) {
    // loaded already while the notebook was open (the JupyterLab extension wakker-voorladen): that copy
    const pre = window.__wakkerPlotlyPreload;
    const own = pre ? pre.then((P) => P || Promise.reject(new Error('plotly.js'))) : ownPlotly();
    window.__wakkerPlotly = own.then((P) => { window.__wakkerPlotlyFrom = 'werkboek'; return P; },
      () => { window.__wakkerPlotlyFrom = 'jupyterlab-plotly'; return labPlotly(); });
    window.__wakkerPlotly.catch(() => { window.__wakkerPlotly = null; });
  }
  return window.__wakkerPlotly;
}
"""

#: Shared by every anywidget module of the workbook (figures here, questions in the front-end hook).
UNGATE = r"""
// anywidget 0.11 handles a model's comm messages only once its module has loaded, and drops them all,
// for good, when that took over 2 s (a busy page during Run All): such a figure would never change
// again. Each figure that loads lets those messages through, for every anywidget model on the page
// (each binds its handler when it is made: existing ones are bound again, new ones use the fixed
// method). A change lost before that is caught by the revision check (the page asks for the whole figure).
function rescue(model, args) {
  const proto = Object.getPrototypeOf(model);
  return Promise.resolve(proto.__wakkerGated.apply(model, args)).catch((e) => {
    if (e && /Failed to initialize model/.test(String(e.message))) return proto.__wakkerBase.apply(model, args);
    throw e;
  });
}
function ungate(manager) {
  const models = manager && manager._models;
  if (!models) return;
  Promise.allSettled(Object.values(models)).then((all) => {
    for (const r of all) {
      const m = r.value, C = m && m.constructor;
      if (!C || C.model_name !== 'AnyModel' || Object.getPrototypeOf(m) !== C.prototype) continue;
      const proto = C.prototype;
      if (!proto.__wakkerGated) {
        const gated = proto._handle_comm_msg, base = Object.getPrototypeOf(proto)._handle_comm_msg;
        if (typeof gated !== 'function' || typeof base !== 'function') return;
        proto.__wakkerGated = gated;
        proto.__wakkerBase = base;
        proto._handle_comm_msg = function (...args) { return rescue(this, args); };
      }
      if (m.comm && !m.__wakkerRescued && typeof m.comm.on_msg === 'function') {
        m.__wakkerRescued = true;
        m.comm.on_msg(m._handle_comm_msg.bind(m));
      }
    }
  });
}
"""

LOADER = LOADER.replace("@@PLOTLY_FILE@@", PLOTLY_FILE).replace("@@OWN_TRACES@@", json.dumps(list(OWN_TRACES)))
ESM = ESM.replace("@@LOADER@@", LOADER).replace("@@UNGATE@@", UNGATE)
