/**
 * Shared by the site-quality tests: the page types to check, the built files, the Nu HTML checker,
 * CSP violation recording, and HTML parsing in the browser (the project has no HTML parser for Node).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { PROJECT_ROOT } from './isolated-build.ts';

export const SITE_NAME = 'Research Digest';

/**
 * These tests run in vitest.config.ts's `browser` project, whose global setup builds and serves
 * the site; elsewhere they stop at once with what to change.
 */
export function requireHarness(): void {
  if (!inject('baseUrl') || !inject('distDir')) {
    throw new Error(
      "tests/site-quality needs the browser tests' global setup (the built site in .test-dist, served): in vitest.config.ts add 'tests/site-quality/**/*.test.ts' to the browser project's include and 'tests/site-quality/**' to the unit project's exclude",
    );
  }
}
/** One Chromium for a test file, and a page in it; filled in before the file's first test. */
export interface SharedBrowser {
  browser: Browser;
  page: Page;
}

/** Registers the file's hooks: checks the harness, launches Chromium with one page, closes it after. */
export function useSharedBrowser(): SharedBrowser {
  const shared = {} as SharedBrowser;
  beforeAll(async () => {
    requireHarness();
    shared.browser = await launchBrowser();
    shared.page = await shared.browser.newPage();
  });
  afterAll(async () => {
    await shared.browser?.close();
  });
  return shared;
}

/** The harness's page size: topic pages list 50 papers each. */
const TOPIC_PAGE_SIZE = 50;

export interface PageType {
  name: string;
  /** URL path on the built site. */
  path: string;
  /** The heading the page must show (a check that the page is the one meant). */
  h1: string;
  /** The HTML file the path is served from. */
  file: string;
}

export interface DigestView {
  papers: readonly PaperRecord[];
  /** Paper ids per topic id, `other` for papers in none. */
  idsByTopic: ReadonlyMap<string, ReadonlySet<string>>;
  topicNames: ReadonlyMap<string, string>;
}

/** A paper page with neither aliases nor a derived title, one with aliases, one with a derived title. */
function samplePapers(papers: readonly PaperRecord[]): {
  plain: PaperRecord;
  aliased: PaperRecord;
  derived: PaperRecord;
} {
  const plain =
    papers.find((paper) => paper.aliases.length === 0 && !paper.titleDerived && paper.links.length > 0) ??
    papers.find((paper) => paper.aliases.length === 0 && !paper.titleDerived);
  const aliased = papers.find((paper) => paper.aliases.length > 0);
  const derived = papers.find((paper) => paper.titleDerived);
  if (!plain || !aliased || !derived)
    throw new Error('the corpus lacks a plain paper, a paper with aliases or a paper with a derived title');
  return { plain, aliased, derived };
}

/** One URL of every page type of the site, with the heading it must show. */
export function pageTypes(digest: DigestView): PageType[] {
  const { plain, aliased, derived } = samplePapers(digest.papers);
  const paginated = [...digest.idsByTopic].find(([id, ids]) => id !== 'other' && ids.size > TOPIC_PAGE_SIZE);
  if (!paginated) throw new Error('no topic has more than one page');
  const topicName = (id: string) => digest.topicNames.get(id) ?? id;
  const firstTopic = [...digest.topicNames.keys()].find((id) => id !== 'other' && id !== paginated[0]) ?? paginated[0];
  const page = (name: string, path: string, h1: string): PageType => ({
    name,
    path,
    h1,
    file: path === '/404/' ? '404.html' : `${path.slice(1)}index.html`,
  });
  return [
    page('home', '/', SITE_NAME),
    page('topics index', '/topics/', 'Topics'),
    page('topic', `/topics/${firstTopic}/`, topicName(firstTopic)),
    page('paginated topic (page 2)', `/topics/${paginated[0]}/2/`, topicName(paginated[0])),
    page('other', '/topics/other/', 'Other'),
    page('paper', `/papers/${plain.id}/`, plain.title),
    page('paper with aliases', `/papers/${aliased.id}/`, aliased.title),
    page('paper with a derived title', `/papers/${derived.id}/`, derived.title),
    page('sources', '/sources/', 'Sources'),
    page('new', '/new/', 'New in the latest dump'),
    page('about', '/about/', 'About this digest'),
    page('search', '/search/', 'Search papers'),
    page('offline', '/offline/', 'You are offline'),
    page('404', '/404/', 'Page not found'),
  ];
}

/** The URL to open for a page type: the 404 page is what an unknown address gets. */
export function pageTypeUrl(baseUrl: string, type: PageType): string {
  return `${baseUrl}${type.path === '/404/' ? '/papers/no-such-paper-here/' : type.path}`;
}

/** Every file under `directory`, as `/`-separated paths relative to it, sorted. */
function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

export const htmlFiles = (dist: string): string[] => listFiles(dist).filter((file) => file.endsWith('.html'));

// ---------------------------------------------------------------------------------------------
// The Nu HTML checker

const VNU_JAR = join(PROJECT_ROOT, 'node_modules/vnu-jar/build/dist/vnu.jar');

export interface VnuMessage {
  type: string;
  subType?: string;
  url?: string;
  lastLine?: number;
  message: string;
  extract?: string;
}

/** Runs the Nu checker once over `files` (absolute paths); its errors, as `file:line: message`. */
export function validateHtml(files: readonly string[]): Promise<string[]> {
  return new Promise((done, fail) => {
    // Java reads the arguments itself: no shell, so hundreds of paths are no problem.
    const child = spawn('java', ['-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => fail(new Error(`could not run java for the Nu checker: ${error.message}`)));
    child.on('close', (code) => {
      let report: { messages?: VnuMessage[] };
      try {
        // The JSON report goes to stderr; the exit code is 1 when there are errors.
        report = JSON.parse(stderr.trim() || stdout.trim()) as { messages?: VnuMessage[] };
      } catch {
        fail(new Error(`the Nu checker exited with ${code} and no JSON report:\n${stdout}\n${stderr}`));
        return;
      }
      if (!Array.isArray(report.messages)) {
        fail(new Error(`the Nu checker's report has no messages: ${stderr.slice(0, 500)}`));
        return;
      }
      const errors = report.messages
        .filter(
          (message) => message.type === 'error' || message.subType === 'fatal' || message.type === 'non-document-error',
        )
        .map(
          (message) =>
            `${(message.url ?? '?').replace(/^file:/, '')}:${message.lastLine ?? '?'}: ${message.message}${message.extract ? ` [${message.extract.trim()}]` : ''}`,
        );
      if (code !== 0 && errors.length === 0)
        fail(new Error(`the Nu checker exited with ${code}:\n${stderr.slice(0, 2000)}`));
      else done(errors);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Content-Security-Policy violations

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/**
 * Records every CSP violation of every document the context opens: the `securitypolicyviolation`
 * events (through an init script, so they are caught from the document's start) and the console
 * messages Chromium logs for them. Read the events with `cspViolations(page)` before navigating away.
 */
export async function recordCspViolations(context: BrowserContext): Promise<string[]> {
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) =>
        window.__cspViolations!.push(
          `${event.effectiveDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber} on ${location.pathname}`,
        ),
      true,
    );
  });
  const consoleMessages: string[] = [];
  context.on('console', (message) => {
    if (/content security policy|content-security-policy|refused to/i.test(message.text()))
      consoleMessages.push(`console ${message.type()}: ${message.text()}`);
  });
  return consoleMessages;
}

/** The violation events recorded in the page's current document. */
export async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? ['the CSP recorder did not run in this document']);
}

// ---------------------------------------------------------------------------------------------
// Pagefind's index

export interface PagefindFragment {
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** Every fragment of a Pagefind index: gzip, then the `pagefind_dcd` signature, then JSON. */
export function readPagefindFragments(dist: string): PagefindFragment[] {
  const folder = join(dist, 'pagefind', 'fragment');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.pf_fragment'))
    .map((file) => {
      const text = gunzipSync(readFileSync(join(folder, file))).toString('utf8');
      if (!text.startsWith(FRAGMENT_SIGNATURE)) throw new Error(`${file} does not start with ${FRAGMENT_SIGNATURE}`);
      return JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as PagefindFragment;
    });
}

// ---------------------------------------------------------------------------------------------
// Focus

/** How the focused element shows its focus: its tag, text and outline. */
export async function focusState(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return null;
    const style = getComputedStyle(element);
    const box = element.getBoundingClientRect();
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      type: element.getAttribute('type'),
      name: element.getAttribute('name'),
      value: (element as HTMLInputElement).value ?? null,
      text: (element.textContent ?? '').trim().slice(0, 80),
      href: element.getAttribute('href'),
      inResults: element.closest('#search-results') !== null,
      outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
      outlineVisible: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
      focusVisible: element.matches(':focus-visible'),
      onScreen:
        box.width > 0 &&
        box.height > 0 &&
        box.bottom > 0 &&
        box.right > 0 &&
        box.top < innerHeight &&
        box.left < innerWidth,
    };
  });
}
