// Cold start and warm latency of one or more builds of the module, alternating fresh processes
// so that builds compare under the same machine load.
//
//   nice -n -15 node bench/wasm-start.mjs [--runs 7] MODULE.js [MODULE.js ...]
//
// Per process: require (load), NewsLens.create() (create), the sample's first analysis (first),
// then the median of 60 warm analyses of the sample, full report (warm) and without mentions and
// sentences (warmSummary). Prints each build's medians over the runs.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--child') {
  const t0 = performance.now();
  const { NewsLens } = createRequire(import.meta.url)(resolve(args[1]));
  const t1 = performance.now();
  const nl = await NewsLens.create();
  const t2 = performance.now();
  const text = readFileSync(join(here, '..', 'data', 'samples', 'china-russia-letter.txt'), 'utf8');
  nl.analyze(text);
  const t3 = performance.now();
  const med = (options) => {
    for (let i = 0; i < 30; i++) nl.analyze(text, options);
    const runs = [];
    for (let i = 0; i < 60; i++) {
      const s = performance.now();
      nl.analyze(text, options);
      runs.push(performance.now() - s);
    }
    return runs.sort((a, b) => a - b)[30];
  };
  const warm = med({});
  const warmSummary = med({ mentions: false, sentences: false });
  process.stdout.write(JSON.stringify({ load: t1 - t0, create: t2 - t1, first: t3 - t2, warm, warmSummary }));
  process.exit(0);
}

let runs = 7;
const modules = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else modules.push(resolve(args[i]));
}
const results = new Map(modules.map((m) => [m, []]));
for (let r = 0; r < runs; ++r)
  for (const m of modules)
    results.get(m).push(JSON.parse(execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', m])));
const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`newslens wasm-start v1 | node ${process.version} | ${runs} alternating runs, medians (ms)`);
for (const m of modules) {
  const r = results.get(m);
  const f = (k) => median(r.map((x) => x[k])).toFixed(k.startsWith('warm') ? 3 : 1);
  console.log(`${m}: load ${f('load')} create ${f('create')} first ${f('first')} ` +
              `warm ${f('warm')} warmSummary ${f('warmSummary')}`);
}
