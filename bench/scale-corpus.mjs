#!/usr/bin/env node
// Builds a large corpus for the CLI scale benchmarks from real text: the `text` of every line of
// the given JSONL files, repeated in a fresh shuffle each pass until the output reaches --mb
// megabytes (10^6 bytes). Deterministic for a given --seed. Write it outside the repository:
// the dev data's licences forbid copying it in.
//
//   node bench/scale-corpus.mjs --mb 100 --out /tmp/newslens-100mb.jsonl ../shared/dev-data/*.jsonl
//   node bench/scale-corpus.mjs --mb 100 --format csv --out /tmp/c.csv ../shared/dev-data/*.jsonl
//   node bench/scale-corpus.mjs --mb 1000 --gzip --out /tmp/c.jsonl.gz ../shared/dev-data/*.jsonl
//
// Output lines: {"id": N, "source": "<file name>", "text": "..."} (or CSV id,source,text).
import { createWriteStream, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createGzip } from 'node:zlib';
import { parseArgs } from 'node:util';

const { values: opts, positionals: files } = parseArgs({
  options: {
    mb: { type: 'string', default: '100' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    format: { type: 'string', default: 'jsonl' },
    gzip: { type: 'boolean', default: false },
  },
  allowPositionals: true,
});
if (!opts.out || !files.length || !['jsonl', 'csv'].includes(opts.format)) {
  console.error('usage: scale-corpus.mjs --out PATH [--mb 100] [--seed 1] [--format jsonl|csv] [--gzip] FILE.jsonl...');
  process.exit(2);
}

const texts = [];
for (const file of files) {
  const source = basename(file, '.jsonl');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const { text } = JSON.parse(line);
    if (typeof text === 'string' && text.trim()) texts.push({ source, text });
  }
}
if (!texts.length) throw new Error('no texts found');

// mulberry32: small, fast, deterministic.
let state = Number(opts.seed) >>> 0;
const random = () => {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const csvField = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

const target = Number(opts.mb) * 1e6;
const file = createWriteStream(opts.out);
const out = opts.gzip ? createGzip({ level: 6 }) : file;
if (opts.gzip) out.pipe(file);
const write = (s) => (out.write(s) ? null : new Promise((resolve) => out.once('drain', resolve)));

let bytes = 0;
let id = 0;
if (opts.format === 'csv') {
  const header = 'id,source,text\n';
  await write(header);
  bytes += header.length;
}
const order = texts.map((_, i) => i);
while (bytes < target) {
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let chunk = '';
  for (const k of order) {
    if (bytes >= target) break;
    const { source, text } = texts[k];
    ++id;
    const line = opts.format === 'csv'
      ? `${id},${source},${csvField(text)}\n`
      : `${JSON.stringify({ id, source, text })}\n`;
    bytes += Buffer.byteLength(line);
    chunk += line;
    if (chunk.length > 1 << 20) {
      await write(chunk);
      chunk = '';
    }
  }
  if (chunk) await write(chunk);
}
out.end();
await new Promise((resolve) => file.on('close', resolve));
console.error(`${opts.out}: ${id} articles, ${(bytes / 1e6).toFixed(1)} MB of ${opts.format}${opts.gzip ? ' (gzip)' : ''}`);
