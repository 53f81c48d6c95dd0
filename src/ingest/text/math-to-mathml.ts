/**
 * Inline TeX math → a MathML element (Temml: MathML Core, no fonts, CSS or scripts to load) and
 * its plain-text reading. Temml's output is parsed back into a tree and cut down to an allow-list
 * of MathML elements and attributes: its `style` and `class` attributes would need CSS that the
 * pages do not load (and inline styles break the Content-Security-Policy), nothing that came from
 * a dump may carry a link or a script, and no formula may be sized to cover the page.
 */
import temml from 'temml';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent } from 'hast';
import { subscript, superscript } from './unicode-scripts.ts';

const MATHML_ELEMENTS = new Set([
  'math',
  'mrow',
  'mi',
  'mn',
  'mo',
  'mtext',
  'ms',
  'mspace',
  'msup',
  'msub',
  'msubsup',
  'mfrac',
  'msqrt',
  'mroot',
  'mover',
  'munder',
  'munderover',
  'mtable',
  'mtr',
  'mtd',
  'mpadded',
  'mphantom',
  'mstyle',
  'menclose',
  'semantics',
  'mmultiscripts',
  'mprescripts',
  'none',
]);
/** Token elements hold text only (the HTML checker refuses elements inside them). */
const TOKEN_ELEMENTS = new Set(['mi', 'mn', 'mo', 'mtext', 'ms']);
const COMMON_ATTRIBUTES = ['mathvariant'];
/** Per element, as the Nu HTML checker's MathML schema accepts them. */
const ELEMENT_ATTRIBUTES: Record<string, string[]> = {
  math: ['display', 'displaystyle'],
  mstyle: ['displaystyle', 'scriptlevel'],
  mo: [
    'lspace',
    'rspace',
    'stretchy',
    'fence',
    'separator',
    'form',
    'largeop',
    'movablelimits',
    'symmetric',
    'minsize',
    'maxsize',
    'accent',
  ],
  mover: ['accent'],
  munder: ['accentunder'],
  munderover: ['accent', 'accentunder'],
  mfrac: ['linethickness'],
  mtable: ['columnalign'],
  mtd: ['columnalign'],
  menclose: ['notation'],
  mspace: ['width'],
};
/** Lengths a formula may ask for, in em: enough for `\quad`, `\qquad` and a fraction bar. */
const MAX_LENGTH_EM: Record<string, number> = {
  width: 2,
  linethickness: 0.3,
  lspace: 1,
  rspace: 1,
  minsize: 3,
  maxsize: 3,
};

export type MathRendering = { ok: true; mathml: Element; plain: string } | { ok: false; problem: string };

/** Code points that have no place in a page: controls, noncharacters, bidirectional overrides. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const FORBIDDEN_CODE_POINTS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufdd0-\ufdef\ufffe\uffff]/gu;
const isForbiddenCodePoint = (code: number) =>
  String.fromCodePoint(code).replace(FORBIDDEN_CODE_POINTS, '') === '' || (code & 0xfffe) === 0xfffe;

/**
 * Forms that real abstracts use but TeX does not accept as written: `%` unescaped (one-line text has
 * no comments, authors mean "percent"), MathJax's `\unicode{x2013}`, and the empty `\boxed{}`.
 */
function prepareTex(tex: string): string {
  return (
    tex
      .replace(/(^|[^\\])%/g, '$1\\%')
      // "the answer in $\boxed{}$ format": an empty box would render as nothing at all.
      .replace(/\\boxed\{\s*\}/g, '\\boxed{\\square}')
      .replace(/\\unicode\{\s*(?:x|0x|U\+)?([0-9a-fA-F]{1,6})\s*\}/g, (whole, hex: string) => {
        const code = Number.parseInt(hex, 16);
        return code <= 0x10ffff && !isForbiddenCodePoint(code) ? `\\text{${String.fromCodePoint(code)}}` : whole;
      })
  );
}

/**
 * Formulas repeat across a corpus (`$\\times$`, `$k$`, `$\\sim$`) and each is needed twice (HTML
 * and plain text), so renderings are kept; the trees are only read, never changed, by their users.
 */
const renderings = new Map<string, MathRendering>();
const MAX_KEPT_RENDERINGS = 20_000;
/** Longer formulas are rendered but not kept: they rarely repeat. */
const MAX_KEPT_LENGTH = 200;

export function renderInlineMath(tex: string): MathRendering {
  let rendering = renderings.get(tex);
  if (rendering === undefined) {
    rendering = renderWithTemml(tex);
    if (tex.length <= MAX_KEPT_LENGTH) {
      if (renderings.size >= MAX_KEPT_RENDERINGS) renderings.clear();
      renderings.set(tex, rendering);
    }
  }
  return rendering;
}

function renderWithTemml(tex: string): MathRendering {
  let markup: string;
  try {
    // maxSize bounds \rule and friends (em); maxExpand stops macro loops such as \def\a{\a\a}\a.
    markup = temml.renderToString(prepareTex(tex), {
      throwOnError: true,
      annotate: false,
      trust: false,
      maxSize: [2, 2],
      maxExpand: 200,
    });
  } catch (error) {
    return {
      ok: false,
      problem: (error instanceof Error ? error.message : String(error))
        .replace(/\s+/g, ' ')
        .trim()
        .split(' at position')[0]!,
    };
  }
  const math = fromHtml(markup, { fragment: true }).children.find(
    (node): node is Element => node.type === 'element' && node.tagName === 'math',
  );
  if (!math) return { ok: false, problem: 'no MathML produced' };
  const clean = sanitize(math);
  return { ok: true, mathml: clean, plain: mathPlainText(clean) };
}

/** A length attribute within its bound (em, or a unitless number), or undefined to drop it. */
function boundedLength(name: string, value: string): string | undefined {
  const limit = MAX_LENGTH_EM[name];
  if (limit === undefined) return value;
  const match = /^\s*([+-]?\d*\.?\d+)\s*(em)?\s*$/.exec(value);
  if (!match) return undefined;
  const amount = Number(match[1]);
  return amount >= 0 && amount <= limit ? value : undefined;
}

function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

function sanitize(element: Element): Element {
  const properties: Element['properties'] = {};
  const allowed = [...COMMON_ATTRIBUTES, ...(ELEMENT_ATTRIBUTES[element.tagName] ?? [])];
  for (const [name, value] of Object.entries(element.properties)) {
    if (!allowed.includes(name) || !(typeof value === 'string' || typeof value === 'number')) continue;
    const bounded = boundedLength(name, String(value));
    if (bounded !== undefined) properties[name] = bounded;
  }
  const children: ElementContent[] = [];
  if (TOKEN_ELEMENTS.has(element.tagName)) {
    const text = element.children.map(textOf).join('').replace(FORBIDDEN_CODE_POINTS, '');
    if (text !== '') children.push({ type: 'text', value: text });
  } else {
    for (const child of element.children) {
      if (child.type === 'text') {
        const text = child.value.replace(FORBIDDEN_CODE_POINTS, '');
        if (text !== '') children.push({ type: 'text', value: text });
      } else if (child.type === 'element') {
        // An unknown element (or an mpadded that would let a formula overlap its neighbours) gives way to its content.
        if (MATHML_ELEMENTS.has(child.tagName) && child.tagName !== 'mpadded') children.push(sanitize(child));
        else children.push(...sanitize({ ...child, tagName: 'mrow' }).children);
      }
    }
  }
  return { type: 'element', tagName: element.tagName, properties, children };
}

const elementChildren = (element: Element): Element[] =>
  element.children.filter((child): child is Element => child.type === 'element');

/**
 * How the formula reads as text: `^{2}` → "²", `F_1` → "F₁", `\frac{a}{b}` → "a/b", `\sqrt{d}` →
 * "√d", `\mathbf{MoE}` → "MoE". Each node's text is worked out once (linear in the formula's size).
 */
function mathPlainText(node: ElementContent): string {
  if (node.type === 'text') return foldStyledLetters(node.value);
  if (node.type !== 'element') return '';
  switch (node.tagName) {
    case 'math':
      return tidy(rowText(node));
    case 'msup':
    case 'msub':
    case 'msubsup':
    case 'mfrac':
    case 'mroot':
    case 'mover':
    case 'munder':
    case 'munderover': {
      const [first = '', second = '', third = ''] = elementChildren(node).map(mathPlainText);
      switch (node.tagName) {
        case 'msup':
          return `${first}${superscript(second)}`;
        case 'msub':
          return `${first}${subscript(second)}`;
        case 'msubsup':
          return `${first}${subscript(second)}${superscript(third)}`;
        case 'mfrac':
          return `${grouped(first)}/${grouped(second)}`;
        case 'mroot':
          return `${superscript(second)}√${grouped(first)}`;
        case 'munderover':
          return `${first}${subscript(second)}${superscript(third)}`;
        default:
          // An accent (\hat, \bar, \tilde) reads as its base; a limit as the base with the script.
          return node.properties.accent === 'true' || node.properties.accentunder === 'true' || isAccentMark(second)
            ? first
            : `${first}${second}`;
      }
    }
    case 'msqrt':
      return `√${grouped(rowText(node))}`;
    case 'mphantom':
      return '';
    case 'mspace':
      // Temml puts a width-less mspace between the letters of `\rm{ReLU}` (nothing); a thin space
      // or wider, as after `\log` or from `\,` and `\quad`, reads as a space.
      return Number.parseFloat(String(node.properties.width ?? '0')) >= 0.16 ? ' ' : '';
    case 'mtable':
      return elementChildren(node).map(mathPlainText).join('; ');
    case 'mtr':
      return elementChildren(node).map(mathPlainText).join(', ');
    default:
      return rowText(node);
  }
}

/** Relations read with a space on each side when they stand between two terms: "r ≪ d", "α = 0.5". */
const SPACED_RELATIONS = new Set([
  '=',
  '≠',
  '<',
  '>',
  '≤',
  '≥',
  '≈',
  '≡',
  '∈',
  '∉',
  '⊂',
  '⊆',
  '→',
  '←',
  '↔',
  '⇒',
  '⇔',
  '≪',
  '≫',
  '≃',
  '∝',
  ':=',
  '|→',
  '↦',
]);

function rowText(node: Element): string {
  const children = node.children;
  return children
    .map((child, index) => {
      const text = mathPlainText(child);
      const between = index > 0 && index < children.length - 1;
      return between && child.type === 'element' && child.tagName === 'mo' && SPACED_RELATIONS.has(text)
        ? ` ${text} `
        : text;
    })
    .join('');
}

/**
 * Mathematical styled letters (𝐌, 𝑀, 𝒪, ℝ…) read as the plain letters they style: "MoE" in
 * `\mathbf{MoE}` must still be the word MoE for topic matching and search.
 */
function foldStyledLetters(text: string): string {
  return /[\u{1d400}-\u{1d7ff}\u2100-\u214f]/u.test(text)
    ? text.replace(
        /[\u{1d400}-\u{1d7ff}\u2102\u210a-\u2113\u2115\u2119-\u211d\u2124\u2128\u212c\u212d\u212f-\u2131\u2133\u2134]/gu,
        (letter) => letter.normalize('NFKC'),
      )
    : text;
}

/** Invisible operators (function application, invisible times) out, single spaces. */
const tidy = (text: string) =>
  text
    .replace(/[\u2061-\u2064]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
const isAccentMark = (text: string) => /^[ˆ˜¯˙¨→←^~‾´`˘ˇ]$/u.test(text);
const grouped = (text: string) => ([...text].length <= 1 || /^[\p{L}\p{N}.]+$/u.test(text) ? text : `(${text})`);
