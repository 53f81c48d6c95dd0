/**
 * The Provenance part of a paper page's body (src/lib/paper-page-html.ts): the changes later
 * listings made, every listing of the paper, and why listings under other titles were merged into
 * it ("merged with … because …"); the markup and white space as the page's Astro component
 * rendered them.
 */
import type { ListingRef, MergeExplanation, PaperChange, PaperRecord } from '../ingest/index.ts';
import { attribute, text } from './astro-markup.ts';

const percent = (share: number) => `${Math.round(share * 100)}%`;

function because(merge: MergeExplanation): string {
  const { abstractSimilarity, containment, titleSimilarity } = merge.figures;
  switch (merge.rule) {
    case 'near-identical-abstract':
      return `their abstracts are near-identical (${percent(abstractSimilarity)} of their word 3-grams in common)`;
    case 'truncated-abstract':
      return `one abstract is a truncation of the other (${percent(containment)} of the shorter one is in the longer)`;
    case 'close-title-and-abstract':
      return `their titles are close (${percent(titleSimilarity ?? 0)} of their words in common) and their abstracts agree (${percent(containment)} of the shorter one is in the other)`;
    case 'short-title-and-abstract':
      return `they share a short title and their abstracts agree (${percent(containment)} of the shorter one is in the other)`;
  }
}

const titleOf = (listing: ListingRef) => (listing.title === null ? 'untitled' : `“${listing.title}”`);

const dumpLink = (dump: string) => `<a${attribute('href', `/sources/#${dump}`)}>${text(dump)}</a>`;

function changeHtml(change: PaperChange): string {
  const what =
    change.field === 'title'
      ? `renamed from “${text(change.from)}” to “${text(change.to)}”`
      : `upvotes ${text(change.from)} → ${text(change.to)}`;
  return `<li> ${dumpLink(change.dump)}:  ${what} </li>`;
}

function historyHtml(changes: readonly PaperChange[]): string {
  if (changes.length === 0) return '';
  return ` <h3>History</h3> <ul> ${changes.map(changeHtml).join('')} </ul> `;
}

/** The line breaks are the component's: compressHTML kept one where its source broke a line. */
function mergeHtml(merge: MergeExplanation): string {
  return (
    `<li>\nThe listing in ${dumpLink(merge.entry.dump)}, line ${text(merge.entry.line)} \n` +
    `(${text(titleOf(merge.entry))}) was merged with the one in  ${dumpLink(merge.matched.dump)}, line ${text(merge.matched.line)} \n` +
    `(${text(titleOf(merge.matched))}) because ${text(because(merge))}.\n</li>`
  );
}

function mergesHtml(merges: readonly MergeExplanation[]): string {
  if (merges.length === 0) return '';
  return ` <h3>Merged listings</h3> <ul class="merge-provenance"> ${merges.map(mergeHtml).join('')} </ul> `;
}

export function paperProvenanceHtml(paper: PaperRecord): string {
  const times = paper.sources.length === 1 ? 'once' : `${paper.sources.length} times`;
  const sources = paper.sources
    .map((source) => `<li>${dumpLink(source.dump)}, line ${text(source.line)}</li>`)
    .join('');
  return (
    `<details class="provenance"> <summary><h2>Provenance</h2></summary> ${historyHtml(paper.changes)} ` +
    `<h3>Sources</h3> <p>First seen in ${dumpLink(paper.firstSeen)}. Listed ${times}:</p> ` +
    `<ul> ${sources} </ul> ${mergesHtml(paper.merges)} </details>`
  );
}
