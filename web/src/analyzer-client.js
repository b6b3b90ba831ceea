// Runs analyses. Ordinary articles are analysed on the main thread (the sample takes well under a
// millisecond); text longer than WORKER_THRESHOLD goes to a Web Worker so the page stays
// responsive, with progress and Cancel.
//
// How the worker is created. A page opened from file:// has an opaque origin, and Chromium refuses
// `new Worker('worker.js')` there (as it refuses fetch()/XHR of sibling files), so the worker is
// built from a Blob URL out of text the page already holds, with no second download:
//   1. `NewsLens.scriptSource()`: the source of the whole of newslens.js (the Emscripten module
//      with its wasm inlined as base64 by SINGLE_FILE, plus the JS facade) as an expression that
//      defines `self.NewsLens` when run, so the worker uses exactly the page's API.
//   2. The worker's own code: dist/worker.js (a classic <script>) defines `NewsLensWorkerSource`,
//      web/src/analysis-worker.js bundled as a string by web/build.mjs.
// A worker made from a blob: URL inherits the page's CSP: `worker-src blob:` admits it and
// 'wasm-unsafe-eval' lets it compile the module. Without scriptSource (or Blob workers) the page
// analyses on the main thread instead.
/* global NewsLens, NewsLensWorkerSource */

/** Text longer than this (UTF-16 code units, ~200 KB) is analysed in the worker. */
export const WORKER_THRESHOLD = 200_000;

export class AnalysisCancelled extends Error {
  constructor() {
    super('Analysis cancelled');
    this.name = 'AnalysisCancelled';
  }
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
    this.pending = new Map();  // id → {resolve, reject, onProgress}
    this.nextId = 1;
    this.local = null;
    this.workerUsable = null;  // unknown until the first large text
    this.custom = null;        // the analyzer with custom dictionaries, if any
    /** Custom dictionaries in use, [{name, text}], in the order they were added. */
    this.dictionaries = [];
  }

  /**
   * Uses `dictionaries` ([{name, text}], newslens JSON or LIWC .dic) from now on, here and in the
   * worker. Rejects — keeping the dictionaries in use before — when one is malformed, with the
   * module's Error naming the file, line and column.
   */
  async setDictionaries(dictionaries) {
    const custom = dictionaries.length ? await NewsLens.create({dictionaries}) : null;
    if (this.custom) this.custom.dispose();
    this.custom = custom;
    this.dictionaries = dictionaries.slice();
    if (this.worker) this.worker.postMessage({type: 'dictionaries', dictionaries: this.dictionaries});
  }

  /** The main-thread analyzer (memoised by NewsLens.create()). */
  ready() {
    if (this.custom) return Promise.resolve(this.custom);
    if (!this.local) {
      if (typeof NewsLens === 'undefined') {
        return Promise.reject(new Error('newslens.js did not load'));
      }
      this.local = NewsLens.create();
    }
    return this.local;
  }

  /**
   * Resolves to {report, via: 'main' | 'worker', ms}. Rejects with AnalysisCancelled after
   * cancel(), or with the module's Error.
   */
  async analyze(text, options, {onProgress} = {}) {
    if (text.length > this.threshold && this.workerUsable !== false) {
      try {
        if (!this.worker) this.startWorker();
        this.workerUsable = true;
      } catch (err) {
        // No way to build the worker (an older newslens.js): analyse here, just less smoothly.
        this.workerUsable = false;
        console.warn(`newslens: analysing on the main thread: ${err.message}`);
      }
      if (this.workerUsable) return this.analyzeInWorker(text, options, onProgress);
    }
    const nl = await this.ready();
    const t0 = performance.now();
    const report = nl.analyze(text, options);
    return {report, via: 'main', ms: performance.now() - t0};
  }

  analyzeInWorker(text, options, onProgress) {
    if (!this.worker) this.startWorker();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, {resolve, reject, onProgress});
      this.worker.postMessage({id, text, options});
    });
  }

  startWorker() {
    this.workerUrl = workerUrl();
    this.worker = new Worker(this.workerUrl);
    if (this.dictionaries.length) {
      this.worker.postMessage({type: 'dictionaries', dictionaries: this.dictionaries});
    }
    this.worker.onmessage = (event) => {
      const msg = event.data;
      const job = this.pending.get(msg.id);
      if (!job) return;
      if (msg.type === 'progress') {
        if (job.onProgress) job.onProgress(msg.phase);
        return;
      }
      this.pending.delete(msg.id);
      if (msg.type === 'done') job.resolve({report: msg.report, via: 'worker', ms: msg.ms});
      else job.reject(new Error(msg.message));
    };
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.fail(new Error(`analysis worker failed: ${event.message || 'unknown error'}`));
    };
  }

  /** Stops the worker (if busy) and rejects what it was doing. */
  cancel() {
    if (!this.pending.size) return false;
    this.fail(new AnalysisCancelled());
    return true;
  }

  fail(error) {
    if (this.worker) this.worker.terminate();
    if (this.workerUrl) URL.revokeObjectURL(this.workerUrl);
    this.worker = null;
    this.workerUrl = null;
    const jobs = [...this.pending.values()];
    this.pending.clear();
    for (const job of jobs) job.reject(error);
  }
}
