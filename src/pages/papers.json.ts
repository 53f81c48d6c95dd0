/** `/papers.json`: the corpus exactly as `npm run ingest -- --json` writes it (records sorted by id). */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const siteData = await loadSiteData();
  const papers = [...siteData.papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Response(`${JSON.stringify(papers, null, 2)}\n`, {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
