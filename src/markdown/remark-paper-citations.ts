/**
 * remark plugin for editorial MDX (topic introductions): a link `[text](paper:<id>)` or
 * `[text](<paper:"Exact Title">)` becomes a link to the paper's page with its current title as the
 * link's `title`. A reference that matches no paper fails the build, naming the file, the line and
 * the closest titles: a citation that silently points nowhere is worse than none.
 */
import type { Link, Parent, Root, Text } from 'mdast';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';
import { parsePaperUrl, type PaperReferenceIndex } from './paper-references.ts';

export interface PaperCitationOptions {
  /** Called each time a document is processed, so that `astro dev` sees a new dump's papers. */
  papers: () => PaperReferenceIndex;
  /**
   * `fail` (the default): a reference to no paper stops the build. `warn`: it is reported through
   * `warn` and its text stays, unlinked; for building the site from another folder of dumps, which
   * need not hold the papers the introductions cite.
   */
  unresolved?: 'fail' | 'warn';
  warn?: (message: string) => void;
}

/** `[x](paper:"Two Words")` is not a Markdown link (a destination cannot hold a space): catch it. */
const UNPARSED_TITLE_REFERENCE = /\]\(paper:"[^"]*"\)/;

export function remarkPaperCitations(options: PaperCitationOptions) {
  return (tree: Root, file: VFile): void => {
    const where = (node: Link | Text) => `${file.path ?? 'an MDX file'}:${node.position?.start.line ?? '?'}`;
    let papers: PaperReferenceIndex | null = null;
    const unlinked: { link: Link; parent: Parent; index: number }[] = [];
    visit(tree, (node, index, parent) => {
      if (node.type === 'text' && UNPARSED_TITLE_REFERENCE.test(node.value)) {
        throw new Error(`${where(node)}: a paper reference by title needs angle brackets: [text](<paper:"Exact Title">)`);
      }
      if (node.type !== 'link') return;
      const reference = parsePaperUrl(node.url);
      if (reference === null) return;
      papers ??= options.papers();
      const resolved = papers.resolve(reference);
      if (!resolved.found) {
        const suggestions = resolved.suggestions.length > 0 ? ` Closest: ${resolved.suggestions.join('; ')}.` : '';
        const message = `${where(node)}: no paper matches "paper:${reference}".${suggestions}`;
        if (options.unresolved !== 'warn') throw new Error(message);
        (options.warn ?? console.warn)(`${message} Shown as text.`);
        unlinked.push({ link: node, parent: parent as Parent, index: index ?? 0 });
        return;
      }
      node.url = `/papers/${resolved.id}/`;
      node.title = resolved.title;
    });
    // Replaced last to first, so that the indexes found above stay right.
    for (const { link, parent, index } of unlinked.reverse()) parent.children.splice(index, 1, ...(link.children as typeof parent.children));
  };
}
