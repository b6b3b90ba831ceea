// Runs analyses. Ordinary articles are analysed on the main thread (the sample takes well under a
// millisecond); text longer than WORKER_THRESHOLD goes to a Web Worker so the page stays
// responsive, with progress and Cancel.
//
// How the worker is created. A page opened from file:// has an opaque origin, and Chromium refuses
// `new Worker('worker.js')` there (as it refuses fetch()/XHR of sibling files), so the worker is
// built from a Blob URL out of text the page already holds, with no second download:
//   1. `NewsLens.scriptSource()`: the source of the whole of newslens.js (the Emscripten module
//      with its wasm and dictionaries inlined as text by wasm/assemble.mjs, plus the JS facade)
//      as an expression that defines `self.NewsLens` when run, so the worker uses exactly the
//      page's API.
//   2. The worker's own code: dist/worker.js (a classic <script>) defines `NewsLensWorkerSource`,
//      web/src/analysis-worker.js bundled as a string by web/build.mjs.
// A worker made from a blob: URL inherits the page's CSP: `worker-src blob:` admits it and
// 'wasm-unsafe-eval' lets it compile the module. Without scriptSource (or Blob workers) the page
// analyses on the main thread instead.
//
// A worker that dies is started again, and what it was analysing is sent to the new one: once
// (WORKER_ATTEMPTS), so a text that kills every worker ends with a clear error instead of a loop.
// The page learns of a death three ways: an `error` event (an uncaught exception in the worker),
// a report that the module aborted (a WebAssembly trap or running out of memory leaves the
// module unusable), and a lifeline for deaths that raise no event at all (terminated by the
// browser, or by other code in the page): the worker holds a Web Lock with a unique name for as long
// as it lives, and the page asks for the same lock, which it is granted only when the worker is
// gone. Without Web Locks the first two still work.
/* global NewsLens, NewsLensWorkerSource */

import {loadModuleScript} from './module-script.js';

/**
 * What the article view asks for beyond report@2's default parts (docs/report.md): the words
 * behind each number (highlights, the "why" popovers, term in context) and each sentence's themes
 * (the tone arc's linked focus, the sentence line, the sentences CSV). The comparison and corpus
 * mode draw totals and the tone arc only, and ask for no detail.
 */
export const ARTICLE_DETAIL = Object.freeze(['mentions', 'sentence_themes']);

/** Text longer than this (UTF-16 code units, ~200 KB) is analysed in the worker. */
export const WORKER_THRESHOLD = 200_000;

/** How many workers may try one text: the first, and one started after it died. */
export const WORKER_ATTEMPTS = 2;

export class AnalysisCancelled extends Error {
  constructor() {
    super('Analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
}

/** Every worker that tried a text died: `reason` says how the last one did. */
export class WorkerCrashed extends Error {
  constructor(reason, attempts) {
    super(`the background analyzer stopped ${attempts === 2 ? 'twice' : `${attempts} times`} ` +
          `while analysing this text (${reason})`);
    this.name = 'WorkerCrashed';
    this.reason = reason;
  }
}

/**
 * Is `err` one after which the module that threw it cannot be trusted? A WebAssembly trap or an
 * abort (Emscripten's out-of-memory included) leaves the module's memory as it was mid-call; so
 * does a stack overflow inside wasm. A RangeError for a text above the size limit is not one.
 */
export function isFatal(err) {
  if (!err) return false;
  if (typeof WebAssembly !== 'undefined' && err instanceof WebAssembly.RuntimeError) return true;
  return /^(Aborted\(|Maximum call stack size exceeded)/.test(String(err.message || ''));
}

/** A name for a worker's lifeline lock, unique across tabs (locks are shared by the origin). */
function lifelineName() {
  const random = typeof crypto !== 'undefined' && crypto.randomUUID ? crypto.randomUUID() :
    `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  return `newslens-worker-lifeline:${random}`;
}

/** The worker's source: the module (see above), then NewsLensWorkerSource. */
export function workerSource() {
  if (typeof NewsLens === 'undefined') throw new Error('newslens.js did not load');
  if (typeof NewsLens.scriptSource !== 'function') {
    throw new Error('newslens.js has no NewsLens.scriptSource() to start a worker with');
  }
  if (typeof NewsLensWorkerSource !== 'string') throw new Error('worker.js did not load');
  return `${NewsLens.scriptSource()}\n;${NewsLensWorkerSource}`;
}

export function workerUrl() {
  return URL.createObjectURL(new Blob([workerSource()], {type: 'text/javascript'}));
}

export class AnalyzerClient {
  constructor({threshold = WORKER_THRESHOLD} = {}) {
    this.threshold = threshold;
    this.worker = null;
    this.workerUrl = null;
    this.workerAlive = false;  // the current worker holds its lifeline
    this.pending = new Map();  // id → {id, text, options, resolve, reject, onProgress, onRestart, attempts}
    this.nextId = 1;
    this.local = null;
    this.localBroken = false;  // the main thread's module aborted: analyse in workers from now on
    this.workerUsable = null;  // unknown until the first large text
    this.custom = null;        // the analyzer with custom dictionaries, if any
    /** Custom dictionaries in use, [{name, text}], in the order they were added. */
    this.dictionaries = [];
    /** Workers started, and started again because one died (read by tests and the curious). */
    this.workersStarted = 0;
    this.restarts = 0;
  }

  /**
   * Uses `dictionaries` ([{name, text}], newslens JSON or LIWC .dic) from now on, here and in the
   * worker. Rejects — keeping the dictionaries in use before — when one is malformed, with the
   * module's Error naming the file, line and column.
   */
  async setDictionaries(dictionaries) {
    const custom = dictionaries.length ? await (await loadModuleScript()).create({dictionaries}) : null;
    if (this.custom) this.custom.dispose();
    this.custom = custom;
    this.dictionaries = dictionaries.slice();
    if (this.worker) this.worker.postMessage({type: 'dictionaries', dictionaries: this.dictionaries});
  }

  /** The main-thread analyzer (memoised by NewsLens.create()). */
  ready() {
    if (this.custom) return Promise.resolve(this.custom);
    if (!this.local) {
      // newslens.js runs on first use (web/src/module-script.js); a failed load is tried again.
      const local = loadModuleScript().then((api) => api.create());
      local.catch(() => {
        if (this.local === local) this.local = null;
      });
      this.local = local;
    }
    return this.local;
  }

  /**
   * Resolves to {report, via: 'main' | 'worker', ms, restarts}: a report@2 with what `options`
   * asks for (`detail: ARTICLE_DETAIL` for the article view). Rejects with AnalysisCancelled
   * after cancel(), WorkerCrashed when every worker that tried it died, or the module's Error.
   * onRestart(attempt) is called when a worker died and a new one is trying the text again.
   */
  async analyze(text, options, {onProgress, onRestart} = {}) {
    // The worker is built from newslens.js's source too. Once it has run, no await here: a
    // Cancel clicked right after Analyze finds the job already pending.
    if (typeof NewsLens === 'undefined') await loadModuleScript();
    const big = text.length > this.threshold;
    if ((big || this.localBroken) && this.canUseWorker()) {
      return this.analyzeInWorker(text, options, onProgress, onRestart);
    }
    const nl = await this.ready();
    const t0 = performance.now();
    let report;
    try {
      report = nl.analyze(text, options);
    } catch (err) {
      // The page's module aborted: a worker has a module of its own, fresh.
      if (!isFatal(err)) throw err;
      this.localBroken = true;
      console.warn(`newslens: the page's analyzer stopped (${err.message}); using a worker`);
      if (!this.canUseWorker()) throw err;
      return this.analyzeInWorker(text, options, onProgress, onRestart);
    }
    return {report, via: 'main', ms: performance.now() - t0, restarts: 0};
  }

  /** Starts the worker if there is none; false when no worker can be built here. */
  canUseWorker() {
    if (this.workerUsable === false) return false;
    try {
      if (!this.worker) this.startWorker();
      this.workerUsable = true;
    } catch (err) {
      // No way to build the worker (an older newslens.js): analyse here, just less smoothly.
      this.workerUsable = false;
      console.warn(`newslens: analysing on the main thread: ${err.message}`);
    }
    return this.workerUsable;
  }

  analyzeInWorker(text, options, onProgress, onRestart) {
    if (!this.worker) this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const job = {id, text, options, resolve, reject, onProgress, onRestart, attempts: 1};
      this.pending.set(id, job);
      this.worker.postMessage({id, text, options});
    });
  }

  startWorker() {
    const url = workerUrl();
    const worker = new Worker(url);
    this.worker = worker;
    this.workerUrl = url;
    this.workerAlive = false;
    this.workersStarted++;
    if (this.dictionaries.length) {
      worker.postMessage({type: 'dictionaries', dictionaries: this.dictionaries});
    }
    worker.onmessage = (event) => {
      if (worker !== this.worker) return;  // a worker the page has let go of
      const msg = event.data;
      if (msg.type === 'alive') {
        this.watch(worker, msg.lifeline);
        return;
      }
      const job = this.pending.get(msg.id);
      if (!job) return;
      if (msg.type === 'progress') {
        if (job.onProgress) job.onProgress(msg.phase);
        return;
      }
      if (msg.type === 'error' && msg.fatal) {
        this.crashed(worker, `its analyzer stopped: ${msg.message}`);
        return;
      }
      this.pending.delete(msg.id);
      if (msg.type === 'done') {
        job.resolve({report: msg.report, via: 'worker', ms: msg.ms, restarts: job.attempts - 1});
      } else {
        job.reject(new Error(msg.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault();
      this.crashed(worker, event.message || 'an error in the worker');
    };
    worker.onmessageerror = () => this.crashed(worker, 'a message from it could not be read');
    worker.postMessage({type: 'lifeline', lifeline: lifelineName()});
  }

  /** The worker holds the lock `name` while it lives: being granted it means the worker died. */
  watch(worker, name) {
    this.workerAlive = true;
    try {
      navigator.locks.request(name, () => this.crashed(worker, 'it was stopped')).catch(() => {});
    } catch {
      // No Web Locks here: error events and abort reports still tell of a death.
    }
  }

  /**
   * `worker` died (or its module can no longer be trusted): a new worker tries again each text
   * it had that has tries left; the others are rejected with WorkerCrashed.
   */
  crashed(worker, reason) {
    if (worker !== this.worker) return;  // already replaced, or stopped by the page itself
    this.stopWorker();
    const jobs = [...this.pending.values()];
    this.pending.clear();
    const again = jobs.filter((job) => job.attempts < WORKER_ATTEMPTS);
    for (const job of jobs) {
      if (job.attempts >= WORKER_ATTEMPTS) job.reject(new WorkerCrashed(reason, job.attempts));
    }
    if (!again.length) return;  // an idle worker died: the next text starts a new one
    try {
      this.startWorker();
    } catch (err) {
      for (const job of again) job.reject(err);
      return;
    }
    this.restarts++;
    console.warn(`newslens: the analysis worker stopped (${reason}); started a new one`);
    for (const job of again) {
      job.attempts++;
      this.pending.set(job.id, job);
      if (job.onRestart) job.onRestart(job.attempts);
      this.worker.postMessage({id: job.id, text: job.text, options: job.options});
    }
  }

  /** Stops the worker (if busy) and rejects what it was doing. */
  cancel() {
    if (!this.pending.size) return false;
    this.fail(new AnalysisCancelled());
    return true;
  }

  fail(error) {
    this.stopWorker();
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(error);
  }

  stopWorker() {
    const worker = this.worker;
    const url = this.workerUrl;
    this.worker = null;  // first: its lifeline, released by terminate(), then finds it let go of
    this.workerUrl = null;
    this.workerAlive = false;
    if (worker) worker.terminate();
    if (url) URL.revokeObjectURL(url);
  }
}
