/**
 * `npm run build` rebuilds without Astro when only the dumps changed since the last full build
 * (scripts/build.ts, src/rebuild/rebuild-site.ts): every page from the shells that build kept, the
 * integrations run with their own hooks. The site must be the one a full build makes of the same
 * dumps, byte for byte, file for file.
 *
 * The new-dump fixtures: one copy builds 001–005 (a full build: there is none to continue), then
 * with 006 (new papers, upvotes, a rename, two records tied into one: a retired paper's redirect
 * page) without Astro; a fresh copy builds all six with `astro build`. Then 006 goes again (its
 * papers' pages must go), a code file changes (the build must go through Astro), and 006 comes back
 * with the kept paper shell damaged (the rebuild fails half way: Astro must build the whole site).
 * The seeds: one copy builds them without the newest (Astro: the first build), then with it (Astro
 * again: it brings a paper a topic introduction cites, and only Astro compiles the content), then
 * with two new papers (without Astro); a fresh copy builds all of them at once.
 */
import { appendFileSync, copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEW_DUMP, NEW_DUMP_FILE, SEED_FILES, SEEDS } from './seed-arrivals.ts';
import { DUMPS } from '../new-dump/helpers.ts';
import {
  buildSite,
  filesThatDiffer,
  hashTree,
  makeSiteCopy,
  redirectTarget,
  runBuildScript,
  type SiteCopy,
} from './helpers.ts';

const WITHOUT_ASTRO = /\[rebuild\] rebuilt without Astro in/;
const WITH_ASTRO = /\[rebuild\] building with Astro: (.*)/;

describe('npm run build after a new dump (the new-dump fixtures): without Astro, the site of a full build', () => {
  let copy: SiteCopy;
  let fresh: SiteCopy;
  const logs: string[] = [];
  const sites: Record<string, string>[] = [];
  let freshSite: Record<string, string>;

  beforeAll(async () => {
    copy = makeSiteCopy('rebuild-fast');
    fresh = makeSiteCopy('rebuild-fast-fresh');
    const build = async () => {
      logs.push(await runBuildScript(copy));
      sites.push(hashTree(join(copy.root, 'dist')));
    };
    const arrivals = async () => {
      for (const dump of DUMPS.slice(0, -1)) copy.addDump(dump);
      await build();
      copy.addDump(DUMPS.at(-1)!);
      await build();
      rmSync(join(copy.seeds, DUMPS.at(-1)!));
      await build();
      appendFileSync(join(copy.root, 'src/lib/format.ts'), '\n// A change to the code.\n');
      await build();
      // A rebuild that fails half way (the paper pages' kept shell damaged: found only when the
      // pages are written) leaves the site to Astro, which builds all of it again.
      writeFileSync(
        join(copy.root, 'node_modules/.cache/research-digest/page-shells/paper-page.html'),
        '<p>damaged</p>',
      );
      copy.addDump(DUMPS.at(-1)!);
      await build();
    };
    const allAtOnce = async () => {
      for (const dump of DUMPS) fresh.addDump(dump);
      await buildSite(fresh, 'dist');
      freshSite = hashTree(join(fresh.root, 'dist'));
    };
    await Promise.all([arrivals(), allAtOnce()]);
  }, 400_000);

  afterAll(() => {
    copy?.remove();
    fresh?.remove();
  }, 120_000);

  it('builds with Astro the first time, saying why', () => {
    expect(logs[0]).toMatch(WITH_ASTRO);
    expect(WITH_ASTRO.exec(logs[0]!)?.[1]).toMatch(/no full build to continue/);
    expect(logs[0]).not.toMatch(WITHOUT_ASTRO);
  });

  it('rebuilds without Astro when a dump arrives, and the site is a full build’s of the same dumps, byte for byte', () => {
    expect(logs[1]).toMatch(WITHOUT_ASTRO);
    expect(logs[1]).not.toMatch(/\[build\]/);
    expect(Object.keys(sites[1]!).length).toBeGreaterThan(Object.keys(sites[0]!).length);
    expect(Object.keys(sites[1]!)).toEqual(Object.keys(freshSite));
    expect(filesThatDiffer(sites[1]!, freshSite)).toEqual([]);
  });

  it('writes the retired paper’s redirect page as Astro does', () => {
    const redirectPages = Object.keys(freshSite).filter(
      (file) =>
        file.startsWith('papers/') && redirectTarget(readFileSync(join(fresh.root, 'dist', file), 'utf8')) !== null,
    );
    expect(redirectPages.length).toBeGreaterThan(0);
    for (const file of redirectPages) expect(sites[1]![file], file).toBe(freshSite[file]);
  });

  it('deletes what a dump taken away brought: the first site again, byte for byte, without Astro', () => {
    expect(logs[2]).toMatch(WITHOUT_ASTRO);
    expect(filesThatDiffer(sites[2]!, sites[0]!)).toEqual([]);
    expect(Object.keys(sites[2]!)).toEqual(Object.keys(sites[0]!));
  });

  it('builds with Astro when a rebuild without it fails half way, and the site is a full build’s', () => {
    expect(logs[4]).toMatch(/the paper page shell does not show/);
    expect(logs[4]).toMatch(/the rebuild without Astro failed \(exit code \d+; above\), building with Astro instead/);
    expect(logs[4]).toMatch(/\[build\] Complete!/);
    expect(Object.keys(sites[4]!)).toEqual(Object.keys(freshSite));
    expect(filesThatDiffer(sites[4]!, freshSite)).toEqual([]);
  });

  it('builds with Astro when the code changed, and the site is the same', () => {
    expect(WITH_ASTRO.exec(logs[3]!)?.[1]).toMatch(/code, content, configuration/);
    expect(logs[3]).not.toMatch(WITHOUT_ASTRO);
    expect(filesThatDiffer(sites[3]!, sites[0]!)).toEqual([]);
  });
});

describe('npm run build as the seeds arrive: Astro when a citation changes, without Astro after, the site of a full build', () => {
  let copy: SiteCopy;
  let fresh: SiteCopy;
  const logs: string[] = [];

  beforeAll(async () => {
    copy = makeSiteCopy('rebuild-fast-seeds');
    fresh = makeSiteCopy('rebuild-fast-seeds-fresh');
    const arrivals = async () => {
      for (const name of SEED_FILES.slice(0, -1)) copyFileSync(join(SEEDS, name), join(copy.seeds, name));
      logs.push(await runBuildScript(copy));
      // The newest seed brings a paper a topic introduction cites by title (LFM2): only Astro compiles MDX.
      copyFileSync(join(SEEDS, SEED_FILES.at(-1)!), join(copy.seeds, SEED_FILES.at(-1)!));
      logs.push(await runBuildScript(copy));
      writeFileSync(join(copy.seeds, NEW_DUMP_FILE), NEW_DUMP);
      logs.push(await runBuildScript(copy));
    };
    const allAtOnce = async () => {
      for (const name of SEED_FILES) copyFileSync(join(SEEDS, name), join(fresh.seeds, name));
      writeFileSync(join(fresh.seeds, NEW_DUMP_FILE), NEW_DUMP);
      await buildSite(fresh, 'dist');
    };
    await Promise.all([arrivals(), allAtOnce()]);
  }, 400_000);

  afterAll(() => {
    copy?.remove();
    fresh?.remove();
  }, 120_000);

  it('builds with Astro when a new dump changes what a citation of the content points at', () => {
    expect(WITH_ASTRO.exec(logs[1]!)?.[1]).toMatch(/the dumps change what the content's citation "paper:.*" points at/);
    expect(logs[1]).not.toMatch(WITHOUT_ASTRO);
  });

  it('rebuilds without Astro after two new papers, byte for byte the full build of every dump', () => {
    expect(logs[2]).toMatch(WITHOUT_ASTRO);
    const rebuilt = hashTree(join(copy.root, 'dist'));
    const once = hashTree(join(fresh.root, 'dist'));
    expect(Object.keys(rebuilt).length).toBeGreaterThan(500);
    expect(Object.keys(rebuilt)).toEqual(Object.keys(once));
    expect(filesThatDiffer(rebuilt, once)).toEqual([]);
  });
});
