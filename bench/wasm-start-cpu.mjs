// Start-up of one or more builds of the module as CPU time, alternating fresh processes: on a
// loaded machine the wall-clock figures of bench/wasm-start.mjs mostly measure how long the process
// waited for a core, while the main thread's own CPU time does not move with the load.
//
//   nice -n -15 node bench/wasm-start-cpu.mjs [--runs 9] [--node-flags "--liftoff-only"] MODULE.js ...
//
// Per process and phase (require = load, NewsLens.create() = create, the sample's first analysis
// = first): the main thread's CPU time (/proc/thread-self/schedstat, Linux), the whole process's
// CPU time (V8's background compile threads included: what a second core would absorb) and the
// wall-clock time. Prints each build's medians over the runs. --node-flags are for diagnosis only
// (e.g. --liftoff-only, --wasm-tiering-budget=1000000000: no tier-up to TurboFan).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);

if (args[0] === '--child') {
  const main = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  const proc = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const mark = () => [main(), proc(), performance.now()];
  const text = readFileSync(join(here, '..', 'data', 'samples', 'china-russia-letter.txt'), 'utf8');
  const m0 = mark();
  const { NewsLens } = createRequire(import.meta.url)(resolve(args[1]));
  const m1 = mark();
  const nl = await NewsLens.create();
  const m2 = mark();
  nl.analyze(text);
  const m3 = mark();
  const out = {};
  [['load', m0, m1], ['create', m1, m2], ['first', m2, m3]].forEach(([name, a, b]) => {
    out[name] = { main: b[0] - a[0], proc: b[1] - a[1], wall: b[2] - a[2] };
  });
  process.stdout.write(JSON.stringify(out));
  process.exit(0);
}

let runs = 9;
let nodeFlags = [];
const modules = [];
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--runs') runs = Number(args[++i]);
  else if (args[i] === '--node-flags') nodeFlags = args[++i].split(' ').filter(Boolean);
  else modules.push(resolve(args[i]));
}
const results = new Map(modules.map((m) => [m, []]));
for (let r = 0; r < runs; ++r)
  for (const m of modules)
    results.get(m).push(JSON.parse(execFileSync(process.execPath,
        [...nodeFlags, fileURLToPath(import.meta.url), '--child', m])));
const median = (v) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
console.log(`newslens wasm-start-cpu v1 | node ${process.version} ${nodeFlags.join(' ')}| ${runs} ` +
            'alternating runs, medians (ms): main-thread CPU / process CPU / wall');
for (const m of modules) {
  const r = results.get(m);
  const f = (phase) => ['main', 'proc', 'wall'].map((k) => median(r.map((x) => x[phase][k])).toFixed(1)).join(' / ');
  console.log(`${m}: load ${f('load')} | create ${f('create')} | first ${f('first')}`);
}
