// The tests' clocks. A test about time sets it: the server starts at an instant the test chooses
// (Debian's libfaketime, preloaded into the release binary with an offset from the real clock),
// and the browser's page at the same instant (Playwright's clock). `scripts/test --at` runs the
// whole suite, node and every process it starts, at a chosen instant the same way.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { sierreInstant, zurichWallClock } from './calendar.mjs';

/** libfaketime's library, wherever Debian put it for this machine's architecture. */
export function libfaketime() {
  const found = readdirSync('/usr/lib', { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join('/usr/lib', entry.name, 'faketime', 'libfaketime.so.1'))
    .find((path) => existsSync(path));
  if (!found) throw new Error('libfaketime is missing: scripts/setup test installs Debian\'s faketime');
  return found;
}

/** Seconds by which this process's own clock is moved already (`scripts/test --at`): 0 on the
 * real clock. */
function ownOffsetSeconds() {
  const file = process.env.FAKETIME_TIMESTAMP_FILE;
  if (!file || !process.env.LD_PRELOAD?.includes('faketime')) return 0;
  const match = readFileSync(file, 'utf8').trim().match(/^([+-]\d+(?:\.\d+)?)s?/);
  return match ? Number(match[1]) : 0;
}

/**
 * A clock for a process this test starts. `at`: the instant it starts at (a Date, or a Sierre
 * wall-clock time "HH:MM" of today as this process sees it); none: this process's own clock.
 * `offset` is the seconds from the real clock, kept so that a restarted server goes on from
 * where its clock was, not from `at` again.
 */
export function clockAt(at) {
  if (at === undefined) return { offset: ownOffsetSeconds() };
  const instant = typeof at === 'string' ? sierreInstant(`${zurichWallClock(new Date()).slice(0, 10)}T${at}`) : at;
  return { offset: Math.round((instant.getTime() - Date.now()) / 1000) + ownOffsetSeconds() };
}

/** The environment that starts a process on `clock`, its offset written to `file`. */
export async function clockEnvironment(clock, file) {
  if (clock.offset === 0 && ownOffsetSeconds() === 0) return {};
  // Beside a data directory the server makes itself (`var/lib/plantzette` of a test's scratch).
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, `${clock.offset >= 0 ? '+' : ''}${clock.offset}s\n`);
  return { LD_PRELOAD: libfaketime(), FAKETIME_TIMESTAMP_FILE: file, FAKETIME_DONT_FAKE_MONOTONIC: '1' };
}

/** The instant it is now on `clock`. */
export function nowOn(clock) {
  return new Date(Date.now() + (clock.offset - ownOffsetSeconds()) * 1000);
}

/** The Sierre day ("2026-12-07") on `clock`, or the one `offset` days from it. */
export function dayOn(clock, offset = 0) {
  const today = zurichWallClock(nowOn(clock)).slice(0, 10);
  return new Date(Date.parse(`${today}T12:00:00Z`) + offset * 86400e3).toISOString().slice(0, 10);
}
