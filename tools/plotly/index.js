'use strict';
// The workbook's plotly.js: plotly.js's own "cartesian" partial bundle (lib/index-cartesian.js of plotly.js,
// the same list in the same order) plus scatterpolar (06's radar). Built by build.mjs.
var Plotly = require('plotly.js/lib/core');

Plotly.register([
    // traces
    require('plotly.js/lib/bar'),
    require('plotly.js/lib/box'),
    require('plotly.js/lib/heatmap'),
    require('plotly.js/lib/histogram'),
    require('plotly.js/lib/histogram2d'),
    require('plotly.js/lib/histogram2dcontour'),
    require('plotly.js/lib/contour'),
    require('plotly.js/lib/scatterternary'),
    require('plotly.js/lib/violin'),
    require('plotly.js/lib/image'),
    require('plotly.js/lib/pie'),
    // added by the workbook
    require('plotly.js/lib/scatterpolar'),

    // components
    require('plotly.js/lib/calendars'),
]);

module.exports = Plotly;
