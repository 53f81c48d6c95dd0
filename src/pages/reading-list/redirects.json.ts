/** `/reading-list/redirects.json`: retired paper id → the id it leads to now (src/lib/site-files.ts). */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site-data.ts';
import { readingListRedirectsJson } from '../../lib/site-files.ts';

export const GET: APIRoute = async () =>
  new Response(readingListRedirectsJson(await loadSiteData()), { headers: { 'Content-Type': 'application/json' } });
