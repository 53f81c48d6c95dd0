/** `/papers.bib`: the BibTeX entry of every paper, the same as on its page, in citation-key order. */
import type { APIRoute } from 'astro';
import { loadDigest } from '../lib/digest.ts';

export const GET: APIRoute = async () => {
  const digest = await loadDigest();
  const papers = [...digest.papers].sort((a, b) => (digest.citationKeys.get(a.id)! < digest.citationKeys.get(b.id)! ? -1 : 1));
  const body = papers.map((paper) => digest.bibtex(paper)).join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
