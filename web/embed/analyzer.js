// The one analyzer every <news-lens> on a page shares: the WebAssembly module is instantiated once,
// on the first widget that scrolls near the viewport, never at script load.
//
// 'newslens-wasm' is resolved by web/build-embed.mjs to build-wasm/newslens.js, a CommonJS-aware
// classic script; esbuild wraps it in this bundle, so it defines no global (not `NewsLens`, not
// `NewsLensModule`).

import newslens from 'newslens-wasm';

let pending = null;

/** Resolves to the shared NewsLens analyzer; after a failure the next call tries again. */
export function sharedAnalyzer() {
  if (!pending) {
    pending = Promise.resolve()
        .then(() => newslens.NewsLens.create())
        .catch((error) => {
          pending = null;
          throw error;
        });
  }
  return pending;
}
