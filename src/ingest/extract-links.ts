/** The web addresses an abstract mentions (code, project pages, models). */

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'{}|\\^`\]\[]+/gi;
const TRAILING_PUNCTUATION = /[.,;:!?)]+$/;

/** Unique http(s) URLs in order of appearance; sentence punctuation after them is not part of them. */
export function extractLinks(text: string): string[] {
  const links = new Set<string>();
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
        links.add(url);
      }
    } catch {
      // Not a URL after all (e.g. `http://` alone): leave it as text.
    }
  }
  return [...links];
}
