/**
 * Retired paper id → the id it leads to now (a paper merged into another), for reading lists saved
 * before the merge: /reading-list/ replaces the old ids with the new.
 */
import type { APIRoute } from 'astro';
import { loadSiteData } from '../../lib/site-data.ts';

export const GET: APIRoute = async () => {
  const siteData = await loadSiteData();
  const redirects = Object.fromEntries(
    siteData.papers
      .flatMap((paper) => paper.formerIds.map((id) => [id, paper.id]))
      .sort(([a], [b]) => (a! < b! ? -1 : 1)),
  );
  return new Response(JSON.stringify(redirects), { headers: { 'Content-Type': 'application/json' } });
};
