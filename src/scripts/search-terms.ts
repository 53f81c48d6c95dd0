/** What the search page asks Pagefind for, given what the reader typed. */

/**
 * Words nearly every abstract has. Pagefind keeps every word of every page, so the index chunk of
 * one of these holds most of the site (90 KB at 10,000 papers for "of"), and a query's results must
 * have all its words anyway (leaving "of" out of "mixture of experts" finds the same papers); they
 * are left out of a query that has other words.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'and',
  'are',
  'as',
  'at',
  'be',
  'by',
  'for',
  'from',
  'in',
  'into',
  'is',
  'it',
  'of',
  'on',
  'or',
  'that',
  'the',
  'this',
  'to',
  'we',
  'with',
]);

/**
 * Hyphens and dashes between word characters read as spaces: "Mixture-of-Experts" and "mixture of
 * experts" are one query. (Pagefind indexes a hyphenated word both whole and as its parts, so the
 * parts find every spelling, while the whole word finds only the hyphenated one.)
 */
function spaceHyphens(text: string): string {
  return text.replace(/(?<=[\p{L}\p{N}])[-‐‑–—](?=[\p{L}\p{N}])/gu, ' ');
}

/** A query in double quotes (straight or curly) is a phrase: its words, in order, hyphens as spaces. */
export function quotedPhrase(query: string): string | null {
  const match = /^\s*["“”](.+?)["“”]\s*$/.exec(query);
  return match ? spaceHyphens(match[1]!).split(/\s+/).filter(Boolean).join(' ') : null;
}

export function searchTerms(query: string): string {
  const phrase = quotedPhrase(query);
  const words = spaceHyphens(phrase ?? query)
    .split(/\s+/)
    .filter(Boolean);
  const kept = words.filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  return (kept.length > 0 ? kept : words).join(' ');
}
