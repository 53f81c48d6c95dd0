/**
 * The phrase keys of the topic themes (src/lib/topic-themes.ts) as numbers, and each paper's
 * distinct keys: the counting of millions of phrase occurrences without a string per phrase.
 */
import { PairTable } from './pair-table.ts';
import { BREAK, OF, type NormalisedWord, type StreamItem } from './word-stream.ts';
import { PackedListsReader, PackedListsWriter, type DerivationMemo, type KeyTables } from './text-derivations.ts';

/** A title and abstract, as the themes read them. */
interface PaperText {
  title: string;
  abstract: string;
}

/**
 * Phrase keys as numbers. A key is a sequence of parts (its string split at spaces), numbered
 * through a trie, so that "low-rank" + "adaptation" and "low" + "rank" + "adaptation" are one key
 * as their strings are ("low rank adaptation"), and no key string is built but for the phrases
 * that are scored: 10,000 papers hold millions of phrase occurrences.
 */
export class PhraseKeys {
  private readonly partIds = new Map<string, number>();
  private readonly partTexts: string[] = [];
  private readonly children = new PairTable();
  /** Node → its parent node and its last part; node 0 is the empty key. */
  private readonly parents: number[] = [-1];
  private readonly lastParts: number[] = [-1];
  private readonly wordParts = new Map<NormalisedWord, number[]>();
  /** Node → the last paper (`startPaper`'s count) in which it was seen, to list each key once. */
  private lastSeen = new Int32Array(1 << 16);
  private paper = 0;
  private readonly texts = new Map<number, string>();
  readonly ofPart: number;

  constructor() {
    this.ofPart = this.part('of');
  }

  get count(): number {
    return this.parents.length;
  }

  /** The number of a part ("low", "of"). */
  part(text: string): number {
    let id = this.partIds.get(text);
    if (id === undefined) {
      id = this.partTexts.length;
      this.partIds.set(text, id);
      this.partTexts.push(text);
    }
    return id;
  }

  /** Starts listing the keys of another paper. */
  startPaper(): void {
    this.paper++;
  }

  /** Whether `node` is seen for the first time in this paper (and notes that it was). */
  firstInPaper(node: number): boolean {
    if (node >= this.lastSeen.length) {
      const larger = new Int32Array(Math.max(node + 1, this.lastSeen.length * 2));
      larger.set(this.lastSeen);
      this.lastSeen = larger;
    }
    if (this.lastSeen[node] === this.paper) return false;
    this.lastSeen[node] = this.paper;
    return true;
  }

  /** The key `node` followed by one part. */
  extend(node: number, part: number): number {
    let child = this.children.get(node, part);
    if (child < 0) {
      child = this.parents.length;
      this.children.set(node, part, child);
      this.parents.push(node);
      this.lastParts.push(part);
    }
    return child;
  }

  /** The key `node` followed by a word's key. */
  extendByWord(node: number, word: NormalisedWord): number {
    let parts = this.wordParts.get(word);
    if (parts === undefined) this.wordParts.set(word, (parts = word.key.split(' ').map((text) => this.part(text))));
    for (const part of parts) node = this.extend(node, part);
    return node;
  }

  /** The trie, for a later build (text-derivations.ts). */
  tables(): Omit<KeyTables, 'papers'> {
    return {
      parts: this.partTexts,
      nodeParents: Int32Array.from(this.parents),
      nodeParts: Int32Array.from(this.lastParts),
    };
  }

  text(node: number): string {
    let text = this.texts.get(node);
    if (text === undefined) {
      const parts: string[] = [];
      for (let at = node; at > 0; at = this.parents[at]!) parts.push(this.partTexts[this.lastParts[at]!]!);
      text = parts.reverse().join(' ');
      this.texts.set(node, text);
    }
    return text;
  }
}

/**
 * The distinct phrase keys of one paper, as `phrasesOf` gives them, from the word stream (no
 * positions, no spellings), sorted: what the counting needs, at a fraction of the cost.
 */
export function phraseKeysOf(
  paper: PaperText,
  keys: PhraseKeys,
  streamOf: (text: string) => readonly StreamItem[],
): Int32Array {
  const seen: number[] = [];
  keys.startPaper();
  const add = (key: number) => {
    if (keys.firstInPaper(key)) seen.push(key);
  };
  for (const text of [paper.title, paper.abstract]) {
    const items = streamOf(text);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item === BREAK) continue;
      if (item === OF) {
        const before = items[i - 1];
        const after = items[i + 1];
        const next = items[i + 2];
        // X of Y, Y ending its phrase ("number of trainable parameters" is no "number of trainable").
        if (
          before &&
          after &&
          typeof before === 'object' &&
          typeof after === 'object' &&
          !(next && typeof next === 'object')
        )
          add(keys.extendByWord(keys.extend(keys.extendByWord(0, before), keys.ofPart), after));
        continue;
      }
      let key = keys.extendByWord(0, item);
      add(key);
      for (let length = 2; length <= 3; length++) {
        const following = items[i + length - 1];
        if (!following || typeof following !== 'object') break;
        key = keys.extendByWord(key, following);
        add(key);
      }
    }
  }
  return Int32Array.from(seen).sort();
}

/**
 * Each paper's distinct keys (`phraseKeysOf`), in the order given; a paper that a previous build
 * read (`memo`) is not read again, its keys are taken from that build's trie. Which number a key
 * gets does not matter: the themes compare keys by their text. The keys are recorded in `memo`
 * for the next build.
 */
export function paperKeyLists(
  papers: readonly PaperText[],
  keys: PhraseKeys,
  streamOf: (text: string) => readonly StreamItem[],
  memo?: DerivationMemo<KeyTables>,
): Int32Array[] {
  const prior = memo?.prior ?? null;
  // Prior node or part → this trie's, taken over only when a paper holds it (no stale keys kept).
  const priorNodes = new Int32Array(prior?.nodeParents.length ?? 1).fill(-1);
  priorNodes[0] = 0;
  const priorParts = new Int32Array(prior?.parts.length ?? 0).fill(-1);
  const nodeOfPrior = (node: number): number => {
    let own = priorNodes[node]!;
    if (own < 0) {
      const part = prior!.nodeParts[node]!;
      if (priorParts[part]! < 0) priorParts[part] = keys.part(prior!.parts[part]!);
      own = keys.extend(nodeOfPrior(prior!.nodeParents[node]!), priorParts[part]!);
      priorNodes[node] = own;
    }
    return own;
  };
  const priorLists = prior ? new PackedListsReader(prior.papers) : null;
  const made = memo ? new PackedListsWriter() : null;
  const lists = papers.map((paper, index) => {
    const priorIndex = prior ? memo!.priorIndex[index]! : -1;
    let list: Int32Array;
    if (priorIndex >= 0) {
      const length = priorLists!.read(priorIndex);
      list = new Int32Array(length);
      for (let i = 0, node = 0; i < length; i++) list[i] = nodeOfPrior((node += priorLists!.values[i]!));
      list.sort();
    } else list = phraseKeysOf(paper, keys, streamOf);
    if (made) {
      let previous = 0;
      for (const key of list) {
        made.push(key - previous);
        previous = key;
      }
      made.endList();
    }
    return list;
  });
  if (memo && made) memo.made = { ...keys.tables(), papers: made.finish() };
  return lists;
}
