/**
 * The site's data files that endpoints answer with (besides the feeds, src/lib/feeds.ts, and
 * `/papers.json`, src/integrations/papers-json.ts), as strings with no Astro in them: the endpoint
 * and a rebuild without Astro write the same bytes.
 */
import type { SiteData } from './site-data.ts';

/** `/papers.bib`: the BibTeX entry of every paper, the same as on its page, in citation-key order. */
export function papersBibtex(siteData: Pick<SiteData, 'papers' | 'citationKeys' | 'bibtex'>): string {
  const papers = [...siteData.papers].sort((a, b) =>
    siteData.citationKeys.get(a.id)! < siteData.citationKeys.get(b.id)! ? -1 : 1,
  );
  return papers.map((paper) => siteData.bibtex(paper)).join('\n');
}

/**
 * `/reading-list/redirects.json`: retired paper id → the id it leads to now (a paper merged into
 * another), for reading lists saved before the merge: /reading-list/ replaces the old ids with the new.
 */
export function readingListRedirectsJson(siteData: Pick<SiteData, 'papers'>): string {
  const redirects = Object.fromEntries(
    siteData.papers
      .flatMap((paper) => paper.formerIds.map((id) => [id, paper.id]))
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
  return JSON.stringify(redirects);
}
