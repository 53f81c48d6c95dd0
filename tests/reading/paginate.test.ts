/**
 * A list cut into pages (src/lib/paginate.ts) as Astro's `paginate()` cuts it for a `[...page]`
 * route: the figures of small cases worked out by hand, and the same pages as Astro's own function
 * (astro/dist/core/render/paginate.js) for every length up to a few pages. Also the params a route
 * gets for a page's address (src/lib/shell-routes.ts `routeParams`).
 */
import { describe, expect, it } from 'vitest';
import { generatePaginateFunction } from '../../node_modules/astro/dist/core/render/paginate.js';
import { paginate } from '../../src/lib/paginate.ts';
import { routeParams } from '../../src/lib/shell-routes.ts';

const BASE = '/topics/peft/';

describe('paginate', () => {
  it('puts an empty list on one page at the list address, showing nothing', () => {
    expect(paginate([], 50, BASE)).toEqual([
      {
        data: [],
        start: 0,
        end: -1,
        size: 50,
        total: 0,
        currentPage: 1,
        lastPage: 1,
        url: { current: BASE, prev: undefined, next: undefined },
      },
    ]);
  });

  it('cuts 7 items, 3 a page, into 3 pages: 1–3, 4–6, 7', () => {
    const pages = paginate(['a', 'b', 'c', 'd', 'e', 'f', 'g'], 3, BASE);
    expect(pages.map((page) => page.data)).toEqual([['a', 'b', 'c'], ['d', 'e', 'f'], ['g']]);
    expect(pages.map((page) => [page.start, page.end, page.total, page.currentPage, page.lastPage])).toEqual([
      [0, 2, 7, 1, 3],
      [3, 5, 7, 2, 3],
      [6, 6, 7, 3, 3],
    ]);
    expect(pages.map((page) => page.url)).toEqual([
      { current: '/topics/peft/', prev: undefined, next: '/topics/peft/2/' },
      { current: '/topics/peft/2/', prev: '/topics/peft/', next: '/topics/peft/3/' },
      { current: '/topics/peft/3/', prev: '/topics/peft/2/', next: undefined },
    ]);
  });

  it('keeps a list of exactly one page size on one page', () => {
    const pages = paginate([1, 2, 3], 3, BASE);
    expect(pages).toHaveLength(1);
    expect([pages[0]!.start, pages[0]!.end, pages[0]!.lastPage]).toEqual([0, 2, 1]);
  });

  it('gives what Astro gives, page for page, for lists of 0 to 13 items', () => {
    const astroPaginate = generatePaginateFunction(
      {
        segments: [
          [{ content: 'topics', dynamic: false, spread: false }],
          [{ content: 'topic', dynamic: true, spread: false }],
          [{ content: '...page', dynamic: true, spread: true }],
        ],
        params: ['topic', '...page'],
      } as unknown as Parameters<typeof generatePaginateFunction>[0],
      '/',
      'always',
    ) as unknown as (data: number[], args: object) => { params: { page?: string }; props: { page: object } }[];
    for (let length = 0; length <= 13; length++) {
      const data = Array.from({ length }, (_, index) => index);
      const astro = astroPaginate(data, { params: { topic: 'peft' }, pageSize: 4 });
      const mine = paginate(data, 4, BASE);
      expect(mine.map((page) => page.url.current)).toEqual(
        astro.map(({ params }) => (params.page ? `${BASE}${params.page}/` : BASE)),
      );
      expect(mine).toEqual(
        astro.map(({ props: { page } }) => {
          const { url, ...rest } = page as { url: Record<string, string | undefined> };
          return { ...rest, url: { current: url.current, prev: url.prev, next: url.next } };
        }),
      );
    }
  });

  it('refuses a page size that is not a whole number above 0', () => {
    expect(() => paginate([1], 0, BASE)).toThrow(/page size/);
  });
});

describe('routeParams', () => {
  it('reads the params of a page from its address', () => {
    expect(routeParams('/topics/[topic]/[...page]', '/topics/peft/')).toEqual({ topic: 'peft', page: undefined });
    expect(routeParams('/topics/[topic]/[...page]', '/topics/peft/3/')).toEqual({ topic: 'peft', page: '3' });
    expect(routeParams('/topics/[topic]/upvoted/[...page]', '/topics/peft/upvoted/2/')).toEqual({
      topic: 'peft',
      page: '2',
    });
    expect(routeParams('/topics/[topic]/themes/[theme]', '/topics/moe/themes/expert-routing/')).toEqual({
      topic: 'moe',
      theme: 'expert-routing',
    });
    expect(routeParams('/', '/')).toEqual({});
    expect(routeParams('/new', '/new/')).toEqual({});
  });

  it('refuses an address that is not one of the route', () => {
    expect(() => routeParams('/orgs/[org]', '/topics/peft/')).toThrow(/not one of the route/);
    expect(() => routeParams('/orgs/[org]', '/orgs/a/b/')).toThrow(/not one of the route/);
    expect(() => routeParams('/topics/[topic]/upvoted/[...page]', '/topics/peft/')).toThrow(/not one of the route/);
  });
});
