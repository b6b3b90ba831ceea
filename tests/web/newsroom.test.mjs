// The page as a newsroom uses it (issue 20), in real Chromium from file:// and over http: a tapped
// word explains itself on a phone, a theme keeps its colour from article to article, the exports
// are fit to publish, the article can be cleared, the lexicon re-runs, the tone arc quotes its
// sentences and the term-in-context table lists every mention.
//
//   node --test --test-concurrency=1 tests/web/newsroom.test.mjs

import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {test} from 'node:test';

import {THEME_STYLES, themeColour} from '../../web/src/theme-colours.js';
import {
  analysed, analysisCount, assertClean, assertOnlyOwnFiles, clickAndWait, downloadText, openPage,
  openTable, paintedPixels, parseCsv, root, TIMEOUT_MS, withPage,
} from './harness.mjs';

// The README's pictures of these views (docs/), written when missing or with
// NEWSLENS_SCREENSHOT=1; every run writes them to test-results/screenshots/ for review.
const SCREENSHOTS = join(root, 'test-results/screenshots');
function keep(name, png) {
  mkdirSync(SCREENSHOTS, {recursive: true});
  writeFileSync(join(SCREENSHOTS, name), png);
  const doc = join(root, 'docs', name);
  if (!existsSync(doc) || process.env.NEWSLENS_SCREENSHOT === '1') writeFileSync(doc, png);
}

const PHONE = {width: 390, height: 844};
const LAPTOP = {width: 1366, height: 768};

// Two short articles of our own (not the sample), where politics ranks first in one and
// third in the other: its colour must not follow its rank.
const ELECTION = 'The parliament passed the election law after a long debate. Opposition ' +
  'parties said the government and the president had ignored voters. The minister defended ' +
  'the reform and the coalition promised a referendum on the constitution next year. ' +
  'Diplomats and ambassadors from the region watched the vote.';
const MATCH = 'The football club won the cup final in a thrilling match. The striker scored twice ' +
  'and the coach praised the players, the fans and the stadium staff. The league champions ' +
  'now face a tournament abroad. The mayor and the city council congratulated the team, and the ' +
  'minister of sport promised money for youth football and athletics. In parliament, the ' +
  'government and the opposition argued over the cost of the new stadium before a vote on the budget.';

withPage((env) => {
  async function session(body, {base = env.fileBase(), viewport = LAPTOP, touch = false} = {}) {
    const context = await env.browser().newContext({viewport, acceptDownloads: true,
                                                    hasTouch: touch, isMobile: touch});
    const opened = await openPage(env.browser(), base + 'index.html', {context});
    try {
      await analysed(opened.page, 0);
      await body(opened);
      await assertClean(opened.page, opened.log);
      assertOnlyOwnFiles(opened.log, base);
    } finally {
      await context.close();
    }
  }

  const save = async (page, testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'),
                                          page.click(`[data-testid="${testid}"]`)]);
    return download;
  };

  /** Taps (or clicks) a highlighted word half-way down the article and returns where the word
   *  and its explanation are on screen. */
  async function explainWord(page, {tap}) {
    const mark = page.locator('[data-testid="article"] mark.hl').nth(25);
    await mark.scrollIntoViewIfNeeded();
    if (tap) await mark.tap();
    else await mark.click();
    await page.waitForSelector('[data-testid="why-pop"]:not([hidden])');
    return page.evaluate(() => {
      const pop = document.querySelector('[data-testid="why-pop"]');
      const m = document.querySelector('mark[aria-describedby="why-pop"]');
      const box = (e) => {
        const r = e.getBoundingClientRect();
        return {top: r.top, bottom: r.bottom, left: r.left, right: r.right};
      };
      return {pop: box(pop), mark: box(m), text: pop.textContent, why: m.dataset.why,
              viewport: {width: document.documentElement.clientWidth, height: window.innerHeight}};
    });
  }

  function assertExplainedInView(seen) {
    const {pop, mark, viewport} = seen;
    assert.ok(seen.text.length > 5, 'the explanation has words');
    assert.equal(seen.text, seen.why.replace(/\n/g, ''), 'the box shows the word\'s explanation');
    assert.ok(pop.top >= 0 && pop.bottom <= viewport.height && pop.left >= 0 && pop.right <= viewport.width,
              `the explanation is inside the ${viewport.width}×${viewport.height} viewport: ${JSON.stringify(pop)}`);
    const gap = Math.min(Math.abs(pop.top - mark.bottom), Math.abs(mark.top - pop.bottom));
    assert.ok(gap <= 24, `the explanation is pinned next to the word (${gap} px away)`);
  }

  for (const [name, viewport, touch] of [['phone 390×844', PHONE, true], ['laptop 1366×768', LAPTOP, false]]) {
    test(`${name}, file://: the sample's charts paint; a ${touch ? 'tapped' : 'clicked'} word explains itself in view`, () =>
      session(async ({page}) => {
        for (const id of ['themes-chart', 'arc-chart']) {
          const {n, width, height} = await paintedPixels(page, id);
          assert.ok(n > 500, `${id} looks blank (${n} painted pixels of ${width}×${height})`);
        }
        if (touch) {
          // On a phone a chart shows on the first screen, above the fold.
          const top = await page.evaluate(() =>
            document.querySelector('[data-testid="themes-chart"]').getBoundingClientRect().top);
          assert.ok(top < PHONE.height - 60, `the themes chart starts at ${top} px, below the fold`);
        }
        assertExplainedInView(await explainWord(page, {tap: touch}));
        if (touch) keep('screenshot-phone.png', await page.screenshot());
        // Escape (or a tap elsewhere) puts it away.
        await page.keyboard.press('Escape');
        assert.equal(await page.isVisible('[data-testid="why-pop"]'), false);
        // No highlight relies on a title= tooltip, which a touch screen never shows.
        assert.equal(await page.$$eval('[data-testid="article"] mark[title]', (m) => m.length), 0);
      }, {viewport, touch}));
  }

  test('a theme keeps its colour across two articles, in the chart, the legend and the text', () =>
    session(async ({page}) => {
      const colours = async () => page.evaluate(() => {
        const chart = window.newslensPage.charts.themes;
        const report = window.newslensPage.lastReport;
        const swatch = (id) => {
          const item = [...document.querySelectorAll('[data-testid="legend"] .legend-item')]
              .find((li) => li.textContent === report.top_level.find((t) => t.id === id).label);
          return item && getComputedStyle(item.querySelector('.swatch')).backgroundColor;
        };
        const mark = document.querySelector('[data-testid="article"] mark[data-themes^="politics"]');
        return {
          order: report.top_level.map((t) => t.id),
          bars: Object.fromEntries(chart.$rows.map((r) => [r.id, r.colour])),
          legend: swatch('politics'),
          mark: mark && getComputedStyle(mark).backgroundColor,
        };
      });
      await page.fill('[data-testid="article-input"]', ELECTION);
      await clickAndWait(page, '[data-testid="analyze"]');
      const a = await colours();
      await page.fill('[data-testid="article-input"]', MATCH);
      await clickAndWait(page, '[data-testid="analyze"]');
      const b = await colours();
      assert.equal(a.order[0], 'politics');
      assert.notEqual(b.order.indexOf('politics'), 0, `politics ranks lower in the sports article: ${b.order}`);
      assert.ok(b.order.includes('politics'));
      assert.equal(a.bars.politics, THEME_STYLES.politics.colour);
      assert.equal(b.bars.politics, a.bars.politics, 'the same bar colour in both articles');
      assert.equal(b.legend, a.legend, 'the same legend swatch');
      assert.ok(a.mark && b.mark && a.mark === b.mark, `the same highlight tint (${a.mark}, ${b.mark})`);
      for (const [id, colour] of Object.entries(b.bars)) assert.equal(colour, themeColour(id), id);
      // Every one of the 17 themes has a colour of its own.
      const all = Object.values(THEME_STYLES).map((s) => `${s.colour}/${s.pattern}`);
      assert.equal(new Set(all).size, 17);
    }));

  test('the themes CSV has one row per theme id; actors export as CSV', () =>
    session(async ({page}) => {
      const r = await page.evaluate(() => window.newslensPage.lastReport);
      const csv = parseCsv(await downloadText(await save(page, 'export-themes')));
      const ids = csv.slice(1).map((row) => row[0]);
      assert.deepEqual(csv[0].slice(0, 3), ['id', 'label', 'level']);
      assert.equal(new Set(ids).size, ids.length, `duplicate ids: ${ids.filter((x, i) => ids.indexOf(x) !== i)}`);
      const expected = new Set([...r.top_level.map((t) => t.id), ...r.themes.map((t) => t.id)]);
      assert.deepEqual(new Set(ids), expected);
      const politics = csv.find((row) => row[0] === r.top_level[0].id);
      assert.equal(politics[2], 'top');
      assert.equal(Number(politics[6]), r.top_level[0].score, 'the top level keeps its figures');
      assert.ok(politics[10].length > 0, 'and its terms');

      const actors = parseCsv(await downloadText(await save(page, 'export-actors')));
      assert.deepEqual(actors[0], ['name', 'type', 'code', 'role', 'mentions', 'tone', 'named_with']);
      assert.equal(actors.length - 1, r.entities.length);
      assert.deepEqual(actors[1].slice(0, 2), [r.entities[0].name, r.entities[0].type]);
      assert.equal(Number(actors[1][4]), r.entities[0].count);
    }));

  test('Clear empties the box and the results; an empty Analyze clears with a message', () =>
    session(async ({page}) => {
      assert.equal(await page.isVisible('[data-testid="results"]'), true);
      await page.click('[data-testid="clear"]');
      assert.equal(await page.inputValue('[data-testid="article-input"]'), '');
      assert.equal(await page.isVisible('[data-testid="results"]'), false);
      assert.match(await page.textContent('[data-testid="status"]'), /^Cleared\./);
      assert.equal(await page.evaluate(() => window.newslensPage.lastReport), null);

      await page.fill('[data-testid="article-input"]', ELECTION);
      await clickAndWait(page, '[data-testid="analyze"]');
      assert.equal(await page.isVisible('[data-testid="results"]'), true);
      await page.fill('[data-testid="article-input"]', '   \n ');
      await page.click('[data-testid="analyze"]');
      await page.waitForSelector('[data-testid="results"]', {state: 'hidden'});
      assert.match(await page.textContent('[data-testid="status"]'),
                   /text box is empty, so the previous results were cleared/);
      assert.equal(await page.evaluate(() => document.querySelectorAll('[data-testid="article"] mark').length), 0);
    }));

  test('changing the lexicon analyses the text again with it', () =>
    session(async ({page}) => {
      await page.waitForFunction(() => window.newslensPage.moduleReady, null, {timeout: TIMEOUT_MS});
      const n = await analysisCount(page);
      await page.selectOption('[data-testid="tone-option"]', 'finance');
      await analysed(page, n);
      const {shown, expected} = await page.evaluate(async () => {
        const nl = await NewsLens.create();
        return {shown: window.newslensPage.lastReport,
                expected: nl.analyze(window.newslensPage.lastText, {tone: 'finance', detail: ['mentions', 'sentence_themes']})};
      });
      assert.deepEqual(shown.tone, expected.tone);
      assert.match(await page.textContent('[data-testid="status"]'), /finance lexicon/);
    }));

  test('the tone arc is a point per sentence; its tooltip quotes the sentence; long texts bin', () =>
    session(async ({page}) => {
      const r = await page.evaluate(() => window.newslensPage.lastReport);
      const arc = await page.evaluate(() => {
        const c = window.newslensPage.charts.arc;
        return {points: c.data.datasets[0].data.length, tension: c.data.datasets[0].tension,
                stepped: c.data.datasets[0].stepped};
      });
      assert.equal(arc.points, r.sentences.length);
      assert.equal(arc.tension, 0, 'no smoothed curve between sentences');
      const i = 3;
      const at = await page.evaluate((k) => {
        const el = window.newslensPage.charts.arc.getDatasetMeta(0).data[k];
        return {x: el.x, y: el.y};
      }, i);
      await page.hover('[data-testid="arc-chart"]', {position: at});
      const tip = await page.waitForFunction((k) => {
        const t = window.newslensPage.charts.arc.tooltip;
        return t && t.opacity > 0 && t.dataPoints && t.dataPoints[0].dataIndex === k &&
               {title: t.title.join(' '), body: t.body.flatMap((b) => b.lines).join(' ')};
      }, i, {timeout: TIMEOUT_MS});
      const {title, body} = await tip.jsonValue();
      const text = await page.evaluate(() => window.newslensPage.lastText);
      const sentence = text.slice(r.sentences[i][0], r.sentences[i][1]).replace(/\s+/g, ' ').trim();
      assert.match(title, new RegExp(`^Sentence ${i + 1} · tone .* · ${r.sentences[i][3] || r.tone.lexicon} lexicon$`),
                   'the tooltip names the lexicon that scored the sentence');
      assert.ok(body.replace(/\s+/g, ' ').includes(sentence.split(' ').slice(0, 6).join(' ')),
                `the tooltip quotes the sentence: ${body}`);
      await openTable(page, 'arc-table-toggle');
      assert.equal(await page.$$eval('[data-testid="arc-data"] tbody tr', (rows) => rows.length), r.sentences.length);
      // Each row names the lexicon that scored its sentence; the sample has business sentences.
      const lexicons = await page.$$eval('[data-testid="arc-data"] tbody tr',
                                         (rows) => rows.map((row) => row.cells[2].textContent));
      assert.deepEqual(lexicons, r.sentences.map((s) => s[3] || r.tone.lexicon));
      assert.ok(lexicons.includes('finance') && lexicons.includes('news'), lexicons.join(' '));

      // 1,200 sentences: bins of consecutive sentences, not 1,200 overlapping points.
      const long = Array.from({length: 400}, (_, k) => `Talks resumed on day ${k + 1}. ` +
        (k % 3 ? 'The envoys praised the progress. ' : 'Critics warned of a terrible failure. ') +
        'Markets were calm.').join('\n\n');
      await page.fill('[data-testid="article-input"]', long);
      await clickAndWait(page, '[data-testid="analyze"]');
      const binned = await page.evaluate(() => {
        const c = window.newslensPage.charts.arc;
        return {points: c.data.datasets[0].data.length, sentences: window.newslensPage.lastReport.sentences.length,
                first: c.$points[0]};
      });
      assert.equal(binned.sentences, 1200);
      assert.ok(binned.points <= 240 && binned.points >= 100, `${binned.points} points`);
      assert.equal(binned.first.first, 0);
      assert.equal(binned.first.last, Math.ceil(1200 / 240) - 1);
    }));

  test('term in context: every mention of the followed theme with its words around, sortable and exported', () =>
    session(async ({page}) => {
      const r = await page.evaluate(() => window.newslensPage.lastReport);
      const text = await page.evaluate(() => window.newslensPage.lastText);
      const id = r.top_level[0].id;
      await page.selectOption('[data-testid="context-select"]', JSON.stringify({kind: 'theme', id}));
      assert.deepEqual(await page.evaluate(() => window.newslensPage.focus), {kind: 'theme', id},
                       'choosing here follows the theme in every view');
      const spans = [...new Set(r.mentions.filter((m) => m.kind === 'theme' &&
          (m.id === id || m.id.startsWith(`${id}.`))).map((m) => `${m.start}:${m.end}`))];
      const rows = await page.$$eval('[data-testid="context-data"] tbody tr', (trs) => trs.map((tr) =>
        [...tr.children].map((td) => td.textContent)));
      assert.equal(rows.length, Math.min(500, spans.length));
      const first = spans.map((k) => k.split(':').map(Number)).sort((a, b) => a[0] - b[0])[0];
      assert.equal(rows[0][2], text.slice(first[0], first[1]).replace(/\s+/g, ' '));
      assert.ok(text.replace(/\s+/g, ' ').includes(`${rows[0][1]} ${rows[0][2]}`.trim()) ||
                text.replace(/\s+/g, ' ').includes(`${rows[0][1]}${rows[0][2]}`), 'the words before are the text\'s');

      await page.click('[data-testid="context-sort-right"]');
      const after = await page.$$eval('[data-testid="context-data"] tbody tr td:nth-child(4)',
                                      (tds) => tds.map((td) => td.textContent.toLowerCase()));
      const collator = new Intl.Collator(undefined, {sensitivity: 'base', numeric: true});
      for (let k = 1; k < after.length; k++) assert.ok(collator.compare(after[k - 1], after[k]) <= 0, 'sorted by the words after');

      const csv = parseCsv(await downloadText(await save(page, 'context-export')));
      assert.deepEqual(csv[0], ['n', 'sentence', 'start', 'end', 'item', 'before', 'term', 'after']);
      assert.equal(csv.length - 1, spans.length);
      for (const row of csv.slice(1, 20)) assert.equal(text.slice(Number(row[2]), Number(row[3])).replace(/\s+/g, ' '), row[6]);

      await page.locator('[data-testid="context-card"]').scrollIntoViewIfNeeded();
      await page.mouse.move(1, 1);
      keep('screenshot-context.png', await page.locator('[data-testid="context-card"]').screenshot());

      // Following an actor from the Follow menu lists it here too.
      const actor = r.entities[0].name;
      await page.selectOption('[data-testid="focus-select"]', {label: actor});
      const terms = await page.$$eval('[data-testid="context-data"] tbody tr td:nth-child(3)', (tds) => tds.map((td) => td.textContent));
      assert.equal(terms.length, new Set(r.mentions.filter((m) => m.kind === 'entity' && m.name === actor)
          .map((m) => `${m.start}:${m.end}`)).size);
    }));

  test('exports fit to publish: PNG at 2x and SVG with title and source; copy as embed', () =>
    session(async ({page}) => {
      const size = await page.evaluate(() => {
        const c = window.newslensPage.charts.themes;
        return {width: Math.round(c.width), height: Math.round(c.height)};
      });
      const png = readFileSync(await (await save(page, 'themes-png')).path());
      assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10]);
      const width = png.readUInt32BE(16);
      const height = png.readUInt32BE(20);
      assert.equal(width, (size.width + 32) * 2, 'twice the chart\'s width, with margins');
      assert.ok(height > (size.height + 60) * 2, `room for a title and a source line (${height} px high)`);

      // SVG: Chart.js's own drawing as paths and text, in the same frame.
      const svg = await downloadText(await save(page, 'themes-svg'));
      assert.match(svg, /^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="/);
      assert.match(svg, /<text [^>]*font-size="18"[^>]*>Themes<\/text>/);
      assert.match(svg, />Source: the sample, [\d,]+ words<\/text>/);
      assert.match(svg, />Chart: newslens, analysed in the browser<\/text>/);
      const r = await page.evaluate(() => window.newslensPage.lastReport);
      for (const t of r.top_level.slice(0, 3)) assert.ok(svg.includes(`>${t.label.split(' ')[0]}`), `${t.label} labelled`);
      assert.ok(svg.includes(`fill="${THEME_STYLES.politics.colour}"`), 'bars in their theme colours');
      assert.ok((svg.match(/<path /g) || []).length >= r.top_level.length, 'bars and grid as paths');
      assert.doesNotMatch(svg, /<image|data:image/, 'vector, not a picture');

      await page.click('[data-testid="themes-embed"]');
      await page.waitForSelector('[data-testid="embed-code"]:not([hidden])');
      const snippet = await page.inputValue('[data-testid="embed-code-text"]');
      assert.match(snippet, /^<figure class="newslens-chart">\n  <img src="data:image\/png;base64,[A-Za-z0-9+/=]+" /);
      assert.match(snippet, /alt="Bar chart of top-level theme scores: Politics /);
      assert.match(snippet, /<figcaption>Themes\. Source: the sample, [\d,]+ words\. Chart: newslens/);
      assert.doesNotMatch(snippet, /<script|https?:/, 'nothing in it runs or loads');
    }));

  test('the light/dark switch beside the system setting recolours the page and its charts', () =>
    session(async ({page}) => {
      const look = () => page.evaluate(() => ({
        scheme: document.documentElement.dataset.scheme,
        bg: getComputedStyle(document.body).backgroundColor,
        grid: window.newslensPage.charts.arc.options.scales.y.ticks.color,
      }));
      const light = await look();
      assert.equal(light.scheme, 'light');
      await page.selectOption('[data-testid="scheme"]', 'dark');
      const dark = await look();
      assert.equal(dark.scheme, 'dark');
      assert.equal(dark.bg, 'rgb(21, 23, 27)');
      assert.notEqual(dark.grid, light.grid, 'the charts were drawn again in the dark colours');
      await page.reload();
      await analysed(page, 0);
      assert.equal((await look()).scheme, 'dark', 'the choice is remembered');
      await page.selectOption('[data-testid="scheme"]', 'system');
      assert.equal((await look()).scheme, 'light');
    }));
});
