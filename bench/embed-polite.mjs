#!/usr/bin/env node
// Is the embed widget polite to the host page? (issue 19, item 2): the example article page
// (dist/examples/news-article.html) served over http with the strict CSP header, in Debian's
// Chromium with the CPU throttled 4× (CDP Emulation.setCPUThrottlingRate: a mid-range laptop),
// loaded N times with the widget and N times without it (its loader answered with an empty
// script), alternating. Prints, per load and as medians:
//   - the main thread's long tasks (Long Tasks API, every task > 50 ms): the longest, and how many
//     there were; with the widget they are counted until both cards are ready
//   - the host page's Largest Contentful Paint (ms from navigation start)
//   - with the widget: when the first card was ready
//
//   make build && node bench/embed-polite.mjs [--runs 11] [--dist dist] [--throttle 4] [--file]
//
// --file opens the page from file:// (the meta CSP) instead of http. CHROMIUM=/path overrides
// the browser. The bar: no main-thread task over 50 ms caused by the widget, and the LCP the same
// with and without it.

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

async function load(withWidget) {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', {rate: throttle});
  if (!withWidget) {
    await page.route('**/newslens-embed.js', (r) => r.fulfill({status: 200,
      contentType: 'text/javascript', body: '/* no widget */'}));
  }
  await page.addInitScript(() => {
    const t = {long: [], lcp: NaN};
    window[Symbol.for('embed-polite')] = t;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.long.push({start: e.startTime, duration: e.duration});
    }).observe({type: 'longtask', buffered: true});
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) t.lcp = e.startTime;
    }).observe({type: 'largest-contentful-paint', buffered: true});
  });
  await page.goto(url, {waitUntil: 'load'});
  let ready = NaN;
  if (withWidget) {
    await page.waitForFunction(() => document.querySelector('news-lens')?.state === 'ready',
                               null, {timeout: 120_000});
    ready = await page.evaluate(() => performance.now());
    await page.locator('news-lens').nth(1).scrollIntoViewIfNeeded();
    await page.waitForFunction(() => document.querySelectorAll('news-lens')[1]?.state === 'ready',
                               null, {timeout: 120_000});
  }
  // Two frames and a task more, so that the last long task and the LCP are reported.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(
      () => setTimeout(ok, 0)))));
  const t = await page.evaluate(() => window[Symbol.for('embed-polite')]);
  await context.close();
  const longest = t.long.reduce((m, e) => Math.max(m, e.duration), 0);
  return {longest, count: t.long.length, lcp: t.lcp, ready, tasks: t.long};
}

const median = (xs) => {
  const s = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ms = (x) => (Number.isNaN(x) ? '—' : x.toFixed(0)).padStart(9);

console.log(`embed politeness: ${url}, CPU throttled ${throttle}×, ${runs} loads each way (ms)`);
console.log(`${'run'.padEnd(5)}${'with: longest'.padStart(14)}${'>50ms'.padStart(7)}${'LCP'.padStart(9)}` +
            `${'card ready'.padStart(11)}${'without: longest'.padStart(18)}${'>50ms'.padStart(7)}${'LCP'.padStart(9)}`);
await load(true);  // warm-up (the OS file cache), not counted
const withW = [];
const without = [];
for (let i = 0; i < runs; i++) {
  const a = await load(true);
  const b = await load(false);
  withW.push(a);
  without.push(b);
  console.log(`${String(i + 1).padEnd(5)}${ms(a.longest).padStart(14)}${String(a.count).padStart(7)}${ms(a.lcp)}` +
              `${ms(a.ready).padStart(11)}${ms(b.longest).padStart(18)}${String(b.count).padStart(7)}${ms(b.lcp)}`);
  if (process.env.VERBOSE) console.log('   ', a.tasks.map((e) => `${e.start.toFixed(0)}+${e.duration.toFixed(0)}`).join(' '));
}
const worst = Math.max(...withW.map((r) => r.longest));
const worstWithout = Math.max(...without.map((r) => r.longest));
console.log(`${'med'.padEnd(5)}${ms(median(withW.map((r) => r.longest))).padStart(14)}` +
            `${String(median(withW.map((r) => r.count))).padStart(7)}${ms(median(withW.map((r) => r.lcp)))}` +
            `${ms(median(withW.map((r) => r.ready))).padStart(11)}${ms(median(without.map((r) => r.longest))).padStart(18)}` +
            `${String(median(without.map((r) => r.count))).padStart(7)}${ms(median(without.map((r) => r.lcp)))}`);
console.log(`\nlongest main-thread task in any load: with the widget ${worst.toFixed(0)} ms, without ` +
            `${worstWithout.toFixed(0)} ms (bar: no task over 50 ms caused by the widget)`);
console.log(`host LCP, median: with ${median(withW.map((r) => r.lcp)).toFixed(0)} ms, without ` +
            `${median(without.map((r) => r.lcp)).toFixed(0)} ms (bar: unchanged)`);
await browser.close();
server.close();
