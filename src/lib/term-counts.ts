/**
 * The related papers' terms (src/lib/related-papers.ts): each paper's words and two-word phrases
 * with their counts, title words counting double, numbered in the order a reading of the corpus
 * first meets them (the order decides how the weights are summed, so it is kept exactly), from the
 * word stream or replayed from a previous build's counts (text-derivations.ts).
 */
import { PairTable } from './pair-table.ts';
import { TermTexts } from './shared-terms.ts';
import { BREAK, OF, type NormalisedWord, type StreamItem } from './word-stream.ts';
import { PackedListsReader, PackedListsWriter, type DerivationMemo, type TermTables } from './text-derivations.ts';

/** A title and abstract, as the terms are counted from them. */
interface PaperText {
  title: string;
  abstract: string;
}

/** A title word counts as this many words of the abstract: the title says what the paper is. */
const TITLE_WEIGHT = 2;

/**
 * Each paper's term counts by term id, and each term's text. Words are numbered once; a phrase is
 * numbered by its two word numbers, so no phrase string is built but for display.
 */
export interface TermCounts {
  /** Distinct term ids, ascending. */
  terms: Int32Array;
  counts: Int32Array;
}

export function countTerms(
  papers: readonly PaperText[],
  streamOf: (text: string) => readonly StreamItem[],
  memo: DerivationMemo<TermTables> | undefined,
): {
  texts: TermTexts;
  /** The terms' words (`TermTables`), for a thread that makes `TermTexts` of its own. */
  words: readonly string[];
  termWords: Int32Array;
  termCount: number;
  counts: TermCounts[];
} {
  const wordIds = new Map<string, number>();
  const words: string[] = [];
  const wordId = (word: string): number => {
    let id = wordIds.get(word);
    if (id === undefined) {
      id = words.length;
      wordIds.set(word, id);
      words.push(word);
    }
    return id;
  };
  // Term id → word id (single words) or -1 - pair index (phrases).
  const terms: number[] = [];
  const pairs: [number, number][] = [];
  const termOfWordId: number[] = [];
  const pairTerms = new PairTable();
  const termOfWord = (word: number): number => {
    let term = termOfWordId[word];
    if (term === undefined) {
      term = terms.length;
      termOfWordId[word] = term;
      terms.push(word);
    }
    return term;
  };
  const termOfPair = (first: number, second: number): number => {
    let term = pairTerms.get(first, second);
    if (term < 0) {
      term = terms.length;
      pairTerms.set(first, second, term);
      terms.push(-1 - pairs.length);
      pairs.push([first, second]);
    }
    return term;
  };
  // Counts of the paper being read, by term id, and the terms it has touched.
  let frequency = new Int32Array(1 << 16);
  const seen: number[] = [];
  const add = (term: number, weight: number) => {
    if (term >= frequency.length) {
      const larger = new Int32Array(Math.max(term + 1, frequency.length * 2));
      larger.set(frequency);
      frequency = larger;
    }
    if (frequency[term] === 0) seen.push(term);
    frequency[term]! += weight;
  };
  // A word's numbers, found once per normalised word (the word stream shares one object per
  // spelling): its word id, then the term ids of the word and of its parts, numbered in the order
  // in which a first reading meets them, as term ids are everywhere.
  const numbersOfWord = new Map<NormalisedWord, Int32Array>();
  const numbersOf = (item: NormalisedWord): Int32Array => {
    let numbers = numbersOfWord.get(item);
    if (numbers === undefined) {
      const id = wordId(item.term);
      numbers = new Int32Array(2 + item.parts.length);
      numbers[0] = id;
      numbers[1] = termOfWord(id);
      for (let part = 0; part < item.parts.length; part++) numbers[2 + part] = termOfWord(wordId(item.parts[part]!));
      numbersOfWord.set(item, numbers);
    }
    return numbers;
  };
  // A previous build's words and terms, numbered here when a paper first holds them (so that
  // terms are numbered in reading order, as if the paper were read).
  const prior = memo?.prior ?? null;
  const priorWordIds = new Int32Array(prior?.words.length ?? 0).fill(-1);
  const priorTermIds = new Int32Array((prior?.termWords.length ?? 0) / 2).fill(-1);
  const wordOfPrior = (word: number): number => {
    let id = priorWordIds[word]!;
    if (id < 0) priorWordIds[word] = id = wordId(prior!.words[word]!);
    return id;
  };
  const termOfPrior = (priorTerm: number): number => {
    let term = priorTermIds[priorTerm]!;
    if (term < 0) {
      const first = wordOfPrior(prior!.termWords[2 * priorTerm]!);
      const second = prior!.termWords[2 * priorTerm + 1]!;
      term = second < 0 ? termOfWord(first) : termOfPair(first, wordOfPrior(second));
      priorTermIds[priorTerm] = term;
    }
    return term;
  };
  const priorLists = prior ? new PackedListsReader(prior.papers) : null;
  const made = memo ? new PackedListsWriter() : null;
  const counts = papers.map((paper, index): TermCounts => {
    const priorIndex = prior ? memo!.priorIndex[index]! : -1;
    if (priorIndex >= 0) {
      const length = priorLists!.read(priorIndex);
      const list = priorLists!.values;
      for (let i = 0; i < length; i += 2) add(termOfPrior(list[i]!), list[i + 1]!);
    }
    for (let field = 0; field < (priorIndex >= 0 ? 0 : 2); field++) {
      const text = field === 0 ? paper.title : paper.abstract;
      const weight = field === 0 ? TITLE_WEIGHT : 1;
      let previous = -1;
      for (const item of streamOf(text)) {
        if (item === BREAK || item === OF) {
          previous = -1;
          continue;
        }
        const numbers = numbersOf(item);
        const id = numbers[0]!;
        add(numbers[1]!, weight);
        // The parts of a compound count as words too: "fine-tuning" meets "fine tuning".
        for (let part = 2; part < numbers.length; part++) add(numbers[part]!, weight);
        if (previous >= 0) add(termOfPair(previous, id), weight);
        previous = id;
      }
    }
    if (made) {
      for (const term of seen) {
        made.push(term);
        made.push(frequency[term]!);
      }
      made.endList();
    }
    const distinct = Int32Array.from(seen).sort();
    const frequencies = new Int32Array(distinct.length);
    for (let i = 0; i < distinct.length; i++) {
      frequencies[i] = frequency[distinct[i]!]!;
      frequency[distinct[i]!] = 0;
    }
    seen.length = 0;
    return { terms: distinct, counts: frequencies };
  });
  // Term → its word, or its two words (-1 second for a word): the terms' texts, and the tables kept for the next build.
  const termWords = new Int32Array(2 * terms.length);
  terms.forEach((code, term) => {
    const [first, second] = code >= 0 ? [code, -1] : pairs[-1 - code]!;
    termWords[2 * term] = first;
    termWords[2 * term + 1] = second;
  });
  if (memo && made) memo.made = { words, termWords, papers: made.finish() };
  return { texts: new TermTexts(words, termWords), words, termWords, termCount: terms.length, counts };
}
