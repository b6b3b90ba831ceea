// The one analyzer every <news-lens> on a page shares, loaded in the second of the widget's two
// steps. dist/newslens-embed.js (the loader: this file, the element, the card) is small; the
// analyzer — the WebAssembly module and its dictionaries — is a second script from the same folder,
// dist/newslens-analyzer.js, requested only when the first widget comes near the viewport.
//
// Where the analyzer comes from: the loader's own URL (document.currentScript.src, captured while
// the loader runs) with its file name replaced, so a site copies the two files side by side and
// writes one tag. A site that hosts the analyzer elsewhere sets `analyzer="URL"` on the element
// (resolved against the page's base URL); the first widget to start decides for the page.
//
// How it is loaded, so that it is polite to the host page (no long task on its main thread):
// 1. In a dedicated Web Worker started from that same URL (`new Worker(url)`, allowed by
//    `script-src 'self'`, which also covers workers): the module compiles, the dictionaries
//    unpack and every analysis runs off the page's main thread; reports come back by
//    postMessage. The script sees it is in a worker (web/embed/analyzer-entry.js) and answers
//    messages instead of announcing itself.
// 2. If no worker can start (from file:// Chromium refuses a worker script by URL; a policy with
//    worker-src 'none'; a 404), as a classic <script> appended to the widget's own shadow root
//    (the host document's DOM stays untouched) and removed once it has run: it runs on the main
//    thread, and hands its NewsLens class over in a `newslens-analyzer` event on the document,
//    dispatched while it runs. It defines no global either way.
// Besides reports, the analyzer answers one other question: how a language writes numbers
// (web/embed/numbers.js), because reading that from Intl is a long task wherever it first runs, and
// in the worker it is not the page's.
// A module that fails inside the worker (WebAssembly refused by the CSP, a corrupt download) is a
// failure, not a reason to try the main thread: it would fail there the same way.

import {describeNumbers} from './numbers.js';
import {yieldToPage} from './schedule.js';

/** The analyzer's file name, beside the loader (web/build-embed.mjs writes both). */
export const ANALYZER_FILE = 'newslens-analyzer.js';
/** The event the analyzer script dispatches on `document` with its NewsLens class as detail. */
export const ANALYZER_EVENT = 'newslens-analyzer';

// Captured now: document.currentScript is only set while the loader itself is being run.
const loaderSrc = typeof document !== 'undefined' && document.currentScript &&
                  document.currentScript.src || '';

/** The analyzer's URL: `override` (the element's `analyzer` attribute) or the loader's folder. */
export function analyzerUrl(override, doc = document) {
  if (override != null && override.trim() !== '') return new URL(override.trim(), doc.baseURI).href;
  return new URL(ANALYZER_FILE, loaderSrc || doc.baseURI).href;
}

let pending = null;  // Promise<{analyze}>; reset after a failure so a later call retries
let loaded = null;   // Promise<NewsLens class>: the script, loaded once per page

/** Loads the analyzer script once (appended to `shadowRoot`) and resolves to its NewsLens class. */
function loadScript(url, shadowRoot) {
  if (loaded) return loaded;
  loaded = new Promise((resolve, reject) => {
    const doc = shadowRoot.ownerDocument;
    const onReady = (event) => {
      if (event.detail && typeof event.detail.create === 'function') resolve(event.detail);
    };
    doc.addEventListener(ANALYZER_EVENT, onReady);
    const script = doc.createElement('script');
    script.src = url;
    script.async = true;
    script.addEventListener('load', () => {
      doc.removeEventListener(ANALYZER_EVENT, onReady);
      script.remove();  // it has run; the shadow root keeps only the card
      // The event fires while the script runs, before `load`; no event means it was not ours.
      reject(new Error(`newslens: ${url} did not provide the analyzer`));
    });
    script.addEventListener('error', () => {
      doc.removeEventListener(ANALYZER_EVENT, onReady);
      script.remove();
      reject(new Error(`newslens: could not load the analyzer from ${url}`));
    });
    shadowRoot.append(script);
  });
  loaded.catch(() => {
    loaded = null;
  });
  return loaded;
}

/** A worker that could not start at all (as opposed to a module that failed inside it). */
class WorkerUnavailable extends Error {}

/**
 * Starts the analyzer in a dedicated worker; resolves to {analyze(text) -> Promise<report>} once
 * the module is ready in it. Rejects with WorkerUnavailable if the worker cannot start.
 */
function startWorker(url) {
  return new Promise((resolve, reject) => {
    let worker;
    try {
      worker = new Worker(url);
    } catch (error) {
      reject(new WorkerUnavailable(error && error.message || String(error)));
      return;
    }
    const calls = new Map();  // id -> {ok, fail}
    let next = 0;
    let ready = false;
    const call = (message) => new Promise((ok, fail) => {
      const id = ++next;
      calls.set(id, {ok, fail});
      worker.postMessage({id, ...message});
    });
    const api = {
      analyze: (text) => call({text}),
      numbers: (lang) => call({numbers: lang ?? null}),
    };
    const stop = (error) => {
      worker.terminate();
      for (const c of calls.values()) c.fail(error);
      calls.clear();
      pending = null;  // the next analysis starts over
      reject(error);
    };
    worker.addEventListener('message', ({data}) => {
      if (data.type === 'ready') {
        ready = true;
        api.edition = data.edition;  // which analyzer: 'widget' or 'full' (docs/size.md)
        resolve(api);
      } else if (data.type === 'error') {
        stop(new Error(data.message));
      } else {
        const call = calls.get(data.id);
        calls.delete(data.id);
        if (call && data.type === 'report') call.ok(data.report);
        else if (call && data.type === 'numbers') call.ok(data.numbers);
        else if (call) call.fail(new Error(data.message));
      }
    });
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      stop(ready ? new Error(`newslens: the analyzer stopped (${event.message || 'worker error'})`) :
                   new WorkerUnavailable(event.message || 'the worker did not start'));
    });
  });
}

/** The analyzer on the main thread, from the <script> fallback, with the worker's interface. */
async function startOnPage(url, shadowRoot) {
  const NewsLens = await loadScript(url, shadowRoot);
  // The long pieces of work on the main thread each in tasks of their own, not one after the
  // other in one: the script's evaluation, the module's start (the wasm bytes decoded, the
  // module compiled and started, then the analyzer built a slice of its dictionaries at a time:
  // NewsLens.create({pause})) and each analysis.
  await yieldToPage();
  // `pause`: the module's start-up in steps of a few milliseconds each, the page's turn between
  // them (core/src/analyzer_build.h).
  const analyzer = await NewsLens.create({pause: yieldToPage});
  return {
    edition: NewsLens.edition,  // which analyzer: 'widget' or 'full' (docs/size.md)
    async analyze(text) {
      await yieldToPage();
      return analyzer.analyze(text);
    },
    async numbers(lang) {
      await yieldToPage();  // Intl's locale data: a long task of its own the first time
      return describeNumbers(lang ?? undefined);
    },
  };
}

/**
 * Resolves to the shared analyzer, {analyze(text) -> Promise<report>, numbers(lang) ->
 * Promise<conventions>} (numbers: how `lang` writes numbers, read from Intl where that costs the
 * page nothing — see web/embed/numbers.js): in a worker if one can
 * start, else on the page (see the top of this file). Loads the analyzer script (from `url`) on
 * the first call; after a failure the next call tries again.
 */
export function sharedAnalyzer(url, shadowRoot) {
  if (!pending) {
    const useWorker = typeof Worker === 'function';
    pending = (useWorker ? startWorker(url) : Promise.reject(new WorkerUnavailable('no Worker')))
        .catch((error) => {
          if (error instanceof WorkerUnavailable) return startOnPage(url, shadowRoot);
          throw error;
        })
        .catch((error) => {
          pending = null;
          throw error;
        });
  }
  return pending;
}
