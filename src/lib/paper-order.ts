/** How papers are listed: newest first. */
import type { DumpReport, PaperRecord } from '../ingest/index.ts';

/**
 * By publication date; undated papers (most dumps carry no dates) after dated ones, by the dump
 * that first brought them (newest dump first), then in the order the listing showed them.
 */
function comparePapersNewestFirst(dumpOrder: ReadonlyMap<string, number>) {
  return (a: PaperRecord, b: PaperRecord): number => {
    if (a.published !== b.published) {
      if (a.published === null) return 1;
      if (b.published === null) return -1;
      return a.published < b.published ? 1 : -1;
    }
    const arrival = (dumpOrder.get(b.firstSeen) ?? 0) - (dumpOrder.get(a.firstSeen) ?? 0);
    if (arrival !== 0) return arrival;
    const lineA = a.sources[0]?.line ?? 0;
    const lineB = b.sources[0]?.line ?? 0;
    return lineA - lineB || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}

/** The papers as the site lists them (a copy, newest first): the pages, and the reading aids made for them. */
export function papersNewestFirst(
  papers: readonly PaperRecord[],
  dumps: readonly Pick<DumpReport, 'file' | 'order'>[],
): PaperRecord[] {
  return [...papers].sort(comparePapersNewestFirst(new Map(dumps.map((dump) => [dump.file, dump.order]))));
}

/**
 * The papers in the order they arrived: by the dump that first listed each (oldest dump first, or
 * newest with `newestDumpFirst`), then in the order that dump listed them.
 */
export function papersByArrival(
  papers: readonly PaperRecord[],
  dumps: readonly Pick<DumpReport, 'file' | 'order'>[],
  newestDumpFirst = false,
): PaperRecord[] {
  const order = new Map(dumps.map((dump) => [dump.file, dump.order]));
  const direction = newestDumpFirst ? -1 : 1;
  return [...papers].sort(
    (a, b) =>
      direction * ((order.get(a.firstSeen) ?? 0) - (order.get(b.firstSeen) ?? 0)) ||
      (a.sources[0]?.line ?? 0) - (b.sources[0]?.line ?? 0) ||
      (a.id < b.id ? -1 : 1),
  );
}
