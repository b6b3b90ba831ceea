// The visible text of an element, as a reader sees it: like `innerText`, but under our control so
// that it skips the widget itself, and so that block boundaries become the blank lines the core
// splits paragraphs (and sentences) on.
//
// Page furniture is left out the way the page's own boilerplate detection flags it (one rule,
// web/src/boilerplate.js): the structural furniture a reader's eye skips (`nav`, `aside`, `footer`,
// their ARIA roles, comment headers and tag lists by their usual class names), then every
// paragraph that rule calls furniture ("Topics: …", "harbourpilot · 2 hours ago", "Share") or a
// repeat of an earlier paragraph.
//
// Skipped: script/style/template and other non-text elements, form controls, anything hidden
// (`hidden`, `aria-hidden="true"`, `display: none`, `visibility: hidden` text), anything marked
// `data-newslens-skip` (ad slots, captions, "read more" boxes a site does not want counted), and the
// widgets themselves (`isWidget`).

import {findBoilerplate, withoutFlagged} from '../src/boilerplate.js';
import {Slice} from './schedule.js';

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math',
  'audio', 'video', 'picture', 'img', 'select', 'textarea', 'input', 'button', 'head', 'link', 'meta',
  'dialog',
]);

/** Structural furniture inside an article: navigation, side bars, footers (tag lists, share bars). */
const FURNITURE_ELEMENTS = new Set(['nav', 'aside', 'footer', 'form']);
const FURNITURE_ROLES = new Set(['navigation', 'complementary', 'contentinfo', 'search', 'banner']);
/** Class or id names sites give a comment's header and a story's tag or share bar. */
const FURNITURE_NAME =
    /^(?:(?:comment|reply)[-_]?(?:meta|author|header|footer|actions|byline|date|time|info)|tags|tag-?list|topics|share|sharing|social|related)$/i;

function isFurnitureElement(el) {
  if (FURNITURE_ELEMENTS.has(el.localName)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role)) return true;
  if (el.id && FURNITURE_NAME.test(el.id)) return true;
  for (const name of el.classList) if (FURNITURE_NAME.test(name)) return true;
  return false;
}

const PRESERVES_NEWLINES = /^(pre|pre-wrap|pre-line|break-spaces)$/;

/**
 * Reads the article in slices (web/embed/schedule.js): the walk yields to the page whenever it has
 * held the main thread for SLICE_MS, so a long article on a slow phone is read in several short
 * tasks instead of one long one. A change to the article while it is being read is seen by the
 * element's MutationObserver, which reads it again.
 *
 * @param {Element} root the article element
 * @param {(el: Element) => boolean} isWidget true for a widget, whose light DOM is not article text
 * @param {Slice} [slice] the time budget to share with the caller's other steps
 * @returns {Promise<string>} paragraphs separated by blank lines, whitespace collapsed, trimmed
 */
export async function visibleText(root, isWidget, slice = new Slice()) {
  const view = root.ownerDocument.defaultView;
  const out = [];
  // One frame per element being read: its next child, how its text shows, what closes it.
  const stack = [];
  const enter = (element, style, close) => {
    stack.push({next: element.firstChild, textVisible: style.visibility === 'visible',
                keepNewlines: PRESERVES_NEWLINES.test(style.whiteSpace), close});
  };

  enter(root, view.getComputedStyle(root), '');
  while (stack.length) {
    const frame = stack[stack.length - 1];
    const node = frame.next;
    if (!node) {
      stack.pop();
      out.push(frame.close);
      continue;
    }
    frame.next = node.nextSibling;
    if (node.nodeType === 3) {  // Text
      if (!frame.textVisible) continue;
      const text = node.data;
      out.push(frame.keepNewlines ? text.replace(/[ \t]+/g, ' ') : text.replace(/[\t\n\r\f ]+/g, ' '));
      continue;
    }
    if (node.nodeType !== 1) continue;  // Element below
    const el = node;
    const name = el.localName;
    if (SKIPPED.has(name) || isWidget(el) || el.hidden || el.getAttribute('aria-hidden') === 'true' ||
        el.hasAttribute('data-newslens-skip') || isFurnitureElement(el)) {
      continue;
    }
    if (name === 'br') {
      out.push('\n');
      continue;
    }
    const style = view.getComputedStyle(el);
    const display = style.display;
    if (display === 'none') continue;
    const block = !display.startsWith('inline') && display !== 'contents' &&
                  !display.startsWith('table-cell') && display !== 'ruby';
    const spaced = !block && (display.startsWith('table-cell') || display === 'inline-block');
    const edge = block ? '\n\n' : spaced ? ' ' : '';
    out.push(edge);
    enter(el, style, edge);
    if (slice.spent) await slice.pause();
  }
  const text = out.join('')
      .replace(/[ \t]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
  await slice.pause();
  const flags = findBoilerplate(text);
  return flags.length ? withoutFlagged(text, flags).trim() : text;
}
