/**
 * A paper page's most similar papers, each with the terms the two share, and its possible
 * duplicates, apart: part of the page's body (src/lib/paper-page-html.ts), the markup and white
 * space as the page's Astro component rendered them.
 */
import type { PaperRecord } from '../ingest/index.ts';
import { attribute, text } from './astro-markup.ts';
import { paperUrl } from './format.ts';
import type { RelatedPaper } from './related-papers.ts';

function relatedHtml(related: readonly RelatedPaper[], byId: ReadonlyMap<string, PaperRecord>): string {
  if (related.length === 0) return '';
  const items = related.map((item) => {
    const terms = item.sharedTerms.map((term, index) => `${index > 0 ? ', ' : ''}<q>${text(term)}</q>`).join('');
    const shares = item.sharedTerms.length > 0 ? `<span class="muted small"> — shares ${terms}</span>` : '';
    return (
      `<li${attribute('data-related-id', item.id)}> ` +
      `<a${attribute('href', paperUrl(item.id))}>${text(byId.get(item.id)!.title)}</a> ${shares} </li>`
    );
  });
  return (
    `<section aria-labelledby="related-heading"> <h2 id="related-heading">Related papers</h2> ` +
    `<ol class="related"> ${items.join('')} </ol> </section>`
  );
}

function sameWorkHtml(sameWork: readonly PaperRecord[]): string {
  if (sameWork.length === 0) return '';
  const items = sameWork.map(
    (other) =>
      `<li${attribute('data-same-work-id', other.id)}><a${attribute('href', paperUrl(other.id))}>${text(other.title)}</a></li>`,
  );
  return (
    `<section aria-labelledby="same-work-heading"> <h2 id="same-work-heading">Possibly the same work</h2> ` +
    `<p class="muted small">Listed apart, but alike enough to be versions of one paper.</p> ` +
    `<ul> ${items.join('')} </ul> </section>`
  );
}

/** Both sections, each left out when it would be empty (the white space between them stays). */
export function relatedPapersHtml(
  related: readonly RelatedPaper[],
  sameWork: readonly PaperRecord[],
  byId: ReadonlyMap<string, PaperRecord>,
): string {
  return `${relatedHtml(related, byId)} ${sameWorkHtml(sameWork)}`;
}
