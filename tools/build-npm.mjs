#!/usr/bin/env node
// Builds the npm package `newslens` into build-npm/ (git-ignored), the folder it is packed and
// published from: `make npm` runs this after the module and the widget are built, and
// tests/package/npm.test.mjs packs it and installs it into a consumer project outside the tree.
//
//   node tools/build-npm.mjs      # needs build-wasm/newslens.js and dist/newslens-{embed,analyzer}.js
//   cd build-npm && npm pack      # the tarball; `npm pack --dry-run` lists its files and sizes
//
// What goes in, and why (docs/packaging.md, "npm"):
//   newslens.js           the module as built (build-wasm/newslens.js): one classic script with the
//                         WebAssembly and the dictionaries inside, which is CommonJS in node
//                         (module.exports = { NewsLens }) and defines `NewsLens` in a <script> tag.
//                         The `require` entry.
//   newslens.mjs          `import` in node: the same CommonJS module through createRequire, so that
//                         import and require in one program share one module (npm/newslens.mjs).
//   newslens.browser.mjs  `import` everywhere else (browsers, bundlers): newslens.js wrapped in a
//                         module scope with a local `module`, exporting NewsLens and defining no
//                         global. (Emscripten 3.1.6's EXPORT_ES6 output does not run in node, and
//                         the module's node-only require('fs'/'path') is mapped to nothing for
//                         bundlers by the "browser" field.)
//   newslens.d.ts/.d.mts  the types (wasm/newslens.d.ts), for require and import.
//   embed/                the widget: newslens-embed.js (the loader a page includes) and, beside it,
//                         newslens-analyzer.js (the module's widget edition, which the loader
//                         loads), as web/build-embed.mjs built
//                         them into dist/; index.d.ts (npm/embed.d.ts) types the element; node.cjs
//                         is `newslens/embed` under node (server-side rendering), where there is no
//                         DOM to define an element in.
//   report.schema.json    the JSON Schema of report@2 (docs/report.schema.json), for a project that
//                         stores reports and validates them.
//   README.md, LICENSE, NOTICE   npm/README.md, and the repository's licence and third-party notices.
// The page (dist/index.html, app.js, ...) is not in the package: it is an application, not
// something a project imports (docs/packaging.md gives the measured size it would add).
//
// The package's "version" is the repository's (package.json, the project's one version number).
//
// Environment: NEWSLENS_WASM_JS (the module, default build-wasm/newslens.js), NEWSLENS_EMBED_DIR
// (the built widget, default dist/), NEWSLENS_NPM_OUT (output folder, default build-npm/).

import {copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {dirname, join, relative, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const wasmJs = resolve(root, process.env.NEWSLENS_WASM_JS || 'build-wasm/newslens.js');
const embedDir = resolve(root, process.env.NEWSLENS_EMBED_DIR || 'dist');
const out = resolve(root, process.env.NEWSLENS_NPM_OUT || 'build-npm');

const inputs = {
  module: wasmJs,
  loader: join(embedDir, 'newslens-embed.js'),
  analyzer: join(embedDir, 'newslens-analyzer.js'),
};
for (const [what, file] of Object.entries(inputs)) {
  if (!existsSync(file)) {
    console.error(`tools/build-npm.mjs: ${relative(root, file)} (the ${what}) is missing; run ` +
                  '`make wasm web` first');
    process.exit(1);
  }
}
// The widget's analyzer bundles the module's widget edition, which `make wasm` builds with the
// module: an analyzer older than the module is stale.
if (statSync(inputs.analyzer).mtimeMs < statSync(inputs.module).mtimeMs) {
  console.error(`tools/build-npm.mjs: ${relative(root, inputs.analyzer)} is older than ` +
                `${relative(root, inputs.module)}; run \`node web/build-embed.mjs\` first`);
  process.exit(1);
}

const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const manifest = {
  name: repo.name,
  version: repo.version,
  description: repo.description,
  license: repo.license,
  keywords: ['news', 'nlp', 'sentiment', 'tone', 'themes', 'iptc', 'media-topics', 'vader',
             'entities', 'text-analysis', 'webassembly', 'web-component'],
  main: './newslens.js',
  module: './newslens.browser.mjs',
  types: './newslens.d.ts',
  exports: {
    '.': {
      import: {
        types: './newslens.d.mts',
        node: './newslens.mjs',
        default: './newslens.browser.mjs',
      },
      require: {
        types: './newslens.d.ts',
        default: './newslens.js',
      },
    },
    './embed': {
      types: './embed/index.d.ts',
      node: './embed/node.cjs',
      default: './embed/newslens-embed.js',
    },
    './embed/newslens-embed.js': './embed/newslens-embed.js',
    './embed/newslens-analyzer.js': './embed/newslens-analyzer.js',
    './newslens.js': './newslens.js',
    './report.schema.json': './report.schema.json',
    './package.json': './package.json',
  },
  // The module's node branch requires fs and path; a bundler building for browsers maps them to
  // empty modules (the branch never runs there).
  browser: {fs: false, path: false},
  // Importing the widget's loader defines <news-lens>; the analyzer module has no side effects.
  sideEffects: ['./embed/newslens-embed.js', './embed/newslens-analyzer.js'],
  files: [
    'newslens.js', 'newslens.mjs', 'newslens.browser.mjs', 'newslens.d.ts', 'newslens.d.mts',
    'embed/newslens-embed.js', 'embed/newslens-analyzer.js', 'embed/index.d.ts', 'embed/node.cjs',
    'report.schema.json', 'NOTICE',
  ],
  engines: {node: '>=20'},
};

rmSync(out, {recursive: true, force: true});
mkdirSync(join(out, 'embed'), {recursive: true});
writeFileSync(join(out, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');

const generated = (from) => `// GENERATED BY tools/build-npm.mjs from ${from}; DO NOT EDIT\n`;

// CommonJS, and the classic script for <script src>.
copyFileSync(inputs.module, join(out, 'newslens.js'));
copyFileSync(join(root, 'npm/newslens.mjs'), join(out, 'newslens.mjs'));

// The module for browsers and bundlers: the script in a module scope. Its last statement sees a
// `module` object and fills module.exports instead of setting the global NewsLens.
const script = readFileSync(inputs.module, 'utf8');
writeFileSync(join(out, 'newslens.browser.mjs'),
              generated(relative(root, inputs.module)) +
              '// newslens as an ES module for browsers and bundlers (see newslens.d.ts).\n' +
              'const module = {exports: {}};\n' +
              script + '\n' +
              'const NewsLens = module.exports.NewsLens;\n' +
              'export {NewsLens};\nexport default NewsLens;\n');

// Types: the same declarations for require (.d.ts) and import (.d.mts, with the default export).
const types = readFileSync(join(root, 'wasm/newslens.d.ts'), 'utf8');
copyFileSync(join(root, 'wasm/newslens.d.ts'), join(out, 'newslens.d.ts'));
writeFileSync(join(out, 'newslens.d.mts'),
              generated('wasm/newslens.d.ts') + types + '\nexport default NewsLens;\n');

copyFileSync(inputs.loader, join(out, 'embed/newslens-embed.js'));
copyFileSync(inputs.analyzer, join(out, 'embed/newslens-analyzer.js'));
copyFileSync(join(root, 'npm/embed.d.ts'), join(out, 'embed/index.d.ts'));
copyFileSync(join(root, 'npm/embed-node.cjs'), join(out, 'embed/node.cjs'));

copyFileSync(join(root, 'docs/report.schema.json'), join(out, 'report.schema.json'));
copyFileSync(join(root, 'npm/README.md'), join(out, 'README.md'));
copyFileSync(join(root, 'LICENSE'), join(out, 'LICENSE'));
copyFileSync(join(root, 'NOTICE'), join(out, 'NOTICE'));

console.log(`${relative(root, out)}/: newslens ${manifest.version} (npm pack --dry-run there lists ` +
            'the files and sizes)');
