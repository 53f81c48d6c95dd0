/**
 * The vocabulary the search page suggests spellings from ("Did you mean …?"), built from the
 * papers at build time: the words papers use, in bands of frequency, the phrases their titles
 * share, and the topic and organisation names.
 * Its size is capped: at most MAX_WORDS words and MAX_PHRASES phrases, and the rarest words are
 * left out until it weighs at most MAX_GZIP_BYTES gzipped, however many papers there are.
 */
import { gzipSync } from 'node:zlib';
import { PackedListsReader } from './text-derivations.ts';
import { vocabularyWords, type Vocabulary } from './vocabulary-text.ts';
import {
  isVocabularyWord,
  VocabularyTermsWriter,
  type VocabularyPaper,
  type VocabularyTermTables,
} from './vocabulary-terms.ts';

const MAX_WORDS = 12_000;
const MAX_PHRASES = 1_500;
export const MAX_GZIP_BYTES = 60_000;
/** A word must be in this many papers (or in a title, or a name) to be suggested. */
const MIN_PAPERS = 2;
const MIN_PHRASE_PAPERS = 2;

const byCountThenText = (a: [string, number], b: [string, number]) =>
  b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

export function buildVocabulary(
  papers: readonly VocabularyPaper[],
  topicNames: ReadonlyMap<string, string>,
): Vocabulary {
  const terms = new VocabularyTermsWriter();
  for (const paper of papers) terms.read(paper);
  return vocabularyOfTerms(terms.finish(), papers, topicNames);
}

/**
 * The vocabulary of `papers` from what was read of them (`tables`, one list per paper in any order:
 * every count is over papers, and every list of the result is sorted).
 */
export function vocabularyOfTerms(
  tables: VocabularyTermTables,
  papers: readonly VocabularyPaper[],
  topicNames: ReadonlyMap<string, string>,
): Vocabulary {
  const { strings } = tables;
  // By string id: in how many papers' words or titles' phrases; whether a phrase; whether in a title.
  const papersWith = new Int32Array(strings.length);
  const isPhrase = new Uint8Array(strings.length);
  const always = new Uint8Array(strings.length);
  const reader = new PackedListsReader(tables.papers);
  for (let paper = 0; paper < papers.length; paper++) {
    const length = reader.read(paper);
    const { values } = reader;
    const words = values[0]!;
    const titleEnd = words + 2 + values[words + 1]!;
    for (let at = 1; at <= words; at++) papersWith[values[at]!]!++;
    for (let at = words + 2; at < titleEnd; at++) always[values[at]!] = 1;
    for (let at = titleEnd; at < length; at++) {
      papersWith[values[at]!]!++;
      isPhrase[values[at]!] = 1;
    }
  }
  // Each name once (an organisation is named by many papers), in order of first mention.
  const names = [
    ...new Set([
      ...topicNames.values(),
      ...papers.flatMap((paper) => (paper.organization ? [paper.organization] : [])),
    ]),
  ];
  const nameWords = new Set(names.flatMap((name) => vocabularyWords(name)).filter(isVocabularyWord));
  const wordPapers: [string, number][] = [];
  const phrasePapers: [string, number][] = [];
  strings.forEach((string, id) => {
    const count = papersWith[id]!;
    if (isPhrase[id]) phrasePapers.push([string, count]);
    else if (count > 0) {
      const named = nameWords.delete(string);
      if (count >= MIN_PAPERS || always[id] || named) wordPapers.push([string, count]);
    }
  });
  // A name's word that no paper uses is suggested as one paper's.
  for (const word of nameWords) wordPapers.push([word, 1]);
  const words = wordPapers.sort(byCountThenText).slice(0, MAX_WORDS);
  const namePhrases = new Set(
    names.map((name) => vocabularyWords(name).join(' ')).filter((name) => name.includes(' ')),
  );
  const phrases = [
    ...namePhrases,
    ...phrasePapers
      .filter(([phrase, count]) => count >= MIN_PHRASE_PAPERS && !namePhrases.has(phrase))
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
