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
// dist/examples/news-article.html    the example article page (web/examples/), using the widget
// dist/examples/news-article.css     under a strict CSP
//
// It prints both sizes; the budgets (the loader <= 20 KB gzipped, both files <= 250 KB) are
// checked by bench/size.mjs, which `make build` runs after this.
//
// Environment: NEWSLENS_WASM_JS (the module to bundle), NEWSLENS_EMBED_OUT (output directory,
// default dist/).

import {build} from 'esbuild';
import {copyFileSync, existsSync, mkdirSync, readFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {gzipSync} from 'node:zlib';

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
 * 'newslens-wasm' (imported by web/embed/analyzer-entry.js) is the built module. Inside the bundle its
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
  banner: {js: '/* newslens embed widget, Apache-2.0; built by web/build-embed.mjs. See docs/embed.md */'},
});
await build({
  ...common,
  entryPoints: [join(root, 'web/embed/analyzer-entry.js')],
  outfile: analyzer,
  banner: {js: '/* newslens analyzer for the embed widget (newslens-embed.js loads it), Apache-2.0; ' +
               'built by web/build-embed.mjs. See docs/embed.md */'},
  plugins: [modulePlugin],
});
for (const f of ['news-article.html', 'news-article.css']) {
  copyFileSync(join(root, 'web/examples', f), join(out, 'examples', f));
}

const kb = (n) => (n / 1024).toFixed(1).padStart(8) + ' KB';
console.log(`${''.padEnd(30)}${'raw'.padStart(11)}${'gzip'.padStart(11)}`);
for (const file of [loader, analyzer]) {
  const bytes = readFileSync(file);
  const rel = relative(root, file);
  const name = rel.startsWith('..') ? file : rel;
  console.log(`${name.padEnd(30)}${kb(bytes.length)}${kb(gzipSync(bytes, {level: 9}).length)}`);
}
