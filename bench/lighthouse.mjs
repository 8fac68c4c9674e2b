// Lighthouse (npm, with Debian's Chromium), five runs of each page, median of each figure:
// the kiosk with the desktop preset, the family's today page with the mobile preset (simulated
// slow 4G and a 4x slower CPU). Usage: node bench/lighthouse.mjs URL   (a running server)
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import * as chromeLauncher from 'chrome-launcher';

const RUNS = process.env.BENCH_QUICK ? 1 : 5;
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function audit(url, config) {
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROMIUM ?? '/usr/bin/chromium', chromeFlags: FLAGS });
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
    lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), longTasks: m('longTasks'), lazyCompileShare: m('lazyCompileShare'), failed, targets };
}

export async function lighthouseFigures(base) {
  return [
    await lighthouseRow('kiosk /kiosk, desktop', `${base}/kiosk`, desktopConfig, { performance: 100 }),
    await lighthouseRow('family today /, mobile', `${base}/`, undefined, { performance: 95, lcp: 1500, tbt: 50, cls: 0.02 }),
  ];
}

export function printLighthouse(rows) {
  console.log(`${'Lighthouse, median of 5'.padEnd(30)} ${'perf'.padStart(5)} ${'a11y'.padStart(5)} ${'BP'.padStart(5)} ${'LCP ms'.padStart(8)} ${'TBT ms'.padStart(8)} ${'CLS'.padStart(7)}`);
  for (const r of rows) {
    console.log(`${r.label.padEnd(30)} ${String(r.performance).padStart(5)} ${String(r.accessibility).padStart(5)} ${String(r.bestPractices).padStart(5)} ${r.lcp.toFixed(0).padStart(8)} ${r.tbt.toFixed(0).padStart(8)} ${r.cls.toFixed(3).padStart(7)}`);
    const t = r.targets;
    console.log(`${'  target'.padEnd(30)} ${String(t.performance ?? '').padStart(5)} ${'100'.padStart(5)} ${'100'.padStart(5)} ${(t.lcp ? `≤${t.lcp}` : '').padStart(8)} ${(t.tbt ? `≤${t.tbt}` : '').padStart(8)} ${(t.cls ? `≤${t.cls}` : '').padStart(7)}`);
    if (r.longTasks) console.log(`  long tasks, slowed as simulated: ${r.longTasks.toFixed(0)} ms in all, ${(r.lazyCompileShare * 100).toFixed(0)}% of it V8 compiling wasm functions on their first call`);
    if (r.failed.length) console.log(`  audits not passed in some run: ${r.failed.join(', ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  printLighthouse(await lighthouseFigures(process.argv[2]));
}
