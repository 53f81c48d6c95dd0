/**
 * Text as readers should see it: Unicode NFC, single spaces, and the LaTeX that scrapes carry
 * (`\%`, ``` ``quotes'' ```, `S$^{2}$FT`) turned into the characters it stands for.
 */

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹',
  '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾', n: 'ⁿ', i: 'ⁱ',
};
const SUBSCRIPTS: Record<string, string> = {
  '0': '₀', '1': '₁', '2': '₂', '3': '₃', '4': '₄', '5': '₅', '6': '₆', '7': '₇', '8': '₈', '9': '₉',
  '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎',
};
const MATH_SYMBOLS: Record<string, string> = {
  sim: '∼', approx: '≈', times: '×', cdot: '·', pm: '±', leq: '≤', le: '≤', geq: '≥', ge: '≥', neq: '≠',
  rightarrow: '→', to: '→', leftarrow: '←', infty: '∞', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ',
  epsilon: 'ε', theta: 'θ', lambda: 'λ', mu: 'μ', pi: 'π', sigma: 'σ', tau: 'τ', phi: 'φ', omega: 'ω',
  ell: 'ℓ', Delta: 'Δ', Sigma: 'Σ', Omega: 'Ω', ldots: '…', dots: '…', circ: '∘', star: '⋆',
};
/** Text-mode escapes whose backslash only protects the character. */
const ESCAPED_CHARACTER = /\\([%&_#$])/g;
const TEXT_COMMAND = /\\(?:texttt|textbf|textit|textsc|emph|mathrm|mathbf|mathit|text)\{([^{}]*)\}/g;

const MATH_SCRIPT = /([\^_])(?:\{([^{}]{1,8})\}|([0-9a-z+\-=()]))/gi;
/** Outside math only the unmistakable forms: `^{…}`, `_{…}` and `^` before a digit (`S^2FT`). */
const TEXT_SCRIPT = /([\^_])(?:\{([^{}]{1,8})\}|(?<=\^)([0-9]))/g;

/** Converts super- and subscripts when every character has a Unicode form. */
function scriptsToUnicode(text: string, pattern: RegExp): string {
  return text.replace(pattern, (whole, mark: string, braced?: string, single?: string) => {
    const content = braced ?? single ?? '';
    const table = mark === '^' ? SUPERSCRIPTS : SUBSCRIPTS;
    const converted = [...content].map((character) => table[character]);
    return converted.every((character) => character !== undefined) ? converted.join('') : whole;
  });
}

/** Inline math `$…$` becomes plain text when all it holds could be converted. */
function inlineMathToUnicode(text: string): string {
  return text.replace(/\$([^$]{1,40})\$/g, (whole, body: string) => {
    const converted = scriptsToUnicode(
      body.replace(/\\([A-Za-z]+)\s*/g, (command, name: string) => MATH_SYMBOLS[name] ?? command),
      MATH_SCRIPT,
    ).trim();
    return /[\\^_{}]/.test(converted) ? whole : converted;
  });
}

/** Web addresses pass through untouched: `_2` or `\%` in a URL is part of the address. */
const URL_SPAN = /\bhttps?:\/\/[^\s<>"'{}|\\^`\]\[]+/gi;

export function normalizeText(text: string): string {
  if (isAlreadyNormal(text)) return text;
  const nfc = text.normalize('NFC');
  let result = '';
  let last = 0;
  for (const match of nfc.matchAll(URL_SPAN)) {
    result += normalizeProse(nfc.slice(last, match.index)) + match[0];
    last = match.index + match[0].length;
  }
  result += normalizeProse(nfc.slice(last));
  return result
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b-\u200d\ufeff]/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

function normalizeProse(text: string): string {
  let result = inlineMathToUnicode(text);
  result = scriptsToUnicode(result, TEXT_SCRIPT);
  return result
    .replace(TEXT_COMMAND, '$1')
    .replace(/\\allowbreak\b\s*/g, '')
    .replace(ESCAPED_CHARACTER, '$1')
    .replace(/``(.*?)''/g, '“$1”')
    .replace(/``/g, '“');
}

/**
 * Whether `normalizeText` would return the text unchanged, told by one look at each character:
 * most titles and abstracts are already clean, and normalising them was a good part of the
 * ingest's time. Unchanged means: no character any step rewrites or removes (`$ ^ _ \ \``,
 * controls, zero-width characters, white space other than single spaces between words) and
 * already NFC. Anything else takes the full path.
 */
export function isAlreadyNormal(text: string): boolean {
  // The common case, decided by the regex engine (several times faster than a loop here):
  // printable ASCII other than the five characters LaTeX conversions look at, single spaces.
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
    if (code < 0x20 || code === 0x7f || code === 0x24 || code === 0x5c || code === 0x5e || code === 0x5f || code === 0x60) return false;
    if (code >= 0x80) {
      nonAscii = true;
      if (isSpaceOrInvisible(code)) return false;
    }
  }
  if (previousIsSpace && text.length > 0) return false; // a trailing space is trimmed
  return !nonAscii || text.normalize('NFC') === text;
}

/** Any character but printable ASCII, or one of the dollar, backslash, caret, underscore and backtick that LaTeX conversions look at. */
const NOT_PLAIN_ASCII = /[^\x20-\x23\x25-\x5b\x5d\x61-\x7e]/;

/** Non-ASCII characters that `\s` matches or that `normalizeText` removes. */
function isSpaceOrInvisible(code: number): boolean {
  return (
    code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200d) || code === 0x2028 || code === 0x2029 ||
    code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

/** Lower-case ASCII-folded words: the form in which two texts are compared. */
export function comparableWords(text: string): string[] {
  return comparableWordsOfNormal(normalizeText(text));
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

const NON_ASCII = /[^\x00-\x7f]/;

export function isAscii(text: string): boolean {
  return !NON_ASCII.test(text);
}

/**
 * `comparableWords` of ASCII text, without its Unicode steps (which change no ASCII text): the
 * runs of letters and digits, in lower case.
 */
function asciiWords(text: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let index = 0; index <= text.length; index++) {
    const code = index < text.length ? text.charCodeAt(index) : 0;
    const isWordCharacter = (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) || (code >= 0x30 && code <= 0x39);
    if (isWordCharacter) {
      if (start < 0) start = index;
    } else if (start >= 0) {
      words.push(text.slice(start, index).toLowerCase());
      start = -1;
    }
  }
  return words;
}

/** Two titles are the same title when their comparable words are the same. */
export function titleKey(title: string): string {
  return comparableWords(title).join('');
}
