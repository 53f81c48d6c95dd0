/** `/papers.bib`: the BibTeX entry of every paper, the same as on its page, in citation-key order. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site-data.ts';
import { papersBibtex } from '../lib/site-files.ts';

export const GET: APIRoute = async () =>
  new Response(papersBibtex(await loadSiteData()), {
    headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' },
  });
