/**
 * The data model of the digest. Every other module (CLI, content loader, pages, tests)
 * imports these types; nothing redefines them.
 */

import type { DumpFormat } from './formats/dump-formats.ts';

/** The layouts in which Hugging Face Papers listings have been scraped (formats/dump-formats.ts). */
export type { DumpFormat };

/** Where a paper was seen: a dump file and the 1-based line of its title (or abstract). */
export interface PaperSource {
  dump: string;
  line: number;
}

/** A phrase that put a paper into a topic, and whether it was found in the title or abstract. */
export interface TopicEvidence {
  phrase: string;
  field: 'title' | 'abstract';
}

/** Something a later listing changed about a paper already known. */
export interface PaperChange {
  /** The dump whose listing made the change. */
  dump: string;
  field: 'title' | 'upvotes';
  from: string | number | null;
  to: string | number | null;
}

/** One paper, merged across every dump that listed it. */
export interface PaperRecord {
  /** Stable URL slug, fixed by the paper's first appearance. */
  id: string;
  /** Display title as plain text (math as Unicode, e.g. "S²FT"): the newest title any dump gave, or a derived one. */
  title: string;
  /** The display title as HTML for a page: text escaped, math as MathML (src/ingest/text/render-dump-text.ts). */
  titleHtml: string;
  /** Other titles this paper was listed under, oldest first. */
  aliases: string[];
  /** True when no dump gave a title and `title` was derived from the abstract. */
  titleDerived: boolean;
  /** The abstract as plain text (math as Unicode), for search, feeds and classification. */
  abstract: string;
  /** The abstract as HTML for a page: text escaped, URLs linked, math as MathML. */
  abstractHtml: string;
  /** Topic ids, in the order of the topic definitions. */
  topics: string[];
  /** For each topic id in `topics`, the phrases that matched. */
  topicEvidence: Record<string, TopicEvidence[]>;
  /** Publication date `YYYY-MM-DD`, or null when no dump gave one. */
  published: string | null;
  upvotes: number | null;
  authorCount: number | null;
  organization: string | null;
  /** http(s) URLs found in the abstract. */
  links: string[];
  /** Every occurrence, in arrival order. */
  sources: PaperSource[];
  /** The dump file in which the paper first appeared. */
  firstSeen: string;
  /** Ids of papers that later turned out to be this one; their URLs redirect here. */
  formerIds: string[];
  /** Titles and upvote counts that later listings changed, in arrival order. */
  changes: PaperChange[];
  /**
   * Ids of papers alike enough to look like the same work but not merged (e.g. an extended
   * version by the same group), sorted; each lists the other.
   */
  possiblySameWork: string[];
  /** Why each listing that did not share the paper's title joined it, in arrival order. */
  merges: MergeExplanation[];
}

/**
 * What the `papers` content collection stores of a paper: enough for a page or MDX to list and
 * link papers with `getCollection('papers')`. The full records stay out of Astro's data store
 * and bundle (the pages read them from the loader's corpus: src/lib/site-data.ts).
 */
export type PaperEntryData = Pick<PaperRecord, 'id' | 'title' | 'topics' | 'published' | 'firstSeen'>;

/** One listing of a paper: where it is and the title it was listed under (null when untitled). */
export interface ListingRef {
  dump: string;
  line: number;
  title: string | null;
}

/**
 * The merge rule that joined two listings whose titles differ (or a short, generic title's):
 * see the README, "How listings become papers", for the thresholds.
 */
export type MergeRule =
  'near-identical-abstract' | 'truncated-abstract' | 'close-title-and-abstract' | 'short-title-and-abstract';

/** How alike two listings are, the figures the merge rules read (each from 0 to 1, 3 decimals). */
export interface MergeFigures {
  /** Jaccard similarity of the abstracts' word 3-grams. */
  abstractSimilarity: number;
  /** Share of the shorter abstract's 3-grams found in the other. */
  containment: number;
  /**
   * Share of the shorter abstract's 3-grams, outside the longest run of text both share (an
   * opening, a template paragraph), that the other abstract also has: shared boilerplate alone
   * leaves this near 0.
   */
  beyondSharedRun: number;
  /** Jaccard similarity of the titles' content words; null when a listing had no title. */
  titleSimilarity: number | null;
}

/** Why a listing joined a paper it did not share a title with. */
export interface MergeExplanation {
  rule: MergeRule;
  /** The listing that joined. */
  entry: ListingRef;
  /** The listing of the paper whose abstract it matched. */
  matched: ListingRef;
  figures: MergeFigures;
}

/** Two listings alike enough to be looked at but not merged, and why not. */
export interface MergeNearMiss {
  /** Ids of the paper the entry belongs to and of the paper it was compared with. */
  papers: [string, string];
  entry: ListingRef;
  matched: ListingRef;
  figures: MergeFigures;
  reason: string;
  /** Alike beyond shared boilerplate: listed on both papers' pages as possibly the same work. */
  possiblySameWork: boolean;
}

/** A problem found in a dump; `line` is 1-based, or null when it concerns the whole file. */
export interface IngestWarning {
  dump: string;
  line: number | null;
  message: string;
}

/**
 * Something worth knowing that is not a problem of the dump, e.g. a formula that does not parse
 * and is shown as its TeX source.
 */
export type IngestNote = IngestWarning;

/** What the ingest learned about one dump file. */
export interface DumpReport {
  /** File name, e.g. `004_bad6f80c63e5f5b3.txt`. */
  file: string;
  /** Position in arrival order, from 0. */
  order: number;
  format: DumpFormat | null;
  /** The dump's own date (`YYYY-MM-DD`) when its header and dates allow inferring it. */
  dumpDate: string | null;
  /** Entries (title/abstract pairs or abstract lines) read from the file. */
  entries: number;
  /** Papers this dump brought for the first time. */
  newPapers: number;
  /** Entries that joined a paper already known (from this dump or an earlier one). */
  mergedEntries: number;
  warnings: IngestWarning[];
  /** Notes about entries whose text is current in this dump (one per formula that did not parse). */
  notes: IngestNote[];
}

/** One entry as a dump format parser yields it, before normalisation and merging. */
export interface RawEntry {
  /** Raw title text, or null for formats (or broken entries) without one. */
  title: string | null;
  abstract: string;
  /** 1-based line of the entry's first line (its title, or its abstract when untitled). */
  line: number;
  meta: RawEntryMeta | null;
}

/** The metadata block of the `daily-page-metadata` format, already split into fields. */
export interface RawEntryMeta {
  authorCount: number | null;
  organization: string | null;
  /** Date resolved to `YYYY-MM-DD` (yearless dates against the dump's date); null when missing. */
  published: string | null;
  upvotes: number | null;
}

/** A dump file as handed to the ingest: its name and bytes, or why it could not be read. */
export type DumpInput = { name: string; bytes: Uint8Array } | { name: string; bytes: null; problem: string };

/** A rule term: a phrase and the score it adds each time it matches (up to the term's cap). */
export interface TopicTerm {
  phrase: string;
  weight: number;
}

/** How a topic decides membership; read from the topic's MDX frontmatter. */
export interface TopicRules {
  /** Minimum total score for membership. */
  threshold: number;
  /** A match in the title counts this many times its weight. */
  titleWeight: number;
  /** Occurrences of one term counted at most this many times. */
  maxHitsPerTerm: number;
  terms: TopicTerm[];
  /** Phrases that look like topic terms but are not (removed before matching). */
  ignore: string[];
  /**
   * Terms that must appear for the topic to apply at all; when non-empty, a paper scoring above
   * the threshold only through supporting terms is not in the topic.
   */
  requireAny: string[];
  /** Terms that count only with one of these phrases within `nearWindow` words. */
  near?: Record<string, string[]>;
  /** Terms that do not count with one of these phrases within `nearWindow` words. */
  notNear?: Record<string, string[]>;
  nearWindow?: number;
}

export interface TopicDefinition {
  id: string;
  name: string;
  description: string;
  rules: TopicRules;
}

/** One dump parsed on its own: what the content loader caches per file. */
export interface ParsedDump {
  file: string;
  format: DumpFormat | null;
  dumpDate: string | null;
  entries: RawEntry[];
  warnings: IngestWarning[];
}

/** Everything one ingest run produces. */
export interface IngestResult {
  /** Papers sorted by id. */
  papers: PaperRecord[];
  /** One report per dump, in arrival order. */
  dumps: DumpReport[];
  /** Look-alike listings that were kept apart, in arrival order (for `--explain` and the report). */
  nearMisses: MergeNearMiss[];
}
