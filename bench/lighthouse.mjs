// Lighthouse (npm, with Debian's Chromium), five runs of each page, median of each figure:
// the kiosk with the desktop preset, the family's today page with the mobile preset (simulated
// slow 4G and a 4x slower CPU), in a browser on Swiss time, as the families' phones mostly are.
// Usage: node bench/lighthouse.mjs URL                  the kiosk      (a running server)
//        node bench/lighthouse.mjs --phone URL [--static URL] [--before URL]
//                                                      the family's today page, beside references
//                                                      (bench/phone serves them)
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const RUNS = process.env.BENCH_QUICK ? 1 : 5;
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function audit(url, config) {
  const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: FLAGS, envVars: { ...process.env, TZ: 'Europe/Zurich' },
  });
  try {
    const flags = { port: chrome.port, logLevel: 'error', output: 'json', additionalTraceCategories: 'v8.wasm' };
    const { lhr, artifacts } = await lighthouse(url, flags, config);
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const score = (id) => Math.round(lhr.categories[id].score * 100);
    const failed = Object.values(lhr.audits).filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary').map((a) => a.id);
    return {
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      lcp: lhr.audits['largest-contentful-paint'].numericValue,
      tbt: lhr.audits['total-blocking-time'].numericValue,
      cls: lhr.audits['cumulative-layout-shift'].numericValue,
      bytes: lhr.audits['total-byte-weight'].numericValue,
      failed,
      ...longTasks(artifacts.Trace.traceEvents, lhr.configSettings.throttling.cpuSlowdownMultiplier),
    };
  } finally {
    await chrome.kill();
  }
}

/**
 * The main thread's tasks that block (over 50 ms once slowed as Lighthouse simulates), from the
 * run's own trace: their time in all, and how much of it V8 spent compiling the wasm's
 * functions on their first call (it compiles a wasm function only when it first runs).
 */
function longTasks(events, slowdown) {
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const onMain = (e) => threads.get(`${e.pid}:${e.tid}`) === 'CrRendererMain';
  const compiles = events.filter((e) => e.name === 'wasm.CompileLazy' && e.ph === 'X' && onMain(e));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && onMain(e) && e.dur * slowdown > 50_000);
  const within = (task, e) => e.pid === task.pid && e.tid === task.tid && e.ts >= task.ts && e.ts < task.ts + task.dur;
  const blocking = tasks.reduce((sum, task) => sum + task.dur, 0);
  const compiling = tasks.reduce((sum, task) => sum + compiles.filter((e) => within(task, e)).reduce((s, e) => s + e.dur, 0), 0);
  return { longTasks: (blocking * slowdown) / 1000, lazyCompileShare: blocking ? compiling / blocking : 0 };
}

/** Five runs of a page; prints the median of each figure beside the target. */
export async function lighthouseRow(label, url, config, targets) {
  const runs = [];
  for (let i = 0; i < RUNS; i += 1) runs.push(await audit(url, config));
  const m = (key) => median(runs.map((r) => r[key]));
  const failed = [...new Set(runs.flatMap((r) => r.failed))];
  return { label, performance: m('performance'), accessibility: m('accessibility'), bestPractices: m('bestPractices'),
    lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), bytes: m('bytes'), longTasks: m('longTasks'), lazyCompileShare: m('lazyCompileShare'), failed, targets };
}

export async function lighthouseFigures(base) {
  return [await lighthouseRow('kiosk /kiosk, desktop', `${base}/kiosk`, desktopConfig, { performance: 100 })];
}

/** The family's today page, and beside it the references given: its LCP's target is 1.2 times
 * the static page's. */
export async function phoneFigures(base, { limit, start } = {}) {
  const references = [];
  if (limit) references.push(await lighthouseRow('  the limit: static HTML, nginx', `${limit}/`, undefined, {}));
  if (start) references.push(await lighthouseRow('  the start: the SPA before', `${start}/`, undefined, {}));
  const lcp = references[0] ? Math.round(references[0].lcp * 1.2) : undefined;
  const ours = await lighthouseRow('family today /, mobile', `${base}/`, undefined, { performance: 98, lcp, tbt: 50, cls: 0.02 });
  return [ours, ...references];
}

export function printLighthouse(rows) {
  console.log(`${`Lighthouse, median of ${RUNS}`.padEnd(32)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'BP'.padStart(5)} ${'LCP ms'.padStart(8)} ${'TBT ms'.padStart(8)} ${'CLS'.padStart(7)} ${'KB'.padStart(7)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(32)} ${String(r.performance).padStart(5)} ${String(r.accessibility).padStart(5)} ${String(r.bestPractices).padStart(5)} ${r.lcp.toFixed(0).padStart(8)} ${r.tbt.toFixed(0).padStart(8)} ${r.cls.toFixed(3).padStart(7)} ${(r.bytes / 1024).toFixed(1).padStart(7)}`);
    const t = r.targets;
    if (Object.keys(t).length) console.log(`${'  target'.padEnd(32)} ${(t.performance ? `≥${t.performance}` : '').padStart(5)} ${'100'.padStart(5)} ${'100'.padStart(5)} ${(t.lcp ? `≤${t.lcp}` : '').padStart(8)} ${(t.tbt ? `≤${t.tbt}` : '').padStart(8)} ${(t.cls ? `≤${t.cls}` : '').padStart(7)}`);
    if (r.longTasks) console.log(`  long tasks, slowed as simulated: ${r.longTasks.toFixed(0)} ms in all, ${(r.lazyCompileShare * 100).toFixed(0)}% of it V8 compiling wasm functions on their first call`);
    if (r.failed.length) console.log(`  audits not passed in some run: ${r.failed.join(', ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  if (args[0] === '--phone') printLighthouse(await phoneFigures(args[1], { limit: option('--static'), start: option('--before') }));
  else printLighthouse(await lighthouseFigures(args[0]));
}
