/**
 * A cheap test, word by word, of whether a phrase's pattern (see `compilePhrase`) can match at a
 * place: checking a few characters in a loop is much cheaper than running the pattern there, and
 * most places where a phrase's first word occurs ("text", "image", "instruction") are not followed
 * by the rest of the phrase. The test only rejects places where the pattern cannot match, so the
 * pattern still decides, and decides exactly as before, wherever the test passes.
 *
 * Why it never rejects a real match: the pattern is the phrase's words one after the other, each
 * word's characters literal or `[xX]` (so a match has them up to ASCII case), joined by
 * `[\s\-\u2010\u2011\u2013]*`, a `*`-word followed by `[\p{L}\p{N}]*`, and the whole followed by
 * `(?![\p{L}\p{N}])`. Between two words the separator run is greedy and the next word starts with
 * a character that is no separator, so a match has exactly the longest run of separators there.
 * The test follows the words while that reasoning holds and stops (passes) at the first word it
 * cannot follow: after a `*`-word (its ending has any length), or before a word that is not plain
 * ASCII or does not start with a letter or digit.
 */

export interface PrefilterWord {
  /** The word without its `*`, ASCII upper case folded to lower case. */
  stem: string;
  wildcard: boolean;
}

/** The words the test can follow, from the start of the phrase; empty when it cannot follow the first. */
export function prefilterWords(phrase: string): PrefilterWord[] {
  const words: PrefilterWord[] = [];
  for (const word of phrase.trim().split(/[\s-]+/)) {
    const wildcard = word.length > 1 && word.endsWith('*');
    const stem = wildcard ? word.slice(0, -1) : word;
    // eslint-disable-next-line no-control-regex
    if (!/^[A-Za-z0-9][\x00-\x7f]*$/.test(stem)) break;
    words.push({ stem: stem.toLowerCase(), wildcard });
    if (wildcard) break;
  }
  return words;
}

function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

function isAsciiAlnum(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** The characters `[\s\-\u2010\u2011\u2013]` matches. */
export function isSeparator(code: number): boolean {
  if (code < 0x80) return code === 0x20 || code === 0x2d || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2010 || code === 0x2011 || code === 0x2013 ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** False only where the phrase cannot match at `start` of `text` (see above). */
export function mayMatchAt(text: string, start: number, words: readonly PrefilterWord[], followsWholePhrase: boolean): boolean {
  let at = start;
  for (let index = 0; index < words.length; index++) {
    const { stem, wildcard } = words[index]!;
    if (index > 0) while (at < text.length && isSeparator(text.charCodeAt(at))) at++;
    if (at + stem.length > text.length) return false;
    for (let char = 0; char < stem.length; char++) {
      if (foldAscii(text.charCodeAt(at + char)) !== stem.charCodeAt(char)) return false;
    }
    at += stem.length;
    if (wildcard) return true;
  }
  // After the last word of the phrase comes no letter or digit.
  return !(followsWholePhrase && at < text.length && isAsciiAlnum(text.charCodeAt(at)));
}
