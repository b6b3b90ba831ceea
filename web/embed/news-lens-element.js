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
import {formatsFor, renderCard} from './render.js';
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
 * The card's number formats per language, made once per page: building an Intl.NumberFormat is
 * slow (bench/embed-polite.mjs profiled the four of formatsFor() at a quarter of the widget's
 * main-thread time with the CPU throttled 4×), and every render and every widget needs the same.
 */
const formatsByLang = new Map();
function formatsOnce(lang) {
  if (!formatsByLang.has(lang)) formatsByLang.set(lang, formatsFor(lang));
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
      this.#render();
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
      const target = this.target;
      this.#watch(target);
      if (!target) {
        const ref = this.getAttribute('for');
        throw new Error(ref ? `newslens: nothing on the page matches for="${ref}"` :
                              'newslens: no <article> or <main> to analyse (set the for attribute)');
      }
      const text = visibleText(target, (el) => el instanceof NewsLensElement);
      if (!/[\p{L}\p{N}]/u.test(text)) throw new Error('newslens: the article has no visible text');
      // The number formats in a task of their own while the analyzer loads, not in the render's.
      const lang = this.#lang();
      setTimeout(() => formatsOnce(lang), 0);
      const analyzer = await sharedAnalyzer(analyzerUrl(this.getAttribute('analyzer'),
                                                        this.ownerDocument), this.shadowRoot);
      if (run !== this.#run) return;
      const report = await analyzer.analyze(text);
      if (run !== this.#run) return;
      this.#text = text;
      this.#report = report;
      this.#error = null;
      this.#render();
      this.#state = 'ready';
      this.dispatchEvent(new CustomEvent('newslens-analyzed', {bubbles: true, detail: report}));
    } catch (error) {
      if (run !== this.#run) return;
      this.#fail(error);
    }
  }

  #fail(error) {
    this.#error = error;
    this.#state = 'error';
    this.#report = null;
    this.#text = null;
    this.#card?.remove();
    this.#card = null;
    this.#fallback.hidden = false;
    const message = error && error.message ? error.message : String(error);
    this.dispatchEvent(new CustomEvent('newslens-error', {bubbles: true, detail: {error, message}}));
  }

  #render() {
    let strings;
    try {
      strings = parseLocale(this.getAttribute('locale'));
    } catch (error) {
      console.warn(`newslens: ignoring the locale attribute: ${error.message}`);
      strings = parseLocale(null);
    }
    const lang = this.#lang();
    const card = renderCard(this.ownerDocument, this.#report, this.#text, {
      themes: count(this.getAttribute('themes'), DEFAULT_THEMES),
      actors: count(this.getAttribute('actors'), DEFAULT_ACTORS),
      strings,
      formats: formatsOnce(lang),
    });
    // Keep the disclosure open across re-renders (the article changed under an open details).
    if (this.#card?.querySelector('details')?.open) card.querySelector('details').open = true;
    if (this.#card) this.#card.replaceWith(card);
    else this.shadowRoot.append(card);
    this.#card = card;
    this.#fallback.hidden = true;
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
    this.#timer = setTimeout(() => {
      const target = this.target;
      if (target !== this.#watched || this.#state === 'error' ||
          !target || visibleText(target, (el) => el instanceof NewsLensElement) !== this.#text) {
        this.#analyse();
      }
    }, REANALYSE_DELAY_MS);
  }
}
