/** `/feed.xml`: every paper, newest dump first. */
import type { APIRoute } from 'astro';
import { loadDigest } from '../lib/digest.ts';
import { papersFeed } from '../lib/feeds.ts';

export const GET: APIRoute = async ({ site }) => {
  const digest = await loadDigest();
  return papersFeed({ digest, papers: digest.papers, site: site!, title: 'Research Digest: new papers', description: 'Papers as they arrive in the digest, newest dump first.' });
};
