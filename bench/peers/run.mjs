// newslens (WebAssembly) against the JavaScript analyzers it competes with, in one node process.
//
//   cd bench/peers && npm ci && node run.mjs [--corpus PATH] [--module PATH] [--rounds 5] [--cpu]
//   node run.mjs --corpus ../../../shared/dev-data/reuters21578-modapte-train.jsonl
//
// Every analyzer sees the same articles, one call per article, in the same process; the order
// of the analyzers rotates from round to round and each figure is the median of the rounds.
// MB/s counts input bytes (10^6). tokens/s uses one denominator for every analyzer: the words
// newslens counts in the corpus (report stats.words). "ms/article" is the mean; p50/p99 are
// per-article latencies from the last round. The corpus is a path (JSONL {"text"}, a directory of
// .txt, or one .txt) or, by default, the generated corpus of bench/corpus.mjs.
//
// newslens is measured several ways: `analyze` (the default report@2 as a JS object),
// `report@1` (analyze with schema: 1, every per-word list: the default before issue 18),
// `analyzeToJson` (the default report as JSON text), and `summary` (analyze with mentions and
// sentences left out: every stage still runs, less crosses into JS), `tone` (fields: ['tone'],
// the tone and stats alone, what the sentiment-only peers compute; the automatic tone still runs
// the theme engine to choose each sentence's lexicon, the actor engine does not run) and
// `tone news` (the same with the news lexicon: no engine but tone). Then: a 12 KB article warm,
// module start-up (fresh processes), and the wasm heap after 10,000 analyses.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadCorpus } from '../corpus.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '..', '..');
const require = createRequire(import.meta.url);

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}
const modulePath = resolve(arg('--module', process.env.NEWSLENS_MODULE ||
                                join(root, 'build-wasm', 'newslens.js')));

// Child mode: one cold start, printed as JSON (the parent runs several and takes the median).
if (process.argv.includes('--startup-child')) {
  const t0 = performance.now();
  const { NewsLens } = require(modulePath);
  const t1 = performance.now();
  const nl = await NewsLens.create();
  const t2 = performance.now();
  nl.analyze(readFileSync(join(root, 'data', 'samples', 'china-russia-letter.txt'), 'utf8'));
  const t3 = performance.now();
  process.stdout.write(JSON.stringify({ load: t1 - t0, create: t2 - t1, first: t3 - t2, total: t3 - t0 }));
  process.exit(0);
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const pct = (v, p) => [...v].sort((a, b) => a - b)[Math.min(v.length - 1, Math.floor(v.length * p))];

const corpusPath = arg('--corpus', process.argv[2] && !process.argv[2].startsWith('--') ? process.argv[2] : undefined);
const rounds = Number(arg('--rounds', 5));
const corpus = loadCorpus(corpusPath);
const bytes = corpus.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
const sample = readFileSync(join(root, 'data', 'samples', 'china-russia-letter.txt'), 'utf8');

const { NewsLens } = require(modulePath);
const nl = await NewsLens.create();
const Sentiment = require('sentiment');
const sentiment = new Sentiment();
const vader = require('vader-sentiment');
const winkNLP = require('wink-nlp');
const nlp = winkNLP(require('wink-eng-lite-web-model'));
const its = nlp.its;

// --skip NAME,...: leave analyzers out (e.g. vader-sentiment,wink-nlp, minutes per round on a
// loaded machine); their ratio columns stay empty.
const skip = new Set(String(arg('--skip', '')).split(',').filter(Boolean));
const allEngines = [
  { name: 'newslens-wasm analyze', newslens: true, fn: (t) => nl.analyze(t) },
  // report@1 on request (schema: 1, every per-word list): the default report before issue 18.
  { name: 'newslens-wasm report@1', newslens: true, fn: (t) => nl.analyze(t, { schema: 1 }) },
  { name: 'newslens-wasm toJson', newslens: true, fn: (t) => nl.analyzeToJson(t) },
  { name: 'newslens-wasm summary', newslens: true,
    fn: (t) => nl.analyze(t, { mentions: false, sentences: false }) },
  { name: 'newslens-wasm tone', newslens: true, fn: (t) => nl.analyze(t, { fields: ['tone'] }) },
  // The tone with one fixed lexicon: the automatic tone (the default) runs the theme engine to
  // choose each sentence's lexicon, this one runs no engine but tone.
  { name: 'newslens-wasm tone news', newslens: true,
    fn: (t) => nl.analyze(t, { fields: ['tone'], tone: 'news' }) },
  { name: 'sentiment', fn: (t) => sentiment.analyze(t) },
  { name: 'vader-sentiment', fn: (t) => vader.SentimentIntensityAnalyzer.polarity_scores(t) },
  // wink-nlp as a reader would use it for this job: tokens, sentences, entities, sentiment.
  { name: 'wink-nlp', fn: (t) => {
    const doc = nlp.readDoc(t);
    return [doc.out(its.sentiment), doc.sentences().out(its.sentiment), doc.entities().out()];
  } },
];
const engines = allEngines.filter((e) => !skip.has(e.name));

let words = 0;
for (const a of corpus) words += nl.analyze(a.text, { mentions: false, sentences: false }).stats.words;

// --cpu: time with this process's CPU time (process.cpuUsage, microseconds) instead of the wall
// clock, which on a machine shared with other work also counts the waits for a core (at load
// 20 on 2 cores, wall-clock rows ran ten times slower and their ratios moved by 30 %).
const cpu = process.argv.includes('--cpu');
const now = cpu ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }
                : () => performance.now();

const times = new Map(engines.map((e) => [e.name, []]));
const latencies = new Map();
for (let r = 0; r < rounds; ++r) {
  const order = engines.map((_, i) => engines[(i + r) % engines.length]);
  for (const e of order) {
    const lat = new Float64Array(corpus.length);
    const t0 = now();
    for (let i = 0; i < corpus.length; ++i) {
      const s = performance.now();  // per-article latencies: the wall clock in either mode
      e.fn(corpus[i].text);
      lat[i] = performance.now() - s;
    }
    times.get(e.name).push(now() - t0);
    latencies.set(e.name, lat);
  }
}

const warm = new Map();
for (const e of engines) {
  for (let i = 0; i < 20; ++i) e.fn(sample);
  const runs = [];
  for (let i = 0; i < 100; ++i) {
    const s = now();
    e.fn(sample);
    runs.push(now() - s);
  }
  warm.set(e.name, median(runs));
}

const mbps = (name) => (times.has(name) ? bytes / 1e3 / median(times.get(name)) : NaN);
const fastestPeer = Math.max(...['sentiment', 'vader-sentiment', 'wink-nlp'].map(mbps).filter((x) => x === x));
console.log(`newslens peers bench v1 | node ${process.version} | module: ${modulePath}`);
console.log(`corpus: ${corpusPath || 'generated (bench/corpus.mjs --mb 10)'} | ${corpus.length} articles, ` +
            `${(bytes / 1e6).toFixed(2)} MB, ${words} words (newslens) | rounds: ${rounds} (median)` +
            (cpu ? ' | CPU time' : ''));
console.log(['analyzer'.padEnd(24), 'MB/s', 'Mtokens/s', 'ms/article', 'p50 ms', 'p99 ms',
             '12KB warm ms', 'x sentiment', 'x vader', 'x wink'].map((s, i) => i ? s.padStart(13) : s).join(''));
for (const e of engines) {
  const ms = median(times.get(e.name));
  const lat = latencies.get(e.name);
  const row = [e.name.padEnd(24), mbps(e.name).toFixed(2), (words / 1e3 / ms).toFixed(3),
               (ms / corpus.length).toFixed(4), pct(lat, 0.5).toFixed(4), pct(lat, 0.99).toFixed(4),
               warm.get(e.name).toFixed(4)];
  for (const peer of ['sentiment', 'vader-sentiment', 'wink-nlp'])
    row.push(e.newslens && times.has(peer) ? (mbps(e.name) / mbps(peer)).toFixed(2) : '');
  console.log(row.map((s, i) => i ? String(s).padStart(13) : s).join(''));
}
console.log(`fastest JS peer: ${fastestPeer.toFixed(2)} MB/s`);
// --table-only: the table alone (the sections below take minutes on a loaded machine).
if (process.argv.includes('--table-only')) process.exit(0);

// What parsing the report@1 JSON costs: a text about eleven times the article. Until analyze()
// built the object from the module's flat form (Analyzer::AnalyzeToFlat), this capped it whatever the
// wasm's speed; it stays the cost of JSON.parse(analyzeToJson(...)).
const reports = corpus.map((a) => nl.analyzeToJson(a.text));
const reportBytes = reports.reduce((n, j) => n + Buffer.byteLength(j), 0);
const parseTimes = [];
for (let r = 0; r < rounds; ++r) {
  const t0 = performance.now();
  for (const j of reports) JSON.parse(j);
  parseTimes.push(performance.now() - t0);
}
const parseMs = median(parseTimes);
console.log(`report JSON.parse alone: ${(reportBytes / 1e3 / parseMs).toFixed(1)} MB/s of JSON = ` +
            `${(bytes / 1e3 / parseMs).toFixed(2)} MB/s of articles (report ${(reportBytes / bytes).toFixed(1)}x ` +
            `the text): the cost of parsing analyzeToJson's report`);
reports.length = 0;
const sampleReport = nl.analyzeToJson(sample);
const sampleParse = [];
for (let i = 0; i < 120; ++i) {
  const s = performance.now();
  JSON.parse(sampleReport);
  if (i >= 20) sampleParse.push(performance.now() - s);
}
console.log(`the 12 KB sample's report (${(Buffer.byteLength(sampleReport) / 1e3).toFixed(1)} KB): ` +
            `JSON.parse alone ${median(sampleParse).toFixed(4)} ms warm`);

// Start-up in fresh processes: require + create + the first analysis of the sample.
const starts = [];
for (let i = 0; i < 5; ++i) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--startup-child',
                                              '--module', modulePath]);
  starts.push(JSON.parse(out.toString()));
}
const ms = (k) => median(starts.map((s) => s[k])).toFixed(1);
console.log(`start-up (median of 5 fresh processes): load ${ms('load')} ms, create ${ms('create')} ms, ` +
            `first analysis ${ms('first')} ms, total ${ms('total')} ms`);

// The wasm heap after 10,000 analyses (it may grow while warming up, then must stay flat).
const heap = () => nl._module.HEAP8.buffer.byteLength;
for (let i = 0; i < 200; ++i) nl.analyze(corpus[i % corpus.length].text);
const before = heap();
for (let i = 0; i < 10000; ++i) nl.analyze(corpus[i % corpus.length].text);
console.log(`wasm heap: ${before} bytes after warm-up, ${heap()} bytes after 10,000 more analyses`);
