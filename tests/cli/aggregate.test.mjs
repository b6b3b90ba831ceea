// --summary and --aggregate: the summary reflects the report; the aggregate is the sum of the
// summary lines; `newslens aggregate` reduces summaries and merges partition aggregates exactly.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { generateArticles, parseLines, run, toJsonl } from './helpers.mjs';

const articles = generateArticles(120);
// Two bad lines in the middle: they count as failed, not as articles.
const input = toJsonl(articles.slice(0, 50)) + 'not json\n{"id": "x"}\n' + toJsonl(articles.slice(50));
const summaries = run(['analyze', '--jsonl', '--summary'], input);
const aggregateRun = run(['analyze', '--jsonl', '--aggregate'], input);

test('a summary line carries the report\'s headline numbers', () => {
  const text = articles[7].text;
  const report = JSON.parse(run(['analyze', '--json', '-'], text).stdout);
  const line = JSON.stringify({ id: 7, text, title: 'T' });
  const [s] = parseLines(run(['analyze', '--jsonl', '--summary'], line).stdout);
  assert.equal(s.id, 7);
  assert.equal(s.title, 'T');
  assert.equal(s.words, report.stats.words);
  assert.equal(s.sentences, report.stats.sentences);
  assert.equal(s.primary_theme, report.primary_theme);
  const { compound, label, gdelt_tone } = report.tone;
  assert.deepEqual(s.tone, { compound, label, gdelt_tone });
  const theme = ({ id, label, score, count, share }) => ({ id, label, score, count, share });
  assert.deepEqual(s.top_level, report.top_level.map(theme));
  assert.deepEqual(s.themes, report.themes.filter((t) => t.parent).map(theme));
  assert.deepEqual(s.entities, report.entities.map(
    ({ name, type, code, count }) => (code ? { name, type, code, count } : { name, type, count })));
  assert.ok(s.top_level.length > 0 && s.entities.length > 0);
});

test('the aggregate equals the sum of the summary lines', () => {
  assert.equal(summaries.status, 1);  // the two bad lines
  assert.equal(aggregateRun.status, 1);
  const lines = parseLines(summaries.stdout);
  const ok = lines.filter((l) => !l.error);
  // Sums in units of 1e-4, as the CLI adds them: exact, no floating-point drift.
  const q = (x) => Math.round(x * 1e4);
  const expected = {
    articles: ok.length, failed: lines.length - ok.length, words: 0, sentences: 0, compound: 0,
    gdelt: 0, labels: { positive: 0, neutral: 0, negative: 0 }, top: {}, themes: {}, entities: {},
  };
  const add = (map, key, fields) => {
    const t = (map[key] ??= { articles: 0 });
    for (const [k, v] of Object.entries(fields)) t[k] = (t[k] ?? 0) + v;
    t.articles++;
  };
  for (const s of ok) {
    expected.words += s.words;
    expected.sentences += s.sentences;
    expected.compound += q(s.tone.compound);
    expected.gdelt += q(s.tone.gdelt_tone);
    expected.labels[s.tone.label]++;
    for (const t of s.top_level) {
      add(expected.top, t.id, { score: q(t.score), count: t.count, primary: t.id === s.primary_theme ? 1 : 0 });
    }
    for (const t of s.themes) add(expected.themes, t.id, { score: q(t.score), count: t.count });
    for (const e of s.entities) add(expected.entities, `${e.type}:${e.name}`, { count: e.count });
  }
  const [agg] = parseLines(aggregateRun.stdout);
  assert.equal(agg.schema, 'newslens/aggregate@1');
  assert.equal(agg.articles, expected.articles);
  assert.equal(agg.failed, 2);
  assert.equal(agg.words, expected.words);
  assert.equal(agg.sentences, expected.sentences);
  assert.equal(q(agg.tone.compound_sum), expected.compound);
  assert.equal(q(agg.tone.gdelt_tone_sum), expected.gdelt);
  assert.equal(agg.tone.mean_compound, Math.round(expected.compound / expected.articles) / 1e4);
  assert.deepEqual(agg.tone.labels, expected.labels);
  const totalScore = Object.values(expected.top).reduce((sum, t) => sum + t.score, 0);
  const byId = (list, fields) => Object.fromEntries(list.map((t) => [t.id, fields(t)]));
  assert.deepEqual(
    byId(agg.top_level, (t) => ({ score: q(t.score), count: t.count, articles: t.articles, primary: t.primary })),
    expected.top);
  for (const t of agg.top_level) assert.equal(t.share, Math.round((q(t.score) / totalScore) * 1e4) / 1e4, t.id);
  assert.deepEqual(
    byId(agg.themes, (t) => ({ score: q(t.score), count: t.count, articles: t.articles })),
    expected.themes);
  assert.deepEqual(
    Object.fromEntries(agg.entities.map((e) => [`${e.type}:${e.name}`, { count: e.count, articles: e.articles }])),
    expected.entities);
  // Sorted by score (entities by count), descending.
  const scores = agg.top_level.map((t) => t.score);
  assert.deepEqual(scores, [...scores].sort((a, b) => b - a));
  assert.ok(agg.top_level.length >= 3 && agg.entities.length >= 5);
});

test('--aggregate alone prints only the aggregate; bad records go to stderr with line numbers', () => {
  assert.equal(aggregateRun.stdout.trim().split('\n').length, 1);
  assert.equal(aggregateRun.stderr, 'newslens: line 51: not valid JSON\nnewslens: line 52: missing string field "text"\n');
  const both = run(['analyze', '--jsonl', '--summary', '--aggregate'], input);
  assert.equal(both.stdout, summaries.stdout + aggregateRun.stdout);
});

test('`newslens aggregate` reduces summary lines and merges partition aggregates exactly', () => {
  const reduced = run(['aggregate'], summaries.stdout);
  assert.equal(reduced.status, 0, reduced.stderr);
  assert.equal(reduced.stdout, aggregateRun.stdout);
  // Three partitions, aggregated separately, then merged.
  const lines = input.trim().split('\n');
  const parts = [lines.slice(0, 17), lines.slice(17, 80), lines.slice(80)].map(
    (part) => run(['analyze', '--jsonl', '--aggregate'], part.join('\n')).stdout);
  const merged = run(['aggregate'], parts.join(''));
  assert.equal(merged.status, 0, merged.stderr);
  assert.equal(merged.stdout, aggregateRun.stdout);
  // A mix of summaries and aggregates is fine too.
  const mixed = run(['aggregate'], parts[0] + run(['analyze', '--jsonl', '--summary'], lines.slice(17).join('\n')).stdout);
  assert.equal(mixed.stdout, aggregateRun.stdout);
});

test('`newslens aggregate` reports lines it cannot use and goes on', () => {
  const good = parseLines(summaries.stdout).find((l) => !l.error);
  const input = [JSON.stringify(good), '{"words": 3}', 'nope', JSON.stringify(good)].join('\n');
  const r = run(['aggregate'], input);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /line 2: summary: missing or mistyped "sentences"/);
  assert.match(r.stderr, /line 3: not a JSON object/);
  assert.equal(JSON.parse(r.stdout).articles, 2);
});

// Issue 23: numbers out of range are refused with the line, and the sums never wrap. Each bad
// line is one a hand-edited or corrupted partition could carry.
test('`newslens aggregate` refuses out-of-range numbers, repeated ids and unknown labels by line', () => {
  const good = parseLines(summaries.stdout).find((l) => !l.error && l.top_level.length > 0 && l.entities.length > 0);
  const edit = (change) => {
    const copy = structuredClone(good);
    change(copy);
    return JSON.stringify(copy);
  };
  const cases = [
    // [the line, what stderr must say about it]
    // Written as text: 2^64 - 1 is no JavaScript number.
    [JSON.stringify(good).replace(/"words":\d+/, '"words":18446744073709551615'),
      /"words" is 18446744073709551615, outside 0 to 9007199254740991/],
    [edit((s) => { s.words = 1e30; }), /"words" is 1e\+30, outside 0 to/],
    [edit((s) => { s.words = 2.5; }), /"words" is 2.5, not a whole number/],
    [edit((s) => { s.sentences = -3; }), /"sentences" is -3, outside 0 to/],
    [edit((s) => { s.tone.compound = 1e300; }), /"compound" is 1e\+300, outside -1 to 1/],
    [edit((s) => { s.tone.gdelt_tone = -250; }), /"gdelt_tone" is -250, outside -100 to 100/],
    [edit((s) => { s.top_level[0].score = 1.7e308; }), /"score" is 1.7e\+308, outside 0 to 1000000000/],
    [edit((s) => { s.themes.push({ ...s.top_level[0], share: 3 }); }), /"share" is 3, outside 0 to 1/],
    [edit((s) => { s.top_level.push({ ...s.top_level[0] }); }), /"top_level" lists "[a-z_]+" twice/],
    [edit((s) => { s.entities.push({ ...s.entities[0] }); }), /"entities" lists .* twice/],
    [edit((s) => { s.tone.label = '__proto__'; }), /"label" is "__proto__", not positive, neutral or negative/],
    [edit((s) => { s.tone.label = 'ecstatic'; }), /not positive, neutral or negative/],
  ];
  const lines = [JSON.stringify(good), ...cases.map(([line]) => line), JSON.stringify(good)];
  const r = run(['aggregate'], lines.join('\n') + '\n');
  assert.equal(r.status, 1);
  const errors = r.stderr.trim().split('\n');
  assert.equal(errors.length, cases.length, r.stderr);
  cases.forEach(([, pattern], i) => {
    assert.match(errors[i], new RegExp(`^newslens: line ${i + 2}: `), errors[i]);
    assert.match(errors[i], pattern);
  });
  // Only the two good lines were added, exactly.
  const agg = JSON.parse(r.stdout);
  assert.equal(agg.articles, 2);
  assert.equal(agg.words, 2 * good.words);
  assert.equal(agg.top_level.find((t) => t.id === good.top_level[0].id).articles, 2);
  assert.deepEqual(Object.keys(agg.tone.labels), ['positive', 'neutral', 'negative']);
});

test('`newslens aggregate` refuses a line whose sums would pass 2^53 - 1 and keeps the rest exact', () => {
  const good = parseLines(summaries.stdout).find((l) => !l.error);
  const big = { ...good, words: 2 ** 53 - 1 - good.words };
  const over = { ...good, words: 1 };  // one more word than a JS number holds exactly
  const r = run(['aggregate'], [good, big, over].map((l) => JSON.stringify(l)).join('\n'));
  assert.equal(r.status, 1);
  assert.match(r.stderr, /^newslens: line 3: the aggregate's words would pass 9007199254740991/);
  const agg = JSON.parse(r.stdout);
  assert.equal(agg.articles, 2);
  assert.equal(agg.words, 2 ** 53 - 1);
  // The same limits hold for merged aggregates: a partition claiming more of a label, or more
  // articles for a theme, than it has articles, or a duplicated theme, is refused.
  const part = JSON.parse(run(['aggregate'], JSON.stringify(good)).stdout);
  const bad = [
    { ...part, words: 2 ** 64 },
    { ...part, tone: { ...part.tone, labels: { ...part.tone.labels, ['__proto__']: 1 } } },
    { ...part, tone: { ...part.tone, labels: { ...part.tone.labels, positive: 5 } } },
    { ...part, top_level: [...part.top_level, part.top_level[0]] },
    { ...part, top_level: [{ ...part.top_level[0], articles: 9 }] },
    { ...part, tone: { ...part.tone, compound_sum: Number.MAX_VALUE } },
  ];
  const m = run(['aggregate'], [part, ...bad, part].map((l) => JSON.stringify(l)).join('\n'));
  const errors = m.stderr.trim().split('\n');
  assert.equal(errors.length, bad.length, m.stderr);
  errors.forEach((e, i) => assert.match(e, new RegExp(`^newslens: line ${i + 2}: aggregate`), e));
  assert.equal(JSON.parse(m.stdout).articles, 2);
});
