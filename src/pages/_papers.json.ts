/**
 * `/papers.json` under `astro dev`: the corpus exactly as `npm run ingest -- --json` writes it
 * (records sorted by id). `astro build` does not render it (the leading underscore keeps it from
 * being a route): src/integrations/papers-json.ts writes the same bytes straight to disk, and
 * injects this file as the route when the dev server runs.
 */
import type { APIRoute } from 'astro';
import { publishedCorpus } from '../integrations/corpus-channel.ts';
import { prettyJsonArrayStream } from '../lib/json-array-stream.ts';

export const GET: APIRoute = () => {
  const corpus = publishedCorpus();
  if (!corpus) throw new Error('[research-digest] /papers.json: the papers loader published no papers');
  return new Response(prettyJsonArrayStream(corpus.papers), {
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
  });
};
