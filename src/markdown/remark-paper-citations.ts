/**
 * remark plugin for editorial MDX (topic introductions): a link `[text](paper:<id>)` or
 * `[text](<paper:"Exact Title">)` becomes a link to the paper's page with its current title as the
 * link's `title`. A reference that matches no paper fails the build, naming the file, the line and
 * the closest titles: a citation that silently points nowhere is worse than none.
 */
import type { Definition, Link, Parent, Root, Text } from 'mdast';
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

/**
 * `[x](paper:"Two Words")` or `[x](paper:Two Words)` is not a Markdown link (a destination cannot
 * hold a space) and would stay as text: catch it.
 */
const UNPARSED_REFERENCE = /\]\(\s*paper:/i;

export function remarkPaperCitations(options: PaperCitationOptions) {
  return (tree: Root, file: VFile): void => {
    const where = (node: Link | Definition | Text) =>
      `${file.path ?? 'an MDX file'}:${node.position?.start.line ?? '?'}`;
    let papers: PaperReferenceIndex | null = null;
    const unlinked: { link: Link; parent: Parent; index: number }[] = [];
    visit(tree, (node, index, parent) => {
      if (node.type === 'text' && UNPARSED_REFERENCE.test(node.value)) {
        throw new Error(
          `${where(node)}: this paper reference is not a link; a title needs angle brackets: [text](<paper:"Exact Title">)`,
        );
      }
      // A reference-style link takes its URL from a definition (`[r]: paper:…`).
      if (node.type !== 'link' && node.type !== 'definition') return;
      const reference = parsePaperUrl(node.url);
      if (reference === null) return;
      papers ??= options.papers();
      const resolved = papers.resolve(reference);
      if (!resolved.found) {
        const suggestions = resolved.suggestions.length > 0 ? ` Closest: ${resolved.suggestions.join('; ')}.` : '';
        const problem = resolved.ambiguous
          ? `more than one paper has the title of "paper:${reference}"; cite it by id`
          : `no paper matches "paper:${reference}"`;
        const message = `${where(node)}: ${problem}.${suggestions}`;
        if (options.unresolved !== 'warn') throw new Error(message);
        (options.warn ?? console.warn)(`${message} Shown as text.`);
        if (node.type === 'link') unlinked.push({ link: node, parent: parent as Parent, index: index ?? 0 });
        else node.url = '#';
        return;
      }
      node.url = `/papers/${resolved.id}/`;
      node.title = resolved.title;
    });
    // Replaced last to first, so that the indexes found above stay right.
    for (const { link, parent, index } of unlinked.reverse())
      parent.children.splice(index, 1, ...(link.children as typeof parent.children));
  };
}
