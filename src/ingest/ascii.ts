/**
 * Character tests on UTF-16 code units, for the loops that read text a character at a time
 * (word splitting, shingle hashing, phrase matching) where a regular expression per character
 * would cost too much.
 */

// eslint-disable-next-line no-control-regex -- the ASCII range, written as a range
const NON_ASCII = /[^\x00-\x7f]/;

/** Text of ASCII characters only (most titles and abstracts), which the Unicode steps leave as it is. */
export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/** ASCII letters and digits: all of them are `\p{L}` or `\p{N}`. */
export function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
}

/** ASCII upper case to lower case; everything else unchanged. */
export function foldAscii(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/** The characters beyond ASCII that a regular expression's `\s` matches. */
export function isNonAsciiWhiteSpace(code: number): boolean {
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}
