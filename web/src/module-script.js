// newslens.js — the analyzer: the WebAssembly module, its dictionaries and the NewsLens API, about
// 1 MB of script — is not one of the scripts the page waits for before it draws. index.html
// preloads it (<link rel="preload" as="script">: its download starts with the page's own, before
// any of the page's scripts runs), and the page runs it when it first needs the analyzer: after
// the sample's charts are painted, or at once when there is something else to analyse. Running it
// earlier would put its parsing and evaluation in front of the first paint (bench/page-start.mjs).
//
// The script element goes where the static tag was, first among the page's scripts, so the page
// lists its scripts in the same order as before.
/* global NewsLens */

/** The module's file, beside index.html. */
export const MODULE_SCRIPT = 'newslens.js';

let loading = null;

/** Runs newslens.js once; resolves to the NewsLens class, rejects if it does not load. */
export function loadModuleScript(doc = document) {
  if (typeof NewsLens !== 'undefined') return Promise.resolve(NewsLens);
  if (!loading) {
    loading = new Promise((resolve, reject) => {
      const script = doc.createElement('script');
      script.src = MODULE_SCRIPT;
      script.addEventListener('load', () => {
        if (typeof NewsLens !== 'undefined') resolve(NewsLens);
        else reject(new Error(`${MODULE_SCRIPT} did not load`));
      });
      script.addEventListener('error', () => reject(new Error(`${MODULE_SCRIPT} did not load`)));
      const first = doc.querySelector('script[src]');
      if (first) first.before(script);
      else doc.head.append(script);
    });
    loading.catch(() => {
      loading = null;  // a later call tries again
    });
  }
  return loading;
}
