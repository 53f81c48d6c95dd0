/**
 * Content Layer loaders for the `papers` and `dumps` collections, fed by one shared ingest of
 * `seeds/`. The papers loader also publishes the whole corpus in this process
 * (src/integrations/corpus-channel.ts), which is where the pages and the integrations read the
 * paper records: the `papers` collection stores only a summary of each. Entries are stored with a
 * digest that includes the parser version, so a change to the ingest code replaces cached entries
 * even when the dumps did not change; in `astro dev` the seeds and topic folders are watched and a
 * dropped-in dump updates the site without a restart.
 */
import { fileURLToPath } from 'node:url';
import { resolve, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { PARSER_VERSION, type PaperEntryData, type PaperRecord } from '../ingest/index.ts';
import { defaultDigestSources, loadDigestCorpus, type DigestSources } from './digest-corpus.ts';
import { dumpSchema, paperEntrySchema } from './record-schemas.ts';
import { papersMergedNow, writeEntries, type CollectionItem } from './store-entries.ts';
import { publishDigestCorpus, reportCorpus } from './publish-corpus.ts';

type Collection = 'papers' | 'dumps';

/** How long the watched folders must be quiet before a change is read. */
const SETTLE_MS = 250;

function sourcesFor(context: LoaderContext): DigestSources {
  return defaultDigestSources(fileURLToPath(context.config.root));
}

/**
 * The `papers` collection stores only each paper's `PaperEntryData`: the whole records (abstracts,
 * HTML, sources, changes: ~4 KB a paper) would cost Astro a data store of their size, its copy in
 * the bundle and a parsed copy in memory (~1.5 GB and ~27 s at 50,000 papers), while the pages
 * take them from the corpus this loader publishes (src/lib/site-data.ts).
 */
function paperEntryData(paper: PaperRecord): PaperEntryData {
  return {
    id: paper.id,
    title: paper.title,
    topics: paper.topics,
    published: paper.published,
    firstSeen: paper.firstSeen,
  };
}

async function syncCollection(collection: Collection, context: LoaderContext): Promise<void> {
  const { logger, generateDigest } = context;
  const corpus = loadDigestCorpus(sourcesFor(context));
  if (collection === 'papers') {
    reportCorpus(corpus, { info: (message) => logger.info(message), warn: (message) => logger.warn(message) });
    // For the pages (the paper records), the search index, which the build starts while Astro
    // writes its store, papers.json and the citations; the related papers and themes are started
    // now too, on another thread (in a rebuild the search page's vocabulary too, on a third).
    publishDigestCorpus(corpus, {
      projectRoot: fileURLToPath(context.config.root),
      warn: (message) => logger.warn(message),
      building: !context.watcher,
    });
  }
  const items: CollectionItem[] =
    collection === 'papers'
      ? corpus.papers.map((paper) => ({
          id: paper.id,
          data: paperEntryData(paper),
          record: paper,
        }))
      : corpus.dumps.map((dump) => ({ id: dump.file, data: { ...dump } }));
  // A paper's summary depends on the parser and the topic rules; a dump's entries on every input,
  // so that any change to the inputs changes the store, which is what tells `astro dev` to reload.
  const dependsOn =
    collection === 'papers'
      ? { parser: PARSER_VERSION, topics: generateDigest(JSON.stringify(corpus.topics)) }
      : { parser: PARSER_VERSION, inputs: generateDigest(corpus.inputsKey) };
  await writeEntries(context, items, {
    collection,
    dependsOn,
    recheck:
      collection === 'papers' ? papersMergedNow(corpus.papers, corpus.dumps, corpus.dumpsFromCheckpoint) : undefined,
  });
}

function watchInputs(collection: Collection, context: LoaderContext): void {
  const { watcher, logger } = context;
  if (!watcher) return;
  const sources = sourcesFor(context);
  const folders = [sources.seedsDirectory, sources.topicsDirectory].map((folder) => resolve(folder) + sep);
  watcher.add([sources.seedsDirectory, sources.topicsDirectory]);
  // An editor or `cp` writes a file in several steps (truncate, then write), and the watcher may
  // report only the first: the dumps are read once the events have settled, not at each one.
  let pending: ReturnType<typeof setTimeout> | undefined;
  let changed: string[] = [];
  const onChange = (path: string) => {
    if (!folders.some((folder) => resolve(path).startsWith(folder))) return;
    changed.push(path);
    clearTimeout(pending);
    pending = setTimeout(() => {
      logger.info(`${[...new Set(changed)].join(', ')} changed; reloading ${collection}`);
      changed = [];
      syncCollection(collection, context).catch((error: unknown) =>
        logger.error(`could not reload ${collection}: ${(error as Error).message}`),
      );
    }, SETTLE_MS);
  };
  for (const event of ['add', 'change', 'unlink'] as const) watcher.on(event, onChange);
}

function digestLoader(collection: Collection): Loader {
  return {
    name: `research-digest-${collection}`,
    schema: collection === 'papers' ? paperEntrySchema : dumpSchema,
    load: async (context) => {
      await syncCollection(collection, context);
      watchInputs(collection, context);
    },
  };
}

export const papersLoader = (): Loader => digestLoader('papers');
export const dumpsLoader = (): Loader => digestLoader('dumps');
