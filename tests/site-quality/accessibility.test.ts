/**
 * Accessibility: axe-core finds no WCAG 2.0/2.1/2.2 A and AA violation on any page type, in the
 * light and the dark theme (the search page with results shown included), and search works from
 * the keyboard alone, with the focus visible at every step.
 *
 * The site's CSP blocks the inline script `page.addScriptTag({ content })` adds, so the axe
 * contexts are opened with `bypassCSP: true`; the keyboard test runs under the real policy.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, test } from 'vitest';
import { expectedDigest, paperIdFromUrl, searchOutcome, url } from '../browser/helpers.ts';
import { focusState, pageTypes, pageTypeUrl, useSharedBrowser, requireHarness } from './helpers.ts';
import { PROJECT_ROOT } from './isolated-build.ts';

const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const THEMES = ['light', 'dark'] as const;

const shared = useSharedBrowser();

interface AxeOutcome {
  violations: string[];
  /** Contrast axe could not decide (it reports a 1:1 ratio, or text over images, as "incomplete"). */
  undecidedContrast: string[];
  /** The page's background, to show the theme really changed. */
  background: string;
}

/** Runs axe on the page as it is; each violation as `rule (impact): help — selectors`. */
async function runAxe(page: Page): Promise<AxeOutcome> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async (tags) => {
    type Result = {
      id: string;
      impact: string;
      help: string;
      nodes: { target: string[]; any: { message: string }[] }[];
    };
    const axe = (
      window as unknown as {
        axe: { run: (context: Document, options: unknown) => Promise<{ violations: Result[]; incomplete: Result[] }> };
      }
    ).axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations', 'incomplete'],
    });
    return {
      violations: results.violations.map(
        (violation) =>
          `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
            .slice(0, 5)
            .map((node) => node.target.join(' '))
            .join(', ')}${violation.nodes.length > 5 ? ` and ${violation.nodes.length - 5} more` : ''}`,
      ),
      undecidedContrast: results.incomplete
        .filter((result) => result.id === 'color-contrast')
        .flatMap((result) => result.nodes.map((node) => `${node.target.join(' ')}: ${node.any[0]?.message ?? ''}`)),
      background: getComputedStyle(document.body).backgroundColor,
    };
  }, WCAG_TAGS);
}

const BACKGROUNDS = { light: 'rgb(253, 253, 252)', dark: 'rgb(20, 23, 27)' } as const;

const cases = () => {
  requireHarness();
  const { result, idsByTopic, topicNames } = expectedDigest();
  const types = pageTypes({ papers: result.papers, idsByTopic, topicNames }).map((type) => ({
    ...type,
    search: null as string | null,
  }));
  types.push({ ...types.find((type) => type.path === '/search/')!, name: 'search with results shown', search: 'LoRA' });
  return THEMES.flatMap((theme) => types.map((type) => ({ ...type, theme })));
};

describe('axe-core: no WCAG A/AA violations', () => {
  test.each(cases())('$name, $theme theme ($path)', async (type) => {
    const context = await shared.browser.newContext({ bypassCSP: true, colorScheme: type.theme });
    try {
      const page = await context.newPage();
      await page.emulateMedia({ colorScheme: type.theme });
      const address = type.search
        ? url(`/search/?q=${encodeURIComponent(type.search)}`)
        : pageTypeUrl(inject('baseUrl'), type);
      await page.goto(address, { waitUntil: 'networkidle' });
      expect((await page.textContent('h1'))?.trim()).toBe(type.h1);
      if (type.search) {
        const outcome = await searchOutcome(page, [['q', type.search]]);
        expect(outcome.results.length).toBe(10);
        // Matches are highlighted with <mark>, whose colours axe checks too.
        expect(await page.locator('#search-results mark').count()).toBeGreaterThan(0);
      }
      const outcome = await runAxe(page);
      expect(outcome.background).toBe(BACKGROUNDS[type.theme]);
      expect(outcome.violations).toEqual([]);
      expect(outcome.undecidedContrast).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('axe reports a violation when there is one (the check can fail)', async () => {
    const context = await shared.browser.newContext({ bypassCSP: true });
    try {
      const page = await context.newPage();
      await page.goto(url('/about/'), { waitUntil: 'networkidle' });
      await page.evaluate(() => {
        const image = document.createElement('img');
        image.src = '/favicon.svg';
        document.querySelector('main')!.append(image);
        const faint = document.createElement('p');
        faint.textContent = 'Pale grey text on the pale background.';
        faint.style.color = '#dddddd';
        document.querySelector('main')!.append(faint);
      });
      const outcome = await runAxe(page);
      expect(outcome.violations.map((violation) => violation.split(' ')[0])).toEqual(
        expect.arrayContaining(['image-alt', 'color-contrast']),
      );
    } finally {
      await context.close();
    }
  });
});

describe('keyboard alone', () => {
  test('from the home page: Tab to the header search box, type, Enter; Tab through the filters (Space ticks one) and the results; Enter opens the paper; focus visible throughout', async () => {
    const context = await shared.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(url('/'), { waitUntil: 'networkidle' });
      const invisible: string[] = [];
      const tabTo = async (
        done: (state: NonNullable<Awaited<ReturnType<typeof focusState>>>) => boolean,
        limit: number,
      ) => {
        const visited: NonNullable<Awaited<ReturnType<typeof focusState>>>[] = [];
        for (let presses = 0; presses < limit; presses++) {
          await page.keyboard.press('Tab');
          const state = await focusState(page);
          if (!state) continue;
          visited.push(state);
          if (!state.outlineVisible || !state.focusVisible || !state.onScreen)
            invisible.push(
              `${page.url()}: ${state.tag}#${state.id} "${state.text}" (outline ${state.outline}, :focus-visible ${state.focusVisible}, on screen ${state.onScreen})`,
            );
          if (done(state)) return visited;
        }
        throw new Error(
          `not reached after ${limit} presses of Tab; focus went through ${visited.map((state) => `${state.tag}#${state.id}${state.name ? `[${state.name}]` : ''}`).join(', ')}`,
        );
      };

      // Home: skip link, site name, navigation, then the header search box.
      const toSearchBox = await tabTo((state) => state.id === 'site-search-input', 12);
      expect(toSearchBox[0]!.text).toBe('Skip to content');
      await page.keyboard.type('LoRA');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/search\/\?q=LoRA$/);
      const first = await searchOutcome(page, [['q', 'LoRA']]);
      expect(first.results.length).toBe(10);

      // The search page: through the form to the topic filters; Space ticks the first topic.
      const toTopic = await tabTo((state) => state.name === 'topic', 20);
      expect(toTopic.map((state) => state.id)).toEqual(expect.arrayContaining(['search-query', 'search-sort']));
      const topic = toTopic.at(-1)!.value!;
      await page.keyboard.press('Space');
      const filtered = await searchOutcome(page, [
        ['q', 'LoRA'],
        ['topic', topic],
      ]);
      expect(filtered.count).toBeGreaterThan(0);
      expect(filtered.count).toBeLessThanOrEqual(first.count);
      expect(filtered.results.every((result) => result.meta.includes(topic))).toBe(true);

      // On through the other filters to the first result, and open it with Enter.
      const toResult = await tabTo((state) => state.inResults && state.tag === 'a', 20);
      const passed = toResult.map((state) => state.id || state.name);
      expect(passed).toEqual(expect.arrayContaining(['filter-year', 'filter-organization']));
      expect(toResult.filter((state) => state.name === 'topic').length).toBe(expectedDigest().topicNames.size - 1);
      const result = toResult.at(-1)!;
      expect(paperIdFromUrl(result.href!)).toBe(filtered.results[0]!.id);
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/papers\/[^/]+\/$/);
      expect(paperIdFromUrl(page.url())).toBe(filtered.results[0]!.id);
      expect((await page.textContent('h1'))?.trim()).toBe(filtered.results[0]!.title);

      expect(invisible).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
