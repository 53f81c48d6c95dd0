/**
 * `npm run ingest -- --check FILE`: what a candidate dump would bring if it were added to the
 * seeds now, as the newest dump, without adding it.
 */
import { basename } from 'node:path';
import {
  buildCorpus,
  formatWarning,
  parseDumpInput,
  type DumpInput,
  type DumpReport,
  type ParsedDump,
  type TopicDefinition,
} from '../../src/ingest/index.ts';

export interface CandidateCheck {
  report: DumpReport;
  /** Papers the candidate would bring for the first time. */
  gained: number;
  /** Papers already known whose title or upvotes the candidate would change. */
  changed: number;
}

export function checkCandidate(
  seeds: readonly DumpInput[],
  candidate: DumpInput,
  topics: readonly TopicDefinition[],
): CandidateCheck {
  const seedParses: ParsedDump[] = seeds.filter((seed) => seed.name !== candidate.name).map(parseDumpInput);
  const before = buildCorpus(seedParses, topics);
  const arrivalOrder = before.dumps.map((dump) => seedParses.find((parsed) => parsed.file === dump.file)!);
  const after = buildCorpus([...arrivalOrder, parseDumpInput(candidate)], topics, { arrival: 'as-given' });
  const report = after.dumps.at(-1)!;
  const changed = after.papers.filter(
    (paper) => paper.firstSeen !== candidate.name && paper.changes.some((change) => change.dump === candidate.name),
  ).length;
  // Counted by first sighting, not by the change in size: a candidate that also merges two known
  // papers into one would otherwise hide one of its new papers.
  const gained = after.papers.filter((paper) => paper.firstSeen === candidate.name).length;
  return { report, gained, changed };
}

export function formatCandidateCheck({ report, gained, changed }: CandidateCheck): string {
  const lines = [
    `Candidate ${basename(report.file)}`,
    `  format:   ${report.format ?? 'not a readable dump'}${report.dumpDate ? ` (dated ${report.dumpDate})` : ''}`,
    `  entries:  ${report.entries}`,
    `  new:      ${gained} papers the digest does not have yet`,
    `  known:    ${report.mergedEntries} entries join papers already known (${changed} of them renamed or re-counted)`,
    `  warnings: ${report.warnings.length}`,
    ...report.warnings.map((warning) => `    ${formatWarning(warning)}`),
  ];
  return lines.join('\n');
}
