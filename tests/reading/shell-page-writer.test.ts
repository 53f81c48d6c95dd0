/**
 * The writer of the pages of shell routes (src/integrations/shell-page-writer.ts) on hand-made
 * shells: each page filled into its route's shell at its address, written only when the file does
 * not hold those bytes already, a route with one page filled over its shell in place; and the set
 * of shells kept for a rebuild (src/integrations/saved-shells.ts) read back as it was written, or
 * not at all.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHELL_BODY, SHELL_DESCRIPTION, SHELL_FEED, SHELL_TITLE } from '../../src/lib/route-shell.ts';
import type { ShellPage } from '../../src/lib/shell-page.ts';
import { writeShellRoutePages } from '../../src/integrations/shell-page-writer.ts';
import { loadSavedShells, saveShells, type SavedShells } from '../../src/integrations/saved-shells.ts';

const SITE = 'https://digest.example.org';

const layout = (title: string, description: string, canonical: string, feeds: string, body: string) =>
  `<html><head><title>${title}</title><meta name="description" content="${description}">` +
  `<link rel="canonical" href="${SITE}${canonical}">${feeds}</head><body><main> ${body} </main></body></html>`;
const shellAt = (path: string) =>
  layout(
    `${SHELL_TITLE} · Research Digest`,
    SHELL_DESCRIPTION,
    path,
    `<link rel="alternate" type="application/rss+xml" title="${SHELL_FEED.title}" href="${SITE}${SHELL_FEED.href}">`,
    SHELL_BODY,
  );
const page = (path: string, body: string): ShellPage => ({
  path,
  title: body,
  description: 'd',
  feeds: [],
  bodyHtml: () => `<h1>${body}</h1>`,
});

const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'rd-shell-writer-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('writeShellRoutePages', () => {
  const shells = [
    { route: '/orgs/[org]', shellPath: '/orgs/_shell_/', html: shellAt('/orgs/_shell_/') },
    { route: '/', shellPath: '/', html: shellAt('/') },
  ];
  const routePages = [
    { route: '/orgs/[org]', pages: [page('/orgs/a/', 'A'), page('/orgs/b/', 'B')] },
    { route: '/', pages: [page('/', 'Home')] },
  ];

  it('writes each page into its folder, the one page of a route over its shell, and then only what changed', () => {
    const out = scratch();
    // Astro rendered the home page's shell in place.
    writeFileSync(join(out, 'index.html'), shellAt('/'));
    expect(writeShellRoutePages(out, SITE, shells, routePages)).toEqual([
      { route: '/orgs/[org]', written: 2, unchanged: 0 },
      { route: '/', written: 1, unchanged: 0 },
    ]);
    expect(readFileSync(join(out, 'orgs/a/index.html'), 'utf8')).toBe(
      layout('A · Research Digest', 'd', '/orgs/a/', '', '<h1>A</h1>'),
    );
    expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe(
      layout('Home · Research Digest', 'd', '/', '', '<h1>Home</h1>'),
    );
    const changed = [{ route: '/orgs/[org]', pages: [page('/orgs/a/', 'A'), page('/orgs/b/', 'B2')] }, routePages[1]!];
    const seen: [string, boolean][] = [];
    expect(writeShellRoutePages(out, SITE, shells, changed, (file, written) => seen.push([file, written]))).toEqual([
      { route: '/orgs/[org]', written: 1, unchanged: 1 },
      { route: '/', written: 0, unchanged: 1 },
    ]);
    expect(seen).toEqual([
      ['orgs/a/index.html', false],
      ['orgs/b/index.html', true],
      ['index.html', false],
    ]);
  });

  it('stops on a route without a shell, and on two pages at one address', () => {
    const out = scratch();
    expect(() => writeShellRoutePages(out, SITE, shells.slice(1), routePages)).toThrow(
      /no shell of the route \/orgs\/\[org\]/,
    );
    const twice = [{ route: '/orgs/[org]', pages: [page('/orgs/a/', 'A'), page('/orgs/a/', 'B')] }];
    expect(() => writeShellRoutePages(out, SITE, shells, twice)).toThrow(/two pages at \/orgs\/a\//);
  });
});

describe('the shells kept for a rebuild', () => {
  const saved: SavedShells = {
    site: SITE,
    routes: [{ route: '/orgs/[org]', shellPath: '/orgs/_shell_/', html: shellAt('/orgs/_shell_/') }],
    topicIntros: new Map([['peft', '<p>Adapters &amp; more.</p>']]),
    paperPageShell: '<html><title>research-digest-shell-title</title></html>',
  };

  it('reads back what was saved, replacing the set before', () => {
    const folder = join(scratch(), 'page-shells');
    saveShells(folder, { ...saved, site: 'https://old.example.org' });
    saveShells(folder, saved);
    expect(loadSavedShells(folder)).toEqual(saved);
    expect(existsSync(`${folder}.partial-${process.pid}`)).toBe(false);
  });

  it('reads no set from a folder without one, or with a file missing', () => {
    const root = scratch();
    expect(loadSavedShells(join(root, 'page-shells'))).toBeNull();
    const folder = join(root, 'page-shells');
    saveShells(folder, saved);
    rmSync(join(folder, 'route-0.html'));
    expect(loadSavedShells(folder)).toBeNull();
    saveShells(folder, saved);
    rmSync(join(folder, 'paper-page.html'));
    expect(loadSavedShells(folder)).toBeNull();
    mkdirSync(join(root, 'empty'));
    expect(loadSavedShells(join(root, 'empty'))).toBeNull();
  });
});
