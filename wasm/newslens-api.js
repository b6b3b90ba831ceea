  return NewsLensModule;
};
var NewsLensModule = newslensFactorySource();

var VERSION = newslensVersion;  // put in by wasm/assemble.mjs from package.json
// The module's largest text: 12 MiB; when the report lists per-word mentions, 6 MiB for
// analyze() and 4 MiB for analyzeToJson() (the native core takes 64 MiB by default, 256 MiB at
// most). wasm32 memory ends at 2 GiB, and running out of it aborts the module (RuntimeError:
// Aborted(), the memory kept). The worst texts measured (docs/reliability.md, issue 23): a short
// sentence naming an organisation, repeated ("UN! "), takes 128 bytes of module memory per input
// byte, 228 with per-word mentions, 368 with mentions as JSON: at most 1.6 GiB at these limits.
// Checked before the text is copied in; maxBytes may lower them, not raise them.
var HARD_MAX_BYTES = 12 * 1024 * 1024;
var HARD_MAX_BYTES_WITH_MENTIONS = 6 * 1024 * 1024;
var HARD_MAX_JSON_BYTES_WITH_MENTIONS = 4 * 1024 * 1024;
var DEFAULT_MAX_BYTES = HARD_MAX_BYTES;

var modulePromise = null;  // the wasm instance, created once and shared
var defaultAnalyzer = null;  // NewsLens.create() without dictionaries, memoised

// wasm/decode-wasm.c compiled (162 bytes; the command to rebuild it is in that file).
var DECODER_WASM =
    '0061736d0100000001090160047f7f7f7f017f020f0103656e76066d656d6f727902000203020100070501' +
    '016400000a71016f01017f200120024904400340027f20012d0000220441fb0046044020012d0001418001' +
    '6a2104200141026a0c010b200141016a200441fd00470d001a20012d0001418002722104200141026a0b21' +
    '012003200020046a2d00003a0000200341016a210320012002490d000b0b20030b';

// The wasm bytes, decoded from newslensWasmText (see wasm/assemble.mjs for the encoding): a byte
// ranked r among the most frequent is alphabet[r] for r < 90, '{' + alphabet[r - 90] below 180,
// '}' + alphabet[r - 180] above. The text is copied into a scratch memory as ASCII by the
// browser's own TextEncoder and decoded there by a tiny wasm module (a JS loop over ~380k
// characters took 25-60 ms cold). Decoded on each call, not kept.
function wasmBytes() {
  var TABLE = 16, INPUT = 1024;  // memory layout: the 384-byte table, then the text, then the bytes
  var output = INPUT + newslensWasmText.length;
  var memory = new WebAssembly.Memory({ initial: Math.ceil((output + newslensWasmSize) / 65536) });
  var heap = new Uint8Array(memory.buffer);
  for (var c = 32, n = 0; c < 127; c++) {
    if (c === 34 || c === 60 || c === 92 || c === 123 || c === 125) continue;
    for (var prefix = 0; prefix < 3; prefix++) {
      var rank = prefix * 90 + n;
      if (rank < 256) heap[TABLE + prefix * 128 + c] = parseInt(newslensWasmRank.substr(2 * rank, 2), 16);
    }
    n++;
  }
  new TextEncoder().encodeInto(newslensWasmText, heap.subarray(INPUT, output));
  var code = new Uint8Array(DECODER_WASM.length / 2);
  for (var i = 0; i < code.length; i++) code[i] = parseInt(DECODER_WASM.substr(2 * i, 2), 16);
  var decode = new WebAssembly.Instance(new WebAssembly.Module(code), { env: { memory: memory } })
      .exports.d;
  var end = decode(TABLE, INPUT, output, output);
  if (end - output !== newslensWasmSize) throw new Error('the wasm bytes in the script are damaged');
  return heap.slice(output, end);
}

// Taxonomy terms compiled per step when create() is given `pause` (core/src/analyzer_build.h:
// ~3.6 M instructions a step, ~5 ms of cold WebAssembly; 0 builds the analyzer in one step).
var TERMS_PER_STEP = 2000;

// Resolves once `pause` has (a caller's way of giving the thread back: the widget's
// yieldToPage), at once without one; a `pause` that throws gives a rejection, as one that rejects.
function pauseWith(pause) {
  return new Promise(function (resolve) { resolve(pause ? pause() : undefined); });
}

// A short article's worth of what news copy holds (a name, a country, an organisation, a theme,
// words of tone, a number), analysed for the tone, then the tone with one other part, then the
// whole report, once per module (the first analyzer built with `pause`): the browser
// compiles a WebAssembly function when it is first called, so the first analysis of a cold
// module compiles most of the analyzer in one task (~100-250 ms at 4x CPU throttle, issue 19);
// these analyses spread that over several, with `pause` between them. Their reports are dropped;
// an analysis changes nothing in the analyzer.
var WARM_UP_TEXT = 'President Ana Lopez of Chile told the United Nations on Monday that the ' +
    'new trade deal was a great success, but critics warned of 3% higher prices.\n\n' +
    '"We will not accept it," a union leader said in Santiago.';
var WARM_UP_FIELDS = [['tone'], ['tone', 'sentences'], ['tone', 'themes'], ['tone', 'entities'],
                      undefined];

function warmUp(analyzer, pause) {
  var step = 0;
  function next() {
    if (step === WARM_UP_FIELDS.length) return analyzer;
    return pauseWith(pause).then(function () {
      analyzer.analyze(WARM_UP_TEXT, { fields: WARM_UP_FIELDS[step++] });
      return next();
    });
  }
  return next();
}

// The Emscripten factory with the wasm bytes given, and the built-in dictionaries handed to the
// instance (the core keeps one copy; every Session of the instance builds from it). With
// `pause`, the caller's thread is given back between the three: the bytes decoded, the module
// compiled and started, the dictionaries handed over.
function moduleFactory(moduleOptions, pause) {
  return new Promise(function (resolve) {  // a damaged script rejects, never throws
    var options = {};
    for (var key in moduleOptions || {}) options[key] = moduleOptions[key];
    if (!options.wasmBinary) options.wasmBinary = wasmBytes();
    resolve(options);
  }).then(function (options) {
    return pauseWith(pause).then(function () { return NewsLensModule(options); });
  }).then(function (module) {
    return pauseWith(pause).then(function () {
      // As UTF-8 bytes: Embind copies a Uint8Array into the std::string with one memory copy,
      // where a JS string would be measured and encoded character by character (~10 ms).
      module.provideDictionaries(new TextEncoder().encode(newslensDictionaries));
      return module;
    });
  });
}

function loadModule(moduleOptions, pause) {
  if (!modulePromise) {
    modulePromise = moduleFactory(moduleOptions, pause).catch(function (err) {
      modulePromise = null;
      throw new Error('newslens: could not load the WebAssembly module: ' +
                      (err && err.message ? err.message : String(err)));
    });
  }
  return modulePromise;
}

function toDictionaryList(module, dictionaries) {
  var list = new module.DictionarySourceList();
  (dictionaries || []).forEach(function (d, i) {
    if (typeof d === 'string') d = { name: 'dictionary ' + (i + 1), text: d };
    if (!d || typeof d.text !== 'string') {
      list.delete();
      throw new TypeError('newslens: dictionaries[' + i + '] must be a string or {name, text}');
    }
    list.push_back({ name: String(d.name || 'dictionary ' + (i + 1)), text: d.text });
  });
  return list;
}

/**
 * An analyzer: immutable, reusable; see newslens.d.ts for the API documentation.
 * @constructor
 */
function NewsLens(module, session) {
  this._module = module;
  this._session = session;
}

NewsLens.version = VERSION;
// Which analyzer this script is: 'full' (newslens.js) or 'widget' (the embed widget's edition:
// a compact taxonomy, no custom dictionaries; docs/size.md, "The widget edition").
NewsLens.edition = newslensEdition;

// The core's one rule from a tone to its label (ToneLabel, core/include/newslens/report.h;
// docs/tone.md, "Labels"), for what has a number but no report label: a sentence, a mean over a
// corpus, the gauge's neutral band. Synchronous, so a page whose analyses run in a worker can
// use it without loading the module; tests/wasm/api.test.mjs checks that it gives the module's
// own toneLabel() over a grid of values and that the band is the module's toneNeutralBand().
NewsLens.toneNeutralBand = 0.10;
NewsLens.toneLabel = function (compound, positiveShare, negativeShare) {
  var p = positiveShare || 0, n = negativeShare || 0;
  if (compound >= NewsLens.toneNeutralBand && p >= n) return 'positive';
  if (compound <= -NewsLens.toneNeutralBand && n >= p) return 'negative';
  return 'neutral';
};

NewsLens.create = function (options) {
  options = options || {};
  var custom = options.dictionaries && options.dictionaries.length > 0;
  if (!custom && !options.replaceDefaultThemes && defaultAnalyzer) return defaultAnalyzer;
  var pause = typeof options.pause === 'function' ? options.pause : null;
  var created = loadModule(options.moduleOptions, pause).then(function (module) {
    var list = toDictionaryList(module, options.dictionaries);
    var session;
    try {
      session = new module.Session(list, !!options.replaceDefaultThemes, pause ? TERMS_PER_STEP : 0);
    } finally {
      list.delete();
    }
    // The analyzer is built in steps (core/src/analyzer_build.h); with `pause`, the caller's
    // thread is given back between two, else they run back to back.
    function build() {
      if (!pause) {
        while (session.step()) { /* the next step */ }
        return done();
      }
      return pauseWith(pause).then(function () {
        return session.step() ? build() : done();
      });
    }
    function done() {
      var error = session.error();
      if (error) throw new Error('newslens: ' + error);
      var analyzer = new NewsLens(module, session);
      analyzer._isDefault = !custom && !options.replaceDefaultThemes;
      if (!pause || module._newslensWarm) return analyzer;
      return warmUp(analyzer, pause).then(function () {
        module._newslensWarm = true;  // the module's functions are compiled: once per module
        return analyzer;
      });
    }
    // Whatever fails after the Session exists (a step, the caller's `pause`, a warm-up
    // analysis), the half-built analyzer's memory goes back to the module before the rejection.
    return new Promise(function (resolve) { resolve(build()); }).catch(function (err) {
      if (!session.isDeleted()) session.delete();
      throw err;
    });
  });
  if (!custom && !options.replaceDefaultThemes) {
    defaultAnalyzer = created.catch(function (err) {
      defaultAnalyzer = null;
      throw err;
    });
    return defaultAnalyzer;
  }
  return created;
};

var FIELDS = ['tone', 'themes', 'entities', 'sentences', 'mentions'];
var DETAILS = ['mentions', 'sentence_themes'];
var SCHEMAS = [1, 2];

// What the module defines once (wasm/session.h) and exports: the option bits, the tone names and
// the flat form's tags. Read once per module.
function constants(module) {
  if (!module._newslensConstants) {
    module._newslensConstants = {bits: module.optionBits(), tones: module.toneNames(),
                                 tags: module.flatTags()};
  }
  return module._newslensConstants;
}

// report@2's details asked for (`detail`), as {mentions, sentence_themes}.
function reportDetail(options) {
  var detail = {mentions: false, sentence_themes: false};
  if (options.detail === undefined) return detail;
  if (!Array.isArray(options.detail)) {
    throw new TypeError('newslens: options.detail must be an array of ' + DETAILS.join(', '));
  }
  options.detail.forEach(function (name) {
    if (DETAILS.indexOf(name) < 0) {
      throw new RangeError('newslens: unknown detail "' + String(name) + '" in options.detail ' +
                           '(expected ' + DETAILS.join(', ') + ')');
    }
    detail[name] = true;
  });
  return detail;
}

// The parts of the report to compute: `fields` when given (tone is always on), else every part
// but those switched off with `mentions: false` / `sentences: false`.
function reportParts(options) {
  var parts = {themes: true, entities: true, sentences: options.sentences !== false,
               mentions: options.mentions !== false};
  if (options.fields === undefined) return parts;
  if (!Array.isArray(options.fields)) {
    throw new TypeError('newslens: options.fields must be an array of ' + FIELDS.join(', '));
  }
  parts = {themes: false, entities: false, sentences: false, mentions: false};
  options.fields.forEach(function (name) {
    if (FIELDS.indexOf(name) < 0) {
      throw new RangeError('newslens: unknown field "' + String(name) + '" in options.fields ' +
                           '(expected ' + FIELDS.join(', ') + ')');
    }
    if (name !== 'tone') parts[name] = true;
  });
  if (options.mentions === false) parts.mentions = false;
  if (options.sentences === false) parts.sentences = false;
  return parts;
}

// Bytes of `text` in UTF-8 as the module receives it (a lone surrogate takes 3), counted only up
// to `limit` + 1: enough to know the text is over the limit.
function utf8Length(text, limit) {
  var n = 0;
  for (var i = 0; i < text.length && n <= limit; i++) {
    var c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length &&
             (text.charCodeAt(i + 1) & 0xFC00) === 0xDC00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

var encoder = null;
var decoder = null;

// Writes `text` as UTF-8 into the session's input buffer with TextEncoder.encodeInto (native
// code, not a JS loop per character) and returns the byte count. Each lone surrogate becomes
// U+FFFD, one UTF-16 unit as well, so offsets still index the caller's string (Emscripten's own
// std::string encoder joined a lone high surrogate with the next unit, shifting offsets).
function writeInput(self, text) {
  if (!encoder) encoder = new TextEncoder();
  // At most 3 bytes per UTF-16 unit; a long text is measured exactly instead of over-allocated.
  var room = text.length > 1 << 20 ? utf8Length(text, Infinity) : text.length * 3;
  var at = self._session.input(room);
  var heap = self._module.HEAPU8;  // read after input(), which may have grown the memory
  var done = encoder.encodeInto(text, heap.subarray(at, at + room));
  if (done.read !== text.length) throw new Error('newslens: the text did not fit its buffer');
  return done.written;
}

function tooLarge(detail) {
  return new RangeError('newslens: input too large: ' + detail);
}

// Validates the arguments and runs the analysis: `method` is the session's analyze (the report
// as JSON) or analyzeParts (the flat form, see reportFromParts). Returns what the session wrote:
// 0 the flat form, 1 JSON (wasm/bindings.cc, Written); an error is thrown.
function run(self, text, options, caller, method) {
  if (typeof text !== 'string') throw new TypeError('newslens: ' + caller + '(text) needs a string');
  if (!self._session) throw new Error('newslens: this analyzer was disposed');
  options = options || {};
  var c = constants(self._module), B = c.bits;
  var tone = options.tone === undefined ? 'auto' : options.tone;
  if (c.tones.indexOf(tone) < 0) {
    throw new RangeError('newslens: options.tone must be one of ' + c.tones.join(', '));
  }
  var schema = options.schema === undefined ? 2 : options.schema;
  if (SCHEMAS.indexOf(schema) < 0) {
    throw new RangeError('newslens: options.schema must be 1 (report@1) or 2 (report@2)');
  }
  var offsets = options.offsets === undefined ? 'utf16' : options.offsets;
  if (offsets !== 'utf16' && offsets !== 'utf8') {
    throw new RangeError('newslens: options.offsets must be "utf16" or "utf8"');
  }
  var maxBytes = options.maxBytes === undefined ? DEFAULT_MAX_BYTES : options.maxBytes;
  if (typeof maxBytes !== 'number' || !(maxBytes >= 1) || Math.floor(maxBytes) !== maxBytes) {
    throw new RangeError('newslens: options.maxBytes must be a positive integer (bytes)');
  }
  var parts = reportParts(options);
  var detail = reportDetail(options);
  var withMentions = parts.mentions && (schema === 1 || detail.mentions);
  var hardLimit = !withMentions ? HARD_MAX_BYTES :
      method === 'analyze' ? HARD_MAX_JSON_BYTES_WITH_MENTIONS : HARD_MAX_BYTES_WITH_MENTIONS;
  var limit = Math.min(maxBytes, hardLimit);
  // Refused before the text is copied into the module: every UTF-16 unit is at least one
  // UTF-8 byte and at most three, so only lengths in between need counting.
  var why = withMentions && limit === hardLimit && maxBytes > limit ?
      ' with per-word mentions' : '';
  if (text.length > limit) {
    throw tooLarge('at least ' + text.length + ' bytes, the limit (maxBytes) is ' + limit + why);
  }
  if (text.length * 3 > limit) {
    var bytes = utf8Length(text, limit);
    if (bytes > limit) {
      throw tooLarge('more than ' + limit + ' bytes in UTF-8, the limit (maxBytes)' + why);
    }
  }
  var flags = (parts.mentions ? B.mentions : 0) | (parts.sentences ? B.sentences : 0) |
              (parts.themes ? B.themes : 0) | (parts.entities ? B.entities : 0) |
              (offsets === 'utf8' ? B.utf8Offsets : 0) | (schema === 1 ? B.report1 : 0) |
              (detail.mentions ? B.detailMentions : 0) |
              (detail.sentence_themes ? B.detailSentenceThemes : 0) |
              c.tones.indexOf(tone) << B.toneShift;
  var session = self._session;
  var written = session[method](writeInput(self, text), flags, limit);
  if (written < 0) {
    var error = session.lastError();
    // The core's own check (the same limit) would say "input too large: ..." too.
    if (error.indexOf('input too large') === 0) throw tooLarge(error.slice(17));
    throw new Error('newslens: ' + error);
  }
  return written;
}

// The report object from analyzeParts' flat form (core/src/flat.h): every value a tag and its
// payload, every object's keys in the list of shapes the module sends with it, so nothing here
// knows the report's layout. It is the object JSON.parse(analyzeToJson(...)) gives
// (tests/wasm/parity.test.mjs checks them equal, key order included); numbers come as
// round(v * 10^4) and k / 10000 is the double JSON.parse would read. The lists are read from the
// module's memory where the session's parts() says (no call into the module per list); the key
// lists only grow from report to report, so those decoded are kept while their length holds.
function reportFromParts(self, written) {
  var module = self._module, session = self._session;
  if (written === 1) return JSON.parse(readJson(session));  // the flat form could not hold it
  if (!decoder) decoder = new TextDecoder();
  var c = constants(module), T = c.tags;
  var OBJECT = T.object, ARRAY = T.array, INT = T.int, NUMBER = T.number, STRING = T.string;
  if (self._parts === undefined) self._parts = session.parts();
  var heap = module.HEAPU8, buffer = heap.buffer;  // read after the call: memory may have grown
  var at = new Uint32Array(buffer, self._parts, 8);
  var I = new Int32Array(buffer, at[0], at[1]), F = new Float64Array(buffer, at[2], at[3]);
  // The strings, each ended by a NUL (one decode and a split: half the time of JSON.parse).
  var str = decoder.decode(heap.subarray(at[4], at[4] + at[5])).split('\0');
  if (!c.shapes || c.shapeBytes !== at[7]) {
    c.shapes = JSON.parse(decoder.decode(heap.subarray(at[6], at[6] + at[7])));
    c.shapeBytes = at[7];
  }
  var shapes = c.shapes;
  var i = 0, f = 0;
  function value() {
    var tag = I[i++], k, n;
    if (tag === INT) return I[i++];
    if (tag === NUMBER) return F[f++] / 10000;
    if (tag === STRING) return str[I[i++]];
    if (tag === ARRAY) {
      n = I[i++];
      var list = new Array(n);
      for (k = 0; k < n; k++) list[k] = value();
      return list;
    }
    if (tag === OBJECT) {
      var keys = shapes[I[i++]], object = {};
      for (k = 0; k < keys.length; k++) object[keys[k]] = value();
      return object;
    }
    throw new Error('newslens: malformed report lists');
  }
  var report = value();
  if (i !== I.length || f !== F.length) throw new Error('newslens: malformed report lists');
  // A report whose lists took over a megabyte: the session gives their memory back.
  if (at[1] > 1 << 18 || at[3] > 1 << 17 || at[5] > 1 << 20) session.releaseParts();
  return report;
}

NewsLens.prototype.analyze = function (text, options) {
  return reportFromParts(this, run(this, text, options, 'analyze', 'analyzeParts'));
};

// The JSON the session wrote last, decoded by TextDecoder from the module's memory.
function readJson(session) {
  if (!decoder) decoder = new TextDecoder();
  var json = decoder.decode(session.json());
  session.releaseParts();
  return json;
}

/** The report as the JSON text the core wrote (byte-identical to the native CLI's --json). */
NewsLens.prototype.analyzeToJson = function (text, options) {
  run(this, text, options, 'analyzeToJson', 'analyze');
  return readJson(this._session);
};

NewsLens.prototype.dispose = function () {
  if (this._isDefault) return;  // shared by every create() without dictionaries
  if (this._session) this._session.delete();
  this._session = null;
};

/** The Emscripten module factory (advanced use: custom instantiation); it supplies the wasm
 *  bytes and the built-in dictionaries itself. */
NewsLens.moduleFactory = moduleFactory;

/** Source text of this whole script, to start a Web Worker from a Blob URL. */
NewsLens.scriptSource = function () {
  return '(' + newslensScript.toString() + ')(typeof self !== "undefined" ? self : this);\n';
};

if (typeof module === 'object' && module && module.exports) {
  module.exports = { NewsLens: NewsLens };
} else {
  root.NewsLens = NewsLens;
}
})(typeof globalThis !== 'undefined' ? globalThis : this);
