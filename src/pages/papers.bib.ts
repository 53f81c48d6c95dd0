/** `/papers.bib`: the BibTeX entry of every paper, the same as on its page, in citation-key order. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const siteData = await loadSiteData();
  const papers = [...siteData.papers].sort((a, b) =>
    siteData.citationKeys.get(a.id)! < siteData.citationKeys.get(b.id)! ? -1 : 1,
  );
  const body = papers.map((paper) => siteData.bibtex(paper)).join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
