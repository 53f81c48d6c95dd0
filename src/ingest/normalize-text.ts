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

/** Lower-case ASCII-folded words: the form in which two texts are compared. */
export function comparableWords(text: string): string[] {
  return (
    normalizeText(text)
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** Two titles are the same title when their comparable words are the same. */
export function titleKey(title: string): string {
  return comparableWords(title).join('');
}
