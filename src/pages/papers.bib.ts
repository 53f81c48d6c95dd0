/** `/papers.bib`: a BibTeX entry for every paper, pointing at its page in the digest. */
import type { APIRoute } from 'astro';
import { bibtexEntry } from '../lib/bibtex.ts';
import { loadDigest } from '../lib/digest.ts';
import { paperUrl } from '../lib/format.ts';

export const GET: APIRoute = async ({ site }) => {
  const digest = await loadDigest();
  const dumpYears = new Map(digest.dumps.map((dump) => [dump.file, dump.dumpDate?.slice(0, 4) ?? null]));
  const papers = [...digest.papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const body = papers.map((paper) => bibtexEntry(paper, new URL(paperUrl(paper.id), site).href, dumpYears.get(paper.firstSeen) ?? null)).join('\n');
  return new Response(body, { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } });
};
