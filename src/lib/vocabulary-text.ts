/**
 * How text becomes vocabulary words, shared by the build (src/lib/search-vocabulary.ts) and the
 * search page's suggestions: lower case, hyphens as spaces, runs of letters and digits (an
 * apostrophe inside a word is kept: "s'more").
 */
import { isAscii } from '../ingest/ascii.ts';

export function vocabularyWords(text: string): string[] {
  // ASCII text (most abstracts) has no accents to remove: the same words without normalising it.
  if (isAscii(text)) return text.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? [];
  return (
    text
      .toLowerCase()
      .normalize('NFKD')
      .replace(/\p{M}+/gu, '')
      .match(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu) ?? []
  );
}

/** The vocabulary file, /search-vocabulary.json. */
export interface Vocabulary {
  /** Words by how many papers use them: `words[0]` the most common band (alphabetical in a band). */
  words: string[][];
  /** Frequent phrases of two or three words, most common first, topic names among them. */
  phrases: string[];
}

export const VOCABULARY_PATH = '/search-vocabulary.json';
