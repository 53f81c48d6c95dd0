/** `/papers.json`: the corpus exactly as `npm run ingest -- --json` writes it (records sorted by id). */
import type { APIRoute } from 'astro';
import { loadDigest } from '../lib/digest.ts';

export const GET: APIRoute = async () => {
  const digest = await loadDigest();
  const papers = [...digest.papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Response(`${JSON.stringify(papers, null, 2)}\n`, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
