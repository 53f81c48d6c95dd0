/**
 * A route's shell (src/lib/route-shell.ts): cut at its markers and filled with a page's title,
 * description, address, feeds and content, escaped as Astro escapes them (text: & < > " ' as
 * entities; attribute values: & and " only), the addresses made absolute with the site's as
 * BaseLayout makes them (`new URL(path, Astro.site)`). The expected pages are written by hand from
 * those rules; tests/site-build/route-shells.test.ts compares whole sites with Astro's rendering.
 */
import { describe, expect, it } from 'vitest';
import {
  fillRouteShell,
  SHELL_BODY,
  SHELL_DESCRIPTION,
  SHELL_FEED,
  SHELL_SLOT,
  SHELL_TITLE,
  splitRouteShell,
} from '../../src/lib/route-shell.ts';
import type { ShellPage } from '../../src/lib/shell-page.ts';

const SITE = 'https://digest.example.org';

/** A layout as BaseLayout renders it, cut down, around what a page puts in. */
const layout = (title: string, description: string, canonical: string, feeds: string, body: string) =>
  `<!DOCTYPE html><html lang="en"> <head><title>${title}</title><meta name="description" content="${description}">` +
  `<link rel="canonical" href="${canonical}"><link rel="icon" href="/favicon.svg" type="image/svg+xml">` +
  `<link rel="alternate" type="application/rss+xml" title="Research Digest: new papers" href="${SITE}/feed.xml">${feeds}` +
  `</head> <body><nav><a href="/">Home</a> <a href="/topics/">Topics</a></nav><main id="main" class="content wide">  ${body}  </main></body></html>`;

const shellFeed = `<link rel="alternate" type="application/rss+xml" title="${SHELL_FEED.title}" href="${SITE}${SHELL_FEED.href}">`;
const shellHtml = (path: string) =>
  layout(`${SHELL_TITLE} · Research Digest`, SHELL_DESCRIPTION, `${SITE}${path}`, shellFeed, SHELL_BODY);

const page = (overrides: Partial<ShellPage> = {}): ShellPage => ({
  path: '/topics/peft/2/',
  title: 'PEFT, page 2',
  description: 'Adapters.',
  feeds: [],
  bodyHtml: () => '<h1>PEFT</h1>',
  ...overrides,
});

describe('a route shell', () => {
  const shell = splitRouteShell(shellHtml('/topics/_shell_/'), { path: '/topics/_shell_/', site: SITE });

  it('puts the title, description, address, feeds and content where the markers were', () => {
    expect(fillRouteShell(shell, page())).toBe(
      layout('PEFT, page 2 · Research Digest', 'Adapters.', `${SITE}/topics/peft/2/`, '', '<h1>PEFT</h1>'),
    );
    const feeds = [
      { title: 'Research Digest: PEFT', href: '/topics/peft/feed.xml' },
      { title: 'Two', href: '/two.xml' },
    ];
    expect(fillRouteShell(shell, page({ feeds }))).toBe(
      layout(
        'PEFT, page 2 · Research Digest',
        'Adapters.',
        `${SITE}/topics/peft/2/`,
        `<link rel="alternate" type="application/rss+xml" title="Research Digest: PEFT" href="${SITE}/topics/peft/feed.xml">` +
          `<link rel="alternate" type="application/rss+xml" title="Two" href="${SITE}/two.xml">`,
        '<h1>PEFT</h1>',
      ),
    );
  });

  it('escapes the title as text and the description and feed titles as attribute values; the content is HTML already', () => {
    const filled = fillRouteShell(
      shell,
      page({
        title: `“<b>x</b>” & 'q'`,
        description: `a "quoted" <b>tag</b> & more`,
        feeds: [{ title: 'A & "B"', href: '/topics/a/feed.xml' }],
        bodyHtml: () => '<p>&amp;</p>',
      }),
    );
    expect(filled).toBe(
      layout(
        '“&lt;b&gt;x&lt;/b&gt;” &amp; &#39;q&#39; · Research Digest',
        'a &quot;quoted&quot; <b>tag</b> &amp; more',
        `${SITE}/topics/peft/2/`,
        `<link rel="alternate" type="application/rss+xml" title="A &amp; &quot;B&quot;" href="${SITE}/topics/a/feed.xml">`,
        '<p>&amp;</p>',
      ),
    );
  });

  it('writes an address with letters beyond ASCII as the URL class makes it', () => {
    const filled = fillRouteShell(shell, page({ path: '/topics/peft/themes/café/' }));
    expect(filled).toContain(`<link rel="canonical" href="${SITE}/topics/peft/themes/caf%C3%A9/">`);
  });

  it('fills a shell rendered in place, at the address of its one page', () => {
    const home = splitRouteShell(shellHtml('/'), { path: '/', site: SITE });
    expect(fillRouteShell(home, page({ path: '/', title: 'Home' }))).toBe(
      layout('Home · Research Digest', 'Adapters.', `${SITE}/`, '', '<h1>PEFT</h1>'),
    );
  });

  it('stops on a marker missing, twice, out of order or left elsewhere, naming it', () => {
    const html = shellHtml('/topics/_shell_/');
    const place = { path: '/topics/_shell_/', site: SITE };
    expect(() => splitRouteShell(html.replace(SHELL_BODY, ''), place)).toThrow(SHELL_BODY);
    expect(() => splitRouteShell(html.replace(SHELL_BODY, SHELL_BODY + SHELL_BODY), place)).toThrow(/exactly once/);
    expect(() => splitRouteShell(html.replace(shellFeed, ''), place)).toThrow(SHELL_FEED.title);
    expect(() => splitRouteShell(html.replace(shellFeed, shellFeed + shellFeed), place)).toThrow(SHELL_FEED.title);
    expect(() => splitRouteShell(html.replace('<title>', '<title>x'), place)).toThrow(SHELL_TITLE);
    expect(() => splitRouteShell(html, { ...place, site: 'https://elsewhere.example' })).toThrow(/canonical/);
    expect(() => splitRouteShell(html, { ...place, path: '/orgs/_shell_/' })).toThrow(/canonical/);
    const swapped = html.replace(SHELL_BODY, '').replace('<head>', `<head>${SHELL_BODY}`);
    expect(() => splitRouteShell(swapped, place)).toThrow(SHELL_BODY);
    const copied = html.replace('</head>', `<meta property="og:title" content="${SHELL_TITLE}"></head>`);
    expect(() => splitRouteShell(copied, place)).toThrow(/outside the places it fills/);
    const linked = html.replace('</nav>', '<a href="/topics/_shell_/">x</a></nav>');
    expect(() => splitRouteShell(linked, place)).toThrow(/outside the places it fills/);
  });

  it('refuses a page whose body still holds the slot only Astro fills, or whose address is not a folder path', () => {
    expect(() => fillRouteShell(shell, page({ bodyHtml: () => `<h1>x</h1>${SHELL_SLOT}` }))).toThrow(SHELL_SLOT);
    for (const path of ['/topics/peft', 'topics/peft/', '/topics/peft/?page=2/', '/a//b/', '/a/../b/'])
      expect(() => fillRouteShell(shell, page({ path }))).toThrow(/plain folder path/);
  });
});
