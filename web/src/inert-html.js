// Takes out of an HTML file, before the browser parses it, what the page's CSP would refuse: event
// handler attributes (onload="", onerror=""), style attributes, and <style> and <script>
// elements. DOMParser's document never runs or applies any of them, but Chromium checks each
// against the page's Content-Security-Policy while it parses and reports every one as a
// violation (a saved news page gave 35), which says "something tried to run" when nothing did.
// Nothing of this is article text, so nothing is lost.
//
// A small tokenizer following the HTML standard's tokenization of tags and attributes (quoted
// values may hold '>', attribute names may follow a quoted value with no space, '/' separates
// like a space); comments, doctypes and end tags are copied; the text of <textarea>, <title>,
// <xmp>, <iframe>, <noembed> and <noframes> is copied as the parser reads it, as text.

/** Elements whose content the parser reads as text up to their end tag. */
const RAW_TEXT = new Set(['textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes']);
/** Elements left out, content and all. */
const DROPPED = new Set(['style', 'script']);
const SPACE = /[\t\n\f\r ]/;

/** Is this attribute one the CSP would check (and refuse) when the parser creates it? */
function active(name) {
  const n = name.toLowerCase();
  return n.startsWith('on') || n === 'style';
}

/** Index of the end tag `</name` (any case) in `html` at or after `from`, or the text's length. */
function endTag(html, name, from) {
  const re = new RegExp(`</${name}(?=[\\t\\n\\f\\r />]|$)`, 'gi');
  re.lastIndex = from;
  const m = re.exec(html);
  return m ? m.index : html.length;
}

/** `html` without event handlers, style attributes, <style> and <script>; otherwise as given. */
export function withoutActiveMarkup(html) {
  const out = [];
  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      out.push(html.slice(i));
      break;
    }
    out.push(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {  // a comment, to '-->'
      const end = html.indexOf('-->', i + 4);
      const stop = end < 0 ? n : end + 3;
      out.push(html.slice(i, stop));
      i = stop;
      continue;
    }
    const next = html[i + 1];
    if (next === '!' || next === '?' || next === '/') {  // doctype, bogus comment, end tag: to '>'
      const end = html.indexOf('>', i + 1);
      const stop = end < 0 ? n : end + 1;
      out.push(html.slice(i, stop));
      i = stop;
      continue;
    }
    if (!next || !/[A-Za-z]/.test(next)) {  // a '<' that starts no tag is text
      out.push('<');
      i += 1;
      continue;
    }
    // A start tag: its name, then attributes up to '>'.
    let j = i + 1;
    while (j < n && !SPACE.test(html[j]) && html[j] !== '/' && html[j] !== '>') j++;
    const name = html.slice(i + 1, j).toLowerCase();
    const kept = [];
    let selfClosing = false;
    while (j < n && html[j] !== '>') {
      if (SPACE.test(html[j]) || html[j] === '/') {
        selfClosing = html[j] === '/';
        j++;
        continue;
      }
      selfClosing = false;
      const start = j;
      j++;  // an attribute name may start with '='
      while (j < n && !SPACE.test(html[j]) && html[j] !== '/' && html[j] !== '>' && html[j] !== '=') j++;
      const attr = html.slice(start, j);
      let k = j;
      while (k < n && SPACE.test(html[k])) k++;
      let value = null;
      if (html[k] === '=') {
        k++;
        while (k < n && SPACE.test(html[k])) k++;
        const quote = html[k];
        if (quote === '"' || quote === '\'') {
          const close = html.indexOf(quote, k + 1);
          const stop = close < 0 ? n : close;
          value = html.slice(k + 1, stop);
          j = Math.min(n, stop + 1);
        } else {
          let e = k;
          while (e < n && !SPACE.test(html[e]) && html[e] !== '>') e++;
          value = html.slice(k, e);
          j = e;
        }
      }
      if (!active(attr)) kept.push(value === null ? attr : `${attr}="${value.replace(/"/g, '&quot;')}"`);
    }
    i = Math.min(n, j + 1);
    if (DROPPED.has(name)) {
      const end = endTag(html, name, i);
      const close = html.indexOf('>', end);
      i = end >= n ? n : close < 0 ? n : close + 1;
      continue;
    }
    out.push(`<${name}${kept.map((a) => ` ${a}`).join('')}${selfClosing ? '/' : ''}>`);
    if (RAW_TEXT.has(name)) {
      const end = endTag(html, name, i);
      out.push(html.slice(i, end));
      i = end;
    }
  }
  return out.join('');
}
