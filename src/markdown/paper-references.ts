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

/** How many of the closest titles a reference to no paper names. */
const SUGGESTIONS = 3;

/**
 * The indexes are made when a reference first needs them, not before: the topic introductions cite
 * a dozen papers, by id nearly always, and the title keys and words of every paper cost ~1 s at
 * 50,000 papers; the closest titles are picked in one pass, without ranking every paper.
 */
export function indexPaperReferences(papers: readonly PaperSummary[]): PaperReferenceIndex {
  let byId: Map<string, PaperSummary> | undefined;
  let byRetiredId: Map<string, PaperSummary> | undefined;
  // A title (or former title) two papers share names neither: such a reference must use an id.
  let byTitle: Map<string, PaperSummary | 'ambiguous'> | undefined;
  let words: { holders: Map<string, number[]>; sizes: Int32Array } | undefined;

  const titleIndex = () => {
    const index = new Map<string, PaperSummary | 'ambiguous'>();
    const add = (title: string, paper: PaperSummary) => {
      const key = titleKey(title);
      const known = index.get(key);
      index.set(key, known === undefined || known === paper ? paper : 'ambiguous');
    };
    for (const paper of papers) {
      add(paper.title, paper);
      for (const alias of paper.aliases) add(alias, paper);
    }
    return index;
  };

  /** Which papers hold each word (of its title and id), and how many words each paper has. */
  const wordIndex = () => {
    const holders = new Map<string, number[]>();
    const sizes = new Int32Array(papers.length);
    papers.forEach((paper, at) => {
      let size = 0;
      for (const word of comparableWords(`${paper.title} ${paper.id.replaceAll('-', ' ')}`)) {
        const list = holders.get(word);
        if (list === undefined) holders.set(word, [at]);
        else if (list[list.length - 1] === at)
          continue; // a word the paper has already
        else list.push(at);
        size++;
      }
      sizes[at] = size;
    });
    return { holders, sizes };
  };

  /** By the Dice coefficient of the words, then by id: only the papers sharing a word are scored. */
  const closestTitles = (reference: string): string[] => {
    const wanted = new Set(comparableWords(reference.replaceAll('-', ' ')));
    if (wanted.size === 0) return [];
    words ??= wordIndex();
    const shared = new Int32Array(papers.length);
    const sharing: number[] = [];
    for (const word of wanted) {
      for (const at of words.holders.get(word) ?? []) {
        if (shared[at] === 0) sharing.push(at);
        shared[at] = shared[at]! + 1;
      }
    }
    // The best first: higher score, then the smaller id (ids are unique, so the order is total).
    const best: { paper: PaperSummary; score: number }[] = [];
    const before = (a: { paper: PaperSummary; score: number }, b: { paper: PaperSummary; score: number }) =>
      a.score > b.score || (a.score === b.score && a.paper.id < b.paper.id);
    for (const at of sharing) {
      const candidate = { paper: papers[at]!, score: (2 * shared[at]!) / (wanted.size + words.sizes[at]!) };
      if (best.length === SUGGESTIONS && !before(candidate, best[SUGGESTIONS - 1]!)) continue;
      let place = Math.min(best.length, SUGGESTIONS - 1);
      while (place > 0 && before(candidate, best[place - 1]!)) place--;
      best.splice(place, 0, candidate);
      best.length = Math.min(best.length, SUGGESTIONS);
    }
    return best.map(({ paper }) => `"${paper.title}" (paper:${paper.id})`);
  };

  return {
    resolve(reference) {
      byId ??= new Map(papers.map((paper) => [paper.id, paper]));
      const direct = byId.get(reference);
      if (direct) return { found: true, id: direct.id, title: direct.title, via: 'id' };
      byRetiredId ??= new Map(papers.flatMap((paper) => paper.formerIds.map((id) => [id, paper] as const)));
      const redirected = byRetiredId.get(reference);
      if (redirected) return { found: true, id: redirected.id, title: redirected.title, via: 'retired id' };
      const key = titleKey(reference);
      const paper = key === '' ? undefined : (byTitle ??= titleIndex()).get(key);
      if (paper === 'ambiguous') return { found: false, suggestions: closestTitles(reference), ambiguous: true };
      if (paper) return { found: true, id: paper.id, title: paper.title, via: 'title' };
      return { found: false, suggestions: closestTitles(reference), ambiguous: false };
    },
  };
}
