/**
 * A rebuild trusts the last build's record of `dist/` (src/integrations/output-record.ts: each
 * folder's entries and time, each paper page's digest, size and time) instead of reading every
 * paper page back and walking every folder. Whatever was done to `dist/` or to the record between
 * two builds, the rebuild must give what a clean build gives, byte for byte. One copy of the project
 * builds the seeds, then, between rebuilds:
 * - paper pages edited, deleted (the file, or its folder) by hand, and files dropped into `dist/`:
 *   the edited and deleted pages are written again (those only), the dropped files deleted;
 * - the newest dump taken away, with the record there: its papers' pages are deleted, and the
 *   site is a fresh copy's clean build of the other dumps;
 * - the record deleted, the dump back and an old page of no paper dropped in: deleted all the same;
 * - the record made corrupt, and a page edited keeping its size and time (which the record alone
 *   would not see): the page is written again, and the record written anew;
 * - a build into a copy of `dist/` (`cp -a`: the same sizes and times) in another output folder,
 *   which leaves the record of that folder, then such an edit in `dist/`: the page is written again;
 * - a build whose paper pages Astro renders (RESEARCH_DIGEST_PAPER_PAGES=astro), then one from the
 *   shell again.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, hashTree, makeSiteCopy, PROJECT_ROOT, type SiteCopy } from './helpers.ts';

const SEEDS = join(PROJECT_ROOT, 'seeds');
const seedFiles = readdirSync(SEEDS)
  .filter((name) => name.endsWith('.txt'))
  .sort();
const NEWEST = seedFiles.at(-1)!;
const RECORD = 'node_modules/.cache/research-digest/output-record.json';
const PAGE_LINES = { RESEARCH_DIGEST_VERBOSE: '1' };
const LONG_AGO = new Date('2020-01-01T00:00:00Z');

/** The paper pages (`papers/<id>/index.html`) a build wrote, by their log lines. */
function writtenPaperPages(log: string): string[] {
  return log
    .split('\n')
    .flatMap((line) => /├─ \/(papers\/[^/\s]+\/index\.html) \(written\)/.exec(line)?.[1] ?? [])
    .sort();
}

/**
 * Changes one letter of the page's abstract to another, then gives the file back its time to the
 * nanosecond (`touch -r`): the same size, the same time, other bytes.
 */
function editKeepingSizeAndTime(file: string): void {
  const timeCopy = `${file}.time`;
  execFileSync('cp', ['-p', file, timeCopy]);
  const html = readFileSync(file, 'utf8');
  const at = html.indexOf('<p class="abstract"');
  const letter = html.slice(at).search(/>[a-z]/) + at + 1;
  const swapped = html[letter] === 'q' ? 'z' : 'q';
  writeFileSync(file, html.slice(0, letter) + swapped + html.slice(letter + 1));
  execFileSync('touch', ['-r', timeCopy, file]);
  rmSync(timeCopy);
}

describe('a rebuild with the record of the last build equals a clean build, whatever happened to dist/', () => {
  let copy: SiteCopy;
  let fewer: SiteCopy;
  const logs: Record<string, string> = {};
  const sites: Record<string, Record<string, string>> = {};
  let pages: string[] = [];
  let recordAfterCorruption = '';

  beforeAll(async () => {
    copy = makeSiteCopy('output-record');
    fewer = makeSiteCopy('output-record-fewer');
    const dist = join(copy.root, 'dist');
    const build = async (step: string, env: NodeJS.ProcessEnv = {}) => {
      logs[step] = await buildSite(copy, 'dist', { ...PAGE_LINES, ...env });
      sites[step] = hashTree(dist);
    };
    const steps = async () => {
      cpSync(SEEDS, copy.seeds, { recursive: true });
      await build('clean');
      pages = readdirSync(join(dist, 'papers'))
        .sort()
        .slice(0, 20)
        .map((id) => `papers/${id}/index.html`)
        .filter((page) => !readFileSync(join(dist, page), 'utf8').includes('http-equiv="refresh"'));

      writeFileSync(join(dist, pages[0]!), readFileSync(join(dist, pages[0]!), 'utf8').replace('<h1', '<h1 hidden'));
      rmSync(join(dist, pages[1]!));
      rmSync(join(dist, pages[2]!, '..'), { recursive: true });
      writeFileSync(join(dist, pages[3]!, '../notes.txt'), 'a note left by hand');
      mkdirSync(join(dist, 'by-hand'));
      writeFileSync(join(dist, 'by-hand/page.html'), '<p>left by hand</p>');
      await build('edited');

      rmSync(join(copy.seeds, NEWEST));
      await build('fewer');

      rmSync(join(copy.root, RECORD));
      copyFileSync(join(SEEDS, NEWEST), join(copy.seeds, NEWEST));
      const gone = join(dist, 'papers/a-paper-of-no-dump/index.html');
      mkdirSync(join(gone, '..'));
      copyFileSync(join(dist, '404.html'), gone);
      utimesSync(gone, LONG_AGO, LONG_AGO);
      await build('no-record');

      writeFileSync(join(copy.root, RECORD), readFileSync(join(copy.root, RECORD), 'utf8').slice(0, 100));
      editKeepingSizeAndTime(join(dist, pages[4]!));
      await build('corrupt-record');
      recordAfterCorruption = readFileSync(join(copy.root, RECORD), 'utf8');

      // A copy of dist/ with its times: the other folder's record describes files of the same sizes and times.
      execFileSync('cp', ['-a', dist, join(copy.root, 'dist-other')]);
      await buildSite(copy, 'dist-other');
      editKeepingSizeAndTime(join(dist, pages[5]!));
      await build('other-folder');

      await build('astro-pages', { RESEARCH_DIGEST_PAPER_PAGES: 'astro' });
      await build('shell-again');
    };
    const fewerAtOnce = async () => {
      for (const name of seedFiles.slice(0, -1)) copyFileSync(join(SEEDS, name), join(fewer.seeds, name));
      await buildSite(fewer, 'dist');
      sites.fewerClean = hashTree(join(fewer.root, 'dist'));
    };
    await Promise.all([steps(), fewerAtOnce()]);
  }, 900_000);

  afterAll(() => {
    copy?.remove();
    fewer?.remove();
  }, 120_000);

  it('writes again the pages edited or deleted by hand, and those only, and deletes the files dropped into dist/', () => {
    expect(pages.length).toBeGreaterThanOrEqual(6);
    expect(writtenPaperPages(logs.edited!)).toEqual(pages.slice(0, 3).sort());
    expect(sites.edited).toEqual(sites.clean);
  });

  it('deletes the pages of a dump taken away, with the record there: a clean build of the other dumps', () => {
    expect(Object.keys(sites.fewer!).length).toBeLessThan(Object.keys(sites.clean!).length);
    expect(sites.fewer).toEqual(sites.fewerClean);
  });

  it('deletes an old file of no paper when there is no record', () => {
    expect(sites['no-record']).toEqual(sites.clean);
  });

  it('ignores a corrupt record: the page edited with its size and time kept is written again, and the record anew', () => {
    expect(writtenPaperPages(logs['corrupt-record']!)).toEqual([pages[4]]);
    expect(sites['corrupt-record']).toEqual(sites.clean);
    expect(() => JSON.parse(recordAfterCorruption) as unknown).not.toThrow();
  });

  it('ignores the record of another output folder', () => {
    expect(writtenPaperPages(logs['other-folder']!)).toEqual([pages[5]]);
    expect(sites['other-folder']).toEqual(sites.clean);
  });

  it('gives the same site when Astro renders the paper pages, and from the shell after that, writing none', () => {
    expect(sites['astro-pages']).toEqual(sites.clean);
    expect(writtenPaperPages(logs['shell-again']!)).toEqual([]);
    expect(sites['shell-again']).toEqual(sites.clean);
  });
});
