// The entry point of dist/newslens-embed.js: defines <news-lens> and exposes the class as the
// script's one global, `NewsLensElement` (so a site can also call NewsLensElement.define('my-tag')).
// Loading the script twice keeps the first definition and the first global.
//
// The tag is defined in a task of its own, after the script's: defining it upgrades every
// <news-lens> already on the page (each gets its shadow root and the card's stylesheet), and that
// work should not add to the task that compiled and ran the script (web/embed/schedule.js).

import {NewsLensElement} from './news-lens-element.js';
import {yieldToPage} from './schedule.js';

if (typeof window !== 'undefined' && window.customElements) {
  if (!('NewsLensElement' in window)) window.NewsLensElement = NewsLensElement;
  yieldToPage().then(() => NewsLensElement.define());
}
