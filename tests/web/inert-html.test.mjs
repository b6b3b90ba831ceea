// web/src/inert-html.js in node: what is taken out of an HTML file before DOMParser reads it
// (event handlers, style attributes, <style> and <script>), and that everything else is kept.
// The page-level check (a saved news page opened raises no CSP violation) is in limits.test.mjs.
//
//   node --test tests/web/inert-html.test.mjs

import assert from 'node:assert/strict';
import {test} from 'node:test';

import {withoutActiveMarkup} from '../../web/src/inert-html.js';

const TABLE = [
  // [what, html in, html out]
  ['handlers and style go, other attributes stay', '<p onclick="share()" class=lede id=\'p1\' style="color:red">Talks resumed.</p>',
   '<p class="lede" id="p1">Talks resumed.</p>'],
  ['a quoted value may hold ">"', '<a title="2 > 1" onmouseover=track() href="/world">World</a>',
   '<a title="2 > 1" href="/world">World</a>'],
  ['a quote of the other kind is kept as an entity', '<a href=\'/q?s="peace"\' onclick=x>q</a>',
   '<a href="/q?s=&quot;peace&quot;">q</a>'],
  ['an attribute right after a quoted value', '<img alt="Port"onerror="pwned()">', '<img alt="Port">'],
  ['"/" separates attributes (but not inside an unquoted value)', '<p/onclick=x class=a/title=t>text', '<p class="a/title=t">text'],
  ['names in any case', '<BODY ONLOAD="go()" Style="margin:0"><P>Hi', '<body><p>Hi'],
  ['a style attribute with no value', '<div style>x</div>', '<div>x</div>'],
  ['<style> and <script> go with their content', '<STYLE>p{color:red}</style >A<script>document.write("<p onclick=x>")</SCRIPT>B',
   'AB'],
  ['<style> inside <svg>', '<svg onload=x><style>.a{}</style><circle r="1"/></svg>', '<svg><circle r="1"/></svg>'],
  ['the text of <title> and <textarea> is text to the parser, copied as it is',
   '<title>Ports <b onclick=x> reopen</title><textarea><i style=x></textarea>',
   '<title>Ports <b onclick=x> reopen</title><textarea><i style=x></textarea>'],
  ['comments, doctypes and end tags are copied', '<!doctype html><!-- <p onclick=x> --><p>a</p  >', '<!doctype html><!-- <p onclick=x> --><p>a</p  >'],
  ['a "<" that starts no tag is text', 'profits < costs, 3<4 and a <= b', 'profits < costs, 3<4 and a <= b'],
  ['a tag cut off by the end of the file', '<p>End<img src=x onerror="pwned()', '<p>End<img src="x">'],
  ['an attribute name that starts with "="', '<p =x onmouseover=y>z', '<p =x>z'],
  ['non-ASCII text around tags', '<p>İstanbul — 東京</p><P ONCLICK=x>Ünal</P>', '<p>İstanbul — 東京</p><p>Ünal</P>'],
];

for (const [what, html, want] of TABLE) {
  test(what, () => assert.equal(withoutActiveMarkup(html), want));
}

test('a long file is one pass: 200,000 tags', () => {
  const html = '<p onclick="x" class="c">word</p>'.repeat(200_000);
  const out = withoutActiveMarkup(html);
  assert.equal(out, '<p class="c">word</p>'.repeat(200_000));
});
