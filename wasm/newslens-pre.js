// newslens.js: newslens compiled to WebAssembly, with its JS API (see newslens.d.ts).
// One classic script: <script src="newslens.js"> defines the global `NewsLens`;
// in node, require('./newslens.js') returns { NewsLens }. Nothing else is made global.
(function newslensScript(root) {
// The wasm bytes and the built-in dictionaries, put here by wasm/assemble.mjs at build time:
// the bytes one or two ASCII characters each (decoded by wasmBytes() in the facade), the
// dictionaries as text (core/src/builtin.h), both where gzip compresses them well.
var newslensWasmText = "@NEWSLENS_WASM@";
var newslensWasmRank = "@NEWSLENS_WASM_RANK@";
var newslensWasmSize = "@NEWSLENS_WASM_SIZE@";
var newslensDictionaries = "@NEWSLENS_DICTIONARIES@";
var newslensEdition = "@NEWSLENS_EDITION@";  // 'full' or 'widget' (docs/size.md)
var newslensVersion = "@NEWSLENS_VERSION@";  // package.json's "version" (docs/packaging.md)
// The Emscripten module factory, wrapped in a function so its source can also start a Web
// Worker from a Blob URL (file:// pages cannot load a worker script by URL).
var newslensFactorySource = function () {
// Shadows the global fetch for the Emscripten runtime only: the facade always gives it the wasm
// bytes (wasmBinary), and without fetch it can never request a file (which a page's CSP,
// connect-src, would report as a violation). The module makes no request.
var fetch;
