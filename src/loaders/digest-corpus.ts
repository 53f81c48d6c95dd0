/**
 * One ingest per build, shared by the `papers` and `dumps` collections: the seeds folder is read,
 * each dump parsed (or taken from the parse cache), then merged and classified.
 */
import { join } from 'node:path';
import {
  buildCorpus,
  readDumpFolder,
  readTopicDefinitions,
  type IngestResult,
  type TopicDefinition,
} from '../ingest/index.ts';
import { classificationCache } from './classification-cache.ts';
import { dumpCacheKey, parseDumpCached } from './parsed-dump-cache.ts';

export interface DigestCorpus extends IngestResult {
  topics: TopicDefinition[];
  /** A key of every input (dumps, topic rules, parser version): equal keys, equal corpus. */
  inputsKey: string;
  parsedFresh: string[];
  parsedFromCache: string[];
}

export interface DigestSources {
  seedsDirectory: string;
  topicsDirectory: string;
  cacheDirectory: string;
  /** The papers' topics from the last build (src/loaders/classification-cache.ts). */
  classificationsFile: string;
  /** The ingest library's code, whose hash keys the classifications. */
  ingestCodeDirectory: string;
}

let memo: { key: string; corpus: DigestCorpus } | null = null;

export function loadDigestCorpus(sources: DigestSources): DigestCorpus {
  const inputs = readDumpFolder(sources.seedsDirectory);
  const topics = readTopicDefinitions(sources.topicsDirectory);
  const key = JSON.stringify([inputs.map((input) => dumpCacheKey(input)), topics]);
  if (memo?.key === key) return memo.corpus;

  const parsedFresh: string[] = [];
  const parsedFromCache: string[] = [];
  const parsed = inputs.map((input) => {
    const { parsed: dump, fromCache } = parseDumpCached(input, sources.cacheDirectory);
    (fromCache ? parsedFromCache : parsedFresh).push(input.name);
    return dump;
  });
  const classifications = classificationCache(sources.classificationsFile, sources.ingestCodeDirectory, topics);
  const corpus: DigestCorpus = {
    ...buildCorpus(parsed, topics, { classifications: classifications?.memo }),
    topics,
    inputsKey: key,
    parsedFresh,
    parsedFromCache,
  };
  classifications?.save();
  memo = { key, corpus };
  return corpus;
}

/** `RESEARCH_DIGEST_SEEDS` builds the site from another folder of dumps (tests, benchmarks, previews). */
export function defaultDigestSources(root: string): DigestSources {
  return {
    seedsDirectory: process.env.RESEARCH_DIGEST_SEEDS ?? join(root, 'seeds'),
    topicsDirectory: join(root, 'content', 'topics'),
    cacheDirectory: join(root, 'node_modules', '.cache', 'research-digest', 'parsed-dumps'),
    classificationsFile: join(root, 'node_modules', '.cache', 'research-digest', 'classifications.json'),
    ingestCodeDirectory: join(root, 'src', 'ingest'),
  };
}
