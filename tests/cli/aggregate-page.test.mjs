// One corpus aggregate (issue 18): the CLI's `analyze --aggregate` / `aggregate` and the page's
// corpus mode (web/src/corpus-aggregate.js, run here in node on the wasm module's reports, as its
// worker runs it) write the same newslens/aggregate@1 object, valid against
// docs/aggregate.schema.json, and agree number for number on the same articles.
import Ajv from 'ajv';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

import { CORPUS_OPTIONS, CorpusAggregate, summarise } from '../../web/src/corpus-aggregate.js';
import { loadNewsLens } from '../wasm/helpers.mjs';
import { generateArticles, root, run, sample, toJsonl } from './helpers.mjs';

const schema = JSON.parse(readFileSync(join(root, 'docs', 'aggregate.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: true }).compile(schema);

function assertValid(aggregate, what) {
  const ok = validate(aggregate);
  assert.ok(ok, `${what} is not a valid newslens/aggregate@1: ${JSON.stringify(validate.errors?.slice(0, 5))}`);
}

// Articles of every length, one in several scripts, a sample-sized one, and sources and dates
// (the CLI ignores those; the page groups by them).
const articles = [
  ...generateArticles(40),
  { id: 'intl', text: 'Le président a rencontré ses homologues à Genève. 中国 и Россия signed a trade pact in Beijing on Monday, officials said.' },
  { id: 'sample', text: sample },
].map((a, i) => ({ ...a, source: ['Wire', 'Daily', ''][i % 3], date: `2024-03-0${1 + (i % 9)}` }));

const input = toJsonl(articles) + 'not json\n';
// The page's tone menu starts at the news lexicon; the same lexicon on both sides.
const cli = run(['analyze', '--jsonl', '--aggregate', '--tone', 'news'], input);
const cliAggregate = JSON.parse(cli.stdout);

/** The page's corpus aggregate of `articles`, added in `order`. */
async function pageAggregate(order) {
  const nl = await (loadNewsLens()).create();
  const agg = new CorpusAggregate();
  for (const i of order) {
    const a = articles[i];
    const report = nl.analyze(a.text, { tone: 'news', ...CORPUS_OPTIONS });
    agg.add(summarise(report, { id: a.id, title: '', date: a.date, day: a.date, source: a.source }, { file: 0 }));
  }
  agg.failed = 1;  // the page counts the bad record as the CLI does
  return agg.result();
}

test('the CLI\'s aggregate is valid against docs/aggregate.schema.json', () => {
  assert.equal(cli.status, 1, cli.stderr);  // the bad line
  assertValid(cliAggregate, 'the CLI\'s aggregate');
  const reduced = JSON.parse(run(['aggregate'], run(['analyze', '--jsonl', '--summary', '--tone', 'news'], input).stdout).stdout);
  assertValid(reduced, '`newslens aggregate`');
  assert.ok(cliAggregate.top_level.every((t) => typeof t.label === 'string' && t.label.length > 0),
            'top-level themes carry their labels');
});

test('the page\'s corpus aggregate of the same articles is the CLI\'s, number for number', async () => {
  const page = await pageAggregate(articles.map((_, i) => i));
  assertValid(page, 'the page\'s aggregate');
  const { sources, trend, ...shared } = page;
  assert.deepEqual(shared, cliAggregate);
  assert.ok(cliAggregate.articles === articles.length && cliAggregate.failed === 1);
  assert.ok(cliAggregate.themes.length > 0 && cliAggregate.entities.length > 5);
  // What the page adds: each source's totals add up to the whole.
  assert.equal(sources.reduce((n, s) => n + s.articles, 0), articles.length);
  assert.equal(sources.reduce((n, s) => n + s.words, 0), cliAggregate.words);
  assert.equal(trend.dated, articles.length);
});

test('the page\'s aggregate does not depend on the order its workers finish in', async () => {
  const order = articles.map((_, i) => i);
  const shuffled = order.map((i) => [(i * 7919) % 43, i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  assert.deepEqual(await pageAggregate(shuffled), await pageAggregate(order));
});
