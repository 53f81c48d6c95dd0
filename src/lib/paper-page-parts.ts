import type { PaperRecord } from '../ingest/index.ts';
import { paperDescription } from './format.ts';
import { paperPageBodyHtml } from './paper-page-html.ts';
import type { PaperPageParts } from './paper-page-shell.ts';
import type { SiteData } from './site-data.ts';

/** What one paper's page puts into the layout (src/pages/papers/[id].astro, and its shell's pages). */
export const paperPageParts = (siteData: SiteData, paper: PaperRecord): PaperPageParts => ({
  id: paper.id,
  title: paper.title,
  description: paperDescription(paper.abstract),
  bodyHtml: paperPageBodyHtml(siteData, paper),
});
