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
  /** A result's word count, from the page list (src/integrations/pagefind-script.ts); undefined without it. */
  researchDigestWordCount?: (id: string) => number | undefined;
}
