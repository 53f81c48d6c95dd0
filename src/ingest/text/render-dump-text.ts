/**
 * The one pipeline through which every title and abstract reaches a reader: unified with
 * remark-parse (all Markdown constructs off but escapes, see remark-dump-text.ts) and remark-math,
 * then HTML through mdast-util-to-hast and hast-util-to-html. It gives the page HTML (text
 * escaped, URLs linked, inline math as MathML) and the plain text that search, feeds, BibTeX and
 * `<title>` use (`S$^{2}$FT` → "S²FT", `$\alpha$` → "α").
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkMath from 'remark-math';
import { toHast, type Handlers } from 'mdast-util-to-hast';
import { toHtml } from 'hast-util-to-html';
import type { Element, ElementContent } from 'hast';
import type { InlineMath } from 'mdast-util-math';
import type { Link, Nodes, Root } from 'mdast';
import { renderInlineMath } from './math-to-mathml.ts';
import { visit } from 'unist-util-visit';
import { readsAsMoney, remarkDumpTextNodes, remarkLiteralText } from './remark-dump-text.ts';
import { latexTextModeToUnicode } from './latex-text-mode.ts';
import { findUrlSpans } from '../extract-links.ts';

export interface RenderedText {
  /** Inline HTML (no block element): safe to put inside `<h1>`, `<a>` or `<p>`. */
  html: string;
  plain: string;
  /** Formulas that did not parse, shown as their source: `$…$: why`. */
  mathProblems: string[];
}

const processor = unified().use(remarkParse).use(remarkLiteralText).use(remarkMath).use(remarkDumpTextNodes).freeze();

/** As hast-util-to-html escapes text (and, with `&quot;` added, a double-quoted attribute value). */
const escapeText = (text: string): string => (/[&<]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;') : text);
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/**
 * With every construct but escapes and math switched off, text without a backslash or a `$` parses
 * to one text node holding the text itself; the pipeline then only links its URLs and converts
 * text-mode LaTeX around them. Most titles and abstracts are like that, and the parser costs
 * ~0.3 ms a text: those get the same treatment here, without it (a test compares the two on every
 * seed and fixture line).
 */
const NEEDS_PARSER = /[$\\]/;

function renderWithoutParser(text: string): RenderedText | null {
  if (NEEDS_PARSER.test(text)) return null;
  let html = '';
  let plain = '';
  let last = 0;
  const addText = (value: string) => {
    const converted = latexTextModeToUnicode(value);
    html += escapeText(converted);
    plain += converted;
  };
  for (const { url, start } of text.includes('://') ? findUrlSpans(text) : []) {
    if (start > last) addText(text.slice(last, start));
    html += `<a href="${escapeAttribute(url)}" rel="noopener noreferrer">${escapeText(url)}</a>`;
    plain += url;
    last = start + url.length;
  }
  if (last < text.length) addText(text.slice(last));
  return { html, plain, mathProblems: [] };
}

export function renderDumpText(text: string): RenderedText {
  return renderWithoutParser(text) ?? renderThroughPipeline(text);
}

/** The unified pipeline itself, for every text (exported for the test that compares it with the shortcut). */
export function renderThroughPipeline(text: string): RenderedText {
  const tree = parseDumpText(text);
  const mathProblems: string[] = [];
  const plainParts: string[] = [];
  const handlers: Partial<Handlers> = {
    inlineMath(_state, node: InlineMath): ElementContent[] {
      const source = `$${node.value}$`;
      const math = renderInlineMath(node.value);
      if (!math.ok) {
        mathProblems.push(`${source}: ${math.problem}`);
        return [{ type: 'text', value: source }];
      }
      // Search and copy get the plain reading from the hidden span; the MathML is for the eye.
      return [
        { type: 'element', tagName: 'span', properties: { className: ['math'], dataPagefindIgnore: '' }, children: [math.mathml] },
        { type: 'element', tagName: 'span', properties: { hidden: true }, children: [{ type: 'text', value: math.plain }] },
      ];
    },
    link(state, node: Link): Element {
      return { type: 'element', tagName: 'a', properties: { href: node.url, rel: ['noopener', 'noreferrer'] }, children: state.all(node) };
    },
  };
  const hast = toHast(tree, { handlers: handlers as Handlers });
  const inline = hast.type === 'root' ? hast.children.flatMap((node) => (node.type === 'element' && node.tagName === 'p' ? node.children : [node])) : [hast];
  for (const block of tree.children) plainParts.push(plainTextOf(block));
  return { html: toHtml({ type: 'root', children: inline }, { characterReferences: { useNamedReferences: true } }).trim(), plain: plainParts.join(' ').trim(), mathProblems };
}

/**
 * Parses with every `$` of money escaped: a `$` that opened a "formula" reading as money is escaped
 * (`\$`, shown as `$`) and the text parsed again, so that the dollars after it pair up anew
 * ("between $2 and $3 … from $\log E$ to $0.3\log E$": money twice, then two formulas).
 */
function parseDumpText(text: string): Root {
  let source = text;
  for (;;) {
    const tree = processor.parse(source);
    let moneyAt: number | undefined;
    visit(tree, 'inlineMath', (node: InlineMath) => {
      if (moneyAt === undefined && readsAsMoney(node, source)) moneyAt = node.position?.start.offset;
    });
    if (moneyAt === undefined) return processor.runSync(tree, source) as Root;
    source = `${source.slice(0, moneyAt)}\\${source.slice(moneyAt)}`;
  }
}

function plainTextOf(node: Nodes | InlineMath): string {
  switch (node.type) {
    case 'text':
      return node.value;
    case 'inlineMath': {
      const math = renderInlineMath(node.value);
      return math.ok ? math.plain : `$${node.value}$`;
    }
    case 'link':
      return node.url;
    default:
      return 'children' in node ? (node.children as Nodes[]).map(plainTextOf).join('') : 'value' in node ? latexTextModeToUnicode(String(node.value)) : '';
  }
}

/** The plain-text reading alone, for comparing titles and matching topic phrases. */
export function plainDumpText(text: string): string {
  return CHANGES_PLAIN_TEXT.test(text) ? renderDumpText(text).plain : text;
}

/** Without one of these, the plain reading is the text itself (titles are compared by it, often). */
const CHANGES_PLAIN_TEXT = /[$\\`~^_]|--/;
