/**
 * Keeps, at the end of a full build, what a rebuild without Astro needs to continue it
 * (src/rebuild/site-state.ts): the inputs' key taken when the build started, the files of the routes
 * that do not depend on the papers, and the citations' resolutions. A build that stops half way,
 * a build of one shard, or a build with a route src/rebuild/site-routes.ts does not know keeps none.
 */
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroConfig, AstroIntegration } from 'astro';
import { recordedCitations, startCitationRecord } from '../markdown/citation-record.ts';
import { siteInputsKey } from '../rebuild/site-inputs.ts';
import { KNOWN_INTEGRATIONS, PAPER_FREE_ROUTES, REBUILT_ROUTES } from '../rebuild/site-routes.ts';
import { removeSiteState, writeSiteState } from '../rebuild/site-state.ts';
import { BUILD_SHARD_VARIABLE } from '../lib/search-shards.ts';
import { filesUnder } from './stale-output.ts';

/** The kept files that belong to no route: the bundle's client files in `_astro/`. */
const VITE_ASSETS = '(bundle)';

/** Flags of `astro build` that change the site in a way the inputs' key does not see. */
const OUTPUT_FLAGS = ['--site', '--base', '--config', '--root', '--mode'];

/** What of this build a rebuild without Astro would not do the same way, or null. */
function unsupportedSetting(config: AstroConfig, root: string): string | null {
  const flag = process.argv.find((arg) => OUTPUT_FLAGS.includes(arg.split('=')[0]!));
  if (flag) return `built with ${flag}, which a rebuild would not pass`;
  if (config.build.format !== 'directory') return `build.format is ${config.build.format}, not directory`;
  if (resolve(fileURLToPath(config.publicDir)) !== resolve(root, 'public')) return 'publicDir is not public/';
  if (resolve(fileURLToPath(config.cacheDir)) !== resolve(root, 'node_modules', '.astro'))
    return 'cacheDir is not node_modules/.astro/';
  const unknown = config.integrations.map(({ name }) => name).filter((name) => !KNOWN_INTEGRATIONS.includes(name));
  return unknown.length > 0 ? `src/rebuild/site-routes.ts does not know the integrations ${unknown.join(', ')}` : null;
}

export default function siteState(): AstroIntegration {
  let root = '';
  let outDir = '';
  let site = '';
  let inputsKey: string | null = null;
  let building = false;
  let unsupported: string | null = null;
  return {
    name: 'research-digest-site-state',
    hooks: {
      'astro:config:setup': ({ command }) => {
        building = command === 'build';
      },
      'astro:config:done': ({ config }) => {
        root = fileURLToPath(config.root);
        outDir = fileURLToPath(config.outDir);
        site = config.site ?? '';
        if (!building) return;
        unsupported = unsupportedSetting(config, root);
        // Taken before the content is compiled: an input edited during the build makes the next one full.
        inputsKey = siteInputsKey(root);
        startCitationRecord();
      },
      'astro:build:start': () => removeSiteState(root),
      'astro:build:done': ({ dir, assets, logger }) => {
        const why = (reason: string) => logger.info(`The next rebuild goes through Astro: ${reason}.`);
        if (process.env[BUILD_SHARD_VARIABLE]) return;
        if (fileURLToPath(dir) !== outDir) return why('the site was written elsewhere than the configured folder');
        if (inputsKey === null) return why('an input of the build could not be read');
        if (unsupported) return why(unsupported);
        const unknown = [...assets.keys()].filter(
          (route) => !PAPER_FREE_ROUTES.includes(route) && !REBUILT_ROUTES.includes(route),
        );
        if (unknown.length > 0) return why(`src/rebuild/site-routes.ts does not know ${unknown.join(', ')}`);
        const citations = recordedCitations();
        if (!citations) return why('the citations of the content were not recorded');
        const keptRoutes: Record<string, string[]> = Object.fromEntries(
          PAPER_FREE_ROUTES.map((route) => [
            route,
            (assets.get(route) ?? []).map((file) => relative(outDir, fileURLToPath(file)).split(sep).join('/')),
          ]),
        );
        // Vite's client files, if a script ever outgrows inlining: written by the bundle, kept as they are.
        const viteFiles = filesUnder(join(outDir, '_astro')).map((file) => `_astro/${file}`);
        if (viteFiles.length > 0) keptRoutes[VITE_ASSETS] = viteFiles;
        try {
          writeSiteState(root, { format: 1, inputsKey, outDir, site, keptRoutes, citations });
        } catch (error) {
          why(`could not write its state (${(error as Error).message})`);
        }
      },
    },
  };
}
