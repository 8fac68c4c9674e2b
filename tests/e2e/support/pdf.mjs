// Printed documents as a printer gets them: Chromium prints the page to PDF on the paper its CSS
// asks for; poppler reads the PDF back (its text, its pages) and turns it into pictures; zbar
// decodes the QR codes in them.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

const OUT = 'tests/artifacts/print';

/** Prints the page open in `page` to `tests/artifacts/print/<name>.pdf`; returns the path. */
export async function printToPdf(page, name) {
  mkdirSync(OUT, { recursive: true });
  const path = `${OUT}/${name}.pdf`;
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  return path;
}

/** The PDF's pages and paper, as `pdfinfo` reads them: `{ pages, size: 'A4' }`. */
export function pdfInfo(path) {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  const pages = Number(info.match(/^Pages:\s+(\d+)/m)[1]);
  const [, width, height, paper] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+) pts(?: \((\w+)\))?/m);
  return { pages, size: paper, landscape: Number(width) > Number(height) };
}

/** The text of the PDF (or of one page) in the order it was laid out (`-raw`: a table's cells
 * one after the other, not its columns interleaved), its white space made single spaces. */
export function pdfText(path, page) {
  const range = page ? ['-f', String(page), '-l', String(page)] : [];
  const text = execFileSync('pdftotext', ['-raw', ...range, path, '-'], { encoding: 'utf8' });
  // A word broken at its hyphen across two lines ("Géronde-|See") is one word again.
  return text.replace(/-\n/g, '-').replace(/\s+/g, ' ');
}

/** What the QR codes on the PDF's first page say, decoded from a 150 dpi picture of it. */
export function qrCodes(path) {
  const picture = path.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', path, picture]);
  // zbar's complaint that there is no D-Bus here is noise.
  const decoded = execFileSync('zbarimg', ['--raw', '-q', `${picture}.png`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return decoded.trim().split('\n');
}
