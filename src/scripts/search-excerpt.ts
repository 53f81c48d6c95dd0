/**
 * A result's excerpt, taken from its abstract: the title is the result's heading already, so
 * Pagefind's own excerpt (which starts wherever the best matches are, often in the title, and runs
 * on through "Abstract.") is not used. The words come from the page's indexed text, split as
 * Pagefind splits it, so that its match locations (word numbers) point at them.
 */

/** Pagefind's word separators, as it splits the content to number words. */
const WORD_SEPARATORS = /[^\S\uFEFF]+/;
/** The heading before the abstract, as it reads in the indexed text. */
const ABSTRACT_HEADING = 'Abstract.';
const EXCERPT_WORDS = 30;

export interface ExcerptWord {
  text: string;
  marked: boolean;
}

/**
 * Up to `length` words of the abstract: the window that holds the most matched words (starting a
 * few words before the first of them), or the abstract's opening when the matches are all
 * elsewhere (title, organisation, topics).
 */
export function abstractExcerpt(content: string, locations: readonly number[], length = EXCERPT_WORDS): ExcerptWord[] {
  const words = content.split(WORD_SEPARATORS).filter((word, at) => word !== '' || at > 0);
  const heading = words.indexOf(ABSTRACT_HEADING, 1);
  const start = heading >= 0 ? heading + 1 : 0;
  let end = words.length;
  // The "Links" heading follows the abstract on pages with links.
  if (heading >= 0 && words[end - 1] === 'Links.') end -= 1;
  const matched = new Set(locations.filter((at) => at >= start && at < end));
  let from = start;
  let best = 0;
  for (const at of [...matched].sort((a, b) => a - b)) {
    const candidate = Math.max(start, Math.min(at - 3, end - length));
    let count = 0;
    for (const other of matched) if (other >= candidate && other < candidate + length) count += 1;
    if (count > best) [best, from] = [count, candidate];
  }
  return words
    .slice(from, Math.min(end, from + length))
    .map((text, offset) => ({ text, marked: matched.has(from + offset) }));
}

/**
 * The title in pieces, the words Pagefind matched in it marked: the indexed text starts with the
 * title's words, and a word is marked only where that text has the same word (a title with math
 * reads differently there, and is then left unmarked after the first difference).
 */
export function titleWords(title: string, content: string, locations: readonly number[]): ExcerptWord[] {
  const words = content.split(WORD_SEPARATORS);
  const matched = new Set(locations);
  const pieces: ExcerptWord[] = [];
  let at = 0;
  let same = true;
  for (const piece of title.split(/(\s+)/)) {
    if (piece === '') continue;
    if (/^\s+$/.test(piece)) {
      pieces.push({ text: piece, marked: false });
      continue;
    }
    same &&= words[at] === piece || words[at] === `${piece}.`;
    pieces.push({ text: piece, marked: same && matched.has(at) });
    at += 1;
  }
  return pieces;
}
