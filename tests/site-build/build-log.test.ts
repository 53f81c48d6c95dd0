/**
 * What `npm run build` (and so `npm start`) prints for the seeds, through a real `astro build` of a
 * project copy: no warning, and a count of files per route instead of one line per file
 * (src/integrations/build-log.mjs); with RESEARCH_DIGEST_VERBOSE=1, one line per file again.
 */
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildSite, listFiles, makeSiteCopy, PROJECT_ROOT, type SiteCopy } from './helpers.ts';

/**
 * Astro's line for one file written: `  ├─ /papers/x/index.html (+3ms)`; the pages written from
 * their route's shell (src/integrations/paper-pages.ts, src/integrations/shell-pages.ts) have the
 * same after the integration's name.
 */
const FILE_LINE = /^\S+ +(?:\[research-digest-(?:paper|shell)-pages\] +)?├─ \/\S+/;
/** The shells Astro renders: the paper page's, the topic lists' (both orders), the themes' and the organisations'. */
const SHELL_LINE = /├─ \/(?:papers\/|topics\/|orgs\/)(?:[^/ ]+\/)*_shell_\/(?:[^/ ]+\/)*index\.html/;
const SHELLS = 5;
const SUMMARY = /\[research-digest-routes\] (\d+) files from (\d+) routes/;

let copy: SiteCopy;
let dist: string;
let log: string;

beforeAll(async () => {
  copy = makeSiteCopy('build-log');
  cpSync(join(PROJECT_ROOT, 'seeds'), copy.seeds, { recursive: true });
  dist = join(copy.root, 'dist');
  log = await buildSite(copy, dist, { RESEARCH_DIGEST_VERBOSE: '' });
}, 180_000);

afterAll(() => copy?.remove());

const lines = (text: string) => text.split('\n');

describe('the build log of the seeds', () => {
  test('has no warning', () => {
    expect(lines(log).filter((line) => /\[WARN\]|warning:/i.test(line))).toEqual([]);
  });

  test('lists no file, and counts the files of each route instead', () => {
    expect(lines(log).filter((line) => FILE_LINE.test(line))).toEqual([]);
    const summary = SUMMARY.exec(log);
    expect(summary, log).not.toBeNull();
    const paperPages = readdirSync(join(dist, 'papers'), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    ).length;
    expect(paperPages).toBeGreaterThan(400);
    expect(log).toMatch(new RegExp(`\\[research-digest-routes\\] +/papers/\\[id\\] +${paperPages} files\\n`));
    const organisationPages = readdirSync(join(dist, 'orgs'), { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    ).length;
    expect(log).toMatch(new RegExp(`\\[research-digest-routes\\] +/orgs/\\[org\\] +${organisationPages} files\\n`));
    expect(log).toMatch(/\[research-digest-routes\] +\d+ routes of one file each: .*\/papers\.bib /);
    // Every file the build wrote from a route is counted: the pages, feeds and exports, not the
    // assets, Pagefind's index, the service worker, the vocabulary or papers.json (written by
    // src/integrations/papers-json.ts) beside them.
    const routeFiles = listFiles(dist).filter(
      (file) =>
        /(?:^|\/)index\.html$|^404\.html$|\.(?:xml|json|bib)$/.test(file) &&
        !/^pagefind\/|^search-vocabulary\.json$|^papers\.json$/.test(file),
    );
    expect(Number(summary![1])).toBe(routeFiles.length);
  });

  test('with RESEARCH_DIGEST_VERBOSE=1, lists every file (and the shells of the pages), as many as the summary counted', async () => {
    const verbose = await buildSite(copy, join(copy.root, 'dist-verbose'), { RESEARCH_DIGEST_VERBOSE: '1' });
    expect(verbose).not.toMatch(SUMMARY);
    const fileLines = lines(verbose).filter((line) => FILE_LINE.test(line));
    expect(fileLines.filter((line) => SHELL_LINE.test(line))).toHaveLength(SHELLS);
    // A route of one page (/, /new/, …) renders its shell at the page's address, and the page is
    // written over it: Astro lists that file, and the shell pages' writer lists it again.
    const files = new Set(
      fileLines.filter((line) => !SHELL_LINE.test(line)).map((line) => /├─ (\/\S+)/.exec(line)![1]),
    );
    expect(files.size).toBe(Number(SUMMARY.exec(log)![1]));
  }, 180_000);
});
