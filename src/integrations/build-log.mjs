// @ts-check
/**
 * The build's log without its list of pages. `astro build` prints a line for every file it writes
 * (about 600 for the seeds, over 10,000 for a large digest); the logger below leaves those lines
 * out and the integration prints how many files each route wrote instead, when the build is done.
 * Everything else, errors and warnings first of all, is printed as Astro prints it.
 * `RESEARCH_DIGEST_VERBOSE=1` (or `astro build --verbose`) keeps the list.
 *
 * Astro loads a logger from a JavaScript file named in astro.config.mjs (`logger.entrypoint`), in
 * its own module instance: the two halves share nothing but this file.
 */
import nodeLogger from 'astro/logger/node';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { claimedPagesOf } from './stale-output.ts';

/** Whether the log lists every file (src/integrations/paper-pages.ts lists the paper pages it writes then). */
export const listEveryPage = () => process.env.RESEARCH_DIGEST_VERBOSE === '1' || process.argv.includes('--verbose');

// eslint-disable-next-line no-control-regex -- the escape character starts every ANSI colour code
const ANSI_CODE = /\u001b\[[0-9;]*m/g;
/** `  ├─ /papers/x/index.html`: Astro's line for one file, finished by a second message (its time). */
const PAGE_LINE = /^\s*├─ /;

/**
 * The logger (the module's default export, as Astro expects): Astro's own Node logger, less the
 * line of each file written.
 * @param {{ level?: import('astro').AstroLoggerLevel }} [options]
 * @returns {import('astro').AstroLoggerDestination}
 */
export default function buildLog(options) {
  const destination = nodeLogger(options);
  if (listEveryPage()) return destination;
  /** @type {import('astro').AstroLoggerMessage | null} The page line, held back until its end says whether anything went wrong. */
  let pageLine = null;
  return {
    write(event) {
      if (pageLine) {
        const held = pageLine;
        pageLine = null;
        // A page that rendered to nothing gets a yellow note on its line: that line is kept.
        if (event.label === 'SKIP_FORMAT' && event.level === 'info' && !event.message.includes('not created')) return;
        destination.write(held);
      }
      if (
        event.level === 'info' &&
        event.label === null &&
        !event.newLine &&
        PAGE_LINE.test(event.message.replace(ANSI_CODE, ''))
      ) {
        pageLine = event;
        return;
      }
      destination.write(event);
    },
  };
}

/**
 * The integration that prints, when the build is done, how many files each route wrote, most first
 * (the routes of a single file on one line).
 * @returns {import('astro').AstroIntegration}
 */
export function routeSummary() {
  return {
    name: 'research-digest-routes',
    hooks: {
      'astro:build:done': ({ assets, logger }) => {
        if (listEveryPage()) return;
        // A route's files: those Astro wrote that are still there (not the paper pages' shell, which
        // src/integrations/paper-pages.ts removes), and the pages other integrations made for it.
        const routes = [...assets].map(([route, files]) => ({
          route,
          files: files.filter((file) => existsSync(fileURLToPath(file))).length + claimedPagesOf(route),
        }));
        routes.sort((a, b) => b.files - a.files || a.route.localeCompare(b.route));
        const total = routes.reduce((sum, route) => sum + route.files, 0);
        const several = routes.filter((route) => route.files > 1);
        const single = routes.filter((route) => route.files === 1).map((route) => route.route);
        const width = Math.max(0, ...several.map((route) => route.route.length));
        logger.info(`${total} files from ${routes.length} routes (RESEARCH_DIGEST_VERBOSE=1 lists every file):`);
        for (const { route, files } of several) logger.info(`  ${route.padEnd(width)}  ${files} files`);
        if (single.length > 0) logger.info(`  ${single.length} routes of one file each: ${single.join(' ')}`);
      },
    },
  };
}
