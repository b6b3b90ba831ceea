#!/usr/bin/env node
// Is the embed widget polite to the host page? (issue 19, item 2): the example article page
// (dist/examples/news-article.html) served over http with the strict CSP header (or opened from
// file:// with --file), in Debian's Chromium with the CPU throttled 4× (CDP
// Emulation.setCPUThrottlingRate: a mid-range laptop), loaded N times with the widget and N times
// without it (its loader answered with an empty script), alternating. Per load and as medians:
//   widget task  the longest main-thread task in which the widget's own script ran: the Long
//                Tasks API's tasks (> 50 ms), attributed by the script entries of the Long
//                Animation Frames API (Chromium 123+); n: how many such tasks
//   script       the widget's longest single script run (a callback, its microtasks included)
//   longest      the longest task of the page, whoever caused it; >50ms: how many
//   LCP          the host page's Largest Contentful Paint (ms from navigation start)
//   card         when the first card was ready
// Both cards are waited for (the second, far below, is scrolled to with the mouse wheel). The
// harness runs no script in the page while it measures: the page's records come back in console
// messages.
//
//   make build && node bench/embed-polite.mjs [--runs 11] [--dist dist] [--throttle 4] [--file]
//                                             [--trace]
//
// --trace adds one more load with the widget, recorded with Chromium's tracing, and prints what ran
// in each main-thread task over 50 ms (a tree of its parts of 2 ms or more: script, style, layout,
// GC ...), to find what to cut. VERBOSE=1 prints every long task and every widget script run.
// CHROMIUM=/path overrides the browser. The bar: no main-thread task over 50 ms caused by the
// widget, and the host's LCP the same with and without it. On a loaded machine every figure is
// inflated (the throttle multiplies whatever CPU share the browser gets): compare runs made at the
// same time, and rerun on a quiet machine for the absolute figures.

import {existsSync, readFileSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {dirname, extname, join, resolve, sep} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(flag('--runs', 11));
const throttle = Number(flag('--throttle', 4));
const dist = resolve(flag('--dist', join(root, 'dist')));
const fromFile = args.includes('--file');
const EXAMPLE = 'examples/news-article.html';
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
if (!existsSync(join(dist, EXAMPLE)) || !existsSync(join(dist, 'newslens-analyzer.js'))) {
  console.error(`bench/embed-polite.mjs: ${dist} lacks the widget; run \`make build\` first`);
  process.exit(2);
}

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
               '.css': 'text/css; charset=utf-8'};
const server = createServer((req, res) => {
  const file = resolve(dist, decodeURIComponent(new URL(req.url, 'http://x').pathname).slice(1));
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, {'content-type': TYPES[extname(file)] || 'application/octet-stream',
                      'content-security-policy': CSP}).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = fromFile ? pathToFileURL(join(dist, EXAMPLE)).href :
                       `http://127.0.0.1:${server.address().port}/${EXAMPLE}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

async function load(withWidget, {trace = false} = {}) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: throttle});
  if (!withWidget) {
    await page.route('**/newslens-embed.js', (r) => r.fulfill({status: 200,
      contentType: 'text/javascript', body: '/* no widget */'}));
  }
  // Everything is recorded in the page and handed over in console messages, so that the
  // harness runs no script of its own in the page while it is measured (a first page.evaluate
  // injects Playwright's helpers: a long task of its own).
  await page.addInitScript((expected) => {
    const t = {long: [], frames: [], lcp: NaN, ready: NaN};
    // The example page runs no script of its own, so every script entry is the widget's (from
    // file:// Chromium does not name a script's URL in these entries: its origin is opaque).
    const widget = /newslens-(embed|analyzer)\.js|^$/;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.long.push({start: e.startTime, duration: e.duration});
    }).observe({type: 'longtask', buffered: true});
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.lcp = e.startTime;
      lcpSeen();
    }).observe({type: 'largest-contentful-paint', buffered: true});
    // Long animation frames (Chromium 123+) name the scripts that ran in them: how the widget's
    // own script time is told from the host page's and the browser's.
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          const scripts = e.scripts.filter((x) => widget.test(x.sourceURL || ''))
              .map((x) => ({start: x.startTime, duration: x.duration, invoker: x.invoker}));
          if (scripts.length) t.frames.push({start: e.startTime, duration: e.duration, scripts});
        }
      }).observe({type: 'long-animation-frame', buffered: true});
    } catch {
      // an older browser: no attribution
    }
    // Two frames and a task more, so that the last long task is reported; and the LCP, once.
    let lcpSeen = null;
    const lcp = new Promise((resolve) => {
      lcpSeen = resolve;
    });
    const done = () => lcp.then(() => requestAnimationFrame(() => requestAnimationFrame(() =>
      setTimeout(() => console.debug(`embed-polite:done ${JSON.stringify(t)}`), 0))));
    let settled = 0;
    for (const type of ['newslens-analyzed', 'newslens-error']) {
      document.addEventListener(type, () => {
        settled += 1;
        if (settled === 1) t.ready = performance.now();
        console.debug(`embed-polite:${type} ${settled}`);
        if (settled === expected) done();
      });
    }
    if (!expected) addEventListener('load', done);
  }, withWidget ? 2 : 0);
  const message = (prefix) => page.waitForEvent('console', {
    predicate: (m) => m.text().startsWith(prefix), timeout: 120_000});
  const finished = message('embed-polite:done');
  if (trace) {
    await browser.startTracing(page, {categories: [
      'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute',
      'blink.user_timing', 'toplevel']});
  }
  const first = withWidget ? message('embed-polite:newslens-') : null;
  await page.goto(url, {waitUntil: 'load'});
  if (withWidget) {
    await first;
    // The comments' widget, far below: scrolled to by input, not by a script in the page.
    await page.mouse.move(600, 400);
    await page.mouse.wheel(0, 100_000);
  }
  const t = JSON.parse((await finished).text().slice('embed-polite:done '.length));
  const traced = trace ? await browser.stopTracing() : null;
  await context.close();
  if (traced) printBreakdown(JSON.parse(traced.toString()));
  const longest = t.long.reduce((m, e) => Math.max(m, e.duration), 0);
  // A long task is the widget's when one of the widget's scripts ran in it.
  const widgetScripts = t.frames.flatMap((f) => f.scripts);
  // From file:// Chromium reports no long animation frame for the page (its origin is opaque):
  // then every long task of a load with the widget counts as the widget's (the example page runs
  // no script of its own; the loads without the widget show what its layout costs alone).
  const attributed = !fromFile;
  const mine = !attributed ? t.long : t.long.filter((task) => widgetScripts.some((x) =>
    x.start < task.start + task.duration && x.start + x.duration > task.start));
  const widgetLongest = mine.reduce((m, e) => Math.max(m, e.duration), 0);
  const scriptLongest = widgetScripts.reduce((m, x) => Math.max(m, x.duration), 0);
  return {longest, count: t.long.length, widgetLongest, widgetCount: mine.length, scriptLongest,
          lcp: t.lcp, ready: t.ready, tasks: t.long, scripts: widgetScripts};
}

/** What one main-thread task is made of: its direct parts, by name (and script URL / function). */
function describe(e) {
  const d = (e.args && (e.args.data || e.args.beginData)) || {};
  const where = d.url ? ` ${d.url.replace(/^.*\//, '')}${d.lineNumber ? ':' + d.lineNumber : ''}` : '';
  const fn = d.functionName ? ` ${d.functionName}` : '';
  return `${e.name}${fn}${where}`;
}

/** Wrappers that say nothing about what ran: the tree is printed through them. */
const WRAPPERS = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'Receive mojo message',
                          'BlinkScheduler_PerformMicrotaskCheckpoint', 'RunMicrotasks']);

/**
 * Prints every task over 50 ms on the page's main thread (the renderer that parsed the example)
 * in a Chromium trace, as a tree of its parts of 5 ms or more, three levels deep.
 */
function printBreakdown(trace) {
  const events = trace.traceEvents || trace;
  const names = new Map();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args.name);
  }
  const parsed = events.find((e) => e.name === 'ParseHTML' &&
                                    JSON.stringify(e.args || {}).includes(EXAMPLE.split('/').pop()));
  const thread = parsed ? `${parsed.pid}:${parsed.tid}` : null;
  const main = events.filter((e) => e.ph === 'X' && `${e.pid}:${e.tid}` === thread)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const t0 = events.filter((e) => e.ts > 0).reduce((m, e) => Math.min(m, e.ts), Infinity);
  const tasks = [];
  let until = -1;
  for (const e of main) {  // the outermost events are the tasks
    if (e.ts >= until) {
      if (e.dur > 50_000) tasks.push(e);
      until = e.ts + e.dur;
    }
  }
  console.log(`\ntrace: ${tasks.length} tasks over 50 ms on the page's main thread (with the widget)`);
  const children = (parent) => {
    const inside = main.filter((e) => e !== parent && e.ts >= parent.ts &&
                                      e.ts + e.dur <= parent.ts + parent.dur);
    const direct = [];
    let end = -1;
    for (const e of inside) {
      if (e.ts >= end) {
        direct.push(e);
        end = e.ts + e.dur;
      }
    }
    return direct;
  };
  const print = (e, depth) => {
    for (const c of children(e)) {
      if (WRAPPERS.has(c.name)) {
        print(c, depth);
      } else if (c.dur >= 2_000) {
        const cpu = c.tdur ? ` (${(c.tdur / 1000).toFixed(0)} CPU)` : '';
        console.log(`${'  '.repeat(depth + 2)}${(c.dur / 1000).toFixed(0).padStart(5)} ms  ${describe(c)}${cpu}`);
        if (depth < 4) print(c, depth + 1);
      }
    }
  };
  for (const task of tasks) {
    // tdur: the thread's own CPU time in the task (less sensitive to the machine's load).
    const cpu = task.tdur ? `, ${(task.tdur / 1000).toFixed(0)} ms of CPU` : '';
    console.log(`  at ${((task.ts - t0) / 1000).toFixed(0)} ms: ${(task.dur / 1000).toFixed(0)} ms${cpu}`);
    print(task, 0);
  }
}

const median = (xs) => {
  const s = xs.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(0)).padStart(9);

const COLUMNS = [
  // [heading, width, value of a load with the widget (a) and without (b)]
  ['widget task', 12, (a) => ms(a.widgetLongest)],
  ['n', 4, (a) => String(a.widgetCount)],
  ['script', 8, (a) => ms(a.scriptLongest)],
  ['longest', 9, (a) => ms(a.longest)],
  ['>50ms', 6, (a) => String(a.count)],
  ['LCP', 7, (a) => ms(a.lcp)],
  ['card', 7, (a) => ms(a.ready)],
  ['| longest', 11, (a, b) => ms(b.longest)],
  ['>50ms', 6, (a, b) => String(b.count)],
  ['LCP', 7, (a, b) => ms(b.lcp)],
];
const row = (label, cells) => label.padEnd(5) + cells.map((c, i) => c.trim().padStart(COLUMNS[i][1])).join('');

console.log(`embed politeness: ${url}, CPU throttled ${throttle}×, ${runs} loads each way (ms)`);
console.log(`${''.padEnd(5)}${'with the widget'.padStart(COLUMNS.slice(0, 7).reduce((n, c) => n + c[1], 0))}` +
            `${'| without'.padStart(COLUMNS.slice(7).reduce((n, c) => n + c[1], 0) - 14)}`);
console.log(row('run', COLUMNS.map((c) => c[0])));
await load(true);  // warm-up (the OS file cache), not counted
const withW = [];
const without = [];
for (let i = 0; i < runs; i++) {
  const a = await load(true);
  const b = await load(false);
  withW.push(a);
  without.push(b);
  console.log(row(String(i + 1), COLUMNS.map((c) => c[2](a, b))));
  if (process.env.VERBOSE) {
    console.log('    long tasks:', a.tasks.map((e) => `${e.start.toFixed(0)}+${e.duration.toFixed(0)}`).join(' '));
    console.log('    widget scripts:', a.scripts.map((x) => `${x.start.toFixed(0)}+${x.duration.toFixed(0)} ${x.invoker}`).join('; '));
  }
}
const med = (rs, key) => median(rs.map((r) => r[key]));
const medWith = Object.fromEntries(Object.keys(withW[0]).map((k) => [k, med(withW, k)]));
const medWithout = Object.fromEntries(Object.keys(without[0]).map((k) => [k, med(without, k)]));
console.log(row('med', COLUMNS.map((c) => c[2](medWith, medWithout))));
console.log(`
widget task: the longest main-thread task in which the widget's own script ran (Long Tasks API,
  attributed by the Long Animation Frames API's script entries; from file://, where Chromium
  reports none, every long task of the load); n: how many such tasks > 50 ms;
  script: the widget's longest single script run; longest, >50ms: every task of the page;
  LCP: the host page's Largest Contentful Paint; card: the first card ready (ms from navigation).`);
const worst = Math.max(...withW.map((r) => r.widgetLongest));
console.log(`\nlongest task with the widget's script in it, any load: ${worst.toFixed(0)} ms; median ` +
            `${medWith.widgetLongest.toFixed(0)} ms (bar: no task over 50 ms caused by the widget)`);
console.log(`longest task of the page, median: with the widget ${medWith.longest.toFixed(0)} ms, ` +
            `without ${medWithout.longest.toFixed(0)} ms`);
console.log(`host LCP, median: with ${medWith.lcp.toFixed(0)} ms, without ` +
            `${medWithout.lcp.toFixed(0)} ms (bar: unchanged)`);
if (args.includes('--trace')) await load(true, {trace: true});
await browser.close();
server.close();
