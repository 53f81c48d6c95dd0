/**
 * The paper-citation plugin as the site configures it: papers come from the corpus the content
 * loader last synced in this process (so `astro dev` sees a dropped-in dump), or from an ingest of
 * the project's own seeds when MDX is compiled before the loader ran. A reference to no paper stops
 * the build, unless `RESEARCH_DIGEST_CITATIONS=warn` (a build from another folder of dumps).
 */
import type { RemarkPlugins } from '@astrojs/markdown-remark';
import { defaultDigestSources, loadDigestCorpus } from '../loaders/digest-corpus.ts';
import { publishedCorpus } from '../integrations/corpus-channel.ts';
import { indexPaperReferences, type PaperReferenceIndex } from './paper-references.ts';
import { recordCitation } from './citation-record.ts';
import { remarkPaperCitations } from './remark-paper-citations.ts';
import type { PaperRecord } from '../ingest/index.ts';

export function digestCitationPlugins(projectRoot: string): RemarkPlugins {
  const indexes = new WeakMap<readonly PaperRecord[], PaperReferenceIndex>();
  const papers = (): PaperReferenceIndex => {
    const current = publishedCorpus()?.papers ?? loadDigestCorpus(defaultDigestSources(projectRoot)).papers;
    let index = indexes.get(current);
    if (!index) {
      const references = indexPaperReferences(current);
      // Each resolution is noted for a rebuild without Astro (src/markdown/citation-record.ts).
      index = {
        resolve: (reference) => {
          const resolved = references.resolve(reference);
          recordCitation(reference, resolved);
          return resolved;
        },
      };
      indexes.set(current, index);
    }
    return index;
  };
  const unresolved = process.env.RESEARCH_DIGEST_CITATIONS === 'warn' ? 'warn' : 'fail';
  return [
    [
      remarkPaperCitations,
      { papers, unresolved, warn: (message: string) => console.warn(`[research-digest] warning: ${message}`) },
    ],
  ];
}
