// newslens.js — the analyzer: the WebAssembly module, its dictionaries and the NewsLens API, about
// 1 MB of script — is not one of the scripts the page waits for before it draws. The page runs it
// when it first needs the analyzer: after the sample's charts are painted, or at once when there
// is something else to analyse. Running it earlier would put its parsing and evaluation in front
// of the first paint (bench/page-start.mjs).
//
// Over http(s) its download starts as soon as the page's script runs (preloadModuleScript), so
// that it overlaps the first drawing. index.html does not preload it: a preload is parsed as it
// arrives, and from file:// (where it arrives at once) its parsing took the browser's script
// parser before the page's own scripts — app.js began 139 ms later, the sample painted 53 ms
// later (median of 11 alternating opens at load 8–10; docs/performance.md).
//
// The script element goes where the static tag was, first among the page's scripts, so the page
// lists its scripts in the same order as before.
/* global NewsLens */

/** The module's file, beside index.html. */
export const MODULE_SCRIPT = 'newslens.js';

let loading = null;

/**
 * Over http(s), starts downloading newslens.js now (a preload: run later by loadModuleScript).
 * From file:// it does nothing: the file is read at once when it is run, and a preload would only
 * parse it sooner, in front of the page's first paint. Returns the link added, or null.
 */
export function preloadModuleScript(doc = document) {
  if (!/^https?:$/.test(doc.location.protocol) || typeof NewsLens !== 'undefined') return null;
  const link = doc.createElement('link');
  link.rel = 'preload';
  link.as = 'script';
  link.href = MODULE_SCRIPT;
  doc.head.append(link);
  return link;
}

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
