// Only for a newslens.js without NewsLens.scriptSource(): turns the raw module instance that
// NewsLens.moduleFactory() resolves to into {analyze(text, options) → report}, as NewsLens.create()
// does on the page. Mirrors wasm/newslens-api.js; keep the two in step.

const TONES = ['news', 'general', 'finance'];

export function facadeFor(instance) {
  if (typeof instance.Session === 'function') {
    const list = new instance.DictionarySourceList();
    let session;
    try {
      session = new instance.Session(list, false);
    } finally {
      list.delete();
    }
    const error = session.error();
    if (error) throw new Error(`newslens: ${error}`);
    return {
      analyze(text, options = {}) {
        const tone = options.tone === undefined ? 'news' : options.tone;
        if (!TONES.includes(tone)) {
          throw new RangeError(`newslens: options.tone must be one of ${TONES.join(', ')}`);
        }
        const outcome = session.analyze(String(text), {
          tone, utf8Offsets: options.offsets === 'utf8',
          mentions: options.mentions !== false, sentences: options.sentences !== false});
        if (outcome.error) throw new Error(`newslens: ${outcome.error}`);
        return JSON.parse(outcome.json);
      },
    };
  }
  if (typeof instance.analyzeJson === 'function') {  // the development stand-in
    return {
      analyze(text, options = {}) {
        const report = JSON.parse(instance.analyzeJson(String(text), JSON.stringify(options)));
        if (report && report.error) throw new Error(report.error);
        return report;
      },
    };
  }
  throw new Error('newslens: the module instance exposes no analyzer');
}
