import type { PaperRecord } from '../../src/ingest/index.ts';

/** A whole paper record with plain, empty values, for the string-template tests; `overrides` set what a test is about. */
export function paperRecord(overrides: Partial<PaperRecord>): PaperRecord {
  return {
    id: 'plain-paper',
    title: 'Plain',
    titleHtml: 'Plain',
    aliases: [],
    titleDerived: false,
    abstract: 'Text.',
    abstractHtml: 'Text.',
    topics: [],
    topicEvidence: {},
    published: null,
    upvotes: null,
    authorCount: null,
    organization: null,
    links: [],
    sources: [{ dump: '001_a.txt', line: 3 }],
    firstSeen: '001_a.txt',
    formerIds: [],
    changes: [],
    possiblySameWork: [],
    merges: [],
    ...overrides,
  };
}
