// Turns an opened file into article text. HTML is parsed with DOMParser into an inert document
// (no browsing context: scripts never run, images and styles never load), after its event
// handlers, style attributes and <style>/<script> elements are taken out of the source
// (web/src/inert-html.js: otherwise the CSP reports each as a violation), reduced to the
// article with @mozilla/readability, and walked as text; nothing from the file is ever inserted
// into the page as HTML.

import {Readability} from '@mozilla/readability';

import {readTextFile} from './binary-file.js';
import {withoutActiveMarkup} from './inert-html.js';

/** Elements whose content is never article text. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT',
                      'EMBED', 'CANVAS', 'BUTTON', 'SELECT', 'TEXTAREA', 'NAV', 'FORM']);
/** Elements that start a new paragraph. */
const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'MAIN', 'ASIDE',
                       'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'DL',
                       'DT', 'DD', 'TABLE', 'TR', 'FIGURE', 'FIGCAPTION', 'HR', 'ADDRESS']);

/**
 * Reads a File and returns {text, kind: 'text' | 'markdown' | 'html' | 'json', title?}. Throws
 * BinaryFileError, saying what the file is, for a PNG, a PDF or any other file that is not text.
 */
export async function readArticleFile(file) {
  const raw = await readTextFile(file);
  const name = file.name.toLowerCase();
  if (/\.(html?|xhtml)$/.test(name) || file.type === 'text/html') {
    return {kind: 'html', ...htmlToArticle(raw)};
  }
  if (/\.json$/.test(name) || file.type === 'application/json') {
    return {kind: 'json', ...jsonToArticle(raw)};
  }
  if (/\.(md|markdown)$/.test(name) || file.type === 'text/markdown') {
    return {kind: 'markdown', text: markdownToText(raw)};
  }
  return {kind: 'text', text: normaliseNewlines(raw)};
}

function normaliseNewlines(s) {
  return s.replace(/\r\n?/g, '\n');
}

/** HTML source → {title, text}: the readable article, paragraphs separated by blank lines. */
export function htmlToArticle(html) {
  const doc = new DOMParser().parseFromString(withoutActiveMarkup(html), 'text/html');
  const fallback = doc.body ? doc.body.cloneNode(true) : null;
  let article = null;
  try {
    article = new Readability(doc, {serializer: (node) => node}).parse();
  } catch {
    article = null;
  }
  const root = (article && article.content) || fallback;
  let text = root ? blockText(root) : '';
  const title = (article && article.title ? article.title : doc.title || '').trim();
  if (title && !text.startsWith(title)) text = `${title}\n\n${text}`;
  return {title, text};
}

/** Text of `root` with a blank line between blocks and "- " before list items. */
export function blockText(root) {
  const out = [];
  const walk = (node) => {
    if (node.nodeType === 3) {
      out.push(node.data.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = node.tagName.toUpperCase();
    if (SKIP.has(tag)) return;
    if (tag === 'BR') {
      out.push('\n');
      return;
    }
    const block = BLOCK.has(tag);
    if (block) out.push('\n\n');
    if (tag === 'LI') out.push('\n- ');
    if (tag === 'TD' || tag === 'TH') out.push(' ');
    for (const child of node.childNodes) walk(child);
    if (block) out.push('\n\n');
  };
  walk(root);
  return out.join('')
      .split('\n').map((line) => line.trim()).join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
}

/** Markdown → plain text: drops markup, keeps words, paragraphs and "- " bullets. */
export function markdownToText(md) {
  return normaliseNewlines(md)
      .replace(/^```[^\n]*$/gm, '')                    // code fences
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')        // images → alt text
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')         // links → link text
      .replace(/^[ \t]{0,3}#{1,6}[ \t]+/gm, '')         // ATX headings
      .replace(/^[ \t]{0,3}>[ \t]?/gm, '')             // block quotes
      .replace(/^[ \t]*[*+][ \t]+/gm, '- ')            // bullets → dash bullets
      .replace(/^[ \t]*(?:[-*_][ \t]*){3,}$/gm, '')    // thematic breaks
      .replace(/(\*\*|__)(.+?)\1/g, '$2')              // strong
      .replace(/(^|[^\w*])[*_]([^*_\n]+)[*_](?=[^\w*]|$)/g, '$1$2')  // emphasis
      .replace(/`([^`]+)`/g, '$1')                     // inline code
      .replace(/\n{3,}/g, '\n\n')
      .trim();
}

/** Fields that hold an article's text in common JSON exports (ours: {"id", "text"}). */
const TEXT_FIELDS = ['text', 'body', 'content', 'articleBody'];
const TITLE_FIELDS = ['title', 'headline'];

/**
 * JSON → {title, text}: an object with a text field (and optionally a title), or an array whose
 * first such object is taken. Throws an Error saying what was expected otherwise.
 */
export function jsonToArticle(raw) {
  let data;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    throw new Error(`not valid JSON (${err.message})`);
  }
  const item = Array.isArray(data) ? data.find((d) => d && typeof d === 'object') : data;
  if (item && typeof item.schema === 'string' && item.schema.startsWith('newslens/report')) {
    throw new Error('this is a newslens report; open the article it was made from instead');
  }
  const field = item && TEXT_FIELDS.find((f) => typeof item[f] === 'string');
  if (!field) throw new Error(`expected an object with a "${TEXT_FIELDS.join('", "')}" field`);
  const titleField = TITLE_FIELDS.find((f) => typeof item[f] === 'string');
  const title = titleField ? item[titleField].trim() : '';
  let text = normaliseNewlines(item[field]);
  if (/<\/?[a-z][^>]*>/i.test(text) && looksLikeHtml(text)) text = htmlToArticle(text).text;
  if (title && !text.startsWith(title)) text = `${title}\n\n${text}`;
  return {title, text};
}

/** Does pasted or stored text look like HTML source rather than prose that mentions a tag? */
export function looksLikeHtml(text) {
  const head = text.trimStart().slice(0, 1000);
  if (/^<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(head)) return true;
  // A fragment: starts with a block element and has at least three closing block tags.
  return /^<(?:article|main|section|div|p|h[1-6])[\s>]/i.test(head) &&
         (text.match(/<\/(?:p|div|h[1-6]|li|article|section)>/gi) || []).length >= 3;
}
