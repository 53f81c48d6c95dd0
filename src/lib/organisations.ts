/** Organisations as the dumps name them, each with a URL slug, its papers and topics. */
import type { PaperRecord } from '../ingest/index.ts';

export interface Organisation {
  id: string;
  name: string;
  /** Newest first, as the papers were given. */
  papers: PaperRecord[];
  /** Topic id → papers of the organisation in it. */
  topicCounts: Map<string, number>;
}

/** `Liquid AI` → `liquid-ai`; names with no letter or digit get `organisation`. */
export function organisationSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || 'organisation';
}

export const organisationUrl = (id: string) => `/orgs/${id}/`;

/**
 * Every organisation of `papers` (newest first), in order of first appearance in that list's
 * reverse (oldest first), so that a slug two names share goes to the one seen first: its URL does not
 * change when the other arrives. Sorted by name for display.
 */
export function organisations(papers: readonly PaperRecord[], otherTopicId: string): Organisation[] {
  const byName = new Map<string, Organisation>();
  const taken = new Set<string>();
  for (const paper of [...papers].reverse()) {
    const name = paper.organization;
    if (!name) continue;
    let organisation = byName.get(name);
    if (!organisation) {
      const base = organisationSlug(name);
      let id = base;
      for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
      taken.add(id);
      organisation = { id, name, papers: [], topicCounts: new Map() };
      byName.set(name, organisation);
    }
    organisation.papers.unshift(paper);
    for (const topic of paper.topics.length > 0 ? paper.topics : [otherTopicId]) {
      organisation.topicCounts.set(topic, (organisation.topicCounts.get(topic) ?? 0) + 1);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
