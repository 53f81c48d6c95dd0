/**
 * Superscript and subscript characters, for plain text of math (`S$^{2}$FT` → "S²FT",
 * `$F_1$` → "F₁"). Unicode has a form for digits, signs and most letters; text that has no full
 * conversion keeps a readable `^(…)` / `_(…)` form instead of losing the script.
 */

const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '−': '⁻',
  '=': '⁼',
  '(': '⁽',
  ')': '⁾',
  a: 'ᵃ',
  b: 'ᵇ',
  c: 'ᶜ',
  d: 'ᵈ',
  e: 'ᵉ',
  f: 'ᶠ',
  g: 'ᵍ',
  h: 'ʰ',
  i: 'ⁱ',
  j: 'ʲ',
  k: 'ᵏ',
  l: 'ˡ',
  m: 'ᵐ',
  n: 'ⁿ',
  o: 'ᵒ',
  p: 'ᵖ',
  r: 'ʳ',
  s: 'ˢ',
  t: 'ᵗ',
  u: 'ᵘ',
  v: 'ᵛ',
  w: 'ʷ',
  x: 'ˣ',
  y: 'ʸ',
  z: 'ᶻ',
  T: 'ᵀ',
  '∘': '°',
  '°': '°',
  '′': '′',
  '″': '″',
  '*': '*',
  '∗': '*',
  '†': '†',
  '⊤': 'ᵀ',
};

const SUBSCRIPTS: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '−': '₋',
  '=': '₌',
  '(': '₍',
  ')': '₎',
  a: 'ₐ',
  e: 'ₑ',
  h: 'ₕ',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
  o: 'ₒ',
  p: 'ₚ',
  r: 'ᵣ',
  s: 'ₛ',
  t: 'ₜ',
  u: 'ᵤ',
  v: 'ᵥ',
  x: 'ₓ',
};

/** Every character in its script form, or null when one of them has none. */
function convert(text: string, table: Record<string, string>): string | null {
  let result = '';
  for (const character of text) {
    const converted = table[character];
    if (converted === undefined) return null;
    result += converted;
  }
  return result;
}

const scriptedFallback = (mark: '^' | '_', text: string) =>
  [...text].length === 1 ? `${mark}${text}` : `${mark}(${text})`;

export function superscript(text: string): string {
  return convert(text, SUPERSCRIPTS) ?? scriptedFallback('^', text);
}

export function subscript(text: string): string {
  return convert(text, SUBSCRIPTS) ?? scriptedFallback('_', text);
}

/** Only the Unicode form: null when the text has none (text mode keeps its `^{…}` then). */
export function superscriptOnly(text: string): string | null {
  return convert(text, SUPERSCRIPTS);
}

export function subscriptOnly(text: string): string | null {
  return convert(text, SUBSCRIPTS);
}
