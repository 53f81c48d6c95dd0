/**
 * The stamp of the ingest's input files (src/loaders/input-stamp.ts) that lets the second
 * collection of a sync take the corpus the first one ingested without reading every dump again: it
 * changes with any dump added, removed, renamed or rewritten, and is withheld while a file is too
 * recently changed for its times to tell two writes apart.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDigestCorpus, type DigestSources } from '../../src/loaders/digest-corpus.ts';
import { inputStamp } from '../../src/loaders/input-stamp.ts';
import { ID, NEW_DUMP_FIXTURES, byId, digestSourcesIn } from './helpers.ts';

describe('the input stamp', () => {
  let root: string;
  let sources: DigestSources;
  /** Ten seconds after the newest change of a file in the folders: past the grain of any clock. */
  const later = () => {
    const times = ['001_alpha.txt', '002_bravo.txt', '003_charlie.txt']
      .map((name) => join(sources.seedsDirectory, name))
      .filter((path) => {
        try {
          statSync(path);
          return true;
        } catch {
          return false;
        }
      })
      .map((path) => statSync(path, { bigint: true }).ctimeNs);
    return times.reduce((a, b) => (a > b ? a : b)) + 10_000_000_000n;
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'rd-input-stamp-'));
    sources = digestSourcesIn(root, join(root, 'topics'));
    mkdirSync(sources.seedsDirectory);
    mkdirSync(sources.topicsDirectory);
    for (const name of ['001_alpha.txt', '002_bravo.txt'])
      copyFileSync(join(NEW_DUMP_FIXTURES, name), join(sources.seedsDirectory, name));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('stays the same while no file changes, and changes when a dump arrives, goes or is renamed', () => {
    const now = later();
    const first = inputStamp(sources, now);
    expect(first).not.toBeNull();
    expect(inputStamp(sources, now)).toBe(first);
    copyFileSync(join(NEW_DUMP_FIXTURES, '003_charlie.txt'), join(sources.seedsDirectory, '003_charlie.txt'));
    const withThird = inputStamp(sources, later());
    expect(withThird).not.toBe(first);
    renameSync(join(sources.seedsDirectory, '003_charlie.txt'), join(sources.seedsDirectory, '003_renamed.txt'));
    expect(inputStamp(sources, later())).not.toBe(withThird);
    rmSync(join(sources.seedsDirectory, '003_renamed.txt'));
    expect(inputStamp(sources, later())).not.toBe(withThird);
  });

  it('changes when a topic definition is added', () => {
    const now = later();
    const before = inputStamp(sources, now);
    writeFileSync(join(sources.topicsDirectory, 'new.mdx'), '---\n---\n');
    expect(inputStamp(sources, now + 10_000_000_000n)).not.toBe(before);
  });

  it('is withheld while a file was changed within the last two seconds', () => {
    const changed = statSync(join(sources.seedsDirectory, '002_bravo.txt'), { bigint: true }).ctimeNs;
    expect(inputStamp(sources, changed + 1_000_000_000n)).toBeNull();
    expect(inputStamp(sources, changed + 3_000_000_000n)).not.toBeNull();
    // Just written: the real clock is within the two seconds.
    expect(inputStamp(sources)).toBeNull();
  });

  it('lets the loader see a dump rewritten at once with other bytes of the same length', () => {
    const first = loadDigestCorpus(sources);
    expect(byId(first.papers, ID.frugal).title).toBe('Frugal Adapters: Low-Rank Updates on a Shoestring');
    const path = join(sources.seedsDirectory, '001_alpha.txt');
    const text = readFileSync(path, 'utf8');
    const rewritten = text.replace('Frugal Adapters', 'Thrift Adapters');
    expect(Buffer.byteLength(rewritten)).toBe(Buffer.byteLength(text));
    writeFileSync(path, rewritten);
    const second = loadDigestCorpus(sources);
    expect(second.papers.map((paper) => paper.title)).toContain('Thrift Adapters: Low-Rank Updates on a Shoestring');
    // And the same inputs give the same corpus, from the memo.
    expect(loadDigestCorpus(sources)).toBe(second);
  });
});
