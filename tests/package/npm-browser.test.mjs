// The npm package in a browser, as a site gets it: the packed tarball installed into a consumer
// project (tests/package/npm-consumer.mjs), then, in Chromium, under a strict CSP and served from
// 127.0.0.1:
// - `import { NewsLens } from '.../newslens/newslens.browser.mjs'` natively, with no bundler;
// - `import { NewsLens } from 'newslens'` and `require('newslens')` bundled by esbuild for the
//   browser, which resolves the package's "exports" and "browser" fields as bundlers do.

import assert from 'node:assert/strict';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {createServer} from 'node:http';
import {extname, join, resolve, sep} from 'node:path';
import {after, before, test} from 'node:test';

import {build} from 'esbuild';
import {chromium} from 'playwright-core';

import {consumerProject, TIMEOUT_MS} from './npm-consumer.mjs';

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// The widget's policy (docs/embed.md): no eval, no inline script, no request but our own files.
const CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'";
const MATCH = 'The striker scored twice in the second half as the home side won the league title on ' +
              'Saturday, their first championship in a decade, and the coach praised his defenders.';
// What each page runs once it has NewsLens: the report's schema and primary theme, and whether
// the module left a global behind.
const PROBE = `
  const nl = await NewsLens.create();
  const report = nl.analyze(${JSON.stringify(MATCH)});
  window.result = { schema: report.schema, primary: report.primary_theme,
                    global: typeof window.NewsLens, version: NewsLens.version };
`;

let consumer;
let browser;
let server;
const asked = [];

before(async () => {
  consumer = await consumerProject();
  const {dir} = consumer;
  writeFileSync(join(dir, 'native.mjs'),
                `import { NewsLens } from './node_modules/newslens/newslens.browser.mjs';\n` +
                `try {${PROBE}} catch (e) { window.result = { error: String(e) }; }\n`);
  writeFileSync(join(dir, 'bundled-esm.mjs'),
                `import { NewsLens } from 'newslens';\n(async () => {${PROBE}})()` +
                '.catch((e) => { window.result = { error: String(e) }; });\n');
  writeFileSync(join(dir, 'bundled-cjs.cjs'),
                `const { NewsLens } = require('newslens');\n(async () => {${PROBE}})()` +
                '.catch((e) => { window.result = { error: String(e) }; });\n');
  for (const [entry, out] of [['bundled-esm.mjs', 'bundle-esm.js'], ['bundled-cjs.cjs', 'bundle-cjs.js']]) {
    await build({entryPoints: [join(dir, entry)], outfile: join(dir, out), absWorkingDir: dir,
                 bundle: true, platform: 'browser', format: 'iife', logLevel: 'silent'});
  }
  for (const [page, script, type] of [['native.html', 'native.mjs', 'module'],
                                      ['esm.html', 'bundle-esm.js', 'text/javascript'],
                                      ['cjs.html', 'bundle-cjs.js', 'text/javascript']]) {
    writeFileSync(join(dir, page),
                  `<!doctype html><meta charset="utf-8"><script type="${type}" src="${script}"></script>\n`);
  }
  // The widget from the package, as a site includes it: the loader by URL, the analyzer beside it.
  writeFileSync(join(dir, 'widget.html'), `<!doctype html><meta charset="utf-8">
    <script src="node_modules/newslens/embed/newslens-embed.js" defer></script>
    <article id="story"><h1>Home side take the title</h1><p>${MATCH}</p></article>
    <news-lens for="story"><p>fallback</p></news-lens>\n`);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    asked.push(path);
    const file = resolve(dir, '.' + path);
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    const type = {'.html': 'text/html', '.mjs': 'text/javascript', '.js': 'text/javascript'}[extname(file)];
    res.writeHead(200, {'content-type': `${type || 'application/octet-stream'}; charset=utf-8`,
                        'content-security-policy': CSP + "; style-src 'self'"});
    res.end(readFileSync(file));
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install chromium`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
           '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
});

after(async () => {
  await browser?.close();
  server?.close();
  consumer?.cleanup();
});

/**
 * Opens `page` and waits for its window.result (or `ready()` in the page); fails on a CSP
 * violation or a page error.
 */
async function resultOf(page, ready = () => window.result) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const problems = [];
  tab.on('pageerror', (error) => problems.push(String(error)));
  tab.on('console', (m) => { if (/Content.Security.Policy|Refused/i.test(m.text())) problems.push(m.text()); });
  try {
    asked.length = 0;
    await tab.goto(`http://127.0.0.1:${server.address().port}/${page}`);
    const result = await (await tab.waitForFunction(ready, null, {timeout: TIMEOUT_MS})).jsonValue();
    return {result, problems, asked: [...asked]};
  } finally {
    await context.close();
  }
}

const expected = (version) => ({schema: 'newslens/report@2', primary: 'sport', global: 'undefined', version});
const packageVersion = () => JSON.parse(readFileSync(join(consumer.dir, 'node_modules/newslens/package.json'), 'utf8')).version;

test('the ES module runs natively in a browser under a strict CSP, defines no global, fetches nothing', async () => {
  const {result, problems, asked: paths} = await resultOf('native.html');
  assert.deepEqual(problems, []);
  assert.deepEqual(result, expected(packageVersion()));
  assert.deepEqual(paths.sort(), ['/native.html', '/native.mjs', '/node_modules/newslens/newslens.browser.mjs']);
});

test('a bundler resolves import and require of newslens for the browser, and the bundles run', async () => {
  const esm = readFileSync(join(consumer.dir, 'bundle-esm.js'), 'utf8');
  assert.ok(!/createRequire/.test(esm), 'the browser bundle took the node entry');
  for (const page of ['esm.html', 'cjs.html']) {
    const {result, problems} = await resultOf(page);
    assert.deepEqual(problems, [], page);
    assert.deepEqual(result, expected(packageVersion()), page);
  }
});

test('newslens/embed from the package: the loader finds the analyzer beside it and draws the card', async () => {
  const {result, problems, asked: paths} = await resultOf('widget.html', () => {
    const card = document.querySelector('news-lens');
    if (card.state === 'error') return {error: String(card.error)};
    return card.state === 'ready' &&
           {primary: card.report.primary_theme, schema: card.report.schema,
            drawn: card.shadowRoot.querySelector('[part~="fallback"]').hidden};
  });
  assert.deepEqual(problems, []);
  assert.deepEqual(result, {primary: 'sport', schema: 'newslens/report@2', drawn: true});
  assert.deepEqual(paths.sort(), ['/node_modules/newslens/embed/newslens-analyzer.js',
                                  '/node_modules/newslens/embed/newslens-embed.js', '/widget.html']);
});
