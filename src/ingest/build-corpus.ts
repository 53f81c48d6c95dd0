/** Turns parsed dumps into the corpus: merged, classified paper records and one report per dump. */
import { classifyPaper, compileTopics, type TopicAssignment } from './classify-topics.ts';
import { displayTitle, mergeDumps, type PaperDraft } from './merge-papers.ts';
import type { MergeState } from './merge-state.ts';
import { possiblySameWorkIds } from './merge-review.ts';
import { parseDump } from './parse-dump.ts';
import { renderDumpText, type RenderOptions } from './text/render-dump-text.ts';
import type {
  DumpInput,
  DumpReport,
  IngestNote,
  IngestResult,
  ListingRef,
  PaperRecord,
  ParsedDump,
  TopicDefinition,
} from './types.ts';

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
  /**
   * Topic assignments by title and abstract kept from an earlier build with the same topic rules
   * and classifier (the loader keeps them on disk); new ones are added to it.
   */
  classifications?: ClassificationMemo;
  /**
   * The merge to continue: the state after the first dumps (in arrival order), from a checkpoint
   * (merge-checkpoint.ts). It is updated in place, and holds the merge of every dump afterwards.
   */
  mergeState?: MergeState;
}

export interface ClassificationMemo {
  get(title: string, abstract: string): TopicAssignment | undefined;
  set(title: string, abstract: string, assignment: TopicAssignment): void;
}

/** The paper's topics, from the memo when it has them (a copy: records never share arrays). */
function classifyMemoised(
  topics: ReturnType<typeof compileTopics>,
  title: string,
  abstract: string,
  memo: ClassificationMemo | undefined,
): TopicAssignment {
  const known = memo?.get(title, abstract);
  if (known === undefined) {
    const assignment = classifyPaper(topics, title, abstract);
    memo?.set(title, abstract, assignment);
    return memo ? copyOf(assignment) : assignment;
  }
  return copyOf(known);
}

const copyOf = (assignment: TopicAssignment): TopicAssignment => ({
  topics: [...assignment.topics],
  topicEvidence: Object.fromEntries(
    Object.entries(assignment.topicEvidence).map(([topic, evidence]) => [topic, evidence.map((item) => ({ ...item }))]),
  ),
});

export function buildCorpus(
  parsedDumps: readonly ParsedDump[],
  topics: readonly TopicDefinition[],
  options: CorpusOptions = {},
): IngestResult {
  const dumps =
    options.arrival === 'as-given'
      ? [...parsedDumps]
      : [...parsedDumps].sort((a, b) => compareDumpNames(a.file, b.file));
  const { papers: drafts, counts, nearMisses } = mergeDumps(dumps, options.mergeState);
  const compiled = compileTopics(topics);
  const notes: IngestNote[] = [];
  const partners = possiblySameWorkIds(nearMisses);
  const papers = drafts
    .map((draft) => toPaperRecord(draft, compiled, partners.get(draft.id) ?? [], notes, options.classifications))
    .sort((a, b) => compareDumpNames(a.id, b.id));
  const notesByDump = Map.groupBy(notes, (note) => note.dump);
  const reports: DumpReport[] = dumps.map((dump, order) => ({
    file: dump.file,
    order,
    format: dump.format,
    dumpDate: dump.dumpDate,
    entries: dump.entries.length,
    newPapers: counts.get(dump.file)?.newPapers ?? 0,
    mergedEntries: counts.get(dump.file)?.mergedEntries ?? 0,
    warnings: dump.warnings,
    notes: (notesByDump.get(dump.file) ?? []).sort(
      (a, b) => (a.line ?? 0) - (b.line ?? 0) || a.message.localeCompare(b.message),
    ),
  }));
  return {
    papers,
    dumps: reports,
    nearMisses: nearMisses.map((miss) => ({ ...miss, papers: [miss.papers[0].id, miss.papers[1].id] })),
  };
}

/** Listing titles in the plain reading, as everywhere else a title is text. */
const plainTitled = (listing: ListingRef): ListingRef =>
  listing.title === null ? listing : { ...listing, title: renderDumpText(listing.title, { linkUrls: false }).plain };

/**
 * The paper as readers see it: title and abstract through the text pipeline (HTML for pages, plain
 * text for everything else); a formula that does not parse becomes a note on the listing whose
 * text is shown, the paper's newest.
 */
function toPaperRecord(
  draft: PaperDraft,
  topics: ReturnType<typeof compileTopics>,
  possiblySameWork: string[],
  notes: IngestNote[],
  classifications: ClassificationMemo | undefined,
): PaperRecord {
  const newest = draft.sources[draft.sources.length - 1]!;
  const render = (text: string, options: RenderOptions) => {
    const rendered = renderDumpText(text, options);
    for (const problem of rendered.mathProblems) {
      notes.push({
        dump: newest.dump,
        line: newest.line,
        message: `formula shown as written, it does not parse: ${problem}`,
      });
    }
    return rendered;
  };
  // A title is shown inside a link to its paper: its URLs stay text.
  const title = render(displayTitle(draft), { linkUrls: false });
  const abstract = render(draft.abstract, { linkUrls: true });
  const aliases = [...draft.titles]
    .filter(([key]) => key !== draft.latestTitleKey)
    .map(([, text]) => renderDumpText(text, { linkUrls: false }).plain);
  const { topics: topicIds, topicEvidence } = classifyMemoised(topics, title.plain, abstract.plain, classifications);
  const changes = draft.changes.map((change) =>
    change.field === 'title' && typeof change.from === 'string' && typeof change.to === 'string'
      ? {
          ...change,
          from: renderDumpText(change.from, { linkUrls: false }).plain,
          to: renderDumpText(change.to, { linkUrls: false }).plain,
        }
      : change,
  );
  return {
    id: draft.id,
    title: title.plain,
    titleHtml: title.html,
    aliases,
    titleDerived: draft.latestTitleKey === null,
    abstract: abstract.plain,
    abstractHtml: abstract.html,
    topics: topicIds,
    topicEvidence,
    published: draft.published,
    upvotes: draft.upvotes,
    authorCount: draft.authorCount,
    organization: draft.organization,
    links: [...new Set(abstract.links)],
    sources: draft.sources,
    firstSeen: draft.firstSeen,
    formerIds: [...draft.retiredIds].sort(),
    changes,
    possiblySameWork,
    merges: draft.merges.map((merge) => ({
      ...merge,
      entry: plainTitled(merge.entry),
      matched: plainTitled(merge.matched),
    })),
  };
}

/** Parses and merges in one go, for the CLI and tests; the loader caches `parseDump` per file instead. */
export function ingestDumps(inputs: readonly DumpInput[], topics: readonly TopicDefinition[]): IngestResult {
  return buildCorpus(inputs.map(parseDumpInput), topics);
}

export function parseDumpInput(input: DumpInput): ParsedDump {
  if (input.bytes === null) {
    return {
      file: input.name,
      format: null,
      dumpDate: null,
      entries: [],
      warnings: [{ dump: input.name, line: null, message: `skipped: ${input.problem}` }],
    };
  }
  return parseDump(input.name, input.bytes);
}
