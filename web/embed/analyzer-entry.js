// The entry point of dist/newslens-analyzer.js, the widget's second script: the newslens module
// (build-wasm/newslens.js: the WebAssembly, the dictionaries and the NewsLens facade) wrapped so
// that it defines no global. web/embed/analyzer.js runs it one of two ways:
// - in a dedicated worker: it creates the analyzer at once, posts {type: 'ready', edition} (or
//   {type: 'error', message}), then answers each {id, text} with {type: 'report', id, report} or
//   {type: 'failed', id, message}, and each {id, numbers: lang} with {type: 'numbers', id, numbers}:
//   how that language writes numbers (web/embed/numbers.js), read from Intl here, off the page's
//   main thread;
// - as a classic script on the page: it hands the NewsLens class to the loader in one
//   `newslens-analyzer` event on the document, dispatched while this script runs.

import newslens from 'newslens-wasm';

import {ANALYZER_EVENT} from './analyzer.js';
import {describeNumbers} from './numbers.js';

const message = (error) => (error && error.message) || String(error);

if (typeof document !== 'undefined') {
  document.dispatchEvent(new CustomEvent(ANALYZER_EVENT, {detail: newslens.NewsLens}));
} else if (typeof self !== 'undefined' && typeof self.postMessage === 'function') {
  const ready = newslens.NewsLens.create();
  // The edition ('widget' or 'full', docs/size.md) goes to the card's details.
  ready.then(() => self.postMessage({type: 'ready', edition: newslens.NewsLens.edition}),
             (error) => self.postMessage({type: 'error', message: message(error)}));
  self.addEventListener('message', async ({data}) => {
    if ('numbers' in data) {
      self.postMessage({type: 'numbers', id: data.id, numbers: describeNumbers(data.numbers ?? undefined)});
      return;
    }
    try {
      const report = (await ready).analyze(data.text);
      self.postMessage({type: 'report', id: data.id, report});
    } catch (error) {
      self.postMessage({type: 'failed', id: data.id, message: message(error)});
    }
  });
}
