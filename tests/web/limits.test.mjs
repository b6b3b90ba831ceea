// The page's limits (issue 23): a long news text opened as a reader would open it is analysed
// and drawn; a longer one than the page's stated limit is refused, saying so, before any work;
// and after any failure the results of an earlier text never pass for the new text's.
//
//   node --test tests/web/limits.test.mjs        (after `make build`)

import assert from 'node:assert/strict';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, describe, test} from 'node:test';

import {
  analysed, analysisCount, assertClean, clickAndWait, downloadText, openPage, openTable, parseCsv, TIMEOUT_MS,
  withPage,
} from './harness.mjs';

/** The page's stated limits (web/src/page-limits.js), as a reader reads them in the docs. */
const MAX_TEXT_CHARS = 6_000_000;
const MAX_FILE_BYTES = 6_000_000;

/**
 * A long wire-service digest of `bytes` bytes (ASCII): paragraphs of a few sentences each, on
 * many subjects, every paragraph different (numbered places and figures), so nothing in it is a
 * repeated paragraph for the page's boilerplate finder. The last paragraph is recognisable.
 */
function newsDigest(bytes) {
  const towns = ['Northbridge', 'Lakemoor', 'Port Ellis', 'Ashford Vale', 'Kingsreach', 'Marlow Bay'];
  const leads = [
    (t, n) => `The council of ${t} approved a budget of ${n} million for schools and roads on Tuesday.`,
    (t, n) => `Floods closed ${n} roads around ${t}, and rescue crews moved families to shelters.`,
    (t, n) => `Voters in ${t} chose a new mayor after a campaign dominated by housing costs, with turnout at ${n % 90} percent.`,
    (t, n) => `Factory workers in ${t} went on strike over pay, the union said, after talks broke down for the ${n}th time.`,
    (t, n) => `Doctors at the hospital in ${t} warned that ${n} patients waited more than a day for a bed.`,
    (t, n) => `The football club of ${t} won ${n % 7} to 1 and moved to the top of the league.`,
  ];
  const follows = [
    'Officials said the plan would be reviewed next spring.',
    'Critics called the decision reckless, but supporters praised its ambition.',
    'Police arrested two men and said an investigation was continuing.',
    'Investors welcomed the news and shares rose sharply in early trading.',
    'Residents described the damage as the worst they had seen in decades.',
    'The minister promised more money for the region before the end of the year.',
  ];
  const parts = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const town = `${towns[i % towns.length]} ${Math.floor(i / towns.length) + 1}`;
    const paragraph = `${leads[i % leads.length](town, 10 + (i * 37) % 900)} ` +
                      `${follows[(i * 5) % follows.length]} ${follows[(i * 7 + 3) % follows.length]}`;
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  parts.push('In the final item of the digest, the lighthouse keepers of Saltmarsh Point retired.');
  return parts.join('\n\n');
}

const tmp = mkdtempSync(join(tmpdir(), 'newslens-limits-'));
after(() => rmSync(tmp, {recursive: true, force: true}));

withPage((env) => {
  const status = '[data-testid="status"]';
  const input = '[data-testid="article-input"]';

  /** The page from file:// (as a reader opens dist/index.html), once the sample is drawn. */
  async function opened() {
    const o = await openPage(env.browser(), env.fileBase() + 'index.html');
    await analysed(o.page, 0);
    return o;
  }

  /** Waits until the status line says an error. */
  const failed = (page) => page.waitForFunction(
      () => document.querySelector('[data-testid="status"]').dataset.kind === 'error', null,
      {timeout: TIMEOUT_MS});

  const pageState = (page) => page.evaluate(() => ({
    count: window.newslensPage.analysisCount, workers: window.newslensPage.client.workersStarted,
    resultsHidden: document.querySelector('[data-testid="results"]').hidden,
    stale: !document.querySelector('[data-testid="stale-note"]').hidden,
    staleText: document.querySelector('[data-testid="stale-note"]').textContent,
    busy: document.body.dataset.state,
  }));

  describe('the largest text', () => {
    test('a 5 MB news text file opened with "Open file" from file:// is analysed and drawn whole', {
      timeout: 10 * TIMEOUT_MS,
    }, async () => {
      const text = newsDigest(5 * 1024 * 1024);  // 5 MB however counted: 5,242,880 bytes
      assert.ok(text.length >= 5 * 1024 * 1024 && text.length < MAX_TEXT_CHARS);
      const file = join(tmp, 'digest-5mb.txt');
      writeFileSync(file, text);
      const {context, page, log} = await opened();
      try {
        const n = await analysisCount(page);
        await page.setInputFiles('[data-testid="file-input"]', file);
        // Done when the page has drawn a new analysis, or said it could not.
        await page.waitForFunction((k) => window.newslensPage.analysisCount > k &&
            document.body.dataset.state === 'idle' ||
            document.querySelector('[data-testid="status"]').dataset.kind === 'error',
        n, {timeout: 9 * TIMEOUT_MS});
        const shown = await page.evaluate(() => {
          const p = window.newslensPage;
          const article = document.querySelector('[data-testid="article"]');
          return {status: document.querySelector('[data-testid="status"]').textContent,
                  via: p.lastVia, textLength: p.lastText && p.lastText.length,
                  words: p.lastReport && p.lastReport.stats.words,
                  sentences: p.lastReport && p.lastReport.sentences.length,
                  highlights: article.querySelectorAll('mark.hl').length,
                  tail: article.textContent.slice(-90)};
        });
        assert.match(shown.status, /^Analysed [\d,]+ words from digest-5mb\.txt in \d+ ms in a background worker\.$/);
        assert.equal(shown.via, 'worker');
        assert.equal(shown.textLength, text.length, 'the whole file was analysed');
        assert.ok(shown.words > 700_000, `words: ${shown.words}`);
        assert.ok(shown.sentences > 50_000, `sentences: ${shown.sentences}`);
        // The article view is built to its end, with its highlights.
        assert.ok(shown.tail.endsWith('the lighthouse keepers of Saltmarsh Point retired.'), shown.tail);
        assert.ok(shown.highlights > 100_000, `highlights: ${shown.highlights}`);
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test('a file over the stated limit is refused by its size before it is read', async () => {
      const file = join(tmp, 'too-big.txt');
      writeFileSync(file, newsDigest(MAX_FILE_BYTES + 1000));
      const {context, page, log} = await opened();
      try {
        const before = await pageState(page);
        const box = await page.inputValue(input);
        await page.setInputFiles('[data-testid="file-input"]', file);
        await failed(page);
        assert.match(await page.textContent(status),
                     /^Could not open too-big\.txt: it is 6,00\d,\d{3} bytes, and the page analyses files of at most 6 MB\. Analyse a part of it, or use the newslens command-line tool for longer texts\.$/);
        assert.equal(await page.inputValue(input), box, 'the text box is unchanged');
        // Nothing started: no analysis, no worker; the results (of the text still in the box)
        // are still current.
        assert.deepEqual(await pageState(page), {...before});
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test('a text over the stated limit in the box is refused before any work, and the old results say they are old', async () => {
      const {context, page, log} = await opened();
      try {
        const before = await pageState(page);
        assert.equal(before.stale, false);
        await page.evaluate((n) => {
          const box = document.querySelector('[data-testid="article-input"]');
          box.value = 'The harbour reopened after the storm. '.repeat(Math.ceil(n / 38));
          document.querySelector('[data-testid="analyze"]').click();
        }, MAX_TEXT_CHARS + 1);
        await failed(page);
        assert.match(await page.textContent(status),
                     /^This text is 6,000,\d{3} characters long, and the page analyses at most 6,000,000 \(about 6 MB\)\. /);
        const afterState = await pageState(page);
        assert.equal(afterState.count, before.count, 'nothing was analysed');
        assert.equal(afterState.workers, before.workers, 'no worker was started');
        assert.equal(afterState.busy, 'idle');
        assert.equal(afterState.stale, true, 'the sample\'s results are marked as not current');
        assert.match(afterState.staleText, /^These results are of the previous text \(the sample\), not of the text in the box: it is too long to analyse here\.$/);
        // A text within the limit is analysed, and its results are current again.
        await page.fill(input, 'Rescue teams reached the flooded villages of Portugal before dawn.');
        await clickAndWait(page, '[data-testid="analyze"]');
        assert.equal((await pageState(page)).stale, false);
        assert.equal(await page.evaluate(() => document.querySelector('[data-testid="results"]').dataset.stale), undefined);
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });
  });

  describe('old results never pass for new ones', () => {
    test('an analysis that fails leaves the earlier results marked as not current', async () => {
      const {context, page, log} = await opened();
      try {
        await page.evaluate(() => {
          const c = window.newslensPage.client;
          c.analyze = () => Promise.reject(new Error('the analyzer is out of order'));
        });
        await page.fill(input, 'Wildfires spread across the hills above the town overnight.');
        await page.click('[data-testid="analyze"]');
        await failed(page);
        assert.equal(await page.textContent(status), 'Could not analyse this text: the analyzer is out of order');
        const s = await pageState(page);
        assert.equal(s.resultsHidden, false);
        assert.equal(s.stale, true);
        assert.match(s.staleText, /not of the text in the box: its analysis failed\.$/);
        assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.card.overview')).opacity), '0.45');
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test('a report that fails half way through drawing takes every result off the page', async () => {
      const {context, page, log} = await opened();
      try {
        // A report the views cannot draw: the first chart is drawn from it, then one view throws.
        await page.evaluate(() => {
          const c = window.newslensPage.client;
          const real = c.analyze.bind(c);
          c.analyze = async (...args) => {
            const result = await real(...args);
            const report = {...result.report, entities: 'not a list'};
            return {...result, report};
          };
        });
        await page.fill(input, 'Parliament in Lisbon passed the budget after a long night of debate.');
        await page.click('[data-testid="analyze"]');
        await failed(page);
        assert.match(await page.textContent(status), /^Could not analyse this text: /);
        const s = await pageState(page);
        assert.equal(s.resultsHidden, true, 'no mix of the new and the old results stays');
        assert.equal(await page.evaluate(() => window.newslensPage.lastReport), null);
        const errors = log.errors.splice(0);  // the view's TypeError is what this test caused
        assert.ok(errors.every((e) => !/pageerror/.test(e)), errors.join('\n'));
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test('a comparison that fails takes the earlier comparison off the page', async () => {
      const {context, page, log} = await opened();
      try {
        await page.fill('[data-testid="compare-input"]', 'Storms flooded the coast of Spain, and rescue teams saved many people.');
        await page.click('[data-testid="compare-run"]');
        await page.waitForFunction(() => window.newslensPage.compareCount === 1, null, {timeout: TIMEOUT_MS});
        assert.equal(await page.isHidden('[data-testid="compare-results"]'), false);
        await page.evaluate(() => {
          window.newslensPage.client.analyze = () => Promise.reject(new Error('no analyzer today'));
        });
        await page.fill('[data-testid="compare-input"]', 'Farmers in Kenya harvested a record crop of tea.');
        await page.click('[data-testid="compare-run"]');
        await failed(page);
        assert.equal(await page.textContent(status), 'Could not analyse the second article: no analyzer today');
        assert.equal(await page.isHidden('[data-testid="compare-results"]'), true);
        assert.equal(await page.evaluate(() => window.newslensPage.compareReport), null);
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });
  });

  describe('theme ids and labels from a custom dictionary of any origin', () => {
    /** Ids the id rules allow that are also names on Object.prototype, and a label that starts
     *  like a formula after a space. */
    const dictionary = JSON.stringify({format: 'newslens/themes@1', themes: [
      {id: '__proto__', label: 'Harbours', terms: ['harbour', 'dock*']},
      {id: 'constructor', label: 'Builders', terms: ['bridge', 'scaffold*']},
      {id: 'constructor.steel', label: 'Steelwork', parent: 'constructor', terms: ['girder*']},
      {id: 'tostring', label: ' =HYPERLINK("http://example.invalid","open me")', terms: ['ferry', 'ferries']},
      {id: 'hasownproperty', label: '\t@SUM(A1)', terms: ['lighthouse']},
    ]});
    const HOSTILE = ['__proto__', 'constructor', 'tostring', 'hasownproperty'];
    const article = 'Dock workers in the harbour repaired the bridge before the ferry arrived.\n\n' +
                    'The girders of the old bridge were replaced, and the scaffolding came down.\n\n' +
                    'The lighthouse keeper watched the ferries and the harbour lights. The old lighthouse ' +
                    'will be restored, and a new lighthouse will be built on the cape.';

    async function withDictionary() {
      const o = await opened();
      await o.page.setInputFiles('[data-testid="dictionary-input"]',
                                 {name: 'harbour.json', mimeType: 'application/json', buffer: Buffer.from(dictionary)});
      await o.page.waitForFunction(() => window.newslensPage.dictionaries.length === 1 &&
                                         document.body.dataset.state === 'idle', null, {timeout: TIMEOUT_MS});
      await o.page.fill(input, article);
      await clickAndWait(o.page, '[data-testid="analyze"]');
      return o;
    }

    test('__proto__, constructor and their kin are themes like any other: report, views, focus menu, CSV', async () => {
      const {context, page, log} = await withDictionary();
      try {
        const seen = await page.evaluate(() => {
          const r = window.newslensPage.lastReport;
          return {top: r.top_level.map((t) => t.id), themes: r.themes.map((t) => t.id),
                  focus: [...document.querySelectorAll('[data-testid="focus-select"] option')].map((o) => o.textContent.trim()),
                  marks: [...document.querySelectorAll('[data-testid="article"] mark[data-themes]')]
                      .flatMap((m) => m.dataset.themes.split(' '))};
        });
        for (const id of HOSTILE) {
          assert.ok(seen.top.includes(id), `${id} in top_level: ${seen.top}`);
          assert.ok(seen.marks.includes(id), `${id} highlighted in the article`);
        }
        assert.ok(seen.themes.includes('constructor.steel'));
        for (const label of ['Harbours', 'Builders', 'Steelwork']) {
          assert.ok(seen.focus.includes(label), `${label} in the focus menu: ${seen.focus}`);
        }
        await openTable(page, 'themes-table-toggle');
        const table = await page.textContent('[data-testid="themes-table-wrap"], #themes-table-wrap');
        for (const label of ['Harbours', 'Builders']) assert.ok(table.includes(label), table);

        const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-themes"]')]);
        const rows = parseCsv(await downloadText(file));
        const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
        for (const id of [...HOSTILE, 'constructor.steel']) assert.ok(byId.has(id), `${id} in the themes CSV`);
        assert.equal(byId.get('__proto__')[1], 'Harbours');
        assert.equal(byId.get('constructor.steel')[3], 'constructor');
        // A label that starts like a formula after a space, or with a tab, stays text.
        assert.equal(byId.get('tostring')[1], '\' =HYPERLINK("http://example.invalid","open me")');
        assert.equal(byId.get('hasownproperty')[1], '\'\t@SUM(A1)');
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test('in corpus mode too: the per-day theme trend counts constructor as 0 on a day without it', async () => {
      const {context, page, log} = await withDictionary();
      try {
        await page.click('[data-testid="tab-corpus"]');
        const lines = [
          {id: 'a', date: '2026-03-02', text: 'Dock workers in the harbour unloaded a ship. The harbour was busy all day.'},
          {id: 'b', date: '2026-03-03', text: 'Builders put up scaffolding around the bridge. The bridge will close.'},
          {id: 'c', date: '2026-03-04', text: 'The lighthouse keeper watched the harbour at night.'},
        ].map((l) => JSON.stringify(l)).join('\n');
        const runs = await page.evaluate(() => window.newslensPage.corpus.runs);
        await page.setInputFiles('[data-testid="corpus-files"]',
                                 {name: 'port.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines)});
        await page.waitForFunction((n) => window.newslensPage.corpus.runs > n &&
                                          window.newslensPage.corpus.state !== 'running', runs, {timeout: TIMEOUT_MS});
        const trend = await page.evaluate(() => window.newslensPage.corpus.aggregate().trend);
        assert.equal(trend.points.length, 3);
        await openTable(page, 'corpus-trend-table-toggle');
        const cells = await page.$$eval('[data-testid="corpus-trend-data"] tr', (trs) => trs.map((tr) =>
          [...tr.children].map((c) => c.textContent.trim())));
        const text = cells.flat().join(' ');
        assert.doesNotMatch(text, /NaN|undefined/, text);
        const header = cells[0];
        assert.ok(header.includes('Builders') && header.includes('Harbours'), header.join(' | '));
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });
  });

  describe('a saved web page', () => {
    test('opened as the article, it raises no CSP violation at all, and its article text is read', async () => {
      // What "Save page as…" writes for a news story: inline styles, a <style> sheet, handlers
      // on images and the body, tracking scripts, an SVG icon with its own <style>.
      const html = `<!doctype html><html><head><meta charset="utf-8"><title>Dock strike ends</title>
<style>body{font-family:serif}.lede{font-weight:bold}</style>
<script>window.dataLayer=[];function track(){}</script>
<link rel="stylesheet" href="site.css"></head>
<body onload="track()" style="margin:0">
<header style="background:#003"><img src="logo.png" onerror="this.style.display='none'" alt="The Courier">
<nav><a href="/" onclick="track()">Home</a></nav></header>
<article><h1 style="font-size:2.4em">Dock strike ends</h1>
<p class="lede" style="color:#222" onmouseover="track()">Dock workers at the port of Valmere ended a nine-day strike on Monday after their union accepted a pay offer.</p>
<p>Ships that had waited at anchor began to unload, and the port authority said the backlog would be cleared within a week.</p>
<figure><img src="cranes.jpg" onload="track()" onerror="track()" style="width:100%" alt="Cranes at rest">
<figcaption style="font-size:small">Cranes stood idle during the strike.</figcaption></figure>
<p>Exporters, who had warned of <span style="font-weight:bold" onclick="track()">rotting fruit</span> on the quays, welcomed the deal.</p>
<svg width="10" height="10" onload="track()"><style>.i{fill:red}</style><circle class="i" r="5"/></svg>
</article><div style="display:none"><img src="pixel.gif" onerror="track()"></div></body></html>`;
      const {context, page, log} = await opened();
      try {
        await page.evaluate(() => {
          window.__violations = 0;
          document.addEventListener('securitypolicyviolation', () => { window.__violations++; });
        });
        const n = await analysisCount(page);
        await page.setInputFiles('[data-testid="file-input"]',
                                 {name: 'dock-strike.html', mimeType: 'text/html', buffer: Buffer.from(html)});
        await analysed(page, n);
        const text = await page.inputValue(input);
        assert.ok(text.startsWith('Dock strike ends\n\nDock workers at the port of Valmere ended a nine-day strike'), text);
        assert.match(text, /welcomed the deal\.$/);
        assert.equal(await page.evaluate(() => window.__violations), 0);
        await assertClean(page, log);  // the harness's own listener, and the console
      } finally {
        await context.close();
      }
    });
  });

  describe('corpus mode', () => {
    test('a run whose worker dies says the views show only what arrived before', async () => {
      const o = await openPage(env.browser(), env.fileBase() + 'index.html');
      const {context, page, log} = o;
      try {
        // The host of this test: a corpus worker that dies as it reports its last batch done.
        await page.evaluate(() => {
          const Real = window.Worker;
          window.Worker = class extends Real {
            constructor(...args) {
              super(...args);
              this.addEventListener('message', (event) => {
                if (window.breakCorpus && event.data && event.data.type === 'idle' && this.onerror) {
                  window.breakCorpus = false;
                  this.onerror({message: 'it ran out of memory', preventDefault() {}});
                }
              });
            }
          };
          window.breakCorpus = true;
        });
        await analysed(page, 0);
        await page.click('[data-testid="tab-corpus"]');
        const lines = Array.from({length: 40}, (_, i) => JSON.stringify({
          id: `r${i}`, text: `Rescue crews in town ${i} reached families cut off by the floods, and officials promised aid.`,
        })).join('\n');
        const runs = await page.evaluate(() => window.newslensPage.corpus.runs);
        await page.setInputFiles('[data-testid="corpus-files"]',
                                 {name: 'floods.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(lines)});
        await page.waitForFunction((n) => window.newslensPage.corpus.runs > n &&
                                          window.newslensPage.corpus.state !== 'running', runs, {timeout: TIMEOUT_MS});
        assert.equal(await page.evaluate(() => window.newslensPage.corpus.state), 'failed');
        const analysedCount = await page.evaluate(() => window.newslensPage.corpus.aggregate().articles);
        assert.equal(await page.textContent('[data-testid="corpus-status"]'),
                     `The corpus could not be analysed: corpus worker failed: it ran out of memory. ` +
                     `The views show only the ${analysedCount} article${analysedCount === 1 ? '' : 's'} analysed before it stopped.`);
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });
  });
});
