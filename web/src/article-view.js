// The article with its explanations: every theme term, sentiment word and named entity the
// report counted is a focusable <mark> whose data-why says why (main.js shows it beside the
// word). Sentences are spans, so the tone chart can jump to one. Offsets are the report's UTF-16
// code units, i.e. JS string indices.
//
// Highlights can nest (a sentiment word inside a theme phrase) and, rarely, cross; crossing ones
// are split at the boundary so the result is always a tree. Everything is built with Text nodes.

import {clear, el} from './dom.js';
import {focusHasEntity, focusHasTheme} from './focus.js';
import {signed} from './format.js';
import {ruleWords, themePath} from './glossary.js';
import {themeClass} from './theme-colours.js';

const KIND_ORDER = {sentence: 0, marks: 1};

/** Characters per chunk of the article view (about three screens of text). */
const CHUNK_CHARS = 12_000;
/** Main-thread time spent building chunks before yielding (under one 60 Hz frame). */
const SLICE_MS = 12;

/** Why a mention counts, in plain words. `themeById` maps theme ids to report themes. */
export function explain(mention, themeById) {
  if (mention.kind === 'theme') return `Theme: ${themePath(themeById, mention.id)}`;
  if (mention.kind === 'sentiment') {
    const sign = mention.valence > 0 ? 'Positive' : mention.valence < 0 ? 'Negative' : 'Neutral';
    let why = `${sign} word, weight ${signed(mention.valence, 2)} on a scale of −4 to +4`;
    const detail = [];
    if (typeof mention.base === 'number' && mention.base !== mention.valence) {
      detail.push(`${signed(mention.base, 2)} in the lexicon`);
    }
    for (const rule of mention.rules || []) detail.push(ruleWords(rule));
    if (detail.length) why += ` (${detail.join('; ')})`;
    return why;
  }
  if (mention.kind === 'entity') return `Names: ${mention.name}`;
  return mention.kind;
}

function ranges(text, report) {
  const n = text.length;
  const valid = (a) => Number.isInteger(a.start) && Number.isInteger(a.end) &&
                       a.start >= 0 && a.end <= n && a.start < a.end;
  const items = [];
  (report.sentences || []).forEach(([start, end], index) => {
    if (valid({start, end})) items.push({start, end, kind: 'sentence', index});
  });
  const groups = new Map();
  for (const m of report.mentions || []) {
    if (!valid(m)) continue;
    const key = `${m.start}:${m.end}`;
    if (!groups.has(key)) groups.set(key, {start: m.start, end: m.end, kind: 'marks', mentions: []});
    groups.get(key).mentions.push(m);
  }
  for (const group of groups.values()) items.push(group);  // no push(...): a long article has
  // more mentions than a call can take arguments (a 5 MB article: ~600,000)
  return items;
}

function before(a, b) {
  return a.start - b.start || b.end - a.end || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

/** Sorted ranges → tree of {start, end, kind, children}, splitting ranges that cross. */
function nest(text, items) {
  const queue = items.sort(before);
  const root = {start: 0, end: text.length, kind: 'root', children: []};
  const stack = [root];
  for (let i = 0; i < queue.length; i++) {
    let item = queue[i];
    while (stack.length > 1 && stack[stack.length - 1].end <= item.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (item.end > parent.end) {
      const rest = {...item, start: parent.end, children: undefined};
      item = {...item, end: parent.end};
      let j = i + 1;  // keep the queue sorted
      while (j < queue.length && before(queue[j], rest) <= 0) j++;
      queue.splice(j, 0, rest);
    }
    const node = {...item, children: []};
    parent.children.push(node);
    stack.push(node);
  }
  return root;
}

/**
 * Renders `text` with the highlights of `report` into `container`; theme highlights take each
 * theme's own colour (theme-colours.js). Returns {sentenceNodes, done}: the first span of each
 * sentence by sentence index (filled in as chunks are built), and a promise that resolves to true
 * once the whole article is built, or false if `isCurrent()` turned false on the way.
 */
export function renderArticle(container, text, report,
                              {isCurrent = () => true, chunkChars = CHUNK_CHARS} = {}) {
  const themeById = new Map();
  for (const t of [...(report.top_level || []), ...(report.themes || [])]) themeById.set(t.id, t);
  const sentenceNodes = [];

  const nodeFor = (item) => {
    if (item.kind === 'sentence') {
      const span = el('span', {class: 'sentence', dataset: {sentence: String(item.index)}});
      if (!sentenceNodes[item.index]) {
        span.id = `sentence-${item.index + 1}`;
        sentenceNodes[item.index] = span;
      }
      return span;
    }
    const classes = ['hl'];
    const why = [];
    const themeIds = [];
    const names = [];
    for (const m of item.mentions) {
      why.push(explain(m, themeById));
      if (m.kind === 'theme') {
        // The theme's own colour, also for a weak theme the report leaves out of top_level.
        classes.push('hl-theme', themeClass(m.id));
        themeIds.push(m.id);
      } else if (m.kind === 'sentiment') {
        classes.push(m.valence > 0 ? 'hl-pos' : m.valence < 0 ? 'hl-neg' : 'hl-neu');
      } else if (m.kind === 'entity') {
        classes.push('hl-entity');
        names.push(m.name);
      }
    }
    // No title=: it never shows on touch; main.js shows data-why beside the word instead.
    return el('mark', {class: [...new Set(classes)].join(' '), tabindex: 0,
                       dataset: {why: why.join('\n'), themes: themeIds.length ? themeIds.join(' ') : null,
                                 entities: names.length ? names.join('|') : null}});
  };

  const render = (node, parentEl) => {
    let pos = node.start;
    for (const child of node.children) {
      if (child.start > pos) parentEl.append(text.slice(pos, child.start));
      const childEl = nodeFor(child);
      render(child, childEl);
      parentEl.append(childEl);
      pos = child.end;
    }
    if (node.end > pos) parentEl.append(text.slice(pos, node.end));
  };

  // Long articles are cut into chunks at paragraph breaks. The first is built at once and the
  // rest one per task, so the page keeps responding; `content-visibility: auto` (styles.css) lets
  // the browser skip laying out chunks that are off screen.
  const chunks = chunk(text, nest(text, ranges(text, report)), chunkChars);
  clear(container);
  const build = (c) => {
    const div = el('div', {class: 'article-chunk'});
    // Room the chunk takes before it is first laid out: ~90 characters a line, 1.75 rem lines.
    div.style.containIntrinsicSize = `auto ${Math.round(((c.end - c.start) / 90) * 28)}px`;
    render(c, div);
    container.append(div);
  };
  build(chunks[0]);
  const done = (async () => {
    let next = 1;
    while (next < chunks.length) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (!isCurrent()) return false;
      const t0 = performance.now();
      do build(chunks[next++]);
      while (next < chunks.length && performance.now() - t0 < SLICE_MS);
    }
    return true;
  })();
  return {sentenceNodes, done};
}

/**
 * Splits the tree's top-level nodes into chunks of at least `size` characters, ending each at a
 * paragraph break (a blank line between two top-level nodes) so chunks stack as blocks without
 * changing how the text reads. The break's text stays at the end of the earlier chunk.
 */
function chunk(text, root, size) {
  const chunks = [];
  let current = {start: 0, children: []};
  let pos = 0;
  for (const child of root.children) {
    if (current.children.length && child.start - current.start >= size &&
        /\n[ \t]*\n/.test(text.slice(pos, child.start))) {
      current.end = child.start;
      chunks.push(current);
      current = {start: child.start, children: []};
    }
    current.children.push(child);
    pos = child.end;
  }
  current.end = text.length;
  chunks.push(current);
  return chunks;
}

/** Scrolls to sentence `index` (0-based), marks it current and moves focus there. */
export function showSentence(container, sentenceNodes, index) {
  for (const old of container.querySelectorAll('.sentence.is-current')) {
    old.classList.remove('is-current');
  }
  const node = sentenceNodes[index];
  if (!node) return;
  for (const part of container.querySelectorAll(`.sentence[data-sentence="${index}"]`)) {
    part.classList.add('is-current');
  }
  node.tabIndex = -1;
  node.scrollIntoView({block: 'center', behavior: 'smooth'});
  node.focus({preventScroll: true});
}

/**
 * Linked views: marks the highlights of `focus` (a theme, with its sub-themes, or an entity) and
 * fades the others; null shows all. Returns the first highlight in focus, if any.
 */
export function setArticleFocus(container, focus) {
  container.classList.toggle('has-focus', !!focus);
  let first = null;
  for (const mark of container.querySelectorAll('mark.hl')) {
    const themes = mark.dataset.themes ? mark.dataset.themes.split(' ') : [];
    const names = mark.dataset.entities ? mark.dataset.entities.split('|') : [];
    const on = !!focus && (themes.some((t) => focusHasTheme(focus, t)) ||
                           names.some((n) => focusHasEntity(focus, n)));
    mark.classList.toggle('is-focus', on);
    if (on && !first) first = mark;
  }
  return first;
}
