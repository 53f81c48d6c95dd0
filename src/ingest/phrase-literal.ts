/**
 * Matching a phrase at one place without its regular expression. Most rule phrases are plain
 * ASCII words ("visual question answering", "LLM*"): for them the pattern `compilePhrase` makes
 * can be followed exactly in a few comparisons, which is much cheaper than running the pattern
 * there (and allocating its match). Of the other phrases (a `*` inside the phrase, a word that is
 * not plain ASCII or does not start with a letter or digit) the same steps follow the words up to
 * the first such word: where they fail the pattern cannot match, and only where they pass is the
 * pattern run. Most places where a phrase's first word occurs ("text", "image", "instruction")
 * are not followed by the rest of the phrase.
 *
 * What the pattern says, and this follows: no letter or digit (Unicode `\p{L}`/`\p{N}`, by code
 * point) before the match; each word's characters, exactly when the word has a capital, else up
 * to ASCII case; between words the longest run of `[\s\-\u2010\u2011\u2013]` (the next word starts
 * with a letter or digit, so the greedy run can never give any back); after a final `*`-word the
 * longest run of letters and digits; and after the match no letter or digit.
 */
import { foldAscii, isAscii, isAsciiLetterOrDigit, isNonAsciiWhiteSpace } from './ascii.ts';
import { isLetterOrNumber } from './count-words.ts';
import { phraseWords } from './phrase-pattern.ts';

interface LiteralWord {
  stem: string;
  /** Written with a capital: matched exactly; else ASCII case is ignored. */
  exact: boolean;
}

export interface LiteralPhrase {
  words: LiteralWord[];
  /** The last word ends in `*`. */
  wildcardEnd: boolean;
  /**
   * The words are the whole phrase, and a match of them is a match of the phrase. Else they are
   * the phrase's beginning, up to its first word that is not plain ASCII or ends in `*`, and a
   * match of them only says that the phrase may match there.
   */
  whole: boolean;
}

/** The phrase's words as far as they can be followed without the pattern (see above). */
export function literalPrefix(phrase: string): LiteralPhrase {
  const all = phraseWords(phrase);
  const words: LiteralWord[] = [];
  for (const [index, { stem, wildcard }] of all.entries()) {
    if (!isAsciiLetterOrDigit(stem.charCodeAt(0)) || !isAscii(stem)) return { words, wildcardEnd: false, whole: false };
    words.push({ stem, exact: /[A-Z]/.test(stem) });
    if (wildcard) return { words, wildcardEnd: true, whole: index === all.length - 1 };
  }
  return { words, wildcardEnd: false, whole: true };
}

/** The phrase as literal words, or null when it is not simple enough (see above). */
export function literalPhrase(phrase: string): LiteralPhrase | null {
  const literal = literalPrefix(phrase);
  return literal.whole ? literal : null;
}

/** The characters `[\s\-\u2010\u2011\u2013]` matches. */
function isSeparator(code: number): boolean {
  if (code < 0x80) return code === 0x20 || code === 0x2d || (code >= 0x09 && code <= 0x0d);
  return code === 0x2010 || code === 0x2011 || code === 0x2013 || isNonAsciiWhiteSpace(code);
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

/**
 * Where a match of the phrase that starts at `start` ends, or -1 when the pattern does not match
 * there. For a phrase that is not `whole`: where its words end (the phrase may match), or -1 (it
 * cannot).
 */
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
  if (!phrase.whole) return at;
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
