#!/usr/bin/env node
// Builds the embed widget in its two files, so a news page adds
// <script src="newslens-embed.js" defer></script> and the heavy part comes only when it is needed.
//
//   node web/build-embed.mjs      # needs build-wasm/newslens-widget.js (or NEWSLENS_WASM_JS=path)
//
// dist/newslens-embed.js             the loader: web/embed/*.js (the element, the card, its styles
//                                    and strings), one minified IIFE; its only global is
//                                    `NewsLensElement`. Tens of KB, no WebAssembly.
// dist/newslens-analyzer.js          the analyzer: the widget edition of the module
//                                    (build-wasm/newslens-widget.js: wasm, the compact
//                                    dictionaries, the NewsLens facade; docs/size.md) wrapped by
//                                    web/embed/analyzer-entry.js so that it defines no global. The
//                                    loader requests it when the first card nears the viewport.
// dist/NOTICE, dist/LICENSE          the third-party credits and the licence (web/notice.mjs),
//                                    unless web/build.mjs wrote them there already
// dist/examples/news-article.html    the example article page (web/examples/), using the widget
// dist/examples/news-article.css     under a strict CSP
//
// It prints both sizes; the budgets (the loader <= 20 KB gzipped, both files <= 250 KB) are
// checked by bench/size.mjs, which `make build` runs after this.
//
// Environment: NEWSLENS_WASM_JS (the module to bundle), NEWSLENS_EMBED_OUT (output directory,
// default dist/).

import {build} from 'esbuild';
import {copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';

import {hasNotices, writeNotices} from './notice.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmJs = resolve(root, process.env.NEWSLENS_WASM_JS || 'build-wasm/newslens-widget.js');
const out = resolve(root, process.env.NEWSLENS_EMBED_OUT || 'dist');
// Same browsers as the page (web/build.mjs), which also have customElements, Shadow DOM,
// IntersectionObserver and private class fields.
const target = ['chrome90', 'firefox90', 'safari15'];

if (!existsSync(wasmJs)) {
  console.error(`web/build-embed.mjs: ${relative(root, wasmJs)} is missing; run \`make wasm\` ` +
                `first (or set NEWSLENS_WASM_JS to a built newslens.js)`);
  process.exit(1);
}

/**
 * 'newslens-wasm' (imported by web/embed/analyzer-entry.js) is the built module. It is not bundled
 * by esbuild, which would wrap it in a function called later (its CommonJS wrapper): V8 scans such
 * a function once when the script is compiled and again when it is called, and the module is
 * ~600 KB of string literals (the wasm bytes and the dictionaries), so the analyzer's evaluation
 * cost twice what one scan does (issue 19: 11.9 -> 6.1 ms in node, a task of ~45 ms on the page's
 * main thread at 4x throttle from file://). The module is written first in the file instead,
 * inside a function run at once (parenthesised, so V8 compiles it in the same scan), which hands
 * its exports to the bundled entry as `newslensAnalyzerModule`; the import resolves to that.
 * Inside that function the module's free `fetch` is shadowed by `undefined`, a second guard beside
 * the module's own (newslens-pre.js): the facade always hands the Emscripten runtime the wasm
 * bytes, so it has nothing to fetch, and any attempt would be a request the page's CSP
 * (`connect-src` from `default-src 'none'`) refuses with a violation report. The widget never
 * fetches anything. `module` is a local there too, so the module exports instead of defining a
 * global. The module's node-only require('fs'/'path') never run in a page.
 */
const modulePlugin = {
  name: 'newslens-wasm',
  setup(b) {
    b.onResolve({filter: /^newslens-wasm$/}, () => ({path: 'newslens-wasm', namespace: 'newslens-wasm'}));
    b.onLoad({filter: /.*/, namespace: 'newslens-wasm'}, () => ({
      contents: 'module.exports = newslensAnalyzerModule;  // see web/build-embed.mjs',
      loader: 'js',
    }));
  },
};

/** The module, run at once in a function of its own; its exports become newslensAnalyzerModule. */
function moduleFirst(moduleSource) {
  return '(function () {\nvar newslensAnalyzerModule = (function () {\n' +
         'var fetch = undefined, module = {exports: {}}, exports = module.exports;  // see web/build-embed.mjs\n' +
         `${moduleSource}\nreturn module.exports;\n})();\n`;
}

mkdirSync(join(out, 'examples'), {recursive: true});
const common = {
  bundle: true,
  format: 'iife',  // classic scripts: no globals but the one auto-define.js sets
  minify: true,
  target,
  legalComments: 'none',
  logLevel: 'warning',
  absWorkingDir: root,
};
const loader = join(out, 'newslens-embed.js');
const analyzer = join(out, 'newslens-analyzer.js');
await build({
  ...common,
  entryPoints: [join(root, 'web/embed/auto-define.js')],
  outfile: loader,
  banner: {js: '/* newslens embed widget, Apache-2.0 (third-party credits: NOTICE beside this file); built by web/build-embed.mjs. See docs/embed.md */'},
});
const entry = await build({
  ...common,
  entryPoints: [join(root, 'web/embed/analyzer-entry.js')],
  write: false,
  outfile: analyzer,
  plugins: [modulePlugin],
});
writeFileSync(analyzer,
              // Short: the card's budget counts every byte (docs/size.md).
              '/* newslens analyzer for newslens-embed.js, Apache-2.0; third-party credits: ' +
              'NOTICE beside this file */\n' +
              moduleFirst(readFileSync(wasmJs, 'utf8')) + entry.outputFiles[0].text + '})();\n');
for (const f of ['news-article.html', 'news-article.css']) {
  copyFileSync(join(root, 'web/examples', f), join(out, 'examples', f));
}
// The module's third-party credits beside the widget's files (web/notice.mjs). In dist/ the page's
// build has written them already (with the page's npm packages too; the widget bundles none).
if (!hasNotices(out)) writeNotices(out);

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
console.log(`${''.padEnd(30)}${'raw'.padStart(11)}${'gzip'.padStart(11)}`);
for (const file of [loader, analyzer]) {
  const bytes = readFileSync(file);
  const rel = relative(root, file);
  const name = rel.startsWith('..') ? file : rel;
  console.log(`${name.padEnd(30)}${kb(bytes.length)}${kb(gzipSync(bytes, {level: 9}).length)}`);
}
