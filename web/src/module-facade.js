// Turns a raw module instance (what NewsLens.moduleFactory() resolves to) into the same
// {analyze(text, options) → report} object that NewsLens.create() gives the page. Only the worker
// needs this: there, the module is re-created from the factory's source and the NewsLens facade
// (which lives outside the factory in newslens.js) is not available.
// Keep it in step with wasm/'s JS facade.

export function facadeFor(instance) {
  if (typeof instance.analyzeJson === 'function') {
    return {
      analyze(text, options = {}) {
        const report = JSON.parse(instance.analyzeJson(String(text), JSON.stringify(options)));
        if (report && report.error) throw new Error(report.error);
        return report;
      },
    };
  }
  if (typeof instance.analyze === 'function') return instance;
  throw new Error('newslens: the module instance exposes no analyze function');
}
