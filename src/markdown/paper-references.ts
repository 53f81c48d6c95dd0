/**
 * What an editor's `paper:` reference in a topic introduction points at: a paper id (a retired id
 * follows its redirect to the paper it became) or a paper's exact title (current or former, compared
 * as title keys), and, for a reference that matches nothing, the titles that come closest.
 */
import { comparableWords, titleKey, type PaperRecord } from '../ingest/index.ts';

export type PaperSummary = Pick<PaperRecord, 'id' | 'title' | 'aliases' | 'formerIds'>;

export type ResolvedReference =
  | { found: true; id: string; title: string; via: 'id' | 'retired id' | 'title' }
  | { found: false; suggestions: string[]; ambiguous: boolean };

export interface PaperReferenceIndex {
  resolve(reference: string): ResolvedReference;
}

/** `paper:some-id`, `paper:"Exact Title"` (inside `<…>`) or `paper:Exact%20Title`: the part after `paper:`. */
export function parsePaperUrl(url: string): string | null {
  if (!/^paper:/i.test(url)) return null;
  let reference = url.slice('paper:'.length);
  try {
    reference = decodeURIComponent(reference);
  } catch {
    // A stray % is part of the title.
  }
  return reference
    .trim()
    .replace(/^"(.*)"$/s, '$1')
    .trim();
}

export function indexPaperReferences(papers: readonly PaperSummary[]): PaperReferenceIndex {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const byRetiredId = new Map(papers.flatMap((paper) => paper.formerIds.map((id) => [id, paper] as const)));
  // A title (or former title) two papers share names neither: such a reference must use an id.
  const byTitle = new Map<string, PaperSummary | 'ambiguous'>();
  for (const paper of papers) {
    for (const key of new Set([...paper.aliases, paper.title].map(titleKey))) {
      const known = byTitle.get(key);
      byTitle.set(key, known === undefined || known === paper ? paper : 'ambiguous');
    }
  }
  const wordsOf = new Map(
    papers.map((paper) => [paper, new Set(comparableWords(`${paper.title} ${paper.id.replaceAll('-', ' ')}`))]),
  );

  const closestTitles = (reference: string): string[] => {
    const wanted = new Set(comparableWords(reference.replaceAll('-', ' ')));
    if (wanted.size === 0) return [];
    return papers
      .map((paper) => {
        const words = wordsOf.get(paper)!;
        let shared = 0;
        for (const word of wanted) if (words.has(word)) shared++;
        return { paper, score: (2 * shared) / (wanted.size + words.size) };
      })
      .filter((candidate) => candidate.score > 0)
      .sort((a, b) => b.score - a.score || (a.paper.id < b.paper.id ? -1 : 1))
      .slice(0, 3)
      .map(({ paper }) => `"${paper.title}" (paper:${paper.id})`);
  };

  return {
    resolve(reference) {
      const direct = byId.get(reference);
      if (direct) return { found: true, id: direct.id, title: direct.title, via: 'id' };
      const redirected = byRetiredId.get(reference);
      if (redirected) return { found: true, id: redirected.id, title: redirected.title, via: 'retired id' };
      const key = titleKey(reference);
      const titled = key === '' ? undefined : byTitle.get(key);
      if (titled === 'ambiguous') return { found: false, suggestions: closestTitles(reference), ambiguous: true };
      if (titled) return { found: true, id: titled.id, title: titled.title, via: 'title' };
      return { found: false, suggestions: closestTitles(reference), ambiguous: false };
    },
  };
}
