/** What the search page asks Pagefind for, given what the reader typed. */

/**
 * Words nearly every abstract has. Pagefind keeps every word of every page, so the index chunk of
 * one of these holds most of the site (90 KB at 10,000 papers for "of"), and a query's results must
 * have all its words anyway (leaving "of" out of "mixture of experts" finds the same papers); they
 * are left out of a query that has other words.
 */
const STOP_WORDS = new Set(['a', 'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'in', 'into', 'is', 'it', 'of', 'on', 'or', 'that', 'the', 'this', 'to', 'we', 'with']);

export function searchTerms(query: string): string {
  // A quoted query is an exact phrase for Pagefind: kept as typed.
  if (/^\s*".+"\s*$/.test(query)) return query;
  const words = query.split(/\s+/).filter(Boolean);
  const kept = words.filter((word) => !STOP_WORDS.has(word.toLowerCase()));
  return (kept.length > 0 ? kept : words).join(' ');
}
