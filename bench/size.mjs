// bench/size.mjs — raw, gzip and brotli sizes of the shipped files, and every size budget with its
// measured value.
//
//   node bench/size.mjs [--check] [DIR]      default: dist/ (as `make build` leaves it)
//
// gzip is level 9 and brotli quality 11 (what a static host would serve). KB = 1,024 bytes, as
// the budgets are written (issue 19, SPEC §5):
//   - the widget's loader, newslens-embed.js                                   <= 20 KB gzipped
//   - everything the widget loads for one card: newslens-embed.js + newslens-analyzer.js (the
//     widget edition of the module, docs/size.md)                             <= 250 KB
//   - the page's module, newslens.js                                           <= 300 KB
//   - the page's files in all (index.html, app.js, app.css, newslens.js, sample.js, worker.js)
//                                                                              <= 400 KB
// dist/NOTICE and dist/LICENSE (web/notice.mjs) are not counted: nothing loads them, and the
// files listed are scripts, styles and pages only.
// With --check (what `make build` runs) the exit status is 1 when a budget marked `gate` is
// breached. A budget is gated once main meets it, so the build cannot slide back over it; one
// that main does not meet yet is printed as OVER, and is an owner's decision (docs/size.md, "The
// page module ... an owner's decision"), not a red build for everyone. Gated: the loader and the
// card (met since issue 19's fifth session, 240.9 KB). Not gated: the page module and the page,
// whose budgets cannot be met without costing accuracy or changing the design (the owner's
// options, measured, are in docs/size.md).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = resolve(new URL('..', import.meta.url).pathname);
const args = process.argv.slice(2);
const check = args.includes('--check');
const dir = resolve(args.find((a) => !a.startsWith('--')) || join(root, 'dist'));
const KB = 1024;

const PAGE_FILES = ['index.html', 'app.js', 'app.css', 'newslens.js', 'sample.js', 'worker.js'];
const BUDGETS = [
  { name: 'widget loader', files: ['newslens-embed.js'], limit: 20, gate: true },
  { name: 'widget, one card', files: ['newslens-embed.js', 'newslens-analyzer.js'], limit: 250, gate: true },
  { name: 'page module', files: ['newslens.js'], limit: 300, gate: false },
  { name: 'page files in all', files: PAGE_FILES, limit: 400, gate: false },
];

function files(p) {
  const st = statSync(p);
  if (!st.isDirectory()) return [p];
  return readdirSync(p).sort().flatMap((f) => files(join(p, f)));
}

if (!existsSync(dir)) {
  console.error(`bench/size.mjs: ${dir} does not exist (run \`make build\` first)`);
  process.exit(2);
}
const rows = new Map();
for (const f of files(dir)) {
  if (!/\.(js|mjs|wasm|html|css|json|svg)$/.test(f)) continue;
  const bytes = readFileSync(f);
  rows.set(relative(dir, f), {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  });
}
const kb = (n) => (n / KB).toFixed(1);
console.log(`newslens size v2 (${relative(root, dir) || dir}; KB = 1,024 bytes; gzip -9, brotli q11)`);
console.log(`${'file'.padEnd(40)}${'raw KB'.padStart(10)}${'gzip KB'.padStart(10)}${'brotli KB'.padStart(11)}`);
for (const [file, r] of rows)
  console.log(`${file.padEnd(40)}${kb(r.raw).padStart(10)}${kb(r.gzip).padStart(10)}${kb(r.brotli).padStart(11)}`);

console.log(`\n${'budget (gzip)'.padEnd(22)}${'measured'.padStart(10)}${'limit'.padStart(8)}  status`);
const breached = [];
for (const b of BUDGETS) {
  const missing = b.files.filter((f) => !rows.has(f));
  if (missing.length) {
    console.log(`${b.name.padEnd(22)}${'—'.padStart(10)}${String(b.limit).padStart(8)}  missing ${missing.join(', ')}`);
    if (b.gate) breached.push(`${b.name}: ${missing.join(', ')} missing`);
    continue;
  }
  const gz = b.files.reduce((n, f) => n + rows.get(f).gzip, 0);
  const over = gz > b.limit * KB;
  const status = !over ? 'ok' : b.gate ? 'OVER (fails the build)' :
                 `OVER by ${kb(gz - b.limit * KB)} KB (not gated: an owner's decision, docs/size.md)`;
  console.log(`${b.name.padEnd(22)}${kb(gz).padStart(10)}${String(b.limit).padStart(8)}  ${status}`);
  if (over && b.gate) breached.push(`${b.name}: ${kb(gz)} KB > ${b.limit} KB`);
}
if (check && breached.length) {
  console.error(`bench/size.mjs: over budget: ${breached.join('; ')}`);
  process.exit(1);
}
