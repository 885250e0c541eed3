// Build lib/wakker/ui/static/plotly-werkboek.min.js from index.js with esbuild, the way plotly.js builds its
// own dist bundles (esbuild-config.js of plotly.js 4.1.1: an iife named Plotly, `global` is `window`, no AMD,
// es2016, minified), wrapped as plotly.js's dist files are (its licence header first, a UMD wrapper that sets
// window.Plotly, the licences of the bundled packages at the end).
//
//   cd tools/plotly && npm ci && node build.mjs
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';

const version = JSON.parse(readFileSync('node_modules/plotly.js/package.json', 'utf8')).version;
const out = new URL('../../lib/wakker/ui/static/plotly-werkboek.min.js', import.meta.url);
const header = `/**
* plotly.js (werkboek: cartesian + scatterpolar - minified) v${version}
* Copyright 2012-2026, Plotly, Inc.
* All rights reserved.
* Licensed under the MIT license
*/
`;
const result = await build({
  entryPoints: ['index.js'],
  format: 'iife',
  globalName: 'Plotly',
  bundle: true,
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  define: { global: 'window', 'define.amd': 'false' },
  // plotly.js's registry requires maplibre-gl's stylesheet only when a map trace registers (none here);
  // plotly.js inlines it into every dist bundle, this copy leaves it out
  loader: { '.css': 'empty' },
  target: 'es2016',
  write: false,
  logLevel: 'warning',
});
const body = result.outputFiles[0].text;
const text = header + `(
 function(root, factory) {
  if (typeof module === "object" && module.exports) {
   module.exports = factory();
  } else {
   root.moduleName = factory();
  }
} (typeof self !== "undefined" ? self : this, () => {
${body}
window.Plotly = Plotly;
return Plotly;
}));
`;
writeFileSync(out, text);
const sha = createHash('sha256').update(text).digest('hex');
console.log(`plotly.js ${version}: ${out.pathname} (${text.length} bytes, sha256 ${sha})`);
