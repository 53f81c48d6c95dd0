/**
 * Content-Security-Policy: every page carries the policy, and no page type (the search page while
 * searching, and with the offline service worker registered and in control, included) makes the
 * browser report a violation, neither as a `securitypolicyviolation` event nor on the console.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { expectedDigest, paperIdFromUrl, searchOutcome, url } from '../browser/helpers.ts';
import {
  cspViolations,
  htmlFiles,
  pageTypes,
  pageTypeUrl,
  recordCspViolations,
  useSharedBrowser,
  requireHarness,
} from './helpers.ts';

const shared = useSharedBrowser();

/** A fresh context (no service worker, no cache) recording CSP violations. */
async function openContext(): Promise<{ context: BrowserContext; page: Page; consoleMessages: string[] }> {
  const context = await shared.browser.newContext();
  const consoleMessages = await recordCspViolations(context);
  return { context, page: await context.newPage(), consoleMessages };
}

const types = () => {
  requireHarness();
  const { result, idsByTopic, topicNames } = expectedDigest();
  return pageTypes({ papers: result.papers, idsByTopic, topicNames });
};

test('every built HTML page carries the policy in a meta tag before any script, without unsafe-inline or unsafe-eval', () => {
  const dist = inject('distDir');
  const files = htmlFiles(dist);
  expect(files.length).toBeGreaterThan(expectedDigest().result.papers.length);
  const problems: string[] = [];
  for (const file of files) {
    const html = readFileSync(join(dist, file), 'utf8');
    const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(html);
    if (!meta) {
      problems.push(`${file}: no CSP meta tag`);
      continue;
    }
    const policy = meta[1]!;
    const firstScript = html.search(/<script\b/i);
    if (firstScript >= 0 && firstScript < meta.index) problems.push(`${file}: a script comes before the CSP meta tag`);
    if (meta.index > html.search(/<\/head>/i)) problems.push(`${file}: the CSP meta tag is not in the head`);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", 'script-src ']) {
      if (!policy.includes(directive)) problems.push(`${file}: the policy lacks ${directive.trim()}`);
    }
    if (/'unsafe-inline'|'unsafe-eval'/.test(policy))
      problems.push(`${file}: the policy allows unsafe-inline or unsafe-eval`);
  }
  expect(problems).toEqual([]);
});

describe('no CSP violation on any page type', () => {
  test.each(types())('$name ($path)', async (type) => {
    const { context, page, consoleMessages } = await openContext();
    try {
      await page.goto(pageTypeUrl(inject('baseUrl'), type), { waitUntil: 'networkidle' });
      expect((await page.textContent('h1'))?.trim()).toBe(type.h1);
      await page.waitForTimeout(150);
      expect(await cspViolations(page)).toEqual([]);
      expect(consoleMessages).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

test('the search page while searching, filtering, sorting, showing more results and registering the service worker; then searching again under the worker', async () => {
  const { context, page, consoleMessages } = await openContext();
  const violations: string[] = [];
  try {
    await page.goto(url('/search/'), { waitUntil: 'networkidle' });
    // Typed, as a reader does: the page searches as they type.
    await page.fill('#search-query', '');
    await page.locator('#search-query').pressSequentially('language model', { delay: 20 });
    const typed = await searchOutcome(page, [['q', 'language model']]);
    expect(typed.results.length).toBe(10);
    expect(typed.count).toBeGreaterThan(10);
    // More results (Pagefind fragments fetched on demand), a filter and a sort order.
    await page.click('#search-more');
    await page.waitForFunction(() => document.querySelectorAll('#search-results > li').length > 10);
    const topic = (await page.getAttribute('#filter-topic input[name="topic"]', 'value'))!;
    await page.check(`#filter-topic input[value="${topic}"]`);
    await searchOutcome(page, [
      ['q', 'language model'],
      ['topic', topic],
    ]);
    await page.selectOption('#search-sort', 'date');
    const sorted = await searchOutcome(page, [
      ['q', 'language model'],
      ['sort', 'date'],
      ['topic', topic],
    ]);
    expect(sorted.count).toBeGreaterThan(0);

    // The first search registered the offline worker; it takes control of the page.
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      if (!navigator.serviceWorker.controller)
        await new Promise((done) => navigator.serviceWorker.addEventListener('controllerchange', done, { once: true }));
      return { script: registration.active?.scriptURL ?? '', controlled: navigator.serviceWorker.controller !== null };
    });
    expect(new URL(worker.script).pathname).toBe('/sw.js');
    expect(worker.controlled).toBe(true);
    violations.push(...(await cspViolations(page)));

    // Under the worker: the page and Pagefind's files come through it; search and open a result.
    await page.goto(url('/search/?q=LoRA'), { waitUntil: 'networkidle' });
    expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const again = await searchOutcome(page, [['q', 'LoRA']]);
    expect(again.results.length).toBeGreaterThan(0);
    violations.push(...(await cspViolations(page)));
    await page.click('#search-results > li:first-child a');
    await page.waitForURL(/\/papers\/[^/]+\/$/);
    expect(paperIdFromUrl(page.url())).toBe(again.results[0]!.id);
    violations.push(...(await cspViolations(page)));
    expect(violations).toEqual([]);
    expect(consoleMessages).toEqual([]);
  } finally {
    await context.close();
  }
});

test('the recorder sees a violation when there is one (the policy blocks an injected inline script)', async () => {
  const { context, page, consoleMessages } = await openContext();
  try {
    await page.goto(url('/about/'), { waitUntil: 'networkidle' });
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.injectedScriptRan = true;';
      document.body.append(script);
      await new Promise((done) => setTimeout(done, 100));
      return (window as unknown as { injectedScriptRan?: boolean }).injectedScriptRan === true;
    });
    expect(ran).toBe(false);
    const violations = await cspViolations(page);
    expect(violations).toHaveLength(1);
    expect(violations[0]).toMatch(/^script-src-elem blocked inline/);
    expect(consoleMessages.join('\n')).toMatch(/Content Security Policy/);
  } finally {
    await context.close();
  }
});
