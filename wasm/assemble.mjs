#!/usr/bin/env node
// Assembles build-wasm/newslens.js, the one classic script: Emscripten's glue (with the facade,
// newslens-pre.js / newslens-api.js, around it), the wasm bytes and the packed dictionaries, both
// as JS string literals inside the script's wrapper function (so NewsLens.scriptSource() carries
// them too). Run by wasm/CMakeLists.txt after the link:
//
//   node wasm/assemble.mjs GLUE.js GLUE.wasm DICTIONARIES.nlpack OUT.js [EDITION]
//
// EDITION ('full', the default, or 'widget': docs/size.md, "The widget edition") becomes
// NewsLens.edition, so a caller (the widget's details) can say which analyzer it used.
// Why not Emscripten's SINGLE_FILE: it inlines the wasm as base64, which hides every repetition
// from gzip (base64 maps 3 bytes to 4 characters, so the same bytes at another offset encode
// differently): the wasm gzipped grew 39 % as base64 (docs/performance.md). Here each byte is one
// or two ASCII characters, the same ones wherever it stands, so gzip sees the wasm's own
// repetitions. The most frequent bytes (ranked at build time) get one character, the rest an
// escape ('{' or '}') and one. The alphabet leaves out '"' and '\' (no escaping in the literal),
// '<' (the script may be inlined in HTML: no "</script") and the two escapes. The dictionaries
// are the packed text (core/src/builtin.h) as a template literal (`...`), so that its TABs and
// line breaks stand as themselves and not as the two characters of \t and \n (issue 19: -4.9 KB
// gzipped of newslens.js); only '\', '`', '${', '</', CR and other control characters are
// escaped, and non-ASCII as \u escapes so the script decodes the same under any page charset.
//
// The glue is minified first (esbuild, the repo's npm devDependency; whitespace, comments and
// local names): Emscripten's -O3 minifies its own runtime, but not the --extern-pre-js and
// --extern-post-js files around it (the facade and its comments). Issue 19: 9 KB gzipped less.
// The literals are put in after, so esbuild never parses the ~1 MB of them.
import {readFileSync, writeFileSync} from 'node:fs';

const [gluePath, wasmPath, dictPath, outPath, edition = 'full'] = process.argv.slice(2);
// NewsLens.version: package.json's "version", the one version number (docs/packaging.md).
const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
if (!outPath || !['full', 'widget'].includes(edition)) {
  console.error('usage: node wasm/assemble.mjs GLUE.js GLUE.wasm DICTIONARIES.nlpack OUT.js [full|widget]');
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

let glue = readFileSync(gluePath, 'utf8');
try {
  const {transformSync} = await import('esbuild');
  // The five literal declarations stay as written (`var newslensWasmText = "...";`, what the
  // tests and readers look for): they are cut out before minifying, so their names are free
  // variables that esbuild keeps, and put back right after the wrapper's opening brace.
  const first = glue.indexOf('var newslensWasmText');
  const last = glue.indexOf('\n', glue.indexOf('var newslensEdition')) + 1;
  if (first < 0 || last <= first) throw new Error(`${gluePath}: the literal declarations are missing`);
  // ES2020 like the page and the widget; node 20 runs it too. No format change: the script's own
  // wrapper (newslens-pre.js) stays the outermost function, so scriptSource() still returns it.
  const min = transformSync(glue.slice(0, first) + glue.slice(last),
                            {minify: true, target: 'es2020', legalComments: 'none'}).code;
  const opening = /^\(function \w+\(\w+\)\{/.exec(min);
  if (!opening) throw new Error('wasm/assemble.mjs: the minified glue does not open with the wrapper');
  glue = opening[0] + '\n' + glue.slice(first, last) + min.slice(opening[0].length);
} catch (error) {
  if (error.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.warn('wasm/assemble.mjs: esbuild is not installed (npm ci): the glue is not minified');
}
const wasm = readFileSync(wasmPath);
const packed = readFileSync(dictPath, 'utf8');
const {text, rank} = encodeWasm(wasm);
const unicode = (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0');
const dictLiteral = '`' + packed
    .replace(/[\\`]|\$\{/g, (s) => '\\' + s)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\uffff]/g, unicode)  // all but TAB and LF
    .replace(/<\//g, '<\\/') + '`';
const values = {
  '"@NEWSLENS_WASM@"': `"${text}"`,
  '"@NEWSLENS_WASM_RANK@"': `"${rank}"`,
  '"@NEWSLENS_WASM_SIZE@"': String(wasm.length),
  '"@NEWSLENS_DICTIONARIES@"': dictLiteral,
  '"@NEWSLENS_EDITION@"': `"${edition}"`,
  '"@NEWSLENS_VERSION@"': JSON.stringify(version),
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
