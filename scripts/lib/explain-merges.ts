/**
 * The text of `npm run ingest -- --explain-merges` (every merge not made by an exact title, and
 * the pairs kept apart as possibly the same work) and of `--explain <id or title>` (one paper's
 * listings, merges and near misses).
 */
import { titleKey } from '../../src/ingest/index.ts';
import type {
  IngestResult,
  ListingRef,
  MergeExplanation,
  MergeFigures,
  MergeNearMiss,
  PaperRecord,
} from '../../src/ingest/index.ts';

const RULE_WORDS: Record<MergeExplanation['rule'], string> = {
  'near-identical-abstract': 'near-identical abstracts',
  'truncated-abstract': 'one abstract is a truncation of the other',
  'close-title-and-abstract': 'close titles and agreeing abstracts',
  'short-title-and-abstract': 'the same short title and agreeing abstracts',
};

function formatListing(listing: ListingRef): string {
  return `${listing.dump}:${listing.line} ${listing.title === null ? '(untitled)' : `"${listing.title}"`}`;
}

function formatFigures(figures: MergeFigures): string {
  const parts = [
    `abstract similarity ${figures.abstractSimilarity.toFixed(3)}`,
    `containment ${figures.containment.toFixed(3)}`,
    `beyond shared run ${figures.beyondSharedRun.toFixed(3)}`,
  ];
  if (figures.titleSimilarity !== null) parts.push(`title similarity ${figures.titleSimilarity.toFixed(3)}`);
  return parts.join(', ');
}

function formatMerge(merge: MergeExplanation): string[] {
  return [
    `  ${formatListing(merge.entry)}`,
    `    joined ${formatListing(merge.matched)}`,
    `    rule ${merge.rule} (${RULE_WORDS[merge.rule]}): ${formatFigures(merge.figures)}`,
  ];
}

/** Each pair once, with the figures of its first near miss. */
function possiblySamePairs(result: IngestResult): MergeNearMiss[] {
  const seen = new Set<string>();
  return result.nearMisses.filter((miss) => {
    if (!miss.possiblySameWork) return false;
    const key = [...miss.papers].sort().join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function formatMergeExplanations(result: IngestResult): string {
  const byId = new Map(result.papers.map((paper) => [paper.id, paper]));
  const merged = result.papers.filter((paper) => paper.merges.length > 0);
  const lines = [`Merges not made by an exact title: ${merged.reduce((sum, paper) => sum + paper.merges.length, 0)}`];
  for (const paper of merged) {
    lines.push('', `${paper.id} "${paper.title}"`);
    for (const merge of paper.merges) lines.push(...formatMerge(merge));
  }
  const pairs = possiblySamePairs(result);
  lines.push('', `Possibly the same work, kept apart: ${pairs.length} ${pairs.length === 1 ? 'pair' : 'pairs'}`);
  for (const miss of pairs) {
    const [first, second] = miss.papers.map((id) => byId.get(id)!);
    lines.push(
      '',
      `  ${first!.id} "${first!.title}"`,
      `  ${second!.id} "${second!.title}"`,
      `    ${formatFigures(miss.figures)}`,
    );
  }
  return lines.join('\n');
}

/** The paper an `--explain` argument names: an id (current or former), a title or an alias. */
export function findPaper(result: IngestResult, query: string): PaperRecord | undefined {
  const key = titleKey(query);
  return (
    result.papers.find((paper) => paper.id === query || paper.formerIds.includes(query)) ??
    result.papers.find(
      (paper) => key !== '' && [paper.title, ...paper.aliases].some((title) => titleKey(title) === key),
    )
  );
}

export function formatPaperHistory(result: IngestResult, paper: PaperRecord): string {
  const byId = new Map(result.papers.map((other) => [other.id, other]));
  const lines = [`${paper.id} "${paper.title}"`];
  if (paper.formerIds.length > 0) lines.push(`  former ids: ${paper.formerIds.join(', ')}`);
  if (paper.aliases.length > 0)
    lines.push(`  also listed as: ${paper.aliases.map((alias) => `"${alias}"`).join('; ')}`);
  lines.push(
    `  listed ${paper.sources.length === 1 ? 'once' : `${paper.sources.length} times`}: ${paper.sources.map((source) => `${source.dump}:${source.line}`).join(', ')}`,
  );
  const explained = new Set(paper.merges.map((merge) => `${merge.entry.dump}:${merge.entry.line}`));
  const byTitle = paper.sources.slice(1).filter((source) => !explained.has(`${source.dump}:${source.line}`));
  lines.push('', `Merges (${paper.merges.length} by abstract, ${byTitle.length} by the same title):`);
  for (const merge of paper.merges) lines.push(...formatMerge(merge));
  for (const source of byTitle) lines.push(`  ${source.dump}:${source.line} joined by the same title`);
  const misses = result.nearMisses.filter((miss) => miss.papers.includes(paper.id));
  lines.push('', `Near misses (${misses.length}):`);
  for (const miss of misses) {
    const other = byId.get(miss.papers[0] === paper.id ? miss.papers[1] : miss.papers[0]);
    lines.push(
      `  ${formatListing(miss.entry)}`,
      `    looked like ${formatListing(miss.matched)}${other ? ` (now ${other.id})` : ''}`,
      `    kept apart: ${miss.reason}; ${formatFigures(miss.figures)}${miss.possiblySameWork ? '; possibly the same work' : ''}`,
    );
  }
  if (paper.possiblySameWork.length > 0) lines.push('', `Possibly the same work: ${paper.possiblySameWork.join(', ')}`);
  return lines.join('\n');
}
