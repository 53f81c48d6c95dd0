/**
 * Shingle hash → list of abstract version ids: the inverted index of `AbstractIndex`. An
 * open-addressing table over typed arrays rather than a `Map`: a lookup reads one slot (or a few
 * neighbours) instead of following a `Map`'s buckets and entries, and lookups (dozens per entry
 * merged) are memory-bound.
 */
export interface PostingTableParts {
  bits: number;
  keys: Uint32Array;
  slots: Int32Array;
  lists: number[][];
}

export class PostingTable {
  private bits = 12;
  private keys: Uint32Array = new Uint32Array(1 << this.bits);
  /** Per slot: 0 when empty, else the list's index in `lists` plus one. */
  private slots: Int32Array = new Int32Array(1 << this.bits);
  private lists: number[][] = [];

  /** The table's whole state, to write it out (merge-checkpoint.ts). */
  parts(): PostingTableParts {
    return { bits: this.bits, keys: this.keys, slots: this.slots, lists: this.lists };
  }

  /** The table whose `parts()` these were (they are used, not copied). */
  static fromParts(parts: PostingTableParts): PostingTable {
    const table = new PostingTable();
    table.bits = parts.bits;
    table.keys = parts.keys;
    table.slots = parts.slots;
    table.lists = parts.lists;
    return table;
  }

  /** The slot of `shingle`, or of the empty slot where it would go. Shingles are already hashes: mixing spreads their low bits (the sample favours multiples of four). */
  private find(shingle: number): number {
    const mask = (1 << this.bits) - 1;
    let slot = Math.imul(shingle, 0x9e3779b1) >>> (32 - this.bits);
    while (this.slots[slot] !== 0 && this.keys[slot] !== shingle) slot = (slot + 1) & mask;
    return slot;
  }

  get(shingle: number): number[] | undefined {
    const at = this.slots[this.find(shingle)]!;
    return at === 0 ? undefined : this.lists[at - 1];
  }

  /** Files `list` under `shingle`, which has no list yet. */
  add(shingle: number, list: number[]): void {
    if ((this.lists.length + 1) * 2 > this.slots.length) this.grow();
    const slot = this.find(shingle);
    this.keys[slot] = shingle;
    this.lists.push(list);
    this.slots[slot] = this.lists.length;
  }

  private grow(): void {
    const { keys, slots } = this;
    this.bits++;
    this.keys = new Uint32Array(1 << this.bits);
    this.slots = new Int32Array(1 << this.bits);
    for (let slot = 0; slot < slots.length; slot++) {
      if (slots[slot] === 0) continue;
      const to = this.find(keys[slot]!);
      this.keys[to] = keys[slot]!;
      this.slots[to] = slots[slot]!;
    }
  }
}
