// bench/size.mjs — raw, gzip and brotli sizes of the shipped files, against the size budgets.
//
//   node bench/size.mjs [DIR_OR_FILE ...]      default: dist/
//
// gzip is level 9 and brotli quality 11 (what a static host would serve). Budgets (issue 9,
// SPEC §5): the embed script (JS + wasm + dictionaries) <= 150 KB gzipped; the page (every dist
// file it loads) <= 400 KB gzipped. KB = 1,000 bytes. The output format is stable so figures can
// be compared over time.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const targets = args.length ? args : [join(root, 'dist')];

function files(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((f) => files(join(p, f)));
}

const rows = [];
for (const t of targets) {
  for (const f of files(resolve(t))) {
    if (!/\.(js|mjs|wasm|html|css|json|svg)$/.test(f)) continue;
    const bytes = readFileSync(f);
    rows.push({
      file: relative(root, f) || basename(f),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    });
  }
}
const kb = (n) => (n / 1000).toFixed(1);
console.log('newslens size v1 (KB = 1,000 bytes; gzip -9, brotli q11)');
console.log(`${'file'.padEnd(40)}${'raw KB'.padStart(10)}${'gzip KB'.padStart(10)}${'brotli KB'.padStart(11)}`);
for (const r of rows)
  console.log(`${r.file.padEnd(40)}${kb(r.raw).padStart(10)}${kb(r.gzip).padStart(10)}${kb(r.brotli).padStart(11)}`);

const find = (name) => rows.find((r) => basename(r.file) === name);
const embed = find('newslens-embed.js');
if (embed) console.log(`embed script: ${kb(embed.gzip)} KB gzipped (budget 150) -> ${embed.gzip <= 150000 ? 'within' : 'OVER'}`);
const page = rows.filter((r) => r.file.startsWith('dist/') && !/embed|examples\//.test(r.file));
if (page.length) {
  const total = page.reduce((n, r) => n + r.gzip, 0);
  console.log(`page (dist/ without the embed): ${kb(total)} KB gzipped (budget 400) -> ${total <= 400000 ? 'within' : 'OVER'}`);
}
