// The page under the failures of a long session (issue 10): an analysis worker that dies, a reload
// that must not lose the text box, and binary files opened, dropped or mixed into a corpus.
//
//   node --test tests/web/reliability.test.mjs        (after `make build`)

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';

import {
  analysed, analysisCount, assertClean, assertOnlyOwnFiles, clickAndWait, openPage, root,
  TIMEOUT_MS, withPage,
} from './harness.mjs';

const PNG = readFileSync(join(root, 'docs/screenshot.png'));
/** The start of a real PDF: header, binary-marker comment, first object. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%'), Buffer.from([0xe2, 0xe3, 0xcf, 0xd3]),
                           Buffer.from('\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n')]);
const ARTICLE = 'Floods hit the coast of Portugal. Rescue teams from Spain saved hundreds of people.';

withPage((env) => {
  /** Opens the page (over http unless `base` says otherwise), waits for the first (sample)
   *  analysis, runs `body`, checks. */
  async function session(body, {context, clean = true, base = env.httpBase()} = {}) {
    const opened = await openPage(env.browser(), base + 'index.html', {context});
    try {
      await analysed(opened.page, 0);
      await body(opened);
      if (clean) await assertClean(opened.page, opened.log);
      assertOnlyOwnFiles(opened.log, base);
    } finally {
      if (!context) await opened.context.close();
      else await opened.page.close();
    }
  }

  const input = '[data-testid="article-input"]';
  const status = '[data-testid="status"]';

  /** Puts `text` in the text box and clicks Analyze (without waiting). */
  const startAnalysis = (page, text) => page.evaluate((t) => {
    document.querySelector('[data-testid="article-input"]').value = t;
    document.querySelector('[data-testid="analyze"]').click();
  }, text);

  /** The client's worker is running, holds its lifeline, and has the text (the `k`th worker). */
  const workerBusy = (page, k) => page.waitForFunction((started) => {
    const c = window.newslensPage.client;
    return c.workersStarted === started && c.worker && c.workerAlive && c.pending.size === 1;
  }, k, {timeout: TIMEOUT_MS, polling: 10});

  /** ~490 KB: analysed in the worker (over the page's threshold), for a few hundred ms, which
   *  is plenty to be caught in the middle (the worker holds its lifeline before it starts). */
  const bigText = (page) => page.evaluate(() => Array(40).fill(NewsLensSample.text).join('\n\n'));

  /** Is the report shown the module's own for `text` (made on the page's main thread)? Compared
   *  in the page: a large text's report is too big to be worth sending to the test. */
  const showsModuleReport = (page, text) => page.evaluate(async (t) =>
    JSON.stringify(window.newslensPage.lastReport) ===
    JSON.stringify((await NewsLens.create()).analyze(t, {tone: 'auto', detail: ['mentions', 'sentence_themes']})), text);

  describe('a worker that dies', () => {
    for (const [name, baseOf] of [['http', () => env.httpBase()], ['file://', () => env.fileBase()]]) {
    test(`killed mid-analysis (over ${name}): a new worker analyses the text, which stays in the box`, () =>
      session(async ({page}) => {
        const big = await bigText(page);
        const n = await analysisCount(page);
        await startAnalysis(page, big);
        await workerBusy(page, 1);
        // Killed the way a browser kills a worker: no event, no message; only its lifeline tells.
        await page.evaluate(() => window.newslensPage.client.worker.terminate());
        await analysed(page, n);
        const after = await page.evaluate(() => {
          const c = window.newslensPage.client;
          return {restarts: c.restarts, started: c.workersStarted, via: window.newslensPage.lastVia,
                  pending: c.pending.size};
        });
        assert.deepEqual(after, {restarts: 1, started: 2, via: 'worker', pending: 0});
        assert.equal(await page.inputValue(input), big, 'the text box still holds the text');
        assert.match(await page.textContent(status),
                     /^Analysed [\d,]+ words in \d+ ms in a background worker \(started again after one stopped\)\.$/);
        assert.ok(await showsModuleReport(page, big), 'the report shown is the module\'s for the text');
      }, {base: baseOf()}));
    }

    test('the worker\'s module aborts (a trap, out of memory): a new worker analyses the text', () =>
      session(async ({page}) => {
        const [worker] = await Promise.all([page.waitForEvent('worker'),
                                            page.evaluate(() => window.newslensPage.client.canUseWorker())]);
        await worker.evaluate(() => {
          self.NewsLens.prototype.analyze = () => {
            throw new WebAssembly.RuntimeError('Aborted(OOM)');
          };
        });
        const big = await bigText(page);
        const n = await analysisCount(page);
        await startAnalysis(page, big);
        await analysed(page, n);
        assert.equal(await page.evaluate(() => window.newslensPage.client.restarts), 1);
        assert.ok(await showsModuleReport(page, big), 'the report shown is the module\'s for the text');
      }));

    test('the page\'s own module aborts: this text and the next go to a worker', () =>
      session(async ({page}) => {
        const texts = [ARTICLE, `${ARTICLE} Again.`];
        // The module's reports, made before it is broken.
        const expected = await page.evaluate(async (list) => {
          const nl = await window.newslensPage.client.ready();
          const reports = list.map((t) => JSON.stringify(nl.analyze(t, {tone: 'auto', detail: ['mentions', 'sentence_themes']})));
          nl.analyze = () => {
            throw new WebAssembly.RuntimeError('unreachable');
          };
          return reports;
        }, texts);
        for (const [i, text] of texts.entries()) {
          const n = await analysisCount(page);
          await startAnalysis(page, text);
          await analysed(page, n);
          assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'worker');
          assert.equal(await page.evaluate(() => JSON.stringify(window.newslensPage.lastReport)), expected[i]);
        }
        assert.equal(await page.evaluate(() => window.newslensPage.client.workersStarted), 1);
      }));

    test('an uncaught error in the worker: a new one analyses the text', () =>
      session(async ({page}) => {
        const big = await bigText(page);
        // A first large text starts the worker; then it is broken from inside: its next
        // analysis throws out of its message handler (an `error` event at the page).
        await startAnalysis(page, big);
        await analysed(page, await analysisCount(page));
        const [worker] = page.workers();
        await worker.evaluate(() => {
          const handle = self.onmessage;
          self.onmessage = (event) => {
            if (event.data && typeof event.data.text === 'string') throw new Error('broken by the test');
            return handle.call(self, event);
          };
        });
        const edited = `${big}\n\nOne more paragraph about the talks.`;
        const n = await analysisCount(page);
        await startAnalysis(page, edited);
        await analysed(page, n);
        assert.equal(await page.evaluate(() => window.newslensPage.client.restarts), 1);
        assert.equal(await page.inputValue(input), edited);
        assert.ok(await showsModuleReport(page, edited), 'the report shown is the module\'s for the text');
      }));

    test('killed again: a clear message, the text kept, the last results kept; the next try works', () =>
      session(async ({page, log}) => {
        const big = await bigText(page);
        const n = await analysisCount(page);
        const shown = await page.evaluate(() => window.newslensPage.lastReport);
        await startAnalysis(page, big);
        for (const k of [1, 2]) {
          await workerBusy(page, k);
          await page.evaluate(() => window.newslensPage.client.worker.terminate());
        }
        await page.waitForFunction(() => document.querySelector('[data-testid="status"]').dataset.kind === 'error' &&
                                         document.body.dataset.state === 'idle', null, {timeout: TIMEOUT_MS});
        assert.equal(await page.textContent(status),
                     'Could not analyse this text: the background analyzer stopped twice while analysing ' +
                     'this text (it was stopped). Your text is still in the box: try again, or analyse a ' +
                     'shorter part of it.');
        assert.equal(await page.inputValue(input), big);
        assert.equal(await analysisCount(page), n);
        assert.deepEqual(await page.evaluate(() => window.newslensPage.lastReport), shown,
                         'the results shown before are still shown');
        assert.equal(await page.isEnabled('[data-testid="analyze"]'), true);
        await clickAndWait(page, '[data-testid="analyze"]');
        assert.equal(await page.evaluate(() => window.newslensPage.client.workersStarted), 3);
        assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'worker');
      }));
  });

  describe('the text box survives a reload', () => {
    test('typed text comes back, even when the page is reloaded at once; analysing it makes it the last article', async () => {
      const context = await env.browser().newContext({viewport: {width: 1280, height: 900}});
      context.setDefaultTimeout(TIMEOUT_MS);
      try {
        const draft = `${ARTICLE}\n\nTyped, never analysed.`;
        await session(async ({page}) => {
          await page.fill(input, draft);
          // No wait for the debounce: the reload's pagehide saves it.
        }, {context});
        await session(async ({page}) => {
          assert.equal(await page.inputValue(input), draft);
          const note = page.locator('[data-testid="draft-note"]');
          assert.equal(await note.isVisible(), true);
          assert.match(await note.textContent(), /^Your text from last time is back in the box \(not analysed yet\)/);
          assert.equal(await page.evaluate(() => window.newslensPage.lastText),
                       await page.evaluate(() => NewsLensSample.text), 'the results are still the sample\'s');
          await clickAndWait(page, '[data-testid="analyze"]');
          assert.equal(await page.evaluate(() => window.newslensPage.lastText), draft);
          assert.equal(await note.isVisible(), false);
          assert.equal(await page.evaluate(() => localStorage.getItem('newslens:draft@1')), null,
                       'the analysed text is kept once, as the last article');
          // Edited after the analysis, and kept after the debounce.
          await page.fill(input, `${draft} And edited.`);
          await page.waitForFunction(() => localStorage.getItem('newslens:draft@1') !== null);
          assert.equal(JSON.parse(await page.evaluate(() => localStorage.getItem('newslens:draft@1'))).text,
                       `${draft} And edited.`);
        }, {context});
        await session(async ({page}) => {
          assert.equal(await page.inputValue(input), `${draft} And edited.`);
          assert.equal(await page.evaluate(() => window.newslensPage.lastText), draft, 'the last analysis is shown');
        }, {context});
      } finally {
        await context.close();
      }
    });

    test('a text too long to keep says so, and an older draft does not come back instead', async () => {
      const context = await env.browser().newContext({viewport: {width: 1280, height: 900}});
      context.setDefaultTimeout(TIMEOUT_MS);
      try {
        await session(async ({page}) => {
          await page.fill(input, ARTICLE);
          await page.waitForFunction(() => localStorage.getItem('newslens:draft@1') !== null);
          const saves = await page.evaluate(() => window.newslensPage.draftSaves);
          await page.evaluate(() => {
            const box = document.querySelector('[data-testid="article-input"]');
            box.value = 'word '.repeat(200_001);  // 1,000,005 characters
            box.dispatchEvent(new Event('input', {bubbles: true}));
          });
          await page.waitForFunction((s) => window.newslensPage.draftSaves > s, saves);
          assert.equal(await page.textContent('[data-testid="draft-note"]'),
                       'This text (1,000,005 characters) is too long to keep on this device in case the ' +
                       'page is reloaded (at most 1,000,000); it stays here while the page is open.');
          assert.equal(await page.evaluate(() => localStorage.getItem('newslens:draft@1')), null);
        }, {context});
        await session(async ({page}) => {
          assert.equal(await page.inputValue(input), await page.evaluate(() => NewsLensSample.text));
          assert.equal(await page.isVisible('[data-testid="draft-note"]'), false);
        }, {context});
      } finally {
        await context.close();
      }
    });

    test('with remembering off, no draft is kept', async () => {
      const context = await env.browser().newContext({viewport: {width: 1280, height: 900}});
      context.setDefaultTimeout(TIMEOUT_MS);
      try {
        await session(async ({page}) => {
          await page.fill(input, ARTICLE);
          await page.waitForFunction(() => localStorage.getItem('newslens:draft@1') !== null);
          await page.uncheck('[data-testid="remember"]');
          assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['newslens:remember@1']);
          const saves = await page.evaluate(() => window.newslensPage.draftSaves);
          await page.fill(input, `${ARTICLE} Still typing.`);
          await page.waitForFunction((s) => window.newslensPage.draftSaves > s, saves);
          assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['newslens:remember@1']);
        }, {context});
        await session(async ({page}) => {
          assert.equal(await page.inputValue(input), await page.evaluate(() => NewsLensSample.text));
        }, {context});
      } finally {
        await context.close();
      }
    });
  });

  describe('binary files', () => {
    const choose = async (page, testid, file) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`[data-testid="${testid}"]`)]);
      await chooser.setFiles(file);
    };
    const dropOn = async (page, selector, files) => {
      const dataTransfer = await page.evaluateHandle((list) => {
        const dt = new DataTransfer();
        for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name, {type: f.type}));
        return dt;
      }, files.map((f) => ({name: f.name, type: f.type || '', bytes: [...f.buffer]})));
      await page.dispatchEvent(selector, 'drop', {dataTransfer});
    };
    const refused = async (page, message) => {
      await page.waitForFunction((m) => document.querySelector('[data-testid="status"]').textContent === m, message,
                                 {timeout: TIMEOUT_MS});
      assert.equal(await page.getAttribute(status, 'data-kind'), 'error');
    };
    const NOT_TEXT = 'not text: newslens reads text files (.txt, .md, .html, .json, .jsonl, .csv)';

    test('a PNG opened, a PDF dropped, NUL bytes under .txt: each refused, nothing analysed, the box unchanged', () =>
      session(async ({page}) => {
        const n = await analysisCount(page);
        const before = await page.inputValue(input);
        await choose(page, 'open-file', {name: 'photo.png', mimeType: 'image/png', buffer: PNG});
        await refused(page, `Could not read photo.png: it is a PNG image, ${NOT_TEXT}`);
        await dropOn(page, input, [{name: 'report.txt', type: 'text/plain', buffer: PDF}]);
        await refused(page, `Could not read report.txt: it is a PDF document, ${NOT_TEXT}`);
        const nul = Buffer.concat([Buffer.from('Header'), Buffer.alloc(64), Buffer.from('more')]);
        await choose(page, 'open-file', {name: 'data.txt', mimeType: 'text/plain', buffer: nul});
        await refused(page, `Could not read data.txt: it is a binary file (it holds NUL bytes), ${NOT_TEXT}`);
        await choose(page, 'compare-open', {name: 'scan.html', mimeType: 'text/html', buffer: PNG});
        await refused(page, `Could not read scan.html: it is a PNG image, ${NOT_TEXT}`);
        assert.equal(await analysisCount(page), n);
        assert.equal(await page.inputValue(input), before);
        assert.equal(await page.inputValue('[data-testid="compare-input"]'), '');
      }));

    test('a binary dictionary is refused and the analyzer is unchanged; UTF-16 text with a BOM is read as text', () =>
      session(async ({page}) => {
        await choose(page, 'open-dictionary', {name: 'beats.dic', mimeType: 'text/plain', buffer: PNG});
        await page.waitForFunction(() => window.newslensPage.dictionaryErrors === 1);
        assert.equal(await page.textContent(status), `Could not use the dictionary beats.dic: it is a PNG image, ` +
                     `${NOT_TEXT}. newslens goes on with the built-in dictionaries.`);
        assert.deepEqual(await page.evaluate(() => window.newslensPage.dictionaries), []);

        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ARTICLE, 'utf16le')]);
        const n = await analysisCount(page);
        await choose(page, 'open-file', {name: 'floods.txt', mimeType: 'text/plain', buffer: utf16});
        await analysed(page, n);
        assert.equal(await page.inputValue(input), ARTICLE);
        assert.ok(await showsModuleReport(page, ARTICLE), 'the report shown is the module\'s for the text');
      }));

    test('corpus mode: binary files among articles are listed and skipped; the rest is analysed', () =>
      session(async ({page}) => {
        await page.click('[data-testid="tab-corpus"]');
        const runs = await page.evaluate(() => window.newslensPage.corpus.runs);
        const jsonl = ['Markets rose in Tokyo.', 'Talks in Geneva failed.'].map((text, i) =>
          JSON.stringify({id: `j${i}`, text})).join('\n');
        await page.setInputFiles('[data-testid="corpus-files"]', [
          {name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(ARTICLE)},
          {name: 'b.txt', mimeType: 'text/plain', buffer: PNG},
          {name: 'c.jsonl', mimeType: 'application/x-ndjson', buffer: PDF},
          {name: 'd.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl)},
          {name: 'e.png', mimeType: 'image/png', buffer: PNG},
        ]);
        await page.waitForFunction((r) => window.newslensPage.corpus.runs > r &&
            window.newslensPage.corpus.state === 'done', runs, {timeout: TIMEOUT_MS});
        const problems = await page.$$eval('[data-testid="corpus-problems-list"] li', (li) => li.map((x) => x.textContent));
        assert.deepEqual(problems, [`b.txt: it is a PNG image, ${NOT_TEXT}`,
                                    `c.jsonl: it is a PDF document, ${NOT_TEXT}`]);
        const ids = await page.evaluate(() => window.newslensPage.corpus.rows.map((r) => r.id));
        assert.deepEqual(ids.sort(), ['a.txt', 'j0', 'j1']);
        assert.match(await page.textContent('[data-testid="corpus-status"]'),
                     /^Analysed 3 articles .*; 2 records could not be read \(listed below\); 1 file skipped \(not articles\)\.$/);
        const agg = await page.evaluate(() => window.newslensPage.corpus.aggregate());
        assert.deepEqual(agg.run.problems.map((p) => [p.file, p.line]), [['b.txt', 0], ['c.jsonl', 0]]);
      }));
  });
});
