// Sizes of the built apps' files as a browser downloads them: raw, gzip (level 9) and brotli
// (quality 11); what the kiosk loads first, against its budget; the wasm and JS a family's phone
// loads for a page's islands (the page itself comes from the server, with its content: its size
// is bench/lighthouse.mjs's); and, given its dist, the floor of the framework: a minimal Leptos
// CSR app built the same way (bench/minimal-leptos).
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

// The kiosk's first load is what its index.html names (Trunk's wasm, JS and CSS); the page itself
// and the two preloaded font weights (woff2, compressed already: sent as they are) come beside
// it. The service worker is fetched in the background once the page is up. A family's page
// names the same stylesheet and the islands' start, which loads their glue and wasm (the same
// hash). The staff editor (gestion/) is a bundle of its own: the kiosk and the phones never
// load it.
const isEditor = (r) => r.name.startsWith('gestion/');
const named = (html) => new Set((html.match(/[\w.-]+-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css)/g) ?? []));
const kioskFiles = named(readFileSync(join(dist, 'index.html'), 'utf8'));
const kiosk = rows.filter((r) => kioskFiles.has(r.name));
const islandsHash = rows.map((r) => r.name.match(/^islands-start-([0-9a-f]+)\.js$/)?.[1]).find(Boolean);
const islands = rows.filter((r) => islandsHash && r.name.includes(islandsHash));
const stylesheet = kiosk.filter((r) => r.name.endsWith('.css'));
const sum = (list, key) => list.reduce((total, r) => total + (r.name.endsWith('.woff2') ? r.raw : r[key]), 0);
const total = (label, list, note = '') =>
  console.log(`${label.padEnd(52)} ${kb(sum(list, 'raw'))} ${kb(sum(list, 'gzip'))} ${kb(sum(list, 'brotli'))}${note}`);
console.log();
total('kiosk first load: wasm, JS and CSS', kiosk, '   target ≤150 KB br');
total('  with index.html and both font weights', [...kiosk, ...rows.filter((r) => r.name === 'index.html' || r.name.endsWith('.woff2'))]);
total('phone: the islands\' wasm and JS (after the page)', islands, '   target ≤100 KB br');
total('  with the stylesheet the page loads first', [...islands, ...stylesheet]);
total('staff editor, at /gestion only', rows.filter(isEditor));
if (reference) {
  total('reference: minimal Leptos CSR app, wasm and JS', builtFiles(reference).filter((name) => /\.(wasm|js)$/.test(name)).map((name) => measure(reference, name)));
}
