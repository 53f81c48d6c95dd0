/**
 * Reads a built site from disk and checks its internal references: every `href`, `src`, `srcset`,
 * form `action`, refresh target and CSS `url()` of every HTML file must lead to a file that exists
 * (a directory's `index.html` for a path ending in `/`), and a `#fragment` to an element with that
 * id on the target page. The HTML is parsed by Chromium's DOMParser (the project has no HTML parser
 * for Node); the files are read from disk, so nothing depends on a server's fallbacks.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { htmlFiles } from './helpers.ts';

export interface PageFacts {
  file: string;
  ids: string[];
  references: { where: string; value: string }[];
}

/** The URL path a built file is served at: `a/index.html` → `/a/`. */
function servedPath(file: string): string {
  return file === 'index.html'
    ? '/'
    : file.endsWith('/index.html')
      ? `/${file.slice(0, -'index.html'.length)}`
      : `/${file}`;
}

/** Ids and references of HTML documents, parsed in the page (any page will do, e.g. about:blank). */
export async function pageFacts(page: Page, documents: { file: string; html: string }[]): Promise<PageFacts[]> {
  const facts: PageFacts[] = [];
  for (let start = 0; start < documents.length; start += 40) {
    facts.push(
      ...(await page.evaluate(
        (batch) => {
          const parser = new DOMParser();
          return batch.map(({ file, html }) => {
            const doc = parser.parseFromString(html, 'text/html');
            const references: { where: string; value: string }[] = [];
            const add = (where: string, value: string | null) => {
              if (value !== null) references.push({ where, value: value.trim() });
            };
            for (const element of doc.querySelectorAll('[href]')) {
              const rel = element.tagName === 'LINK' ? ` rel=${element.getAttribute('rel') ?? ''}` : '';
              add(`<${element.tagName.toLowerCase()}${rel} href>`, element.getAttribute('href'));
            }
            for (const element of doc.querySelectorAll('[src]'))
              add(`<${element.tagName.toLowerCase()} src>`, element.getAttribute('src'));
            for (const element of doc.querySelectorAll('[poster]'))
              add(`<${element.tagName.toLowerCase()} poster>`, element.getAttribute('poster'));
            for (const element of doc.querySelectorAll('[srcset]')) {
              for (const candidate of (element.getAttribute('srcset') ?? '').split(','))
                add(`<${element.tagName.toLowerCase()} srcset>`, candidate.trim().split(/\s+/)[0] ?? '');
            }
            for (const form of doc.querySelectorAll('form[action]')) add('<form action>', form.getAttribute('action'));
            for (const meta of doc.querySelectorAll('meta[http-equiv="refresh" i]'))
              add('<meta refresh>', /url=(.*)$/i.exec(meta.getAttribute('content') ?? '')?.[1] ?? '');
            const styles = [...doc.querySelectorAll('style')]
              .map((style) => style.textContent ?? '')
              .concat([...doc.querySelectorAll('[style]')].map((element) => element.getAttribute('style') ?? ''));
            for (const css of styles)
              for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g)) add('CSS url()', match[2]!);
            const ids = [...doc.querySelectorAll('[id]')]
              .map((element) => element.id)
              .concat([...doc.querySelectorAll('a[name]')].map((element) => element.getAttribute('name')!));
            return { file, ids, references };
          });
        },
        documents.slice(start, start + 40),
      )),
    );
  }
  return facts;
}

export interface CrawlReport {
  pages: number;
  /** Internal references checked. */
  checked: number;
  /** Fragment references checked. */
  fragments: number;
  problems: string[];
}

/**
 * Checks every internal reference of every HTML file of `dist`. `siteOrigin` is the configured
 * site (canonical and feed links are absolute on it): those count as internal too.
 */
export async function crawlSite(dist: string, page: Page, siteOrigin: string): Promise<CrawlReport> {
  const files = htmlFiles(dist);
  const facts = await pageFacts(
    page,
    files.map((file) => ({ file, html: readFileSync(join(dist, file), 'utf8') })),
  );
  const idsByFile = new Map(facts.map((fact) => [fact.file, new Set(fact.ids)]));
  const problems: string[] = [];
  let checked = 0;
  let fragments = 0;
  const targetFile = (pathname: string): string | null => {
    const relative = pathname.replace(/^\//, '');
    if (pathname.endsWith('/')) return existsSync(join(dist, relative, 'index.html')) ? `${relative}index.html` : null;
    if (!existsSync(join(dist, relative))) return null;
    return statSync(join(dist, relative)).isFile() ? relative : null;
  };
  for (const { file, references } of facts) {
    const base = new URL(servedPath(file), siteOrigin);
    for (const { where, value } of references) {
      if (value === '') {
        problems.push(`${file}: empty ${where}`);
        continue;
      }
      let target: URL;
      try {
        target = new URL(value, base);
      } catch {
        problems.push(`${file}: ${where} "${value}" is not a URL`);
        continue;
      }
      if (target.origin !== new URL(siteOrigin).origin) continue;
      checked++;
      let pathname: string;
      try {
        pathname = decodeURIComponent(target.pathname);
      } catch {
        problems.push(`${file}: ${where} "${value}" has a malformed escape`);
        continue;
      }
      const found = targetFile(pathname);
      if (found === null) {
        const isDirectory =
          existsSync(join(dist, pathname.replace(/^\//, ''))) &&
          statSync(join(dist, pathname.replace(/^\//, ''))).isDirectory();
        problems.push(
          `${file}: ${where} "${value}" leads to ${isDirectory ? 'a directory without its trailing slash' : 'no file'}`,
        );
        continue;
      }
      if (target.hash.length > 1) {
        fragments++;
        const id = decodeURIComponent(target.hash.slice(1));
        const ids = idsByFile.get(found);
        if (!ids) problems.push(`${file}: ${where} "${value}" has a fragment, but ${found} is no HTML page`);
        else if (!ids.has(id)) problems.push(`${file}: ${where} "${value}": ${found} has no element with id "${id}"`);
      }
    }
  }
  return { pages: files.length, checked, fragments, problems };
}

/** The origin of the site the build was made for, from the home page's canonical link. */
export function siteOriginOf(dist: string): string {
  const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'index.html'), 'utf8'));
  if (!canonical) throw new Error(`${dist}/index.html has no canonical link`);
  return new URL(canonical[1]!).origin;
}

/** The files the service worker precaches that the build does not have. */
export function missingPrecacheFiles(dist: string): { precache: string[]; missing: string[] } {
  const worker = readFileSync(join(dist, 'sw.js'), 'utf8');
  const list = /const PRECACHE = (\[[^\]]*\]);/.exec(worker);
  if (!list) throw new Error('sw.js has no PRECACHE list');
  const precache = JSON.parse(list[1]!) as string[];
  const missing = precache.filter((path) => {
    const relative = decodeURIComponent(path.split('?')[0]!).replace(/^\//, '');
    return !existsSync(join(dist, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative));
  });
  return { precache, missing };
}

/** What a page needs to render and run (scripts, stylesheets, icons, images), as same-site URL paths. */
export function pageAssets(fact: PageFacts, siteOrigin: string): string[] {
  const base = new URL(servedPath(fact.file), siteOrigin);
  return fact.references
    .filter(
      ({ where }) =>
        /^<(script|img|source|video|audio|iframe|embed) (src|srcset|poster)>$|^<link rel=(icon|stylesheet|modulepreload|preload|manifest)\b/.test(
          where,
        ) || where === 'CSS url()',
    )
    .map(({ value }) => new URL(value, base))
    .filter((target) => target.origin === new URL(siteOrigin).origin)
    .map((target) => target.pathname);
}
