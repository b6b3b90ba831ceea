#!/usr/bin/env node
// Page start (issue 6, SPEC §5 "Start"): time from opening dist/index.html from file:// to the
// sample's charts painted, in Debian's Chromium (headless), median of several cold opens.
//
//   node web/build.mjs && node bench/page-start.mjs [--runs 11] [--dist dist] [--ab OTHER_DIST] [--cpu]
//
// --ab OTHER_DIST alternates the opens between dist and another build of the page (say, main's),
// and prints both: on a busy machine only figures taken at the same time compare.
// Each run opens the page in a fresh browser context (no storage: the first-visit path, which
// shows the sample with the report web/build.mjs made for it, then compiles the module). Times
// are ms from navigation start (performance.timeOrigin), read from the marks the page sets:
//   newslens:start         app.js began (after newslens.js, sample.js, worker.js parsed)
//   newslens:first-charts  the overview and the two top charts of the sample drawn
//   painted                the first frame after first-charts (rAF, then a task: it was painted)
//   newslens:rendered      every view, the article with its highlights included
//   newslens:ready         the WebAssembly module compiled and the analyzer built: from here
//                          the page analyses what is pasted or opened
// One warm-up open is not counted (the OS file cache). Prints every run and the medians.
// CHROMIUM=/path overrides the browser.
//
// --cpu records each open with Chromium's tracing and adds a column: the page's main-thread CPU
// time (the thread's own, `tdur`) from navigation start to `painted` — the work in front of the
// first paint, which the machine's load inflates far less than the wall-clock marks (on the
// shared 2-core machine a mark can be 3-4x its CPU). Tracing adds a little to both.

import {existsSync} from 'node:fs';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const runs = Number(flag('--runs', 11));
const dist = resolve(flag('--dist', join(root, 'dist')));
const index = join(dist, 'index.html');
if (!existsSync(index)) {
  console.error(`bench/page-start.mjs: ${index} is missing; run \`node web/build.mjs\` first`);
  process.exit(2);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

const MARKS = ['newslens:start', 'newslens:first-charts', 'painted', 'newslens:rendered', 'newslens:ready'];
const cpu = args.includes('--cpu');

/** Main-thread CPU ms (thread time of the outermost events) from navigation start to `painted`. */
function mainThreadCpu(events, painted) {
  const parse = events.find((e) => e.name === 'ParseHTML');
  if (!parse) return NaN;
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === parse.pid) || parse;
  const end = nav.ts + painted * 1000;
  const main = events.filter((e) => e.ph === 'X' && e.pid === parse.pid && e.tid === parse.tid &&
                                    e.ts >= nav.ts && e.ts < end)
      .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  let total = 0;
  let until = -1;
  for (const e of main) {
    if (e.ts >= until) {
      total += (e.tdur || 0) / 1000;
      until = e.ts + e.dur;
    }
  }
  return total;
}

async function open(index) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      const entry = mark(name, ...rest);
      if (name === 'newslens:first-charts') {
        requestAnimationFrame(() => setTimeout(() => {
          window.__painted = performance.now();
        }, 0));
      }
      return entry;
    };
  });
  if (cpu) {
    await browser.startTracing(page, {categories: ['devtools.timeline', 'v8', 'blink.user_timing',
                                                    'toplevel']});
  }
  await page.goto(pathToFileURL(index).href);
  await page.waitForFunction(() => window.__painted &&
      performance.getEntriesByName('newslens:rendered').length > 0 &&
      performance.getEntriesByName('newslens:ready').length > 0, null, {timeout: 30_000});
  const times = await page.evaluate((marks) => Object.fromEntries(marks.map((m) =>
    [m, m === 'painted' ? window.__painted : performance.getEntriesByName(m)[0].startTime])), MARKS);
  const fcp = await page.evaluate(() => {
    const e = performance.getEntriesByName('first-contentful-paint')[0];
    return e ? e.startTime : NaN;
  });
  const trace = cpu ? JSON.parse((await browser.stopTracing()).toString()) : null;
  await context.close();
  return {...times, fcp, cpu: trace ? mainThreadCpu(trace.traceEvents || trace, times.painted) : NaN};
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => x.toFixed(0).padStart(8);

const other = flag('--ab', null);
const indexes = [index];
if (other) {
  const b = join(resolve(other), 'index.html');
  if (!existsSync(b)) {
    console.error(`bench/page-start.mjs: ${b} is missing`);
    process.exit(2);
  }
  indexes.push(b);
}
for (const i of indexes) await open(i);  // warm-up, not counted
const results = indexes.map(() => []);
const cols = ['start', 'first-charts', 'painted', 'rendered', 'ready', 'FCP', ...(cpu ? ['CPU'] : [])];
const KEYS = [...MARKS, 'fcp', ...(cpu ? ['cpu'] : [])];
for (const i of indexes) {
  console.log(`page start: ${pathToFileURL(i).href}, ${runs} cold opens (ms from navigation start)`);
}
console.log(`${'run'.padEnd(7)}${cols.map((c) => c.padStart(13)).join('')}`);
for (let i = 0; i < runs; i++) {
  for (const [k, which] of indexes.entries()) {
    const r = await open(which);
    results[k].push(r);
    const label = `${i + 1}${other ? ' AB'[k + 1] : ''}`;
    console.log(`${label.padEnd(7)}${KEYS.map((m) => ms(r[m]).padStart(13)).join('')}`);
  }
}
const meds = results.map((rs) => Object.fromEntries(KEYS.map((m) => [m, median(rs.map((r) => r[m]))])));
for (const [k, med] of meds.entries()) {
  const label = `med${other ? ' ' + 'AB'[k] : ''}`;
  console.log(`${label.padEnd(7)}${KEYS.map((m) => ms(med[m]).padStart(13)).join('')}`);
}
for (const [k, med] of meds.entries()) {
  console.log(`\nsample's charts painted: median ${med.painted.toFixed(0)} ms after opening ` +
              `${indexes[k]} from file:// (issue 19's bar: < 300 ms)`);
}
await browser.close();
