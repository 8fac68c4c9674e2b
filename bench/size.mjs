// Sizes of the built app's files as a browser downloads them: raw, gzip (level 9) and brotli
// (quality 11); what the kiosk loads first, against the budget; and, given its dist, the
// floor of the framework: a minimal Leptos CSR app built the same way (bench/minimal-leptos).
// Usage: node bench/size.mjs dist [target/minimal-leptos]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const [dist = 'dist', reference] = process.argv.slice(2);

/** The files of a built app that a browser may load. */
const builtFiles = (dir) => readdirSync(dir, { recursive: true })
  .map(String)
  .filter((name) => /\.(wasm|js|css|html|woff2)$/.test(name) && statSync(join(dir, name)).isFile())
  .sort();

const measure = (dir, name) => {
  const bytes = readFileSync(join(dir, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const rows = builtFiles(dist).map((name) => measure(dist, name));
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(52)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(52)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);

// The budget counts the kiosk's wasm, JS and CSS; the page itself and the two preloaded
// font weights (woff2, compressed already: sent as they are) come beside it. The service worker
// is fetched in the background once the page is up. The staff editor (gestion/) is a bundle of
// its own: the kiosk and the phones never load it.
const isEditor = (r) => r.name.startsWith('gestion/');
const isCode = (r) => /\.(wasm|js|css)$/.test(r.name) && r.name !== 'sw.js';
const app = rows.filter((r) => !isEditor(r));
const sum = (list, key) => list.reduce((total, r) => total + (r.name.endsWith('.woff2') ? r.raw : r[key]), 0);
const total = (label, list, note = '') =>
  console.log(`${label.padEnd(52)} ${kb(sum(list, 'raw'))} ${kb(sum(list, 'gzip'))} ${kb(sum(list, 'brotli'))}${note}`);
console.log();
total('kiosk first load: wasm, JS and CSS', app.filter(isCode), '   target ≤150 KB br');
total('  with index.html and both font weights', app.filter((r) => isCode(r) || r.name === 'index.html' || r.name.endsWith('.woff2')));
total('staff editor, at /gestion only', rows.filter(isEditor));
if (reference) {
  total('reference: minimal Leptos CSR app, wasm and JS', builtFiles(reference).filter((name) => /\.(wasm|js)$/.test(name)).map((name) => measure(reference, name)));
}
