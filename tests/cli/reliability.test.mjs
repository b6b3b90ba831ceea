// Issue 10 (docs/reliability.md): files that are not text are refused, --max-bytes, and the
// same bytes out whatever the thread count, for hostile inputs too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { gzipSync } from 'node:zlib';

import { cliPath, parseLines, run, sample, tempDir } from './helpers.mjs';

// Runs the CLI on binary stdin (run() would decode stdout/stdin as UTF-8 text).
const runBytes = (args, input) =>
  spawnSync(cliPath, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });

const bytes = (...parts) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

// The first bytes of real files of each kind, then some text-like bytes after them.
const binaries = {
  'photo.png': [bytes('\x89PNG\r\n\x1a\n', '\0\0\0\rIHDR'), /a PNG image/],
  'scan.pdf': [bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj war and peace'), /a PDF document/],
  'photo.jpg': [bytes('\xff\xd8\xff\xe0', 'JFIF war'), /a JPEG image/],
  'letter.docx': [bytes('PK\x03\x04\x14\x00\x06\x00', 'word/document.xml'), /a ZIP archive \(also \.docx, \.xlsx, \.odt, \.epub\)/],
  'nul.txt': [bytes('war and peace\0\0\0'), /binary data \(NUL bytes\)/],
  'noise.bin': [bytes([1, 2, 3, 4, 5, 6, 7, 8]), /binary data \(control bytes\)/],
  'photo.png.gz': [gzipSync(bytes('\x89PNG\r\n\x1a\n', 'rest')), /a PNG image/],
};

test('files that are not text are refused with what they are, and the others still analysed', () => {
  const dir = tempDir();
  const good = join(dir, 'article.txt');
  writeFileSync(good, sample);
  for (const [name, [content, kind]] of Object.entries(binaries)) {
    const path = join(dir, name);
    writeFileSync(path, content);
    const r = run(['analyze', '--json', path, good]);
    assert.equal(r.status, 1, name);
    assert.match(r.stderr, new RegExp(`${name.replace('.', '\\.')}: ${kind.source}, not text; skipped`));
    const reports = parseLines(r.stdout);
    assert.equal(reports.length, 1, `${name}: only the article is analysed`);
    assert.equal(reports[0].primary_theme, 'politics');
    // The same on stdin.
    const viaStdin = runBytes(['analyze', '-'], content);
    assert.equal(viaStdin.status, 1, name);
    assert.match(viaStdin.stderr, new RegExp(`stdin: ${kind.source}`));
    assert.equal(viaStdin.stdout, '');
  }
});

test('text in a legacy encoding (Latin-1) is text, not binary: analysed with U+FFFD', () => {
  const r = runBytes(['analyze', '--json', '-'], bytes('The caf\xe9 war ended in peace talks.'));
  assert.equal(r.status, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).stats.words, 7);
});

test('binary input to --jsonl/--csv is refused as a whole; a record whose text is a file, alone', () => {
  for (const mode of ['--jsonl', '--csv']) {
    const r = runBytes(['analyze', mode], binaries['photo.png'][0]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, new RegExp(`stdin: a PNG image, not ${mode === '--csv' ? 'CSV' : 'JSON Lines'}; nothing analysed`));
    assert.equal(r.stdout, '');
  }
  const input = [
    { id: 'a', text: 'Peace talks resumed.' },
    { id: 'b', text: '%PDF-1.4\n1 0 obj' },
    { id: 'c', text: 'War broke out.' },
  ].map((a) => JSON.stringify(a)).join('\n');
  const r = run(['analyze', '--jsonl', '--summary'], input);
  assert.equal(r.status, 1);
  const out = parseLines(r.stdout);
  assert.deepEqual(out.map((o) => o.id), ['a', 'b', 'c']);
  assert.equal(out[1].error, 'line 2: the text is a PDF document, not an article');
  assert.equal(out[2].primary_theme, 'conflict');
});

test('--max-bytes: larger articles are refused with exit 1, smaller ones analysed', () => {
  const dir = tempDir();
  const big = join(dir, 'big.txt');
  let text = '';
  while (text.length < 2 * 1024 * 1024) text += sample + '\n\n';
  writeFileSync(big, text);
  const refused = run(['analyze', '--max-bytes', '1M', big]);
  assert.equal(refused.status, 1);
  assert.match(refused.stderr, /big\.txt: input too large: more than 1048576 bytes \(the limit, --max-bytes\)/);
  assert.equal(refused.stdout, '');
  const analysed = run(['analyze', '--json', '--no-mentions', '--max-bytes', '4M', big]);
  assert.equal(analysed.status, 0, analysed.stderr);
  assert.equal(JSON.parse(analysed.stdout).primary_theme, 'politics');

  // JSON Lines: the long record fails alone.
  const lines = [{ id: 1, text: sample }, { id: 2, text: 'x'.repeat(5000) }, { id: 3, text: 'Peace.' }];
  const r = run(['analyze', '--jsonl', '--summary', '--max-bytes', '4K'], lines.map((l) => JSON.stringify(l)).join('\n'));
  assert.equal(r.status, 1);
  const out = parseLines(r.stdout);
  assert.match(out[0].error, /^line 1: input too large: 12341 bytes, the limit \(max_bytes\) is 4096$/);
  assert.match(out[1].error, /^line 2: input too large: 5000 bytes/);
  assert.equal(out[2].words, 1);

  for (const bad of ['0', '-1', '1T', 'lots', '257M', '']) {
    const usage = run(['analyze', '--max-bytes', bad, big]);
    assert.equal(usage.status, 2, bad);
    assert.match(usage.stderr, /--max-bytes needs a size from 1 to 256M/);
  }
});

test('100 MB of text is refused by default (64 MiB) without reading it all', () => {
  const dir = tempDir();
  const huge = join(dir, 'huge.txt');
  writeFileSync(huge, Buffer.alloc(100 * 1024 * 1024, 'war and peace. '));
  const r = run(['analyze', huge]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /huge\.txt: input too large: more than 67108864 bytes/);
});

// Hostile texts, each a JSONL record: the same bytes with 1 and 3 threads, and each report the
// same as analysing the text as a file.
const hostile = [
  '',
  ' \n\t\n ',
  'peace\u0000\u0000war.',
  '\uD800war \uDC00peace\uD800',  // lone surrogates: \ud800 escapes in JSONL, U+FFFD as a file
  'a'.repeat(1 << 20),
  '!'.repeat(100000),
  '"'.repeat(20000) + 'war' + '"'.repeat(20000),
  '"(\u201c\''.repeat(10000) + 'talks' + '\'\u201d)"'.repeat(10000),
  'Emoji 😀😀 and 𝒜 then war. العربية 中文 한국어.',
  '<script>alert(1)</script> "><img src=x onerror=alert(1)>',
  sample,
];

test('hostile records: byte-identical output for --threads 1 and 3, and equal to file mode', () => {
  const input = hostile.map((text, i) => JSON.stringify({ id: i, text })).join('\n') + '\n';
  const one = run(['analyze', '--jsonl', '--threads', '1'], input);
  const three = run(['analyze', '--jsonl', '--threads', '3'], input);
  assert.equal(one.status, 0, one.stderr);
  assert.equal(three.stdout, one.stdout);
  const out = parseLines(one.stdout);
  hostile.forEach((text, i) => {
    if (text.includes('\u0000')) return;  // a file with NUL bytes is refused as binary
    const file = run(['analyze', '--json', '-'], text);
    assert.equal(file.status, 0, file.stderr);
    assert.equal(JSON.stringify(out[i].report), JSON.stringify(JSON.parse(file.stdout)), `record ${i}`);
  });
});

test('a JSONL record nested a million deep fails alone (it used to overflow the stack)', () => {
  const deep = '{"id":' + '['.repeat(1000000) + ']'.repeat(1000000) + ',"text":"war"}';
  const input = [JSON.stringify({ id: 'a', text: 'Peace.' }), deep, JSON.stringify({ id: 'c', text: 'War.' })].join('\n');
  for (const threads of ['1', '2']) {
    const r = run(['analyze', '--jsonl', '--summary', '--threads', threads], input);
    assert.equal(r.status, 1, r.stderr);
    const out = parseLines(r.stdout);
    assert.deepEqual(out.map((o) => o.id), ['a', null, 'c']);
    assert.equal(out[1].error, 'line 2: nested deeper than 64 arrays/objects (column 70)');
  }
  const agg = run(['aggregate'], deep + '\n');
  assert.equal(agg.status, 1);
  assert.match(agg.stderr, /line 1: nested deeper than 64 arrays\/objects/);
});

// Issue 23: a LIWC .dic saved by a Windows editor starts with a UTF-8 byte-order mark; it loads
// and counts its words like the same file without the mark.
test('--dict: a LIWC .dic with a UTF-8 byte-order mark loads and counts its words', () => {
  const dir = tempDir();
  const body = '%\r\n1\tShipping\r\n%\r\nfreight*\t1\r\ntanker\t1\r\n';
  const marked = join(dir, 'shipping-bom.dic');
  const plain = join(dir, 'shipping.dic');
  writeFileSync(marked, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body)]));
  writeFileSync(plain, body);
  const text = 'A tanker carrying freight ran aground; freighters waited outside the port.';
  const withMark = run(['analyze', '--json', '--dict', marked, '-'], text);
  assert.equal(withMark.status, 0, withMark.stderr);
  const theme = JSON.parse(withMark.stdout).top_level.find((t) => t.id === 'shipping');
  assert.ok(theme, withMark.stdout);
  assert.equal(theme.count, 3);
  const withoutMark = run(['analyze', '--json', '--dict', plain, '-'], text);
  assert.equal(withMark.stdout, withoutMark.stdout);
});
