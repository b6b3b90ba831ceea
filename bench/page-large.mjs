#!/usr/bin/env node
// The largest text the page analyses (issue 23): opens dist/index.html from file://, hands a news
// text file of each size to "Open file" (as a reader opens one), and prints how long until it
// is analysed and drawn whole (the article view to its last word), how long the worker's
// analysis took, and the main thread's longest tasks (PerformanceObserver 'longtask'). The
// figures in docs/reliability-page.md ("The largest text") come from here.
//
//   node web/build.mjs && node bench/page-large.mjs [--sizes 1,5] [--dist dist]
//
// The text is a wire digest (bench/digest.mjs: paragraphs of a few sentences on many subjects,
// every paragraph different), not dev data. Wall-clock on a shared machine: say the load
// (`uptime`) beside any figure. CHROMIUM=/path overrides the browser.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

import {digest} from './digest.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = flag('--sizes', '1,5').split(',').map(Number);
const dist = resolve(root, flag('--dist', 'dist'));


const tmp = mkdtempSync(join(tmpdir(), 'newslens-page-large-'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
         '--disable-sync', '--no-first-run'],
});
try {
  console.log('size   drawn (s)  worker analysis (ms)  longest tasks (ms)       status');
  for (const mb of sizes) {
    const file = join(tmp, `digest-${mb}mb.txt`);
    writeFileSync(file, digest(mb * 1e6));
    const page = await browser.newPage();
    await page.goto(pathToFileURL(join(dist, 'index.html')).href);
    await page.waitForFunction(() => window.newslensPage && window.newslensPage.analysisCount > 0 &&
                                     document.body.dataset.state === 'idle', null, {timeout: 300_000});
    await page.evaluate(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push(Math.round(e.duration));
      }).observe({type: 'longtask'});
    });
    const n = await page.evaluate(() => window.newslensPage.analysisCount);
    const t0 = Date.now();
    await page.setInputFiles('[data-testid="file-input"]', file);
    await page.waitForFunction((k) => (window.newslensPage.analysisCount > k && document.body.dataset.state === 'idle') ||
                                      document.getElementById('status').dataset.kind === 'error',
    n, {timeout: 1_800_000, polling: 250});
    const seconds = (Date.now() - t0) / 1000;
    const status = await page.evaluate(() => document.getElementById('status').textContent);
    const ms = (status.match(/ in (\d+) ms/) || [])[1] || '-';
    const long = (await page.evaluate(() => window.__long)).sort((a, b) => b - a).slice(0, 3);
    console.log(`${String(mb).padStart(3)} MB ${seconds.toFixed(1).padStart(10)} ${String(ms).padStart(21)}  ` +
                `${long.join(', ').padEnd(24)} ${status.slice(0, 70)}`);
    await page.close();
  }
} finally {
  await browser.close();
  rmSync(tmp, {recursive: true, force: true});
}
