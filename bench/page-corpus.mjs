#!/usr/bin/env node
// Page corpus mode (issue 8): MB/s of dist/index.html's corpus mode in Debian's Chromium
// (headless), from file://, on a generated ~20 MB JSONL corpus or on a file you name.
//
//   node web/build.mjs && node bench/page-corpus.mjs [CORPUS.jsonl|CORPUS.csv] [--mb 20] [--runs 3]
//                                                    [--cores N]
//
// Without a path, articles are generated from the templates in tests/web/news-corpus.mjs (news-
// like text, three outlets, dated) into a temporary file of about --mb megabytes. Each run opens
// the page in a fresh context, picks the file through the corpus file chooser and waits for the
// views to be drawn. Printed per run:
//   page MB/s     file bytes / (file given to the page → every view drawn): reading, counting,
//                 parsing, analysis in the worker, summaries to the page, aggregation, charts
//   workers       analysis workers the page started (one per 2 MB, up to one per core, at most 4)
//   workers MB/s  file bytes / the workers' time (counting, then parsing + analysis in parallel)
//   articles/s    articles / page time
//   heap MB       the page's JS heap after the run (summaries and aggregate; no corpus text)
// and, for reference, the same module in node on the same articles (analysis only, the options
// corpus mode uses), so the page's overhead can be read off. --cores N makes the page see N cores
// (navigator.hardwareConcurrency), so --cores 1 measures one worker. CHROMIUM=/path overrides the
// browser.

import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {basename, dirname, join, resolve} from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

import {generateCorpus, toJsonl} from '../tests/web/news-corpus.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const targetMb = Number(flag('--mb', 20));
const runs = Number(flag('--runs', 3));
const cores = flag('--cores', null);
const dist = resolve(flag('--dist', join(root, 'dist')));
const given = args[0] ? resolve(args[0]) : null;

let tmp = null;
let path = given;
if (!path) {
  tmp = mkdtempSync(join(tmpdir(), 'newslens-page-corpus-'));
  path = join(tmp, 'generated.jsonl');
  const parts = [];
  let bytes = 0;
  for (let seed = 1; bytes < targetMb * 1e6; seed++) {
    const chunk = toJsonl(generateCorpus({count: 500, seed, days: 120}));
    parts.push(chunk);
    bytes += Buffer.byteLength(chunk);
  }
  writeFileSync(path, parts.join(''));
}
const size = statSync(path).size;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
         '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

async function once() {
  const context = await browser.newContext({viewport: {width: 1280, height: 900}});
  const page = await context.newPage();
  if (cores) {
    await page.addInitScript((n) => {
      Object.defineProperty(Navigator.prototype, 'hardwareConcurrency', {get: () => n});
    }, Number(cores));
  }
  await page.goto(pathToFileURL(join(dist, 'index.html')).href);
  await page.waitForFunction(() => window.newslensPage && window.newslensPage.analysisCount > 0);
  await page.click('[data-testid="tab-corpus"]');
  await page.setInputFiles('[data-testid="corpus-files"]', path);
  await page.waitForFunction(() => window.newslensPage.corpus.runs === 1 &&
      window.newslensPage.corpus.state !== 'running', null, {timeout: 0, polling: 500});
  const state = await page.evaluate(() => window.newslensPage.corpus.state);
  if (state !== 'done') throw new Error(`the run ended ${state}`);
  const timing = await page.evaluate(() => window.newslensPage.corpus.timing());
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const {usedSize} = await cdp.send('Runtime.getHeapUsage');
  await context.close();
  return {...timing, heap: usedSize};
}

const median = (xs) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

console.log(`page corpus mode: ${given ? path : `generated ${basename(path)}`}, ${(size / 1e6).toFixed(1)} MB, ` +
            `${runs} run${runs === 1 ? '' : 's'}, dist/index.html from file://`);
console.log(`${'run'.padEnd(5)}${['workers', 'articles', 'page s', 'page MB/s', 'workers MB/s', 'articles/s', 'heap MB']
    .map((c) => c.padStart(13)).join('')}`);
const results = [];
try {
  for (let i = 0; i < runs; i++) {
    const r = await once();
    const row = {workers: r.workers, articles: r.articles, seconds: r.elapsed / 1000, page: size / 1e6 / (r.elapsed / 1000),
                 worker: size / 1e6 / (r.workerMs / 1000), perSecond: r.articles / (r.elapsed / 1000),
                 heap: r.heap / 1e6};
    results.push(row);
    console.log(`${String(i + 1).padEnd(5)}${[row.workers, row.articles, row.seconds.toFixed(2), row.page.toFixed(2),
      row.worker.toFixed(2), row.perSecond.toFixed(0), row.heap.toFixed(1)].map((x) => String(x).padStart(13)).join('')}`);
  }
} finally {
  await browser.close();
}
const med = (k) => median(results.map((r) => r[k]));

// Reference: the module in node, the same articles, the options corpus mode analyses with.
const {NewsLens} = require(join(dist, 'newslens.js'));
const nl = await NewsLens.create();
const texts = [];
if (/\.csv$/i.test(path)) {
  console.log('(node reference skipped for CSV input)');
} else {
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const o = JSON.parse(line);
      if (typeof o.text === 'string') texts.push(o.text);
    } catch {}
  }
}
let nodeMbps = NaN;
if (texts.length) {
  const t0 = performance.now();
  for (const t of texts) nl.analyze(t, {tone: 'news', mentions: false, sentences: false});
  nodeMbps = size / 1e6 / ((performance.now() - t0) / 1000);
}
console.log(`\npage corpus mode: median ${med('page').toFixed(2)} MB/s end to end ` +
            `(${med('perSecond').toFixed(0)} articles/s; ${results[0].workers} worker${results[0].workers === 1 ? '' : 's'} ` +
            `${med('worker').toFixed(2)} MB/s; ` +
            `page heap ${med('heap').toFixed(1)} MB after ${results[0].articles} articles)`);
if (texts.length) console.log(`same module in node, analysis only: ${nodeMbps.toFixed(2)} MB/s`);
if (tmp) rmSync(tmp, {recursive: true, force: true});
