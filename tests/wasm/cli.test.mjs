// The native CLI: exit codes, --jsonl streaming and errors, --help.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

import { cliPath, root } from './helpers.mjs';
import { validateReport2 } from './report-schema.mjs';

const run = (args, input) => spawnSync(cliPath, args, { input, encoding: 'utf8', maxBuffer: 1 << 26 });
const samplePath = join(root, 'data', 'samples', 'china-russia-letter.txt');

test('analyze FILE prints a readable table with themes and tone', () => {
  const r = run(['analyze', samplePath]);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /tone\s+positive/);
  assert.match(r.stdout, /Politics/);
  assert.match(r.stdout, /Diplomacy/);
});

test('--json prints the report', () => {
  const r = run(['analyze', '--json', samplePath]);
  assert.equal(r.status, 0, r.stderr);
  validateReport2(JSON.parse(r.stdout), 'the CLI\'s --json');
  const one = run(['analyze', '--json', '--schema', '1', samplePath]);
  assert.equal(JSON.parse(one.stdout).schema, 'newslens/report@1');
  const detailed = JSON.parse(run(['analyze', '--json', '--detail', 'mentions,sentence_themes', samplePath]).stdout);
  validateReport2(detailed, 'the CLI\'s --json --detail');
  assert.ok(detailed.mentions.length > 0 && detailed.sentence_themes.length === detailed.sentences.length);
  assert.equal(run(['analyze', '--json', '--schema', '3', samplePath]).status, 2);
  assert.equal(run(['analyze', '--json', '--detail', 'words', samplePath]).status, 2);
});

test('--jsonl keeps order, reports bad lines and goes on', () => {
  const input = [
    '{"id": 1, "text": "Good trade news."}',
    'not json',
    '{"id": "b"}',
    '{"id": [3], "text": "Terrible war."}',
    '',
    '{"text": "no id"}',
  ].join('\n');
  const r = run(['analyze', '--jsonl'], input);
  assert.equal(r.status, 1);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(lines.length, 5);
  assert.equal(lines[0].id, 1);
  assert.equal(lines[0].report.tone.label, 'positive');
  assert.match(lines[1].error, /^line 2: not valid JSON/);
  assert.equal(lines[2].id, 'b');
  assert.match(lines[2].error, /missing string field "text"/);
  assert.deepEqual(lines[3].id, [3]);
  assert.equal(lines[3].report.tone.label, 'negative');
  assert.equal(lines[4].id, null);
});

test('exit codes: 2 for usage errors, 1 when an input fails', () => {
  assert.equal(run([]).status, 2);
  assert.equal(run(['frobnicate']).status, 2);
  assert.equal(run(['analyze']).status, 2);
  assert.equal(run(['analyze', '--tone', 'sports', samplePath]).status, 2);
  assert.equal(run(['analyze', '--bogus', samplePath]).status, 2);
  const missing = run(['analyze', '/nonexistent/file.txt']);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nonexistent/);
  const dir = mkdtempSync(join(tmpdir(), 'newslens-'));
  const binary = join(dir, 'image.bin');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff]));
  const b = run(['analyze', binary, samplePath]);
  assert.equal(b.status, 1);
  assert.match(b.stderr, /image\.bin: binary data \(NUL bytes\), not text; skipped/);
  assert.match(b.stdout, /Politics/);  // the good file was still analysed
});

test('--dict adds a dictionary; a malformed one names file, line and column', () => {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-'));
  const dic = join(dir, 'mine.dic');
  writeFileSync(dic, '%\n1\tFriendship\n%\nfriend*\t1\n');
  const ok = run(['analyze', '--json', '--dict', dic, '--dict-only', samplePath]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout).primary_theme, 'friendship');
  const bad = join(dir, 'bad.json');
  writeFileSync(bad, '{"format": "newslens/themes@1",\n "themes": [}\n');
  const r = run(['analyze', '--dict', bad, samplePath]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /bad\.json:2:\d+: /);
});

test('--help documents every flag', () => {
  const r = run(['--help']);
  assert.equal(r.status, 0);
  for (const flag of ['--json', '--jsonl', '--tone', '--dict', '--dict-only', '--utf8-offsets', '--no-mentions', '--fields', '--max-bytes', '--detail', '--schema']) {
    assert.ok(r.stdout.includes(flag), flag);
  }
});

test('--fields computes only the parts asked for; an unknown one is a usage error', () => {
  const full = JSON.parse(run(['analyze', '--json', '--detail', 'mentions', samplePath]).stdout);
  const r = run(['analyze', '--json', '--detail', 'mentions', '--fields', 'tone,themes', samplePath]);
  assert.equal(r.status, 0, r.stderr);
  const part = JSON.parse(r.stdout);
  assert.deepEqual(part.tone, full.tone);
  assert.deepEqual(part.themes, full.themes);
  assert.deepEqual(part.entities, []);
  assert.deepEqual(part.mentions, []);
  const bad = run(['analyze', '--fields', 'tone,topics', samplePath]);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /unknown report field "topics"/);
});
