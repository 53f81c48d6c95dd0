/** Turns parsed dumps into the corpus: merged, classified paper records and one report per dump. */
import { classifyPaper, compileTopics } from './classify-topics.ts';
import { extractLinks } from './extract-links.ts';
import { displayTitle, mergeDumps, type PaperDraft } from './merge-papers.ts';
import { possiblySameWorkIds } from './merge-review.ts';
import { parseDump } from './parse-dump.ts';
import { renderDumpText } from './render-text.ts';
import type { DumpInput, DumpReport, IngestResult, PaperRecord, ParsedDump, TopicDefinition } from './types.ts';

/** Dumps arrive in file-name order; that order decides first sightings, ids and newest titles. */
export function compareDumpNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface CorpusOptions {
  /**
   * `by-name` (the default) sorts dumps by file name, their order of arrival; `as-given` keeps
   * the order passed in, e.g. to try a candidate dump as if it arrived last.
   */
  arrival?: 'by-name' | 'as-given';
}

export function buildCorpus(parsedDumps: readonly ParsedDump[], topics: readonly TopicDefinition[], options: CorpusOptions = {}): IngestResult {
  const dumps = options.arrival === 'as-given' ? [...parsedDumps] : [...parsedDumps].sort((a, b) => compareDumpNames(a.file, b.file));
  const { papers: drafts, counts, nearMisses } = mergeDumps(dumps);
  const compiled = compileTopics(topics);
  const partners = possiblySameWorkIds(nearMisses);
  const papers = drafts.map((draft) => toPaperRecord(draft, compiled, partners.get(draft.id) ?? [])).sort((a, b) => compareDumpNames(a.id, b.id));
  const reports: DumpReport[] = dumps.map((dump, order) => ({
    file: dump.file,
    order,
    format: dump.format,
    dumpDate: dump.dumpDate,
    entries: dump.entries.length,
    newPapers: counts.get(dump.file)?.newPapers ?? 0,
    mergedEntries: counts.get(dump.file)?.mergedEntries ?? 0,
    warnings: dump.warnings,
  }));
  return {
    papers,
    dumps: reports,
    nearMisses: nearMisses.map((miss) => ({ ...miss, papers: [miss.papers[0].id, miss.papers[1].id] })),
  };
}

function toPaperRecord(draft: PaperDraft, topics: ReturnType<typeof compileTopics>, possiblySameWork: string[]): PaperRecord {
  const title = displayTitle(draft);
  const aliases = [...draft.titles].filter(([key]) => key !== draft.latestTitleKey).map(([, text]) => text);
  const { topics: topicIds, topicEvidence } = classifyPaper(topics, title, draft.abstract);
  return {
    id: draft.id,
    title,
    titleHtml: renderDumpText(title).html,
    aliases,
    titleDerived: draft.latestTitleKey === null,
    abstract: draft.abstract,
    abstractHtml: renderDumpText(draft.abstract).html,
    topics: topicIds,
    topicEvidence,
    published: draft.published,
    upvotes: draft.upvotes,
    authorCount: draft.authorCount,
    organization: draft.organization,
    links: extractLinks(draft.abstract),
    sources: draft.sources,
    firstSeen: draft.firstSeen,
    formerIds: [...draft.retiredIds].sort(),
    changes: draft.changes,
    possiblySameWork,
    merges: draft.merges,
  };
}

/** Parses and merges in one go, for the CLI and tests; the loader caches `parseDump` per file instead. */
export function ingestDumps(inputs: readonly DumpInput[], topics: readonly TopicDefinition[]): IngestResult {
  return buildCorpus(inputs.map(parseDumpInput), topics);
}

export function parseDumpInput(input: DumpInput): ParsedDump {
  if (input.bytes === null) {
    return { file: input.name, format: null, dumpDate: null, entries: [], warnings: [{ dump: input.name, line: null, message: `skipped: ${input.problem}` }] };
  }
  return parseDump(input.name, input.bytes);
}
