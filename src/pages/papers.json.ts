/** `/papers.json`: the corpus exactly as `npm run ingest -- --json` writes it (records sorted by id). */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site-data.ts';
import { prettyJsonArrayStream } from '../lib/json-array-stream.ts';

export const GET: APIRoute = async () => {
  const siteData = await loadSiteData();
  const papers = [...siteData.papers].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // Streamed a few papers at a time: the whole file (40 MB at 10,000 papers) as one string, then
  // encoded, cost Astro's process about 250 MB at once at the end of the build.
  return new Response(prettyJsonArrayStream(papers), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
