// A vector copy of a chart: Chart.js draws it again onto this recorder, which implements the
// part of the Canvas 2D API that Chart.js's bar and line charts use and writes SVG elements
// instead of pixels. The export is Chart.js's own drawing (same layout, ticks, labels), as
// paths and text a graphics desk can edit — not a picture of the canvas.
//
// Not recorded: clipping (the charts draw inside their area anyway), images, shadows, gradients;
// a pattern fill (theme-colours.js) becomes its base colour.

const NS = 'http://www.w3.org/2000/svg';

function num(x) {
  return String(Math.round(x * 100) / 100);
}

/** A CSS colour → [SVG colour, opacity]: rgba() and #rrggbbaa split into colour and opacity. */
export function svgPaint(value) {
  if (value && typeof value === 'object') value = value.$colour || '#000000';  // CanvasPattern
  const s = String(value || 'none').trim();
  let m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,\s/]+([\d.]+%?))?\s*\)$/i.exec(s);
  if (m) {
    let a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
    a = Math.max(0, Math.min(1, a));
    return [`rgb(${Math.round(m[1])}, ${Math.round(m[2])}, ${Math.round(m[3])})`, a];
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})$/i.exec(s);
  if (m) return [`#${m[1]}`, Math.round((parseInt(m[2], 16) / 255) * 1000) / 1000];
  return [s, 1];
}

const FONT = /^(?:(italic|oblique|normal)\s+)?(?:(bold|bolder|lighter|normal|\d{3})\s+)?([\d.]+)px\s+(.+)$/;

/**
 * A recording 2D context of `width`×`height`. `measure` is a real 2D context used for text
 * metrics. Call svgElement() after Chart.js has drawn.
 */
export class SvgContext {
  constructor(width, height, measure) {
    this.canvas = {width, height, style: {}, getContext: () => this};
    this.measurer = measure;
    this.doc = document;
    this.root = this.doc.createElementNS(NS, 'g');
    this.state = {
      m: [1, 0, 0, 1, 0, 0], fillStyle: '#000000', strokeStyle: '#000000', lineWidth: 1,
      font: '10px sans-serif', textAlign: 'start', textBaseline: 'alphabetic', dash: [],
      dashOffset: 0, globalAlpha: 1, lineCap: 'butt', lineJoin: 'miter',
    };
    this.stack = [];
    this.path = '';
  }

  // -- state
  save() { this.stack.push({...this.state, m: [...this.state.m], dash: [...this.state.dash]}); }
  restore() { if (this.stack.length) this.state = this.stack.pop(); }
  get fillStyle() { return this.state.fillStyle; }
  set fillStyle(v) { this.state.fillStyle = v; }
  get strokeStyle() { return this.state.strokeStyle; }
  set strokeStyle(v) { this.state.strokeStyle = v; }
  get lineWidth() { return this.state.lineWidth; }
  set lineWidth(v) { this.state.lineWidth = v; }
  get font() { return this.state.font; }
  set font(v) { this.state.font = v; }
  get textAlign() { return this.state.textAlign; }
  set textAlign(v) { this.state.textAlign = v; }
  get textBaseline() { return this.state.textBaseline; }
  set textBaseline(v) { this.state.textBaseline = v; }
  get globalAlpha() { return this.state.globalAlpha; }
  set globalAlpha(v) { this.state.globalAlpha = v; }
  get lineCap() { return this.state.lineCap; }
  set lineCap(v) { this.state.lineCap = v; }
  get lineJoin() { return this.state.lineJoin; }
  set lineJoin(v) { this.state.lineJoin = v; }
  get lineDashOffset() { return this.state.dashOffset; }
  set lineDashOffset(v) { this.state.dashOffset = v; }
  setLineDash(d) { this.state.dash = [...(d || [])]; }
  getLineDash() { return [...this.state.dash]; }

  // -- transforms: points are transformed as they are recorded
  setTransform(a, b, c, d, e, f) {
    if (typeof a === 'object') ({a, b, c, d, e, f} = a);
    this.state.m = [a, b, c, d, e, f];
  }
  resetTransform() { this.state.m = [1, 0, 0, 1, 0, 0]; }
  getTransform() { const [a, b, c, d, e, f] = this.state.m; return new DOMMatrix([a, b, c, d, e, f]); }
  transform(a, b, c, d, e, f) {
    const [A, B, C, D, E, F] = this.state.m;
    this.state.m = [A * a + C * b, B * a + D * b, A * c + C * d, B * c + D * d,
                    A * e + C * f + E, B * e + D * f + F];
  }
  translate(x, y) { this.transform(1, 0, 0, 1, x, y); }
  scale(x, y) { this.transform(x, 0, 0, y, 0, 0); }
  rotate(t) { this.transform(Math.cos(t), Math.sin(t), -Math.sin(t), Math.cos(t), 0, 0); }
  pt(x, y) {
    const [a, b, c, d, e, f] = this.state.m;
    return [a * x + c * y + e, b * x + d * y + f];
  }
  unit() {
    const [a, b, c, d] = this.state.m;
    return Math.sqrt(Math.abs(a * d - b * c)) || 1;
  }

  // -- paths
  beginPath() { this.path = ''; }
  moveTo(x, y) { const [X, Y] = this.pt(x, y); this.path += `M${num(X)} ${num(Y)}`; }
  lineTo(x, y) { const [X, Y] = this.pt(x, y); this.path += `L${num(X)} ${num(Y)}`; }
  closePath() { this.path += 'Z'; }
  rect(x, y, w, h) {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }
  roundRect(x, y, w, h) { this.rect(x, y, w, h); }
  quadraticCurveTo(cx, cy, x, y) {
    const [X1, Y1] = this.pt(cx, cy);
    const [X, Y] = this.pt(x, y);
    this.path += `Q${num(X1)} ${num(Y1)} ${num(X)} ${num(Y)}`;
  }
  bezierCurveTo(c1x, c1y, c2x, c2y, x, y) {
    const [A, B] = this.pt(c1x, c1y);
    const [C, D] = this.pt(c2x, c2y);
    const [X, Y] = this.pt(x, y);
    this.path += `C${num(A)} ${num(B)} ${num(C)} ${num(D)} ${num(X)} ${num(Y)}`;
  }
  arc(x, y, r, start, end, ccw = false) {
    const full = Math.abs(end - start) >= 2 * Math.PI - 1e-9;
    const at = (t) => this.pt(x + r * Math.cos(t), y + r * Math.sin(t));
    const R = num(r * this.unit());
    const [sx, sy] = at(start);
    this.path += `${this.path ? 'L' : 'M'}${num(sx)} ${num(sy)}`;
    if (full) {
      const [mx, my] = at(start + Math.PI);
      this.path += `A${R} ${R} 0 1 1 ${num(mx)} ${num(my)}A${R} ${R} 0 1 1 ${num(sx)} ${num(sy)}`;
      return;
    }
    let sweep = ccw ? start - end : end - start;
    while (sweep < 0) sweep += 2 * Math.PI;
    const [ex, ey] = at(end);
    this.path += `A${R} ${R} 0 ${sweep > Math.PI ? 1 : 0} ${ccw ? 0 : 1} ${num(ex)} ${num(ey)}`;
  }
  ellipse(x, y, rx, ry, rotation, start, end, ccw) { this.arc(x, y, rx, start, end, ccw); }
  clip() {}
  isPointInPath() { return false; }

  // -- drawing
  emit(tag, attrs) {
    const node = this.doc.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) node.setAttribute(k, v);
    this.root.append(node);
    return node;
  }
  paintAttrs(kind) {
    const [colour, alpha] = svgPaint(kind === 'fill' ? this.state.fillStyle : this.state.strokeStyle);
    const opacity = alpha * this.state.globalAlpha;
    return [colour, opacity < 1 ? num(opacity) : null];
  }
  fill() {
    if (!this.path) return;
    const [fill, opacity] = this.paintAttrs('fill');
    this.emit('path', {d: this.path, fill, 'fill-opacity': opacity});
  }
  stroke() {
    if (!this.path || !(this.state.lineWidth > 0)) return;
    const [stroke, opacity] = this.paintAttrs('stroke');
    const u = this.unit();
    this.emit('path', {d: this.path, fill: 'none', stroke, 'stroke-opacity': opacity,
                       'stroke-width': num(this.state.lineWidth * u),
                       'stroke-dasharray': this.state.dash.length ? this.state.dash.map((x) => num(x * u)).join(' ') : null,
                       'stroke-linecap': this.state.lineCap !== 'butt' ? this.state.lineCap : null,
                       'stroke-linejoin': this.state.lineJoin !== 'miter' ? this.state.lineJoin : null});
  }
  fillRect(x, y, w, h) {
    const saved = this.path;
    this.beginPath();
    this.rect(x, y, w, h);
    this.fill();
    this.path = saved;
  }
  strokeRect(x, y, w, h) {
    const saved = this.path;
    this.beginPath();
    this.rect(x, y, w, h);
    this.stroke();
    this.path = saved;
  }
  clearRect(x, y, w, h) {
    // Chart.js clears the whole canvas before each draw: start the recording again.
    if (x <= 0 && y <= 0 && w >= this.canvas.width && h >= this.canvas.height) this.root.replaceChildren();
  }
  measureText(text) {
    this.measurer.font = this.state.font;
    return this.measurer.measureText(text);
  }
  fillText(text, x, y) {
    const m = FONT.exec(this.state.font);
    const [fill, opacity] = this.paintAttrs('fill');
    const anchor = {center: 'middle', right: 'end', end: 'end'}[this.state.textAlign] || 'start';
    const baseline = {middle: 'central', top: 'hanging', hanging: 'hanging', bottom: 'text-after-edge',
                      ideographic: 'ideographic'}[this.state.textBaseline] || null;
    const [a, b, c, d, e, f] = this.state.m;
    const node = this.emit('text', {
      x: num(x), y: num(y), transform: `matrix(${[a, b, c, d, e, f].map(num).join(' ')})`,
      fill, 'fill-opacity': opacity, 'text-anchor': anchor, 'dominant-baseline': baseline,
      'font-family': m ? m[4] : null, 'font-size': m ? m[3] : null,
      'font-weight': m && m[2] && m[2] !== 'normal' ? m[2] : null,
      'font-style': m && m[1] && m[1] !== 'normal' ? m[1] : null,
    });
    node.textContent = String(text);
  }
  strokeText() {}
  drawImage() {}
  createPattern() { return null; }
  createLinearGradient() { return {addColorStop() {}}; }
}

/** An <svg> of `width`×`height` holding `children`. */
export function svgElement(width, height, children) {
  const svg = document.createElementNS(NS, 'svg');
  svg.setAttribute('xmlns', NS);
  svg.setAttribute('width', num(width));
  svg.setAttribute('height', num(height));
  svg.setAttribute('viewBox', `0 0 ${num(width)} ${num(height)}`);
  for (const child of children) svg.append(child);
  return svg;
}

export {NS as SVG_NS};
