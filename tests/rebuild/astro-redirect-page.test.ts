/**
 * A retired paper's redirect page written without Astro (src/rebuild/astro-redirect-page.ts) must be
 * the one Astro writes: its own template (astro/dist/core/routing/3xx.js) with the line breaks
 * removed, as its build does with `compressHTML`.
 */
import { describe, expect, it } from 'vitest';
import { redirectTemplate } from '../../node_modules/astro/dist/core/routing/3xx.js';
import { astroRedirectPage } from '../../src/rebuild/astro-redirect-page.ts';

const astros = (from: string, to: string, site: string): string =>
  (
    redirectTemplate as (options: {
      status: number;
      absoluteLocation: URL;
      relativeLocation: string;
      from: string;
    }) => string
  )({ status: 301, absoluteLocation: new URL(to, site), relativeLocation: to, from }).replaceAll('\n', '');

describe('astroRedirectPage', () => {
  it.each([
    ['/papers/old-id/', '/papers/new-id/', 'https://digest.example.org'],
    ['/papers/a/', '/papers/b/', 'http://localhost:4321'],
    ["/papers/it's-&-<x>/", '/papers/"quoted"/', 'https://digest.example.org/base/'],
  ])('is Astro’s page from %s to %s', (from, to, site) => {
    expect(astroRedirectPage(from, to, site)).toBe(astros(from, to, site));
  });

  it('sends the reader on at once, and tells search engines where the page is now', () => {
    const page = astroRedirectPage('/papers/old/', '/papers/new/', 'https://digest.example.org');
    expect(page).toContain('<meta http-equiv="refresh" content="0;url=/papers/new/">');
    expect(page).toContain('<link rel="canonical" href="https://digest.example.org/papers/new/">');
  });
});
