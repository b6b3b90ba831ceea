// Linked views: one "focus" — a theme or an entity — chosen in any view and shown in all of them.
// A focus is null, {kind: 'theme', id} or {kind: 'entity', name}.

/** True when theme ids `a` and `b` are the same or one is the other's parent. */
export function themesRelated(a, b) {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** Does the focus include the theme with id `themeId`? */
export function focusHasTheme(focus, themeId) {
  return !!focus && focus.kind === 'theme' && themesRelated(focus.id, themeId);
}

/** Does the focus include the entity called `name`? */
export function focusHasEntity(focus, name) {
  return !!focus && focus.kind === 'entity' && focus.name === name;
}

/**
 * Index of the sentence containing offset `at`, or -1. `sentences`: report@2's
 * [start, end, compound(, lexicon)] arrays, sorted by start.
 */
export function sentenceAt(sentences, at) {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [start, end] = sentences[mid];
    if (end <= at) lo = mid + 1;
    else if (start > at) hi = mid - 1;
    else return mid;
  }
  return -1;
}

/** The lexicon that scored sentence `i` ('news', 'finance', 'general'): under `auto` each
 *  sentence's fourth item names its own, with a forced lexicon `tone.lexicon` is every
 *  sentence's (docs/report.md). */
export function sentenceLexicon(report, i) {
  const s = (report.sentences || [])[i];
  return (s && s[3]) || (report.tone && report.tone.lexicon) || 'news';
}

/** The theme ids sentence `i` names (report@2's `sentence_themes`, asked for with
 *  detail: ['sentence_themes']); [] when the report has none. */
export function sentenceThemes(report, i) {
  return (report.sentence_themes && report.sentence_themes[i]) || [];
}

/** Set of sentence indexes that mention the focus (via sentence themes and the mentions). */
export function sentencesInFocus(report, focus) {
  const hits = new Set();
  if (!focus) return hits;
  const sentences = report.sentences || [];
  if (focus.kind === 'theme') {
    (report.sentence_themes || []).forEach((themes, i) => {
      if (themes.some((t) => themesRelated(focus.id, t))) hits.add(i);
    });
  }
  for (const m of report.mentions || []) {
    const match = focus.kind === 'theme' ? m.kind === 'theme' && themesRelated(focus.id, m.id)
                                         : m.kind === 'entity' && m.name === focus.name;
    if (!match) continue;
    const i = sentenceAt(sentences, m.start);
    if (i >= 0) hits.add(i);
  }
  return hits;
}

/** Words for a focus: 'the theme Diplomacy', 'China'. */
export function describeFocus(report, focus) {
  if (!focus) return 'everything';
  if (focus.kind === 'entity') return focus.name;
  const all = [...(report.top_level || []), ...(report.themes || [])];
  const theme = all.find((t) => t.id === focus.id);
  return `the theme ${theme ? theme.label : focus.id}`;
}
