/**
 * The hand-off from the content loader to the build's integrations: the papers loader publishes
 * the corpus it synced (src/loaders/digest-loader.ts), and the search index
 * (src/integrations/pagefind-index.ts) and the topic introductions' paper citations
 * (src/markdown/digest-citations.ts) read it, without ingesting the dumps a second time.
 *
 * It travels through `globalThis`: the loader and the integrations run in Astro's process, but in
 * different module graphs (the loader through Vite, the integrations with the config), so a
 * module-level variable would not be shared.
 */
import type { DumpReport, PaperRecord, TopicDefinition } from '../ingest/index.ts';
import type { KeptStrings } from '../lib/kept-strings.ts';
import type { ReadingAids } from '../lib/reading-aids.ts';
import type { Vocabulary } from '../lib/vocabulary-text.ts';

export interface PublishedCorpus {
  /** By id, as the ingest sorts them (and as `/papers.json` and `npm run ingest -- --json` list them). */
  papers: readonly PaperRecord[];
  /** The same papers as the site lists them, newest first (src/lib/paper-order.ts): the pages' order and the reading aids'. */
  newestFirst: readonly PaperRecord[];
  /** In arrival order: published with the papers, so that the pages never pair new papers with old dumps. */
  dumps: readonly DumpReport[];
  /** The topics' definitions in their order (`other` not among them). */
  topics: readonly TopicDefinition[];
  /** Topic id → name, `other` included. */
  topicNames: ReadonlyMap<string, string>;
  /** Related papers and themes, started on a worker thread when the corpus was published (src/lib/reading-aids-thread.ts). */
  readingAids: () => Promise<ReadingAids>;
  /** The search page's vocabulary, started on a worker thread too (src/lib/search-vocabulary-thread.ts). */
  vocabulary: () => Promise<Vocabulary>;
  /** The BibTeX entries and cards' previews the last build made, and where this build's are kept for the next. */
  kept: { bibtex: KeptStrings; previews: KeptStrings };
}

const CHANNEL = Symbol.for('research-digest.search-corpus');
const LISTENER = Symbol.for('research-digest.search-corpus-listener');
type Channel = { [CHANNEL]?: PublishedCorpus; [LISTENER]?: (corpus: PublishedCorpus) => void };

/** Called by the papers loader each time it syncs. */
export function publishCorpus(corpus: PublishedCorpus): void {
  (globalThis as Channel)[CHANNEL] = corpus;
  (globalThis as Channel)[LISTENER]?.(corpus);
}

/**
 * Calls `listener` with the corpus each time the loader publishes one from now on (null stops it;
 * there is one listener, the last set): the build starts indexing as soon as the papers are
 * known, while Astro still writes its content store.
 */
export function onCorpusPublished(listener: ((corpus: PublishedCorpus) => void) | null): void {
  if (listener) (globalThis as Channel)[LISTENER] = listener;
  else delete (globalThis as Channel)[LISTENER];
}

/** The corpus the papers loader last synced in this process, if any. */
export function publishedCorpus(): PublishedCorpus | null {
  return (globalThis as Channel)[CHANNEL] ?? null;
}
