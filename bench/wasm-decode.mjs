// What building the report object from the flat form costs in JS, apart from the analysis: the
// flat lists of 1,000 articles are copied out of the module, then decoded again and again by
// the facade's reader (`current`, as in wasm/newslens-api.js before the key lists were kept),
// with the key lists kept (`cachedShapes`, the facade since b889b75), with a template object
// per key list (`templ`, tried: slower) and the string and key tables alone (`tablesOnly`).
// Prints microseconds of this process's CPU time per report (median of 7 passes).
//
//   node bench/wasm-decode.mjs build-wasm/newslens.js [CORPUS]
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { loadCorpus } from './corpus.mjs';
const require = createRequire(import.meta.url);
const { NewsLens } = require(resolve(process.argv[2]));
const nl = await NewsLens.create();
const s = nl._session, M = nl._module;
const texts = loadCorpus(process.argv[3]).map((a) => a.text).slice(0, 1000);
const T = M.flatTags();
const dec = new TextDecoder();
const enc = new TextEncoder();
const B = M.optionBits(), tones = M.toneNames();
const F = B.mentions | B.sentences | B.themes | B.entities | (tones.indexOf('auto') << B.toneShift);
const parts = texts.map((t) => {
  const room = t.length * 3, inAt = s.input(room);
  const n = enc.encodeInto(t, M.HEAPU8.subarray(inAt, inAt + room)).written;
  if (s.analyzeParts(n, F, 1 << 26) !== 0) throw new Error('json');
  const at = new Uint32Array(M.HEAPU8.buffer, s.parts(), 8), heap = M.HEAPU8;
  return { I: new Int32Array(heap.buffer.slice(at[0], at[0] + 4 * at[1])),
           F: new Float64Array(heap.buffer.slice(at[2], at[2] + 8 * at[3])),
           str: heap.slice(at[4], at[4] + at[5]), shapes: heap.slice(at[6], at[6] + at[7]) };
});
const OBJECT = T.object, ARRAY = T.array, INT = T.int, NUMBER = T.number, STRING = T.string;
function current(p) {
  var str = dec.decode(p.str).split('\0');
  var shapes = JSON.parse(dec.decode(p.shapes));
  var I = p.I, F = p.F;
  var i = 0, f = 0;
  function value() {
    var tag = I[i++], k, n;
    if (tag === INT) return I[i++];
    if (tag === NUMBER) return F[f++] / 10000;
    if (tag === STRING) return str[I[i++]];
    if (tag === ARRAY) { n = I[i++]; var list = new Array(n); for (k = 0; k < n; k++) list[k] = value(); return list; }
    if (tag === OBJECT) { var keys = shapes[I[i++]], object = {}; for (k = 0; k < keys.length; k++) object[keys[k]] = value(); return object; }
    throw new Error('bad');
  }
  return value();
}
function tablesOnly(p) { return [dec.decode(p.str).split('\0'), JSON.parse(dec.decode(p.shapes))]; }
let shapeCache = null, shapeText = null;
function cachedShapes(p) {
  var str = dec.decode(p.str).split('\0');
  var st = dec.decode(p.shapes);
  if (st !== shapeText) { shapeText = st; shapeCache = JSON.parse(st); }
  var shapes = shapeCache;
  var I = p.I, F = p.F;
  var i = 0, f = 0;
  function value() {
    var tag = I[i++], k, n;
    if (tag === INT) return I[i++];
    if (tag === NUMBER) return F[f++] / 10000;
    if (tag === STRING) return str[I[i++]];
    if (tag === ARRAY) { n = I[i++]; var list = new Array(n); for (k = 0; k < n; k++) list[k] = value(); return list; }
    if (tag === OBJECT) { var keys = shapes[I[i++]], object = {}; for (k = 0; k < keys.length; k++) object[keys[k]] = value(); return object; }
    throw new Error('bad');
  }
  return value();
}
// templates: per shape a template object with the keys, cloned by spread
function templ(p) {
  var str = dec.decode(p.str).split('\0');
  var shapes = JSON.parse(dec.decode(p.shapes));
  var tpl = shapes.map((keys) => { var o = {}; for (var k of keys) o[k] = null; return o; });
  var I = p.I, F = p.F;
  var i = 0, f = 0;
  function value() {
    var tag = I[i++], k, n;
    if (tag === INT) return I[i++];
    if (tag === NUMBER) return F[f++] / 10000;
    if (tag === STRING) return str[I[i++]];
    if (tag === ARRAY) { n = I[i++]; var list = new Array(n); for (k = 0; k < n; k++) list[k] = value(); return list; }
    if (tag === OBJECT) { var sh = I[i++], keys = shapes[sh], object = {...tpl[sh]}; for (k = 0; k < keys.length; k++) object[keys[k]] = value(); return object; }
    throw new Error('bad');
  }
  return value();
}
const variants = { current, cachedShapes, templ, tablesOnly };
// check equality
for (const p of parts.slice(0, 50)) for (const [k, v] of Object.entries(variants)) if (k !== 'tablesOnly' && JSON.stringify(v(p)) !== JSON.stringify(current(p))) throw new Error(k);
const res = {};
for (let r = 0; r < 7; r++) for (const [k, v] of Object.entries(variants)) { const c0 = process.cpuUsage(); for (const p of parts) v(p); const c = process.cpuUsage(c0); (res[k] ||= []).push((c.user + c.system) / 1000); }
for (const [k, v] of Object.entries(res)) { v.sort((a, b) => a - b); console.log(k.padEnd(14), (v[3] / parts.length * 1000).toFixed(1), 'us/report'); }
const ints = parts.reduce((n, p) => n + p.I.length, 0) / parts.length, strb = parts.reduce((n, p) => n + p.str.length, 0) / parts.length, shb = parts.reduce((n, p) => n + p.shapes.length, 0) / parts.length;
console.log('avg ints', ints.toFixed(0), 'strings bytes', strb.toFixed(0), 'shapes bytes', shb.toFixed(0));
