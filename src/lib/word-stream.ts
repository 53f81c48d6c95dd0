/**
 * The words of a text as the related-papers and themes computations read them, in one pass and
 * without an object per word: each content word normalised once per distinct spelling (cached),
 * function words and clause punctuation as breaks, "of" kept apart ("mixture of experts").
 * The same rules as `contentRuns` in text-terms.ts, made for speed at 10,000 papers.
 */
import { isContentWord, singular } from './text-terms.ts';

export interface NormalisedWord {
  /** Singular, compounds kept whole: "low-rank", "expert". The related papers' terms. */
  term: string;
  /** Singular parts of a compound ("low", "rank"); empty for a plain word. */
  parts: readonly string[];
  /** Hyphens as spaces, each part singular: "low rank", "mixture of expert". The themes' keys. */
  key: string;
}

/** A break (function word or clause punctuation), or the word "of". */
export const BREAK = null;
export const OF = 0;
export type StreamItem = NormalisedWord | typeof BREAK | typeof OF;

const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const CLAUSE_PUNCTUATION = new Set(['.', ',', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '"']);
const normalised = new Map<string, NormalisedWord | null>();

function normalise(word: string): NormalisedWord | null {
  let entry = normalised.get(word);
  if (entry === undefined) {
    if (!isContentWord(word)) entry = null;
    else {
      const pieces = word.includes('-') ? word.split('-') : [];
      entry = {
        term: singular(word),
        parts: pieces.filter(isContentWord).map(singular),
        key: (pieces.length > 0 ? pieces : [word]).map(singular).join(' '),
      };
    }
    // Bounded: a corpus has some tens of thousands of distinct words.
    if (normalised.size < 300_000) normalised.set(word, entry);
  }
  return entry;
}

/** Whether clause punctuation stands between two words (a run of words ends there). */
function brokenBetween(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (CLAUSE_PUNCTUATION.has(text[index]!)) return true;
  return false;
}

/** The text's words in order, with breaks; consecutive breaks are kept as one. */
export function wordStream(text: string): StreamItem[] {
  const items: StreamItem[] = [];
  let previousEnd = -1;
  const pushBreak = () => {
    if (items.length > 0 && items[items.length - 1] !== BREAK) items.push(BREAK);
  };
  for (const match of text.matchAll(WORD)) {
    if (previousEnd >= 0 && brokenBetween(text, previousEnd, match.index)) pushBreak();
    previousEnd = match.index + match[0].length;
    const word = match[0].toLowerCase();
    if (word === 'of') {
      items.push(OF);
      continue;
    }
    const entry = normalise(word);
    if (entry === null) pushBreak();
    else items.push(entry);
  }
  return items;
}

/** `wordStream` remembering each text's words, for computations that read the same texts (held only as long as it is). */
export function memoisedWordStream(): (text: string) => readonly StreamItem[] {
  const streams = new Map<string, StreamItem[]>();
  return (text) => {
    let stream = streams.get(text);
    if (stream === undefined) streams.set(text, (stream = wordStream(text)));
    return stream;
  };
}
