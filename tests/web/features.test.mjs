// The page's features exercised as a person would use them (issue 6): leaving boilerplate out,
// following a theme or an entity through every view, saving files, remembering the last article,
// dropping and opening files, cancelling a long analysis, printing.

import assert from 'node:assert/strict';
import {readFileSync} from 'node:fs';
import {describe, test} from 'node:test';

import {
  analysed, analysisCount, assertClean, assertOnlyOwnFiles, clickAndWait, downloadText, openPage,
  openTable, paintedPixels, parseCsv, TIMEOUT_MS, withPage,
} from './harness.mjs';

withPage((env) => {
  /** Opens the page over http, waits for the first (sample) analysis, runs `body`, checks. */
  async function session(body, {base = env.httpBase(), context, cleanOptions} = {}) {
    const opened = await openPage(env.browser(), base + 'index.html', {context});
    try {
      await analysed(opened.page, 0);
      await body(opened);
      await assertClean(opened.page, opened.log, cleanOptions);
      assertOnlyOwnFiles(opened.log, base);
    } finally {
      if (!context) await opened.context.close();
      else await opened.page.close();
    }
  }

  const report = (page) => page.evaluate(() => window.newslensPage.lastReport);

  describe('boilerplate', () => {
    test('page furniture and a repeated paragraph in the sample are flagged and can be left out', () =>
      session(async ({page}) => {
        assert.equal(await page.isVisible('[data-testid="cleanup"]'), true);
        const flagged = await page.$$eval('[data-testid="cleanup-list"] li', (li) => li.map((x) => x.textContent));
        assert.equal(flagged.length, 4, flagged.join('\n'));
        assert.ok(flagged.some((f) => /Back to top button/.test(f) && /page furniture/.test(f)));
        assert.ok(flagged.some((f) => /repeats paragraph 3/.test(f)));
        const before = await report(page);

        const n = await analysisCount(page);
        await page.check('[data-testid="exclude-flagged"]');
        await analysed(page, n);
        const {text, after, again} = await page.evaluate(async () => {
          const nl = await NewsLens.create();
          const t = window.newslensPage.lastText;
          return {text: t, after: window.newslensPage.lastReport, again: nl.analyze(t, {tone: 'auto', detail: ['mentions', 'sentence_themes']})};
        });
        assert.doesNotMatch(text, /Back to top|Related Articles|Leave a Reply/);
        assert.equal(text.split('I will shortly travel to the Russian Federation').length - 1, 1);
        assert.deepEqual(after, again, 'the report is the module\'s for the cleaned text');
        assert.ok(after.stats.words < before.stats.words);
        assert.equal(await page.textContent('[data-testid="article"]'), text);
      }));
  });

  describe('linked views', () => {
    test('following an entity fades the rest of every view and keeps its highlights', () =>
      session(async ({page}) => {
        const r = await report(page);
        const entity = r.entities[0];
        await page.selectOption('[data-testid="focus-select"]', {label: entity.name});
        const seen = await page.evaluate((name) => {
          const marks = [...document.querySelectorAll('[data-testid="article"] mark.is-focus')];
          const charts = window.newslensPage.charts;
          const actors = charts.actors.data.datasets[0].backgroundColor;
          const radii = charts.arc.data.datasets[0].pointRadius;
          return {
            marks: marks.length,
            allName: marks.every((m) => m.dataset.entities.split('|').includes(name)),
            hasFocus: document.querySelector('[data-testid="article"]').classList.contains('has-focus'),
            actorsFaded: actors.filter((c) => c.length === 9).length,
            actorsFull: actors.filter((c) => c.length === 7).length,
            bigPoints: Array.isArray(radii) ? radii.filter((x, i) => x > radii.reduce((a, b) => Math.min(a, b))).length : 0,
            why: document.querySelector('[data-testid="why"]').textContent,
            focus: window.newslensPage.focus,
          };
        }, entity.name);
        const ranges = new Set(r.mentions.filter((m) => m.kind === 'entity' && m.name === entity.name)
            .map((m) => `${m.start}:${m.end}`));
        assert.equal(seen.marks, ranges.size);
        assert.ok(seen.allName);
        assert.ok(seen.hasFocus);
        assert.deepEqual(seen.focus, {kind: 'entity', name: entity.name});
        assert.equal(seen.actorsFull, 1, 'only the followed entity keeps its full colour');
        assert.ok(seen.actorsFaded >= 1);
        assert.ok(seen.bigPoints > 0, 'the sentences naming it stand out on the tone arc');
        assert.match(seen.why, new RegExp(`Following ${entity.name}: ${ranges.size} highlights`));

        await page.click('[data-testid="focus-clear"]');
        assert.equal(await page.$$eval('mark.is-focus', (m) => m.length), 0);
        assert.equal(await page.evaluate(() => window.newslensPage.focus), null);
      }));

    test('Enter on a highlighted word follows its theme; Enter again shows all', () =>
      session(async ({page}) => {
        const mark = page.locator('[data-testid="article"] mark[data-themes]').first();
        const theme = (await mark.getAttribute('data-themes')).split(' ')[0];
        await mark.focus();
        await page.keyboard.press('Enter');
        assert.deepEqual(await page.evaluate(() => window.newslensPage.focus), {kind: 'theme', id: theme});
        assert.equal(await mark.evaluate((m) => m.classList.contains('is-focus')), true);
        const bars = await page.evaluate(() =>
          window.newslensPage.charts.themes.data.datasets[0].backgroundColor
              .map((c) => (typeof c === 'string' ? c : c.$colour)).filter((c) => c.length === 7).length);
        assert.equal(bars, 1, 'only its top-level theme keeps full colour in the themes chart');
        await page.keyboard.press('Enter');
        assert.equal(await page.evaluate(() => window.newslensPage.focus), null);
      }));

    test('a bar in "tone per theme" selects that theme everywhere', () =>
      session(async ({page}) => {
        const r = await report(page);
        const bar = await page.evaluate(() => {
          const el = window.newslensPage.charts.themeTone.getDatasetMeta(0).data[0];
          return {x: (el.base + el.x) / 2, y: el.y};
        });
        await page.click('[data-testid="theme-tone-chart"]', {position: bar});
        const themeId = r.themes.filter((t) => typeof t.tone === 'number')[0].id;
        // Chart.js handles pointer events on the next animation frame.
        const focus = await (await page.waitForFunction(() => window.newslensPage.focus)).jsonValue();
        assert.deepEqual(focus, {kind: 'theme', id: themeId});
        assert.equal(await page.inputValue('[data-testid="focus-select"]'), JSON.stringify(focus));
        const marks = await page.$$eval('mark.is-focus', (m) => m.map((x) => x.dataset.themes || ''));
        assert.ok(marks.length > 0);
        assert.ok(marks.every((t) => t.split(' ').some((id) => id === themeId ||
            id.startsWith(`${themeId}.`) || themeId.startsWith(`${id}.`))));
      }));
  });

  for (const [name, baseOf] of [['http', env.httpBase], ['file', env.fileBase]]) {
    test(`saving over ${name}: report JSON, themes and sentences CSV, chart PNG`, () =>
      session(async ({page}) => {
        const r = await report(page);
        const text = await page.evaluate(() => window.newslensPage.lastText);
        const save = async (testid) => {
          const [download] = await Promise.all([page.waitForEvent('download'),
                                                page.click(`[data-testid="${testid}"]`)]);
          return download;
        };

        const json = await save('export-json');
        assert.match(json.suggestedFilename(), /^newslens-full-letter-xi-jinping.*\.json$/);
        assert.deepEqual(JSON.parse(await downloadText(json)), r);

        const themes = parseCsv(await downloadText(await save('export-themes')));
        assert.deepEqual(themes[0], ['id', 'label', 'level', 'parent', 'iptc', 'count', 'score',
                                     'share', 'per_1000_words', 'tone', 'terms']);
        // One row per theme id (a top level that also has general terms is one row, not two).
        assert.equal(themes.length - 1,
                     new Set([...r.top_level, ...r.themes].map((t) => t.id)).size);
        assert.deepEqual(themes[1].slice(0, 3), [r.top_level[0].id, r.top_level[0].label, 'top']);
        assert.equal(Number(themes[1][6]), r.top_level[0].score);

        const sentences = parseCsv(await downloadText(await save('export-sentences')));
        assert.equal(sentences.length - 1, r.sentences.length);
        const [start, end, compound] = r.sentences[1];
        assert.deepEqual(sentences[2].slice(0, 4).map(Number), [2, start, end, compound]);
        assert.equal(sentences[2][4], r.sentences[1][3] || r.tone.lexicon, 'the lexicon that scored it');
        assert.equal(sentences[2][5], r.sentence_themes[1].join(' '));
        assert.equal(sentences[2][6], text.slice(start, end).replace(/\s+/g, ' '));

        for (const chart of ['themes', 'arc', 'theme-tone', 'actors']) {
          const png = readFileSync(await (await save(`${chart}-png`)).path());
          assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], `${chart} PNG`);
          assert.ok(png.length > 2000, `${chart} PNG has content`);
        }
      }, {base: baseOf()}));
  }

  describe('files', () => {
    test('a .md file opened through the file chooser loses its markup', () =>
      session(async ({page}) => {
        const md = '# Trade talks stall\n\nThe **European Union** and [China](https://example.invalid) ' +
                   'failed to agree on *tariffs*.\n\n* Exports fell\n* Imports rose\n';
        const n = await analysisCount(page);
        const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                                             page.click('[data-testid="open-file"]')]);
        await chooser.setFiles({name: 'talks.md', mimeType: 'text/markdown', buffer: Buffer.from(md)});
        await analysed(page, n);
        assert.equal(await page.inputValue('[data-testid="article-input"]'),
                     'Trade talks stall\n\nThe European Union and China failed to agree on tariffs.\n\n' +
                     '- Exports fell\n- Imports rose');
        assert.match(await page.textContent('[data-testid="status"]'), /talks\.md/);
      }));

    test('a .txt file dropped on the text box is analysed', () =>
      session(async ({page}) => {
        const n = await analysisCount(page);
        const dataTransfer = await page.evaluateHandle(() => {
          const dt = new DataTransfer();
          dt.items.add(new File(['Floods hit the coast. Rescue teams saved hundreds of people.'],
                                'floods.txt', {type: 'text/plain'}));
          return dt;
        });
        await page.dispatchEvent('[data-testid="article-input"]', 'drop', {dataTransfer});
        await analysed(page, n);
        const r = await report(page);
        assert.equal(r.stats.sentences, 2);
        assert.match(await page.textContent('[data-testid="status"]'), /floods\.txt/);
      }));
  });

  describe('compare', () => {
    test('a second article is set beside the first on shared axes', () =>
      session(async ({page}) => {
        const b = 'Floods swept through the valley, killing dozens and destroying homes. ' +
                  'Rescue teams struggled as the disaster worsened. Aid agencies warned of disease.';
        await page.fill('[data-testid="compare-input"]', b);
        await page.click('[data-testid="compare-run"]');
        await page.waitForFunction(() => window.newslensPage.compareCount === 1);
        await openTable(page, 'compare-themes-table-toggle');
        await openTable(page, 'compare-tone-table-toggle');
        const got = await page.evaluate(async (text) => {
          const nl = await NewsLens.create();
          // The comparison draws totals and the tone arc: it asks for report@2's default parts.
          const expected = nl.analyze(text, {tone: 'auto'});
          const a = window.newslensPage.lastReport;
          const rows = [...document.querySelectorAll('[data-testid="compare-themes-data"] tbody tr')]
              .map((tr) => [...tr.children].map((c) => c.textContent));
          const tone = [...document.querySelectorAll('[data-testid="compare-tone-data"] tbody tr')]
              .map((tr) => [...tr.children].map((c) => c.textContent));
          return {a, expected, b: window.newslensPage.compareReport, rows, tone,
                  summary: document.querySelector('[data-testid="compare-summary"]').textContent};
        }, b);
        assert.deepEqual(got.b, got.expected);
        assert.equal(got.b.mentions, undefined, 'the comparison asks for no per-word detail');
        const per1000 = (score, words) => Math.round((score / words) * 10000) / 10;
        const labels = new Set([...got.a.top_level, ...got.b.top_level].map((t) => t.label));
        assert.equal(got.rows.length, labels.size, 'one row per theme of either article');
        for (const [label, a, b] of got.rows) {
          const ta = got.a.top_level.find((t) => t.label === label);
          const tb = got.b.top_level.find((t) => t.label === label);
          assert.equal(Number(a), ta ? per1000(ta.score, got.a.stats.words) : 0, `${label} A`);
          assert.equal(Number(b), tb ? per1000(tb.score, got.b.stats.words) : 0, `${label} B`);
        }
        assert.deepEqual(got.tone[1], ['Label', got.a.tone.label, got.b.tone.label]);
        assert.match(got.summary, /^A \(the article above\): .+B: .+/);
        for (const id of ['compare-themes-chart', 'compare-tone-chart', 'compare-arc-chart']) {
          assert.ok((await paintedPixels(page, id)).n > 500, `${id} drew`);
        }
      }));
  });

  describe('offsets', () => {
    test('with emoji and non-Latin text every highlight covers exactly its mention', () =>
      session(async ({page}) => {
        const text = '🎉 Great news: Россия и Китай 🤝 signed a peace deal in Москва. ' +
                     'Trade 📈 rose strongly; critics 😡 called the sanctions a terrible failure. ' +
                     'Ευρώπη watched as China and Russia pledged cooperation 🇨🇳🇷🇺.';
        await page.fill('[data-testid="article-input"]', text);
        await clickAndWait(page, '[data-testid="analyze"]');
        const {mentions, marks, article} = await page.evaluate(() => {
          const r = window.newslensPage.lastReport;
          const a = document.querySelector('[data-testid="article"]');
          // Offset of each mark: the length of the text before it.
          const marks = [...a.querySelectorAll('mark.hl')].map((m) => {
            const range = document.createRange();
            range.setStart(a, 0);
            range.setEndBefore(m);
            const start = range.toString().length;
            return {start, end: start + m.textContent.length};
          });
          return {mentions: r.mentions, marks, article: a.textContent};
        });
        assert.equal(article, text);
        assert.ok(mentions.length >= 5, `expected several mentions, got ${mentions.length}`);
        const covered = new Set(marks.map((m) => `${m.start}:${m.end}`));
        for (const m of mentions) {
          assert.ok(covered.has(`${m.start}:${m.end}`),
                    `mention ${JSON.stringify(m)} ("${text.slice(m.start, m.end)}") has its own highlight`);
          assert.doesNotMatch(text.slice(m.start, m.end), /^\s|\s$/, 'offsets land on word edges');
        }
      }));
  });

  describe('more input', () => {
    test('pasted HTML source is reduced to the article text, and none of it runs', () =>
      session(async ({page}) => {
        const html = '<!doctype html><html><head><title>Budget vote</title>' +
            '<script>window.__pwned = true</script></head><body><article><h1>Budget vote</h1>' +
            '<p>Parliament approved the budget on Friday after a long debate.</p>' +
            '<p>The opposition called the spending plan reckless.</p>' +
            '<img src="https://example.invalid/x.png" onerror="window.__pwned = true"></article></body></html>';
        await page.fill('[data-testid="article-input"]', '');
        await page.focus('[data-testid="article-input"]');
        await page.evaluate((h) => {
          const dt = new DataTransfer();
          dt.setData('text/plain', h);
          document.querySelector('[data-testid="article-input"]')
              .dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));
        }, html);
        assert.equal(await page.inputValue('[data-testid="article-input"]'),
                     'Budget vote\n\nParliament approved the budget on Friday after a long debate.\n\n' +
                     'The opposition called the spending plan reckless.');
        assert.match(await page.textContent('[data-testid="status"]'), /reduced to its article text/);
        await clickAndWait(page, '[data-testid="analyze"]');
        await page.waitForTimeout(200);
        assert.equal(await page.evaluate(() => window.__pwned === true), false);
      }));

    test('a .json file with a text field is opened; a report is refused with a reason', () =>
      session(async ({page}) => {
        const open = async (name, data) => {
          const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                                               page.click('[data-testid="open-file"]')]);
          await chooser.setFiles({name, mimeType: 'application/json', buffer: Buffer.from(data)});
        };
        const n = await analysisCount(page);
        await open('story.json', JSON.stringify({id: 7, title: 'Harvest up', text: 'Farmers reported a record harvest.'}));
        await analysed(page, n);
        assert.equal(await page.inputValue('[data-testid="article-input"]'),
                     'Harvest up\n\nFarmers reported a record harvest.');
        const r = await report(page);
        await open('report.json', JSON.stringify(r));
        await page.waitForFunction(() => /newslens report/.test(
            document.querySelector('[data-testid="status"]').textContent));
        assert.equal(await analysisCount(page), n + 1, 'nothing analysed');
      }));
  });

  describe('remembering', () => {
    test('the last article comes back after a reload, until the reader says forget', async () => {
      const context = await env.browser().newContext({viewport: {width: 1280, height: 900}});
      context.setDefaultTimeout(TIMEOUT_MS);
      try {
        const mine = 'The central bank raised interest rates again. Markets fell sharply.';
        await session(async ({page}) => {
          await page.fill('[data-testid="article-input"]', mine);
          await page.selectOption('[data-testid="tone-option"]', 'finance');
          await clickAndWait(page, '[data-testid="analyze"]');
        }, {context});
        await session(async ({page}) => {
          assert.equal(await page.inputValue('[data-testid="article-input"]'), mine);
          assert.equal(await page.inputValue('[data-testid="tone-option"]'), 'finance');
          assert.equal(await page.evaluate(() => window.newslensPage.lastText), mine);
          await page.uncheck('[data-testid="remember"]');
          assert.match(await page.textContent('[data-testid="status"]'), /Forgotten/);
        }, {context});
        await session(async ({page}) => {
          const text = await page.evaluate(() => window.newslensPage.lastText);
          assert.equal(text, await page.evaluate(() => NewsLensSample.text), 'back to the sample');
          assert.equal(await page.isChecked('[data-testid="remember"]'), false);
          const kept = await page.evaluate(() => Object.keys(localStorage));
          assert.deepEqual(kept, ['newslens:remember@1'], 'only the choice not to remember is kept');
        }, {context});
      } finally {
        await context.close();
      }
    });
  });

  describe('large input', () => {
    test('Cancel stops a worker analysis; the next one still runs', () =>
      session(async ({page}) => {
        const n = await analysisCount(page);
        const status = await page.evaluate(async () => {
          const input = document.querySelector('[data-testid="article-input"]');
          input.value = Array(40).fill(NewsLensSample.text).join('\n\n');  // ~490 KB
          document.querySelector('[data-testid="analyze"]').click();
          const shown = !document.querySelector('#progress-row').hidden;
          document.querySelector('[data-testid="cancel"]').click();
          await new Promise((r) => setTimeout(r, 50));
          return {shown, text: document.querySelector('[data-testid="status"]').textContent};
        });
        assert.ok(status.shown, 'progress and Cancel are shown for large input');
        assert.equal(status.text, 'Analysis cancelled.');
        assert.equal(await analysisCount(page), n);
        await clickAndWait(page, '[data-testid="analyze"]');
        assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'worker');
      }));
  });

  describe('large input: honest progress', () => {
    test('a worker analysis shows an indeterminate progressbar, the time elapsed and Cancel, accessibly', () =>
      session(async ({page}) => {
        const n = await analysisCount(page);
        // ~2 MB: long enough to still be running when the checks below are made.
        const busy = await page.evaluate(() => {
          const input = document.querySelector('[data-testid="article-input"]');
          input.value = Array(165).fill(NewsLensSample.text).join('\n\n');
          document.querySelector('[data-testid="analyze"]').click();
          const bar = document.querySelector('[data-testid="progress"]');
          return {
            shown: !document.querySelector('#progress-row').hidden,
            indeterminate: !bar.hasAttribute('value') && bar.position === -1,
            resultsBusy: document.querySelector('[data-testid="results"]').getAttribute('aria-busy'),
            elapsed: document.querySelector('[data-testid="progress-elapsed"]').textContent,
            cancelVisible: !!document.querySelector('[data-testid="cancel"]').offsetParent,
          };
        });
        assert.deepEqual(busy, {shown: true, indeterminate: true, resultsBusy: 'true',
                                elapsed: '0.0 s elapsed', cancelVisible: true});
        // What assistive technology is told: a progressbar with a name, the elapsed time as its
        // description, and no value (aria-valuenow) because none is known.
        const cdp = await page.context().newCDPSession(page);
        const {root} = await cdp.send('DOM.getDocument', {depth: 0});
        const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector: '[data-testid="progress"]'});
        const {nodes} = await cdp.send('Accessibility.getPartialAXTree', {nodeId, fetchRelatives: false});
        const bar = nodes.find((x) => !x.ignored);
        assert.equal(bar.role.value, 'progressbar');
        assert.equal(bar.name.value, 'Analysing in a background worker');
        assert.match(bar.description.value, /^\d+\.\d s elapsed$/);
        const props = Object.fromEntries((bar.properties || []).map((x) => [x.name, x.value.value]));
        assert.equal('valuenow' in props, false, `an indeterminate bar has no value: ${JSON.stringify(props)}`);
        // Cancel, if the analysis is still running (its row goes away once the report is back).
        const cancelled = await page.evaluate(async () => {
          if (document.querySelector('#progress-row').hidden) return null;
          document.querySelector('[data-testid="cancel"]').click();
          await new Promise((r) => setTimeout(r, 0));
          return document.querySelector('[data-testid="status"]').textContent;
        });
        assert.equal(cancelled, 'Analysis cancelled.', 'the analysis was still running, and Cancel stopped it');
        assert.equal(await page.getAttribute('[data-testid="results"]', 'aria-busy'), 'false');
        assert.equal(await page.isVisible('#progress-row'), false);
        assert.equal(await analysisCount(page), n);
      }));
  });

  describe('the sample\'s built report', () => {
    test('is used only while it is the module\'s: another lexicon, an edit or a dictionary goes to the module', () =>
      session(async ({page}) => {
        assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'build');
        const viaModule = async (label) => {
          assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'main', label);
          const {shown, again} = await page.evaluate(async () => {
            const tone = document.querySelector('[data-testid="tone-option"]').value;
            return {shown: window.newslensPage.lastReport,
                    again: (await NewsLens.create()).analyze(window.newslensPage.lastText, {tone, detail: ['mentions', 'sentence_themes']})};
          });
          assert.deepEqual(shown, again, label);
        };
        await page.selectOption('[data-testid="tone-option"]', 'general');
        await clickAndWait(page, '[data-testid="analyze"]');
        await viaModule('another lexicon');
        await page.selectOption('[data-testid="tone-option"]', 'auto');  // the page's default, as built
        await clickAndWait(page, '[data-testid="load-sample"]');
        assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'build');
        await page.fill('[data-testid="article-input"]', (await page.inputValue('[data-testid="article-input"]')) + ' Peace.');
        await clickAndWait(page, '[data-testid="analyze"]');
        await viaModule('an edited sample');
      }));
  });

  describe('custom dictionaries', () => {
    const BEATS = '%\n1\tPartnership\n2\tGrowth\n%\nfriend*\t1\ncooperat*\t1\npartner*\t1\ndevelop*\t2\n';
    const addDictionary = async (page, name, text) => {
      const [chooser] = await Promise.all([page.waitForEvent('filechooser'),
                                           page.click('[data-testid="open-dictionary"]')]);
      await chooser.setFiles({name, mimeType: 'text/plain', buffer: Buffer.from(text)});
    };
    const listed = (page) => page.$$eval('[data-testid="dictionary-list"] li span', (s) => s.map((x) => x.textContent));

    test('a LIWC .dic adds its categories everywhere; malformed ones are refused with file, line and column; removing restores the built-ins', () =>
      session(async ({page}) => {
        const n = await analysisCount(page);
        await addDictionary(page, 'beats.dic', BEATS);
        await analysed(page, n);
        assert.deepEqual(await listed(page), ['beats.dic']);
        assert.match(await page.textContent('[data-testid="status"]'),
                     /^Added the dictionary beats\.dic; the article was analysed again\. Analysed [\d,]+ words/);
        const custom = await page.evaluate(async (text) => {
          const nl = await NewsLens.create({dictionaries: [{name: 'beats.dic', text}]});
          return nl.analyze(window.newslensPage.lastText, {tone: 'auto', detail: ['mentions', 'sentence_themes']});
        }, BEATS);
        assert.deepEqual(await report(page), custom, 'the page shows the custom analyzer\'s report');
        const labels = custom.top_level.map((t) => t.label);
        assert.ok(labels.includes('Partnership') && labels.includes('Growth'), labels.join(', '));
        await openTable(page, 'themes-table-toggle');
        const rows = await page.$$eval('[data-testid="themes-data"] tbody th', (th) => th.map((x) => x.textContent));
        assert.ok(rows.includes('Partnership'), 'the themes view lists the custom category');

        // Malformed: a .dic naming a category it never declared, and broken JSON.
        const before = await analysisCount(page);
        await addDictionary(page, 'bad.dic', '%\n1\tBeats\n%\ngoalkeeper\t7\n');
        await page.waitForFunction(() => window.newslensPage.dictionaryErrors === 1);
        const status = page.locator('[data-testid="status"]');
        assert.equal(await status.getAttribute('data-kind'), 'error');
        assert.equal(await status.textContent(), 'Could not use the dictionary bad.dic: line 4, column 1: ' +
                     'unknown category "7". newslens goes on with the dictionaries it had (beats.dic).');
        await addDictionary(page, 'bad.json', '{"format": "newslens/themes@1",\n "themes": [ {"id": 3 ]}');
        await page.waitForFunction(() => window.newslensPage.dictionaryErrors === 2);
        assert.match(await status.textContent(), /^Could not use the dictionary bad\.json: line 2, column \d+: .+\. newslens goes on with the dictionaries it had \(beats\.dic\)\.$/);
        assert.deepEqual(await listed(page), ['beats.dic']);
        assert.equal(await analysisCount(page), before, 'nothing was analysed with a broken dictionary');

        // The page keeps working with what it had: here and in the worker.
        await clickAndWait(page, '[data-testid="analyze"]');
        assert.deepEqual(await report(page), custom);
        const big = await page.evaluate(() => Array(20).fill(window.newslensPage.lastText).join('\n\n'));
        const m = await analysisCount(page);
        await page.evaluate((t) => {
          document.querySelector('[data-testid="article-input"]').value = t;
          document.querySelector('[data-testid="analyze"]').click();
        }, big);
        await analysed(page, m);
        assert.equal(await page.evaluate(() => window.newslensPage.lastVia), 'worker');
        const bigReport = await report(page);
        const bigCustom = await page.evaluate(async ([text, t]) => {
          const nl = await NewsLens.create({dictionaries: [{name: 'beats.dic', text}]});
          return nl.analyze(t, {tone: 'auto', detail: ['mentions', 'sentence_themes']});
        }, [BEATS, big]);
        assert.deepEqual(bigReport, bigCustom, 'the worker uses the custom dictionary too');

        // Corpus mode uses it as well.
        await page.click('[data-testid="tab-corpus"]');
        const runs = await page.evaluate(() => window.newslensPage.corpus.runs);
        await page.setInputFiles('[data-testid="corpus-files"]', {name: 'two.jsonl', mimeType: 'application/x-ndjson',
            buffer: Buffer.from(['Our partners develop friendly cooperation.', 'Partnership and development.']
                .map((text) => JSON.stringify({text})).join('\n'))});
        await page.waitForFunction((r) => window.newslensPage.corpus.runs > r &&
            window.newslensPage.corpus.state === 'done', runs);
        const themes = await page.evaluate(() => window.newslensPage.corpus.aggregate().top_level.map((t) => t.label));
        assert.ok(themes.includes('Partnership'), themes.join(', '));
        await page.click('[data-testid="tab-article"]');

        // Removing it goes back to the built-in dictionaries.
        const k = await analysisCount(page);
        await page.click('[data-testid="dictionary-remove"]');
        await analysed(page, k);
        assert.equal(await page.isVisible('[data-testid="dictionary-list"]'), false);
        const plain = await page.evaluate(async () => (await NewsLens.create()).analyze(window.newslensPage.lastText, {tone: 'auto', detail: ['mentions', 'sentence_themes']}));
        assert.deepEqual(await report(page), plain);
        assert.match(await status.textContent(), /^Removed the dictionary beats\.dic/);
      }, {cleanOptions: {}}));

    test('custom dictionaries are remembered with the settings, and forgotten with them', async () => {
      const context = await env.browser().newContext({viewport: {width: 1280, height: 900}});
      context.setDefaultTimeout(TIMEOUT_MS);
      try {
        await session(async ({page}) => {
          const n = await analysisCount(page);
          await addDictionary(page, 'beats.dic', BEATS);
          await analysed(page, n);
        }, {context});
        await session(async ({page}) => {
          assert.deepEqual(await listed(page), ['beats.dic'], 'the dictionary is back after a reload');
          assert.deepEqual(await page.evaluate(() => window.newslensPage.dictionaries), ['beats.dic']);
          assert.ok((await report(page)).top_level.some((t) => t.label === 'Partnership'),
                    'the first analysis already uses it');
          await page.uncheck('[data-testid="remember"]');
          assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), ['newslens:remember@1']);
        }, {context});
        await session(async ({page}) => {
          assert.equal(await page.isVisible('[data-testid="dictionary-list"]'), false);
          assert.ok(!(await report(page)).top_level.some((t) => t.label === 'Partnership'));
        }, {context});
      } finally {
        await context.close();
      }
    });

    test('a newslens JSON theme dictionary adds its themes and sub-themes', () =>
      session(async ({page}) => {
        const dict = JSON.stringify({format: 'newslens/themes@1', themes: [
          {id: 'letters', label: 'Letters'},
          {id: 'letters.friendship', label: 'Friendship', parent: 'letters', terms: ['friendship', 'friend*']}]});
        const n = await analysisCount(page);
        await addDictionary(page, 'letters.json', dict);
        await analysed(page, n);
        const r = await report(page);
        assert.ok(r.top_level.some((t) => t.label === 'Letters'));
        assert.ok(r.themes.some((t) => t.label === 'Friendship' && t.parent === 'letters'));
      }));
  });

  describe('print', () => {
    test('the printable summary drops the controls and keeps figures and article', () =>
      session(async ({page}) => {
        await page.emulateMedia({media: 'print'});
        const shown = await page.evaluate(() => Object.fromEntries(
            ['input-panel', 'tone-figure', 'themes-chart', 'article', 'export-json']
                .map((id) => {
                  const el = document.querySelector(`[data-testid="${id}"]`);
                  return [id, el.getClientRects().length > 0];
                })));
        assert.deepEqual(shown, {'input-panel': false, 'tone-figure': true, 'themes-chart': true,
                                 'article': true, 'export-json': false});
        const {n} = await paintedPixels(page, 'themes-chart');
        assert.ok(n > 500);
      }));
  });
});
