/** The test server itself: the browser tests are only as good as its imitation of a static host. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { url } from './helpers.ts';

const first = (directory: string, suffix: string) => {
  const name = readdirSync(join(inject('distDir'), directory)).find((file) => file.endsWith(suffix));
  if (!name) throw new Error(`no ${suffix} file in ${directory}`);
  return `/${directory}/${name}`.replace('//', '/');
};

describe('static server', () => {
  test.each([
    ['/', 200, 'text/html; charset=utf-8'],
    ['/papers/s-more-structural-mixture-of-residual-experts/', 200, 'text/html; charset=utf-8'],
    ['/sw.js', 200, 'text/javascript; charset=utf-8'],
    ['/pagefind/pagefind.js', 200, 'text/javascript; charset=utf-8'],
    ['/pagefind/pagefind-entry.json', 200, 'application/json; charset=utf-8'],
    ['/pagefind/wasm.en.pagefind', 200, 'application/octet-stream'],
    ['/favicon.svg', 200, 'image/svg+xml'],
    ['/no-such-file.css', 404, 'text/html; charset=utf-8'],
  ])('GET %s → %i %s', async (path, status, type) => {
    const response = await fetch(url(path), { redirect: 'manual' });
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe(type);
  });

  test('Pagefind index files are served as binary', async () => {
    const paths = [
      first('pagefind', '.pf_meta'),
      first('pagefind', '.pf_pages'),
      first('pagefind/index', '.pf_index'),
      first('pagefind/fragment', '.pf_fragment'),
      first('pagefind/filter', '.pf_filter'),
    ];
    for (const path of paths) {
      const response = await fetch(url(path));
      expect([path, response.status, response.headers.get('content-type')]).toEqual([
        path,
        200,
        'application/octet-stream',
      ]);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(0);
    }
  });

  test('a directory without its trailing slash redirects to it, keeping the query', async () => {
    const response = await fetch(url('/search?q=LoRA'), { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/search/?q=LoRA');
  });

  test("unknown paths get the site's 404 page with status 404, and nothing outside the build is served", async () => {
    for (const path of ['/nope/', '/../package.json', '/%2e%2e/package.json', '/papers/%00/']) {
      const response = await fetch(url(path), { redirect: 'manual' });
      expect([path, response.status]).toEqual([path, 404]);
      expect(await response.text()).toContain('Page not found');
    }
  });
});
