/**
 * A rebuild without Astro, for when only the dumps changed since the last full build: Astro's start,
 * content sync and bundle cost ~7 s before its first page whatever changed (a no-op build of the
 * seeds: ~9 s), so `npm run build` (scripts/build.ts) comes here when src/rebuild/site-state.ts says
 * it may. Nothing here makes a page's markup: every page is written from a shell the last full build
 * had Astro render (src/lib/paper-page-shell.ts, the route shells), filled by the same functions of
 * the site data that fill them in a full build, and the site's integrations (paper pages,
 * papers.json, the search index, stale output) are run with their own hooks, as Astro runs them. So
 * the result is the site a full build of the same dumps makes, byte for byte
 * (tests/site-build/rebuild-without-astro.test.ts).
 */
import { existsSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { defaultDigestSources, loadDigestCorpus, type DigestCorpus } from '../loaders/digest-corpus.ts';
import { publishDigestCorpus, reportCorpus } from '../loaders/publish-corpus.ts';
import { dumpSchema, paperSchema } from '../loaders/record-schemas.ts';
import { papersMergedNow } from '../loaders/store-entries.ts';
import { citationOutcome } from '../markdown/citation-record.ts';
import { indexPaperReferences } from '../markdown/paper-references.ts';
import paperPages from '../integrations/paper-pages.ts';
import pagefindIndex from '../integrations/pagefind-index.ts';
import staleOutput from '../integrations/stale-output.ts';
import { BUILD_SHARD_VARIABLE } from '../lib/search-shards.ts';
import { previewSentence } from '../lib/paper-preview.ts';
import { READING_AIDS_THREAD_MAX_PAPERS } from '../lib/reading-aids-thread.ts';
import { loadSiteData, loadSiteDataBeforeAids } from '../lib/site-data.ts';
import { siteInputsKey } from './site-inputs.ts';
import { readSiteState, removeSiteState, writeSiteState, type SiteState } from './site-state.ts';
import { readKeptShells, writeFilesBeforeAids, writeRebuiltPages } from './rebuilt-pages.ts';

/** Why a rebuild must go through Astro, or the state it continues from. */
export type RebuildPlan = { state: SiteState } | { reason: string };

/** Whether `root`'s site can be rebuilt without Astro now (everything but the dumps as the last full build had it). */
export function planRebuild(root: string, env: NodeJS.ProcessEnv = process.env): RebuildPlan {
  if (env[BUILD_SHARD_VARIABLE]) return { reason: 'a build of one shard' };
  for (const variable of ['RESEARCH_DIGEST_PAPER_PAGES', 'RESEARCH_DIGEST_SHELL_PAGES'])
    if (env[variable] === 'astro') return { reason: `${variable}=astro: Astro renders every page` };
  const state = readSiteState(root);
  if (!state) return { reason: 'no full build to continue (none yet, or its state was removed)' };
  if (siteInputsKey(root, env) !== state.inputsKey)
    return {
      reason: 'the code, content, configuration, packages or build variables changed since the last full build',
    };
  // `npm run build` writes dist/ (astro.config.mjs sets no other outDir); a build with `--outDir`
  // (the browser tests' .test-dist/) keeps a state for its own folder, which is not the one to update.
  if (resolve(state.outDir) !== resolve(root, 'dist'))
    return { reason: `the last full build wrote ${state.outDir}, not dist/` };
  if (!existsSync(state.outDir)) return { reason: `${state.outDir} is gone` };
  const lost = Object.values(state.keptRoutes)
    .flat()
    .find((file) => !existsSync(join(state.outDir, file)));
  if (lost) return { reason: `${lost} of the last full build is gone from ${state.outDir}` };
  const shells = readKeptShells(root, state);
  if (typeof shells === 'string') return { reason: `the page shells of the last full build: ${shells}` };
  return { state };
}

/** A rebuild that turned out to need Astro before it touched the site. */
export class RebuildNeedsAstro extends Error {}

/**
 * The citations of the editorial content as these dumps resolve them: any that differs from the
 * last full build's changes a compiled page (a topic introduction), which only Astro can compile.
 */
function checkCitations(state: SiteState, corpus: DigestCorpus): void {
  const references = indexPaperReferences(corpus.papers);
  for (const [reference, outcome] of state.citations)
    if (citationOutcome(references.resolve(reference)) !== outcome)
      throw new RebuildNeedsAstro(`the dumps change what the content's citation "paper:${reference}" points at`);
}

/**
 * The records' schemas, as the content loader checks them (src/loaders/store-entries.ts): every
 * dump's report, and the papers of the dumps merged now (the others were checked when their dumps were).
 */
function checkRecords(corpus: DigestCorpus): void {
  const mergedNow = papersMergedNow(corpus.papers, corpus.dumps, corpus.dumpsFromCheckpoint);
  for (const paper of corpus.papers) {
    if (!mergedNow.has(paper.id)) continue;
    const checked = paperSchema.safeParse(paper);
    if (!checked.success)
      throw new Error(
        `Invalid papers entry "${paper.id}" from ${paper.sources.map((s) => `${s.dump}:${s.line}`).join(', ')}: ${checked.error.message}`,
      );
  }
  for (const dump of corpus.dumps) {
    const checked = dumpSchema.safeParse({ ...dump });
    if (!checked.success) throw new Error(`Invalid dumps entry "${dump.file}": ${checked.error.message}`);
  }
}

export interface RebuildLog {
  info: (message: string) => void;
  warn: (message: string) => void;
}

function integrationLogger(label: string, log: RebuildLog): AstroIntegrationLogger {
  const logger = {
    label,
    options: { dest: { write: () => true }, level: 'info' },
    info: (message: string) => log.info(`[${label}] ${message}`),
    warn: (message: string) => log.warn(`[${label}] ${message}`),
    error: (message: string) => log.warn(`[${label}] ${message}`),
    debug: () => {},
    fork: (name: string) => integrationLogger(name, log),
  };
  return logger as unknown as AstroIntegrationLogger;
}

type HookName = 'astro:config:setup' | 'astro:config:done' | 'astro:build:start' | 'astro:build:done';

/**
 * Runs one hook of each integration in order, with what Astro would pass that these integrations
 * read (their hooks are typed for Astro's whole argument; they use only these fields).
 */
async function runHook(
  integrations: readonly AstroIntegration[],
  hook: HookName,
  args: (integration: AstroIntegration) => Record<string, unknown>,
): Promise<void> {
  for (const integration of integrations) {
    const run = integration.hooks[hook] as ((options: Record<string, unknown>) => unknown) | undefined;
    await run?.(args(integration));
  }
}

export interface RebuildSummary {
  papers: number;
  dumps: number;
  parsedFresh: string[];
  ms: number;
}

/** Rebuilds the site of `root` from its dumps, continuing `state` (from `planRebuild`). */
export async function rebuildSite(root: string, state: SiteState, log: RebuildLog): Promise<RebuildSummary> {
  const started = performance.now();
  const corpus = loadDigestCorpus(defaultDigestSources(root));
  checkCitations(state, corpus);
  checkRecords(corpus);
  const shells = readKeptShells(root, state);
  if (typeof shells === 'string') throw new RebuildNeedsAstro(`the page shells of the last full build: ${shells}`);
  // The integrations of astro.config.mjs that write the site, in its order (papers.json is written
  // earlier here: src/rebuild/rebuilt-pages.ts `writeFilesBeforeAids`).
  const integrations = [paperPages(), pagefindIndex(), staleOutput()];
  const dir = pathToFileURL(`${state.outDir}/`);
  const config = {
    root: pathToFileURL(`${root}/`),
    outDir: dir,
    publicDir: pathToFileURL(`${join(root, 'public')}/`),
    cacheDir: pathToFileURL(`${join(root, 'node_modules', '.astro')}/`),
    site: state.site,
  };
  const logger = (integration: AstroIntegration) => integrationLogger(integration.name, log);
  await runHook(integrations, 'astro:config:setup', (integration) => ({
    command: 'build',
    injectRoute: () => {},
    logger: logger(integration),
  }));
  await runHook(integrations, 'astro:config:done', (integration) => ({ config, logger: logger(integration) }));
  // Until this rebuild is done, dist/ is neither the last build's nor this one's.
  removeSiteState(root);
  // Astro's incremental build keeps a list of the pages it skips; they are now written here.
  rmSync(join(root, 'node_modules', '.astro', 'incremental-build.json'), { force: true });

  reportCorpus(corpus, { info: (message) => log.info(`[research-digest-papers] ${message}`), warn: log.warn });
  // The search index starts from here, on its thread, as in a build (src/integrations/pagefind-index.ts).
  publishDigestCorpus(corpus, { projectRoot: root, warn: log.warn, building: true });
  await runHook(integrations, 'astro:build:start', (integration) => ({ logger: logger(integration) }));

  // While the related papers and themes are made on their thread, what needs neither: the files,
  // and the cards' previews (every paper is on a list page; made once, kept by paper-preview.ts).
  // Above the thread's limit the aids are made on this thread later, at the peak of memory: the
  // previews are left until the pages need them.
  const beforeAids = loadSiteDataBeforeAids();
  await writeFilesBeforeAids(state.outDir, state.site, beforeAids);
  if (beforeAids.papers.length <= READING_AIDS_THREAD_MAX_PAPERS)
    for (const paper of beforeAids.papers) previewSentence(paper.abstract);
  writeRebuiltPages(state, shells, await loadSiteData());

  const assets = new Map(
    Object.entries(state.keptRoutes).map(([route, files]) => [route, files.map((file) => new URL(file, dir))]),
  );
  await runHook(integrations, 'astro:build:done', (integration) => ({ dir, assets, logger: logger(integration) }));
  try {
    writeSiteState(root, state);
  } catch (error) {
    // The site is rebuilt; only the next rebuild goes through Astro.
    log.warn(`could not keep the state for the next rebuild: ${(error as Error).message}`);
  }
  return {
    papers: corpus.papers.length,
    dumps: corpus.dumps.length,
    parsedFresh: corpus.parsedFresh,
    ms: performance.now() - started,
  };
}
