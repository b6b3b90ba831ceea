// The wasm module's memory for one analysis of a hostile text (issue 23, docs/reliability.md):
// a fresh module per run, its memory size after the call (wasm memory only grows, so this is the
// peak, rounded up by Emscripten's growth steps). Prints bytes of module memory per input byte.
//   node bench/module-memory.mjs 'UN! ' 4194304 [options-json] [json]
//   e.g. node bench/module-memory.mjs 'UN! ' 4194304 '{"detail":["mentions"]}'
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { NewsLens } = createRequire(import.meta.url)(join(root, 'dist', 'newslens.js'));
const [unit = 'UN! ', size = String(4 << 20), optionsJson = '{}', asJson] = process.argv.slice(2);
const text = unit.repeat(Math.ceil(Number(size) / unit.length)).slice(0, Number(size));
const bytes = Buffer.byteLength(text);
const nl = await NewsLens.create();
const before = nl._module.HEAPU8.length;
const options = JSON.parse(optionsJson);
let outcome;
try {
  const r = asJson ? JSON.parse(nl.analyzeToJson(text, options)) : nl.analyze(text, options);
  outcome = `a report (${r.stats.sentences} sentences)`;
} catch (e) {
  outcome = `${e.constructor.name}: ${e.message}`;
}
const after = nl._module.HEAPU8.length;
console.log(`${JSON.stringify(unit)} x ${bytes} bytes, ${optionsJson}${asJson ? ' as JSON' : ''}: ${outcome}; ` +
            `module memory ${(before / 1e6).toFixed(0)} -> ${(after / 1e6).toFixed(0)} MB, ` +
            `${((after - before) / bytes).toFixed(1)} bytes per input byte`);
