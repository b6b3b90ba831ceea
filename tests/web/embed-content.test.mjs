// What the embed widget reads and how it colours it (issue 20), in real Chromium from file://,
// with the built dist/newslens-embed.js: it leaves page furniture out the way the page's own
// boilerplate detection does (a story's tag line, comment headers with usernames, navigation and
// side bars), and a theme has the same colour in the widget as on the page.
//
//   node --test --test-concurrency=1 tests/web/embed-content.test.mjs

import assert from 'node:assert/strict';
import {copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {after, test} from 'node:test';
import {pathToFileURL} from 'node:url';

import {themeColour} from '../../web/src/theme-colours.js';
import {analysed, clickAndWait, dist, openPage, TIMEOUT_MS, withPage} from './harness.mjs';

const EMBED = join(dist, 'newslens-embed.js');
const ANALYZER = join(dist, 'newslens-analyzer.js');  // the widget's second file, loaded beside it

// An article page of our own: the story, a tag line and share bar in its footer, a related-links
// aside inside it, and a comment section with usernames and times.
const STORY = [
  'Parliament passed the budget on Thursday after a long night of debate, and the finance ' +
    'minister said the spending plan would protect hospitals and schools.',
  'The opposition called the plan reckless and warned that the deficit would grow. Several ' +
    'members of the governing coalition voted against it.',
  'Markets were calm after the vote, and the central bank said it would keep interest rates ' +
    'unchanged until the summer.',
];
const FIXTURE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'">
<title>Budget passes</title>
<script src="newslens-embed.js" defer></script>
</head><body>
<article id="story">
  <h1>Budget passes after night of debate</h1>
  ${STORY.map((p) => `<p>${p}</p>`).join('\n  ')}
  <aside><h2>Related</h2><ul><li><a href="#">Terrible floods destroy homes in the north</a></li></ul></aside>
  <footer>
    <p>Topics: Budget, Parliament, Economy disaster watch</p>
    <ul class="share"><li>Share on Facebook</li><li>Email</li></ul>
  </footer>
</article>
<news-lens for="story"><p>fallback</p></news-lens>
<section id="comments">
  <h2>Comments (3)</h2>
  <ol class="comment-list">
    <li><p class="comment-meta"><span class="comment-author">Vladimir_Ukraine_Fan</span> · 3 hours ago</p>
        <p>A sensible budget at last; the hospitals needed it.</p></li>
    <li><div class="meta">TrumpTower2024 · 2 hours ago</div>
        <p>The deficit will ruin us all.</p></li>
    <li><p>Brussels_Bureau | 1 hour ago</p>
        <p>Good for schools, bad for taxpayers.</p></li>
  </ol>
  <news-lens for="#comments .comment-list"><p>fallback</p></news-lens>
</section>
</body></html>
`;

let work = null;
after(() => {
  if (work) rmSync(work, {recursive: true, force: true});
});

/** Waits for widget `i` to settle and returns its text, report and theme bars' colours. */
async function widget(page, i) {
  await page.locator('news-lens').nth(i).scrollIntoViewIfNeeded();
  await page.waitForFunction((k) => {
    const el = document.querySelectorAll('news-lens')[k];
    return el && (el.state === 'ready' || el.state === 'error');
  }, i, {timeout: TIMEOUT_MS});
  return page.evaluate((k) => {
    const el = document.querySelectorAll('news-lens')[k];
    const r = el.shadowRoot;
    return {
      state: el.state, text: el.analyzedText, report: el.report,
      bars: [...r.querySelectorAll('[part~="theme"]')].map((li) => ({
        id: li.dataset.id, fill: li.querySelector('.fill').getAttribute('fill'),
        painted: getComputedStyle(li.querySelector('.fill')).fill})),
      mostNegative: r.querySelector('.most-negative')?.textContent ?? null,
    };
  }, i);
}

withPage((env) => {
  test('the widget leaves out a story\'s footer tag line, share bar, aside and comment headers', async () => {
    assert.ok(existsSync(EMBED), 'dist/newslens-embed.js is built');
    work = mkdtempSync(join(tmpdir(), 'newslens-embed-content-'));
    copyFileSync(EMBED, join(work, 'newslens-embed.js'));
    copyFileSync(ANALYZER, join(work, 'newslens-analyzer.js'));
    writeFileSync(join(work, 'budget.html'), FIXTURE);
    const {context, page, log} = await openPage(env.browser(), pathToFileURL(join(work, 'budget.html')).href);
    try {
      const story = await widget(page, 0);
      assert.equal(story.state, 'ready');
      assert.equal(story.text, ['Budget passes after night of debate', ...STORY].join('\n\n'));
      const names = story.report.entities.map((e) => e.name).join(', ');
      assert.doesNotMatch(names, /Facebook/);
      assert.ok(!story.report.top_level.some((t) => t.id === 'disaster'),
                'the related link and the tag line count for no theme');

      const comments = await widget(page, 1);
      assert.equal(comments.state, 'ready');
      assert.equal(comments.text, ['A sensible budget at last; the hospitals needed it.',
                                   'The deficit will ruin us all.',
                                   'Good for schools, bad for taxpayers.'].join('\n\n'));
      const actors = comments.report.entities.map((e) => e.name);
      for (const user of ['Vladimir', 'Ukraine', 'Trump', 'Brussels']) {
        assert.ok(!actors.some((a) => a.includes(user)), `a username counted as an actor: ${actors}`);
      }
      assert.deepEqual(log.errors, []);
      assert.deepEqual(log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:') &&
                                                  !u.startsWith('blob:')), [], 'no network request');
    } finally {
      await context.close();
    }
  });

  test('on the example news page, the card\'s most negative sentence is the story\'s, not its tag line', async () => {
    const {context, page} = await openPage(env.browser(), `${env.fileBase()}examples/news-article.html`);
    try {
      const story = await widget(page, 0);
      assert.equal(story.state, 'ready');
      assert.doesNotMatch(story.text, /Topics:/);
      assert.ok(story.mostNegative === null || !/Topics|Climate crisis, Cities/.test(story.mostNegative),
                `most negative: ${story.mostNegative}`);
      const comments = await widget(page, 1);
      assert.doesNotMatch(comments.text, /harbourpilot|deltawatcher|northsea_sailor|M\. Okafor/);
      assert.ok(!comments.report.entities.some((e) => /Okafor|harbourpilot/.test(e.name)));
    } finally {
      await context.close();
    }
  });

  test('a theme has the same colour in the widget as on the page', async () => {
    work = work || mkdtempSync(join(tmpdir(), 'newslens-embed-content-'));
    copyFileSync(EMBED, join(work, 'newslens-embed.js'));
    copyFileSync(ANALYZER, join(work, 'newslens-analyzer.js'));
    writeFileSync(join(work, 'budget.html'), FIXTURE);
    const opened = await openPage(env.browser(), pathToFileURL(join(work, 'budget.html')).href);
    let card;
    try {
      card = await widget(opened.page, 0);
    } finally {
      await opened.context.close();
    }
    assert.ok(card.bars.length >= 2, 'the card shows several themes');
    for (const bar of card.bars) {
      assert.equal(bar.fill, themeColour(bar.id), `${bar.id} in the widget`);
      const n = parseInt(bar.fill.slice(1), 16);
      assert.equal(bar.painted, `rgb(${n >> 16}, ${(n >> 8) & 255}, ${n & 255})`, `${bar.id} is painted in it`);
    }

    const {context, page} = await openPage(env.browser(), `${env.fileBase()}index.html`);
    try {
      await analysed(page, 0);
      await page.fill('[data-testid="article-input"]', card.text);
      await clickAndWait(page, '[data-testid="analyze"]');
      const onPage = await page.evaluate(() => Object.fromEntries(
          window.newslensPage.charts.themes.$rows.map((r) => [r.id, r.colour])));
      for (const bar of card.bars) assert.equal(onPage[bar.id], bar.fill, `${bar.id}: page and widget`);
    } finally {
      await context.close();
    }
  });
});
