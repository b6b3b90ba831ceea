// Flags what is not the article: page furniture pasted along with it ("Share", "Related
// Articles", "Back to top") and paragraphs that repeat an earlier one (copy-paste doubles,
// syndication repeats). The page shows what it found and lets the reader leave it out.

// One rule for the page (flags these when text is pasted or opened) and the embed widget (drops
// them from the element's visible text, web/embed/text.js): define it here only.

/** Short lines that are page furniture, not prose (matched whole, case-insensitive). */
const FURNITURE = new RegExp('^(?:' + [
  'share(?: (?:this|on [a-z]+))?(?: article| story| post)?',
  'subscribe(?: now| to [a-z ]+)?',
  'sign up(?: for [a-z ]+)?',
  'related(?: articles| stories| posts| content| news| topics)?',
  'read (?:more|next|also)(?:[:\\s].*)?',
  'more from [a-z ]+',
  'recommended(?: for you| stories)?',
  'leave a (?:reply|comment)',
  '\\d* ?comments?(?: \\(\\d+\\))?',
  'reply', 'report(?: this comment)?', '\\d+ (?:likes?|replies|recommendations?)',
  'back to top(?: button)?',
  'advertisement', 'sponsored(?: content)?',
  'follow us(?: on [a-z, ]+)?',
  '(?:print|email|tweet|whatsapp|facebook|twitter|linkedin)(?: this)?',
  'click here.*', 'skip to (?:content|main content)', 'cookie (?:settings|policy)',
].join('|') + ')[.:!]?$', 'i');

/**
 * A tag line under a story: "Topics: Climate crisis, Cities, Flooding", "Tags: Trade | China".
 * The label, then a list of short items with no sentence in it.
 */
const TAG_LINE = /^(?:topics?|tags?|tagged(?: with)?|filed under|categor(?:y|ies)|more on(?: this story)?|keywords|subjects?)\s*:\s*([^.!?]{1,200})$/i;
/** Longest item of a tag line, characters. */
const MAX_TAG_CHARS = 40;

/** A comment's (or a byline's) header: "harbourpilot · 2 hours ago", "M. Okafor | 3 days ago". */
const POSTED_LINE = /^.{1,60}?\s*[·•|,–—-]?\s*(?:posted\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago$/i;

/** Furniture lines are short; longer paragraphs are never flagged as furniture. */
const MAX_FURNITURE_CHARS = 60;
/** Tag lines may list many topics, up to this many characters. */
const MAX_TAG_LINE_CHARS = 240;
/** Paragraphs shorter than this may legitimately repeat ("Yes.", a dateline), so never count as duplicates. */
const MIN_DUPLICATE_CHARS = 40;

/** Is this paragraph (trimmed) page furniture rather than article text? */
export function isFurniture(paragraph) {
  const line = paragraph.trim().replace(/\s+/g, ' ');
  if (line.length <= MAX_FURNITURE_CHARS && (FURNITURE.test(line) || POSTED_LINE.test(line))) return true;
  const tags = line.length <= MAX_TAG_LINE_CHARS && TAG_LINE.exec(line);
  return !!tags && tags[1].split(/\s*[,;|·•]\s*/).every((t) => t.length <= MAX_TAG_CHARS);
}

function normalise(paragraph) {
  return paragraph.toLowerCase()
      .replace(/[\u2018\u2019\u201b\u2032]/g, "'").replace(/[\u201c\u201d\u201f\u2033]/g, '"')
      .replace(/[\u2013\u2014]/g, '-').replace(/\s+/g, ' ').trim();
}

/** Paragraphs (split on blank lines) with offsets: [{start, end, text}]. */
export function paragraphs(text) {
  const out = [];
  const re = /[^\n]+(?:\n(?![ \t]*\n)[^\n]*)*/g;  // runs of non-blank lines
  let m;
  while ((m = re.exec(text))) {
    if (m[0].trim()) out.push({start: m.index, end: m.index + m[0].length, text: m[0]});
  }
  return out;
}

/**
 * What to flag in `text`: [{start, end, text, reason: 'furniture' | 'duplicate', of?}], `of` being
 * the 1-based number of the paragraph a duplicate repeats.
 */
export function findBoilerplate(text) {
  const flags = [];
  const seen = new Map();
  paragraphs(text).forEach((p, i) => {
    const trimmed = p.text.trim();
    if (isFurniture(trimmed)) {
      flags.push({...p, reason: 'furniture'});
      return;
    }
    const key = normalise(trimmed);
    if (key.length < MIN_DUPLICATE_CHARS) return;
    if (seen.has(key)) flags.push({...p, reason: 'duplicate', of: seen.get(key) + 1});
    else seen.set(key, i);
  });
  return flags;
}

/** `text` without the flagged paragraphs (and the blank lines after them). */
export function withoutFlagged(text, flags) {
  let out = '';
  let pos = 0;
  for (const f of [...flags].sort((a, b) => a.start - b.start)) {
    out += text.slice(pos, f.start);
    pos = f.end;
    while (pos < text.length && /\s/.test(text[pos])) pos++;
  }
  out += text.slice(pos);
  return out.replace(/\s+$/, '\n');
}
