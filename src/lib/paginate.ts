/**
 * A list cut into pages as Astro's `paginate()` cuts it (astro/dist/core/render/paginate.js) for a
 * route ending in `[...page]`: the first page at the list's own address, page N at `N/` under it,
 * and the same figures (`start` and `end` the indexes of the first and last item shown, `end` being
 * `start - 1` on the one page of an empty list). A plain function, so that a page made without
 * Astro (src/lib/shell-page.ts) is numbered as Astro numbers it.
 */
export interface ListPage<T> {
  data: T[];
  start: number;
  end: number;
  size: number;
  total: number;
  currentPage: number;
  lastPage: number;
  url: { current: string; prev: string | undefined; next: string | undefined };
}

/** The pages of `data`, `size` items a page, the first at `firstUrl` (ending in `/`). */
export function paginate<T>(data: readonly T[], size: number, firstUrl: string): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`a page size must be a whole number above 0, not ${size}`);
  const url = (page: number) => (page === 1 ? firstUrl : `${firstUrl}${page}/`);
  const lastPage = Math.max(1, Math.ceil(data.length / size));
  return Array.from({ length: lastPage }, (_, index) => {
    const currentPage = index + 1;
    const start = index * size;
    const end = Math.min(start + size, data.length);
    return {
      data: data.slice(start, end),
      start,
      end: end - 1,
      size,
      total: data.length,
      currentPage,
      lastPage,
      url: {
        current: url(currentPage),
        prev: currentPage === 1 ? undefined : url(currentPage - 1),
        next: currentPage === lastPage ? undefined : url(currentPage + 1),
      },
    };
  });
}
