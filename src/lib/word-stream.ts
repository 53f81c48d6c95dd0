/**
 * The words of a text as the related-papers and themes computations read them, in one pass and
 * without an object per word: each content word normalised once per distinct spelling (cached),
 * function words and clause punctuation as breaks, "of" kept apart ("mixture of experts").
 * The same rules as `tokenize` and `contentRuns` in text-terms.ts, made for speed at 10,000 papers.
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

/** Clause punctuation (a run of words ends there), by char code. */
const CLAUSE_PUNCTUATION = new Uint8Array(128);
for (const mark of '.,;:!?()[]{}"') CLAUSE_PUNCTUATION[mark.charCodeAt(0)] = 1;
const HYPHEN = 0x2d;
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
/** Whether a code point outside ASCII is a letter or digit, for each one met so far. */
const wordCharOutsideAscii = new Map<number, boolean>();

/**
 * The width (1, or 2 for a surrogate pair) of the letter or digit at `at` in `text`, or 0: what
 * `[\p{L}\p{N}]` matches, told from the char code for ASCII and remembered for other characters.
 */
function wordCharAt(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || ((code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a) ? 1 : 0;
  const point = text.codePointAt(at)!;
  let isWordChar = wordCharOutsideAscii.get(point);
  if (isWordChar === undefined) {
    isWordChar = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    wordCharOutsideAscii.set(point, isWordChar);
  }
  return isWordChar ? (point > 0xffff ? 2 : 1) : 0;
}

/** The end of the run of letters and digits from `at`. */
function runEnd(text: string, at: number): number {
  let width: number;
  while (at < text.length && (width = wordCharAt(text, at)) > 0) at += width;
  return at;
}

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

/**
 * The normalised words of ASCII spellings, found from the text's char codes (lower-cased as read)
 * in a table of their own: a string per occurrence, to look it up in a Map, cost more than the
 * rest of the scan.
 */
class AsciiWords {
  private keys: (string | undefined)[] = new Array<string | undefined>(1 << 12);
  private entries: (NormalisedWord | null)[] = new Array<NormalisedWord | null>(1 << 12);
  private hashes = new Int32Array(1 << 12);
  private size = 0;

  /** The word `text[start…end)`, or undefined when it is not all ASCII. */
  find(text: string, start: number, end: number): NormalisedWord | null | undefined {
    let hash = 0x811c9dc5;
    for (let at = start; at < end; at++) {
      const code = text.charCodeAt(at);
      if (code >= 0x80) return undefined;
      hash = Math.imul(hash ^ lowerAscii(code), 0x01000193);
    }
    const mask = this.keys.length - 1;
    let slot = hash & mask;
    for (let key = this.keys[slot]; key !== undefined; key = this.keys[(slot = (slot + 1) & mask)]) {
      if (this.hashes[slot] === hash && key.length === end - start && sameAscii(key, text, start))
        return this.entries[slot]!;
    }
    const word = text.slice(start, end).toLowerCase();
    const entry = normalise(word);
    // Bounded as the normalised words are.
    if (this.size < 300_000) {
      this.keys[slot] = word;
      this.entries[slot] = entry;
      this.hashes[slot] = hash;
      if (++this.size * 2 > this.keys.length) this.grow();
    }
    return entry;
  }

  private grow(): void {
    const { keys, entries, hashes } = this;
    this.keys = new Array<string | undefined>(keys.length * 2);
    this.entries = new Array<NormalisedWord | null>(keys.length * 2);
    this.hashes = new Int32Array(keys.length * 2);
    const mask = this.keys.length - 1;
    keys.forEach((key, index) => {
      if (key === undefined) return;
      let slot = hashes[index]! & mask;
      while (this.keys[slot] !== undefined) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.entries[slot] = entries[index]!;
      this.hashes[slot] = hashes[index]!;
    });
  }
}

const lowerAscii = (code: number) => (code >= 0x41 && code <= 0x5a ? code | 0x20 : code);

/** Whether `key` (lower case) is spelled at `text[start…]`, in any case. */
function sameAscii(key: string, text: string, start: number): boolean {
  for (let index = 0; index < key.length; index++)
    if (key.charCodeAt(index) !== lowerAscii(text.charCodeAt(start + index))) return false;
  return true;
}

const asciiWords = new AsciiWords();

/** Whether `text[start…end)` is "of", in any case. */
const isOf = (text: string, start: number, end: number) =>
  end - start === 2 && (text.charCodeAt(start) | 0x20) === 0x6f && (text.charCodeAt(start + 1) | 0x20) === 0x66;

/**
 * The text's words in order, with breaks; consecutive breaks are kept as one. A word is a run of
 * letters and digits (any script), with inner hyphens ("low-rank", not "a--b" or "-a"); clause
 * punctuation between two words breaks the run. A scan over char codes: a regular expression with
 * a match object and a lower-cased string per word took most of the time at 10,000 papers.
 */
export function wordStream(text: string): StreamItem[] {
  const items: StreamItem[] = [];
  const pushBreak = () => {
    if (items.length > 0 && items[items.length - 1] !== BREAK) items.push(BREAK);
  };
  let seenWord = false;
  let punctuated = false;
  for (let at = 0; at < text.length;) {
    const width = wordCharAt(text, at);
    if (width === 0) {
      const code = text.charCodeAt(at);
      if (code < 0x80 && CLAUSE_PUNCTUATION[code] === 1) punctuated = true;
      at++;
      continue;
    }
    const start = at;
    at = runEnd(text, at + width);
    while (text.charCodeAt(at) === HYPHEN && at + 1 < text.length && wordCharAt(text, at + 1) > 0)
      at = runEnd(text, at + 1);
    if (seenWord && punctuated) pushBreak();
    seenWord = true;
    punctuated = false;
    if (isOf(text, start, at)) {
      items.push(OF);
      continue;
    }
    let entry = asciiWords.find(text, start, at);
    if (entry === undefined) entry = normalise(text.slice(start, at).toLowerCase());
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
