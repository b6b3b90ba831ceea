// newslens.js — newslens compiled to WebAssembly, with its JS API (see newslens.d.ts).
// One classic script: <script src="newslens.js"> defines the global `NewsLens`;
// in node, require('./newslens.js') returns { NewsLens }. Nothing else is made global.
(function newslensScript(root) {
// The Emscripten module factory, wrapped in a function so its source can also start a Web
// Worker from a Blob URL (file:// pages cannot load a worker script by URL).
var newslensFactorySource = function () {
// Shadows the global fetch for the Emscripten runtime only: with SINGLE_FILE it would fetch()
// its own inlined data: URL, which a page's CSP (connect-src) reports as a violation. Without
// fetch it decodes the base64 bytes directly. The module makes no other request.
var fetch;
