/** The human-readable ingest report printed by `npm run ingest`. */
import type { IngestResult, IngestWarning, TopicDefinition } from './types.ts';

export function formatWarning(warning: IngestWarning): string {
  return `${warning.dump}${warning.line === null ? '' : `:${warning.line}`}: ${warning.message}`;
}

export function formatIngestReport(result: IngestResult, topics: readonly TopicDefinition[]): string {
  const lines: string[] = [];
  const rows = result.dumps.map((dump) => [
    dump.file,
    dump.format ?? 'unreadable',
    dump.dumpDate ?? '-',
    String(dump.entries),
    String(dump.newPapers),
    String(dump.mergedEntries),
    String(dump.warnings.length),
  ]);
  lines.push(...table(['dump', 'format', 'date', 'entries', 'new', 'merged', 'warnings'], rows));
  const warnings = result.dumps.flatMap((dump) => dump.warnings);
  if (warnings.length > 0) {
    lines.push('', `Warnings (${warnings.length}):`, ...warnings.map((warning) => `  ${formatWarning(warning)}`));
  }
  const notes = result.dumps.flatMap((dump) => dump.notes);
  if (notes.length > 0) {
    lines.push('', `Notes (${notes.length}):`, ...notes.map((note) => `  ${formatWarning(note)}`));
  }
  const entries = result.dumps.reduce((sum, dump) => sum + dump.entries, 0);
  lines.push(
    '',
    `Totals: ${result.dumps.length} dumps, ${entries} entries, ${result.papers.length} distinct papers, ${warnings.length} warnings.`,
  );
  lines.push(`${formatMergeCounts(result)}`, '');
  const topicRows = topics.map((topic) => [
    topic.id,
    topic.name,
    String(result.papers.filter((paper) => paper.topics.includes(topic.id)).length),
  ]);
  topicRows.push(['(none)', 'No topic', String(result.papers.filter((paper) => paper.topics.length === 0).length)]);
  lines.push(...table(['topic', 'name', 'papers'], topicRows));
  return lines.join('\n');
}

/** Merges that no exact title made, and look-alike pairs kept apart (details: `--explain-merges`). */
function formatMergeCounts(result: IngestResult): string {
  const explained = result.papers.reduce((sum, paper) => sum + paper.merges.length, 0);
  const pairs = result.papers.reduce((sum, paper) => sum + paper.possiblySameWork.length, 0) / 2;
  return `Merges: ${explained} not by an exact title; possibly the same work: ${pairs} ${pairs === 1 ? 'pair' : 'pairs'} kept apart (npm run ingest -- --explain-merges).`;
}

function table(header: string[], rows: string[][]): string[] {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const format = (row: string[]) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd();
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...rows.map(format)];
}
