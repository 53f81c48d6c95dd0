/**
 * Inline TeX math → a MathML element (Temml: MathML Core, no fonts, CSS or scripts to load) and
 * its plain-text reading. Temml's output is parsed back into a tree and cut down to an allow-list
 * of MathML elements and attributes: its `style` and `class` attributes would need CSS that the
 * pages do not load (and inline styles break the Content-Security-Policy), and nothing that came
 * from a dump may carry a link or a script.
 */
import temml from 'temml';
import { fromHtml } from 'hast-util-from-html';
import type { Element, ElementContent } from 'hast';
import { subscript, superscript } from './unicode-scripts.ts';

const MATHML_ELEMENTS = new Set([
  'math', 'mrow', 'mi', 'mn', 'mo', 'mtext', 'ms', 'mspace', 'msup', 'msub', 'msubsup', 'mfrac', 'msqrt', 'mroot',
  'mover', 'munder', 'munderover', 'mtable', 'mtr', 'mtd', 'mpadded', 'mphantom', 'mstyle', 'menclose', 'semantics',
  'mmultiscripts', 'mprescripts', 'none',
]);
const MATHML_ATTRIBUTES = new Set([
  'mathvariant', 'displaystyle', 'scriptlevel', 'lspace', 'rspace', 'stretchy', 'fence', 'separator', 'form',
  'largeop', 'movablelimits', 'accent', 'accentunder', 'linethickness', 'columnalign', 'width', 'height', 'depth',
  'symmetric', 'minsize', 'maxsize', 'notation',
]);

export type MathRendering = { ok: true; mathml: Element; plain: string } | { ok: false; problem: string };

/**
 * Forms that real abstracts use but TeX does not accept as written: `%` unescaped (one-line text has
 * no comments, authors mean "percent") and MathJax's `\unicode{x2013}`.
 */
function prepareTex(tex: string): string {
  return tex
    .replace(/(^|[^\\])%/g, '$1\\%')
    .replace(/\\unicode\{\s*(?:x|0x|U\+)?([0-9a-fA-F]{1,6})\s*\}/g, (whole, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return code > 0x1f && code <= 0x10ffff ? `\\text{${String.fromCodePoint(code)}}` : whole;
    });
}

/**
 * Formulas repeat across a corpus (`$\\times$`, `$k$`, `$\\sim$`) and each is needed twice (HTML
 * and plain text), so renderings are kept; the trees are only read, never changed, by their users.
 */
const renderings = new Map<string, MathRendering>();
const MAX_KEPT_RENDERINGS = 20_000;

export function renderInlineMath(tex: string): MathRendering {
  let rendering = renderings.get(tex);
  if (rendering === undefined) {
    if (renderings.size >= MAX_KEPT_RENDERINGS) renderings.clear();
    rendering = renderWithTemml(tex);
    renderings.set(tex, rendering);
  }
  return rendering;
}

function renderWithTemml(tex: string): MathRendering {
  let markup: string;
  try {
    markup = temml.renderToString(prepareTex(tex), { throwOnError: true, annotate: false, trust: false });
  } catch (error) {
    return { ok: false, problem: (error instanceof Error ? error.message : String(error)).replace(/\s+/g, ' ').trim().split(' at position')[0]! };
  }
  const math = fromHtml(markup, { fragment: true }).children.find((node): node is Element => node.type === 'element' && node.tagName === 'math');
  if (!math) return { ok: false, problem: 'no MathML produced' };
  const clean = sanitize(math);
  return { ok: true, mathml: clean, plain: mathPlainText(clean) };
}

function sanitize(element: Element): Element {
  const properties: Element['properties'] = {};
  for (const [name, value] of Object.entries(element.properties)) {
    if (MATHML_ATTRIBUTES.has(name) && (typeof value === 'string' || typeof value === 'number')) properties[name] = value;
  }
  const children: ElementContent[] = [];
  for (const child of element.children) {
    if (child.type === 'text') children.push({ type: 'text', value: child.value });
    else if (child.type === 'element') {
      if (MATHML_ELEMENTS.has(child.tagName)) children.push(sanitize(child));
      else children.push(...sanitize({ ...child, tagName: 'mrow' }).children);
    }
  }
  return { type: 'element', tagName: element.tagName, properties, children };
}

const elementChildren = (element: Element): Element[] => element.children.filter((child): child is Element => child.type === 'element');

/** How the formula reads as text: `^{2}` → "²", `F_1` → "F₁", `\frac{a}{b}` → "a/b", `\sqrt{d}` → "√d". */
export function mathPlainText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  const [first, second, third] = elementChildren(node).map(mathPlainText);
  switch (node.tagName) {
    case 'msup':
      return `${first ?? ''}${superscript(second ?? '')}`;
    case 'msub':
      return `${first ?? ''}${subscript(second ?? '')}`;
    case 'msubsup':
      return `${first ?? ''}${subscript(second ?? '')}${superscript(third ?? '')}`;
    case 'mfrac':
      return `${grouped(first ?? '')}/${grouped(second ?? '')}`;
    case 'msqrt':
      return `√${grouped(node.children.map(mathPlainText).join(''))}`;
    case 'mroot':
      return `${superscript(second ?? '')}√${grouped(first ?? '')}`;
    case 'mover':
    case 'munder':
      // An accent (\hat, \bar, \tilde) reads as its base; a limit as the base with the script.
      return node.properties.accent === 'true' || node.properties.accentunder === 'true' || isAccentMark(second ?? '') ? (first ?? '') : `${first ?? ''}${second ?? ''}`;
    case 'mphantom':
      return '';
    case 'mspace':
      return ' ';
    case 'mtable':
      return elementChildren(node).map(mathPlainText).join('; ');
    case 'mtr':
      return elementChildren(node).map(mathPlainText).join(', ');
    case 'math':
      return tidy(rowText(node));
    default:
      return rowText(node);
  }
}

/** Relations read with a space on each side when they stand between two terms: "r ≪ d", "α = 0.5". */
const SPACED_RELATIONS = new Set(['=', '≠', '<', '>', '≤', '≥', '≈', '≡', '∈', '∉', '⊂', '⊆', '→', '←', '↔', '⇒', '⇔', '≪', '≫', '≃', '∝', ':=', '|→', '↦']);

function rowText(node: Element): string {
  const children = node.children;
  return children
    .map((child, index) => {
      const text = mathPlainText(child);
      const between = index > 0 && index < children.length - 1;
      return between && child.type === 'element' && child.tagName === 'mo' && SPACED_RELATIONS.has(text) ? ` ${text} ` : text;
    })
    .join('');
}

/** Invisible operators (function application, invisible times) out, single spaces. */
const tidy = (text: string) => text.replace(/[\u2061-\u2064]/g, '').replace(/\s+/g, ' ').trim();

const isAccentMark = (text: string) => /^[ˆ˜¯˙¨→←^~‾´`˘ˇ]$/u.test(text);
const grouped = (text: string) => ([...text].length <= 1 || /^[\p{L}\p{N}.]+$/u.test(text) ? text : `(${text})`);
