import type { PaperRecord } from '../ingest/index.ts';
import { paperDescription } from './format.ts';
import { paperPageBodyHtml } from './paper-page-html.ts';
import type { PaperPageParts } from './paper-page-shell.ts';
import type { SiteData } from './site-data.ts';

/**
 * What each paper's page puts into the layout (src/pages/papers/[id].astro, and its shell's pages),
 * once the related papers are made: they come after everything else the site data holds.
 */
export async function paperPageMaker(siteData: SiteData): Promise<(paper: PaperRecord) => PaperPageParts> {
  const data = { ...siteData, related: await siteData.relatedPapers() };
  return (paper) => ({
    id: paper.id,
    title: paper.title,
    description: paperDescription(paper.abstract),
    bodyHtml: paperPageBodyHtml(data, paper),
  });
}
