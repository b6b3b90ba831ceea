// The entry point of dist/newslens-embed.js: defines <news-lens> and exposes the class as the
// script's one global, `NewsLensElement` (so a site can also call NewsLensElement.define('my-tag')).
// Loading the script twice keeps the first definition and the first global.

import {NewsLensElement} from './news-lens-element.js';

if (typeof window !== 'undefined' && window.customElements) {
  if (!('NewsLensElement' in window)) window.NewsLensElement = NewsLensElement;
  NewsLensElement.define();
}
