#!/usr/bin/env node
// The largest text the page analyses (issue 23): opens dist/index.html from file://, hands a news
// text file of each size to "Open file" (as a reader opens one), and prints how long until it
// is analysed and drawn whole (the article view to its last word), how long the worker's
// analysis took, and the main thread's longest tasks (PerformanceObserver 'longtask'). The
// figures in docs/reliability-page.md ("The largest text") come from here.
//
//   node web/build.mjs && node bench/page-large.mjs [--sizes 1,5] [--dist dist]
//
// The text is a wire digest written here (paragraphs of a few sentences on many subjects, every
// paragraph different), not dev data. Wall-clock on a shared machine: say the load (`uptime`)
// beside any figure. CHROMIUM=/path overrides the browser.

import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const sizes = flag('--sizes', '1,5').split(',').map(Number);
const dist = resolve(root, flag('--dist', 'dist'));

/** At most `bytes` (within a paragraph of it) of a digest of short news paragraphs, each one
 *  different. */
function digest(bytes) {
  const towns = ['Northbridge', 'Lakemoor', 'Port Ellis', 'Ashford Vale', 'Kingsreach', 'Marlow Bay'];
  const leads = [
    (t, n) => `The council of ${t} approved a budget of ${n} million for schools and roads on Tuesday.`,
    (t, n) => `Floods closed ${n} roads around ${t}, and rescue crews moved families to shelters.`,
    (t, n) => `Voters in ${t} chose a new mayor after a campaign about housing costs, with turnout at ${n % 90} percent.`,
    (t, n) => `Factory workers in ${t} went on strike over pay after talks broke down for the ${n}th time.`,
    (t, n) => `Doctors at the hospital in ${t} warned that ${n} patients waited more than a day for a bed.`,
    (t, n) => `The football club of ${t} won ${n % 7} to 1 and moved to the top of the league.`,
  ];
  const follows = ['Officials said the plan would be reviewed next spring.',
                   'Critics called the decision reckless, but supporters praised its ambition.',
                   'Police arrested two men and said an investigation was continuing.',
                   'Investors welcomed the news and shares rose sharply in early trading.'];
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const town = `${towns[i % towns.length]} ${Math.floor(i / towns.length) + 1}`;
    const p = `${leads[i % leads.length](town, 10 + (i * 37) % 900)} ${follows[(i * 3) % follows.length]}`;
    if (size + p.length + 2 > bytes) break;
    parts.push(p);
    size += p.length + 2;
  }
  return parts.join('\n\n');
}

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
