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

  function look(widget) {
    if (window.__wakkerPlotlyPreload || !widget || !widget.context || !widget.content) return;
    var ready = widget.context.ready;
    if (!ready || typeof ready.then !== 'function') return;
    ready.then(function () {
      if (isWorkbook(widget) && !wantsFull(widget)) whenIdle(preload);
    }, function () { /* not opened */ });
  }

  var plugin = {
    id: NAME + ':plugin',
    // shown in JupyterLab's plugin manager (Settings): Dutch, as everything a student reads
    description: 'Wakker werkboek: laadt plotly.js al terwijl een les open is, zodat de eerste grafiek er niet op wacht.',
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
