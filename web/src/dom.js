// Tiny DOM builder. Text always goes in through Text nodes (append/textContent), never through
// innerHTML, so analysed text can contain any markup and stays text.

/**
 * el('p', {class: 'x', dataset: {testid: 'y'}, onclick: fn}, 'text', childNode)
 * Props: `class`, `text` (textContent), `dataset` (null entries omitted), `on<event>` listeners;
 * anything else is an attribute (true → empty attribute, null/false → omitted).
 */
export function el(tag, props = {}, ...children) {
  return build(document.createElement(tag), props, children);
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Same as el() for SVG elements. */
export function svg(tag, props = {}, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

function build(node, props, children) {
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === 'class') node.setAttribute('class', value);
    else if (key === 'text') node.textContent = value;
    else if (key === 'dataset') {
      for (const [name, v] of Object.entries(value)) if (v != null) node.dataset[name] = v;
    }
    else if (key.startsWith('on') && typeof value === 'function') {
      node.addEventListener(key.slice(2), value);
    } else node.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) node.append(child);  // strings become Text nodes
  }
  return node;
}

/**
 * Appends every node or string of `items` (an array or any iterable) to `node`, and returns
 * `node`. Use this rather than `node.append(...items)` wherever the list comes from the data:
 * a spread passes each item as one argument, and past about 100,000 of them (the mentions of a
 * long article, the repeated paragraphs of a long file) the call throws "Maximum call stack size
 * exceeded".
 */
export function appendAll(node, items) {
  for (const item of items) if (item != null && item !== false) node.append(item);
  return node;
}

/** Removes every child of `node`. */
export function clear(node) {
  node.replaceChildren();
  return node;
}
