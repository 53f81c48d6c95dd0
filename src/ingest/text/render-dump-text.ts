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
  /** Inline HTML (no block element); with `linkUrls: false`, safe inside an `<a>` too. */
  html: string;
  plain: string;
  /** The URLs the HTML links, in order (none with `linkUrls: false`). */
  links: string[];
  /** Formulas that did not parse, shown as their source: `$…$: why`. */
  mathProblems: string[];
}

export interface RenderOptions {
  /** Link the text's URLs (an abstract); a title is shown inside a link to its paper, so not there. */
  linkUrls?: boolean;
}

const processor = (linkUrls: boolean) =>
  unified().use(remarkParse).use(remarkLiteralText).use(remarkMath).use(remarkDumpTextNodes, { linkUrls }).freeze();
const processors = { linked: processor(true), unlinked: processor(false) };

/** As hast-util-to-html escapes text (and, with `&quot;` added, a double-quoted attribute value). */
const escapeText = (text: string): string =>
  /[&<]/.test(text) ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;') : text;
const escapeAttribute = (text: string): string => escapeText(text).replace(/"/g, '&quot;');

/**
 * With every construct but escapes and math switched off, text without a backslash or a `$` parses
 * to one text node holding the text itself; the pipeline then only links its URLs and converts
 * text-mode LaTeX around them. Most titles and abstracts are like that, and the parser costs
 * ~0.3 ms a text: those get the same treatment here, without it (a test compares the two on every
 * seed and fixture line).
 */
const NEEDS_PARSER = /[$\\]/;

function renderWithoutParser(text: string, linkUrls: boolean): RenderedText | null {
  if (NEEDS_PARSER.test(text)) return null;
  let html = '';
  let plain = '';
  const links: string[] = [];
  let last = 0;
  const addText = (value: string) => {
    const converted = latexTextModeToUnicode(value);
    html += escapeText(converted);
    plain += converted;
  };
  for (const { url, start } of linkUrls && text.includes('://') ? findUrlSpans(text) : []) {
    if (start > last) addText(text.slice(last, start));
    html += `<a href="${escapeAttribute(url)}" rel="noopener noreferrer">${escapeText(url)}</a>`;
    plain += url;
    links.push(url);
    last = start + url.length;
  }
  if (last < text.length) addText(text.slice(last));
  return { html, plain, links, mathProblems: [] };
}

export function renderDumpText(text: string, options: RenderOptions = {}): RenderedText {
  const linkUrls = options.linkUrls ?? true;
  return renderWithoutParser(text, linkUrls) ?? renderThroughPipeline(text, options);
}

/** The unified pipeline itself, for every text (exported for the test that compares it with the shortcut). */
export function renderThroughPipeline(text: string, options: RenderOptions = {}): RenderedText {
  const tree = parseDumpText(textModeCommandsToUnicode(text), options.linkUrls ?? true);
  const mathProblems: string[] = [];
  const links: string[] = [];
  const plainParts: string[] = [];
  const handlers: Partial<Handlers> = {
    inlineMath(_state, node: InlineMath): ElementContent[] {
      const source = `$${node.value}$`;
      const math = renderInlineMath(node.value);
      if (!math.ok) {
        mathProblems.push(`${source}: ${math.problem}`);
        return [{ type: 'text', value: source }];
      }
      // The search index reads the plain reading from the hidden span (the MathML is ignored
      // there); readers see the MathML, and assistive technology reads it as math.
      return [
        {
          type: 'element',
          tagName: 'span',
          properties: { className: ['math'], dataPagefindIgnore: '' },
          children: [math.mathml],
        },
        {
          type: 'element',
          tagName: 'span',
          properties: { hidden: true },
          children: [{ type: 'text', value: math.plain }],
        },
      ];
    },
    link(state, node: Link): Element {
      links.push(node.url);
      return {
        type: 'element',
        tagName: 'a',
        properties: { href: node.url, rel: ['noopener', 'noreferrer'] },
        children: state.all(node),
      };
    },
  };
  const hast = toHast(tree, { handlers: handlers as Handlers });
  const inline =
    hast.type === 'root'
      ? hast.children.flatMap((node) => (node.type === 'element' && node.tagName === 'p' ? node.children : [node]))
      : [hast];
  for (const block of tree.children) plainParts.push(plainTextOf(block));
  const html = toHtml({ type: 'root', children: inline }, { characterReferences: { useNamedReferences: true } }).trim();
  return { html, plain: plainParts.join(' ').trim(), links, mathProblems };
}

/**
 * Parses with every `$` of money escaped: a `$` that opened a "formula" reading as money is escaped
 * (`\$`, shown as `$`) and the text parsed again, so that the dollars after it pair up anew
 * ("between $2 and $3 … from $\log E$ to $0.3\log E$": money twice, then two formulas).
 */
function parseDumpText(text: string, linkUrls: boolean): Root {
  const parser = linkUrls ? processors.linked : processors.unlinked;
  let source = text;
  for (let round = 0; ; round++) {
    const tree = parser.parse(source);
    const moneyAt: number[] = [];
    visit(tree, 'inlineMath', (node: InlineMath) => {
      const start = node.position?.start.offset;
      if (start !== undefined && readsAsMoney(node, source)) moneyAt.push(start);
    });
    if (moneyAt.length === 0) return parser.runSync(tree, source) as Root;
    // Every money `$` of this round at once, so that a line of many costs a few rounds, not one
    // each; past a few rounds every `$` left is taken as a dollar sign.
    source =
      round < MAX_MONEY_ROUNDS
        ? moneyAt.reduceRight((escaped, at) => `${escaped.slice(0, at)}\\${escaped.slice(at)}`, source)
        : source.replace(/(?<!\\)\$/g, '\\$');
  }
}

const MAX_MONEY_ROUNDS = 4;

/**
 * Text-mode commands whose names are punctuation (`\,` `\;` `\!` `\'` `\"` `\^` `\~` `` \` ``):
 * the Markdown parser would take their backslash for an escape and keep the punctuation ("5\,ms"
 * → "5,ms", `Schr\"odinger` → `Schr"odinger`), so they are read before it runs, outside URLs.
 * `\(…\)` becomes `$…$`, the same inline math.
 */
function textModeCommandsToUnicode(text: string): string {
  let result = '';
  let last = 0;
  const convert = (part: string) =>
    part
      .replace(/\\\((.+?)\\\)/g, '$$$1$$')
      .replace(/\\([,;:!])/g, (_whole, mark: string) => (mark === '!' ? '' : ' '))
      .replace(/\\(['"^`~])(?:\{([A-Za-z])\}|([A-Za-z]))/g, (whole, accent: string, braced?: string, bare?: string) => {
        const composed = `${braced ?? bare}${COMBINING_ACCENTS[accent]}`.normalize('NFC');
        return composed.length === 1 ? composed : whole;
      });
  for (const { url, start } of findUrlSpans(text)) {
    result += convert(text.slice(last, start)) + url;
    last = start + url.length;
  }
  return result + convert(text.slice(last));
}

const COMBINING_ACCENTS: Record<string, string> = {
  "'": '\u0301',
  '"': '\u0308',
  '^': '\u0302',
  '`': '\u0300',
  '~': '\u0303',
};

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
      return 'children' in node
        ? (node.children as Nodes[]).map(plainTextOf).join('')
        : 'value' in node
          ? latexTextModeToUnicode(String(node.value))
          : '';
  }
}

/** The plain-text reading alone, for comparing titles and matching topic phrases. */
export function plainDumpText(text: string): string {
  return CHANGES_PLAIN_TEXT.test(text) ? renderDumpText(text, { linkUrls: false }).plain : text;
}

/** Without one of these, the plain reading is the text itself (titles are compared by it, often). */
const CHANGES_PLAIN_TEXT = /[$\\`~^_]|--/;
