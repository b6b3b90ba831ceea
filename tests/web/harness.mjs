// Shared by the page tests: the dist/ check, Chromium, a static server for dist/, and helpers
// that read what the page shows. Not a test file itself.

import assert from 'node:assert/strict';
import {existsSync, readFileSync, statSync} from 'node:fs';
import {createServer} from 'node:http';
import {dirname, extname, join, resolve, sep} from 'node:path';
import {after, before, test} from 'node:test';
import {fileURLToPath, pathToFileURL} from 'node:url';

import {chromium} from 'playwright-core';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const dist = join(root, 'dist');
export const DIST_FILES = ['index.html', 'app.js', 'app.css', 'newslens.js', 'sample.js',
                           'worker.js'];
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
/**
 * Every wait in the page is for local work; this only bounds a hang. Generous: `make test` runs
 * on a 2-core CI machine that may be building something else at the same time, where a step
 * that takes 1 s alone can take 20.
 */
export const TIMEOUT_MS = 90_000;

/**
 * Runs `suite(env)` with a browser and a server for dist/, or — when dist/ is not built — one
 * failing test saying so (never a silent skip). env: {browser(), httpBase(), fileBase(), asked}.
 */
export function withPage(suite) {
  const missing = DIST_FILES.filter((f) => !existsSync(join(dist, f)));
  if (missing.length) {
    test('dist/ is built', () => {
      assert.fail(`dist/ lacks ${missing.join(', ')}: run \`make build\` first`);
    });
    return;
  }
  let browser;
  let http;
  before(async () => {
    assert.ok(existsSync(CHROMIUM), `${CHROMIUM} not found: apt-get install chromium`);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
             '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    http = await serveDist();
  });
  after(async () => {
    if (browser) await browser.close();
    if (http) http.server.close();
  });
  suite({
    browser: () => browser,
    httpBase: () => `http://127.0.0.1:${http.server.address().port}/`,
    fileBase: () => pathToFileURL(dist).href + '/',
    asked: () => http.asked,
  });
}

const TYPES = {'.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
               '.css': 'text/css; charset=utf-8', '.png': 'image/png'};

/** Serves dist/ only, and remembers every path asked for. */
function serveDist() {
  const asked = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    asked.push(path);
    const file = resolve(dist, '.' + (path === '/' ? '/index.html' : path));
    if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {'content-type': TYPES[extname(file)] || 'application/octet-stream'});
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({server, asked})));
}

/** Same rule as web/src/format.js signed(): true minus sign, no sign on zero. */
export function signed(x, digits = 2) {
  const s = Math.abs(x).toFixed(digits);
  if (Number(s) === 0) return s;
  return (x < 0 ? '\u2212' : '+') + s;
}

/** Opens the page and records what a test must check afterwards. */
export async function openPage(browser, url, {viewport = {width: 1280, height: 900}, colorScheme,
                                              context: existing} = {}) {
  const context = existing || await browser.newContext({viewport, colorScheme, acceptDownloads: true});
  // Playwright's own waits (click, waitForEvent('download'), ...) get the same bound.
  context.setDefaultTimeout(TIMEOUT_MS);
  const page = await context.newPage();
  const log = {requests: [], errors: [], dialogs: []};
  page.on('request', (r) => log.requests.push(r.url()));
  page.on('pageerror', (e) => log.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(`console: ${m.text().slice(0, 300)}`);
  });
  page.on('dialog', (d) => {
    log.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`.slice(0, 200));
    });
  });
  await page.goto(url);
  return {context, page, log};
}

/** Waits until the page has finished one more analysis than `previous`. */
export function analysed(page, previous) {
  return page.waitForFunction(
      (n) => window.newslensPage && window.newslensPage.analysisCount > n &&
             document.body.dataset.state === 'idle',
      previous, {timeout: TIMEOUT_MS});
}

export async function analysisCount(page) {
  return page.evaluate(() => (window.newslensPage ? window.newslensPage.analysisCount : 0));
}

/** Clicks `selector` and waits for the analysis it starts. */
export async function clickAndWait(page, selector) {
  const n = await analysisCount(page);
  await page.click(selector);
  await analysed(page, n);
}

/** Opens a chart's data table with its "Show table" button (tables are built when first opened). */
export async function openTable(page, toggleTestid) {
  const toggle = page.locator(`[data-testid="${toggleTestid}"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Opaque (alpha > 0) pixels on a canvas: Chart.js leaves the background transparent. */
export function paintedPixels(page, testid) {
  return page.evaluate((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"]`);
    const {data} = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return {n, width: canvas.width, height: canvas.height};
  }, testid);
}

/** Asserts every request stayed within the page's own files (or blob:/data:). */
export function assertOnlyOwnFiles(log, base) {
  const outside = log.requests.filter((u) => {
    if (u.startsWith('blob:') || u.startsWith('data:')) return false;
    if (!u.startsWith(base)) return true;
    const name = u.slice(base.length).split(/[?#]/)[0];
    return !(name === '' || DIST_FILES.includes(name));
  });
  assert.deepEqual(outside, [], `requests outside the page's own files: ${outside.join(', ')}`);
}

/**
 * Asserts no CSP violation, page error or dialog. An opened HTML file's on*="" and style=""
 * attributes and <style> elements are taken out before DOMParser reads it
 * (web/src/inert-html.js), so opening one raises no violation either.
 */
export async function assertClean(page, log) {
  const csp = await page.evaluate(() => window.__cspViolations);
  const errors = log.errors;
  assert.deepEqual(csp, [], `CSP violations: ${csp.join('; ')}`);
  assert.deepEqual(errors, [], `errors in the page: ${errors.join('\n')}`);
  assert.deepEqual(log.dialogs, [], `dialogs opened: ${log.dialogs.join(', ')}`);
}

/** Reads a Playwright download as text. */
export async function downloadText(download) {
  const path = await download.path();
  return readFileSync(path, 'utf8');
}

/** Minimal RFC 4180 CSV parser (quoted fields, doubled quotes, CRLF). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
