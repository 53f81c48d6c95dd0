/**
 * Pair of small non-negative integers → integer, in open addressing over typed arrays: a Map keyed
 * by the pair would hash millions of non-small numbers or strings. Used to number phrases by the
 * numbers of their words (related papers, topic themes).
 */
export class PairTable {
  private firsts = new Int32Array(1 << 16).fill(-1);
  private seconds = new Int32Array(1 << 16);
  private values = new Int32Array(1 << 16);
  private size = 0;

  private slot(first: number, second: number): number {
    const mask = this.firsts.length - 1;
    let slot = (Math.imul(first, 0x9e3779b1) ^ Math.imul(second, 0x85ebca6b)) & mask;
    while (this.firsts[slot] !== -1 && (this.firsts[slot] !== first || this.seconds[slot] !== second))
      slot = (slot + 1) & mask;
    return slot;
  }

  /** The value of the pair, or -1. */
  get(first: number, second: number): number {
    const slot = this.slot(first, second);
    return this.firsts[slot] === -1 ? -1 : this.values[slot]!;
  }

  set(first: number, second: number, value: number): void {
    if ((this.size + 1) * 2 > this.firsts.length) this.grow();
    const slot = this.slot(first, second);
    if (this.firsts[slot] === -1) this.size++;
    this.firsts[slot] = first;
    this.seconds[slot] = second;
    this.values[slot] = value;
  }

  private grow(): void {
    const [firsts, seconds, values] = [this.firsts, this.seconds, this.values];
    this.firsts = new Int32Array(firsts.length * 2).fill(-1);
    this.seconds = new Int32Array(firsts.length * 2);
    this.values = new Int32Array(firsts.length * 2);
    this.size = 0;
    for (let slot = 0; slot < firsts.length; slot++)
      if (firsts[slot] !== -1) this.set(firsts[slot]!, seconds[slot]!, values[slot]!);
  }
}
