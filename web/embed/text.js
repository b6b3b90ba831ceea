// The visible text of an element, as a reader sees it: like `innerText`, but under our control so
// that it skips the widget itself, and so that block boundaries become the blank lines the core
// splits paragraphs (and sentences) on.
//
// Skipped: script/style/template and other non-text elements, form controls, anything hidden
// (`hidden`, `aria-hidden="true"`, `display: none`, `visibility: hidden` text), anything marked
// `data-newslens-skip` (ad slots, captions, "read more" boxes a site does not want counted), and the
// widgets themselves (`isWidget`).

/** Elements whose content is never article text. */
const SKIPPED = new Set([
  'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'canvas', 'svg', 'math',
  'audio', 'video', 'picture', 'img', 'select', 'textarea', 'input', 'button', 'head', 'link', 'meta',
  'dialog',
]);

const PRESERVES_NEWLINES = /^(pre|pre-wrap|pre-line|break-spaces)$/;

/**
 * @param {Element} root the article element
 * @param {(el: Element) => boolean} isWidget true for a widget, whose light DOM is not article text
 * @returns {string} paragraphs separated by blank lines, whitespace collapsed, trimmed
 */
export function visibleText(root, isWidget) {
  const view = root.ownerDocument.defaultView;
  const out = [];

  const walk = (element, style) => {
    const textVisible = style.visibility === 'visible';
    const keepNewlines = PRESERVES_NEWLINES.test(style.whiteSpace);
    for (let node = element.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {  // Text
        if (!textVisible) continue;
        const text = node.data;
        out.push(keepNewlines ? text.replace(/[ \t]+/g, ' ') : text.replace(/[\t\n\r\f ]+/g, ' '));
      } else if (node.nodeType === 1) {  // Element
        visit(node);
      }
    }
  };

  const visit = (el) => {
    const name = el.localName;
    if (SKIPPED.has(name) || isWidget(el) || el.hidden || el.getAttribute('aria-hidden') === 'true' ||
        el.hasAttribute('data-newslens-skip')) {
      return;
    }
    if (name === 'br') {
      out.push('\n');
      return;
    }
    const style = view.getComputedStyle(el);
    const display = style.display;
    if (display === 'none') return;
    const block = !display.startsWith('inline') && display !== 'contents' &&
                  !display.startsWith('table-cell') && display !== 'ruby';
    if (block) out.push('\n\n');
    else if (display.startsWith('table-cell') || display === 'inline-block') out.push(' ');
    walk(el, style);
    if (block) out.push('\n\n');
    else if (display.startsWith('table-cell') || display === 'inline-block') out.push(' ');
  };

  walk(root, view.getComputedStyle(root));
  return out.join('')
      .replace(/[ \t]+/g, ' ')
      .replace(/ ?\n ?/g, '\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
}
