/**
 * Finds the occurrences of many rule phrases in one text without running every phrase's pattern
 * over the whole text. Classifying a paper asks for a few hundred phrases (terms, their spellings,
 * `near`/`notNear` context, `ignore`, `requireAny`) in its title and abstract; scanning the text
 * once per phrase was most of the ingest's time.
 *
 * Instead the text is scanned once (`PhraseScan`) for the places where the first word of some
 * phrase starts (one regular expression of all first words: the regex engine scans text several
 * times faster than a loop over its characters); each such place is filed under its first one to
 * three letters, and only the phrases with those first letters are tried there: the phrase's
 * words are followed in plain code (`matchLiteralAt`), which decides for a simple phrase; for the
 * others, where the words it can follow match, the phrase's own pattern runs in sticky mode. The
 * results are exactly those of `text.matchAll(pattern)`: every
 * match of a pattern starts at such a place (see `phraseKey`), so trying the pattern at each of
 * those places in order, skipping places inside the previous match, finds the same leftmost,
 * non-overlapping matches. Phrases for which that argument does not hold (a first word that is not
 * plain ASCII) are run the old way.
 */
import { foldAscii, isAscii, isAsciiLetterOrDigit } from './ascii.ts';
import { compilePhrase, phrasePatternSource, phraseWords } from './phrase-pattern.ts';
import { literalPrefix, matchLiteralAt, type LiteralPhrase } from './phrase-literal.ts';

export interface PhraseMatch {
  start: number;
  end: number;
  /** The matched text. */
  text: string;
}

/**
 * A phrase of an index. Its patterns are made on first use: a regular expression with Unicode
 * property classes costs real time to build, and most phrases of a rule set are never tried on a
 * small corpus (nor is the whole-text pattern of a phrase that has a key).
 */
export class CompiledPhrase {
  private global: RegExp | null = null;
  private stickyPattern: RegExp | null = null;
  /** The phrase as literal words, as far as they can be matched without its pattern. */
  readonly literal: LiteralPhrase;

  /** Position in its index, for per-scan caching. */
  readonly id: number;
  readonly phrase: string;
  /** Slot of the phrase's first letters in its index; -1: no usable key, run `pattern` over the text. */
  readonly slot: number;
  /** The first word's characters (ASCII, folded) that every match starts with. */
  readonly prefix: string;

  constructor(id: number, phrase: string, slot: number, prefix: string) {
    this.id = id;
    this.phrase = phrase;
    this.slot = slot;
    this.prefix = prefix;
    this.literal = literalPrefix(phrase);
  }

  /** The phrase's pattern (global), as `compilePhrase` makes it. */
  get pattern(): RegExp {
    return (this.global ??= compilePhrase(this.phrase));
  }

  /** The same pattern, sticky: tried at one place only. */
  get sticky(): RegExp {
    return (this.stickyPattern ??= new RegExp(phrasePatternSource(this.phrase), 'uy'));
  }
}

const MAX_KEY_LENGTH = 3;

/** One to three ASCII characters (folded) as one small integer; -1 for any non-ASCII character. */
function keyOf(text: string, start: number, length: number): number {
  let key = 0;
  for (let index = start; index < start + length; index++) {
    const code = text.charCodeAt(index);
    if (!(code < 0x80)) return -1; // also NaN past the end
    key = (key << 7) | foldAscii(code);
  }
  return key;
}

/**
 * The key of a phrase: the first (up to) three characters of its first word, folded to lower case,
 * and their count; null when matches could start elsewhere than at an ASCII letter or digit
 * after a non-letter, or with other characters than those (then the phrase has no key).
 *
 * Why a match always starts with them: `compilePhrase` writes the first word's characters (the
 * stem, without a trailing `*`) one after the other at the start of the pattern, each either
 * literally or as `[xX]` for a letter written in lower case; the pattern begins with
 * `(?<![\p{L}\p{N}])`. So a match starts with those characters up to ASCII case, and when the
 * first of them is an ASCII letter or digit, the character before the match is not one.
 */
export function phraseKey(phrase: string): { key: number; length: number; prefix: string } | null {
  const stem = phraseWords(phrase)[0]?.stem ?? '';
  if (stem === '' || !isAscii(stem) || !isAsciiLetterOrDigit(stem.charCodeAt(0))) return null;
  const length = Math.min(MAX_KEY_LENGTH, stem.length);
  return {
    key: keyOf(stem, 0, length),
    length,
    prefix: String.fromCharCode(...[...stem].map((char) => foldAscii(char.charCodeAt(0)))),
  };
}

/** A set of phrases compiled together, so that one scan of a text serves all of them. */
export class PhraseIndex {
  private readonly byPhrase = new Map<string, CompiledPhrase>();
  /** Per key length (index 1 to 3): key → slot. */
  private readonly slots: Map<number, number>[] = [new Map(), new Map(), new Map(), new Map()];
  private slotCount = 0;
  /** Any phrase's first word, at a place not preceded by an ASCII letter or digit; made on first use. */
  private starts: RegExp | null = null;

  /** The compiled phrase (the same object for the same phrase). */
  add(phrase: string): CompiledPhrase {
    const known = this.byPhrase.get(phrase);
    if (known) return known;
    const key = phraseKey(phrase);
    let slot = -1;
    if (key) {
      const slots = this.slots[key.length]!;
      slot = slots.get(key.key) ?? this.slotCount++;
      slots.set(key.key, slot);
    }
    const compiled = new CompiledPhrase(this.byPhrase.size, phrase, slot, key?.prefix ?? '');
    this.byPhrase.set(phrase, compiled);
    this.starts = null;
    return compiled;
  }

  /** Where, in `text`, each slot's phrases could start: ascending positions per slot. */
  candidates(text: string): Map<number, number[]> {
    const found = new Map<number, number[]>();
    const starts = (this.starts ??= this.startsPattern());
    const lengths = [1, 2, 3].filter((length) => this.slots[length]!.size > 0);
    starts.lastIndex = 0;
    for (let match = starts.exec(text); match !== null; match = starts.exec(text)) {
      const index = match.index;
      // Next search from the next character: one first word may start inside another's match.
      starts.lastIndex = index + 1;
      for (const length of lengths) {
        const slot = this.slots[length]!.get(keyOf(text, index, length));
        if (slot === undefined) continue;
        const positions = found.get(slot);
        if (positions) positions.push(index);
        else found.set(slot, [index]);
      }
    }
    return found;
  }

  /**
   * Every keyed phrase's first word (`prefix`), in either case, where no ASCII letter or digit
   * comes before it: a superset of the places where the phrase can match. Without the `u` flag,
   * `i` relates ASCII letters only to their ASCII case pair.
   */
  private startsPattern(): RegExp {
    const prefixes = [
      ...new Set([...this.byPhrase.values()].filter((phrase) => phrase.slot >= 0).map((phrase) => phrase.prefix)),
    ];
    if (prefixes.length === 0) return /(?!)/g;
    return new RegExp(`(?<![A-Za-z0-9])${prefixTrie(prefixes)}`, 'gi');
  }
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The prefixes as one pattern, factored by their letters ("a(?:dapter|lign)|..."): the regex
 * engine then tries one branch per place rather than every word in turn. Only where a match starts
 * counts, so a word that extends another ("alignment" after "align") is left out.
 */
export function prefixTrie(prefixes: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const prefix of prefixes) {
    let node = root;
    for (const char of prefix) {
      if (node.end) break;
      let child = node.next.get(char);
      if (child === undefined) node.next.set(char, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
    node.next.clear();
  }
  const source = (node: TrieNode): string => {
    const branches = [...node.next]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([char, child]) => char.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&') + source(child));
    if (branches.length === 0) return '';
    return branches.length === 1 ? branches[0]! : `(?:${branches.join('|')})`;
  };
  return source(root);
}

/** One text scanned for the phrases of one index; matches are computed once per phrase. */
export class PhraseScan {
  private readonly candidates: Map<number, number[]>;
  private readonly cache = new Map<number, PhraseMatch[]>();

  readonly text: string;

  constructor(index: PhraseIndex, text: string) {
    this.text = text;
    this.candidates = index.candidates(text);
  }

  /** Every match of the phrase in the text, as `text.matchAll(phrase.pattern)` finds them. */
  matches(phrase: CompiledPhrase): readonly PhraseMatch[] {
    if (phrase.slot >= 0 && !this.candidates.has(phrase.slot)) return NO_MATCHES; // most phrases, most texts
    let found = this.cache.get(phrase.id);
    if (found === undefined) {
      found =
        phrase.slot < 0
          ? allMatches(phrase.pattern, this.text)
          : this.matchAt(phrase, this.candidates.get(phrase.slot));
      this.cache.set(phrase.id, found);
    }
    return found;
  }

  has(phrase: CompiledPhrase): boolean {
    return this.matches(phrase).length > 0;
  }

  private matchAt(phrase: CompiledPhrase, positions: readonly number[] | undefined): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    if (positions === undefined) return found;
    let from = 0;
    for (const position of positions) {
      if (position < from) continue; // inside the previous match: a global search resumes after it
      // Most places where the first letters occur are no match: the pattern is tried only where it can.
      let end = matchLiteralAt(this.text, position, phrase.literal);
      if (end < 0) continue;
      if (!phrase.literal.whole) {
        const sticky = phrase.sticky;
        sticky.lastIndex = position;
        const match = sticky.exec(this.text);
        if (match === null) continue;
        end = position + match[0].length;
      }
      found.push({ start: position, end, text: this.text.slice(position, end) });
      from = end > position ? end : position + 1;
    }
    return found;
  }
}

const NO_MATCHES: readonly PhraseMatch[] = Object.freeze([]);

function allMatches(pattern: RegExp, text: string): PhraseMatch[] {
  return [...text.matchAll(pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    text: match[0],
  }));
}
