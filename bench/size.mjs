// Sizes of the built app's files as a browser downloads them: raw, gzip (level 9) and brotli
// (quality 11), and the total that the first page load fetches (index, wasm, JS, CSS, the
// preloaded font).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const files = readdirSync(dist, { recursive: true })
  .map(String)
  .filter((name) => /\.(wasm|js|css|html|woff2)$/.test(name) && statSync(join(dist, name)).isFile())
  .sort();

const measure = (name) => {
  const bytes = readFileSync(join(dist, name));
  return {
    name,
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const rows = files.map(measure);
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log(`${'file'.padEnd(52)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
for (const r of rows) console.log(`${r.name.padEnd(52)} ${kb(r.raw)} ${kb(r.gzip)} ${kb(r.brotli)}`);

// Woff2 is compressed already and served as is; the first load preloads the regular weight.
// The service worker is fetched in the background once the page is up.
// The staff editor (gestion/) is a bundle of its own: the kiosk and the phones never load it.
const isEditor = (r) => r.name.startsWith('gestion/');
const firstLoad = rows.filter((r) => !isEditor(r) && (!r.name.endsWith('.woff2') || r.name.includes('400-normal')) && r.name !== 'sw.js');
const sum = (list, key) => list.reduce((total, r) => total + (r.name.endsWith('.woff2') ? r.raw : r[key]), 0);
const total = (label, list) => console.log(`${label.padEnd(52)} ${kb(sum(list, 'raw'))} ${kb(sum(list, 'gzip'))} ${kb(sum(list, 'brotli'))}`);
total('first load (index, wasm, JS, CSS, regular font)', firstLoad);
total('staff editor, at /gestion only', rows.filter(isEditor));
