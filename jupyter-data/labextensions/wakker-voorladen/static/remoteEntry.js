// Wakker werkboek: a JupyterLab extension, written by hand (no build step), that loads the workbook's own
// plotly.js while a notebook of the workbook is open and the page has nothing else to do: a student reads
// the top of the lesson, and their first Run All no longer waits ~0.4 s (on a slow laptop) for plotly.js
// to be parsed before the first plot can be drawn (issue 11; benchmarks/bench_browser.py measures it).
//
// JupyterLab loads a prebuilt ("federated") extension as a script that puts a module federation container
// in window._JUPYTERLAB[name]: init(shareScope) and get(module) -> a factory of the module. This one has one
// module, './extension', a plugin that needs nothing from JupyterLab's shared packages.
//
// What it hands over: window.__wakkerPlotlyPreload, a promise of plotly.js or of null (failed: no
// wakker/static route, e.g. a server without the workbook's server extension). It never rejects. The
// figures' loader (wakker/ui/figure_esm.py, LOADER) takes plotly.js from it instead of loading it again, and
// falls back as before when it gives null. Nothing happens in a page without a workbook notebook, nor for a
// lesson whose notebook metadata asks for the full plotly.js (none at present).
//
// And one thing for the Run All itself (issue 11): JupyterLab's CodeCell.updatePromptOverlayIcon runs once for
// every output message of a cell (outputs.changed and outputs.stateChanged), and each time it reads the output
// overlay's clientHeight, which forces the browser to lay out the whole notebook again right after the output
// was inserted, and renders the collapse icon anew. A lesson's Run All sends some fifty outputs: in a profile of
// notebook 07 that was the largest single piece of the page's own work (about 0.2 s). Here it runs only when
// what the icon shows can have changed: the overlay crossed JupyterLab's 24 px, or the outputs were scrolled
// (same icon, same title). The patch goes on the CodeCell class the first time a workbook notebook opens.
(function () {
  'use strict';
  var NAME = 'wakker-voorladen';
  // the same file as wakker.ui.figure_esm.PLOTLY_FILE (tests/ui/test_preload_extension.py checks)
  var PLOTLY_FILE = 'plotly-werkboek.min.js?v=4.1.1';

  function baseUrl() {
    var base = '/';
    try {
      base = JSON.parse(document.getElementById('jupyter-config-data').textContent).baseUrl || '/';
    } catch (e) { /* the root */ }
    return base.replace(/\/?$/, '/');
  }

  function preload() {
    if (window.__wakkerPlotlyPreload || window.__wakkerPlotly || window.Plotly) return;
    window.__wakkerPlotlyPreload = new Promise(function (done) {
      var s = document.createElement('script');
      s.async = true;
      s.onload = function () {
        var P = window.Plotly && window.Plotly.react ? window.Plotly : null;
        if (P) { window.__wakkerOwnPlotly = P; }
        done(P);
      };
      s.onerror = function () { s.remove(); done(null); };
      s.src = baseUrl() + 'wakker/static/' + PLOTLY_FILE;
      document.head.appendChild(s);
    });
  }

  function whenIdle(fn) {
    if (window.requestIdleCallback) window.requestIdleCallback(fn, {timeout: 3000});
    else setTimeout(fn, 500);
  }

  // A notebook of the workbook: one of its first code cells imports the package wakker (`from wakker import page`);
  // not merely the word, which is also Dutch ('awake') and may be in another course's notebook.
  function isWorkbook(panel) {
    try {
      var cells = panel.content.model.cells;
      for (var i = 0, seen = 0; i < cells.length && seen < 3; i++) {
        var cell = cells.get(i);
        if (cell.type !== 'code') continue;
        seen += 1;
        if (/^\s*(from|import)\s+wakker\b/m.test(cell.sharedModel.getSource())) return true;
      }
    } catch (e) { /* not a notebook */ }
    return false;
  }

  // A lesson that draws with the full plotly.js of jupyterlab-plotly (a trace the own copy lacks) says so in its notebook's
  // metadata, {"wakker": {"plotly": "full"}}: the workbook's own copy would be loaded for nothing.
  function wantsFull(panel) {
    try {
      var meta = panel.content.model.getMetadata('wakker');
      return !!(meta && meta.plotly === 'full');
    } catch (e) { return false; }
  }

  // The class that defines updatePromptOverlayIcon, found from a code cell of the open notebook (JupyterLab's
  // packages are not ours to import: this extension shares none).
  function overlayClass(panel) {
    var cells = (panel.content && panel.content.widgets) || [];
    for (var i = 0; i < cells.length; i++) {
      var proto = Object.getPrototypeOf(cells[i]);
      while (proto && !Object.prototype.hasOwnProperty.call(proto, 'updatePromptOverlayIcon')) {
        proto = Object.getPrototypeOf(proto);
      }
      if (proto && typeof proto.updatePromptOverlayIcon === 'function') return proto;
    }
    return null;
  }

  // What the icon depends on: whether the overlay is taller than 24 px (JupyterLab's own threshold) and whether the
  // outputs are scrolled. The overlay's height comes from a ResizeObserver, which the browser calls after its own
  // layout (no layout forced); the original method runs only when one of the two changed.
  var TALL = 24;

  function coalesceOverlay(panel) {
    if (window.__wakkerOverlayCoalesced) return;
    var proto = overlayClass(panel);
    if (!proto || typeof window.ResizeObserver !== 'function') return;
    var original = proto.updatePromptOverlayIcon;
    window.__wakkerOverlayDraws = 0;  // how often the original ran (tests/browser/test_figure_browser.py)

    function apply(cell, state) {
      if (cell.isDisposed) { state.observer.disconnect(); return; }
      var key = (state.tall ? 'hoog' : 'laag') + (cell.outputsScrolled ? ' gescrold' : '');
      if (key === state.applied) return;
      state.applied = key;
      window.__wakkerOverlayDraws += 1;
      original.call(cell);
    }

    proto.updatePromptOverlayIcon = function () {
      var cell = this;
      var overlay = cell.node && cell.node.querySelector('.jp-OutputArea-promptOverlay');
      if (!overlay) return original.call(cell);
      var state = cell.__wakkerOverlay;
      if (!state || state.node !== overlay) {
        if (state) state.observer.disconnect();
        state = cell.__wakkerOverlay = {node: overlay, tall: null, applied: null, observer: null};
        state.observer = new window.ResizeObserver(function (entries) {
          var box = entries[entries.length - 1].target;  // laid out just now: reading it forces nothing
          state.tall = box.clientHeight > TALL;
          apply(cell, state);
        });
        state.observer.observe(overlay);  // it answers once with the present size
        return;
      }
      if (state.tall !== null) apply(cell, state);  // e.g. the outputs were scrolled: the height is known
    };
    window.__wakkerOverlayCoalesced = true;
  }

  function look(widget) {
    if (!widget || !widget.context || !widget.content) return;
    if (window.__wakkerPlotlyPreload && window.__wakkerOverlayCoalesced) return;
    var ready = widget.context.ready;
    if (!ready || typeof ready.then !== 'function') return;
    ready.then(function () {
      if (!isWorkbook(widget)) return;
      try { coalesceOverlay(widget); } catch (e) { /* another JupyterLab: leave it as it is */ }
      if (!window.__wakkerPlotlyPreload && !wantsFull(widget)) whenIdle(preload);
    }, function () { /* not opened */ });
  }

  var plugin = {
    id: NAME + ':plugin',
    // shown in JupyterLab's plugin manager (Settings): Dutch, as everything a student reads
    description: 'Wakker werkboek: laadt plotly.js al terwijl een les open is, zodat de eerste grafiek er niet op wacht, en werkt het uitklap-icoon van een uitvoer hooguit eens per beeld bij.',
    autoStart: true,
    activate: function (app) {
      var shell = app.shell;
      if (!shell) return;
      // a shell without these (Voila's page) gets nothing: the figures load plotly.js themselves, as before
      var start = function () {
        try {
          look(shell.currentWidget);
          if (shell.currentChanged && shell.currentChanged.connect) {
            shell.currentChanged.connect(function (_, args) { look(args && args.newValue); });
          }
        } catch (e) { /* an unknown shell */ }
      };
      if (app.restored && app.restored.then) app.restored.then(start, start);
      else start();
    }
  };

  var modules = {
    './extension': function () { return {__esModule: true, default: plugin}; }
  };
  window._JUPYTERLAB = window._JUPYTERLAB || {};
  window._JUPYTERLAB[NAME] = {
    init: function () { return Promise.resolve(); },
    get: function (module) {
      var factory = modules[module];
      if (!factory) return Promise.reject(new Error(NAME + ': no module ' + module));
      return Promise.resolve(factory);
    }
  };
})();
