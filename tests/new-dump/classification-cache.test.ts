/**
 * The classification cache behind `loadDigestCorpus` (src/loaders/classification-cache.ts): a
 * build after another classifies only papers whose title or abstract it has not seen, and the
 * records are the same as a fresh ingest's; changed topic rules or an unreadable file start afresh.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  buildCorpus,
  parseDumpInput,
  readDumpFolder,
  readTopicDefinitions,
  type ClassificationMemo,
  type TopicDefinition,
} from '../../src/ingest/index.ts';
import { classificationCache } from '../../src/loaders/classification-cache.ts';
import { treeHash } from '../../src/lib/tree-hash.ts';

const INGEST_CODE = fileURLToPath(new URL('../../src/ingest/', import.meta.url));
const dumps = readDumpFolder(fileURLToPath(new URL('../../seeds/', import.meta.url))).map(parseDumpInput);
const topics = readTopicDefinitions(fileURLToPath(new URL('../../content/topics/', import.meta.url)));
const fresh = buildCorpus(dumps, topics);

describe('the classification cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'rd-classification-cache-'));
  const file = join(root, 'classifications.json');
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  /** A build with the cache on disk: its papers, and how many were taken from the cache. */
  const build = (rules: readonly TopicDefinition[] = topics) => {
    const cache = classificationCache(file, treeHash(INGEST_CODE), rules)!;
    let hits = 0;
    const memo: ClassificationMemo = {
      get: (title, abstract) => {
        const known = cache.memo.get(title, abstract);
        if (known) hits++;
        return known;
      },
      set: cache.memo.set,
    };
    const corpus = buildCorpus(dumps, rules, { classifications: memo });
    cache.save();
    return { papers: corpus.papers, hits };
  };

  it('classifies every paper the first time, as a fresh ingest does', () => {
    expect(fresh.papers.some((paper) => paper.topics.length > 0)).toBe(true);
    const first = build();
    expect(first.papers).toEqual(fresh.papers);
    // Two papers may share a title and abstract: each distinct text is classified once.
    const distinct = new Set(fresh.papers.map((paper) => `${paper.title}\0${paper.abstract}`)).size;
    expect(first.hits).toBe(fresh.papers.length - distinct);
  });

  it('takes every paper from the cache the next time, with the same records', () => {
    const second = build();
    expect(second.hits).toBe(fresh.papers.length);
    expect(second.papers).toEqual(fresh.papers);
  });

  it('classifies afresh when a topic rule changes', () => {
    const changed = topics.map((topic, index) =>
      index === 0 ? { ...topic, rules: { ...topic.rules, threshold: topic.rules.threshold + 1 } } : topic,
    );
    const third = build(changed);
    expect(third.hits).toBe(0);
    expect(third.papers).toEqual(buildCorpus(dumps, changed).papers);
  });

  it('classifies afresh when the file is unreadable', () => {
    writeFileSync(file, '{ not json');
    const fourth = build();
    expect(fourth.hits).toBe(0);
    expect(fourth.papers).toEqual(fresh.papers);
  });

  it('is not used outside a project folder (no ingest code to key it by)', () => {
    expect(classificationCache(file, treeHash(join(root, 'no-such-folder')), topics)).toBeNull();
  });
});
