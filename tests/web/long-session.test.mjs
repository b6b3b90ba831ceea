// A long session in the page (issue 10): thousands of analyses through the page's own analyzer
// client, and hundreds drawn in every view, with the page's JS heap (CDP, after a forced GC) and
// the module's wasm memory sampled as they go. Both must stay flat. The figures are printed (and
// recorded in docs/reliability-page.md); the assertions use the tolerances explained below.
//
//   node --test tests/web/long-session.test.mjs        (after `make build`)

import assert from 'node:assert/strict';
import {describe, test} from 'node:test';

import {analysed, analysisCount, assertClean, openPage, withPage} from './harness.mjs';

/** Analyses through the client, sampled every BLOCK after a warm-up of one BLOCK. */
const ANALYSES = 10_000;
const BLOCK = 1_000;
/** Worker round trips (each a postMessage of the text and a structured clone of the report). */
const WORKER_ANALYSES = 1_000;
/** Analyses drawn in every view (charts, tables, the article with its highlights): a warm-up
 *  (V8 compiles and optimises the views' code, ~0.5 MB of code objects that then stay), then
 *  the ones measured. */
const WARMUP_RENDERS = 100;
const RENDERS = 100;

/**
 * JS heap growth allowed between the first sample after the warm-up and any later one, after a
 * forced GC. A leak of what each analysis makes — its report (~8 KB of objects here) or its text
 * (~2 KB) — would be ~20-80 MB over 9,000 analyses; 1 MiB is ~110 bytes per analysis, above
 * the noise measured between samples of a page doing nothing (±150 KB: V8's own caches,
 * feedback vectors, the CDP session's objects).
 */
const JS_HEAP_TOLERANCE = 1024 * 1024;
/** Over the rendered analyses: ~10 KB per render, below what one kept report, article DOM or
 *  Chart.js instance would add (a heap-snapshot diff after the warm-up shows only V8 code
 *  objects still growing, and slowing). */
const RENDER_HEAP_TOLERANCE = 1024 * 1024;

/**
 * The wasm memory can only grow (memory.grow, whole 64 KiB pages, when the allocator runs out),
 * never shrink; after the warm-up, analyses of articles of the same size need nothing it has not
 * held already, so any growth is a leak: tolerance 0. It catches a leak of the size of an input
 * or a report per analysis (the headroom above the warm-up's high-water mark is a few MB); a
 * leak of a few bytes per analysis would need far longer runs to show here.
 */
const WASM_GROWTH_TOLERANCE = 0;

const MB = (bytes) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

withPage((env) => {
  /** Opens the page with a CDP session for heap figures. */
  async function open() {
    const opened = await openPage(env.browser(), env.httpBase() + 'index.html');
    await analysed(opened.page, 0);
    await opened.page.waitForFunction(() => window.newslensPage.moduleReady);
    const cdp = await opened.context.newCDPSession(opened.page);
    await cdp.send('Performance.enable');
    /** {js, nodes, listeners} after two forced collections. */
    const metrics = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      const {metrics: list} = await cdp.send('Performance.getMetrics');
      const m = Object.fromEntries(list.map(({name, value}) => [name, value]));
      return {js: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners};
    };
    // Short articles (~2 KB), each with 20 words no other has (a news site meets new names
    // every day: the core's word cache must stay bounded), in turn with every lexicon.
    await opened.page.evaluate(() => {
      const base = NewsLensSample.text.split('\n\n').slice(0, 6).join('\n\n').slice(0, 2000);
      const tones = ['news', 'general', 'finance'];
      const names = (i) => Array.from({length: 20}, (_, k) => `Zed${i}q${k}`).join(', ');
      window.__article = (i) => `${base}\n\nReported by Correspondent${i} from Town${i % 97} with ${names(i)}.`;
      window.__tone = (i) => tones[i % 3];
      window.__wasmBytes = async () => {
        const nl = await window.newslensPage.client.ready();
        if (!nl._module || !nl._module.HEAP8) throw new Error('the analyzer has no _module.HEAP8 to measure');
        return nl._module.HEAP8.buffer.byteLength;
      };
    });
    return {...opened, cdp, metrics};
  }

  const report = (label, samples, key) => {
    const line = samples.map((s) => `${s.done}: ${MB(s[key])}`).join(', ');
    console.log(`# ${label}: ${line}`);
  };

  describe('long sessions', () => {
    test(`${ANALYSES.toLocaleString('en')} analyses through the page's client: the JS heap and the wasm memory stay flat`, async () => {
      const {context, page, log, metrics} = await open();
      try {
        const samples = [];
        let words = 0;
        const t0 = Date.now();
        for (let done = 0; done < ANALYSES;) {
          const block = await page.evaluate(async ([from, to]) => {
            const client = window.newslensPage.client;
            let w = 0;
            for (let i = from; i < to; i++) {
              const {report, via} = await client.analyze(window.__article(i), {tone: window.__tone(i)});
              if (via !== 'main') throw new Error(`analysis ${i} went to the ${via}`);
              w += report.stats.words;
            }
            return {words: w, wasm: await window.__wasmBytes()};
          }, [done, done + BLOCK]);
          done += BLOCK;
          words += block.words;
          samples.push({done, wasm: block.wasm, ...(await metrics())});
        }
        const ms = Date.now() - t0;
        report('JS heap', samples, 'js');
        report('wasm memory', samples, 'wasm');
        console.log(`# ${ANALYSES} analyses in ${ms} ms (${(ms / ANALYSES).toFixed(2)} ms each, sampling included)`);
        // Every analysis did the work: the words of 10,000 articles of (nearly) the same length.
        const one = await page.evaluate(async () =>
          (await window.newslensPage.client.analyze(window.__article(0), {tone: 'auto'})).report.stats.words);
        assert.ok(Math.abs(words - one * ANALYSES) <= ANALYSES * 2, `${words} words in all, ${one} in one`);

        const [base, ...rest] = samples;  // the first block is the warm-up
        for (const s of rest) {
          assert.ok(s.js - base.js <= JS_HEAP_TOLERANCE,
                    `JS heap after ${s.done} analyses: ${MB(s.js)}, ${MB(s.js - base.js)} above ${MB(base.js)} after ${base.done}`);
          assert.ok(s.wasm - base.wasm <= WASM_GROWTH_TOLERANCE,
                    `wasm memory after ${s.done} analyses: ${MB(s.wasm)}, grew from ${MB(base.wasm)} after ${base.done}`);
        }
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test(`${WORKER_ANALYSES.toLocaleString('en')} analyses through the page's worker: the page's heap and the worker's wasm memory stay flat`, async () => {
      const {context, page, log, metrics} = await open();
      try {
        // Every text goes to the worker (as over-threshold texts do), for this page only.
        await page.evaluate(() => {
          window.newslensPage.client.threshold = 0;
        });
        const workerWasm = async () => {
          const [worker] = page.workers();
          return worker.evaluate(async () => (await NewsLens.create())._module.HEAP8.buffer.byteLength);
        };
        const samples = [];
        const step = WORKER_ANALYSES / 5;
        for (let done = 0; done < WORKER_ANALYSES;) {
          await page.evaluate(async ([from, to]) => {
            const client = window.newslensPage.client;
            for (let i = from; i < to; i++) {
              const {via} = await client.analyze(window.__article(i), {tone: window.__tone(i)});
              if (via !== 'worker') throw new Error(`analysis ${i} went to the ${via}`);
            }
          }, [done, done + step]);
          done += step;
          samples.push({done, wasm: await workerWasm(), ...(await metrics())});
        }
        report('page JS heap, worker analyses', samples, 'js');
        report('worker wasm memory', samples, 'wasm');
        assert.equal(await page.evaluate(() => window.newslensPage.client.workersStarted), 1, 'one worker did it all');
        const [base, ...rest] = samples;
        for (const s of rest) {
          assert.ok(s.js - base.js <= JS_HEAP_TOLERANCE, `JS heap after ${s.done}: ${MB(s.js - base.js)} above ${MB(base.js)}`);
          assert.ok(s.wasm - base.wasm <= WASM_GROWTH_TOLERANCE, `worker wasm memory after ${s.done}: ${MB(s.wasm)}, from ${MB(base.wasm)}`);
        }
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test(`${WARMUP_RENDERS + RENDERS} analyses drawn in every view: the JS heap, DOM nodes and listeners stay flat`, async () => {
      const {context, page, log, metrics} = await open();
      try {
        const draw = async (from, to) => {
          for (let i = from; i < to; i++) {
            const n = await analysisCount(page);
            await page.evaluate((k) => {
              document.querySelector('[data-testid="tone-option"]').value = window.__tone(k);
              document.querySelector('[data-testid="article-input"]').value = window.__article(k);
              document.querySelector('[data-testid="analyze"]').click();
            }, i);
            await analysed(page, n);
          }
        };
        await draw(0, WARMUP_RENDERS);
        const samples = [{done: WARMUP_RENDERS, ...(await metrics())}];
        const step = RENDERS / 4;
        for (let done = WARMUP_RENDERS; done < WARMUP_RENDERS + RENDERS;) {
          await draw(done, done + step);
          done += step;
          samples.push({done, ...(await metrics())});
        }
        report('JS heap, rendered', samples, 'js');
        console.log(`# DOM nodes: ${samples.map((s) => s.nodes).join(', ')}; listeners: ${samples.map((s) => s.listeners).join(', ')}`);
        const [base, ...rest] = samples;
        for (const s of rest) {
          assert.ok(s.js - base.js <= RENDER_HEAP_TOLERANCE, `JS heap after ${s.done} renders: ${MB(s.js - base.js)} above ${MB(base.js)}`);
          // The same article drawn again has the same nodes and listeners; the unique word and
          // another lexicon may add or drop a highlight or two.
          assert.ok(Math.abs(s.nodes - base.nodes) <= 50, `DOM nodes after ${s.done} renders: ${s.nodes}, were ${base.nodes}`);
          assert.ok(s.listeners - base.listeners <= 10, `listeners after ${s.done} renders: ${s.listeners}, were ${base.listeners}`);
        }
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });
  });
});
