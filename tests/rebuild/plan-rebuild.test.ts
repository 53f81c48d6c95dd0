/**
 * When `npm run build` may rebuild without Astro (src/rebuild/rebuild-site.ts `planRebuild`): only
 * when the last full build kept its state for this project's dist/, from the same inputs, with every
 * shell it needs; otherwise it says why.
 */
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { planRebuild } from '../../src/rebuild/rebuild-site.ts';
import { siteInputsKey } from '../../src/rebuild/site-inputs.ts';
import { writeSiteState, type SiteState } from '../../src/rebuild/site-state.ts';
import { saveShells, savedShellsFolder } from '../../src/integrations/saved-shells.ts';
import { SHELL_ROUTES } from '../../src/lib/shell-routes.ts';
import { BUILD_SHARD_VARIABLE } from '../../src/lib/search-shards.ts';

const SITE = 'https://digest.example.org';
const env = { SITE_URL: SITE };
let root: string;

function fullBuildState(): SiteState {
  const inputsKey = siteInputsKey(root, env)!;
  const state: SiteState = {
    format: 1,
    inputsKey,
    // As Astro gives it: a folder's path with a trailing slash.
    outDir: `${join(root, 'dist')}/`,
    site: SITE,
    keptRoutes: { '/404': ['404.html'] },
    citations: [],
  };
  writeSiteState(root, state);
  return state;
}

function keepEveryShell(site = SITE, routes = SHELL_ROUTES): void {
  saveShells(savedShellsFolder(root), {
    site,
    routes: routes.map(({ route, shellPath }) => ({ route, shellPath, html: `<html>${route}</html>` })),
    topicIntros: new Map(),
    paperPageShell: '<html>paper shell</html>',
  });
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'rd-plan-'));
  for (const folder of ['src', 'content', 'public', 'dist']) mkdirSync(join(root, folder));
  writeFileSync(join(root, 'src/page.ts'), 'export {};\n');
  writeFileSync(join(root, 'dist/404.html'), '<html>not found</html>');
  for (const file of ['astro.config.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'])
    writeFileSync(join(root, file), '{}\n');
});

afterEach(() => rmSync(root, { recursive: true, force: true }));

const reasonOf = (plan: ReturnType<typeof planRebuild>) => ('reason' in plan ? plan.reason : null);

describe('planRebuild', () => {
  it('continues a full build of the same inputs with every shell kept', () => {
    const state = fullBuildState();
    keepEveryShell();
    expect(planRebuild(root, env)).toEqual({ state });
  });

  it('needs Astro without a full build to continue', () => {
    expect(reasonOf(planRebuild(root, env))).toMatch(/no full build to continue/);
  });

  it('needs Astro when the code changed since', () => {
    fullBuildState();
    keepEveryShell();
    appendFileSync(join(root, 'src/page.ts'), '// changed\n');
    expect(reasonOf(planRebuild(root, env))).toMatch(/code, content, configuration/);
  });

  it('needs Astro when a build variable changed since', () => {
    fullBuildState();
    keepEveryShell();
    expect(reasonOf(planRebuild(root, { SITE_URL: 'https://other.example.org' }))).toMatch(/build variables/);
  });

  it('needs Astro when the last full build wrote another folder (--outDir)', () => {
    writeSiteState(root, { ...fullBuildState(), outDir: join(root, '.test-dist') });
    keepEveryShell();
    expect(reasonOf(planRebuild(root, env))).toMatch(/\.test-dist, not dist/);
  });

  it('needs Astro when the shells are missing, a route’s is, or they were made for another site', () => {
    fullBuildState();
    expect(reasonOf(planRebuild(root, env))).toMatch(/page shells of the last full build: none are kept/);
    keepEveryShell(SITE, SHELL_ROUTES.slice(1));
    expect(reasonOf(planRebuild(root, env))).toContain(`the route ${SHELL_ROUTES[0]!.route}’s is missing`);
    keepEveryShell('https://other.example.org');
    expect(reasonOf(planRebuild(root, env))).toMatch(/made for https:\/\/other\.example\.org/);
  });

  it('needs Astro when a page the rebuild keeps as it is was deleted from dist/', () => {
    fullBuildState();
    keepEveryShell();
    rmSync(join(root, 'dist/404.html'));
    expect(reasonOf(planRebuild(root, env))).toMatch(/404\.html of the last full build is gone/);
  });

  it('needs Astro when Astro is to render every page itself', () => {
    fullBuildState();
    keepEveryShell();
    for (const variable of ['RESEARCH_DIGEST_PAPER_PAGES', 'RESEARCH_DIGEST_SHELL_PAGES'])
      expect(reasonOf(planRebuild(root, { ...env, [variable]: 'astro' }))).toMatch(/Astro renders every page/);
  });

  it('needs Astro for a build of one shard', () => {
    fullBuildState();
    keepEveryShell();
    expect(reasonOf(planRebuild(root, { ...env, [BUILD_SHARD_VARIABLE]: '1/2' }))).toMatch(/one shard/);
  });
});
