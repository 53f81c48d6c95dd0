/**
 * remark plugins that make Markdown parsing safe for dump text, which is data and never markup:
 * every CommonMark construct but paragraphs, text and backslash escapes is switched off (so
 * `**bold**`, `[x](javascript:…)`, `<b>` and `# heading` stay the characters they are), literal
 * URLs become links and text-mode LaTeX becomes characters. `readsAsMoney` tells a `$` of money
 * from one of math.
 */
import type { InlineMath } from 'mdast-util-math';
import type { Link, PhrasingContent, Root, Text } from 'mdast';
import type { Processor } from 'unified';
import { findUrlSpans } from '../extract-links.ts';
import { latexTextModeToUnicode } from './latex-text-mode.ts';

/** micromark construct names (micromark-core-commonmark and micromark-extension-math). */
const DISABLED_CONSTRUCTS = [
  'attention',
  'autolink',
  'blockQuote',
  'characterReference',
  'codeFenced',
  'codeIndented',
  'codeText',
  'definition',
  'hardBreakEscape',
  'hardBreakTrailing',
  'headingAtx',
  'htmlFlow',
  'htmlText',
  'labelEnd',
  'labelStartImage',
  'labelStartLink',
  'list',
  'setextUnderline',
  'thematicBreak',
  'mathFlow',
];

export function remarkLiteralText(this: Processor): void {
  const data = this.data();
  (data.micromarkExtensions ??= []).push({ disable: { null: DISABLED_CONSTRUCTS } });
}

type DumpPhrasing = PhrasingContent | InlineMath;

/** `$a$$b$` is two formulas in TeX; micromark reads one formula `a$$b`, since `$$` is no closer of `$`. */
function splitAdjacentFormulas(node: DumpPhrasing): DumpPhrasing[] {
  if (node.type !== 'inlineMath' || !node.value.includes('$$')) return [node];
  return node.value.split('$$').map((value) => ({ type: 'inlineMath', value }));
}

function linkedText(value: string, linkUrls: boolean): DumpPhrasing[] {
  const parts: DumpPhrasing[] = [];
  let last = 0;
  for (const { url, start } of linkUrls ? findUrlSpans(value) : []) {
    if (start > last) parts.push({ type: 'text', value: latexTextModeToUnicode(value.slice(last, start)) });
    const link: Link = { type: 'link', url, children: [{ type: 'text', value: url }] };
    parts.push(link);
    last = start + url.length;
  }
  if (last < value.length) parts.push({ type: 'text', value: latexTextModeToUnicode(value.slice(last)) });
  return parts;
}

export interface DumpTextOptions {
  /** Whether URLs become links: not in a title, which pages put inside a link of its own. */
  linkUrls: boolean;
}

export function remarkDumpTextNodes(options: DumpTextOptions) {
  return (tree: Root): void => {
    for (const block of tree.children) {
      if (block.type !== 'paragraph') continue;
      // Adjacent text joined (escapes split it), so that a URL or a LaTeX form is seen whole.
      const joined: DumpPhrasing[] = [];
      for (const node of (block.children as DumpPhrasing[]).flatMap(splitAdjacentFormulas)) {
        const previous = joined[joined.length - 1];
        if (node.type === 'text' && previous?.type === 'text') (previous as Text).value += node.value;
        else joined.push(node.type === 'text' ? { type: 'text', value: node.value } : node);
      }
      block.children = joined.flatMap((node) =>
        node.type === 'text' ? linkedText(node.value, options.linkUrls) : [node],
      ) as PhrasingContent[];
    }
  };
}

/**
 * Close to Pandoc's rule for `$`: math opens with a non-space and closes after a non-space, so
 * "costs $5 and $10" is money, not the formula "5 and ". Pandoc also refuses a closing `$` before
 * a digit, but abstracts write "$\sim$50\%": only a "formula" that starts with a digit and runs
 * into one (`$100K-$200K`) is money for that reason.
 */
export function readsAsMoney(node: InlineMath, source: string): boolean {
  const end = node.position?.end.offset;
  // A "formula" closed by an escaped `\$` is none: its opening `$` is a dollar sign too.
  if (node.value === '' || /^\s|\s$|\\$/.test(node.value)) return true;
  return /^[0-9]/.test(node.value) && end !== undefined && /[0-9]/.test(source.charAt(end));
}
