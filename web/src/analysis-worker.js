// The analysis Web Worker. It runs from a Blob URL that web/src/analyzer-client.js assembles from
// NewsLens.scriptSource() (the whole of newslens.js, which defines `self.NewsLens` here) followed
// by this file, bundled by web/build.mjs into dist/worker.js as the string NewsLensWorkerSource.
// The module is created here once, lazily, on the first message.
//
// Messages in:  {id, text, options}
// Messages out: {id, type: 'progress', phase: 'loading' | 'analyzing'}
//               {id, type: 'done', report, ms}
//               {id, type: 'error', message}
/* global NewsLens */

let ready = null;

function analyzer() {
  if (!ready) ready = NewsLens.create();
  return ready;
}

self.onmessage = async (event) => {
  const {id, text, options} = event.data;
  try {
    if (!ready) self.postMessage({id, type: 'progress', phase: 'loading'});
    const nl = await analyzer();
    self.postMessage({id, type: 'progress', phase: 'analyzing'});
    const t0 = performance.now();
    const report = nl.analyze(text, options);
    self.postMessage({id, type: 'done', report, ms: performance.now() - t0});
  } catch (err) {
    self.postMessage({id, type: 'error', message: String((err && err.message) || err)});
  }
};
