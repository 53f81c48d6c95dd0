/**
 * `/papers.json`, the whole corpus (40 MB at 10,000 papers, 400 MB at 100,000), written by the
 * build straight to `dist/` from the papers the content loader published, a few papers at a time.
 * As a route it went through Astro's prerenderer, which reads each response whole and copies it
 * several times over (the largest memory peak of a 10,000-paper build); it is a route only under
 * `astro dev` (src/pages/_papers.json.ts, the same bytes).
 */
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { publishedCorpus } from './corpus-channel.ts';
import { claimOutput } from './stale-output.ts';
import { prettyJsonArrayStream } from '../lib/json-array-stream.ts';

/** Writes `papers.json` into `outDir` from the corpus the loader published (also run by a rebuild without Astro). */
export async function writePapersJson(outDir: string): Promise<void> {
  const corpus = publishedCorpus();
  if (!corpus) throw new Error('[research-digest-papers-json] the papers loader published no papers');
  const stream = prettyJsonArrayStream(corpus.papers) as WebReadableStream<Uint8Array>;
  await pipeline(Readable.fromWeb(stream), createWriteStream(join(outDir, 'papers.json')));
  claimOutput('papers.json');
}

export default function papersJson(): AstroIntegration {
  return {
    name: 'research-digest-papers-json',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/papers.json', entrypoint: './src/pages/_papers.json.ts' });
      },
      'astro:build:done': ({ dir }) => writePapersJson(fileURLToPath(dir)),
    },
  };
}
