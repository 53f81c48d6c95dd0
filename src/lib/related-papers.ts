/**
 * Related papers: for each paper, the papers whose title and abstract are most alike, by TF-IDF
 * weighting over words and two-word phrases and cosine similarity. Only the candidates that share
 * a term with the paper are ever scored, through an inverted index from which terms in more than
 * a few papers are pruned: those say little about likeness and are what would make the cost grow
 * with the square of the corpus. So the cost stays near linear in the number of papers.
 *
 * A new dump should change only the lists that a new paper enters (a rebuild renders again every
 * paper page whose list changes): no weight depends on the number of papers, candidates come
 * through every indexed term (no cut-off among a paper's terms for near-ties to cross), and the
 * shared terms shown are ranked by a key that only a coarse step in a term's frequency moves
 * (shared-terms.ts).
 */
import type { TermTexts } from './shared-terms.ts';
import { countTerms } from './term-counts.ts';
import { relatedIndex, type RelatedIndex } from './related-index.ts';
import { RELATED_COUNT, SHARED_TERM_COUNT, relatedLists, scoreRelated, type RelatedLists } from './related-scoring.ts';
import { wordStream, type StreamItem } from './word-stream.ts';
import type { DerivationMemo, TermTables } from './text-derivations.ts';

import type { PaperRecord } from '../ingest/index.ts';

export interface RelatedInput {
  id: string;
  title: string;
  abstract: string;
  /** Ids never to be listed as related (the paper's possible duplicates). */
  exclude?: readonly string[];
}

/** A paper record as `relatedPapers` reads it: its possible duplicates are never listed as related. */
export const relatedInputOf = (
  paper: Pick<PaperRecord, 'id' | 'title' | 'abstract' | 'possiblySameWork'>,
): RelatedInput => ({
  id: paper.id,
  title: paper.title,
  abstract: paper.abstract,
  exclude: paper.possiblySameWork,
});

export interface RelatedPaper {
  id: string;
  /** Cosine similarity, 0…1. */
  score: number;
  /** The terms both papers hold that count most towards their likeness, strongest first. */
  sharedTerms: string[];
}

export interface RelatedOptions {
  /** The words of a text (`wordStream`, or a memo of it that the topic themes share). */
  wordStream?: (text: string) => readonly StreamItem[];
  /** A previous build's term counts of the papers it read (not read again), and this build's for the next. */
  memo?: DerivationMemo<TermTables>;
}

/** The corpus-wide tables of `papers` (related-index.ts), on SharedArrayBuffers when `shared`, and the terms' texts. */
export function relatedTables(
  papers: readonly RelatedInput[],
  options: RelatedOptions,
  shared: boolean,
): { index: RelatedIndex; texts: TermTexts; words: readonly string[]; termWords: Int32Array } {
  const { texts, words, termWords, termCount, counts } = countTerms(
    papers,
    options.wordStream ?? wordStream,
    options.memo,
  );
  const idIndex = new Map(papers.map((paper, index) => [paper.id, index]));
  const excluded = papers.map((paper) =>
    (paper.exclude ?? []).map((id) => idIndex.get(id) ?? -1).filter((index) => index >= 0),
  );
  return { index: relatedIndex(counts, termCount, excluded, shared), texts, words, termWords };
}

/** The related papers as the site shows them, from the scored lists. */
export function relatedFromLists(
  papers: readonly RelatedInput[],
  lists: RelatedLists,
  texts: TermTexts,
): RelatedPaper[][] {
  return papers.map((_, paper) => {
    const result: RelatedPaper[] = [];
    for (let r = 0; r < RELATED_COUNT; r++) {
      const slot = paper * RELATED_COUNT + r;
      const other = lists.others[slot]!;
      if (other < 0) break;
      const sharedTerms: string[] = [];
      for (let s = 0; s < SHARED_TERM_COUNT; s++) {
        const term = lists.sharedTerms[slot * SHARED_TERM_COUNT + s]!;
        if (term < 0) break;
        sharedTerms.push(texts.text(term));
      }
      result.push({ id: papers[other]!.id, score: Math.round(lists.scores[slot]! * 1000) / 1000, sharedTerms });
    }
    return result;
  });
}

/** For every paper, in input order, its most similar papers. */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = {}): RelatedPaper[][] {
  const { index, texts } = relatedTables(papers, options, false);
  const lists = relatedLists(papers.length, false);
  let chunk = 0;
  scoreRelated(index, texts, lists, () => chunk++);
  return relatedFromLists(papers, lists, texts);
}
