// The corpus file parsers of the page (web/src/corpus-parse.js), in node: JSONL and RFC 4180 CSV
// read in chunks of every size, byte ranges that re-read exactly one record, bad rows reported by
// line with the rest kept, dates.
//
//   node --test tests/web/corpus-parse.test.mjs

import assert from 'node:assert/strict';
import {describe, test} from 'node:test';

import {
  csvColumns, isoDay, parseCsvRecord, readRecords, recordFormat, RecordSplitter, reparseRecord,
} from '../../web/src/corpus-parse.js';

const enc = new TextEncoder();
const dec = new TextDecoder();

/** Runs readRecords over `text` in chunks of `chunkBytes`; returns {articles, errors, result}. */
async function read(format, text, chunkBytes = 7) {
  const bytes = enc.encode(text);
  const articles = [];
  const errors = [];
  const result = await readRecords({
    format, size: bytes.length, chunkBytes,
    read: async (a, b) => bytes.slice(a, b),
    onArticle: (article, rec) => articles.push({...article, line: rec.line,
                                                 raw: dec.decode(bytes.slice(rec.start, rec.end))}),
    onError: (line, message) => errors.push({line, message}),
  });
  return {articles, errors, result, bytes};
}

/** Reads (part of) `bytes`; articles and errors carry k, line and byte range. */
async function readAll(format, bytes, {start = 0, end = bytes.length, line = 1, first = 0, headerText = null}) {
  const articles = [];
  const errors = [];
  const result = await readRecords({
    format, size: bytes.length, chunkBytes: 3, start, end, line, first, headerText,
    read: async (a, b) => bytes.slice(a, b),
    onArticle: (article, rec, k) => articles.push({k, line: rec.line, start: rec.start, end: rec.end, ...article}),
    onError: (l, message, k) => errors.push({k, line: l, message}),
  });
  return {articles, errors, records: result.records};
}

describe('recordFormat', () => {
  test('by extension', () => {
    assert.equal(recordFormat('a.jsonl'), 'jsonl');
    assert.equal(recordFormat('A.NDJSON'), 'jsonl');
    assert.equal(recordFormat('feed.csv'), 'csv');
    assert.equal(recordFormat('story.txt'), null);
    assert.equal(recordFormat('corpus.json'), null);
  });
});

describe('CSV records', () => {
  const table = [
    ['plain', 'a,b,c', ['a', 'b', 'c']],
    ['empty fields', ',,', ['', '', '']],
    ['quoted comma', '"a,b",c', ['a,b', 'c']],
    ['doubled quotes', '"say ""hi""",x', ['say "hi"', 'x']],
    ['embedded newline', '"line 1\nline 2",x', ['line 1\nline 2', 'x']],
    ['quoted empty', '"",x', ['', 'x']],
    ['quote inside an unquoted field is kept', 'He said "no",x', ['He said "no"', 'x']],
    ['last field quoted', 'x,"y"', ['x', 'y']],
  ];
  for (const [name, input, fields] of table) {
    test(name, () => assert.deepEqual(parseCsvRecord(input), {fields}));
  }
  test('text after a closing quote is an error', () => {
    assert.match(parseCsvRecord('"a"b,c').error, /field 1: text after the closing quote/);
  });
  test('a header needs a text column; names are matched without case', () => {
    assert.deepEqual(csvColumns([' Title ', 'TEXT', 'Date', 'extra']),
                     {columns: {title: 0, text: 1, date: 2}, width: 4});
    assert.match(csvColumns(['id', 'body']).error, /no "text" column/);
  });
});

describe('readRecords', () => {
  const csv = 'id,title,date,source,text\r\n' +
      '1,"Talks, resumed",2024-03-05,Wire,"Diplomats met.\r\nThey said ""progress"" was made."\r\n' +
      '2,Short,2024-03-06,Daily,Markets fell.\r\n' +
      '3,Bad row,2024-03-06,Daily\r\n' +                  // too few fields
      '\r\n' +                                            // blank line: not a record
      '4,"Broken" quote,2024-03-07,Wire,Text here.\r\n' + // text after a closing quote
      '5,Empty,2024-03-07,Wire,"  "\r\n' +                // empty text
      '6,Ünïcödé — “quotes”,2024-03-08,Wire,"Ceasefire holds 😀; ""calm"" returns."\r\n';

  for (const chunk of [1, 2, 3, 5, 7, 64, 1 << 20]) {
    test(`CSV in chunks of ${chunk} bytes: records, line numbers, bad rows`, async () => {
      const {articles, errors, result} = await read('csv', csv, chunk);
      assert.equal(result.records, 6, 'six data records (the blank line is none)');
      assert.deepEqual(articles.map((a) => [a.id, a.line]), [['1', 2], ['2', 4], ['6', 9]]);
      assert.equal(articles[0].title, 'Talks, resumed');
      assert.equal(articles[0].text, 'Diplomats met.\nThey said "progress" was made.');
      assert.equal(articles[0].date, '2024-03-05');
      assert.equal(articles[0].source, 'Wire');
      assert.equal(articles[2].title, 'Ünïcödé — “quotes”');
      assert.equal(articles[2].text, 'Ceasefire holds 😀; "calm" returns.');
      assert.deepEqual(errors, [
        {line: 5, message: '4 fields, the header has 5'},
        {line: 7, message: 'field 2: text after the closing quote'},
        {line: 8, message: 'the text is empty'},
      ]);
    });
  }

  test('each record\'s byte range re-reads exactly that record', async () => {
    const {articles, result, bytes} = await read('csv', csv, 5);
    const headerText = dec.decode(bytes.slice(...result.headerRange));
    assert.equal(headerText, 'id,title,date,source,text');
    for (const a of articles) {
      const again = reparseRecord('csv', a.raw, headerText);
      assert.deepEqual(again, {text: a.text, id: a.id, title: a.title, date: a.date, source: a.source});
    }
  });

  test('JSONL: ids may be numbers, bad lines are reported, the rest read', async () => {
    const jsonl = [
      JSON.stringify({id: 7, title: 'A', date: '2024-01-02', source: 'X', text: 'First "one".\nTwo.'}),
      '',
      '{"text": "no closing brace"',
      JSON.stringify({id: 'b', text: ''}),
      JSON.stringify(['not', 'an', 'object']),
      JSON.stringify({title: 'no text'}),
      JSON.stringify({text: 'Ünïcödé 😀 text', source: {nested: true}}),
      JSON.stringify({text: 'Last, with no newline at the end'}),
    ].join('\n');
    for (const chunk of [1, 4, 1 << 20]) {
      const {articles, errors, result} = await read('jsonl', jsonl, chunk);
      assert.equal(result.records, 7);
      assert.deepEqual(articles.map((a) => [a.id, a.line, a.text]), [
        ['7', 1, 'First "one".\nTwo.'],
        ['', 8, 'Last, with no newline at the end'],
      ]);
      assert.deepEqual(errors.map((e) => e.line), [3, 4, 5, 6, 7]);
      assert.match(errors[0].message, /^not valid JSON/);
      assert.equal(errors[1].message, 'the text is empty');
      assert.equal(errors[2].message, 'not a JSON object');
      assert.equal(errors[3].message, 'no "text" string');
      assert.equal(errors[4].message, '"source" must be a string or a number');
      for (const a of articles) assert.deepEqual(reparseRecord('jsonl', a.raw), {text: a.text, id: a.id, title: a.title, date: a.date, source: a.source});
    }
  });

  test('a CSV without a text column reports the header once and reads nothing', async () => {
    const {articles, errors, result} = await read('csv', 'id,body\n1,x\n2,y\n');
    assert.equal(result.records, 2);
    assert.deepEqual(articles, []);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 1);
    assert.match(errors[0].message, /^header: the header has no "text" column/);
  });

  test('a quote that never closes is reported on its line; records before it are kept', async () => {
    const {articles, errors} = await read('csv', 'id,text\n1,fine\n2,"never closed\n3,lost\n');
    assert.deepEqual(articles.map((a) => a.id), ['1']);
    assert.equal(errors.length, 1);
    assert.equal(errors[0].line, 3);
    assert.match(errors[0].message, /never closes/);
  });

  test('an over-long record is skipped and reading goes on at the next line', () => {
    const splitter = new RecordSplitter('jsonl', {maxRecordBytes: 10});
    const out = [...splitter.push(enc.encode('{"text":"ok"}'.slice(0, 5))),
                 ...splitter.push(enc.encode('xxxxxxxxxxxxxxxxxxxxx')),
                 ...splitter.push(enc.encode('yyy\n{"a":1}\n')),
                 ...splitter.finish()];
    assert.equal(out.length, 2);
    assert.match(out[0].error, /longer than/);
    assert.equal(out[0].line, 1);
    assert.equal(out[1].line, 2);
    assert.equal(dec.decode(out[1].bytes), '{"a":1}');
  });

  test('a file cut into segments on record boundaries reads the same as whole', async () => {
    const jsonl = Array.from({length: 40}, (_, i) => (i % 7 === 3 ? '{"broken' :
      JSON.stringify({id: i, text: `Line ${i}\nwith "quotes", commas and 😀`}))).join('\n') + '\n\n';
    for (const [format, text] of [['csv', csv], ['jsonl', jsonl]]) {
      const bytes = enc.encode(text);
      const read = async (a, b) => bytes.slice(a, b);
      const whole = await readAll(format, bytes, {});
      for (const segmentBytes of [1, 13, 60, 1 << 20]) {
        const plan = await readRecords({format, size: bytes.length, read, countOnly: true, segmentBytes, chunkBytes: 5});
        assert.equal(plan.records, whole.records);
        const headerText = plan.headerRange ? dec.decode(bytes.slice(...plan.headerRange)) : null;
        const parts = {articles: [], errors: []};
        for (const seg of plan.segments) {
          const got = await readAll(format, bytes, {...seg, headerText});
          parts.articles.push(...got.articles);
          parts.errors.push(...got.errors);
        }
        assert.deepEqual(parts.articles, whole.articles, `${format} in ${plan.segments.length} segments`);
        assert.deepEqual(parts.errors, whole.errors);
        if (segmentBytes === 1) assert.equal(plan.segments.length, plan.records - whole.errors.filter((e) => e.k < 0).length);
      }
    }
  });

  test('countOnly counts the same records without decoding', async () => {
    const bytes = enc.encode(csv);
    const {records} = await readRecords({format: 'csv', size: bytes.length, chunkBytes: 3,
                                         read: async (a, b) => bytes.slice(a, b), countOnly: true});
    assert.equal(records, 6);
  });
});

describe('isoDay', () => {
  const table = [
    ['2024-03-05', '2024-03-05'],
    ['2024-03-05T23:30:00-05:00', '2024-03-05'],  // the calendar day as written
    ['2024-03-05 08:00', '2024-03-05'],
    ['Tue, 05 Mar 2024 10:00:00 GMT', '2024-03-05'],
    ['2024-02-30', null],
    ['yesterday', null],
    ['5', null],
    ['', null],
  ];
  for (const [input, day] of table) test(JSON.stringify(input), () => assert.equal(isoDay(input), day));
});
