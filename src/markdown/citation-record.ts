/**
 * How the editorial content's `paper:` references resolved in this build, in the order met: kept
 * by a full build (src/rebuild/site-state.ts) so that a rebuild without Astro, which does not compile
 * the content again, can tell whether new dumps would change a citation (another paper, another
 * title) and leave such a rebuild to Astro. Through `globalThis`: the MDX is compiled in the build's
 * bundle, the state is written by an integration.
 */
import type { ResolvedReference } from './paper-references.ts';

const RECORD = Symbol.for('research-digest.citation-resolutions');
type Channel = { [RECORD]?: Map<string, string> };

/** What of a resolution reaches the page: the paper and its title, or that the reference stays text. */
export const citationOutcome = (resolved: ResolvedReference): string =>
  JSON.stringify(resolved.found ? { id: resolved.id, title: resolved.title } : { found: false });

/** Starts a build's record afresh. */
export function startCitationRecord(): void {
  (globalThis as Channel)[RECORD] = new Map();
}

export function recordCitation(reference: string, resolved: ResolvedReference): void {
  (globalThis as Channel)[RECORD]?.set(reference, citationOutcome(resolved));
}

/** The references met since `startCitationRecord`, or null when no record was started. */
export function recordedCitations(): [string, string][] | null {
  const record = (globalThis as Channel)[RECORD];
  return record ? [...record] : null;
}
