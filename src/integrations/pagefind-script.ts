/**
 * Patches Pagefind's script (`pagefind.js`, which Pagefind writes with its index) so that it loads
 * the page list (src/integrations/search-page-list.ts) instead of the metadata, and makes the
 * metadata from it (src/pagefind/expand-page-list.js, appended to the script). Pagefind has no
 * option for this; the patch replaces the three statements of its `loadMeta` that fetch and
 * decompress the metadata, and stops the build if they are not found exactly once, so that another
 * Pagefind can never ship unpatched or half patched. If the page list cannot be fetched, the script
 * fetches the metadata as before.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pageListFile } from './search-page-list.ts';

const EXPANDER = new URL('../pagefind/expand-page-list.js', import.meta.url);

/** Pagefind 1.6's `loadMeta` body (pagefind_web_js/lib/coupled_search.ts, as bundled). */
const LOAD_META =
  'let compressed_resp=await this.throttledFetch(`${this.basePath}pagefind.${index}.pf_meta`);' +
  'let compressed_meta=await compressed_resp.arrayBuffer();' +
  'this.searchMeta=this.decompress(new Uint8Array(compressed_meta),"Pagefind metadata");';

const LOAD_PAGE_LIST = 'this.searchMeta=await researchDigestLoadMeta(this,index);';

/**
 * The expander's code without its comments and indentation (every first search fetches it: 1.5 KB
 * gzip instead of 2.7). Safe for that file only: no string or regular expression in it holds a
 * comment's opening.
 */
export const strippedSource = (source: string): string =>
  source
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')
    .replace(/^\s+/gm, '')
    .replace(/^export /gm, '');

/** The expander as a function of the script's module scope (its own names kept inside). */
function expanderSource(): string {
  const source = strippedSource(readFileSync(EXPANDER, 'utf8'));
  return `
// Research Digest: the metadata made from the page list (src/pagefind/expand-page-list.js).
const researchDigestPageList = (() => {
${source}
return { expandPageList, tieRanks };
})();
const researchDigestPageListFile = (index) => ${JSON.stringify(pageListFile('@'))}.replace('@', index);
let researchDigestTieRanks = new Map();
/** Where a result (by its id) comes among results that tie; undefined if the page list was not read. */
export function researchDigestTieRank(id) {
  return researchDigestTieRanks.get(id);
}
async function researchDigestLoadMeta(instance, index) {
  try {
    const response = await instance.throttledFetch(\`\${instance.basePath}\${researchDigestPageListFile(index)}\`);
    const list = instance.decompress(new Uint8Array(await response.arrayBuffer()), "Research Digest page list");
    const wordCounts = new Map();
    const meta = researchDigestPageList.expandPageList(list, wordCounts);
    researchDigestTieRanks = researchDigestPageList.tieRanks(wordCounts);
    return meta;
  } catch (error) {
    console.warn(\`Research Digest: the search page list could not be read (\${error}); loading Pagefind's metadata\`);
    const response = await instance.throttledFetch(\`\${instance.basePath}pagefind.\${index}.pf_meta\`);
    return instance.decompress(new Uint8Array(await response.arrayBuffer()), "Pagefind metadata");
  }
}
`;
}

/** `script` (Pagefind's pagefind.js) patched to load the page list. */
export function patchedPagefindScript(script: string): string {
  const found = script.split(LOAD_META).length - 1;
  if (found !== 1)
    throw new Error(
      `pagefind.js: Pagefind's metadata loading found ${found} times, not once (another Pagefind version?); the page list cannot be hooked in`,
    );
  return script.replace(LOAD_META, LOAD_PAGE_LIST) + expanderSource();
}

/**
 * Patches `<folder>/pagefind.js`: as a new file, since the script may be a hard link to a cached
 * shard's (src/integrations/search-shard-cache.ts), which must stay as Pagefind wrote it.
 */
export function patchPagefindScript(folder: string): void {
  const file = join(folder, 'pagefind.js');
  const patched = patchedPagefindScript(readFileSync(file, 'utf8'));
  rmSync(file);
  writeFileSync(file, patched);
}
