/**
 * What the search vocabulary (src/lib/search-vocabulary.ts) reads of each paper, as per-paper lists
 * of numbers into one table of strings, so that a build can hand it to the next
 * (src/lib/search-vocabulary-cache.ts) and a paper read once is not read again.
 *
 * Paper `i`'s list is `[w, …w word ids, t, …t title word ids, …phrase ids]`: the distinct words of
 * its title and abstract that can be suggested, the distinct ones of its title (always suggested),
 * the distinct phrases of its title. A word has no space and a phrase has one, so one table holds both.
 * Plain erasable TypeScript: the vocabulary's worker thread runs it as it is.
 */
import type { PaperRecord } from '../ingest/index.ts';
import { STOP_WORDS } from '../scripts/search-terms.ts';
import { PackedListsReader, PackedListsWriter, type PackedLists } from './text-derivations.ts';
import { vocabularyWords } from './vocabulary-text.ts';

export interface VocabularyTermTables {
  strings: readonly string[];
  papers: PackedLists;
}

/** What of a paper the vocabulary reads. */
export type VocabularyPaper = Pick<PaperRecord, 'title' | 'abstract' | 'organization'>;

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

/** Whether a word can be suggested. */
export const isVocabularyWord = (word: string) => word.length >= 3 && /\p{L}/u.test(word) && word.length <= 30;

/** The two- and three-word runs of a title that may be suggested as phrases. */
function titlePhrases(text: string): string[] {
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
            (word) =>
              (isVocabularyWord(word) || EDGE_STOP_WORDS.has(word)) && !/^(?:https?|www|github|com)$/.test(word),
          )
        )
          continue;
        found.push(phrase.join(' '));
      }
    }
  }
  return found;
}

/** Builds the tables paper by paper, each paper read from its texts or replayed from an earlier build's tables. */
export class VocabularyTermsWriter {
  private readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  /** By string id: the last paper whose words (or phrases) held it, and whose title words did. */
  private lastPaper = new Int32Array(1 << 14);
  private lastTitle = new Int32Array(1 << 14);
  private paper = 0;
  private readonly lists = new PackedListsWriter();
  private readonly words: number[] = [];
  private readonly titleWords: number[] = [];
  private readonly phrases: number[] = [];

  private idOf(string: string): number {
    let id = this.ids.get(string);
    if (id === undefined) {
      id = this.strings.length;
      this.ids.set(string, id);
      this.strings.push(string);
      if (id === this.lastPaper.length) {
        const grow = (array: Int32Array) => {
          const larger = new Int32Array(array.length * 2);
          larger.set(array);
          return larger;
        };
        this.lastPaper = grow(this.lastPaper);
        this.lastTitle = grow(this.lastTitle);
      }
    }
    return id;
  }

  /** Notes `id` in `into` unless this paper's list already has it. */
  private note(id: number, into: number[], last: Int32Array): void {
    if (last[id] === this.paper) return;
    last[id] = this.paper;
    into.push(id);
  }

  private endPaper(): void {
    const { lists, words, titleWords, phrases } = this;
    lists.push(words.length);
    for (const id of words) lists.push(id);
    lists.push(titleWords.length);
    for (const id of titleWords) lists.push(id);
    for (const id of phrases) lists.push(id);
    lists.endList();
    words.length = titleWords.length = phrases.length = 0;
  }

  /** Adds a paper read from its title and abstract. */
  read(paper: VocabularyPaper): void {
    this.paper += 1;
    const title = vocabularyWords(paper.title);
    // The title's words and the abstract's: no word runs across the two, hyphens and apostrophes aside.
    for (const words of [title, vocabularyWords(paper.abstract)])
      for (const word of words) if (isVocabularyWord(word)) this.note(this.idOf(word), this.words, this.lastPaper);
    for (const word of title) if (isVocabularyWord(word)) this.note(this.idOf(word), this.titleWords, this.lastTitle);
    // Phrases from titles only: every abstract's two- and three-word runs would cost seconds at
    // 10,000 papers, and titles hold the phrases readers search for.
    for (const phrase of titlePhrases(paper.title)) this.note(this.idOf(phrase), this.phrases, this.lastPaper);
    this.endPaper();
  }

  /**
   * Adds paper `index` of `prior` (an earlier build's tables, read by `reader`) as it is there;
   * `remap` (one place per prior string, -1 at first) numbers the prior's strings in these tables.
   */
  replay(prior: VocabularyTermTables, reader: PackedListsReader, index: number, remap: Int32Array): void {
    this.paper += 1;
    const length = reader.read(index);
    const { values } = reader;
    const words = values[0]!;
    const titleEnd = words + 2 + values[words + 1]!;
    for (let at = 1; at < length; at++) {
      if (at === words + 1) continue;
      const priorId = values[at]!;
      let id = remap[priorId]!;
      if (id < 0) remap[priorId] = id = this.idOf(prior.strings[priorId]!);
      (at <= words ? this.words : at < titleEnd ? this.titleWords : this.phrases).push(id);
    }
    this.endPaper();
  }

  finish(): VocabularyTermTables {
    return { strings: this.strings, papers: this.lists.finish() };
  }
}

/**
 * Whether every list of `tables` has the shape above and names strings of the table (a replay must
 * not read beyond them): checked on a file before it is trusted.
 */
export function wellFormedTermTables(tables: VocabularyTermTables, papers: number): boolean {
  const { starts, bytes } = tables.papers;
  if (starts.length !== papers + 1 || starts[0] !== 0 || starts[papers] !== bytes.length) return false;
  if (!starts.every((start, index) => index === 0 || start >= starts[index - 1]!)) return false;
  const reader = new PackedListsReader(tables.papers);
  const strings = tables.strings.length;
  for (let paper = 0; paper < papers; paper++) {
    const length = reader.read(paper);
    const { values } = reader;
    const words = values[0]!;
    if (length < 2 || words < 0 || words + 2 > length) return false;
    const titleWords = values[words + 1]!;
    if (titleWords < 0 || words + 2 + titleWords > length) return false;
    for (let at = 1; at < length; at++) {
      const id = values[at]!;
      if (at !== words + 1 && (id < 0 || id >= strings)) return false;
    }
  }
  return true;
}
