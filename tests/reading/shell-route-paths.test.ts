/**
 * What a route written from its shell gives Astro (src/lib/shell-route-paths.ts): in a build that
 * writes its pages from the shell, the shell's params alone (and the site data handed to the
 * integration); otherwise every page, with its params read from its address.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteData } from '../../src/lib/site-data.ts';
import {
  finishShellPageBuild,
  publishedShellBuild,
  startShellPageBuild,
} from '../../src/integrations/shell-page-channel.ts';
import { shellRoutePaths, singleShellRoutePage } from '../../src/lib/shell-route-paths.ts';
import { ORGANISATION_ROUTE } from '../../src/lib/shell-routes.ts';

const siteData = vi.hoisted(
  () =>
    ({
      topics: [],
      topicNames: new Map(),
      dumpDates: new Map(),
      organisationIds: new Map([['Liquid AI', 'liquid-ai']]),
      organisations: [{ id: 'liquid-ai', name: 'Liquid AI', papers: [], topicCounts: new Map() }],
    }) as unknown as SiteData,
);
vi.mock('../../src/lib/site-data.ts', () => ({ loadSiteData: () => Promise.resolve(siteData) }));

afterEach(() => finishShellPageBuild());

describe('shellRoutePaths', () => {
  it('gives every page with its params when Astro renders them', async () => {
    const paths = await shellRoutePaths(ORGANISATION_ROUTE);
    expect(paths.map(({ params, props }) => [params, props.page?.path, props.page?.title])).toEqual([
      [{ org: 'liquid-ai' }, '/orgs/liquid-ai/', 'Liquid AI'],
    ]);
  });

  it('gives the shell alone, and hands the site data over, in a build that writes the pages from it', async () => {
    startShellPageBuild(true);
    expect(await shellRoutePaths(ORGANISATION_ROUTE)).toEqual([{ params: { org: '_shell_' }, props: { page: null } }]);
    expect(publishedShellBuild()?.routes.get(ORGANISATION_ROUTE)).toBe(siteData);
  });
});

describe('singleShellRoutePage', () => {
  it('gives no page, the shell being rendered in its place, in a build that writes the page from it', async () => {
    startShellPageBuild(true);
    expect(await singleShellRoutePage(ORGANISATION_ROUTE)).toBeNull();
    expect(publishedShellBuild()?.routes.get(ORGANISATION_ROUTE)).toBe(siteData);
  });

  it('stops on a route whose pages are not one at its shell address', async () => {
    await expect(singleShellRoutePage(ORGANISATION_ROUTE)).rejects.toThrow(
      /makes 1 pages, not one at \/orgs\/_shell_\//,
    );
  });
});
