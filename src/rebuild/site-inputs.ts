/**
 * What a build's output depends on besides the dumps: the code, the editorial content, the static
 * files, the configuration and the installed packages (through the lockfile), the environment
 * variables the build reads, and Node's version (its Unicode and ICU tables and URL parser shape
 * what pages say: src/lib/format.ts `plural`, search-facets.ts, find-links.ts). A rebuild without Astro (src/rebuild/rebuild-site.ts) is only right
 * when all of these are what they were in the full build it continues.
 */
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { filesHash, treeHash } from '../lib/tree-hash.ts';

/** Raised when what is kept between builds changes shape: every earlier state is then ignored. */
const STATE_FORMAT = 1;

const INPUT_FOLDERS = ['src', 'content', 'public'];
const INPUT_FILES = ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];
/**
 * Variables that change what a build writes but not the dumps it reads: every `RESEARCH_DIGEST_*`
 * and `PAGEFIND_*` one and `SITE_URL`, less these (where the dumps are is data; the log's detail
 * and the choice of a full build are not output).
 */
const DATA_OR_LOG_VARIABLES = new Set(['RESEARCH_DIGEST_SEEDS', 'RESEARCH_DIGEST_VERBOSE', 'RESEARCH_DIGEST_REBUILD']);

function buildVariables(env: NodeJS.ProcessEnv): [string, string][] {
  return Object.entries(env)
    .filter(
      (entry): entry is [string, string] =>
        entry[1] !== undefined &&
        (entry[0] === 'SITE_URL' || /^(RESEARCH_DIGEST|PAGEFIND)_/.test(entry[0])) &&
        !DATA_OR_LOG_VARIABLES.has(entry[0]),
    )
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

/** What of the Node running the build shapes pages: its version and its ICU and Unicode tables. */
export const runningNode = () => ({
  node: process.version,
  icu: process.versions.icu ?? null,
  unicode: process.versions.unicode ?? null,
});

/** The key of everything but the dumps, or null when some input cannot be read (then there is no rebuild without Astro). */
export function siteInputsKey(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  node: ReturnType<typeof runningNode> = runningNode(),
): string | null {
  const hash = createHash('sha256').update(`site inputs ${STATE_FORMAT}\0`);
  for (const folder of INPUT_FOLDERS) hash.update(`${folder}\0${treeHash(join(root, folder)) ?? 'none'}\0`);
  // Astro loads `.env` files into the build's environment (Vite's), which the rebuild does not.
  const envFiles = readdirSync(root)
    .filter((name) => name.startsWith('.env'))
    .sort();
  const files = filesHash(root, [...INPUT_FILES, ...envFiles]);
  if (files === null) return null;
  hash
    .update(files)
    .update('\0')
    .update(JSON.stringify(buildVariables(env)))
    .update('\0')
    .update(JSON.stringify(node));
  return hash.digest('hex');
}
