/**
 * What the reading aids derive from one paper's title and abstract alone, in a form that a build
 * hands to the next (src/lib/reading-aids-cache.ts keeps it on disk): the related papers' term
 * counts (src/lib/related-papers.ts) and the themes' phrase keys (src/lib/phrase-keys.ts). A paper
 * whose texts a previous build read is not read again: its derivations are replayed.
 *
 * Both are kept as per-paper lists of numbers into tables of strings (the words, the phrase parts),
 * as variable-length integers: a few hundred bytes a paper, not a string per term.
 */

/** Per-paper lists of numbers, packed: paper `i`'s bytes are `bytes[starts[i]]…bytes[starts[i + 1]]`. */
export interface PackedLists {
  bytes: Uint8Array;
  starts: Uint32Array;
}

/**
 * The related papers' terms. Term `t` is the word `termWords[2t]`, or, when `termWords[2t + 1]`
 * is not -1, the phrase of the two words. A paper's list holds its distinct terms in the order in
 * which a reading of the paper first meets them, each followed by its count (title words counted
 * as in related-papers.ts): replayed paper by paper, that order numbers new terms as a reading does.
 */
export interface TermTables {
  words: readonly string[];
  termWords: Int32Array;
  papers: PackedLists;
}

/**
 * The themes' phrase keys: a trie whose node `n` (from 1) is node `nodeParents[n]` followed by the
 * part `parts[nodeParts[n]]` (node 0: the empty key). A paper's list holds its distinct keys as
 * ascending node numbers, each as its difference to the one before.
 */
export interface KeyTables {
  parts: readonly string[];
  nodeParents: Int32Array;
  nodeParts: Int32Array;
  papers: PackedLists;
}

/** A previous build's derivations, and this build's once made. */
export interface DerivationMemo<Tables> {
  /** The previous build's tables, or null. */
  prior: Tables | null;
  /** For each paper of this build (in the order given), its index among the prior's papers, or -1. */
  priorIndex: Int32Array;
  /** This build's tables, every paper in the order given: set by the computation that made them. */
  made?: Tables;
}

/** Appends non-negative integers below 2³¹ as variable-length integers (7 bits a byte, low first). */
export class PackedListsWriter {
  private bytes = new Uint8Array(1 << 16);
  private length = 0;
  private readonly starts: number[] = [0];

  push(value: number): void {
    if (this.length + 5 > this.bytes.length) {
      const larger = new Uint8Array(this.bytes.length * 2);
      larger.set(this.bytes);
      this.bytes = larger;
    }
    while (value >= 0x80) {
      this.bytes[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.bytes[this.length++] = value;
  }

  /** Ends the current paper's list. */
  endList(): void {
    this.starts.push(this.length);
  }

  finish(): PackedLists {
    // A view, not a copy: at 100,000 papers the lists are some tens of MB.
    return { bytes: this.bytes.subarray(0, this.length), starts: Uint32Array.from(this.starts) };
  }
}

/** Decodes papers' lists into one reused array (a replay reads millions of numbers). */
export class PackedListsReader {
  /** The last list read, in its first `length` places. */
  values = new Int32Array(1024);

  private readonly lists: PackedLists;

  // No parameter property: the worker thread runs this file with types stripped, nothing more.
  constructor(lists: PackedLists) {
    this.lists = lists;
  }

  /** Decodes paper `index`'s list into `values` and returns its length. */
  read(index: number): number {
    const { bytes, starts } = this.lists;
    let length = 0;
    for (let at = starts[index]!, end = starts[index + 1]!; at < end;) {
      let byte = bytes[at++]!;
      let value = byte & 0x7f;
      // Values stay below 2³¹ (five bytes at most), so 32-bit shifts hold them.
      for (let shift = 7; byte & 0x80; shift += 7) {
        byte = bytes[at++]!;
        value |= (byte & 0x7f) << shift;
      }
      if (length === this.values.length) {
        const larger = new Int32Array(length * 2);
        larger.set(this.values);
        this.values = larger;
      }
      this.values[length++] = value;
    }
    return length;
  }
}
