/** `/feed.xml`: every paper, newest dump first. */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../lib/site-data.ts';
import { siteFeedXml } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) =>
  new Response(await siteFeedXml(await loadSiteData(), site!), { headers: { 'Content-Type': 'application/xml' } });
