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

for (const tone of ['news', 'general', 'finance']) {
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

test('the parity check can fail: a different option changes the report', async () => {
  const nl = await NewsLens.create();
  const native = nativeReports([{ id: 'x', text: sample }], ['--utf8-offsets']);
  assert.notEqual(nl.analyzeToJson(sample), native[0].json);
  assert.equal(nl.analyzeToJson(sample, { offsets: 'utf8' }), native[0].json);
});
