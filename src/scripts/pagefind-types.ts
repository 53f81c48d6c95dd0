/** The parts of Pagefind's browser API (/pagefind/pagefind.js) the search page uses. */
export interface PagefindResultData {
  url: string;
  content: string;
  /** Word numbers of the matches in `content`. */
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}
export interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindResultData>;
}
export interface PagefindSearch {
  results: PagefindResult[];
}
export interface Pagefind {
  options: (options: Record<string, unknown>) => Promise<void>;
  search: (query: string | null, options?: Record<string, unknown>) => Promise<PagefindSearch | null>;
  preload: (query: string, options?: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  /** Where a result comes among results that tie (src/pagefind/expand-page-list.js `tieRanks`); undefined without the page list. */
  researchDigestTieRank?: (id: string) => number | undefined;
}
