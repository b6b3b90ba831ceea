// Corpus mode's summaries and aggregates (web/src/corpus-aggregate.js), in node: what a summary
// keeps of a report, theme shares and tone means, sources, daily and weekly buckets, the CSV row.
//
//   node --test tests/web/corpus-aggregate.test.mjs

import assert from 'node:assert/strict';
import {describe, test} from 'node:test';

import {
  CorpusAggregate, daysBetween, fixed4, spreadsheetSafe, summarise, TABLE_COLUMNS, tableRow, weekOf,
} from '../../web/src/corpus-aggregate.js';

const LABELS = {politics: 'Politics', economy: 'Economy', conflict: 'Conflict'};

/** A report with just what summaries read. themes: [[id, score]] top-level; subs: [[id, score]]. */
function report({compound, label, themes = [], subs = [], entities = [], words = 100, gdelt = 0}) {
  const total = themes.reduce((n, t) => n + t[1], 0);
  return {
    stats: {words, sentences: Math.ceil(words / 20)}, tone: {compound, label, gdelt_tone: gdelt},
    primary_theme: themes.length ? themes[0][0] : undefined,
    top_level: themes.map(([id, score]) => ({id, label: LABELS[id] || id.toUpperCase(), score,
                                            count: score, share: score / total})),
    themes: [...themes.map(([id, score]) => ({id, label: LABELS[id] || id, score, count: score, share: score / total})),
             ...subs.map(([id, score]) => ({id, label: id, parent: id.split('.')[0], score, count: score,
                                           share: score / total}))],
    entities: entities.map((name, i) => ({name, type: 'country', code: name.slice(0, 2).toUpperCase(),
                                           count: entities.length - i})),
  };
}

const row = (r, article, ref = {file: 0}) => summarise(report(r), {id: '', title: '', date: '', day: null,
                                                                   source: '', ...article}, ref);

describe('summarise', () => {
  test('keeps the figures the views need, and the top three actors', () => {
    const s = row({compound: 0.5, label: 'positive', themes: [['politics', 6], ['economy', 2]],
                   entities: ['China', 'Russia', 'UN', 'Brazil'], words: 250, gdelt: 1.5},
                  {id: 'a1', title: 'T', date: '2024-03-05', day: '2024-03-05', source: 'Wire'},
                  {file: 2, start: 10, end: 90, line: 3});
    assert.deepEqual(s, {id: 'a1', title: 'T', date: '2024-03-05', day: '2024-03-05', source: 'Wire',
                         words: 250, primary: 'politics', themes: [['politics', 6, 0.75], ['economy', 2, 0.25]],
                         tone: 0.5, label: 'positive', gdelt: 1.5, actors: ['China', 'Russia', 'UN'],
                         ref: {file: 2, start: 10, end: 90, line: 3}, summary: s.summary});
    // The summary is the CLI's --summary line without the article's fields (cli/summary.h).
    assert.deepEqual(s.summary, {
      words: 250, sentences: 13, primary_theme: 'politics',
      tone: {compound: 0.5, label: 'positive', gdelt_tone: 1.5},
      top_level: [{id: 'politics', label: 'Politics', score: 6, count: 6, share: 0.75},
                  {id: 'economy', label: 'Economy', score: 2, count: 2, share: 0.25}],
      themes: [],
      entities: [{name: 'China', type: 'country', code: 'CH', count: 4}, {name: 'Russia', type: 'country', code: 'RU', count: 3},
                 {name: 'UN', type: 'country', code: 'UN', count: 2}, {name: 'Brazil', type: 'country', code: 'BR', count: 1}],
    });
  });
  test('an article no theme matched has no primary theme', () => {
    assert.equal(row({compound: 0, label: 'neutral'}, {}).primary, '');
  });
});

describe('CorpusAggregate', () => {
  const rows = [
    row({compound: 0.6, label: 'positive', themes: [['politics', 3], ['economy', 1]], words: 100,
         subs: [['politics.elections', 2]], entities: ['China', 'Russia']},
        {source: 'A', day: '2024-03-04'}),
    row({compound: -0.4, label: 'negative', themes: [['conflict', 4]], words: 200, entities: ['Russia']},
        {source: 'B', day: '2024-03-06'}),
    row({compound: 0.0, label: 'neutral', themes: [['politics', 2]], words: 50},
        {source: 'A', day: '2024-03-11'}),
    row({compound: 0.1, label: 'positive', themes: [], words: 10}, {source: ''}),
  ];
  const agg = new CorpusAggregate();
  for (const r of rows) agg.add(r);

  test('theme shares are each theme\'s part of all theme scores; tone means are per article', () => {
    const r = agg.result({bucket: 'day'});
    assert.equal(r.schema, 'newslens/aggregate@1');
    assert.equal(r.articles, 4);
    assert.equal(r.words, 360);
    assert.equal(r.sentences, 5 + 10 + 3 + 1);
    assert.deepEqual(r.tone, {mean_compound: 0.075, mean_gdelt_tone: 0, compound_sum: 0.3, gdelt_tone_sum: 0,
                              labels: {positive: 2, neutral: 1, negative: 1}});
    assert.deepEqual(r.top_level, [
      {id: 'politics', label: 'Politics', score: 5, count: 5, share: 0.5, articles: 2, primary: 2},
      {id: 'conflict', label: 'Conflict', score: 4, count: 4, share: 0.4, articles: 1, primary: 1},
      {id: 'economy', label: 'Economy', score: 1, count: 1, share: 0.1, articles: 1, primary: 0},
    ]);
    // Sub-themes and actors, summed over the articles, as the CLI sums them.
    assert.deepEqual(r.themes, [{id: 'politics.elections', label: 'politics.elections', score: 2, count: 2,
                                 share: 0.2, articles: 1}]);
    // By count, then name.
    assert.deepEqual(r.entities, [{name: 'China', type: 'country', code: 'CH', count: 2, articles: 1},
                                  {name: 'Russia', type: 'country', code: 'RU', count: 2, articles: 2}]);
  });

  test('the sums do not depend on the order the articles arrive in', () => {
    const reversed = new CorpusAggregate();
    for (const r of rows.slice().reverse()) reversed.add(r);
    assert.deepEqual(reversed.result({bucket: 'day'}), agg.result({bucket: 'day'}));
    // 0.1 + 0.2 + 0.3 in floating point is not 0.6; in units of 1e-4 it is.
    assert.equal(fixed4(0.1) + fixed4(0.2) + fixed4(0.3), fixed4(0.6));
    assert.equal(fixed4(-0.00005), -1, 'half away from zero, as std::llround');
  });

  test('sources by number of articles, each with its own shares and tone', () => {
    const {sources} = agg.result();
    assert.deepEqual(sources.map((s) => [s.source, s.articles, s.tone.mean_compound]),
                     [['A', 2, 0.3], ['B', 1, -0.4], ['', 1, 0.1]]);
    assert.deepEqual(sources[0].top_level.map((t) => [t.id, t.share]), [['politics', 0.8333], ['economy', 0.1667]]);
  });

  test('daily and weekly (Monday) buckets; undated articles are counted apart', () => {
    const day = agg.result({bucket: 'day'}).trend;
    assert.deepEqual(day.points.map((p) => [p.start, p.articles, p.mean_compound]),
                     [['2024-03-04', 1, 0.6], ['2024-03-06', 1, -0.4], ['2024-03-11', 1, 0]]);
    assert.equal(day.dated, 3);
    assert.equal(day.undated, 1);
    const week = agg.result({bucket: 'week'}).trend;
    assert.deepEqual(week.points.map((p) => [p.start, p.articles, p.mean_compound]),
                     [['2024-03-04', 2, 0.1], ['2024-03-11', 1, 0]]);
    assert.deepEqual(week.points[0].themes, {politics: 0.375, economy: 0.125, conflict: 0.5});
    assert.equal(agg.defaultBucket(), 'day');
  });

  test('no dated article, no trend', () => {
    const a = new CorpusAggregate();
    a.add(rows[3]);
    assert.equal(a.result().trend, null);
  });

  test('a long span is bucketed by week by default', () => {
    const a = new CorpusAggregate();
    a.add({...rows[0], day: '2024-01-01'});
    a.add({...rows[0], day: '2024-04-01'});
    assert.equal(a.defaultBucket(), 'week');
  });
});

describe('dates', () => {
  const table = [['2024-03-04', '2024-03-04'], ['2024-03-10', '2024-03-04'], ['2024-03-11', '2024-03-11'],
                 ['2024-01-01', '2024-01-01'], ['2023-01-01', '2022-12-26']];
  for (const [day, monday] of table) test(`week of ${day}`, () => assert.equal(weekOf(day), monday));
  test('days between', () => assert.equal(daysBetween('2024-02-28', '2024-03-01'), 2));
});

describe('tableRow', () => {
  test('the CSV row: theme ids with shares, provenance last', () => {
    const r = row({compound: -0.25, label: 'negative', themes: [['a', 5], ['b', 3], ['c', 1], ['d', 1]],
                   entities: ['X', 'Y']},
                  {id: '7', title: 'Title, with comma', date: 'Mar 5', source: 'S'}, {file: 1, line: 9});
    assert.equal(TABLE_COLUMNS.length, 12);
    assert.deepEqual(tableRow(r, (i) => `file-${i}.csv`),
                     ['7', 'Title, with comma', 'Mar 5', 'S', 100, 'a', 'a:0.5; b:0.3; c:0.1', -0.25,
                      'negative', 'X; Y', 'file-1.csv', 9]);
  });
});

describe('spreadsheetSafe', () => {
  const table = [
    ['=HYPERLINK("http://x","click")', '\'=HYPERLINK("http://x","click")'],
    ['+1 234', '\'+1 234'], ['@SUM(A1)', '\'@SUM(A1)'], ['-cmd', '\'-cmd'], ['\tx', '\'\tx'],
    ['-0.25', '-0.25'], ['+3', '+3'], ['Talks resume', 'Talks resume'], ['', ''], [-0.25, -0.25], [12, 12],
    // Spreadsheets trim leading spaces before they look for a formula (issue 23).
    [' =HYPERLINK("http://x","click")', '\' =HYPERLINK("http://x","click")'],
    ['   +cmd|\' /C calc\'!A0', '\'   +cmd|\' /C calc\'!A0'], ['\u00a0-2+3', '\'\u00a0-2+3'],
    ['\u200b@SUM(A1)', '\'\u200b@SUM(A1)'], ['\n=1+1', '\'\n=1+1'], [' \t=1', '\' \t=1'],
    ['\r=1', '\'\r=1'], ['\rplain', '\'\rplain'], ['\uff1dSUM(A1)', '\'\uff1dSUM(A1)'],
    [' -5', '\' -5'], ['1e-7', '1e-7'], ['=', '\'='], ['a = b', 'a = b'], ['  spaced title', '  spaced title'],
  ];
  for (const [cell, safe] of table) test(JSON.stringify(cell), () => assert.equal(spreadsheetSafe(cell), safe));
});
