// newslens analyze --csv: RFC 4180 quoting, embedded newlines, bad rows with line numbers.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { parseLines, run } from './helpers.mjs';

const reportOf = (text) => JSON.parse(run(['analyze', '--json', '-'], text).stdout);

test('quoted fields keep commas, doubled quotes and embedded LF and CRLF newlines', () => {
  const texts = [
    'Plain text without commas',
    'Talks, trade and "win-win" cooperation.',
    'First paragraph about the war.\n\nSecond paragraph, about peace.',
    'Windows lines:\r\nthe economy grew.\r\nMarkets rallied.',
  ];
  const quote = (s) => `"${s.replaceAll('"', '""')}"`;
  const csv = 'ID, Title ,text,extra\r\n' +
    texts.map((t, i) => `${i + 1},${quote(`Title ${i}, with comma`)},${i === 0 ? t : quote(t)},x`).join('\r\n') + '\r\n';
  const r = run(['analyze', '--csv'], csv);
  assert.equal(r.status, 0, r.stderr);
  const out = parseLines(r.stdout);
  assert.deepEqual(out.map((o) => o.id), ['1', '2', '3', '4']);
  texts.forEach((t, i) => assert.deepEqual(out[i].report, reportOf(t), `text ${i}`));
  const summaries = parseLines(run(['analyze', '--csv', '--summary'], csv).stdout);
  assert.equal(summaries[1].title, 'Title 1, with comma');
  assert.equal(summaries[0].date, undefined);  // no date column: no date field
});

test('bad rows are reported with the line they start on (counting embedded newlines)', () => {
  const csv = [
    'id,date,source,text',             // line 1
    'a,2024-01-02,X,"two',             // line 2 (record spans 2-3)
    'lines of peace"',                 // line 3
    'b,2024-01-03,X,too,many',         // line 4: 5 fields
    'c,2024-01-04,X,bad"quote',        // line 5
    'd,2024-01-05,X,"closed"junk',     // line 6
    '',                                // line 7: blank, skipped
    'e,,,"War ""escalates"" again."',  // line 8
    'f,2024-01-06,X,"never closed',    // line 9, runs to the end
    'g,2024-01-07,X,lost',             // line 10
  ].join('\n') + '\n';
  const r = run(['analyze', '--csv', '--summary', '--threads', '3'], csv);
  assert.equal(r.status, 1);
  const out = parseLines(r.stdout);
  assert.deepEqual(out.map((o) => o.id), ['a', null, null, null, 'e', null]);
  assert.equal(out[0].date, '2024-01-02');
  assert.equal(out[0].source, 'X');
  assert.equal(out[1].error, 'line 4: expected 4 fields (as in the header), found 5');
  assert.match(out[2].error, /^line 5: quote inside an unquoted field/);
  assert.match(out[3].error, /^line 6: text after a closing quote/);
  assert.equal(out[4].date, undefined);  // empty fields are left out
  assert.equal(out[4].tone.label, 'negative');
  assert.match(out[5].error, /^line 9: unterminated quoted field/);
});

test('a header without a text column, or no header, is an error naming line 1', () => {
  const r = run(['analyze', '--csv'], 'id,body\n1,hello\n');
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 1: the CSV header has no "text" column \(columns: id, body\)/);
  assert.equal(r.stdout, '');
  const empty = run(['analyze', '--csv'], '');
  assert.equal(empty.status, 1);
  assert.match(empty.stderr, /line 1: no CSV header/);
});

test('a BOM before the header and a one-column file', () => {
  const r = run(['analyze', '--csv', '--summary'], '\uFEFFtext\nGood news\n"Bad, sad news"\n');
  assert.equal(r.status, 0, r.stderr);
  const out = parseLines(r.stdout);
  assert.deepEqual(out.map((o) => o.tone.label), ['positive', 'negative']);
  assert.deepEqual(out.map((o) => o.id), [null, null]);
});
