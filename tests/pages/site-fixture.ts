/**
 * Small hand-made site data for the page tests: the papers and dumps a test is about, and the rest
 * of what the pages read derived from them the way src/lib/site-data.ts derives it (latest dump,
 * new and changed papers, papers per topic, organisations).
 */
import type { DumpReport, PaperRecord } from '../../src/ingest/index.ts';
import { organisations } from '../../src/lib/organisations.ts';
import { paperRecord } from '../reading/paper-fixture.ts';

export { paperRecord };

const PEFT = {
  id: 'peft',
  name: 'Parameter-efficient fine-tuning',
  description: 'Adapting <big> models & "more".',
};
export const OTHER = { id: 'other', name: 'Other', description: 'Papers that fit none of the topics.' };

export function dumpReport(overrides: Partial<DumpReport> & Pick<DumpReport, 'file'>): DumpReport {
  return {
    order: 0,
    format: 'line-pairs',
    dumpDate: null,
    entries: 0,
    newPapers: 0,
    mergedEntries: 0,
    warnings: [],
    notes: [],
    ...overrides,
  };
}

/** `papers` newest first; `dumps` in arrival order; the topics are peft and other. */
export function siteFixture(papers: PaperRecord[], dumps: DumpReport[], topics = [PEFT, OTHER]) {
  const latestDump = dumps.at(-1) ?? null;
  const latestFile = latestDump?.file;
  const orgs = organisations(papers, OTHER.id);
  const papersByTopic = new Map(
    topics.map((topic) => [
      topic.id,
      papers.filter((paper) => (topic.id === OTHER.id ? paper.topics.length === 0 : paper.topics.includes(topic.id))),
    ]),
  );
  return {
    papers,
    dumps,
    latestDump,
    newPapers: papers.filter((paper) => paper.firstSeen === latestFile),
    changedPapers: papers.filter(
      (paper) => paper.firstSeen !== latestFile && paper.changes.some((change) => change.dump === latestFile),
    ),
    topicSummaries: topics,
    topicNames: new Map(topics.map((topic) => [topic.id, topic.name])),
    papersByTopic,
    dumpDates: new Map(dumps.map((dump) => [dump.file, dump.dumpDate])),
    dumpArrivals: dumps.map((dump): [string, number] => [
      dump.file,
      papers.filter((paper) => paper.firstSeen === dump.file).length,
    ]),
    organisations: orgs,
    organisationIds: new Map(orgs.map((organisation) => [organisation.name, organisation.id])),
  };
}
