// The embed widget (<news-lens>: the loader dist/newslens-embed.js and the analyzer it loads,
// dist/newslens-analyzer.js) in real Chromium: the example article page under the strict CSP
// (served with the header over http, and from file:// with the meta policy), pages made here for
// two widgets, a widget far below the fold (the analyzer is requested only when it comes near),
// an analyzer hosted elsewhere (the `analyzer` attribute), hostile article text and failures.
//
//   node --test tests/web/embed.test.mjs
//
// The script under test is built here, from a snapshot of build-wasm/newslens-widget.js (or
// NEWSLENS_WASM_JS), and the expected reports come from that same snapshot under node — so the
// card's numbers are checked against the module that is inside it. NEWSLENS_EMBED_JS=path tests an
// already built loader instead, with the newslens-analyzer.js beside it (then NEWSLENS_WASM_JS must
// name the module they were built from). The size budgets are bench/size.mjs's, not this file's.
//
// CHROMIUM=/path/to/chromium overrides the browser. The README's screenshot is written to
// docs/embed-screenshot.png.

import assert from 'node:assert/strict';
import {execFileSync} from 'node:child_process';
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync,
        statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, extname, join, resolve, sep} from 'node:path';
import {after, before, describe, test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The widget's analyzer is the widget edition of the module (docs/size.md, "The widget edition").
const WASM_JS = resolve(root, process.env.NEWSLENS_WASM_JS || 'build-wasm/newslens-widget.js');
const SCREENSHOT = join(root, 'docs/embed-screenshot.png');
/** Every wait is for local work (compiling the module, one analysis); this only bounds a hang. */
const TIMEOUT_MS = 20_000;

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const NO_WASM_CSP = "default-src 'none'; script-src 'self'; style-src 'self'";
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
                     '--disable-component-update', '--disable-sync', '--no-first-run',
                     '--disable-quic'];
/** Formats the card uses (web/embed/numbers.js FORMATS, as Intl options). */
const FORMATS = {
  signed: {minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero'},
  percent: {style: 'percent', maximumFractionDigits: 0},
  integer: {maximumFractionDigits: 0},
};
const fmt = (kind, x) => new Intl.NumberFormat('en', FORMATS[kind]).format(x);

// ---------------------------------------------------------------- pages made for the tests

const page = (title, body, {csp = true} = {}) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
${csp ? `<meta http-equiv="Content-Security-Policy" content="${STRICT_CSP}">` : ''}
<title>${title}</title>
<script src="../newslens-embed.js" defer></script>
</head><body>
${body}
</body></html>
`;

const HARBOUR_STORY = (attributes) => `
<article id="story"><h1>Harbour reopens</h1>
  <p>The harbour of Valmere reopened on Monday after a week of storms, and fishermen returned to sea.
     The mayor praised the rescue crews, and the port authority promised repairs to the damaged pier.</p>
</article>
<news-lens for="story"${attributes}><p class="fallback">fallback stays</p></news-lens>`;

const FIXTURES = {
  // Two articles, two widgets: one by id, one by being inside its <article>.
  'two-widgets.html': page('Two widgets', `
<main>
<news-lens id="lens-a" for="a" themes="2" actors="0"
           locale='{"title": "Worum es geht", "theme.economy": "Wirtschaft"}'><p>fallback a</p></news-lens>
<article id="a">
  <h1>Markets rally as inflation cools</h1>
  <p>Stocks rose sharply on Monday after new figures showed inflation easing for a third month.
     Investors welcomed the news, and the central bank said interest rates could fall next year.
     Banks and retailers led the gains, while oil prices slipped.</p>
</article>
<article id="b">
  <h1>Floods leave thousands homeless</h1>
  <p>Heavy rain flooded villages across the region, killing at least twelve people and destroying
     hundreds of homes. Rescue teams struggled to reach survivors. The United Nations warned of
     disease in the crowded camps, and the government of Kenya declared a disaster.</p>
  <news-lens id="lens-b" theme="dark"><p>fallback b</p></news-lens>
</article>
</main>`),

  // Article text that is HTML, as text: shown in the card's excerpts, it must stay text. Served
  // WITHOUT any CSP, so that anything parsed as HTML would really run (and request /x).
  'hostile.html': page('Hostile text', `
<article id="story">
  <p>Officials praised the wonderful, brilliant success of &lt;img src=x onerror="alert(1)"&gt; at the summit.</p>
  <p>Critics condemned the terrible, disastrous &lt;script&gt;alert(2)&lt;/script&gt; attack in Geneva.</p>
  <p>Talks between &lt;b onmouseover=alert(3)&gt;Acme Corp&lt;/b&gt; and the European Union resume next week.</p>
</article>
<news-lens for="story"><p>fallback</p></news-lens>`, {csp: false}),

  // One widget two screens below the fold: the analyzer is not requested until it comes near.
  'far-below.html': page('Far below', `
<article id="story">
  <h1>Council approves new budget for schools</h1>
  <p>The city council approved a larger budget for schools on Tuesday, promising more teachers and
     repairs to old buildings. Parents welcomed the decision, but some members warned about debt.</p>
  <pre>${'\n'.repeat(300)}</pre>
</article>
<news-lens for="story"><p>fallback</p></news-lens>`),

  // The analyzer hosted in another folder (the `analyzer` attribute, relative to the page).
  'elsewhere.html': page('Analyzer elsewhere', `
<article id="story">
  <p>Rescue teams reached the flooded villages on Friday, and the government promised help for
     the families who lost their homes.</p>
</article>
<news-lens for="story" analyzer="../lib/analyzer-copy.js"><p>fallback</p></news-lens>`),

  // A long story (1,500 paragraphs, ~190 KB of text: a slow phone reads it in many slices) on a
  // German site, the widget above it: the widget's numbers in German, their conventions read off
  // the main thread.
  'long-german.html': page('Long story, German numbers', `
<news-lens for="story" lang="de"><p>fallback</p></news-lens>
<article id="story" lang="de">
  <h1>Parliament debates the long budget</h1>
${Array.from({length: 1500}, (_, i) => `  <p>In session ${i + 1}, members of parliament ` +
    `argued about ${['taxes', 'schools', 'hospitals', 'roads', 'pensions'][i % 5]} for ` +
    `${i % 7 + 2} hours, and Finance Minister Klara Vogt welcomed ${i % 3 ? 'the' : 'a'} ` +
    `compromise in Berlin, number ${i}.</p>`).join('\n')}
  <p>The final vote passed with a clear majority.</p>
</article>`),

  // An `analyzer` attribute naming a file that is not there.
  'analyzer-missing.html': page('Analyzer missing', `
<article id="story"><p>Ministers met in Paris to discuss the new trade agreement.</p></article>
<news-lens for="story" analyzer="../lib/no-such-analyzer.js"><p>fallback stays</p></news-lens>`),

  // One article, one widget; the same giving up on the analyzer after 3 s (`timeout`).
  'one-widget.html': page('One widget', HARBOUR_STORY('')),
  'impatient.html': page('Impatient', HARBOUR_STORY(' timeout="3"')),
  // A widget whose `for` matches nothing.
  'no-target.html': page('No target', `
<article><p>An article the widget is not pointed at.</p></article>
<news-lens for="nothing-has-this-id"><p class="fallback">fallback stays</p></news-lens>`),
};

// ---------------------------------------------------------------- setup: build, server, browser

let work;  // temporary directory: the snapshot of the module, the built site
let site;  // work/site: newslens-embed.js, examples/, fixtures/
let expectedAnalyzer;  // the snapshot's NewsLens, in node
let expectedEdition;  // its NewsLens.edition: 'widget' unless NEWSLENS_WASM_JS names another
let browser;
let server;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install chromium`);
  work = mkdtempSync(join(tmpdir(), 'newslens-embed-test-'));
  site = join(work, 'site');
  mkdirSync(join(site, 'examples'), {recursive: true});
  const moduleCopy = join(work, 'newslens.js');
  if (process.env.NEWSLENS_EMBED_JS) {
    copyFileSync(resolve(process.env.NEWSLENS_EMBED_JS), join(site, 'newslens-embed.js'));
    copyFileSync(join(dirname(resolve(process.env.NEWSLENS_EMBED_JS)), 'newslens-analyzer.js'),
                 join(site, 'newslens-analyzer.js'));
    for (const f of ['news-article.html', 'news-article.css']) {
      copyFileSync(join(root, 'web/examples', f), join(site, 'examples', f));
    }
    copyFileSync(WASM_JS, moduleCopy);
  } else {
    assert.ok(existsSync(WASM_JS), `${WASM_JS} is missing: run \`make wasm\` first`);
    copyFileSync(WASM_JS, moduleCopy);  // one snapshot for the widget and for the expectations
    execFileSync(process.execPath, [join(root, 'web/build-embed.mjs')], {
      env: {...process.env, NEWSLENS_WASM_JS: moduleCopy, NEWSLENS_EMBED_OUT: site},
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
  mkdirSync(join(site, 'lib'));
  copyFileSync(join(site, 'newslens-analyzer.js'), join(site, 'lib', 'analyzer-copy.js'));
  mkdirSync(join(site, 'fixtures'));
  for (const [name, html] of Object.entries(FIXTURES)) writeFileSync(join(site, 'fixtures', name), html);

  const {NewsLens} = createRequire(import.meta.url)(moduleCopy);
  expectedAnalyzer = await NewsLens.create();
  expectedEdition = NewsLens.edition;
  browser = await chromium.launch({executablePath: CHROMIUM, args: LAUNCH_ARGS});
  server = await serve(site);
});

after(async () => {
  if (browser) await browser.close();
  if (server) server.close();
  if (work) rmSync(work, {recursive: true, force: true});
});

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
               '.css': 'text/css; charset=utf-8'};

/**
 * Serves `dir` on 127.0.0.1. The first path segment picks the policy: /strict/ (the issue's CSP
 * header), /nowasm/ (the same without 'wasm-unsafe-eval'), /open/ (no CSP header), /broken/ (strict,
 * and newslens-embed.js cut in half, as a failed or corrupted download would be).
 */
function serve(dir) {
  const srv = createServer((req, res) => {
    const [, mode, ...rest] = decodeURIComponent(new URL(req.url, 'http://x').pathname).split('/');
    const file = resolve(dir, rest.join('/'));
    const csp = {strict: STRICT_CSP, nowasm: NO_WASM_CSP, broken: STRICT_CSP, open: null}[mode];
    if (csp === undefined || !file.startsWith(dir + sep) || !existsSync(file) ||
        !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    let body = readFileSync(file);
    if (mode === 'broken' && file.endsWith('newslens-embed.js')) body = body.subarray(0, body.length >> 1);
    const headers = {'content-type': TYPES[extname(file)] || 'application/octet-stream'};
    if (csp) headers['content-security-policy'] = csp;
    res.writeHead(200, headers).end(body);
  });
  return new Promise((ok) => srv.listen(0, '127.0.0.1', () => ok(srv)));
}

const base = () => `http://127.0.0.1:${server.address().port}`;

// ---------------------------------------------------------------- helpers

/**
 * Opens `url` and records requests, errors, dialogs, CSP violations, the widgets' events, the
 * window's own property names before any script, and how many times WebAssembly is compiled.
 */
async function open(url, {colorScheme = 'light', viewport = {width: 1280, height: 900},
                          failWasm = false, route, host} = {}) {
  const context = await browser.newContext({viewport, colorScheme});
  const p = await context.newPage();
  const log = {requests: [], errors: [], dialogs: []};
  p.on('request', (r) => log.requests.push(r.url()));
  p.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  p.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') log.errors.push(`console: ${m.text().slice(0, 300)}`);
  });
  p.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  if (route) await p.route(route.url, route.handler);
  // A module instance is one WebAssembly compile on the page (the analyzer's <script> fallback) or
  // one analyzer worker (how it runs over http): record() counts both as `compiles`.
  workersOf.set(p, []);
  p.on('worker', (w) => workersOf.get(p).push(w.url()));
  if (failWasm) {
    // A corrupt download, in whichever context the analyzer runs (worker or page): the served
    // analyzer starts by making every WebAssembly compile fail.
    await context.route('**/newslens-analyzer.js', async (r) => {
      const response = await r.fetch();
      r.fulfill({response, body: `(function () {
  for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
    WebAssembly[name] = () => Promise.reject(new WebAssembly.CompileError('simulated corrupt module'));
  }
})();\n${await response.text()}`});
    });
  }
  await p.addInitScript((fail) => {
    // Kept under a symbol, so the test's bookkeeping is not a new global name itself.
    const t = {csp: [], events: [], compiles: 0, numberFormats: 0,
               globals: Object.getOwnPropertyNames(window)};
    window[Symbol.for('embed-test')] = t;
    // Intl.NumberFormat constructions on the page's main thread (the widget's are a long task).
    Intl.NumberFormat = new Proxy(Intl.NumberFormat, {construct(target, args, newTarget) {
      t.numberFormats++;
      return Reflect.construct(target, args, newTarget);
    }});
    document.addEventListener('securitypolicyviolation', (e) => {
      t.csp.push(`${e.effectiveDirective} ${e.blockedURI}`.slice(0, 120));
    });
    for (const type of ['newslens-analyzed', 'newslens-error']) {
      document.addEventListener(type, (e) => {
        t.events.push({type, id: e.target.id,
                       detail: type === 'newslens-error' ? e.detail.message : e.detail});
      });
    }
    for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      if (typeof original !== 'function') continue;
      WebAssembly[name] = function (...args) {
        t.compiles++;
        if (fail) return Promise.reject(new WebAssembly.CompileError('simulated corrupt module'));
        return original.apply(this, args);
      };
    }
  }, failWasm);
  // What a host page's own scripts did before the widget's: [function, argument].
  if (host) await p.addInitScript(...host);
  await p.goto(url);
  return {context, page: p, log};
}

const workersOf = new WeakMap();  // page -> the URLs of the workers it started

/** The test's record in the page (see open()). */
async function record(p) {
  const r = await p.evaluate(() => {
    const t = window[Symbol.for('embed-test')];
    return {csp: t.csp, events: t.events, compiles: t.compiles, numberFormats: t.numberFormats};
  });
  const workers = workersOf.get(p).length;
  return {...r, workers, compiles: r.compiles + workers};
}

/** Waits until the widget matched by `selector` is 'ready' or 'error' and returns its state. */
async function settled(p, selector = 'news-lens', which = 0) {
  await p.waitForFunction(([s, i]) => {
    const el = document.querySelectorAll(s)[i];
    return el && (el.state === 'ready' || el.state === 'error');
  }, [selector, which], {timeout: TIMEOUT_MS});
  return p.evaluate(([s, i]) => document.querySelectorAll(s)[i].state, [selector, which]);
}

/** What the widget shows, read from its shadow root. */
function card(p, selector = 'news-lens', which = 0) {
  return p.evaluate(([s, i]) => {
    const el = document.querySelectorAll(s)[i];
    const r = el.shadowRoot;
    const text = (sel) => r.querySelector(sel)?.textContent ?? null;
    const all = (sel) => [...r.querySelectorAll(sel)];
    return {
      text: el.analyzedText,
      report: el.report,
      hasCard: !!r.querySelector('[part~="card"]'),
      fallbackHidden: r.querySelector('[part~="fallback"]').hidden,
      title: text('[part~="title"]'),
      toneLabel: text('[part~="tone-label"]'),
      toneValue: text('[part~="tone-value"]'),
      gauge: r.querySelector('[part~="gauge"]')?.getAttribute('aria-label') ?? null,
      themes: all('[part~="theme"]').map((li) => ({
        id: li.dataset.id,
        label: li.querySelector('[part~="theme-label"]').textContent,
        share: li.querySelector('[part~="theme-share"]').firstChild.textContent,
        bar: Number(li.querySelector('[part~="theme-bar"] .fill').getAttribute('width')),
      })),
      actors: all('[part~="actor"]').map((li) => ({
        name: li.querySelector('[part~="actor-name"]').textContent,
        count: li.querySelector('[part~="actor-count"]').textContent,
      })),
      words: text('[part~="stat-words"]'),
      sentences: text('[part~="stat-sentences"]'),
      edition: text('[part~="stat-edition"]'),
      arcPoints: r.querySelector('[part~="arc"] polyline')?.getAttribute('points').split(' ').length ?? 0,
      mostPositive: text('.most-positive'),
      mostNegative: text('.most-negative'),
    };
  }, [selector, which]);
}

/** Asserts the card shows the node-side report for the same text, with `themes`/`actors` rows. */
function assertCardShows(shown, expected, {themes = 3, actors = 4, labels = {}} = {}) {
  assert.deepEqual(shown.report, expected, 'the widget\'s report differs from the module\'s in node');
  const tone = expected.tone;
  assert.equal(shown.toneLabel, tone.label[0].toUpperCase() + tone.label.slice(1));
  assert.equal(shown.toneValue, fmt('signed', tone.compound));
  assert.deepEqual(shown.themes, expected.top_level.slice(0, themes).map((t) => ({
    id: t.id, label: labels[t.id] || t.label, share: fmt('percent', t.share),
    bar: Math.round(t.share * 10000) / 100,
  })));
  const named = expected.entities.slice()
      .sort((a, b) => (b.salience ?? 0) - (a.salience ?? 0) || b.count - a.count).slice(0, actors);
  assert.deepEqual(shown.actors, named.map((a) => ({name: a.name, count: `, ${a.count} mentions`})));
  assert.equal(shown.words, fmt('integer', expected.stats.words));
  assert.equal(shown.sentences, fmt('integer', expected.stats.sentences));
  assert.equal(shown.arcPoints, Math.max(2, expected.sentences.length));
}

function assertNoOtherRequest(requests, allowed) {
  assert.deepEqual([...new Set(requests)].sort(), [...allowed].sort(),
                   'the page made requests other than its own files');
}

// ---------------------------------------------------------------- the example page

const EXAMPLE = 'examples/news-article.html';
const exampleFiles = (prefix) => [`${prefix}${EXAMPLE}`, `${prefix}examples/news-article.css`,
                                  `${prefix}newslens-embed.js`, `${prefix}newslens-analyzer.js`];

async function checkExample(url, prefix, {screenshot = false, worker} = {}) {
  const {context, page: p, log} = await open(url);
  try {
    assert.equal(await settled(p, 'news-lens', 0), 'ready');
    // Lazy: the comments widget is far below the fold, so it has not started.
    assert.equal(await p.evaluate(() => document.querySelectorAll('news-lens')[1].state), 'idle',
                 'the widget below the fold analysed before it came near the viewport');
    assert.equal((await record(p)).compiles, 1);

    const story = await card(p, 'news-lens', 0);
    assert.match(story.text, /^Climate\n\nPort cities sign flood-defence pact as storm season nears\n\n/);
    assert.match(story.text, /"Water does not stop at borders/);
    // The story's footer tag line is page furniture (web/src/boilerplate.js), not article text.
    assert.match(story.text, /not by what we signed today," he said\.$/);
    for (const absent of ['Advertisement', 'Photograph', 'Most read', 'JavaScript', 'harbourpilot', 'Topics:']) {
      assert.ok(!story.text.includes(absent), `the analysed text includes "${absent}"`);
    }
    assert.equal(story.hasCard, true);
    assert.equal(story.fallbackHidden, true);
    assertCardShows(story, expectedAnalyzer.analyze(story.text), {themes: 4});
    // The details name the analyzer's edition: the widget's own, the compact one, by default.
    if (!process.env.NEWSLENS_WASM_JS) assert.equal(expectedEdition, 'widget');
    assert.equal(story.edition, expectedEdition === 'widget' ? 'newslens widget edition (compact taxonomy)'
                                                            : 'newslens full edition');

    await p.locator('news-lens').nth(1).scrollIntoViewIfNeeded();
    assert.equal(await settled(p, 'news-lens', 1), 'ready');
    const comments = await card(p, 'news-lens', 1);
    // Comment headers (usernames, times) are furniture too: the comments' own words remain.
    assert.match(comments.text, /^Good news at last\./);
    assert.doesNotMatch(comments.text, /harbourpilot|deltawatcher|northsea_sailor|hours? ago/);
    assert.ok(!comments.text.includes('Port cities'), 'the comments widget read the article');
    assertCardShows(comments, expectedAnalyzer.analyze(comments.text));

    const rec = await record(p);
    assert.equal(rec.compiles, 1, 'two widgets compiled the module more than once');
    // Over http the analyzer runs in a worker (off the host's main thread); from file://, where
    // Chromium starts no worker by URL, on the page.
    assert.equal(rec.workers, worker ? 1 : 0, worker ? 'no analyzer worker' : 'a worker from file://');
    assert.deepEqual(rec.events.map((e) => e.type), ['newslens-analyzed', 'newslens-analyzed']);
    assert.deepEqual(rec.events[0].detail, story.report);
    assert.deepEqual(rec.events[1].detail, comments.report);
    assert.deepEqual(rec.csp, [], 'CSP violations');
    assert.deepEqual(log.errors, [], 'errors or warnings in the console');
    assert.deepEqual(log.dialogs, []);
    assert.equal(rec.numberFormats, 0, 'an English card made an Intl.NumberFormat on the page');
    assertNoOtherRequest(log.requests, exampleFiles(prefix));
    const added = await p.evaluate(() => {
      const before = new Set(window[Symbol.for('embed-test')].globals);
      return Object.getOwnPropertyNames(window).filter((n) => !before.has(n));
    });
    assert.deepEqual(added, ['NewsLensElement'], 'globals other than NewsLensElement');
    assert.equal(await p.evaluate(() => customElements.get('news-lens') === window.NewsLensElement), true);

    // The README's picture: written when missing or NEWSLENS_SCREENSHOT=1, so a test run does
    // not leave the tracked PNG modified.
    if (screenshot && (!existsSync(SCREENSHOT) || process.env.NEWSLENS_SCREENSHOT === '1')) {
      await p.evaluate(() => window.scrollTo(0, 0));
      await p.locator('news-lens').first().evaluate((el) => {
        el.shadowRoot.querySelector('details').open = true;
      });
      const box = async (s) => p.locator(s).first().boundingBox();
      const layout = await box('main.layout');
      const lens = await box('news-lens');
      mkdirSync(dirname(SCREENSHOT), {recursive: true});
      await p.screenshot({path: SCREENSHOT, fullPage: true, clip: {
        x: layout.x, y: layout.y - 8, width: layout.width, height: lens.y + lens.height + 24 - layout.y}});
    }
  } finally {
    await context.close();
  }
}

describe('the example article page', () => {
  test('served with the strict CSP header: both cards show the module\'s report, lazily, from ' +
       'one module instance, with no other request, violation or global', () =>
    checkExample(`${base()}/strict/${EXAMPLE}`, `${base()}/strict/`, {screenshot: true, worker: true}));

  test('opened from file:// with the meta CSP: the same', async () => {
    const html = readFileSync(join(site, EXAMPLE), 'utf8');
    assert.ok(html.includes(`content="${STRICT_CSP}"`), 'the example lacks the meta CSP');
    const prefix = pathToFileURL(site).href + '/';
    await checkExample(prefix + EXAMPLE, prefix, {worker: false});
  });

  test('leaves the host page as it was: its DOM, stylesheets and computed styles', async () => {
    // The same page without the widget's code (the script answered with an empty body) ...
    const without = await open(`${base()}/strict/${EXAMPLE}`, {
      route: {url: '**/newslens-embed.js', handler: (r) => r.fulfill({status: 200,
        contentType: 'text/javascript', body: '/* no widget */'})},
    });
    const bare = await hostSnapshot(without.page);
    await without.context.close();
    // ... and with it, both widgets rendered and one disclosure open.
    const {context, page: p} = await open(`${base()}/strict/${EXAMPLE}`);
    try {
      await settled(p, 'news-lens', 0);
      await p.locator('news-lens').nth(1).scrollIntoViewIfNeeded();
      assert.equal(await settled(p, 'news-lens', 1), 'ready');
      await p.locator('news-lens').first().evaluate((el) => {
        el.shadowRoot.querySelector('details').open = true;
      });
      await p.evaluate(() => window.scrollTo(0, 0));
      const withWidget = await hostSnapshot(p);
      assert.equal(withWidget.html, bare.html, 'the host DOM changed');
      assert.deepEqual(withWidget.sheets, bare.sheets, 'the document\'s stylesheets changed');
      assert.equal(withWidget.styles.length, bare.styles.length);
      const changed = [];
      withWidget.styles.forEach((s, i) => {
        for (const [prop, v] of Object.entries(s.props)) {
          if (bare.styles[i].props[prop] !== v) changed.push(`${s.path} ${prop}: ${bare.styles[i].props[prop]} → ${v}`);
        }
      });
      assert.deepEqual(changed, [], 'computed styles of host elements changed');
    } finally {
      await context.close();
    }
  });
});

/**
 * Computed properties that are used values, resolved from layout (a taller widget makes its
 * column taller); every other property is compared.
 */
const LAYOUT_PROPS = new Set(['width', 'height', 'inline-size', 'block-size', 'perspective-origin',
                              'transform-origin', 'grid-template-rows', 'grid-template-columns']);

/** The document as markup, its stylesheets, and every host element's computed style. */
function hostSnapshot(p) {
  return p.evaluate((layoutProps) => {
    const skip = new Set(layoutProps);
    const styles = [];
    for (const el of document.querySelectorAll('*')) {
      if (el.localName === 'news-lens') continue;  // the widget's own box is the widget's
      const cs = getComputedStyle(el);
      const props = {};
      for (let i = 0; i < cs.length; i++) {
        const name = cs[i];
        if (!skip.has(name)) props[name] = cs.getPropertyValue(name);
      }
      const path = el.localName + (el.id ? `#${el.id}` : '') +
                   (el.classList.length ? `.${[...el.classList].join('.')}` : '');
      styles.push({path, props});
    }
    return {
      html: document.documentElement.outerHTML,
      sheets: {count: document.styleSheets.length, adopted: document.adoptedStyleSheets.length,
               rules: [...document.styleSheets].map((s) => s.cssRules.length)},
      styles,
    };
  }, [...LAYOUT_PROPS]);
}

// ---------------------------------------------------------------- polite to the host page

describe('polite to the host page (the figures: bench/embed-polite.mjs)', () => {
  const GERMAN = {signed: FORMATS.signed, percent: FORMATS.percent, integer: FORMATS.integer};
  const de = (kind, x) => new Intl.NumberFormat('de', GERMAN[kind]).format(x);

  async function checkLongGerman(url, {worker}) {
    const {context, page: p, log} = await open(url);
    try {
      assert.equal(await settled(p), 'ready');
      const shown = await card(p);
      // The whole story was read, in many slices: its first and last paragraphs, every session.
      assert.match(shown.text, /^Parliament debates the long budget\n\nIn session 1, /);
      assert.match(shown.text, /compromise in Berlin, number 1499\.\n\nThe final vote passed with a clear majority\.$/);
      assert.equal(shown.text.split('\n\n').length, 1502);
      assert.deepEqual(shown.report, expectedAnalyzer.analyze(shown.text));
      // Every section of the card, with German numbers.
      const tone = shown.report.tone;
      assert.equal(shown.toneValue, de('signed', tone.compound));
      assert.ok(shown.toneValue.includes(','), `no decimal comma in ${shown.toneValue}`);
      assert.equal(shown.words, de('integer', shown.report.stats.words));
      assert.ok(shown.words.includes('.'), `no German group separator in ${shown.words}`);
      assert.deepEqual(shown.themes.map((t) => t.share),
                       shown.report.top_level.slice(0, 3).map((t) => de('percent', t.share)));
      assert.ok(shown.themes.length > 0 && shown.actors.length > 0);
      assert.equal(shown.arcPoints, shown.report.sentences.length);
      const rec = await record(p);
      assert.equal(rec.workers, worker ? 1 : 0);
      // Over http the worker reads the German conventions; on the page (file://) it has to.
      if (worker) assert.equal(rec.numberFormats, 0, 'Intl.NumberFormat made on the main thread');
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  }

  test('a long story on a German page: read whole, every section drawn, German numbers (http)',
       () => checkLongGerman(`${base()}/strict/fixtures/long-german.html`, {worker: true}));

  test('the same from file://, with the analyzer on the page', () =>
    checkLongGerman(`${pathToFileURL(site).href}/fixtures/long-german.html`, {worker: false}));
});

// ---------------------------------------------------------------- several widgets, attributes

describe('widgets on one page', () => {
  test('two widgets, two articles, one module instance; for, themes, actors, locale, theme', async () => {
    const {context, page: p, log} = await open(`${base()}/strict/fixtures/two-widgets.html`);
    try {
      assert.equal(await settled(p, '#lens-a'), 'ready');
      assert.equal(await settled(p, '#lens-b'), 'ready');
      const a = await card(p, '#lens-a');
      const b = await card(p, '#lens-b');
      assert.match(a.text, /^Markets rally as inflation cools\n\nStocks rose/);
      assert.match(b.text, /^Floods leave thousands homeless\n\nHeavy rain/);
      assert.ok(!b.text.includes('fallback'), 'the widget read its own fallback content');
      assertCardShows(a, expectedAnalyzer.analyze(a.text), {themes: 2, actors: 0,
                                                            labels: {economy: 'Wirtschaft'}});
      assertCardShows(b, expectedAnalyzer.analyze(b.text));
      assert.equal(a.title, 'Worum es geht');
      assert.equal(b.title, 'About this article');
      assert.notDeepEqual(a.report.tone, b.report.tone);
      assert.equal((await record(p)).compiles, 1, 'the widgets did not share one module instance');

      // theme="dark" on b: a dark card; a stays light.
      const background = (id) => p.evaluate((s) => getComputedStyle(
          document.querySelector(s).shadowRoot.querySelector('[part~="card"]')).backgroundColor, id);
      assert.equal(await background('#lens-a'), 'rgb(255, 255, 255)');
      assert.equal(await background('#lens-b'), 'rgb(27, 31, 36)');

      // Attribute changes re-render without a new analysis; `for` re-targets.
      const analysedBefore = (await record(p)).events.length;
      await p.evaluate(() => document.querySelector('#lens-b').setAttribute('themes', '1'));
      assert.equal((await card(p, '#lens-b')).themes.length, Math.min(1, b.report.top_level.length));
      await p.evaluate(() => document.querySelector('#lens-a').setAttribute('for', 'b'));
      await p.waitForFunction((n) => window[Symbol.for('embed-test')].events.length > n,
                              analysedBefore, {timeout: TIMEOUT_MS});
      assert.equal((await card(p, '#lens-a')).text, b.text);

      // A renamed tag: define() registers a subclass under the new name.
      const renamed = await p.evaluate(async () => {
        const cls = NewsLensElement.define('story-lens');
        const el = document.createElement('story-lens');
        el.setAttribute('for', 'a');
        document.body.append(el);
        await new Promise((ok) => el.addEventListener('newslens-analyzed', ok, {once: true}));
        return {sub: cls !== NewsLensElement && cls.prototype instanceof NewsLensElement,
                again: NewsLensElement.define('story-lens') === cls, state: el.state};
      });
      assert.deepEqual(renamed, {sub: true, again: true, state: 'ready'});
      assert.deepEqual((await record(p)).csp, []);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('a changed article is analysed again (debounced), with the new text', async () => {
    const {context, page: p} = await open(`${base()}/strict/fixtures/two-widgets.html`);
    try {
      await settled(p, '#lens-b');
      await p.evaluate(() => {
        const article = document.querySelector('#b');
        for (const words of ['Aid arrived on Tuesday.', 'Survivors thanked the volunteers warmly.']) {
          const para = document.createElement('p');
          para.textContent = words;  // two changes in a row: one re-analysis
          article.append(para);
        }
      });
      await p.waitForFunction(() => window[Symbol.for('embed-test')].events
          .filter((e) => e.id === 'lens-b').length === 2, null, {timeout: TIMEOUT_MS});
      const b = await card(p, '#lens-b');
      assert.match(b.text, /Aid arrived on Tuesday\.\n\nSurvivors thanked the volunteers warmly\.$/);
      assertCardShows(b, expectedAnalyzer.analyze(b.text));
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------- hostile text

describe('two steps: the loader, then the analyzer', () => {
  test('the analyzer is requested only when a card comes near the viewport, and only once', async () => {
    const {context, page: p, log} = await open(`${base()}/strict/fixtures/far-below.html`);
    try {
      await p.waitForLoadState('load');
      // The element is defined and has had its first intersection check (two frames after load).
      await p.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
      assert.equal(await p.evaluate(() => document.querySelector('news-lens').state), 'idle');
      assert.equal(await p.evaluate(() => typeof customElements.get('news-lens')), 'function');
      assert.ok(!log.requests.some((u) => u.endsWith('newslens-analyzer.js')),
                'the analyzer was requested before any card neared the viewport');
      assert.equal((await record(p)).compiles, 0, 'WebAssembly compiled before it was needed');

      await p.locator('news-lens').scrollIntoViewIfNeeded();
      assert.equal(await settled(p), 'ready');
      const shown = await card(p);
      assertCardShows(shown, expectedAnalyzer.analyze(shown.text));
      assert.deepEqual(log.requests, [`${base()}/strict/fixtures/far-below.html`,
                                      `${base()}/strict/newslens-embed.js`,
                                      `${base()}/strict/newslens-analyzer.js`]);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test('the `analyzer` attribute loads it from elsewhere, and a missing one keeps the fallback', async () => {
    const {context, page: p, log} = await open(`${base()}/strict/fixtures/elsewhere.html`);
    try {
      assert.equal(await settled(p), 'ready');
      const shown = await card(p);
      assertCardShows(shown, expectedAnalyzer.analyze(shown.text));
      assertNoOtherRequest(log.requests, [`${base()}/strict/fixtures/elsewhere.html`,
                                          `${base()}/strict/newslens-embed.js`,
                                          `${base()}/strict/lib/analyzer-copy.js`]);
      assert.deepEqual((await record(p)).csp, []);
    } finally {
      await context.close();
    }
    const missing = await open(`${base()}/strict/fixtures/analyzer-missing.html`);
    try {
      assert.equal(await settled(missing.page), 'error');
      const {events} = await record(missing.page);
      assert.deepEqual(events.map((e) => e.type), ['newslens-error']);
      assert.match(events[0].detail, /could not load the analyzer from .*\/strict\/lib\/no-such-analyzer\.js/);
      await assertFallbackShown(missing.page, 1);
    } finally {
      await missing.context.close();
    }
  });
});

describe('safety', () => {
  test('the widget\'s source has no HTML-parsing sink', () => {
    const dir = join(root, 'web/embed');
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.js'))) {
      const source = readFileSync(join(dir, f), 'utf8');
      for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write',
                          'createContextualFragment', 'DOMParser', 'eval(', 'new Function']) {
        assert.ok(!source.includes(sink), `web/embed/${f} uses ${sink}`);
      }
    }
  });

  test('article text that looks like HTML is shown as text and never runs, even with no CSP', async () => {
    const {context, page: p, log} = await open(`${base()}/open/fixtures/hostile.html`);
    try {
      assert.equal(await settled(p), 'ready');
      const shown = await card(p);
      assertCardShows(shown, expectedAnalyzer.analyze(shown.text));
      assert.match(shown.text, /<img src=x onerror="alert\(1\)">/);
      assert.ok(shown.mostPositive.includes('<img src=x onerror='), shown.mostPositive);
      assert.ok(shown.mostNegative.includes('<script>alert(2)</script>'), shown.mostNegative);
      const inCard = await p.evaluate(() => {
        const r = document.querySelector('news-lens').shadowRoot;
        return r.querySelectorAll('img, script, iframe, b, object, embed').length;
      });
      assert.equal(inCard, 0, 'analysed text became elements in the card');
      assert.deepEqual(log.dialogs, [], 'a dialog opened: analysed text ran as script');
      assertNoOtherRequest(log.requests, [`${base()}/open/fixtures/hostile.html`,
                                          `${base()}/open/newslens-embed.js`,
                                          `${base()}/open/newslens-analyzer.js`]);
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------- failures keep the fallback

async function assertFallbackShown(p, n) {
  for (let i = 0; i < n; i++) {
    const el = p.locator('news-lens').nth(i);
    assert.ok(await el.locator('p').isVisible(), `widget ${i}: its fallback content is not visible`);
    const hasCard = await el.evaluate((e) => !!(e.shadowRoot && e.shadowRoot.querySelector('[part~="card"]')));
    assert.equal(hasCard, false, `widget ${i}: a card is shown`);
  }
}

describe('fallback content stays when something fails', () => {
  test('the CSP refuses WebAssembly (no \'wasm-unsafe-eval\'): newslens-error, fallback shown', async () => {
    const {context, page: p, log} = await open(`${base()}/nowasm/${EXAMPLE}`);
    try {
      assert.equal(await settled(p), 'error');
      const {events} = await record(p);
      assert.equal(events.length, 1);
      assert.equal(events[0].type, 'newslens-error');
      assert.match(events[0].detail, /WebAssembly/);
      await assertFallbackShown(p, 2);
      assertNoOtherRequest(log.requests, exampleFiles(`${base()}/nowasm/`));
    } finally {
      await context.close();
    }
  });

  test('the module fails to compile (a corrupt download): newslens-error, fallback shown', async () => {
    const {context, page: p} = await open(`${base()}/strict/${EXAMPLE}`, {failWasm: true});
    try {
      assert.equal(await settled(p), 'error');
      const {events, compiles} = await record(p);
      assert.ok(compiles >= 1);
      assert.deepEqual(events.map((e) => e.type), ['newslens-error']);
      await assertFallbackShown(p, 2);
    } finally {
      await context.close();
    }
  });

  test('the script itself is broken (cut in half): the fallback content is simply there', async () => {
    const {context, page: p, log} = await open(`${base()}/broken/${EXAMPLE}`);
    try {
      await p.waitForLoadState('load');
      assert.equal(await p.evaluate(() => customElements.get('news-lens')), undefined);
      assert.ok(log.errors.some((e) => /SyntaxError|Unexpected|Invalid|missing/i.test(e)), log.errors.join('\n'));
      await assertFallbackShown(p, 2);
    } finally {
      await context.close();
    }
  });

  /** The shadow root's text and whether the light-DOM fallback is what shows. */
  const shownState = (p) => p.evaluate(() => {
    const el = document.querySelector('news-lens');
    const r = el.shadowRoot;
    return {state: el.state, report: el.report, hasCard: !!r?.querySelector('[part~="card"]'),
            fallbackHidden: r ? r.querySelector('[part~="fallback"]').hidden : false,
            shadowText: r ? r.textContent : ''};
  });
  const fixtureFile = (name) => pathToFileURL(site).href + `/fixtures/${name}`;

  test('a host page that replaced JSON.parse: newslens-error and a console message, the ' +
       'fallback kept, never "undefined" on the card', async () => {
    // From file:// the analyzer runs on the page, in the host's realm, with the host's JSON.
    const {context, page: p, log} = await open(fixtureFile('one-widget.html'), {host: [() => {
      JSON.parse = function hostParse() { return {}; };
    }]});
    try {
      assert.equal(await settled(p), 'error');
      const {events} = await record(p);
      assert.deepEqual(events.map((e) => e.type), ['newslens-error']);
      assert.match(events[0].detail, /^newslens: /);
      assert.ok(log.errors.some((e) => e.includes(events[0].detail)), log.errors.join('\n'));
      const s = await shownState(p);
      assert.equal(s.hasCard, false);
      assert.equal(s.report, null);
      assert.doesNotMatch(s.shadowText, /undefined|NaN/);
      await assertFallbackShown(p, 1);
    } finally {
      await context.close();
    }
  });

  test('a WebAssembly.instantiate that never settles: after the `timeout`, newslens-error and ' +
       'a console message, the fallback kept', async () => {
    const {context, page: p, log} = await open(fixtureFile('impatient.html'), {host: [() => {
      for (const name of ['compile', 'instantiate', 'compileStreaming', 'instantiateStreaming']) {
        WebAssembly[name] = () => new Promise(() => {});
      }
    }]});
    try {
      assert.equal(await settled(p), 'error');
      const {events} = await record(p);
      assert.deepEqual(events.map((e) => e.detail),
                       ['newslens: starting the analyzer took longer than 3 s; gave up (the timeout ' +
                        'attribute sets how long to wait)']);
      assert.ok(log.errors.some((e) => e.includes('starting the analyzer took longer')), log.errors.join('\n'));
      assert.equal((await shownState(p)).hasCard, false);
      await assertFallbackShown(p, 1);
    } finally {
      await context.close();
    }
  });

  test('<news-lens> already defined by another library: a console message and newslens-error, ' +
       'that element\'s content left as it is', async () => {
    const {context, page: p, log} = await open(`${base()}/strict/fixtures/one-widget.html`, {host: [() => {
      customElements.define('news-lens', class OtherLibrary extends HTMLElement {});
    }]});
    try {
      await p.waitForFunction(() => window[Symbol.for('embed-test')].events.length > 0, null,
                              {timeout: TIMEOUT_MS});
      const {events} = await record(p);
      assert.equal(events.length, 1);
      assert.equal(events[0].type, 'newslens-error');
      assert.match(events[0].detail, /^newslens: <news-lens> is already defined by another script on this page/);
      assert.ok(log.errors.some((e) => e.includes('is already defined by another script')), log.errors.join('\n'));
      assert.equal(await p.evaluate(() => customElements.get('news-lens').name), 'OtherLibrary');
      assert.equal(await p.isVisible('news-lens p.fallback'), true);
      // The class is still there for the site to define under another tag.
      assert.equal(await p.evaluate(() => typeof window.NewsLensElement.define), 'function');
    } finally {
      await context.close();
    }
  });

  test('a card whose next analysis fails is taken away: the fallback, not the old card, shows', async () => {
    // The host's hook around the analyzer the widget uses on the page (file://): its analyses
    // fail once window.breakAnalyzer is set.
    const {context, page: p, log} = await open(fixtureFile('one-widget.html'), {host: [() => {
      window.addEventListener('newslens-analyzer', (e) => {
        const NewsLens = e.detail;
        const create = NewsLens.create.bind(NewsLens);
        NewsLens.create = async (...args) => {
          const real = await create(...args);
          return new Proxy(real, {get(target, key) {
            if (key !== 'analyze') return Reflect.get(target, key);
            return (...a) => {
              if (window.breakAnalyzer) throw new Error('newslens: the analyzer failed on this text');
              return target.analyze(...a);
            };
          }});
        };
      }, true);
    }]});
    try {
      assert.equal(await settled(p), 'ready');
      assert.equal((await shownState(p)).hasCard, true);
      await p.evaluate(() => {
        window.breakAnalyzer = true;
        const more = document.createElement('p');
        more.textContent = 'Later, the storm returned and the harbour closed again.';
        document.getElementById('story').append(more);
      });
      await p.waitForFunction(() => document.querySelector('news-lens').state === 'error', null,
                              {timeout: TIMEOUT_MS});
      const s = await shownState(p);
      assert.equal(s.hasCard, false, 'the card of the earlier text is still shown');
      assert.equal(s.report, null);
      await assertFallbackShown(p, 1);
      const {events} = await record(p);
      assert.deepEqual(events.map((e) => e.type), ['newslens-analyzed', 'newslens-error']);
      assert.equal(events[1].detail, 'newslens: the analyzer failed on this text');
      assert.ok(log.errors.some((e) => e.includes('the analyzer failed on this text')));
    } finally {
      await context.close();
    }
  });

  test('no element matches `for`: newslens-error naming it, fallback shown', async () => {
    const {context, page: p} = await open(`${base()}/strict/fixtures/no-target.html`);
    try {
      assert.equal(await settled(p), 'error');
      const {events} = await record(p);
      assert.deepEqual(events.map((e) => e.detail),
                       ['newslens: nothing on the page matches for="nothing-has-this-id"']);
      await assertFallbackShown(p, 1);
    } finally {
      await context.close();
    }
  });
});

// ---------------------------------------------------------------- keyboard and accessibility

describe('accessibility', () => {
  test('the details disclosure is reached with Tab and opened and closed with Enter and Space', async () => {
    const {context, page: p} = await open(`${base()}/strict/${EXAMPLE}`);
    try {
      await settled(p);
      await p.focus('.story-foot a:last-of-type');  // the last link before the widget
      await p.keyboard.press('Tab');
      const focused = () => p.evaluate(() => {
        const host = document.activeElement;
        const inner = host.shadowRoot?.activeElement;
        return {host: host.localName, inner: inner ? inner.getAttribute('part') : null,
                open: document.querySelector('news-lens').shadowRoot.querySelector('details').open,
                outline: inner ? getComputedStyle(inner).outlineStyle : null};
      });
      assert.deepEqual(await focused(), {host: 'news-lens', inner: 'summary', open: false, outline: 'solid'});
      const arcVisible = () => p.locator('news-lens').first().locator('[part~="arc"]').isVisible();
      assert.equal(await arcVisible(), false);
      await p.keyboard.press('Enter');
      assert.equal((await focused()).open, true);
      assert.equal(await arcVisible(), true);
      await p.keyboard.press('Space');
      assert.equal((await focused()).open, false);
      await p.keyboard.press('Tab');  // and on out of the widget: no focus trap
      assert.equal(await p.evaluate(() => document.activeElement.textContent),
                   'River levels fall as dam repairs finish early');
    } finally {
      await context.close();
    }
  });

  test('axe-core finds no serious or critical violation inside the widgets (light, dark, auto)', async () => {
    const axeSource = readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8');
    const runs = [['light', `${base()}/strict/${EXAMPLE}`, null],
                  ['dark', `${base()}/strict/${EXAMPLE}`, 'dark'],
                  ['dark', `${base()}/strict/${EXAMPLE}`, 'auto'],
                  ['light', `${base()}/strict/fixtures/two-widgets.html`, null]];
    for (const [colorScheme, url, theme] of runs) {
      const {context, page: p} = await open(url, {colorScheme});
      try {
        const n = await p.locator('news-lens').count();
        for (let i = 0; i < n; i++) {
          await p.locator('news-lens').nth(i).scrollIntoViewIfNeeded();
          assert.equal(await settled(p, 'news-lens', i), 'ready');
        }
        await p.evaluate((t) => {
          for (const el of document.querySelectorAll('news-lens')) {
            if (t) el.setAttribute('theme', t);
            el.shadowRoot.querySelector('details').open = true;
          }
        }, theme);
        await p.evaluate(axeSource);  // DevTools evaluation: not subject to the page's CSP
        const result = await p.evaluate(async () => {
          const r = await window.axe.run({include: [['news-lens']]}, {resultTypes: ['violations']});
          return {
            violations: r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
                .map((v) => `${v.id} (${v.impact}): ${v.nodes.length} × ${JSON.stringify(v.nodes[0].target)}`),
            // Targets inside a shadow root are arrays of selectors: proof axe looked inside.
            shadowChecked: r.passes.some((v) => v.nodes.some((nd) => Array.isArray(nd.target[0]))),
          };
        });
        const label = `${url} ${colorScheme} theme=${theme}`;
        assert.deepEqual(result.violations, [], `${label}:\n${result.violations.join('\n')}`);
        assert.equal(result.shadowChecked, true, `${label}: axe did not check inside the shadow roots`);
      } finally {
        await context.close();
      }
    }
  });
});
