// `import ... from 'newslens'` in node: the CommonJS module (newslens.js) loaded through
// createRequire, so that `import` and `require` in one program share one module instance, one
// wasm memory and one default analyzer (no dual-package hazard). Browsers and bundlers get
// newslens.browser.mjs instead (package.json "exports"; tools/build-npm.mjs).
import {createRequire} from 'node:module';

const {NewsLens} = createRequire(import.meta.url)('./newslens.js');

export {NewsLens};
export default NewsLens;
