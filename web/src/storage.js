// Remembers the last article and the settings (lexicon, boilerplate choice, custom dictionaries)
// in this browser's localStorage, so reopening the page (also from file://) shows the last
// analysis. Nothing leaves the machine; "Forget" clears
// it and stops saving until the reader saves again by analysing with remembering turned back on.

const KEY = 'newslens:last@1';
const OPT_OUT = 'newslens:remember@1';
const DICTIONARIES = 'newslens:dictionaries@1';

/** Bigger texts are not kept (localStorage holds ~5 MB per origin, in UTF-16). */
const MAX_SAVED_CHARS = 1_000_000;

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
    s.setItem(OPT_OUT, 'off');
  }
}

/** {text, tone, exclude} or null. */
export function loadLast() {
  const s = store();
  if (!s || !remembering()) return null;
  try {
    const saved = JSON.parse(s.getItem(KEY) || 'null');
    return saved && typeof saved.text === 'string' ? saved : null;
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
    return true;
  } catch {
    return false;  // quota exceeded
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
