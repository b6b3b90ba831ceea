#!/usr/bin/env node
// Assembles build-wasm/newslens.js, the one classic script: Emscripten's glue (with the facade,
// newslens-pre.js / newslens-api.js, around it), the wasm bytes and the packed dictionaries, both
// as JS string literals inside the script's wrapper function (so NewsLens.scriptSource() carries
// them too). Run by wasm/CMakeLists.txt after the link:
//
//   node wasm/assemble.mjs GLUE.js GLUE.wasm DICTIONARIES.nlpack OUT.js
//
// Why not Emscripten's SINGLE_FILE: it inlines the wasm as base64, which hides every repetition
// from gzip (base64 maps 3 bytes to 4 characters, so the same bytes at another offset encode
// differently): the wasm gzipped grew 39 % as base64 (docs/performance.md). Here each byte is one
// or two ASCII characters, the same ones wherever it stands, so gzip sees the wasm's own
// repetitions. The most frequent bytes (ranked at build time) get one character, the rest an
// escape ('{' or '}') and one. The alphabet leaves out '"' and '\' (no escaping in the literal),
// '<' (the script may be inlined in HTML: no "</script") and the two escapes. The dictionaries
// are the packed text (core/src/builtin.h) as a JSON string literal, non-ASCII as \u escapes so
// the script decodes the same under any page charset.
import {readFileSync, writeFileSync} from 'node:fs';

const [gluePath, wasmPath, dictPath, outPath] = process.argv.slice(2);
if (!outPath) {
  console.error('usage: node wasm/assemble.mjs GLUE.js GLUE.wasm DICTIONARIES.nlpack OUT.js');
  process.exit(2);
}

/** The one-character alphabet; the decoder in newslens-api.js builds the same. */
export function alphabet() {
  const chars = [];
  for (let c = 32; c < 127; c++) if (c !== 34 && c !== 60 && c !== 92 && c !== 123 && c !== 125) chars.push(c);
  return chars;  // 90 characters
}

function encodeWasm(bytes) {
  const count = new Array(256).fill(0);
  for (const b of bytes) count[b]++;
  const rank = [...Array(256).keys()].sort((a, b) => count[b] - count[a] || a - b);
  const chars = alphabet();
  const code = new Array(256);
  rank.forEach((byte, i) => {
    const c = String.fromCharCode(chars[i % chars.length]);
    code[byte] = i < chars.length ? c : (i < 2 * chars.length ? '{' : '}') + c;
  });
  const parts = [];
  for (const b of bytes) parts.push(code[b]);
  return {text: parts.join(''), rank: Buffer.from(rank).toString('hex')};
}

const glue = readFileSync(gluePath, 'utf8');
const wasm = readFileSync(wasmPath);
const packed = readFileSync(dictPath, 'utf8');
const {text, rank} = encodeWasm(wasm);
const dictLiteral = JSON.stringify(packed)
    .replace(/[\u007f-\uffff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'))
    .replace(/<\//g, '<\\/');
const values = {
  '"@NEWSLENS_WASM@"': `"${text}"`,
  '"@NEWSLENS_WASM_RANK@"': `"${rank}"`,
  '"@NEWSLENS_WASM_SIZE@"': String(wasm.length),
  '"@NEWSLENS_DICTIONARIES@"': dictLiteral,
};
let out = glue;
for (const [placeholder, value] of Object.entries(values)) {
  const parts = out.split(placeholder);
  if (parts.length !== 2) {
    console.error(`wasm/assemble.mjs: ${gluePath} must hold ${placeholder} exactly once`);
    process.exit(1);
  }
  out = parts[0] + value + parts[1];
}
writeFileSync(outPath, out);
