/**
 * What a sync writes to Astro's data store, and which paper records it checks against their
 * schema. An entry's digest covers only what the store keeps (a paper's summary, a dump's report),
 * the parser version and a key of the inputs it depends on beyond that: hashing each whole record
 * to notice a change the summary does not show cost a serialisation of the whole corpus on every
 * build (~1.3 s at 50,000 papers), while the pages never read the records from the store (they
 * read the published corpus). What that digest did besides is done per build instead:
 *
 * - `astro dev` reloads when the store changes: the dumps' entries carry a key of every input
 *   (dumps, topic rules, ingest code), so any change to them replaces those few entries.
 * - A record is checked by `paperSchema` when it may differ from the one the last build checked:
 *   its summary changed, or the sync merged a dump it was listed in (dumps merged from the
 *   checkpoint are the same as before), or a paper it may be the same work as; on a build without a
 *   checkpoint every dump is merged, so every record is checked, as before.
 */
import type { LoaderContext } from 'astro/loaders';
import type { DumpReport, PaperRecord } from '../ingest/index.ts';
import { paperSchema } from './record-schemas.ts';

/** An entry of a collection: what the store holds, and for a paper the whole record it is made of. */
export interface CollectionItem {
  id: string;
  /** What Astro's data store keeps (and bundles with the pages). */
  data: Record<string, unknown>;
  /** A paper's whole record (a dump is stored whole: `data`). */
  record?: PaperRecord;
}

/**
 * The papers whose records this sync must check: listed in a dump merged now rather than restored
 * from the merge checkpoint, or possibly the same work as one of those (a near miss names both).
 * `dumps` in arrival order; the first `dumpsFromCheckpoint` of them came from the checkpoint.
 */
export function papersMergedNow(
  papers: readonly PaperRecord[],
  dumps: readonly DumpReport[],
  dumpsFromCheckpoint: number,
): Set<string> {
  const mergedNow = new Set(dumps.slice(dumpsFromCheckpoint).map((dump) => dump.file));
  const listed = new Set<string>();
  for (const paper of papers) if (paper.sources.some((source) => mergedNow.has(source.dump))) listed.add(paper.id);
  const partners = papers.filter((paper) => paper.possiblySameWork.some((id) => listed.has(id)));
  for (const paper of partners) listed.add(paper.id);
  return listed;
}

export interface WriteEntriesOptions {
  collection: string;
  /** Goes into every entry's digest: a change to it replaces every entry. */
  dependsOn: unknown;
  /** Records checked even when their entry is unchanged (`papersMergedNow`). */
  recheck?: ReadonlySet<string>;
}

type StoreContext = Pick<LoaderContext, 'store' | 'parseData' | 'generateDigest'>;

/** Replaces the store's entries by `items`: entries no longer there go, changed ones are parsed and set. */
export async function writeEntries(
  context: StoreContext,
  items: readonly CollectionItem[],
  options: WriteEntriesOptions,
): Promise<void> {
  const { store, parseData, generateDigest } = context;
  const keep = new Set(items.map((item) => item.id));
  for (const id of store.keys()) if (!keep.has(id)) store.delete(id);
  for (const item of items) {
    const { record } = item;
    const digest = generateDigest({ data: item.data, dependsOn: options.dependsOn });
    const unchanged = store.get(item.id)?.digest === digest;
    if (unchanged && !(record && options.recheck?.has(item.id))) continue;
    let data: Record<string, unknown>;
    try {
      // The stored summary goes through the collection's schema; a whole record through its own.
      if (record) paperSchema.parse(record);
      if (unchanged) continue;
      data = await parseData({ id: item.id, data: item.data });
    } catch (error) {
      // Where the entry comes from: a paper's listings, or the dump itself.
      const origin = record ? record.sources.map((s) => `${s.dump}:${s.line}`).join(', ') : item.id;
      throw new Error(`Invalid ${options.collection} entry "${item.id}" from ${origin}: ${(error as Error).message}`, {
        cause: error,
      });
    }
    store.set({ id: item.id, data, digest });
  }
}
