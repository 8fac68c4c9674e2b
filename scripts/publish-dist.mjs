// Puts the apps built into a staging folder into dist/: writes only the files whose bytes
// changed and deletes those no longer built. An unchanged file keeps its time, so the release,
// which carries dist/ inside the server's binary, is not compiled again when nothing changed
// (Trunk writes every file anew at each build, and each new time cost the server's whole
// compilation, about 3 minutes). Usage: node scripts/publish-dist.mjs STAGING dist
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [staging, dist] = process.argv.slice(2);
const files = (root) => readdirSync(root, { recursive: true }).map(String).filter((name) => statSync(join(root, name)).isFile());

// The staging folder's own stamp (scripts/build-apps) is not an app's file.
const built = new Set(files(staging).filter((name) => !name.startsWith('.')));
let written = 0;
for (const name of built) {
  const bytes = readFileSync(join(staging, name));
  const target = join(dist, name);
  if (existsSync(target) && readFileSync(target).equals(bytes)) continue;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(target, bytes);
  written += 1;
}
let removed = 0;
if (existsSync(dist)) {
  for (const name of files(dist).filter((name) => !built.has(name))) {
    rmSync(join(dist, name));
    removed += 1;
  }
}
console.log(`dist/: ${written} files written, ${removed} removed, ${built.size - written} unchanged`);
