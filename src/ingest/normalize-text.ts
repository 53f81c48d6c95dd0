/**
 * Text as the ingest keeps it: Unicode NFC, no control or zero-width characters, single spaces.
 * Math and LaTeX stay as the dump wrote them: src/ingest/text/render-dump-text.ts turns them into
 * MathML and plain text for readers.
 */
import { plainDumpText } from './text/render-dump-text.ts';
import { isAscii, isNonAsciiWhiteSpace } from './ascii.ts';

export function normalizeText(text: string): string {
  if (isAlreadyNormal(text)) return text;
  return (
    text
      .normalize('NFC')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d\ufeff]/g, '')
      .replace(/\s+/g, ' ')
      .trim()
      .normalize('NFC')
  );
}

/**
 * Whether `normalizeText` would return the text unchanged, told by one look at each character:
 * most titles and abstracts are already clean, and normalising them was a good part of the
 * ingest's time. Unchanged means: no character any step rewrites or removes (controls,
 * zero-width characters, white space other than single spaces between words) and already NFC.
 * Anything else takes the full path.
 */
function isAlreadyNormal(text: string): boolean {
  // The common case, decided by the regex engine (several times faster than a loop here):
  // printable ASCII, single spaces.
  if (!NOT_PLAIN_ASCII.test(text)) {
    return !text.includes('  ') && text.charCodeAt(0) !== 0x20 && text.charCodeAt(text.length - 1) !== 0x20;
  }
  let nonAscii = false;
  let previousIsSpace = true; // a leading space is trimmed
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x20) {
      if (previousIsSpace) return false;
      previousIsSpace = true;
      continue;
    }
    previousIsSpace = false;
    if (code < 0x20 || code === 0x7f) return false;
    if (code >= 0x80) {
      nonAscii = true;
      if (isSpaceOrInvisible(code)) return false;
    }
  }
  if (previousIsSpace && text.length > 0) return false; // a trailing space is trimmed
  return !nonAscii || text.normalize('NFC') === text;
}

/** Any character but printable ASCII. */
const NOT_PLAIN_ASCII = /[^\x20-\x7e]/;

/** Non-ASCII characters that `\s` matches or that `normalizeText` removes. */
function isSpaceOrInvisible(code: number): boolean {
  // U+200B–U+200D: zero-width space, non-joiner and joiner.
  return isNonAsciiWhiteSpace(code) || (code >= 0x200b && code <= 0x200d);
}

/**
 * Lower-case ASCII-folded words of the text as a reader sees it (`S$^{2}$FT` and `S^{2}FT` both
 * read "S²FT"): the form in which two titles are compared.
 */
export function comparableWords(text: string): string[] {
  return comparableWordsOfNormal(plainDumpText(normalizeText(text)));
}

/** `comparableWords` of a text that `normalizeText` returned. */
export function comparableWordsOfNormal(normal: string): string[] {
  if (isAscii(normal)) return asciiWords(normal);
  return (
    normal
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/**
 * `comparableWords` of ASCII text, without its Unicode steps (which change no ASCII text): the
 * runs of letters and digits, in lower case (by one regular expression: a loop calling a character
 * test per character cost twice as much, with titles compared by their words all through a build).
 */
function asciiWords(text: string): string[] {
  return text.toLowerCase().match(ASCII_WORD) ?? [];
}

const ASCII_WORD = /[a-z0-9]+/g;

/** Two titles are the same title when their comparable words are the same. */
export function titleKey(title: string): string {
  return comparableWords(title).join('');
}
