/** The web addresses an abstract mentions (code, project pages, models). */

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'{}|\\^`\][]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

export interface UrlSpan {
  url: string;
  /** Offset of the URL in the text. */
  start: number;
}

/**
 * Every http(s) URL in the text with its position; sentence punctuation after a URL is not part
 * of it, and anything that does not parse as a web address with a host is left as text.
 */
export function findUrlSpans(text: string): UrlSpan[] {
  const spans: UrlSpan[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    let url = match[0];
    // Keep a closing parenthesis only when the URL itself opened one (Wikipedia-style paths).
    while (TRAILING_PUNCTUATION.test(url)) {
      const last = url[url.length - 1];
      if (last === ')' && (url.match(/\(/g)?.length ?? 0) >= (url.match(/\)/g)?.length ?? 0)) break;
      url = url.slice(0, -1);
    }
    try {
      const parsed = new URL(url);
      if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname.includes('.')) {
        spans.push({ url, start: match.index });
      }
    } catch {
      // Not a URL after all (e.g. `http://` alone): leave it as text.
    }
  }
  return spans;
}

/** Unique http(s) URLs in order of appearance. */
export function extractLinks(text: string): string[] {
  return [...new Set(findUrlSpans(text).map((span) => span.url))];
}
