/**
 * What the papers and dumps loaders write to Astro's data store (src/loaders/store-entries.ts), on
 * the new-dump fixtures ingested as a build and then a rebuild after `006_foxtrot.txt` would see
 * them: an entry is replaced only when what the store keeps (or what it depends on) changed, and a
 * record is checked against its schema when the rebuild merged a listing of it, even when its summary
 * did not change (Frugal Adapters: 006 only raises its upvotes).
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DataStore, MetaStore } from 'astro/loaders';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { papersMergedNow, writeEntries, type CollectionItem } from '../../src/loaders/store-entries.ts';
import { DUMPS, ID, byId, ingestFirst } from './helpers.ts';

interface StoredEntry {
  id: string;
  data: Record<string, unknown>;
  digest?: string;
}

/** Astro's store as a loader sees it, recording what the loader does to it. */
function fakeStore() {
  const entries = new Map<string, StoredEntry>();
  const log = { set: [] as string[], deleted: [] as string[], parsed: [] as string[] };
  const store = {
    keys: () => [...entries.keys()],
    get: (id: string) => entries.get(id),
    set: (entry: StoredEntry) => {
      log.set.push(entry.id);
      entries.set(entry.id, entry);
      return true;
    },
    delete: (id: string) => {
      log.deleted.push(id);
      entries.delete(id);
    },
  };
  const context = {
    store: store as unknown as DataStore,
    meta: undefined as unknown as MetaStore,
    parseData: async <T extends Record<string, unknown>>({ id, data }: { id: string; data: T }) => {
      log.parsed.push(id);
      return data;
    },
    generateDigest: (value: Record<string, unknown> | string) =>
      createHash('sha1')
        .update(typeof value === 'string' ? value : JSON.stringify(value))
        .digest('hex'),
  };
  const clear = () => {
    log.set.length = 0;
    log.deleted.length = 0;
    log.parsed.length = 0;
  };
  return { entries, log, context, clear };
}

const summary = (paper: PaperRecord) => ({
  id: paper.id,
  title: paper.title,
  topics: paper.topics,
  published: paper.published,
  firstSeen: paper.firstSeen,
});
const itemsOf = (papers: readonly PaperRecord[]): CollectionItem[] =>
  papers.map((paper) => ({ id: paper.id, data: summary(paper), record: paper }));
/** A record the schema refuses: a link that is not http(s). */
const spoiled = (paper: PaperRecord): PaperRecord => ({ ...paper, links: ['javascript:alert(1)'] });

describe('the papers merged by a rebuild', () => {
  const rebuilt = ingestFirst(DUMPS.length);

  it('are the papers 006 lists, when the first five dumps come from the checkpoint', () => {
    // 006_foxtrot.txt: Direct Preference and Grounded Video (new), Routing Tokens (which the
    // revised abstract's paper is retired into), Frugal Adapters and Counting Fish.
    expect([...papersMergedNow(rebuilt.papers, rebuilt.dumps, 5)].sort()).toEqual(
      [ID.fish, ID.dpo, ID.frugal, ID.video, ID.routing].sort(),
    );
  });

  it('are every paper when no dump came from the checkpoint, and none when all did', () => {
    expect(papersMergedNow(rebuilt.papers, rebuilt.dumps, 0).size).toBe(rebuilt.papers.length);
    expect(papersMergedNow(rebuilt.papers, rebuilt.dumps, DUMPS.length).size).toBe(0);
  });

  it('take in the papers that may be the same work as one of them (each lists the other)', () => {
    const prompt = byId(rebuilt.papers, ID.prompt);
    const dpo = byId(rebuilt.papers, ID.dpo);
    const papers = rebuilt.papers.map((paper) =>
      paper === prompt
        ? { ...prompt, possiblySameWork: [ID.dpo] }
        : paper === dpo
          ? { ...dpo, possiblySameWork: [ID.prompt] }
          : paper,
    );
    // Prompt Tuning is listed by 004 only, but 006 brought the paper it may be the same work as.
    expect(papersMergedNow(papers, rebuilt.dumps, 5).has(ID.prompt)).toBe(true);
    expect(papersMergedNow(papers, rebuilt.dumps, 5).size).toBe(6);
  });
});

describe('writing the entries', () => {
  const before = ingestFirst(DUMPS.length - 1).papers;
  const after = ingestFirst(DUMPS.length).papers;
  const dependsOn = { parser: 1, topics: 'rules' };

  it('sets and checks every entry of a new store, and nothing when it is written again unchanged', async () => {
    const { log, context, clear } = fakeStore();
    await writeEntries(context, itemsOf(before), { collection: 'papers', dependsOn });
    expect(log.set.length).toBe(before.length);
    expect(log.parsed.length).toBe(before.length);
    clear();
    await writeEntries(context, itemsOf(before), { collection: 'papers', dependsOn });
    expect(log).toEqual({ set: [], deleted: [], parsed: [] });
  });

  it('on the rebuild, replaces only the entries whose summary changed, adds the new ones', async () => {
    const { log, context, clear } = fakeStore();
    await writeEntries(context, itemsOf(before), { collection: 'papers', dependsOn });
    clear();
    await writeEntries(context, itemsOf(after), { collection: 'papers', dependsOn });
    // New: Direct Preference, Grounded Video. Counting Fish is renamed by 006. The revised
    // abstract's paper is retired into Routing Tokens (which keeps its title and first dump).
    expect(log.set.sort()).toEqual([ID.fish, ID.dpo, ID.video].sort());
    expect(log.deleted).toEqual([ID.routingRevised]);
  });

  it('checks the record of a paper the rebuild merged a listing into, though its summary is the same', async () => {
    const { log, context, clear } = fakeStore();
    await writeEntries(context, itemsOf(before), { collection: 'papers', dependsOn });
    clear();
    const recheck = papersMergedNow(after, ingestFirst(DUMPS.length).dumps, 5);
    // Frugal Adapters: 006 raises its upvotes (5 → 12), nothing the store keeps.
    const frugal = byId(after, ID.frugal);
    expect(summary(frugal)).toEqual(summary(byId(before, ID.frugal)));
    const withSpoiledFrugal = after.map((paper) => (paper === frugal ? spoiled(paper) : paper));
    await expect(
      writeEntries(context, itemsOf(withSpoiledFrugal), { collection: 'papers', dependsOn, recheck }),
    ).rejects.toThrow(
      `Invalid papers entry "${ID.frugal}" from 001_alpha.txt:13, 002_bravo.txt:3, 005_echo.txt:3, 006_foxtrot.txt:37`,
    );
    // Prompt Tuning (004 only) is neither changed nor merged again: its record is not checked again.
    const prompt = byId(after, ID.prompt);
    const withSpoiledPrompt = after.map((paper) => (paper === prompt ? spoiled(paper) : paper));
    clear();
    await writeEntries(context, itemsOf(withSpoiledPrompt), { collection: 'papers', dependsOn, recheck });
    expect(log.parsed).not.toContain(ID.prompt);
  });

  it('replaces every entry when what they depend on changes (the parser, the topic rules, the inputs)', async () => {
    const { log, context, clear } = fakeStore();
    await writeEntries(context, itemsOf(before), { collection: 'papers', dependsOn });
    clear();
    await writeEntries(context, itemsOf(before), { collection: 'papers', dependsOn: { ...dependsOn, topics: 'new' } });
    expect(log.set.length).toBe(before.length);
  });

  it('names the listings of a record its schema refuses, in a new store', async () => {
    const { context } = fakeStore();
    const papers = before.map((paper) => (paper.id === ID.prompt ? spoiled(paper) : paper));
    await expect(writeEntries(context, itemsOf(papers), { collection: 'papers', dependsOn })).rejects.toThrow(
      `Invalid papers entry "${ID.prompt}" from 004_delta.txt:3`,
    );
  });
});
