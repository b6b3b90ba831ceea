// Remembers the last article and the settings (lexicon, boilerplate choice, custom dictionaries)
// in this browser's localStorage, so reopening the page (also from file://) shows the last
// analysis; and a draft of the text box as it is typed or pasted into, so a reload (or a crash of
// the tab) never loses text that was not analysed yet. Nothing leaves the machine; "Forget"
// clears it all and stops saving until the reader turns remembering back on.

const KEY = 'newslens:last@1';
const OPT_OUT = 'newslens:remember@1';
const DICTIONARIES = 'newslens:dictionaries@1';
const DRAFT = 'newslens:draft@1';
const SCHEME = 'newslens:scheme@1';
const SCHEMES = ['system', 'light', 'dark'];

/** Bigger texts are not kept (localStorage holds ~5 MB per origin, in UTF-16). */
const MAX_SAVED_CHARS = 1_000_000;
/** Bigger drafts are not kept: the same bound, so the draft and the last article (and the
 *  dictionaries) fit in the origin's quota together. */
export const MAX_DRAFT_CHARS = MAX_SAVED_CHARS;

/** The text of the last article saved (or loaded): a draft equal to it is not stored twice. */
let lastText = null;

function store() {
  try {
    return window.localStorage;
  } catch {
    return null;  // storage disabled by the browser's settings
  }
}

export function remembering() {
  const s = store();
  return !!s && s.getItem(OPT_OUT) !== 'off';
}

export function setRemembering(on) {
  const s = store();
  if (!s) return;
  if (on) s.removeItem(OPT_OUT);
  else {
    s.removeItem(KEY);
    s.removeItem(DICTIONARIES);
    s.removeItem(DRAFT);
    s.removeItem(SCHEME);
    s.setItem(OPT_OUT, 'off');
    lastText = null;
  }
}

/** {text, tone, exclude} or null. */
export function loadLast() {
  const s = store();
  if (!s || !remembering()) return null;
  try {
    const saved = JSON.parse(s.getItem(KEY) || 'null');
    if (!saved || typeof saved.text !== 'string') return null;
    lastText = saved.text;
    return saved;
  } catch {
    return null;
  }
}

/** Saves {text, tone, exclude}; returns false when not kept (opted out, too big, full). */
export function saveLast(entry) {
  const s = store();
  if (!s || !remembering() || entry.text.length > MAX_SAVED_CHARS) return false;
  try {
    s.setItem(KEY, JSON.stringify(entry));
    lastText = entry.text;
    if (s.getItem(DRAFT) !== null && loadDraft() === entry.text) s.removeItem(DRAFT);
    return true;
  } catch {
    return false;  // quota exceeded
  }
}

/** The colours chosen with the page's switch: 'system' (the default), 'light' or 'dark'. */
export function loadScheme() {
  const s = store();
  const saved = s && remembering() ? s.getItem(SCHEME) : null;
  return SCHEMES.includes(saved) ? saved : 'system';
}

export function saveScheme(scheme) {
  const s = store();
  if (!s || !remembering()) return;
  try {
    if (scheme === 'system') s.removeItem(SCHEME);
    else s.setItem(SCHEME, scheme);
  } catch {
    // quota exceeded: the choice holds for this visit
  }
}

/** Forgets the last article (its results were cleared from the page). */
export function forgetLast() {
  const s = store();
  if (s) s.removeItem(KEY);
  lastText = null;
}

/**
 * The text box as it was left, or null: none saved, or the same as the last article's text (then
 * the last article is the draft).
 */
export function loadDraft() {
  const s = store();
  if (!s || !remembering()) return null;
  try {
    const saved = JSON.parse(s.getItem(DRAFT) || 'null');
    return saved && typeof saved.text === 'string' ? saved.text : null;
  } catch {
    return null;
  }
}

/**
 * Keeps `text` as the draft of the text box. Returns 'saved'; 'same' (it is the last article's
 * text, kept already, or empty: nothing stored); 'off' (remembering is off, or storage disabled);
 * 'too-big' (over MAX_DRAFT_CHARS: not kept, and an older draft is dropped so a reload does not
 * bring back stale text); 'full' (the browser's quota is exhausted).
 */
export function saveDraft(text) {
  const s = store();
  if (!s || !remembering()) return 'off';
  if (!text.trim() || text === lastText) {
    s.removeItem(DRAFT);
    return 'same';
  }
  if (text.length > MAX_DRAFT_CHARS) {
    s.removeItem(DRAFT);
    return 'too-big';
  }
  try {
    s.setItem(DRAFT, JSON.stringify({text}));
    return 'saved';
  } catch {
    s.removeItem(DRAFT);
    return 'full';
  }
}

/** Custom dictionaries in use, [{name, text}] (a setting like the lexicon), or [] . */
export function loadDictionaries() {
  const s = store();
  if (!s || !remembering()) return [];
  try {
    const saved = JSON.parse(s.getItem(DICTIONARIES) || '[]');
    return Array.isArray(saved) ? saved.filter((d) => d && typeof d.name === 'string' &&
                                                      typeof d.text === 'string') : [];
  } catch {
    return [];
  }
}

/** Saves the custom dictionaries (none: forgets them); false when not kept (opted out, too big). */
export function saveDictionaries(dictionaries) {
  const s = store();
  if (!s || !remembering()) return false;
  if (!dictionaries.length) {
    s.removeItem(DICTIONARIES);
    return true;
  }
  if (dictionaries.reduce((n, d) => n + d.text.length, 0) > MAX_SAVED_CHARS) return false;
  try {
    s.setItem(DICTIONARIES, JSON.stringify(dictionaries));
    return true;
  } catch {
    return false;
  }
}
