// newslens/embed — the <news-lens> widget (docs/embed.md in the repository). Importing it in a
// browser (or including embed/newslens-embed.js with a <script> tag) defines <news-lens> and the
// global `NewsLensElement`; the analyzer it loads, embed/newslens-analyzer.js, must be served from
// the same folder as the script that includes the loader, or named by the `analyzer` attribute.
// Under node the import defines nothing (there is no DOM).
//
//   <news-lens for="story" themes="4" actors="4" theme="auto" analyzer="/js/newslens-analyzer.js">
//     <p>Fallback content: shown until the card is ready, and kept if anything fails.</p>
//   </news-lens>
//
// Attributes: for, themes, actors, compact, theme, locale, analyzer (the package's README).
// Events (bubbling): 'newslens-analyzed' with the report as detail; 'newslens-error' with
// { error, message }.

import type { Report } from '../newslens.js';

/** The element's class. The import itself exports no value: a page reaches the class as the
 *  global `NewsLensElement` (or customElements.get('news-lens')). */
declare class NewsLensElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /**
   * Registers the element as `tag` (default 'news-lens') in `registry` (default the window's
   * customElements) and returns the registered class; a tag already defined is left alone.
   */
  static define(tag?: string, registry?: CustomElementRegistry): typeof NewsLensElement;
  /** 'idle' (not near the viewport yet), 'loading', 'ready' or 'error'. */
  readonly state: 'idle' | 'loading' | 'ready' | 'error';
  /** The last report, or null. */
  readonly report: Report | null;
  /** The text the last report was made from (the report's offsets index into it), or null. */
  readonly analyzedText: string | null;
  /** The last error, or null. */
  readonly error: Error | null;
  /** The element whose text is analysed: `for` as an id, else as a CSS selector; else the
   *  nearest <article> or <main>. */
  readonly target: Element | null;
  /** Analyses the target now (and starts watching it); resolves when the card is updated. */
  refresh(): Promise<void>;
}

export type { NewsLensElement };
type NewsLensElementClass = typeof NewsLensElement;

declare global {
  interface HTMLElementTagNameMap {
    'news-lens': NewsLensElement;
  }
  interface HTMLElementEventMap {
    'newslens-analyzed': CustomEvent<Report>;
    'newslens-error': CustomEvent<{ error: unknown; message: string }>;
  }
  /** Set by the loader in a browser (the first one loaded wins). */
  var NewsLensElement: NewsLensElementClass | undefined;
}
