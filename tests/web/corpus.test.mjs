// Corpus mode (issue 8) in real Chromium, against dist/ over http and from file://: 200 generated
// articles (tests/web/news-corpus.mjs, templates — no dev data) as JSONL and as CSV through the
// file chooser, a folder, dropped files; progress, Cancel midway, the table's sorting, filtering
// and rows that open the article, the exports checked against the module run here in node, trends
// when dates exist, two sources compared, zero network requests.
//
//   node --test --test-concurrency=1 tests/web/corpus.test.mjs
//
// Every run writes test-results/screenshots/corpus.png (the whole Corpus tab); the README's
// docs/corpus-screenshot.png is written when missing or when NEWSLENS_SCREENSHOT=1.

import assert from 'node:assert/strict';
import {existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, before, describe, test} from 'node:test';

import {
  analysed, assertClean, assertOnlyOwnFiles, DIST_FILES, dist, downloadText, openPage,
  paintedPixels, parseCsv, root, TIMEOUT_MS, withPage,
} from './harness.mjs';
import {generateCorpus, toCsv, toJsonl} from './news-corpus.mjs';
import {validateAggregate} from './aggregate-schema.mjs';

const require = createRequire(import.meta.url);
const SCREENSHOTS = join(root, 'test-results/screenshots');
const README_SHOT = join(root, 'docs/corpus-screenshot.png');
/** A corpus run is local work on ~0.3 MB; this only bounds a hang (on a loaded 2-core CI machine
 *  that is building something else beside the tests). */
const RUN_TIMEOUT_MS = 180_000;

const ARTICLES = generateCorpus({count: 200, seed: 7});
const UNDATED = generateCorpus({count: 200, seed: 11, dates: false});

/** What the module itself says about each article, computed here in node. */
let nl = null;
const expectations = new Map();
async function expected(articles) {
  if (!expectations.has(articles)) {
    if (!nl) nl = await require(join(dist, 'newslens.js')).NewsLens.create();
    expectations.set(articles, articles.map((a) => nl.analyze(a.text, {tone: 'auto'})));
  }
  return expectations.get(articles);
}

const round4 = (x) => Math.round(x * 10000) / 10000;

/** The aggregate the page should export for `articles` and their reports: sums of the reports'
 *  4-decimal numbers as integers of 1e-4 (the CLI's rule, docs/report.md). */
function expectedAggregate(articles, reports) {
  const q = (x) => Math.round(x * 10000);
  const themes = new Map();
  let tone = 0;
  let words = 0;
  const labels = {positive: 0, neutral: 0, negative: 0};
  const sources = new Map();
  reports.forEach((r, i) => {
    tone += q(r.tone.compound);
    words += r.stats.words;
    labels[r.tone.label]++;
    for (const t of r.top_level) themes.set(t.id, (themes.get(t.id) || 0) + q(t.score));
    sources.set(articles[i].source, (sources.get(articles[i].source) || 0) + 1);
  });
  const mean = tone / 10000 / reports.length;
  return {tone: (Math.sign(mean) * round4(Math.abs(mean))) || 0, words, labels, sources,
          themes: new Map([...themes].map(([id, s]) => [id, s / 10000]))};
}

withPage((env) => {
  const targets = [['http', env.httpBase], ['file', env.fileBase]];

  /** Opens the page, waits for the sample, shows the Corpus tab. */
  async function openCorpus(base, options) {
    const opened = await openPage(env.browser(), base + 'index.html', options);
    await analysed(opened.page, 0);
    await opened.page.click('[data-testid="tab-corpus"]');
    return opened;
  }

  /** Starts watching the progress bar; read the record with progressLog(). */
  function watchProgress(page) {
    return page.evaluate(() => {
      window.__progress = [];
      const bar = document.querySelector('[data-testid="corpus-bar"]');
      const text = document.querySelector('[data-testid="corpus-progress-text"]');
      const row = document.querySelector('[data-testid="corpus-progress"]');
      new MutationObserver(() => {
        window.__progress.push({text: text.textContent, value: bar.value, max: bar.max,
                                indeterminate: !bar.hasAttribute('value'), visible: !row.hidden});
      }).observe(text, {childList: true, characterData: true, subtree: true});
    });
  }

  /** Hands `files` to an input and waits until the run ends. */
  async function run(page, files, input = 'corpus-files') {
    const runs = await page.evaluate(() => window.newslensPage.corpus.runs);
    await page.setInputFiles(`[data-testid="${input}"]`, files);
    await page.waitForFunction((n) => {
      const c = window.newslensPage.corpus;
      return c.runs > n && c.state !== 'running';
    }, runs, {timeout: RUN_TIMEOUT_MS});
    return page.evaluate(() => window.newslensPage.corpus.state);
  }

  const tableRows = (page) => page.$$eval('[data-testid="corpus-table"] tbody tr', (trs) => trs.map((tr) => {
    const cells = [...tr.children];
    return {n: Number(tr.dataset.n), title: cells[0].textContent, date: cells[1].textContent,
            source: cells[2].textContent, theme: cells[3].dataset.theme || '',
            tone: Number(cells[4].dataset.value), actors: cells[5].textContent};
  }));

  const caption = (page) => page.textContent('[data-testid="corpus-table"] caption');

  async function download(page, testid) {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
    return {name: file.suggestedFilename(), text: await downloadText(file)};
  }

  /** Opens the row whose data-n is `n` (a click on the row) and returns the page's view of it. */
  async function openRow(page, n) {
    const count = await page.evaluate(() => window.newslensPage.analysisCount);
    await page.click(`[data-testid="corpus-table"] tbody tr[data-n="${n}"] td:nth-child(3)`);
    await analysed(page, count);
    return page.evaluate(() => ({
      report: window.newslensPage.lastReport, text: window.newslensPage.lastText,
      tab: document.querySelector('[data-testid="tab-article"]').getAttribute('aria-selected'),
      corpusHidden: document.querySelector('[data-testid="corpus-mode"]').hidden,
      focused: document.activeElement && document.activeElement.id,
    }));
  }

  for (const [name, baseOf] of targets) {
    describe(`corpus mode over ${name}`, () => {
      test('200 articles as JSONL through the file chooser: progress, views, table, exports, a row opened', async () => {
        const base = baseOf();
        const {context, page, log} = await openCorpus(base, {});
        try {
          const reports = await expected(ARTICLES);
          const want = expectedAggregate(ARTICLES, reports);
          await watchProgress(page);
          const jsonl = toJsonl(ARTICLES);
          assert.equal(await run(page, [{name: 'week.jsonl', mimeType: 'application/x-ndjson',
                                         buffer: Buffer.from(jsonl)}]), 'done');

          // Progress: counted first, then articles done of the total, speed and time left.
          const progress = await page.evaluate(() => window.__progress);
          assert.ok(progress.some((p) => p.visible && p.text === 'Counting the articles…' && p.indeterminate),
                    JSON.stringify(progress.slice(0, 3)));
          const midway = progress.filter((p) => /^\d+ of 200 articles/.test(p.text));
          assert.ok(midway.length >= 1, 'progress showed articles done of the total');
          assert.ok(midway.some((p) => p.value < 200 && p.max === 200), 'progress showed a point before the end');
          for (const p of midway) assert.equal(p.text.split(' ')[0], String(p.value), 'the text and the bar agree');
          assert.equal(await page.isVisible('[data-testid="corpus-progress"]'), false, 'progress hides at the end');
          assert.match(await page.textContent('[data-testid="corpus-status"]'),
                       /^Analysed 200 articles \(\d+ KB\) from week\.jsonl in [\d.]+ s \([\d.]+ MB\/s in the worker\)\.$/);
          assert.equal(await page.getAttribute('[data-testid="corpus-results"]', 'aria-busy'), 'false');

          // The overview and charts.
          assert.equal(await page.getAttribute('[data-testid="corpus-articles"]', 'data-value'), '200');
          assert.equal(await page.getAttribute('[data-testid="corpus-dated"]', 'data-value'), '200');
          for (const id of ['corpus-themes-chart', 'corpus-tone-chart', 'corpus-tone-trend',
                            'corpus-theme-trend', 'corpus-source-themes', 'corpus-source-tone']) {
            const {n, width} = await paintedPixels(page, id);
            assert.ok(width > 0 && n > 300, `${id} looks blank (${n} pixels)`);
          }

          // The aggregate equals the sums of the module's reports, article by article.
          const agg = JSON.parse((await download(page, 'corpus-export-json')).text);
          assert.equal(agg.schema, 'newslens/aggregate@1');
          validateAggregate(agg, 'the page\'s "Aggregate (JSON)"');
          assert.equal(agg.run.status, 'complete');
          assert.equal(agg.articles, 200);
          assert.equal(agg.run.records, 200);
          assert.equal(agg.failed, 0);
          assert.equal(agg.words, want.words);
          assert.equal(agg.tone.mean_compound, want.tone);
          assert.deepEqual(agg.tone.labels, want.labels);
          assert.deepEqual(new Map(agg.top_level.map((t) => [t.id, t.score])), want.themes);
          assert.ok(Math.abs(agg.top_level.reduce((n, t) => n + t.share, 0) - 1) < 0.001, 'theme shares add up to 1');
          assert.ok(agg.themes.length > 0 && agg.entities.length > 0, 'sub-themes and actors are summed too');
          assert.deepEqual(new Map(agg.sources.map((s) => [s.source, s.articles])), want.sources);
          assert.equal(agg.trend.bucket, 'day');
          assert.equal(agg.trend.points.length, new Set(ARTICLES.map((a) => a.date)).size);
          assert.equal(agg.trend.points.reduce((n, p) => n + p.articles, 0), 200);
          assert.deepEqual(agg.trend.points.map((p) => p.start),
                           [...new Set(ARTICLES.map((a) => a.date))].sort());

          // The table: 50 a page, sortable by tone both ways, filterable.
          assert.equal(await caption(page), 'Articles 1–50 of 200');
          await page.click('[data-testid="corpus-sort-tone"]');
          let rows = await tableRows(page);
          assert.equal(rows.length, 50);
          const tones = reports.map((r) => r.tone.compound).sort((a, b) => b - a);
          assert.deepEqual(rows.map((r) => r.tone), tones.slice(0, 50), 'sorted by tone, highest first');
          assert.equal(await page.getAttribute('[data-testid="corpus-sort-tone"] >> xpath=..', 'aria-sort'), 'descending');
          await page.click('[data-testid="corpus-sort-tone"]');
          rows = await tableRows(page);
          assert.deepEqual(rows.map((r) => r.tone), tones.slice().reverse().slice(0, 50), 'then lowest first');
          await page.click('[data-testid="corpus-next"]');
          assert.equal(await caption(page), 'Articles 51–100 of 200');
          await page.click('[data-testid="corpus-sort-title"]');
          rows = await tableRows(page);
          const titles = rows.map((r) => r.title);
          assert.deepEqual(titles, titles.slice().sort((a, b) => a.localeCompare(b, undefined, {sensitivity: 'base', numeric: true})));

          await page.selectOption('[data-testid="corpus-filter-source"]', 'Northern Ledger');
          const ledger = ARTICLES.filter((a) => a.source === 'Northern Ledger').length;
          assert.equal(await caption(page), `Articles 1–50 of ${ledger} (filtered from 200)`);
          assert.deepEqual([...new Set((await tableRows(page)).map((r) => r.source))], ['Northern Ledger']);
          await page.fill('[data-testid="corpus-filter"]', 'kenya');
          await page.waitForFunction((n) => {
            const c = document.querySelector('[data-testid="corpus-table"] caption').textContent;
            return !c.includes(`of ${n} (`);
          }, ledger, {timeout: TIMEOUT_MS});
          const kenya = ARTICLES.map((a, i) => ({a, r: reports[i]})).filter(({a, r}) =>
            a.source === 'Northern Ledger' &&
            [a.title, a.source, a.date, a.id, ...(r.entities || []).slice(0, 3).map((e) => e.name),
             r.top_level.length ? r.top_level[0].label : ''].some((s) => s.toLowerCase().includes('kenya')));
          assert.ok(kenya.length > 0, 'the generated corpus names Kenya in that outlet');
          const filtered = await tableRows(page);
          assert.equal(filtered.length, Math.min(50, kenya.length));
          assert.equal(await caption(page), `Articles 1–${filtered.length} of ${kenya.length} (filtered from 200)`);
          await page.selectOption('[data-testid="corpus-filter-tone"]', 'positive');
          for (const r of await tableRows(page)) assert.ok(r.tone >= 0.05, 'tone filter keeps positive rows');

          // CSV export: the filtered rows, in the table's order; then all rows, checked.
          let csv = parseCsv((await download(page, 'corpus-export-csv')).text);
          assert.equal(csv.length - 1, (await tableRows(page)).length);
          await page.fill('[data-testid="corpus-filter"]', '');
          await page.selectOption('[data-testid="corpus-filter-source"]', '');
          await page.selectOption('[data-testid="corpus-filter-tone"]', '');
          await page.waitForFunction(() => document.querySelector('[data-testid="corpus-table"] caption')
              .textContent.endsWith('of 200'), null, {timeout: TIMEOUT_MS});
          csv = parseCsv((await download(page, 'corpus-export-csv')).text);
          assert.deepEqual(csv[0], ['id', 'title', 'date', 'source', 'words', 'primary_theme', 'top_themes',
                                    'tone', 'tone_label', 'top_actors', 'file', 'line']);
          assert.equal(csv.length, 201);
          const byId = new Map(csv.slice(1).map((r) => [r[0], r]));
          ARTICLES.forEach((a, i) => {
            const r = byId.get(a.id);
            const rep = reports[i];
            assert.ok(r, `${a.id} exported`);
            assert.deepEqual(r.slice(1, 4), [a.title, a.date, a.source]);
            assert.equal(Number(r[4]), rep.stats.words);
            assert.equal(r[5], rep.primary_theme || '');
            assert.equal(r[6], rep.top_level.slice(0, 3).map((t) => `${t.id}:${t.share}`).join('; '));
            assert.equal(Number(r[7]), rep.tone.compound);
            assert.equal(r[8], rep.tone.label);
            assert.equal(r[9], (rep.entities || []).slice(0, 3).map((e) => e.name).join('; '));
            assert.deepEqual(r.slice(10), ['week.jsonl', String(i + 1)]);
          });

          // Trends: weekly buckets on request.
          await page.selectOption('[data-testid="corpus-bucket"]', 'week');
          await page.click('[data-testid="corpus-trend-table-toggle"]');
          const weeks = new Set(ARTICLES.map((a) => {
            const t = Date.parse(`${a.date}T00:00:00Z`);
            return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
          }));
          const weekRows = await page.$$eval('[data-testid="corpus-trend-data"] tbody th', (th) => th.map((x) => x.textContent));
          assert.deepEqual(weekRows, [...weeks].sort());
          assert.match(await page.textContent('[data-testid="corpus-trend-hint"]'), /^200 articles with a date, by week \(UTC\)\.$/);
          assert.ok((await paintedPixels(page, 'corpus-tone-trend')).n > 300);

          // Two sources side by side: the two biggest first, then another chosen.
          const [a, b] = [await page.inputValue('[data-testid="corpus-source-a"]'),
                          await page.inputValue('[data-testid="corpus-source-b"]')];
          const bySize = [...want.sources].sort((x, y) => y[1] - x[1]).map(([s]) => s);
          assert.deepEqual([a, b], bySize.slice(0, 2));
          await page.selectOption('[data-testid="corpus-source-b"]', bySize[2]);
          await page.click('[data-testid="corpus-sources-table-toggle"]');
          const head = await page.$$eval('[data-testid="corpus-sources-data"] thead th', (th) => th.map((x) => x.textContent));
          assert.deepEqual(head, ['Measure', bySize[0], bySize[2]]);
          const articlesRow = await page.$$eval('[data-testid="corpus-sources-data"] tbody tr:first-child td',
                                                (td) => td.map((x) => x.textContent));
          assert.deepEqual(articlesRow, [String(want.sources.get(bySize[0])), String(want.sources.get(bySize[2]))]);

          // A row opens its article, fully analysed, in the single-article view.
          await page.click('[data-testid="corpus-sort-tone"]');
          const [top] = await tableRows(page);
          const id = await page.evaluate((n) => window.newslensPage.corpus.rows.find((r) => r.n === n).id, top.n);
          const i = ARTICLES.findIndex((x) => x.id === id);
          const opened = await openRow(page, top.n);
          assert.equal(opened.tab, 'true');
          assert.equal(opened.corpusHidden, true);
          assert.equal(opened.text, ARTICLES[i].text);
          assert.deepEqual(opened.report, nl.analyze(ARTICLES[i].text, {tone: 'auto', detail: ['mentions', 'sentence_themes']}));
          assert.equal(opened.report.tone.compound, top.tone);
          assert.equal(opened.focused, 'results', 'focus moves to the analysis');
          assert.equal(await page.inputValue('[data-testid="article-input"]'), ARTICLES[i].text);

          if (name === 'file') {
            await page.click('[data-testid="tab-corpus"]');
            await page.selectOption('[data-testid="corpus-bucket"]', 'day');
            await page.mouse.move(1, 1);
            await page.evaluate(() => {
              document.activeElement.blur();
              window.scrollTo(0, 0);
            });
            mkdirSync(SCREENSHOTS, {recursive: true});
            await page.screenshot({path: join(SCREENSHOTS, 'corpus.png'), fullPage: true});
            // The README's picture of corpus mode: written when missing or NEWSLENS_SCREENSHOT=1.
            if (!existsSync(README_SHOT) || process.env.NEWSLENS_SCREENSHOT === '1') {
              await page.evaluate(() => document.querySelector('.corpus-input').scrollIntoView());
              await page.screenshot({path: README_SHOT});
            }
          }
          await assertClean(page, log);
          assertOnlyOwnFiles(log, base);
          if (name === 'http') {
            const strays = env.asked().filter((p) => !['/index.html', ...DIST_FILES.map((f) => '/' + f)].includes(p));
            assert.deepEqual(strays, [], `the server was asked for ${strays.join(', ')}`);
          }
        } finally {
          await context.close();
        }
      });

      test('a CSV (quoted fields, newlines, doubled quotes, bad rows, no dates): bad rows by line, the rest analysed', async () => {
        const base = baseOf();
        const {context, page, log} = await openCorpus(base, {});
        try {
          // Columns in another order plus one the page ignores; quotes in a title.
          const articles = UNDATED.map((a, i) => (i === 3 ? {...a, title: `${a.title}: "a turning point"`} :
                                                  i === 5 ? {...a, title: '=SUM(1,2) is a title, not a formula'} : a));
          const reports = await expected(UNDATED);
          const good = toCsv(articles.map((a) => ({...a, notes: 'x'})), ['text', 'id', 'notes', 'source', 'title']);
          // Two bad rows, after the 10th and the 100th record. Texts hold \n, records end in \r\n.
          const records = good.split('\r\n');  // header, 200 records, ''
          const bad = ['only,three,fields', '"Unclosed" then text,b,c,d,e'];
          const out = [...records.slice(0, 11), bad[0], ...records.slice(11, 101), bad[1],
                       ...records.slice(101)].join('\r\n');
          const badLines = bad.map((row) => out.slice(0, out.indexOf(row)).split('\n').length);
          await watchProgress(page);
          assert.equal(await run(page, [{name: 'desk.csv', mimeType: 'text/csv', buffer: Buffer.from(out)}]), 'done');
          assert.equal(await page.getAttribute('[data-testid="corpus-articles"]', 'data-value'), '200');
          assert.equal(await page.getAttribute('[data-testid="corpus-failed"]', 'data-value'), '2');
          assert.match(await page.textContent('[data-testid="corpus-status"]'),
                       /^Analysed 200 articles .* from desk\.csv .*; 2 records could not be read \(listed below\)\.$/);
          const problems = await page.$$eval('[data-testid="corpus-problems-list"] li', (li) => li.map((x) => x.textContent));
          assert.deepEqual(problems, [`desk.csv, line ${badLines[0]}: 3 fields, the header has 5`,
                                      `desk.csv, line ${badLines[1]}: field 1: text after the closing quote`]);
          const progress = await page.evaluate(() => window.__progress);
          assert.ok(progress.some((p) => /^\d+ of 202 articles/.test(p.text)), 'the total counts every record');

          // No dates: no trend, and it says why.
          assert.equal(await page.isVisible('[data-testid="corpus-tone-trend"]'), false);
          assert.match(await page.textContent('[data-testid="corpus-trend-hint"]'), /^No article carries a date/);

          const agg = JSON.parse((await download(page, 'corpus-export-json')).text);
          assert.equal(agg.trend, null);
          assert.equal(agg.failed, 2);
          assert.equal(agg.run.records, 202);
          validateAggregate(agg, 'a CSV corpus\'s aggregate');
          assert.deepEqual(agg.run.problems.map((p) => [p.file, p.line]), [['desk.csv', badLines[0]], ['desk.csv', badLines[1]]]);
          assert.equal(agg.tone.mean_compound, expectedAggregate(UNDATED, reports).tone);

          const csv = parseCsv((await download(page, 'corpus-export-csv')).text);
          assert.equal(csv.length, 201);
          assert.equal(csv[4][1], articles[3].title, 'a title with quotes and a colon comes back whole');
          assert.equal(csv[6][1], `'${articles[5].title}`, 'a title a spreadsheet would run is kept as text');
          assert.equal(await page.textContent('[data-testid="corpus-table"] tbody tr[data-n="5"] th'), articles[5].title);

          // The article with quotes in its title opens from its CSV record (read again by range).
          const n = await page.evaluate(() => window.newslensPage.corpus.rows.find((r) => r.id === 'a0004').n);
          await page.fill('[data-testid="corpus-filter"]', 'turning point');
          // The row is on the first page before the filter too: wait for the filtered table (the
          // filter applies 150 ms after typing), or the click can land as the table is redrawn,
          // on whatever row then sits there — a race a loaded CI machine lost.
          await page.waitForFunction(() => / \(filtered from /.test(
              document.querySelector('[data-testid="corpus-table"] caption').textContent), null,
                                     {timeout: TIMEOUT_MS});
          await page.waitForSelector(`[data-testid="corpus-table"] tbody tr[data-n="${n}"]`);
          const opened = await openRow(page, n);
          assert.equal(opened.text, articles[3].text);
          assert.deepEqual(opened.report, nl.analyze(articles[3].text, {tone: 'auto', detail: ['mentions', 'sentence_themes']}));  // what the article view asks for
          await assertClean(page, log);
          assertOnlyOwnFiles(log, base);
        } finally {
          await context.close();
        }
      });
    });
  }

  describe('corpus mode: cancel, folders, drops, accessibility (over http)', () => {
    test('Cancel midway leaves a consistent partial result; the next run completes', async () => {
      const base = env.httpBase();
      const {context, page, log} = await openCorpus(base, {});
      try {
        // A person's click lands at some point of the run; the test picks one deterministically:
        // Cancel is clicked as soon as half the articles are shown done (the worker reports in
        // steps of 1% of the articles, however fast it runs).
        await page.evaluate(() => {
          const bar = document.querySelector('[data-testid="corpus-bar"]');
          const text = document.querySelector('[data-testid="corpus-progress-text"]');
          window.__cancelledAt = null;
          const observer = new MutationObserver(() => {
            if (bar.hasAttribute('value') && bar.value >= bar.max / 2 && bar.value < bar.max) {
              window.__cancelledAt = bar.value;
              observer.disconnect();
              document.querySelector('[data-testid="corpus-cancel"]').click();
            }
          });
          observer.observe(text, {childList: true, characterData: true, subtree: true});
        });
        const jsonl = toJsonl(ARTICLES);
        assert.equal(await run(page, [{name: 'week.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl)}]),
                     'cancelled');
        const at = await page.evaluate(() => window.__cancelledAt);
        assert.ok(at >= 100 && at < 200, `cancelled at ${at}`);
        const {rows, done, total} = await page.evaluate(() => ({
          rows: window.newslensPage.corpus.rows.length, done: window.newslensPage.corpus.done,
          total: window.newslensPage.corpus.total}));
        assert.equal(total, 200);
        assert.equal(done, at, 'nothing arrived after Cancel');
        assert.equal(rows, at, 'every article counted done is in the table');
        assert.equal(await page.textContent('[data-testid="corpus-status"]'),
                     `Cancelled after ${at} of 200 articles: the views show the ${at} analysed.`);
        assert.equal(await page.isVisible('[data-testid="corpus-progress"]'), false);
        assert.equal(await page.getAttribute('[data-testid="corpus-articles"]', 'data-value'), String(at));
        assert.equal(await caption(page), `Articles 1–${Math.min(50, at)} of ${at}`);

        // The partial aggregate is the aggregate of the articles it shows — the first `at`.
        const reports = (await expected(ARTICLES)).slice(0, at);
        const want = expectedAggregate(ARTICLES.slice(0, at), reports);
        const agg = JSON.parse((await download(page, 'corpus-export-json')).text);
        assert.equal(agg.run.status, 'cancelled');
        validateAggregate(agg, 'a cancelled run\'s aggregate');
        assert.equal(agg.articles, at);
        assert.equal(agg.run.read, at);
        assert.equal(agg.tone.mean_compound, want.tone);
        assert.deepEqual(new Map(agg.top_level.map((t) => [t.id, t.score])), want.themes);
        assert.equal(agg.trend ? agg.trend.points.reduce((n, p) => n + p.articles, 0) : 0, at);
        const csv = parseCsv((await download(page, 'corpus-export-csv')).text);
        assert.deepEqual(csv.slice(1).map((r) => r[0]), ARTICLES.slice(0, at).map((a) => a.id));

        // The worker was stopped; a new run starts a new one and completes.
        assert.equal(await run(page, [{name: 'week.jsonl', mimeType: 'application/x-ndjson', buffer: Buffer.from(jsonl)}]),
                     'done');
        assert.equal(await page.getAttribute('[data-testid="corpus-articles"]', 'data-value'), '200');
        await assertClean(page, log);
        assertOnlyOwnFiles(log, base);
      } finally {
        await context.close();
      }
    });

    test('a 3 MB CSV is shared by a pool of workers: same rows, order, bad lines and figures as one', async () => {
      const base = env.httpBase();
      const {context, page, log} = await openCorpus(base, {});
      try {
        const articles = generateCorpus({count: 900, seed: 5, minParagraphs: 10, maxParagraphs: 16});
        const reports = await expected(articles);
        const records = toCsv(articles).split('\r\n');  // header, 900 records, ''
        const bad = ['1,two', '3,"x"y,2024-01-01,S,T', '5,"six",,,'];
        const out = [...records.slice(0, 101), bad[0], ...records.slice(101, 451), bad[1],
                     ...records.slice(451, 801), bad[2], ...records.slice(801)].join('\r\n');
        const badLines = bad.map((row) => out.slice(0, out.indexOf(row)).split('\n').length);
        assert.ok(out.length > 2.2e6, `${out.length} bytes: more than one worker's share`);
        assert.equal(await run(page, [{name: 'archive.csv', mimeType: 'text/csv', buffer: Buffer.from(out)}]), 'done');
        const {workers, cores, rows} = await page.evaluate(() => ({
          workers: window.newslensPage.corpus.workers, cores: navigator.hardwareConcurrency,
          rows: window.newslensPage.corpus.rows.map((r) => [r.n, r.id, r.tone, r.ref.line])}));
        assert.equal(workers, Math.min(cores, 2), 'a 3 MB corpus gets two workers where there are two cores');
        assert.deepEqual(rows.map((r) => r[1]), articles.map((a) => a.id), 'rows in corpus order');
        assert.deepEqual(rows.map((r) => r[2]), reports.map((r) => r.tone.compound));
        const problems = await page.$$eval('[data-testid="corpus-problems-list"] li', (li) => li.map((x) => x.textContent));
        assert.deepEqual(problems, [`archive.csv, line ${badLines[0]}: 2 fields, the header has 5`,
                                    `archive.csv, line ${badLines[1]}: field 2: text after the closing quote`,
                                    `archive.csv, line ${badLines[2]}: the text is empty`]);
        const agg = JSON.parse((await download(page, 'corpus-export-json')).text);
        const want = expectedAggregate(articles, reports);
        assert.equal(agg.articles, 900);
        assert.equal(agg.run.records, 903);
        assert.equal(agg.tone.mean_compound, want.tone);
        assert.equal(agg.words, want.words);
        assert.deepEqual(new Map(agg.top_level.map((t) => [t.id, t.score])), want.themes);
        // The last article lives in the last segment: it opens from its own byte range.
        await page.click('[data-testid="corpus-sort-title"]');
        await page.fill('[data-testid="corpus-filter"]', articles[899].title);
        await page.waitForSelector('[data-testid="corpus-table"] tbody tr[data-n="902"]');
        const opened = await openRow(page, 902);  // 899 + the three bad records before it
        assert.equal(opened.text, articles[899].text);
        assert.deepEqual(opened.report, nl.analyze(articles[899].text, {tone: 'auto', detail: ['mentions', 'sentence_themes']}));
        await assertClean(page, log);
        assertOnlyOwnFiles(log, base);
      } finally {
        await context.close();
      }
    });

    let folder;
    before(() => {
      folder = mkdtempSync(join(tmpdir(), 'newslens-folder-'));
      const desk = join(folder, 'desk');
      for (const [dir, files] of Object.entries({
        'harbor-times': [['2024-03-04-talks.txt', ARTICLES[0].text],
                         ['2024-03-05-markets.md', `# ${ARTICLES[3].title}\n\n${ARTICLES[3].text.split('\n\n').slice(1).join('\n\n')}`]],
        'northern-ledger': [['2024-03-04-floods.html', `<!doctype html><html><head><title>${ARTICLES[1].title}</title>` +
                              `<script>window.__pwned = true</script></head><body><article><h1>${ARTICLES[1].title}</h1>` +
                              ARTICLES[1].text.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('') +
                              '<img src="x" onerror="window.__pwned = true"></article></body></html>'],
                            ['2024-03-11-court.json', JSON.stringify({title: ARTICLES[4].title, text: ARTICLES[4].text})],
                            ['photo.png', 'not an article']],
      })) {
        mkdirSync(join(desk, dir), {recursive: true});
        for (const [file, text] of files) writeFileSync(join(desk, dir, file), text);
      }
    });
    after(() => rmSync(folder, {recursive: true, force: true}));

    test('a folder: sub-folders become sources, dates come from file names, HTML is reduced to text', async () => {
      const base = env.httpBase();
      const {context, page, log} = await openCorpus(base, {});
      try {
        assert.equal(await run(page, join(folder, 'desk'), 'corpus-folder'), 'done');
        const rows = await page.evaluate(() => window.newslensPage.corpus.rows.map((r) =>
          ({id: r.id, title: r.title, source: r.source, date: r.date})));
        assert.deepEqual(rows, [
          {id: 'desk/harbor-times/2024-03-04-talks.txt', title: ARTICLES[0].title, source: 'harbor-times', date: '2024-03-04'},
          {id: 'desk/harbor-times/2024-03-05-markets.md', title: ARTICLES[3].title, source: 'harbor-times', date: '2024-03-05'},
          {id: 'desk/northern-ledger/2024-03-04-floods.html', title: ARTICLES[1].title, source: 'northern-ledger', date: '2024-03-04'},
          {id: 'desk/northern-ledger/2024-03-11-court.json', title: ARTICLES[4].title, source: 'northern-ledger', date: '2024-03-11'},
        ]);
        assert.match(await page.textContent('[data-testid="corpus-status"]'),
                     /^Analysed 4 articles .* from 4 files .*; 1 file skipped \(not articles\)\.$/);
        assert.equal(await page.evaluate(() => window.__pwned === true), false);
        assert.equal(await page.inputValue('[data-testid="corpus-bucket"]'), 'day');
        assert.ok((await paintedPixels(page, 'corpus-tone-trend')).n > 100);
        assert.deepEqual([await page.inputValue('[data-testid="corpus-source-a"]'),
                          await page.inputValue('[data-testid="corpus-source-b"]')], ['harbor-times', 'northern-ledger']);
        const opened = await openRow(page, 2);  // the HTML file, read and reduced again
        assert.match(opened.text, new RegExp(`^${ARTICLES[1].title}\\n\\n`));
        assert.equal(await page.evaluate(() => window.__pwned === true), false);
        await assertClean(page, log);
        assertOnlyOwnFiles(log, base);
      } finally {
        await context.close();
      }
    });

    test('files dropped on the corpus panel are analysed', async () => {
      const base = env.httpBase();
      const {context, page, log} = await openCorpus(base, {});
      try {
        const runs = await page.evaluate(() => window.newslensPage.corpus.runs);
        const dataTransfer = await page.evaluateHandle((texts) => {
          const dt = new DataTransfer();
          texts.forEach((t, i) => dt.items.add(new File([t], `story-${i + 1}.txt`, {type: 'text/plain'})));
          return dt;
        }, ARTICLES.slice(0, 3).map((a) => a.text));
        await page.dispatchEvent('[data-testid="corpus-drop"]', 'dragover', {dataTransfer});
        assert.equal(await page.evaluate(() => document.querySelector('[data-testid="corpus-drop"]')
            .classList.contains('is-drop-target')), true);
        await page.dispatchEvent('[data-testid="corpus-drop"]', 'drop', {dataTransfer});
        await page.waitForFunction((n) => window.newslensPage.corpus.runs > n &&
            window.newslensPage.corpus.state === 'done', runs, {timeout: RUN_TIMEOUT_MS});
        const ids = await page.evaluate(() => window.newslensPage.corpus.rows.map((r) => r.id));
        assert.deepEqual(ids, ['story-1.txt', 'story-2.txt', 'story-3.txt']);

        // A JSONL file dropped on the single article's text box is taken as a corpus.
        await page.click('[data-testid="tab-article"]');
        const jsonl = await page.evaluateHandle((text) => {
          const dt = new DataTransfer();
          dt.items.add(new File([text], 'five.jsonl', {type: 'application/x-ndjson'}));
          return dt;
        }, toJsonl(ARTICLES.slice(0, 5)));
        await page.dispatchEvent('[data-testid="article-input"]', 'drop', {dataTransfer: jsonl});
        await page.waitForFunction((n) => window.newslensPage.corpus.runs > n + 1 &&
            window.newslensPage.corpus.state === 'done', runs, {timeout: RUN_TIMEOUT_MS});
        assert.equal(await page.getAttribute('[data-testid="tab-corpus"]', 'aria-selected'), 'true');
        assert.deepEqual(await page.evaluate(() => window.newslensPage.corpus.rows.map((r) => r.id)),
                         ARTICLES.slice(0, 5).map((a) => a.id));
        await assertClean(page, log);
        assertOnlyOwnFiles(log, base);
      } finally {
        await context.close();
      }
    });

    test('fits a 360 px wide screen, in dark mode too', async () => {
      for (const colorScheme of ['light', 'dark']) {
        const {context, page, log} = await openCorpus(env.httpBase(), {viewport: {width: 360, height: 740}, colorScheme});
        try {
          assert.equal(await run(page, [{name: 'week.jsonl', mimeType: 'application/x-ndjson',
                                         buffer: Buffer.from(toJsonl(ARTICLES.slice(0, 60)))}]), 'done');
          for (const b of await page.$$('#corpus-mode .table-toggle')) await b.click();
          const width = await page.evaluate(() => document.documentElement.scrollWidth);
          assert.ok(width <= 360, `the corpus view is ${width}px wide at 360px (${colorScheme})`);
          for (const id of ['corpus-themes-chart', 'corpus-tone-trend', 'corpus-source-themes']) {
            assert.ok((await paintedPixels(page, id)).n > 300, `${id} blank at 360px (${colorScheme})`);
          }
          await assertClean(page, log);
        } finally {
          await context.close();
        }
      }
    });

    test('keyboard: tabs by arrow keys, a row opened with Enter; axe finds no serious violations', async () => {
      const base = env.httpBase();
      const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
      for (const colorScheme of ['light', 'dark']) {
        const opened = await openPage(env.browser(), base + 'index.html', {colorScheme});
        const {context, page, log} = opened;
        try {
          await analysed(page, 0);
          await page.focus('[data-testid="tab-article"]');
          await page.keyboard.press('ArrowRight');
          assert.equal(await page.evaluate(() => document.activeElement.dataset.testid), 'tab-corpus');
          assert.equal(await page.getAttribute('[data-testid="tab-corpus"]', 'aria-selected'), 'true');
          assert.equal(await page.isVisible('[data-testid="corpus-mode"]'), true);
          assert.equal(await page.isVisible('[data-testid="article-mode"]'), false);
          assert.equal(await run(page, [{name: 'week.csv', mimeType: 'text/csv', buffer: Buffer.from(toCsv(ARTICLES.slice(0, 40)))}]), 'done');
          for (const b of await page.$$('#corpus-mode .table-toggle')) await b.click();
          await page.evaluate(axeSource);
          const violations = await page.evaluate(async () => {
            const r = await window.axe.run(document, {resultTypes: ['violations']});
            return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`);
          });
          assert.deepEqual(violations, [], `${colorScheme}:\n${violations.join('\n')}`);

          // Tab to the first row's title and open it with Enter.
          await page.focus('[data-testid="corpus-sort-actors"]');
          await page.keyboard.press('Tab');
          const focused = await page.evaluate(() => document.activeElement.closest('tr').dataset.n);
          const count = await page.evaluate(() => window.newslensPage.analysisCount);
          await page.keyboard.press('Enter');
          await analysed(page, count);
          assert.equal(await page.evaluate(() => window.newslensPage.lastText), ARTICLES[Number(focused)].text);
          await assertClean(page, log);
        } finally {
          await context.close();
        }
      }
    });
  });
});
