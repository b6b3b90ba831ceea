// Runs a corpus through its own analysis worker (web/src/analysis-worker.js, built the same way
// as the single-article one: see analyzer-client.js). JSONL and CSV files go to the worker as
// File objects and are read and parsed there in chunks; other files are read here one batch at a
// time when the worker asks (HTML needs the page's DOMParser), so memory holds at most two
// batches of text. Cancel terminates the worker: what arrived before stays, consistent.

import {workerUrl} from './analyzer-client.js';
import {readArticleFile} from './article-text.js';
import {recordFormat} from './corpus-parse.js';

/** Files read per batch for the worker, at most (and at most BATCH_BYTES of them). */
const BATCH_FILES = 32;
const BATCH_BYTES = 2 * 1024 * 1024;

const ARTICLE_FILE = /\.(txt|text|md|markdown|html?|xhtml|json)$/i;

/** The path a file was picked or dropped with (folders keep theirs). */
export function filePath(file) {
  return file.newslensPath || file.webkitRelativePath || file.name;
}

/**
 * Sorts picked or dropped files: {records: [{file, format, index}], articles: [{file, index}],
 * skipped: [File]}; `index` is the file's position in `files`.
 */
export function partitionFiles(files) {
  const records = [];
  const articles = [];
  const skipped = [];
  files.forEach((file, index) => {
    const format = recordFormat(file.name);
    if (format) records.push({file, format, index});
    else if (ARTICLE_FILE.test(file.name)) articles.push({file, index});
    else skipped.push(file);
  });
  return {records, articles, skipped};
}

/**
 * What a whole-file article carries besides its text: its path as id, the folder it sits in
 * (below the one picked) as source, and a YYYY-MM-DD in its path as date.
 */
export function fileFields(file) {
  const path = filePath(file);
  const parts = path.split('/');
  const date = /(\d{4}-\d{2}-\d{2})/.exec(path);
  return {id: path, source: parts.length > 2 ? parts[parts.length - 2] : '',
          date: date ? date[1] : ''};
}

export class CorpusCancelled extends Error {
  constructor() {
    super('Corpus analysis cancelled');
    this.name = 'CorpusCancelled';
  }
}

export class CorpusClient {
  constructor() {
    this.worker = null;
    this.url = null;
    this.job = null;
    this.nextId = 1;
  }

  /**
   * Analyses `files` (Files; `index` in rows' refs is the position here). handlers:
   * onTotal(total), onBatch({rows, errors, labels, done, bytes}). Resolves to {ms, sources} when
   * done; rejects with CorpusCancelled after cancel(), or with the worker's Error.
   */
  run(files, {options, dictionaries = []}, {onTotal, onBatch}) {
    this.cancel();
    const {records, articles} = partitionFiles(files);
    const id = this.nextId++;
    this.url = workerUrl();
    const worker = new Worker(this.url);
    this.worker = worker;
    let queue = articles.slice();
    return new Promise((resolve, reject) => {
      this.job = {id, reject};
      const finish = () => {
        this.job = null;
        this.stop();
      };
      worker.onmessage = async (event) => {
        const msg = event.data;
        if (!this.job || msg.id !== id) return;  // cancelled: late messages are dropped
        if (msg.type === 'total') onTotal(msg.total);
        else if (msg.type === 'batch') onBatch(msg);
        else if (msg.type === 'want') {
          const batch = [];
          let size = 0;
          while (queue.length && batch.length < BATCH_FILES && size < BATCH_BYTES) {
            const {file, index} = queue.shift();
            size += file.size;
            batch.push(await readForCorpus(file, index));
          }
          if (this.job && this.job.id === id) {
            worker.postMessage({type: 'texts', id, items: batch, last: queue.length === 0});
          }
        } else if (msg.type === 'corpus-done') {
          finish();
          resolve({ms: msg.ms, sources: msg.sources});
        } else if (msg.type === 'error') {
          finish();
          reject(new Error(msg.message));
        }
      };
      worker.onerror = (event) => {
        event.preventDefault();
        finish();
        reject(new Error(`corpus worker failed: ${event.message || 'unknown error'}`));
      };
      if (dictionaries.length) worker.postMessage({type: 'dictionaries', dictionaries});
      worker.postMessage({type: 'corpus', id, options, articleFiles: articles.length,
                          sources: records.map(({file, format, index}) => ({file, format, index}))});
    });
  }

  get busy() {
    return !!this.job;
  }

  /** Stops the worker; the run rejects with CorpusCancelled. Returns whether one was running. */
  cancel() {
    const job = this.job;
    this.job = null;
    this.stop();
    if (job) job.reject(new CorpusCancelled());
    return !!job;
  }

  stop() {
    if (this.worker) this.worker.terminate();
    if (this.url) URL.revokeObjectURL(this.url);
    this.worker = null;
    this.url = null;
  }
}

/** A whole-file article for the worker: {ref, id, title, date, source, text, bytes} or {error}. */
async function readForCorpus(file, index) {
  const ref = {file: index};
  try {
    const {text, title} = await readArticleFile(file);
    return {ref, ...fileFields(file), title: title || '', text, bytes: file.size};
  } catch (err) {
    return {ref, error: `${filePath(file)}: ${err.message}`, bytes: file.size};
  }
}
