// Builds of the module side by side in ONE node process, alternated round by round, so that
// they compare under the same machine load: MB/s of `analyze` (the report object) and of
// `analyzeToJson` over a corpus, and the sample's warm `analyze`.
//
//   nice -n -15 node bench/wasm-ab.mjs [--rounds 7] [--cpu] [--corpus FILE.jsonl] A/newslens.js B/newslens.js ...
//
// The corpus defaults to 2 MB of the generated corpus (bench/corpus.mjs). Prints medians.
// --cpu: time with the process's CPU time (process.cpuUsage) instead of the wall clock, which on
// a machine shared with other work also counts the time spent waiting for a core.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
let rounds = 7;
let corpusPath;
let cpu = false;
const modules = [];
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--rounds') rounds = Number(args[++i]);
  else if (args[i] === '--corpus') corpusPath = args[++i];
  else if (args[i] === '--cpu') cpu = true;
  else modules.push(resolve(args[i]));
}
if (!modules.length) {
  console.error('usage: node bench/wasm-ab.mjs [--rounds N] [--corpus FILE.jsonl] MODULE.js ...');
  process.exit(2);
}
let texts;
if (corpusPath) {
  texts = readFileSync(corpusPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
} else {
  const dir = mkdtempSync(join(tmpdir(), 'newslens-ab-'));
  execFileSync(process.execPath, [join(here, 'corpus.mjs'), '--mb', '2', '--out', join(dir, 'gen.jsonl')]);
  texts = readFileSync(join(dir, 'gen.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  rmSync(dir, { recursive: true, force: true });
}
const sample = readFileSync(join(here, '..', 'data', 'samples', 'china-russia-letter.txt'), 'utf8');
const bytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0);
// Milliseconds, of the wall clock or (--cpu) of this process's CPU time.
const now = cpu ? () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; }
                : () => performance.now();
const analyzers = [];
for (const m of modules) analyzers.push(await require(m).NewsLens.create());
const results = modules.map(() => ({ analyze: [], json: [], sample: [] }));
for (let r = 0; r < rounds; ++r) {
  for (let k = 0; k < modules.length; ++k) {
    const which = (k + r) % modules.length;  // rotate the order every round
    const nl = analyzers[which];
    const out = results[which];
    let t = now();
    for (const x of texts) nl.analyze(x);
    out.analyze.push(now() - t);
    t = now();
    for (const x of texts) nl.analyzeToJson(x);
    out.json.push(now() - t);
    for (let i = 0; i < 20; ++i) nl.analyze(sample);
    t = now();
    for (let i = 0; i < 100; ++i) nl.analyze(sample);
    out.sample.push((now() - t) / 100);
  }
}
const median = (v) => [...v].sort((a, b) => a - b)[v.length >> 1];
console.log(`newslens wasm-ab v1 | node ${process.version} | ${texts.length} articles, ` +
            `${(bytes / 1e6).toFixed(2)} MB | ${rounds} rounds (medians)${cpu ? ' | CPU time' : ''}`);
modules.forEach((m, k) => {
  const r = results[k];
  console.log(`${m}: analyze ${(bytes / 1e3 / median(r.analyze)).toFixed(2)} MB/s, ` +
              `analyzeToJson ${(bytes / 1e3 / median(r.json)).toFixed(2)} MB/s, ` +
              `sample warm analyze ${median(r.sample).toFixed(3)} ms`);
});
