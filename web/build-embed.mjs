#!/usr/bin/env node
// Builds the embed widget: ONE classic script with the WebAssembly module inside, so a news page
// adds <script src="newslens-embed.js" defer></script> and makes no other request.
//
//   node web/build-embed.mjs      # needs build-wasm/newslens.js (or NEWSLENS_WASM_JS=path)
//
// dist/newslens-embed.js             web/embed/*.js + the module, one minified IIFE; its only
//                                    global is `NewsLensElement`
// dist/examples/news-article.html    the example article page (web/examples/), using the widget
// dist/examples/news-article.css     under a strict CSP
//
// Size budget (SPEC §5, issue 7): the script, gzipped, must be <= 150 KB (150 × 1024 bytes). Over
// budget the build prints the overage and exits 1 — unless NEWSLENS_EMBED_BUDGET=warn, which
// prints the same warning and exits 0 (for development while the module is being shrunk).
//
// Environment: NEWSLENS_WASM_JS (the module to bundle), NEWSLENS_EMBED_OUT (output directory,
// default dist/), NEWSLENS_EMBED_BUDGET ('fail', the default, or 'warn').

import {build} from 'esbuild';
import {copyFileSync, existsSync, mkdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmJs = resolve(root, process.env.NEWSLENS_WASM_JS || 'build-wasm/newslens.js');
const out = resolve(root, process.env.NEWSLENS_EMBED_OUT || 'dist');
const budgetMode = process.env.NEWSLENS_EMBED_BUDGET || 'fail';

/** SPEC §5: "embed widget (JS + wasm + dictionaries) ≤ 150 KB gzipped". */
const BUDGET_GZIP_BYTES = 150 * 1024;

// Same browsers as the page (web/build.mjs), which also have customElements, Shadow DOM,
// IntersectionObserver and private class fields.
const target = ['chrome90', 'firefox90', 'safari15'];

if (budgetMode !== 'fail' && budgetMode !== 'warn') {
  console.error(`web/build-embed.mjs: NEWSLENS_EMBED_BUDGET must be 'fail' or 'warn', not '${budgetMode}'`);
  process.exit(2);
}
if (!existsSync(wasmJs)) {
  console.error(`web/build-embed.mjs: ${relative(root, wasmJs)} is missing; run \`make wasm\` ` +
                `first (or set NEWSLENS_WASM_JS to a built newslens.js)`);
  process.exit(1);
}

/**
 * 'newslens-wasm' (imported by web/embed/analyzer.js) is the built module. Inside the bundle its
 * free `fetch` is shadowed by `undefined`, a second guard beside the module's own (newslens-pre.js):
 * the facade always hands the Emscripten runtime the wasm bytes, so it has nothing to fetch, and
 * any attempt would be a request the page's CSP (`connect-src` from `default-src 'none'`) refuses
 * with a violation report. The widget never fetches anything.
 * The module's node-only require('fs'/'path') never run in a page; they resolve to nothing.
 */
const modulePlugin = {
  name: 'newslens-wasm',
  setup(b) {
    b.onResolve({filter: /^newslens-wasm$/}, () => ({path: wasmJs, namespace: 'newslens-wasm'}));
    b.onLoad({filter: /.*/, namespace: 'newslens-wasm'}, () => ({
      contents: 'var fetch = undefined;  // see web/build-embed.mjs\n' + readFileSync(wasmJs, 'utf8'),
      loader: 'js',
      resolveDir: dirname(wasmJs),
    }));
    b.onResolve({filter: /^(fs|path)$/}, (args) => ({path: args.path, namespace: 'node-only'}));
    b.onLoad({filter: /.*/, namespace: 'node-only'}, () => ({contents: 'module.exports = {};',
                                                            loader: 'js'}));
  },
};

mkdirSync(join(out, 'examples'), {recursive: true});
const outfile = join(out, 'newslens-embed.js');
await build({
  entryPoints: [join(root, 'web/embed/auto-define.js')],
  outfile,
  bundle: true,
  format: 'iife',  // a classic script: no globals but the one auto-define.js sets
  minify: true,
  target,
  legalComments: 'none',
  banner: {js: '/* newslens embed widget, Apache-2.0; built by web/build-embed.mjs. See docs/embed.md */'},
  logLevel: 'warning',
  absWorkingDir: root,
  plugins: [modulePlugin],
});
for (const f of ['news-article.html', 'news-article.css']) {
  copyFileSync(join(root, 'web/examples', f), join(out, 'examples', f));
}

const bytes = readFileSync(outfile);
const gz = gzipSync(bytes, {level: 9}).length;
const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
const rel = relative(root, outfile);
const name = rel.startsWith('..') ? outfile : rel;
console.log(`${''.padEnd(26)}${'raw'.padStart(11)}${'gzip'.padStart(11)}`);
console.log(`${name.padEnd(26)}${kb(bytes.length)}${kb(gz)}`);
console.log(`${'budget (gzip)'.padEnd(26)}${''.padStart(11)}${kb(BUDGET_GZIP_BYTES)}`);
if (gz > BUDGET_GZIP_BYTES) {
  const over = `web/build-embed.mjs: ${name} is ${(gz / 1024).toFixed(1)} KB gzipped, ` +
               `${((gz - BUDGET_GZIP_BYTES) / 1024).toFixed(1)} KB over the 150 KB budget`;
  if (budgetMode === 'warn') {
    console.warn(`WARNING: ${over} (NEWSLENS_EMBED_BUDGET=warn: not failing)`);
  } else {
    console.error(`${over}\n(set NEWSLENS_EMBED_BUDGET=warn to build anyway during development)`);
    process.exit(1);
  }
}
