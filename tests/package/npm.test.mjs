// The npm package as a user gets it: build-npm/ packed with `npm pack`, the tarball installed into
// a fresh project outside the tree with no network (tests/package/npm-consumer.mjs), then, from
// that project, `require('newslens')`, `import ... from 'newslens'`, `newslens/embed`, and the
// types under `tsc --noEmit`, checked against reports the installed module wrote.

import assert from 'node:assert/strict';
import {readFileSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {after, before, test} from 'node:test';

import Ajv from 'ajv';

import ts from 'typescript';

import {consumerProject, repoVersion, root, run, runInConsumer} from './npm-consumer.mjs';

const SAMPLE = join(root, 'data/samples/china-russia-letter.txt');
// Our own words: a match report, which a reader files under sport.
const MATCH = 'The striker scored twice in the second half as the home side won the league title on ' +
              'Saturday, their first championship in a decade, and the coach praised his defenders.';
const TSC = join(root, 'node_modules/typescript/bin/tsc');

/** What a consumer needs, and nothing else (tools/build-npm.mjs says what each file is). */
const PACKAGE_FILES = [
  'LICENSE', 'NOTICE', 'README.md', 'package.json',
  'newslens.js', 'newslens.mjs', 'newslens.browser.mjs', 'newslens.d.ts', 'newslens.d.mts',
  'embed/newslens-embed.js', 'embed/newslens-analyzer.js', 'embed/index.d.ts', 'embed/node.cjs',
  'report.schema.json',
];

/** The field paths of a JSON value: 'tone.label', 'themes[].terms[].term', ... */
function fieldsOf(value, path, out) {
  if (Array.isArray(value)) {
    for (const item of value) fieldsOf(item, `${path}[]`, out);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const field = path ? `${path}.${key}` : key;
      out.add(field);
      fieldsOf(item, field, out);
    }
  }
  return out;
}

/** The field paths the exported interfaces Report and Report1 of a .d.ts declare (TypeScript's
 *  checker: optional fields, unions of mentions, arrays and tuples of objects included). */
function declaredFields(file) {
  const program = ts.createProgram([file], {strict: true, noEmit: true});
  const checker = program.getTypeChecker();
  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)));
  const walk = (type, path, out, depth) => {
    if (depth > 8) return;
    if (type.isUnion()) {
      for (const member of type.types) walk(member, path, out, depth);
    } else if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const item of checker.getTypeArguments(type)) walk(item, `${path}[]`, out, depth + 1);
    } else if (type.flags & ts.TypeFlags.Object) {
      for (const property of checker.getPropertiesOfType(type)) {
        const field = path ? `${path}.${property.name}` : property.name;
        out.add(field);
        walk(checker.getNonNullableType(checker.getTypeOfSymbol(property)), field, out, depth + 1);
      }
    }
  };
  const result = {};
  for (const name of ['Report', 'Report1']) {
    const symbol = exports.find((s) => s.name === name);
    assert.ok(symbol, `newslens.d.ts exports no ${name}`);
    walk(checker.getDeclaredTypeOfSymbol(symbol), '', result[name] = new Set(), 0);
  }
  return result;
}

let consumer;
before(async () => {
  consumer = await consumerProject();
});
after(() => consumer?.cleanup());

test('the tarball holds the modules, the widget, the types, the licence and the notices, and no more', () => {
  const files = consumer.pack.files.map((f) => f.path).sort();
  assert.deepEqual(files, [...PACKAGE_FILES].sort());
  const installed = join(consumer.dir, 'node_modules/newslens');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  assert.equal(manifest.name, 'newslens');
  assert.equal(manifest.version, repoVersion(), 'the package carries the repository\'s one version');
  assert.equal(manifest.license, 'Apache-2.0');
  assert.equal(manifest.private, undefined, 'the published manifest must be publishable');
  for (const key of ['dependencies', 'peerDependencies', 'optionalDependencies', 'scripts']) {
    assert.equal(manifest[key], undefined, `no ${key}: nothing to fetch or run at install`);
  }
  assert.match(readFileSync(join(installed, 'LICENSE'), 'utf8'), /Apache License\s+Version 2\.0/);
  const notice = readFileSync(join(installed, 'NOTICE'), 'utf8');
  for (const credit of [/IPTC/, /CC BY 4\.0/, /vaderSentiment-js/, /Comcast/, /AFINN/,
                        /Open Database License \(ODbL\) v1\.0/, /GeoNames/, /Emscripten/]) {
    assert.match(notice, credit);
  }
});

test('require(\'newslens\') analyses an article in node (CommonJS)', async () => {
  const out = await runInConsumer(consumer.dir, 'require.cjs', `
    const { NewsLens } = require('newslens');
    const text = require('fs').readFileSync(${JSON.stringify(SAMPLE)}, 'utf8');
    NewsLens.create().then((nl) => {
      const report = nl.analyze(text);
      console.log(JSON.stringify({
        from: require.resolve('newslens'), version: NewsLens.version, schema: report.schema,
        generator: report.generator,
        primary: report.primary_theme, top: report.top_level.map((t) => t.id).slice(0, 3),
        countries: report.entities.filter((e) => e.type === 'country').map((e) => e.name),
        words: report.stats.words, sentences: report.sentences.length, label: report.tone.label,
        schemaFile: require.resolve('newslens/report.schema.json'), report,
      }));
    });
  `);
  assert.equal(out.from, join(consumer.dir, 'node_modules/newslens/newslens.js'));
  assert.equal(out.version, repoVersion(), 'NewsLens.version is the package version');
  assert.equal(out.schema, 'newslens/report@2');
  assert.equal(out.generator, `newslens ${repoVersion()}`, 'the report names the package\'s release');
  assert.equal(out.primary, 'politics', 'Xi\'s letter on China-Russia relations is about politics');
  assert.ok(out.countries.includes('China') && out.countries.includes('Russia'), out.countries.join());
  assert.ok(out.words > 1500 && out.sentences > 50, `${out.words} words, ${out.sentences} sentences`);
  assert.equal(out.label, 'positive');
  // The package's JSON Schema accepts the report (ajv, as tests/wasm/report-schema.mjs uses it).
  const schema = JSON.parse(readFileSync(out.schemaFile, 'utf8'));
  const validate = new Ajv({allErrors: true, strict: true, strictTuples: false}).compile(schema);
  assert.ok(validate(out.report), JSON.stringify(validate.errors?.slice(0, 3)));
});

test('import from \'newslens\' analyses an article in node (ES module), sharing require\'s module', async () => {
  const out = await runInConsumer(consumer.dir, 'import.mjs', `
    import { createRequire } from 'node:module';
    import { NewsLens } from 'newslens';
    import Default from 'newslens';
    const dynamic = await import('newslens');
    const required = createRequire(import.meta.url)('newslens');
    const nl = await NewsLens.create();
    const report = nl.analyze(${JSON.stringify(MATCH)});
    console.log(JSON.stringify({
      from: import.meta.resolve('newslens'), sameDefault: Default === NewsLens,
      sameDynamic: dynamic.NewsLens === NewsLens, sameRequire: required.NewsLens === NewsLens,
      sameAnalyzer: (await required.NewsLens.create()) === nl, global: typeof globalThis.NewsLens,
      schema: report.schema, primary: report.primary_theme, json: JSON.parse(nl.analyzeToJson(${JSON.stringify(MATCH)})).primary_theme,
    }));
  `);
  assert.equal(out.from, 'file://' + join(consumer.dir, 'node_modules/newslens/newslens.mjs'));
  assert.ok(out.sameDefault && out.sameDynamic, 'named, default and dynamic imports are one class');
  assert.ok(out.sameRequire && out.sameAnalyzer, 'import and require share one module and analyzer');
  assert.equal(out.global, 'undefined', 'the module defines no global in node');
  assert.equal(out.schema, 'newslens/report@2');
  assert.equal(out.primary, 'sport');
  assert.equal(out.json, 'sport');
});

test('newslens/embed: nothing in node, the element under a DOM, the analyzer as a worker', async () => {
  const out = await runInConsumer(consumer.dir, 'embed.cjs', `
    const vm = require('vm');
    const fs = require('fs');
    const { pathToFileURL } = require('url');
    const tick = () => new Promise((ok) => setTimeout(ok, 20));
    (async () => {
      const result = { nodeExports: Object.keys(require('newslens/embed')) };
      const loader = require.resolve('newslens/embed/newslens-embed.js');
      const analyzer = require.resolve('newslens/embed/newslens-analyzer.js');
      result.sideBySide = require('path').dirname(loader) === require('path').dirname(analyzer);

      // The loader, as a page runs it: a window with customElements and an HTMLElement.
      const defined = new Map();
      const page = { console, setTimeout, clearTimeout, queueMicrotask,
        customElements: { get: (tag) => defined.get(tag), define: (tag, c) => defined.set(tag, c) },
        document: { currentScript: { src: pathToFileURL(loader).href }, baseURI: 'https://news.example/a.html' } };
      page.window = page;
      vm.createContext(page);
      vm.runInContext('class HTMLElement {}', page);
      vm.runInContext(fs.readFileSync(loader, 'utf8'), page, { filename: loader });
      while (!defined.has('news-lens')) await tick();  // defined in a task after the script's
      result.element = { tags: [...defined.keys()], global: defined.get('news-lens') === page.NewsLensElement,
                         attributes: page.NewsLensElement.observedAttributes };

      // The analyzer, as the loader's Web Worker runs it: messages in, reports out.
      const posted = [];
      let onMessage = null;
      globalThis.self = { postMessage: (m) => posted.push(m),
                          addEventListener: (type, f) => { if (type === 'message') onMessage = f; } };
      require(analyzer);
      while (!posted.length) await tick();
      result.first = posted[0];
      onMessage({ data: { id: 7, text: ${JSON.stringify(MATCH)} } });
      while (posted.length < 2) await tick();
      const { type, id, report } = posted[1];
      result.reply = { type, id, schema: report.schema, primary: report.primary_theme };
      console.log(JSON.stringify(result));
    })();
  `);
  assert.deepEqual(out.nodeExports, [], 'under node newslens/embed defines nothing and does not throw');
  assert.ok(out.sideBySide, 'the analyzer sits beside the loader, where the loader looks for it');
  assert.deepEqual(out.element.tags, ['news-lens']);
  assert.ok(out.element.global, 'the loader exposes the element class as NewsLensElement');
  assert.ok(out.element.attributes.includes('for'));
  // The widget's analyzer is the widget edition of the module (docs/size.md).
  assert.deepEqual(out.first, {type: 'ready', edition: 'widget'});
  assert.deepEqual(out.reply, {type: 'report', id: 7, schema: 'newslens/report@2', primary: 'sport'});
});

test('the types compile in the consumer with tsc --noEmit and describe the reports the module writes', async () => {
  const {dir} = consumer;
  // Reports the installed module wrote, as typed literals: tsc rejects a field the types lack
  // (excess property), a field they require that is missing, and a value of another type.
  const written = await runInConsumer(dir, 'write-reports.cjs', `
    const { NewsLens } = require('newslens');
    const fs = require('fs');
    const text = fs.readFileSync(${JSON.stringify(SAMPLE)}, 'utf8');
    const part = text.slice(0, 2500);
    NewsLens.create().then((nl) => {
      const lines = ["import type { Report, Report1 } from 'newslens';"];
      const reports = { Report: [], Report1: [] };
      const add = (name, type, report) => {
        lines.push('export const ' + name + ': ' + type + ' = ' + JSON.stringify(report) + ';');
        reports[type].push(report);
      };
      add('auto', 'Report', nl.analyze(text));
      add('news', 'Report', nl.analyze(part, { tone: 'news' }));
      add('detailed', 'Report', nl.analyze(part, { detail: ['mentions', 'sentence_themes'] }));
      add('utf8', 'Report', nl.analyze(part, { offsets: 'utf8', fields: ['tone', 'themes'] }));
      add('empty', 'Report', nl.analyze(''));
      add('december', 'Report1', nl.analyze(part, { schema: 1 }));
      fs.writeFileSync('reports.mts', lines.join('\\n') + '\\n');
      console.log(JSON.stringify(reports));
    });
  `);
  // And the other way round: every field the types declare is one the module writes, in one of
  // these reports (a declaration the module no longer fills would mislead a reader of the types).
  const declared = declaredFields(join(dir, 'node_modules/newslens/newslens.d.ts'));
  for (const type of ['Report', 'Report1']) {
    const seen = new Set();
    for (const report of written[type]) fieldsOf(report, '', seen);
    assert.deepEqual([...declared[type]].filter((f) => !seen.has(f)), [],
                     `${type}: declared in newslens.d.ts, in none of the module's reports`);
    assert.deepEqual([...seen].filter((f) => !declared[type].has(f)), [],
                     `${type}: in the module's reports, not declared in newslens.d.ts`);
  }
  writeFileSync(join(dir, 'use.mts'), `
    import { NewsLens, type Report, type AnalyzeOptions } from 'newslens';
    import Default from 'newslens';
    const nl: NewsLens = await Default.create({ dictionaries: [] });
    const options: AnalyzeOptions = { tone: 'news', detail: ['mentions'], offsets: 'utf16' };
    const either = nl.analyze('text', options);  // schema unknown here: either report
    const mentions = either.schema === 'newslens/report@2' ? either.mentions?.length : either.mentions.length;
    const report: Report = nl.analyze('text', { tone: 'news' });
    const schema: 'newslens/report@2' = report.schema;
    const primary: string | undefined = report.primary_theme;
    const arc: number = report.sentences[0][2];
    const label: 'positive' | 'negative' | 'neutral' = NewsLens.toneLabel(arc);
    // @ts-expect-error analyze takes a string
    nl.analyze(42);
    // @ts-expect-error no such lexicon
    nl.analyze('text', { tone: 'cheerful' });
    console.log(schema, primary, label, mentions, NewsLens.version);
  `);
  writeFileSync(join(dir, 'use.cts'), `
    import newslens = require('newslens');
    async function main(): Promise<void> {
      const nl = await newslens.NewsLens.create();
      const december = nl.analyze('text', { schema: 1 });
      const schema: 'newslens/report@1' = december.schema;
      const themes: string[] | undefined = december.sentences[0]?.themes;
      console.log(schema, themes, nl.analyzeToJson('text').length);
    }
    void main();
  `);
  writeFileSync(join(dir, 'embed.mts'), `
    import 'newslens/embed';
    import type { NewsLensElement } from 'newslens/embed';
    const card: NewsLensElement | null = document.querySelector('news-lens');
    card?.addEventListener('newslens-analyzed', (event) => console.log(event.detail.primary_theme));
    const state: 'idle' | 'loading' | 'ready' | 'error' | undefined = card?.state;
    globalThis.NewsLensElement?.define('story-lens');
    console.log(state);
  `);
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({
    compilerOptions: {strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext',
                      target: 'es2022', lib: ['es2022', 'dom'], types: [], skipLibCheck: false},
    files: ['use.mts', 'use.cts', 'embed.mts', 'reports.mts'],
  }));
  await run(process.execPath, [TSC, '-p', '.'], {cwd: dir});
  // A bundler's resolution ("exports" with the import condition), and the older node10 one, which
  // knows no "exports" and reads the top-level "types".
  writeFileSync(join(dir, 'tsconfig.bundler.json'), JSON.stringify({
    extends: './tsconfig.json',
    compilerOptions: {module: 'esnext', moduleResolution: 'bundler'},
    files: ['use.mts', 'embed.mts', 'reports.mts'],
  }));
  writeFileSync(join(dir, 'legacy.ts'), `
    import { NewsLens, Report } from 'newslens';
    export async function primary(text: string): Promise<string | undefined> {
      const report: Report = (await NewsLens.create()).analyze(text);
      return report.primary_theme;
    }
  `);
  writeFileSync(join(dir, 'tsconfig.node10.json'), JSON.stringify({
    extends: './tsconfig.json',
    compilerOptions: {module: 'commonjs', moduleResolution: 'node10'},
    files: ['legacy.ts'],
  }));
  for (const config of ['tsconfig.bundler.json', 'tsconfig.node10.json']) {
    await run(process.execPath, [TSC, '-p', config], {cwd: dir});
  }

  // And the types are really read: a wrong use fails to compile.
  writeFileSync(join(dir, 'wrong.mts'), `
    import { NewsLens } from 'newslens';
    import { NewsLensElement } from 'newslens/embed';
    const words: string = (await NewsLens.create()).analyze('text').stats.words;
    new NewsLensElement();
  `);
  writeFileSync(join(dir, 'tsconfig.wrong.json'), JSON.stringify({
    extends: './tsconfig.json', files: ['wrong.mts'],
  }));
  const failed = await run(process.execPath, [TSC, '-p', 'tsconfig.wrong.json'], {cwd: dir})
      .then(() => null, (error) => error.stdout);
  assert.ok(failed, 'tsc accepted a wrong use of the types');
  assert.match(failed, /Type 'number' is not assignable to type 'string'/);
  assert.match(failed, /'NewsLensElement' cannot be used as a value because it was exported using 'export type'/);
});
