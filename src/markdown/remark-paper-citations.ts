/**
 * remark plugin for editorial MDX (topic introductions): a link `[text](paper:<id>)` or
 * `[text](<paper:"Exact Title">)` becomes a link to the paper's page with its current title as the
 * link's `title`. A reference that matches no paper fails the build, naming the file, the line and
 * the closest titles: a citation that silently points nowhere is worse than none.
 */
import type { Link, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { parsePaperUrl, type PaperReferenceIndex } from './paper-references.ts';

export interface PaperCitationOptions {
  /** Called each time a document is processed, so that `astro dev` sees a new dump's papers. */
  papers: () => PaperReferenceIndex;
}

/** `[x](paper:"Two Words")` is not a Markdown link (a destination cannot hold a space): catch it. */
const UNPARSED_TITLE_REFERENCE = /\]\(paper:"[^"]*"\)/;

export function remarkPaperCitations(options: PaperCitationOptions) {
  return (tree: Root, file: VFile): void => {
    const where = (node: Link | Text) => `${file.path ?? 'an MDX file'}:${node.position?.start.line ?? '?'}`;
    let index: PaperReferenceIndex | null = null;
    visit(tree, (node) => {
      if (node.type === 'text' && UNPARSED_TITLE_REFERENCE.test(node.value)) {
        throw new Error(`${where(node)}: a paper reference by title needs angle brackets: [text](<paper:"Exact Title">)`);
      }
      if (node.type !== 'link') return;
      const reference = parsePaperUrl(node.url);
      if (reference === null) return;
      index ??= options.papers();
      const resolved = index.resolve(reference);
      if (!resolved.found) {
        const suggestions = resolved.suggestions.length > 0 ? ` Closest: ${resolved.suggestions.join('; ')}.` : '';
        throw new Error(`${where(node)}: no paper matches "paper:${reference}".${suggestions}`);
      }
      node.url = `/papers/${resolved.id}/`;
      node.title = resolved.title;
    });
  };
}
