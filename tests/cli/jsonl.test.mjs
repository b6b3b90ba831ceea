// newslens analyze --jsonl: parsing, bad lines with line numbers, input files, threads, gzip.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { constants, gunzipSync, gzipSync } from 'node:zlib';

import { generateArticles, parseLines, run, tempDir, toJsonl } from './helpers.mjs';

test('JSON strings with escapes, unicode and newlines reach the analyzer intact', () => {
  const text = 'He said "peace" — and meant it.\nThe war in Ukraine ended. 😀 Good.';
  const input = JSON.stringify({ id: 'q', text }) + '\n';
  const viaJsonl = parseLines(run(['analyze', '--jsonl'], input).stdout)[0].report;
  const viaFile = JSON.parse(run(['analyze', '--json', '-'], text).stdout);
  assert.deepEqual(viaJsonl, viaFile);
  assert.equal(viaJsonl.stats.sentences, 3);
});

test('bad lines are reported with their line numbers and the rest is processed', () => {
  const input = [
    '\uFEFF{"id": 1, "text": "Good trade news."}',  // BOM on the first line
    '{"id": 2, "text": "Bad war news."}\r',          // CRLF
    '',
    '   ',
    '{"id": 3, "text": "unterminated}',
    '[1, 2]',
    '{"id": 4, "text": 42}',
    '{"id": 5, "text": "Peace at last."}',
  ].join('\n');
  const r = run(['analyze', '--jsonl', '--threads', '2'], input);
  assert.equal(r.status, 1);
  const out = parseLines(r.stdout);
  assert.deepEqual(out.map((o) => o.id), [1, 2, null, null, 4, 5]);
  assert.equal(out[0].report.tone.label, 'positive');
  assert.equal(out[1].report.tone.label, 'negative');
  assert.equal(out[2].error, 'line 5: not valid JSON');
  assert.equal(out[3].error, 'line 6: expected a JSON object with "text"');
  assert.equal(out[4].error, 'line 7: missing string field "text"');
  assert.ok(out[5].report);
});

test('a FILE argument reads the same as stdin', () => {
  const dir = tempDir();
  const input = toJsonl(generateArticles(20));
  const path = join(dir, 'corpus.jsonl');
  writeFileSync(path, input);
  const fromFile = run(['analyze', '--jsonl', path]);
  assert.equal(fromFile.status, 0, fromFile.stderr);
  assert.equal(fromFile.stdout, run(['analyze', '--jsonl'], input).stdout);
  const missing = run(['analyze', '--jsonl', join(dir, 'nope.jsonl')]);
  assert.equal(missing.status, 1);
  assert.match(missing.stderr, /nope\.jsonl: No such file/);
});

test('under threads the output keeps input order and equals the one-thread output', () => {
  const articles = generateArticles(500);
  const input = toJsonl(articles);
  for (const mode of [[], ['--summary'], ['--summary', '--aggregate']]) {
    const one = run(['analyze', '--jsonl', '--threads', '1', ...mode], input);
    const four = run(['analyze', '--jsonl', '--threads', '4', ...mode], input);
    assert.equal(one.status, 0, one.stderr);
    assert.equal(four.status, 0, four.stderr);
    const lines = parseLines(four.stdout).filter((l) => l.schema === undefined);
    assert.deepEqual(lines.map((l) => l.id), articles.map((a) => a.id), mode.join(' '));
    assert.equal(four.stdout, one.stdout, mode.join(' '));
  }
});

test('gzip input: a .gz file, gzip on stdin, concatenated members, and a truncated file', () => {
  const dir = tempDir();
  const articles = generateArticles(60);
  const plain = toJsonl(articles);
  const expected = run(['analyze', '--jsonl', '--summary'], plain).stdout;
  const gz = join(dir, 'corpus.jsonl.gz');
  writeFileSync(gz, gzipSync(plain));
  const fromGz = run(['analyze', '--jsonl', '--summary', gz]);
  assert.equal(fromGz.status, 0, fromGz.stderr);
  assert.equal(fromGz.stdout, expected);

  const half = plain.indexOf('\n', plain.length / 2) + 1;
  const members = Buffer.concat([gzipSync(plain.slice(0, half)), gzipSync(plain.slice(half))]);
  assert.equal(run(['analyze', '--jsonl', '--summary'], members).stdout, expected);

  const truncated = join(dir, 'cut.jsonl.gz');
  const whole = gzipSync(plain);
  writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.6)));
  const cut = run(['analyze', '--jsonl', '--summary', truncated]);
  assert.equal(cut.status, 1);
  assert.match(cut.stderr, /cut\.jsonl\.gz: truncated gzip data/);
  const got = parseLines(cut.stdout);
  assert.ok(got.length > 0 && got.length < articles.length, `${got.length} lines`);
  const complete = got.filter((l) => !l.error);
  assert.deepEqual(complete.map((l) => l.id), articles.slice(0, complete.length).map((a) => a.id));
});

test('--progress prints counts and MB/s on stderr; without it a pipe gets none', () => {
  const input = toJsonl(generateArticles(30));
  const quiet = run(['analyze', '--jsonl', '--summary'], input);
  assert.equal(quiet.stderr, '');
  const loud = run(['analyze', '--jsonl', '--summary', '--progress'], input);
  assert.equal(loud.status, 0);
  assert.match(loud.stderr, /newslens: 30 articles, [\d.]+ MB, [\d.]+ MB\/s, \d+ articles\/s, [\d.]+ s\n$/);
  assert.equal(loud.stdout, quiet.stdout);
});

test('usage errors exit 2', () => {
  for (const args of [
    ['analyze', '--jsonl', '--threads', '0'],
    ['analyze', '--jsonl', '--threads', 'many'],
    ['analyze', '--jsonl', '--threads'],
    ['analyze', '--jsonl', '--csv'],
    ['analyze', '--jsonl', 'a.jsonl', 'b.jsonl'],
    ['analyze', '--summary', 'article.txt'],
    ['analyze', '--threads', '2', 'article.txt'],
    ['aggregate', 'a', 'b'],
  ]) {
    const r = run(args, '');
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^newslens: /, args.join(' '));
  }
});

// Issue 23: a gzip file damaged in the middle (a bad disk block, a broken transfer) keeps the
// records decoded before the damage, and says what happened. zlib's gzread() dropped everything
// it had decoded in the call that met the damage: up to 512 KiB, so all of this corpus.
test('gzip damaged mid-way: the records before the damage are analysed, then the error', () => {
  const dir = tempDir();
  const articles = generateArticles(300);
  const plain = toJsonl(articles);
  const whole = gzipSync(plain);
  const damaged = Buffer.from(whole);
  const at = Math.floor(damaged.length * 0.7);
  for (let k = at; k < at + 64; k++) damaged[k] ^= 0x5a;
  const file = join(dir, 'damaged.jsonl.gz');
  writeFileSync(file, damaged);
  const r = run(['analyze', '--jsonl', '--summary', '--threads', '2', file]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /damaged\.jsonl\.gz: damaged gzip data \(.+\); the records read before it were analysed/);
  // The records whole in what the bytes before the damage decode to are intact. (Records decoded
  // after the damaged bytes may hold garbage until zlib notices: gzip checks at the end.)
  const before = gunzipSync(whole.subarray(0, at), { finishFlush: constants.Z_SYNC_FLUSH }).toString();
  const intact = before.split('\n').length - 1;
  assert.ok(intact > articles.length / 2, `${intact} of ${articles.length}`);
  const got = parseLines(r.stdout).slice(0, intact);
  const expected = parseLines(run(['analyze', '--jsonl', '--summary'], toJsonl(articles.slice(0, intact))).stdout);
  assert.deepEqual(got, expected);
});
