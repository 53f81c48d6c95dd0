/**
 * `/papers.json` under `astro dev`: the corpus exactly as `npm run ingest -- --json` writes it
 * (records sorted by id). `astro build` does not render it (the leading underscore keeps it from
 * being a route): src/integrations/papers-json.ts writes the same bytes straight to disk, and
 * injects this file as the route when the dev server runs.
 */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site-data.ts';
import { papersById, prettyJsonArrayStream } from '../lib/json-array-stream.ts';

export const GET: APIRoute = async () => {
  const siteData = await loadSiteData();
  return new Response(prettyJsonArrayStream(papersById(siteData.papers)), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
