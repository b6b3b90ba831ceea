// The page in real Chromium (Debian's /usr/bin/chromium driven by playwright-core), against the
// built dist/, both over http (a tiny server on 127.0.0.1) and opened from file://.
//
//   node --test --test-concurrency=1 tests/web/
//
// CHROMIUM=/path/to/chromium overrides the browser. The README's screenshot, docs/screenshot.png
// (1280x900, the sample analysed, from file://), is written when missing or when
// NEWSLENS_SCREENSHOT=1 — not on every run, since the timing it shows differs each time and
// would leave the committed file modified. Every run writes test-results/screenshots/page.png.

import assert from 'node:assert/strict';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join} from 'node:path';
import {describe, test} from 'node:test';

import {
  analysed, analysisCount, assertClean, assertOnlyOwnFiles, clickAndWait, DIST_FILES, openPage,
  openTable, paintedPixels, root, signed, TIMEOUT_MS, withPage,
} from './harness.mjs';

const SCREENSHOT = join(root, 'docs/screenshot.png');
const SCREENSHOTS = join(root, 'test-results/screenshots');

withPage(suite);

// ---------------------------------------------------------------- the suite

function suite(env) {
  const targets = [['http', env.httpBase], ['file', env.fileBase]];

  for (const [name, baseOf] of targets) {
    describe(`dist/index.html over ${name}`, () => {
      test('analyses the sample on "Load sample": charts drawn, numbers equal the module\'s', async () => {
        const base = baseOf();
        const {context, page, log} = await openPage(env.browser(), base + 'index.html');
        try {
          await analysed(page, 0);  // the sample is shown on first open, from its built report
          assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'build');
          assert.match(await page.textContent('[data-testid="status"]'),
                       /^Analysed [\d,]+ words from the sample when this page was built/);
          await page.waitForFunction(() => window.newslensPage.moduleReady, null, {timeout: TIMEOUT_MS});
          await clickAndWait(page, '[data-testid="load-sample"]');

          for (const id of ['themes-chart', 'arc-chart']) {
            const {n, width, height} = await paintedPixels(page, id);
            assert.ok(width > 0 && height > 0, `${id} has no size`);
            assert.ok(n > 500, `${id} looks blank (${n} painted pixels of ${width}×${height})`);
          }

          if (name === 'file') {
            await page.mouse.move(1, 1);  // no hover or focus ring on "Load sample" in the picture
            await page.evaluate(() => {
              document.activeElement.blur();
              window.scrollTo(0, 0);
            });
            mkdirSync(SCREENSHOTS, {recursive: true});
            const png = await page.screenshot({path: join(SCREENSHOTS, 'page.png')});
            if (!existsSync(SCREENSHOT) || process.env.NEWSLENS_SCREENSHOT === '1') {
              mkdirSync(dirname(SCREENSHOT), {recursive: true});
              writeFileSync(SCREENSHOT, png);
            }
          }

          await openTable(page, 'themes-table-toggle');
          await openTable(page, 'arc-table-toggle');
          const {expected, shown, lastReport} = await page.evaluate(async () => {
            const nl = await NewsLens.create();
            const expected = nl.analyze(NewsLensSample.text, {tone: 'auto', detail: ['mentions', 'sentence_themes']});
            const q = (id) => document.querySelector(`[data-testid="${id}"]`);
            const read = (id) => ({text: q(id).textContent, value: q(id).dataset.value});
            const firstRow = q('themes-data').querySelector('tbody tr');
            return {
              expected,
              lastReport: window.newslensPage.lastReport,
              shown: {
                compound: read('tone-compound'), label: read('tone-label'),
                positive: read('tone-positive'), negative: read('tone-negative'),
                neutral: read('tone-neutral'), gdelt: read('tone-gdelt'),
                primary: read('primary-theme'), words: read('stat-words'),
                sentences: read('stat-sentences'),
                topTheme: firstRow.querySelector('th').textContent,
                topScore: firstRow.querySelectorAll('td')[0].textContent,
                themeRows: q('themes-data').querySelectorAll('tbody tr').length,
                arcRows: q('arc-data').querySelectorAll('tbody tr').length,
                textarea: q('article-input').value,
                article: q('article').textContent,
              },
            };
          });
          assert.equal(expected.schema, 'newslens/report@2');
          // The article view asks for the per-word mentions and each sentence's themes (it draws
          // them); the sentences are report@2's [start, end, compound] arrays.
          assert.ok(expected.mentions.length > 0 && expected.sentence_themes.length === expected.sentences.length);
          assert.ok(expected.sentences.every((s) => Array.isArray(s) && s.length >= 3));
          assert.deepEqual(lastReport, expected, 'the page shows the report the module returns');
          assert.deepEqual(await page.evaluate(() => NewsLensSample.report), expected,
                           'the report built with the page is the module\'s');
          const {tone} = expected;
          assert.equal(shown.compound.value, String(tone.compound));
          assert.equal(shown.compound.text, signed(tone.compound));
          assert.equal(shown.label.value, tone.label);
          assert.equal(shown.label.text, tone.label);
          assert.equal(shown.positive.value, String(tone.positive));
          assert.equal(shown.negative.value, String(tone.negative));
          assert.equal(shown.neutral.value, String(tone.neutral));
          assert.equal(shown.gdelt.value, String(tone.gdelt_tone));
          assert.equal(shown.primary.value, expected.primary_theme);
          assert.ok(expected.top_level.length > 0, 'the sample matches some theme');
          assert.equal(shown.primary.text, expected.top_level[0].label);
          assert.equal(shown.topTheme, expected.top_level[0].label);
          assert.equal(shown.topScore, String(expected.top_level[0].score));
          assert.equal(shown.themeRows, expected.top_level.length);
          assert.equal(shown.arcRows, expected.sentences.length);
          assert.equal(shown.words.value, String(expected.stats.words));
          assert.equal(shown.sentences.value, String(expected.stats.sentences));
          const sample = await page.evaluate(() => NewsLensSample.text);
          assert.equal(shown.textarea, sample, 'the textarea holds the sample as analysed');
          assert.equal(shown.article, sample, 'the article view shows the text unchanged');

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

      test('pasted markup is shown as text and never runs', async () => {
        const base = baseOf();
        const {context, page, log} = await openPage(env.browser(), base + 'index.html');
        try {
          await analysed(page, 0);
          const payload = 'Sanctions hurt. <img src=x onerror=alert(1)> and ' +
              '<script>alert(2); window.__pwned = true</script> ' +
              '<img src="x" onerror="window.__pwned = true"> China welcomed the peace talks.';
          await page.fill('[data-testid="article-input"]', payload);
          await clickAndWait(page, '[data-testid="analyze"]');
          const result = await page.evaluate(() => {
            const article = document.querySelector('[data-testid="article"]');
            return {
              text: article.textContent,
              elements: [...article.querySelectorAll('*')].map((e) => e.tagName.toLowerCase() +
                  (e.tagName === 'DIV' ? `.${e.className}` : '')),
              pwned: window.__pwned === true,
              images: document.images.length,
              scripts: [...document.scripts].map((s) => s.src.split('/').pop()),
            };
          });
          assert.equal(result.text, payload);
          assert.deepEqual([...new Set(result.elements)]
              .filter((t) => !['span', 'mark', 'div.article-chunk'].includes(t)), []);
          assert.equal(result.pwned, false);
          assert.equal(result.images, 0);
          assert.deepEqual(result.scripts, ['newslens.js', 'sample.js', 'worker.js', 'app.js']);
          await page.waitForTimeout(200);  // give a stray onerror time to fire
          await assertClean(page, log);
          assertOnlyOwnFiles(log, base);
        } finally {
          await context.close();
        }
      });

      test('an opened .html file is reduced to its article text; its scripts never run', async () => {
        const base = baseOf();
        const {context, page, log} = await openPage(env.browser(), base + 'index.html');
        try {
          await analysed(page, 0);
          const html = `<!doctype html><html><head><title>Ceasefire talks resume</title>
<script>window.__pwned = true; alert('head')</script>
<link rel="stylesheet" href="https://example.invalid/style.css"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Ceasefire talks resume</h1>
<p>Diplomats from both countries met in Geneva on Monday to resume ceasefire talks, officials said.
The negotiations, which collapsed in spring, are aimed at a lasting peace agreement and new trade links.</p>
<img src="https://example.invalid/beacon.png" onerror="window.__pwned = true; alert('img')">
<p>Both delegations described the first session as constructive, although deep disagreements remain
over security guarantees and the sequencing of sanctions relief.</p>
<script>alert('body')</script>
<p>The talks continue on Tuesday with a session on prisoner exchanges and humanitarian corridors.</p>
</article><footer>Share this article · Subscribe · Back to top</footer></body></html>`;
          const n = await analysisCount(page);
          await page.setInputFiles('[data-testid="file-input"]', {
            name: 'talks.html', mimeType: 'text/html', buffer: Buffer.from(html)});
          await analysed(page, n);
          const {text, pwned, status} = await page.evaluate(() => ({
            text: document.querySelector('[data-testid="article-input"]').value,
            pwned: window.__pwned === true,
            status: document.querySelector('[data-testid="status"]').textContent,
          }));
          assert.equal(pwned, false);
          assert.match(text, /^Ceasefire talks resume\n\n/);
          assert.match(text, /Diplomats from both countries met in Geneva/);
          assert.match(text, /\n\nBoth delegations described/);
          assert.match(text, /humanitarian corridors\.$/);
          assert.doesNotMatch(text, /alert|__pwned|<|Home/);
          assert.match(status, /talks\.html/);
          await page.waitForTimeout(200);
          await assertClean(page, log);
          assertOnlyOwnFiles(log, base);
        } finally {
          await context.close();
        }
      });

      test('large input is analysed in a Blob-URL worker with the same result', async () => {
        const base = baseOf();
        const {context, page, log} = await openPage(env.browser(), base + 'index.html');
        try {
          await analysed(page, 0);
          const big = await page.evaluate(() => {
            const parts = [];
            for (let i = 0; parts.join('\n\n').length <= 200_000; i++) parts.push(NewsLensSample.text);
            return parts.join('\n\n');
          });
          const n = await analysisCount(page);
          // Setting the value directly: typing 200 KB through fill() works but is slow.
          await page.evaluate((t) => {
            document.querySelector('[data-testid="article-input"]').value = t;
          }, big);
          await page.click('[data-testid="analyze"]');
          await analysed(page, n);
          const {via, same, status} = await page.evaluate(async (t) => {
            const nl = await NewsLens.create();
            const local = nl.analyze(t, {tone: 'auto', detail: ['mentions', 'sentence_themes']});
            return {
              via: window.newslensPage.lastVia,
              same: JSON.stringify(local) === JSON.stringify(window.newslensPage.lastReport),
              status: document.querySelector('[data-testid="status"]').textContent,
            };
          }, big);
          assert.equal(via, 'worker');
          assert.ok(same, 'the worker and the main thread give the same report');
          const article = await page.evaluate(() => ({
            text: document.querySelector('[data-testid="article"]').textContent,
            chunks: document.querySelectorAll('[data-testid="article"] .article-chunk').length,
          }));
          assert.equal(article.text, big, 'the whole article is shown');
          assert.ok(article.chunks > 1, 'a long article is built in chunks');
          assert.match(status, /background worker/);
          await assertClean(page, log);
          assertOnlyOwnFiles(log, base);
        } finally {
          await context.close();
        }
      });
    });
  }

  describe('interaction (over http)', () => {
    test('a theme bar drills into sub-themes; a tone point jumps to its sentence', async () => {
      const base = env.httpBase();
      const {context, page, log} = await openPage(env.browser(), base + 'index.html');
      try {
        await analysed(page, 0);
        const report = await page.evaluate(() => window.newslensPage.lastReport);
        const top = report.top_level[0];
        await openTable(page, 'themes-table-toggle');

        const bar = await page.evaluate(() => {
          const el = window.newslensPage.charts.themes.getDatasetMeta(0).data[0];
          return {x: el.base + (el.x - el.base) / 2, y: el.y};
        });
        await page.click('[data-testid="themes-chart"]', {position: bar});
        await page.waitForSelector('[data-testid="themes-back"]:not([hidden])');
        const caption = await page.textContent('[data-testid="themes-data"] caption');
        assert.equal(caption, `Sub-themes of ${top.label}`);
        const subRows = await page.$$eval('[data-testid="themes-data"] tbody tr', (r) => r.length);
        assert.equal(subRows, report.themes.filter((t) => t.parent === top.id).length);
        const {n} = await paintedPixels(page, 'themes-chart');
        assert.ok(n > 100, 'the sub-theme chart drew');
        await page.click('[data-testid="themes-back"]');
        assert.equal(await page.textContent('[data-testid="themes-data"] caption'),
                     'Top-level themes');

        const target = report.sentences.findIndex((s) => s[2] !== 0);
        const point = await page.evaluate((i) => {
          const el = window.newslensPage.charts.arc.getDatasetMeta(0).data[i];
          return {x: el.x, y: el.y};
        }, target);
        await page.click('[data-testid="arc-chart"]', {position: point});
        const current = await page.waitForFunction(() => {
          const s = document.querySelector('.sentence.is-current');
          return s && s.dataset.sentence;
        }, null, {timeout: TIMEOUT_MS});
        assert.equal(Number(await current.jsonValue()), target);
        const focused = await page.evaluate(() => document.activeElement.dataset.sentence);
        assert.equal(Number(focused), target);
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test('keyboard only: load the sample, open a table, explain a highlight', async () => {
      const base = env.httpBase();
      const {context, page, log} = await openPage(env.browser(), base + 'index.html');
      try {
        await analysed(page, 0);
        await page.focus('[data-testid="load-sample"]');
        const n = await analysisCount(page);
        await page.keyboard.press('Enter');
        await analysed(page, n);

        await page.focus('[data-testid="themes-table-toggle"]');
        await page.keyboard.press('Enter');
        assert.equal(await page.getAttribute('[data-testid="themes-table-toggle"]', 'aria-expanded'),
                     'true');
        assert.equal(await page.isVisible('[data-testid="themes-data"]'), true);
        // Tab reaches the table's scroll box, then the first theme's button, which drills down.
        await page.keyboard.press('Tab');
        assert.equal(await page.evaluate(() => document.activeElement.getAttribute('role')), 'region');
        await page.keyboard.press('Tab');
        const focusedText = await page.evaluate(() => document.activeElement.textContent);
        const report = await page.evaluate(() => window.newslensPage.lastReport);
        assert.equal(focusedText, report.top_level[0].label);
        await page.keyboard.press('Enter');
        assert.equal(await page.textContent('[data-testid="themes-data"] caption'),
                     `Sub-themes of ${report.top_level[0].label}`);

        const mark = await page.$('[data-testid="article"] mark');
        await mark.focus();
        const why = await page.textContent('[data-testid="why"]');
        const explanation = await mark.getAttribute('data-why');
        assert.ok(explanation.length > 0);
        assert.equal(why, explanation.replace(/\n/g, ' · '));
        // ... and beside the word, where a keyboard (or a phone) user is looking.
        assert.equal(await page.textContent('[data-testid="why-pop"]'), explanation.replace(/\n/g, ''));
        assert.equal(await mark.getAttribute('aria-describedby'), 'why-pop');
        await assertClean(page, log);
      } finally {
        await context.close();
      }
    });

    test('fits a 360 px wide screen, in dark mode too', async () => {
      const base = env.httpBase();
      for (const colorScheme of ['light', 'dark']) {
        const {context, page, log} = await openPage(env.browser(), base + 'index.html',
                                                    {viewport: {width: 360, height: 740}, colorScheme});
        try {
          await analysed(page, 0);
          const {scrollWidth, bg} = await page.evaluate(() => ({
            scrollWidth: document.documentElement.scrollWidth,
            bg: getComputedStyle(document.body).backgroundColor,
          }));
          assert.ok(scrollWidth <= 360, `page is ${scrollWidth}px wide at 360px (${colorScheme})`);
          assert.equal(bg, colorScheme === 'dark' ? 'rgb(21, 23, 27)' : 'rgb(255, 255, 255)');
          for (const id of ['themes-chart', 'arc-chart']) {
            const {n} = await paintedPixels(page, id);
            assert.ok(n > 500, `${id} blank at 360px (${colorScheme})`);
          }
          await assertClean(page, log);
        } finally {
          await context.close();
        }
      }
    });

    test('screenshots of the main views (test-results/screenshots/, for review)', async () => {
      const dir = SCREENSHOTS;
      mkdirSync(dir, {recursive: true});
      const shoot = async (name, options, act) => {
        const {context, page, log} = await openPage(env.browser(), env.httpBase() + 'index.html', options);
        try {
          await analysed(page, 0);
          await act(page);
          await page.evaluate(() => document.activeElement.blur());
          await page.screenshot({path: join(dir, `${name}.png`)});
          await assertClean(page, log);
        } finally {
          await context.close();
        }
      };
      await shoot('overview-dark', {colorScheme: 'dark'}, async () => {});
      await shoot('phone-360', {viewport: {width: 360, height: 780}}, async () => {});
      await shoot('themes-drilled', {}, async (page) => {
        await page.click('[data-testid="themes-table-toggle"]');
        await page.click('[data-testid="themes-data"] tbody button');
        await page.locator('.themes-card').scrollIntoViewIfNeeded();
      });
      await shoot('article-following', {}, async (page) => {
        const name = await page.evaluate(() => window.newslensPage.lastReport.entities[0].name);
        await page.selectOption('[data-testid="focus-select"]', {label: name});
        await page.evaluate(() => document.querySelector('.article-card').scrollIntoView());
      });
      await shoot('compare', {}, async (page) => {
        await page.fill('[data-testid="compare-input"]', 'Floods swept through the valley, ' +
            'killing dozens. Rescue teams struggled as the disaster worsened. The government ' +
            'promised money for reconstruction; the economy minister said trade would suffer.');
        await page.click('[data-testid="compare-run"]');
        await page.waitForFunction(() => window.newslensPage.compareCount === 1);
        await page.evaluate(() => document.querySelector('.compare-card').scrollIntoView());
      });
    });

    test('axe-core finds no serious or critical violations', async () => {
      const base = env.httpBase();
      const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
      for (const colorScheme of ['light', 'dark']) {
        const {context, page} = await openPage(env.browser(), base + 'index.html', {colorScheme});
        try {
          await analysed(page, 0);
          // Show the comparison and open every table so axe sees them too.
          await page.fill('[data-testid="compare-input"]', 'Markets rallied as inflation eased.');
          await page.click('[data-testid="compare-run"]');
          await page.waitForFunction(() => window.newslensPage.compareCount === 1);
          for (const b of await page.$$('#article-mode .table-toggle')) await b.click();
          await page.evaluate(axeSource);  // DevTools evaluation: not subject to the page's CSP
          const violations = await page.evaluate(async () => {
            const r = await window.axe.run(document, {resultTypes: ['violations']});
            return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${v.nodes[0].target.join(' ')}`);
          });
          assert.deepEqual(violations, [], `${colorScheme}:\n${violations.join('\n')}`);
        } finally {
          await context.close();
        }
      }
    });
  });
}
