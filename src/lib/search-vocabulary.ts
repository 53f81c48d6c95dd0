/**
 * The vocabulary the search page suggests spellings from ("Did you mean …?"), built from the
 * papers at build time: the words papers use, in bands of frequency, the phrases their titles
 * share, and the topic and organisation names.
 * Its size is capped: at most MAX_WORDS words and MAX_PHRASES phrases, and the rarest words are
 * left out until it weighs at most MAX_GZIP_BYTES gzipped, however many papers there are.
 */
import { gzipSync } from 'node:zlib';
import type { PaperRecord } from '../ingest/index.ts';
import { STOP_WORDS } from '../scripts/search-terms.ts';
import { vocabularyWords, type Vocabulary } from './vocabulary-text.ts';

const MAX_WORDS = 12_000;
const MAX_PHRASES = 1_500;
export const MAX_GZIP_BYTES = 60_000;
/** A word must be in this many papers (or in a title, or a name) to be suggested. */
const MIN_PAPERS = 2;
const MIN_PHRASE_PAPERS = 2;
/** Words a phrase neither starts nor ends with: the query's stop words and a few more. */
const EDGE_STOP_WORDS = new Set([
  ...STOP_WORDS,
  'our',
  'can',
  'which',
  'its',
  'these',
  'such',
  'has',
  'have',
  'than',
  'not',
  'but',
  'both',
  'also',
]);
const isWord = (word: string) => word.length >= 3 && /\p{L}/u.test(word) && word.length <= 30;

/**
 * How many papers use each item, counting an item once per paper: one map lookup per occurrence,
 * no Set per paper (10,000 abstracts hold millions of words).
 */
class PaperCounts {
  private readonly ids = new Map<string, number>();
  private readonly items: string[] = [];
  private readonly papers: number[] = [];
  private readonly lastPaper: number[] = [];
  private paper = 0;
  private readonly counted: (item: string) => boolean;

  // No parameter property: a worker thread runs this file as plain erasable TypeScript.
  constructor(counted: (item: string) => boolean = () => true) {
    this.counted = counted;
  }

  /** Counts the items of one more paper. */
  addPaper(items: Iterable<string>): void {
    const paper = ++this.paper;
    for (const item of items) {
      let id = this.ids.get(item);
      if (id === undefined) {
        id = this.items.length;
        this.ids.set(item, id);
        this.items.push(item);
        // An item never counted stays at -1 papers.
        this.papers.push(this.counted(item) ? 0 : -1);
        this.lastPaper.push(0);
      }
      if (this.lastPaper[id] === paper || this.papers[id]! < 0) continue;
      this.lastPaper[id] = paper;
      this.papers[id]!++;
    }
  }

  has(item: string): boolean {
    const id = this.ids.get(item);
    return id !== undefined && this.papers[id]! > 0;
  }

  /** [item, papers] for every item counted in at least one paper. */
  entries(): [string, number][] {
    const entries: [string, number][] = [];
    this.items.forEach((item, id) => {
      if (this.papers[id]! > 0) entries.push([item, this.papers[id]!]);
    });
    return entries;
  }
}

function phrasesOf(text: string): string[] {
  const found: string[] = [];
  // Phrases do not cross sentence or clause punctuation.
  for (const clause of text.split(/[.,;:!?()[\]{}"“”]+/)) {
    const words = vocabularyWords(clause);
    for (let at = 0; at < words.length; at += 1) {
      for (const length of [2, 3]) {
        const phrase = words.slice(at, at + length);
        if (phrase.length < length || EDGE_STOP_WORDS.has(phrase[0]!) || EDGE_STOP_WORDS.has(phrase[length - 1]!))
          continue;
        if (
          !phrase.every(
            (word) => (isWord(word) || EDGE_STOP_WORDS.has(word)) && !/^(?:https?|www|github|com)$/.test(word),
          )
        )
          continue;
        found.push(phrase.join(' '));
      }
    }
  }
  return found;
}

const byCountThenText = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** What of a paper the vocabulary reads. */
export type VocabularyPaper = Pick<PaperRecord, 'title' | 'abstract' | 'organization'>;

export function buildVocabulary(
  papers: readonly VocabularyPaper[],
  topicNames: ReadonlyMap<string, string>,
): Vocabulary {
  const wordCounts = new PaperCounts(isWord);
  const phraseCounts = new PaperCounts();
  const always = new Set<string>();
  // Each name once (an organisation is named by many papers), in order of first mention.
  const names = [
    ...new Set([
      ...topicNames.values(),
      ...papers.flatMap((paper) => (paper.organization ? [paper.organization] : [])),
    ]),
  ];
  for (const name of names) for (const word of vocabularyWords(name)) always.add(word);
  for (const paper of papers) {
    const titleWords = vocabularyWords(paper.title);
    for (const word of titleWords) always.add(word);
    // The title's words and the abstract's: no word runs across the two, hyphens and apostrophes aside.
    wordCounts.addPaper([...titleWords, ...vocabularyWords(paper.abstract)]);
    // Phrases from titles only: every abstract's two- and three-word runs would cost seconds at
    // 10,000 papers, and titles hold the phrases readers search for.
    phraseCounts.addPaper(phrasesOf(paper.title));
  }
  const wordPapers = wordCounts.entries();
  for (const word of always) if (isWord(word) && !wordCounts.has(word)) wordPapers.push([word, 1]);
  const phrasePapers = phraseCounts.entries();
  const words = wordPapers
    .filter(([word, count]) => count >= MIN_PAPERS || always.has(word))
    .sort(byCountThenText)
    .slice(0, MAX_WORDS);
  const nameWords = new Set(names.map((name) => vocabularyWords(name).join(' ')).filter((name) => name.includes(' ')));
  const phrases = [
    ...nameWords,
    ...phrasePapers
      .filter(([phrase, count]) => count >= MIN_PHRASE_PAPERS && !nameWords.has(phrase))
      .sort(byCountThenText)
      .map(([phrase]) => phrase),
  ].slice(0, MAX_PHRASES);
  for (let kept = words.length; ; kept = Math.floor(kept * 0.9)) {
    const vocabulary = { words: inBands(words.slice(0, kept)), phrases };
    if (kept === 0 || gzipSync(JSON.stringify(vocabulary)).length <= MAX_GZIP_BYTES) return vocabulary;
  }
}

/** Band 0 holds the most common words; each band down is half as common. Alphabetical in a band (it compresses better). */
function inBands(words: readonly [string, number][]): string[][] {
  const bands: string[][] = [];
  const top = words[0]?.[1] ?? 1;
  for (const [word, count] of words) {
    const band = Math.max(0, Math.floor(Math.log2(top / count)));
    while (bands.length <= band) bands.push([]);
    bands[band]!.push(word);
  }
  for (const band of bands) band.sort();
  return bands;
}
