// Writes a brotli (quality 11) and a gzip (level 9) copy beside each text file of the built apps,
// which the server sends as they are: the best compression, computed once at build time instead
// of a quick one on every request. Usage: node scripts/precompress.mjs dist
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const compressible = /\.(wasm|js|css|html|svg|webmanifest|json)$/;
for (const name of readdirSync(dist, { recursive: true }).map(String)) {
  const path = join(dist, name);
  if (!compressible.test(name) || !statSync(path).isFile()) continue;
  const bytes = readFileSync(path);
  writeFileSync(`${path}.br`, brotliCompressSync(bytes, {
    params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }));
  writeFileSync(`${path}.gz`, gzipSync(bytes, { level: 9 }));
}
