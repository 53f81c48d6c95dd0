/**
 * The page Astro writes for a retired paper address (`Astro.redirect(…, 301)` in
 * src/pages/papers/[id].astro), byte for byte: Astro's `redirectTemplate`
 * (astro/dist/core/routing/3xx.js, not exported by the package) with `compressHTML`'s removal of
 * line breaks (astro/dist/core/build/generate.js). tests/site-build/rebuild-without-astro.test.ts
 * compares it with Astro's own.
 */

/** html-escaper's `escape`, which the template uses. */
const escape = (value: string): string =>
  value.replace(
    /[&<>'"]/g,
    (character) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' })[character]!,
  );

/** The page at `from` (a path) sending readers to `to` (a path) with status 301, on `site`. */
export function astroRedirectPage(from: string, to: string, site: string): string {
  const rel = escape(to);
  const abs = escape(String(site ? new URL(to, site) : to));
  return (
    '<!doctype html>' +
    `<title>Redirecting to: ${rel}</title>` +
    `<meta http-equiv="refresh" content="0;url=${rel}">` +
    '<meta name="robots" content="noindex">' +
    `<link rel="canonical" href="${abs}">` +
    '<body>' +
    `\t<a href="${rel}">Redirecting from <code>${escape(from)}</code> to <code>${rel}</code></a>` +
    '</body>'
  );
}
