// Plain words for what the report names by id: tone rules, dictionary patterns, theme paths.
// The page's "How newslens reads an article" panel (index.html) says the same at length.

/** What each tone rule (report mention `rules`, docs/tone.md) did to a word, in words. */
export const RULE_WORDS = {
  'idiom': 'part of a set phrase',
  'emoticon': 'an emoticon',
  'caps': 'stressed in capitals',
  'boosted': 'strengthened by a word such as “very”',
  'dampened': 'softened by a word such as “slightly”',
  'negated': 'turned around by a negation such as “not”',
  'reversed': 'turned around by a word of decrease (“reduce the risk”)',
  'directed': 'its sign follows what changes (“costs rose”)',
  'negativity': 'negative words weigh 1.5 times as much (readers weigh bad news more)',
  'contrast-weak': 'before “but”, so it counts less',
  'contrast-strong': 'after “but”, so it counts more',
};

export function ruleWords(rule) {
  return RULE_WORDS[rule] || rule;
}

/** A dictionary term as a reader reads it: "legislat*" → "legislat…" (any word starting so). */
export function termWords(term) {
  return term.endsWith('*') ? `${term.slice(0, -1)}…` : term;
}

/** "Politics › Diplomacy" for a sub-theme, "Politics" for a top-level theme. */
export function themePath(themeById, id) {
  const t = themeById.get(id);
  const label = t ? t.label : id;
  const parentId = t && t.parent ? t.parent : id.includes('.') ? id.split('.')[0] : null;
  if (!parentId || parentId === id) return label;
  const parent = themeById.get(parentId);
  return `${parent ? parent.label : parentId} › ${label}`;
}
