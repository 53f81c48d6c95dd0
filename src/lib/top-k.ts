/**
 * The `limit` best items, best first, by insertion into a short list: a paper touches thousands
 * of candidates and holds hundreds of terms, of which only a few are wanted.
 */
export function topK<T>(items: Iterable<T>, limit: number, better: (a: T, b: T) => boolean): T[] {
  const top: T[] = [];
  for (const item of items) {
    if (top.length === limit && !better(item, top[limit - 1]!)) continue;
    let position = top.length === limit ? limit - 1 : top.length;
    while (position > 0 && better(item, top[position - 1]!)) {
      top[position] = top[position - 1]!;
      position--;
    }
    top[position] = item;
  }
  return top;
}
