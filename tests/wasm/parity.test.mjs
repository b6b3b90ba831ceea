// Same input -> byte-identical report from the native CLI and the wasm build.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { cliPath, loadNewsLens, root, sample } from './helpers.mjs';

const NewsLens = loadNewsLens();
const fixtures = readFileSync(join(root, 'tests', 'fixtures', 'parity.jsonl'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .map((line) => JSON.parse(line));
fixtures.push({ id: 'sample', text: sample });

function nativeReports(items, args = []) {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run 'make build' first`);
  const input = items.map((x) => JSON.stringify(x)).join('\n') + '\n';
  const out = execFileSync(cliPath, ['analyze', '--jsonl', ...args], { input, maxBuffer: 1 << 28 });
  return out.toString('utf8').trim().split('\n').map((line) => {
    const prefix = line.indexOf(',"report":');
    assert.ok(prefix > 0, `no report in: ${line.slice(0, 200)}`);
    return { id: JSON.parse(line.slice(0, prefix) + '}').id, json: line.slice(prefix + 10, -1) };
  });
}

for (const tone of ['auto', 'news', 'general', 'finance']) {
  test(`native and wasm reports are identical (tone: ${tone}, ${fixtures.length} texts)`, async () => {
    const nl = await NewsLens.create();
    const native = nativeReports(fixtures, ['--tone', tone]);
    assert.equal(native.length, fixtures.length);
    fixtures.forEach((item, i) => {
      assert.equal(native[i].id, item.id);
      assert.equal(nl.analyzeToJson(item.text, { tone }), native[i].json, `report differs for ${item.id}`);
    });
  });
}

test('native and wasm reports are identical with details and in report@1', async () => {
  const nl = await NewsLens.create();
  const cases = [[['--detail', 'mentions,sentence_themes'], { detail: ['mentions', 'sentence_themes'] }],
                 [['--schema', '1'], { schema: 1 }], [['--detail', 'mentions', '--utf8-offsets'],
                 { detail: ['mentions'], offsets: 'utf8' }]];
  for (const [args, options] of cases) {
    const native = nativeReports(fixtures, args);
    fixtures.forEach((item, i) => {
      assert.equal(nl.analyzeToJson(item.text, options), native[i].json, `${item.id} ${args.join(' ')}`);
    });
  }
});

test('the parity check can fail: a different option changes the report', async () => {
  const nl = await NewsLens.create();
  const native = nativeReports([{ id: 'x', text: sample }], ['--utf8-offsets']);
  assert.notEqual(nl.analyzeToJson(sample), native[0].json);
  assert.equal(nl.analyzeToJson(sample, { offsets: 'utf8' }), native[0].json);
});

// Hostile text (issue 10, docs/reliability.md): the same bytes from both builds too. The CLI
// reads these as JSONL, so NULs and lone surrogates arrive as \u0000 and \ud800 escapes.
const hostile = [
  { id: 'empty', text: '' },
  { id: 'whitespace', text: ' \n\t\u00a0\u3000\r\n' },
  { id: 'lone surrogates', text: '\uDC00peace \uD800 war\uD800 \uD83D\uDE00 talks' },
  { id: 'NUL bytes', text: 'peace\u0000\u0000war\u0000 talks' },
  { id: 'replacement chars', text: '\uFFFD\uFFFD war \uFFFE\uFFFF' },
  { id: 'a 1 MB word', text: 'w'.repeat(1 << 20) },
  { id: 'a million !', text: '!'.repeat(1000000) },
  { id: 'nested quotes', text: '"(\u201c\''.repeat(20000) + 'Peace talks failed.' + '\'\u201d)"'.repeat(20000) },
  { id: 'XSS', text: '<script>alert("war")</script><img src=x onerror=alert(1)> Good news.' },
  { id: 'bidi and combining', text: '\u202Ewar\u202C e\u0301lection \u200Bpeace\u200D talks' },
];

for (const offsets of ['utf16', 'utf8']) {
  test(`native and wasm reports are identical for hostile text (offsets: ${offsets})`, async () => {
    const nl = await NewsLens.create();
    const native = nativeReports(hostile, offsets === 'utf8' ? ['--utf8-offsets'] : []);
    assert.equal(native.length, hostile.length);
    hostile.forEach((item, i) => {
      assert.equal(native[i].id, item.id);
      assert.equal(nl.analyzeToJson(item.text, { offsets }), native[i].json, `report differs for ${item.id}`);
    });
  });
}

// analyze() makes the report object from the module's flat form (Analyzer::AnalyzeToFlat,
// newslens-api.js reportFromParts) instead of parsing the JSON: it must be exactly the object
// JSON.parse(analyzeToJson()) gives, key order included (JSON.stringify compares both).
function assertSameObject(nl, text, options, what) {
  const made = nl.analyze(text, options);
  const parsed = JSON.parse(nl.analyzeToJson(text, options));
  assert.deepStrictEqual(made, parsed, `report object differs for ${what}`);
  assert.equal(JSON.stringify(made), JSON.stringify(parsed), `key order differs for ${what}`);
}

test('analyze() returns exactly JSON.parse(analyzeToJson()) for every text and option', async () => {
  const nl = await NewsLens.create();
  const optionSets = [{}, { tone: 'finance' }, { tone: 'general' }, { offsets: 'utf8' },
    { mentions: false }, { sentences: false }, { fields: ['tone'] }, { fields: ['themes', 'mentions'] },
    { fields: ['entities', 'sentences'] }, { schema: 1 }, { schema: 1, fields: ['themes'] },
    { detail: ['mentions'] }, { detail: ['sentence_themes'], offsets: 'utf8' },
    { detail: ['mentions', 'sentence_themes'], tone: 'finance' }];
  for (const item of fixtures) for (const options of optionSets)
    assertSameObject(nl, item.text, options, `${item.id} ${JSON.stringify(options)}`);
  for (const item of hostile) {
    assertSameObject(nl, item.text, {}, item.id);
    assertSameObject(nl, item.text, { detail: ['mentions', 'sentence_themes'] }, item.id);
  }
  // Strings that need escaping or are not ASCII, in labels, terms and entity names.
  const themes = JSON.stringify({
    format: 'newslens/themes@1',
    themes: [{ id: 'quoted', label: 'Say "cheese" \\ back\u2028slash \u00e9\u{1F600}',
               terms: ['caf\u00e9', 'na\u00efve*', 'smile'] }],
  });
  const custom = await NewsLens.create({ dictionaries: [{ name: 'quoted.json', text: themes }] });
  const text = 'A na\u00efve caf\u00e9 owner in \u0160koda Ministry said "smile" to \u00c9lise ' +
               'Dupont\u00e9 in M\u00fcnchen. Mr Dupont\u00e9 was glad.\n' + sample;
  assertSameObject(custom, text, {}, 'escaped and non-ASCII strings');
  assert.ok(custom.analyze(text).themes.some((t) => t.label.includes('"cheese"')));
  custom.dispose();
});
