/**
 * Counts words (runs of Unicode letters and digits, as `/[\p{L}\p{N}]+/gu` finds them) in part of a
 * text without slicing it or running a regular expression over it: the classifier asks "at most N
 * words between these two places?" for every occurrence of a term with context rules.
 */

import { isAsciiLetterOrDigit } from './ascii.ts';

const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;
const nonAscii = new Map<number, boolean>();

/** Whether the code point is `\p{L}` or `\p{N}`; lone surrogates are neither. */
export function isLetterOrNumber(codePoint: number): boolean {
  if (codePoint < 0x80) return isAsciiLetterOrDigit(codePoint);
  let known = nonAscii.get(codePoint);
  if (known === undefined) {
    known = codePoint >= 0xd800 && codePoint <= 0xdfff ? false : LETTER_OR_NUMBER.test(String.fromCodePoint(codePoint));
    nonAscii.set(codePoint, known);
  }
  return known;
}

/**
 * The number of words in `text.slice(from, to)`, counting no further than `limit + 1` (enough to
 * tell whether there are more than `limit`). A surrogate pair cut by `from` or `to` counts as the
 * slice would see it: as a lone surrogate, which is no letter.
 */
export function countWordsUpTo(text: string, from: number, to: number, limit = Infinity): number {
  let words = 0;
  let inWord = false;
  for (let index = from; index < to; index++) {
    let codePoint = text.charCodeAt(index);
    if (codePoint >= 0xd800 && codePoint <= 0xdbff && index + 1 < to) {
      const low = text.charCodeAt(index + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        codePoint = 0x10000 + ((codePoint - 0xd800) << 10) + (low - 0xdc00);
        index++;
      }
    }
    const letter = isLetterOrNumber(codePoint);
    if (letter && !inWord && ++words > limit) return words;
    inWord = letter;
  }
  return words;
}
