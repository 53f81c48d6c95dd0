/**
 * Matching a simple phrase at one place without its regular expression. Most rule phrases are
 * plain ASCII words ("visual question answering", "LLM*"): for them the pattern `compilePhrase`
 * makes can be followed exactly in a few comparisons, which is much cheaper than running the
 * pattern there (and allocating its match). Other phrases (a `*` inside the phrase, a word that is
 * not plain ASCII or does not start with a letter or digit) keep using the pattern.
 *
 * What the pattern says, and this follows: no letter or digit (Unicode `\p{L}`/`\p{N}`, by code
 * point) before the match; each word's characters, exactly when the word has a capital, else up
 * to ASCII case; between words the longest run of `[\s\-\u2010\u2011\u2013]` (the next word starts
 * with a letter or digit, so the greedy run can never give any back); after a final `*`-word the
 * longest run of letters and digits; and after the match no letter or digit.
 */
import { isLetterOrNumber } from './count-words.ts';
import { isSeparator } from './phrase-prefilter.ts';

interface LiteralWord {
  stem: string;
  /** Written with a capital: matched exactly; else ASCII case is ignored. */
  exact: boolean;
}

export interface LiteralPhrase {
  words: LiteralWord[];
  /** The last word ends in `*`. */
  wildcardEnd: boolean;
}

/** The phrase as literal words, or null when it is not simple enough (see above). */
export function literalPhrase(phrase: string): LiteralPhrase | null {
  const raw = phrase.trim().split(/[\s-]+/);
  const words: LiteralWord[] = [];
  let wildcardEnd = false;
  for (const [index, word] of raw.entries()) {
    const wildcard = word.length > 1 && word.endsWith('*');
    if (wildcard && index < raw.length - 1) return null;
    const stem = wildcard ? word.slice(0, -1) : word;
    // eslint-disable-next-line no-control-regex
    if (!/^[A-Za-z0-9][\x00-\x7f]*$/.test(stem)) return null;
    words.push({ stem, exact: /[A-Z]/.test(stem) });
    wildcardEnd = wildcard;
  }
  return { words, wildcardEnd };
}

function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** The code point that ends just before `index` (a surrogate pair read whole). */
function codePointBefore(text: string, index: number): number {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
  }
  return low;
}

/** The code point at `index` and its length in code units. */
function codePointAt(text: string, index: number): [number, number] {
  const high = text.charCodeAt(index);
  if (high >= 0xd800 && high <= 0xdbff && index + 1 < text.length) {
    const low = text.charCodeAt(index + 1);
    if (low >= 0xdc00 && low <= 0xdfff) return [0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00), 2];
  }
  return [high, 1];
}

/** Where a match of the phrase that starts at `start` ends, or -1 when the pattern does not match there. */
export function matchLiteralAt(text: string, start: number, phrase: LiteralPhrase): number {
  if (start > 0 && isLetterOrNumber(codePointBefore(text, start))) return -1;
  let at = start;
  for (let index = 0; index < phrase.words.length; index++) {
    const { stem, exact } = phrase.words[index]!;
    if (index > 0) while (at < text.length && isSeparator(text.charCodeAt(at))) at++;
    if (at + stem.length > text.length) return -1;
    for (let char = 0; char < stem.length; char++) {
      const code = text.charCodeAt(at + char);
      const wanted = stem.charCodeAt(char);
      if (exact ? code !== wanted : foldAscii(code) !== foldAscii(wanted)) return -1;
    }
    at += stem.length;
  }
  if (phrase.wildcardEnd) {
    // The longest run of letters and digits; no letter or digit can follow it.
    while (at < text.length) {
      const [codePoint, length] = codePointAt(text, at);
      if (!isLetterOrNumber(codePoint)) break;
      at += length;
    }
    return at;
  }
  return at < text.length && isLetterOrNumber(codePointAt(text, at)[0]) ? -1 : at;
}
