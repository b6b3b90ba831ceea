// <news-lens>: a compact card with the themes, tone and actors of an article on the page, analysed
// in the reader's browser by the newslens WebAssembly module. See docs/embed.md.
//
//   <script src="newslens-embed.js" defer></script>
//   <news-lens for="story" themes="4">
//     <p>Fallback: shown until the card is ready, and kept if anything fails.</p>
//   </news-lens>
//
// The class is separate from its registration (web/embed/auto-define.js), as in
// github/relative-time-element, so a site can choose the tag: NewsLensElement.define('story-lens').
//
// What it promises the host page:
// - It reads the article; it never writes outside its own shadow root (no host DOM, no global
//   but `NewsLensElement`, no document styles), and it never parses analysed text as HTML.
// - It is lazy: nothing is analysed, and the analyzer (the second script, newslens-analyzer.js,
//   web/embed/analyzer.js) is not even requested, until the element comes near the viewport.
//   Every widget on a page shares one module instance.
// - Its light-DOM children are the fallback: visible until a card replaces them, and again if
//   anything fails (no target, no text, WebAssembly refused by the CSP or failing to compile).

import {analyzerUrl, sharedAnalyzer} from './analyzer.js';
import {ENGLISH, isEnglish, numberFormats} from './numbers.js';
import {cardInSteps, unreadable} from './render.js';
import {yieldToPage} from './schedule.js';
import {adoptStyles} from './styles.js';
import {parseLocale} from './strings.js';
import {visibleText} from './text.js';

/** Default `themes`: how many top-level themes the card lists (the issue asks for 3–5). */
export const DEFAULT_THEMES = 3;
/** Default `actors`: how many of the most-named actors the card lists. */
export const DEFAULT_ACTORS = 4;
/** Upper bound for `themes` and `actors`: the card stays compact. */
export const MAX_ITEMS = 10;
/**
 * Start analysing when the element is this close to the viewport, so the card is ready when it
 * scrolls into view (about one screen of a phone ahead).
 */
export const NEAR_VIEWPORT = '600px 0px';
/**
 * A changing article (live blog, lazy-loaded paragraphs, an editor typing) is re-analysed once it
 * has been quiet this long. Analysis itself takes well under a millisecond per article; this only
 * coalesces bursts of DOM changes.
 */
export const REANALYSE_DELAY_MS = 400;
/**
 * How long, in seconds, the widget waits for the analyzer to start and then for each analysis
 * before it gives up, keeps its fallback and says why (the `timeout` attribute sets another). A
 * module that compiles in 1-3 s on a phone and an article analysed in milliseconds are far below
 * it; a WebAssembly.instantiate that never settles (a host page's wrapper, a stalled download)
 * would otherwise leave the fallback up forever with nothing said.
 */
export const DEFAULT_TIMEOUT_S = 60;

/**
 * A rejection handler that rethrows `error` with a message that says it is the widget's and at
 * which step, unless it already does: "newslens: the analyzer could not start: <the cause>".
 */
function said(step) {
  return (error) => {
    const message = error && error.message ? error.message : String(error);
    if (message.startsWith('newslens:')) throw error;
    throw new Error(`newslens: ${step}: ${message}`, {cause: error});
  };
}

/** Marks the class on whatever copy of the script defined it (see define()). */
const MARK = Symbol.for('newslens.element');

/** Resolves or rejects as `promise` does, or rejects with `what` once `ms` have passed. */
function within(promise, ms, what) {
  let timer;
  const timeout = new Promise((resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`newslens: ${what} took longer than ${ms / 1000} s; ` +
                                              'gave up (the timeout attribute sets how long to wait)')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The card's number formats per language, made once per page. No Intl.NumberFormat on the page's
 * main thread (its first one costs 80–400 ms there with the CPU throttled 4×): English is built
 * in, and any other language is described by the analyzer, in its worker (web/embed/numbers.js).
 */
const formatsByLang = new Map();  // lang -> Promise<formats>
function formatsOnce(lang, analyzer) {
  if (!formatsByLang.has(lang)) {
    const made = isEnglish(lang) ? Promise.resolve(numberFormats(ENGLISH)) :
      analyzer.numbers(lang).then(numberFormats, () => numberFormats(ENGLISH));
    formatsByLang.set(lang, made);
  }
  return formatsByLang.get(lang);
}

function count(value, fallback) {
  if (value == null || value.trim() === '') return fallback;
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) ? Math.max(0, Math.min(MAX_ITEMS, n)) : fallback;
}

export class NewsLensElement extends HTMLElement {
  static get observedAttributes() {
    return ['for', 'themes', 'actors', 'locale'];
  }

  /**
   * Registers the element as `tag` in `registry` and returns the registered class. A tag that is
   * already defined is left alone. Defining a second tag registers a subclass, since one class
   * can back only one tag per registry.
   */
  static define(tag = 'news-lens', registry = customElements) {
    const existing = registry.get(tag);
    if (existing && !existing[MARK]) {
      // Another library's element has the tag: the widget cannot take it, and must not pass in
      // silence (its fallback content is whatever that element shows).
      const message = `newslens: <${tag}> is already defined by another script on this page, so ` +
                      'the newslens widget cannot use it; define the widget under another tag ' +
                      `(NewsLensElement.define('article-lens')) and use that tag`;
      console.error(message);
      const error = new Error(message);
      const doc = typeof document !== 'undefined' ? document : null;
      const taken = doc ? [...doc.querySelectorAll(tag)] : [];
      for (const target of taken.length ? taken : doc ? [doc] : []) {
        target.dispatchEvent(new CustomEvent('newslens-error', {bubbles: true, detail: {error, message}}));
      }
      return existing;
    }
    if (existing) return existing;
    try {
      registry.define(tag, this);
      return this;
    } catch (error) {
      if (!(error instanceof DOMException) || error.name !== 'NotSupportedError') throw error;
      const renamed = class extends this {};
      registry.define(tag, renamed);
      return renamed;
    }
  }

  static [MARK] = true;

  #fallback;  // the shadow root's wrapper around <slot>: the light-DOM fallback content
  #card = null;
  #state = 'idle';  // 'idle' | 'loading' | 'ready' | 'error'
  #report = null;
  #text = null;
  #error = null;
  #run = 0;  // incremented per analysis; a finished analysis that is not the latest is dropped
  #started = false;  // true once the element has been near the viewport
  #intersection = null;
  #mutation = null;
  #watched = null;  // the element #mutation observes
  #timer = 0;
  #analyzer = null;  // the shared analyzer, once loaded
  #drawing = 0;  // incremented per render; a render that is not the latest stops
  #rendering = null;  // the latest render: Promise<boolean>

  constructor() {
    super();
    const root = this.attachShadow({mode: 'open'});
    adoptStyles(root);
    this.#fallback = root.ownerDocument.createElement('div');
    this.#fallback.setAttribute('part', 'fallback');
    this.#fallback.append(root.ownerDocument.createElement('slot'));
    root.append(this.#fallback);
  }

  /** 'idle' (not near the viewport yet), 'loading', 'ready' or 'error'. */
  get state() {
    return this.#state;
  }

  /** The last report (newslens/report@1), or null. */
  get report() {
    return this.#report;
  }

  /** The text the last report was made from (offsets in the report index into it), or null. */
  get analyzedText() {
    return this.#text;
  }

  /** The last error, or null. */
  get error() {
    return this.#error;
  }

  /** The element whose text is analysed: `for` as an id, else as a CSS selector; else the nearest
   *  enclosing <article> or <main>, else the page's first <article>, else its <main>. */
  get target() {
    const root = this.getRootNode();
    const scope = typeof root.querySelector === 'function' ? root : this.ownerDocument;
    const ref = this.getAttribute('for');
    if (ref !== null && ref.trim() !== '') {
      const byId = typeof scope.getElementById === 'function' ? scope.getElementById(ref) : null;
      if (byId) return byId;
      try {
        return scope.querySelector(ref);
      } catch {
        return null;  // not a valid selector, and no such id
      }
    }
    return this.closest('article, main') || scope.querySelector('article') ||
           scope.querySelector('main');
  }

  connectedCallback() {
    if (this.#started) {
      this.#watch(this.target);
      this.#schedule();
      return;
    }
    if (typeof IntersectionObserver !== 'function') {
      this.#start();
      return;
    }
    this.#intersection = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.#start();
    }, {rootMargin: NEAR_VIEWPORT});
    this.#intersection.observe(this);
  }

  disconnectedCallback() {
    this.#intersection?.disconnect();
    this.#intersection = null;
    this.#watch(null);
    clearTimeout(this.#timer);
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.#started) return;
    if (name === 'for') {
      this.refresh();
    } else if (this.#report) {
      this.#draw().catch((error) => this.#fail(error));
    }
  }

  /** Analyses the target now (and starts watching it); resolves when the card is updated. */
  refresh() {
    this.#started = true;
    return this.#analyse();
  }

  #start() {
    this.#intersection?.disconnect();
    this.#intersection = null;
    if (!this.#started && this.isConnected) this.refresh();
  }

  async #analyse() {
    const run = ++this.#run;
    clearTimeout(this.#timer);
    this.#state = 'loading';
    try {
      // Not in the task that started it (the intersection callback, shared by every widget that
      // came near the viewport at once, or the page's own call to refresh()).
      await yieldToPage();
      if (run !== this.#run) return;
      const target = this.target;
      this.#watch(target);
      if (!target) {
        const ref = this.getAttribute('for');
        throw new Error(ref ? `newslens: nothing on the page matches for="${ref}"` :
                              'newslens: no <article> or <main> to analyse (set the for attribute)');
      }
      // Read in slices that yield to the page (web/embed/schedule.js), as is everything below.
      const text = await visibleText(target, (el) => el instanceof NewsLensElement);
      if (run !== this.#run) return;
      if (!/[\p{L}\p{N}]/u.test(text)) throw new Error('newslens: the article has no visible text');
      const timeout = this.#timeoutMs();
      const analyzer = await within(sharedAnalyzer(analyzerUrl(this.getAttribute('analyzer'),
                                                               this.ownerDocument), this.shadowRoot),
                                    timeout, 'starting the analyzer').catch(said('the analyzer could not start'));
      if (run !== this.#run) return;
      this.#analyzer = analyzer;
      const report = await within(analyzer.analyze(text), timeout, 'analysing the article')
          .catch(said('the article could not be analysed'));
      if (run !== this.#run) return;
      const problem = unreadable(report);
      if (problem) {
        throw new Error(`newslens: the analyzer's report cannot be read (${problem}); a script on ` +
                        'this page may have replaced a built-in it relies on, such as JSON.parse');
      }
      this.#text = text;
      this.#report = report;
      this.#error = null;
      // A render superseded by a newer one (an attribute changed meanwhile) waits for that one.
      let drawn = await this.#draw();
      while (!drawn && run === this.#run && this.#report === report) drawn = await this.#rendering;
      if (!drawn || run !== this.#run) return;
      this.#state = 'ready';
      this.dispatchEvent(new CustomEvent('newslens-analyzed', {bubbles: true, detail: report}));
    } catch (error) {
      if (run !== this.#run) return;
      this.#fail(error);
    }
  }

  #fail(error) {
    this.#drawing += 1;  // a render in progress stops
    this.#error = error;
    this.#state = 'error';
    this.#report = null;
    this.#text = null;
    this.#card?.remove();
    this.#card = null;
    this.#fallback.hidden = false;
    const message = error && error.message ? error.message : String(error);
    // Said in the console too: a site's developer sees why the card did not come.
    console.error(message.startsWith('newslens:') ? message : `newslens: ${message}`);
    this.dispatchEvent(new CustomEvent('newslens-error', {bubbles: true, detail: {error, message}}));
  }

  /** Starts a render of the last report; resolves to false if a newer one took over. */
  #draw() {
    this.#rendering = this.#render();
    return this.#rendering;
  }

  /**
   * Draws the card for the last report in steps, one section per task (web/embed/render.js
   * cardInSteps), off the document; the finished card replaces the fallback (or the last card) in
   * one step, so the page lays it out once. Resolves to false if a newer render took over.
   */
  async #render() {
    const drawing = ++this.#drawing;
    let strings;
    try {
      strings = parseLocale(this.getAttribute('locale'));
    } catch (error) {
      console.warn(`newslens: ignoring the locale attribute: ${error.message}`);
      strings = parseLocale(null);
    }
    const formats = await formatsOnce(this.#lang(), this.#analyzer);
    if (drawing !== this.#drawing) return false;
    const {card, steps} = cardInSteps(this.ownerDocument, this.#report, this.#text, {
      themes: count(this.getAttribute('themes'), DEFAULT_THEMES),
      actors: count(this.getAttribute('actors'), DEFAULT_ACTORS),
      strings,
      formats,
      edition: this.#analyzer?.edition,
    });
    for (const step of steps) {
      await yieldToPage();
      if (drawing !== this.#drawing || !this.#report) return false;
      step();
    }
    await yieldToPage();
    if (drawing !== this.#drawing || !this.#report) return false;
    // Keep the disclosure open across re-renders (the article changed under an open details).
    if (this.#card?.querySelector('details')?.open) card.querySelector('details').open = true;
    if (this.#card) this.#card.replaceWith(card);
    else this.shadowRoot.append(card);
    this.#card = card;
    this.#fallback.hidden = true;
    return true;
  }

  /** The `timeout` attribute (seconds, > 0), else DEFAULT_TIMEOUT_S, in milliseconds. */
  #timeoutMs() {
    const s = Number.parseFloat(this.getAttribute('timeout'));
    return (Number.isFinite(s) && s > 0 ? s : DEFAULT_TIMEOUT_S) * 1000;
  }

  /** The language of the card's numbers: the nearest `lang` attribute, else the browser's. */
  #lang() {
    return this.closest('[lang]')?.getAttribute('lang') || undefined;
  }

  /** Observes `target` for changes (only one target at a time); null stops observing. */
  #watch(target) {
    if (this.#watched === target) return;
    this.#mutation?.disconnect();
    this.#mutation = null;
    this.#watched = target;
    if (!target || typeof MutationObserver !== 'function') return;
    this.#mutation = new MutationObserver((records) => {
      // Changes inside a widget (its fallback content) are not changes to the article.
      const outside = records.some((r) => {
        for (let n = r.target; n && n !== target; n = n.parentNode) {
          if (n instanceof NewsLensElement) return false;
        }
        return true;
      });
      if (outside) this.#schedule();
    });
    this.#mutation.observe(target, {
      childList: true, subtree: true, characterData: true, attributes: true,
      attributeFilter: ['hidden', 'class', 'style', 'aria-hidden', 'data-newslens-skip'],
    });
  }

  /** Re-analyses after REANALYSE_DELAY_MS of quiet, if the visible text changed. */
  #schedule() {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(async () => {
      const target = this.target;
      const run = this.#run;
      if (target !== this.#watched || this.#state === 'error' || !target ||
          await visibleText(target, (el) => el instanceof NewsLensElement) !== this.#text) {
        if (run === this.#run) this.#analyse();
      }
    }, REANALYSE_DELAY_MS);
  }
}
