// The explanation of a highlighted word, shown next to the word itself: on hover, on keyboard
// focus and on a tap. A `title=` tooltip never shows on a touch screen, and the side panel's
// "why" line sits far above the word on a phone; this box is pinned under (or over) the word and
// kept inside the viewport.

import {appendAll, clear, el} from './dom.js';

/** Gap between the word and the box, px. */
const GAP_PX = 6;
/** Room kept between the box and the viewport's edges, px. */
const EDGE_PX = 8;

export class WhyPopover {
  /** `box`: an empty element (index.html's #why-pop), a child of <body>. */
  constructor(box) {
    this.box = box;
    this.mark = null;
    this.pinned = false;  // shown by a tap, a click or focus: stays until dismissed
  }

  /** Shows `mark`'s explanation (its data-why lines) beside it. `pinned`: not hidden on mouseout. */
  show(mark, {pinned = false} = {}) {
    const lines = (mark.dataset.why || '').split('\n').filter(Boolean);
    if (!lines.length) return;
    if (this.mark && this.mark !== mark) this.mark.removeAttribute('aria-describedby');
    this.mark = mark;
    this.pinned = pinned || (this.pinned && this.mark === mark);
    appendAll(clear(this.box), lines.map((line) => el('span', {class: 'why-line', text: line})));
    this.box.hidden = false;
    mark.setAttribute('aria-describedby', this.box.id);
    this.place();
  }

  /** Positions the box under the word, or over it when there is no room below; never off screen. */
  place() {
    const {box, mark} = this;
    if (!mark || box.hidden) return;
    const rects = mark.getClientRects();
    const r = rects.length ? rects[0] : mark.getBoundingClientRect();
    const viewW = document.documentElement.clientWidth;
    const viewH = window.innerHeight;
    box.style.maxWidth = `${Math.max(120, viewW - 2 * EDGE_PX)}px`;
    const w = box.offsetWidth;
    const h = box.offsetHeight;
    let top = r.bottom + GAP_PX;
    if (top + h > viewH - EDGE_PX && r.top - GAP_PX - h >= EDGE_PX) top = r.top - GAP_PX - h;
    top = Math.max(EDGE_PX, Math.min(top, viewH - EDGE_PX - h));
    const left = Math.max(EDGE_PX, Math.min(r.left, viewW - EDGE_PX - w));
    box.style.left = `${Math.round(left + window.scrollX)}px`;
    box.style.top = `${Math.round(top + window.scrollY)}px`;
  }

  hide() {
    if (this.mark) this.mark.removeAttribute('aria-describedby');
    this.mark = null;
    this.pinned = false;
    this.box.hidden = true;
  }
}
