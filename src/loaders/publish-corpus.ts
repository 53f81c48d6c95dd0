/**
 * Hands a loaded corpus to the rest of the build (src/integrations/corpus-channel.ts): the papers
 * newest first, and the related papers, themes and search vocabulary started on worker threads.
 * Called by the papers loader when it syncs, and by a rebuild without Astro (src/rebuild/), so that
 * both start the same work the same way.
 */
import { join } from 'node:path';
import { formatWarning, topicNames } from '../ingest/index.ts';
import type { DigestCorpus } from './digest-corpus.ts';
import { publishCorpus, type PublishedCorpus } from '../integrations/corpus-channel.ts';
import { KEPT_STRINGS_MAX_PAPERS, bibtexEntryCache, previewCache } from '../lib/kept-strings.ts';
import { papersNewestFirst } from '../lib/paper-order.ts';
import { READING_AIDS_THREAD_MAX_PAPERS, shouldAidsYieldCores, startReadingAids } from '../lib/reading-aids-thread.ts';
import { startSearchVocabulary } from '../lib/search-vocabulary-thread.ts';

/** What a sync says of the corpus: its size, what was parsed, every dump's warnings and notes. */
export function reportCorpus(
  corpus: DigestCorpus,
  log: { info: (message: string) => void; warn: (message: string) => void },
): void {
  log.info(
    `${corpus.papers.length} papers from ${corpus.dumps.length} dumps ` +
      `(parsed ${corpus.parsedFresh.length}${corpus.parsedFresh.length ? `: ${corpus.parsedFresh.join(', ')}` : ''}; ` +
      `${corpus.parsedFromCache.length} from cache)`,
  );
  for (const warning of corpus.dumps.flatMap((dump) => dump.warnings)) log.warn(formatWarning(warning));
  for (const note of corpus.dumps.flatMap((dump) => dump.notes)) log.info(`note: ${formatWarning(note)}`);
}

export interface PublishOptions {
  projectRoot: string;
  warn: (message: string) => void;
  /** Whether this is a build (`astro dev` never writes the vocabulary: no thread for it there). */
  building: boolean;
}

export function publishDigestCorpus(
  corpus: DigestCorpus,
  { projectRoot, warn, building }: PublishOptions,
): PublishedCorpus {
  const names = topicNames(corpus.topics);
  const newestFirst = papersNewestFirst(corpus.papers, corpus.dumps);
  const threads = {
    yieldCores: shouldAidsYieldCores(corpus.dumps.length, corpus.dumpsFromCheckpoint),
    projectRoot,
    warn,
  };
  // Above the limit nothing is kept (src/lib/kept-strings.ts): no project to keep the strings in.
  const keptStringsRoot = corpus.papers.length <= KEPT_STRINGS_MAX_PAPERS ? projectRoot : null;
  const published: PublishedCorpus = {
    papers: corpus.papers,
    newestFirst,
    dumps: corpus.dumps,
    topics: corpus.topics,
    topicNames: names,
    readingAids: startReadingAids(newestFirst, [...names.keys()], {
      ...threads,
      // Above the thread's limit the aids are made on the main thread, during the render, where
      // the cache's tables would add to the peak of memory (100,000 papers: 3.8 GB of a 4 GB budget).
      ...(corpus.papers.length <= READING_AIDS_THREAD_MAX_PAPERS
        ? { cacheFile: join(projectRoot, 'node_modules', '.cache', 'research-digest', 'reading-aids.bin') }
        : {}),
    }),
    vocabulary: startSearchVocabulary(corpus.papers, names, {
      ...threads,
      onThread: !threads.yieldCores && building,
      // Not above the aids' thread limit, as the aids' cache: its tables would add to the peak of memory.
      ...(corpus.papers.length <= READING_AIDS_THREAD_MAX_PAPERS
        ? { cacheFile: join(projectRoot, 'node_modules', '.cache', 'research-digest', 'search-vocabulary.bin') }
        : {}),
    }),
    kept: { bibtex: bibtexEntryCache(keptStringsRoot), previews: previewCache(keptStringsRoot) },
  };
  publishCorpus(published);
  return published;
}
