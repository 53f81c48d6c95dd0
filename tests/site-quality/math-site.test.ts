/**
 * Abstracts and titles with TeX math (tests/fixtures/math: real-style formulas, money, a formula
 * that does not parse) built beside the seeds in an isolated copy of the project: the pages carry
 * MathML, no `$` is left where a formula was, the broken formula is shown as written and noted in
 * the build log, search finds the typed form of a title with math, and the pages stay valid HTML
 * with no CSP violation, no axe violation in either theme and within the paper page's weight.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { searchOutcome } from '../browser/helpers.ts';
import { cspViolations, recordCspViolations, validateHtml } from './helpers.ts';
import { PROJECT_ROOT, useIsolatedSite } from './isolated-build.ts';

const FIXTURE = join(PROJECT_ROOT, 'tests/fixtures/math/900_math-daily-page.txt');
const AXE_SOURCE = readFileSync(join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

/**
 * The fixture's papers, with what a reader must see, counted by hand from the fixture: formulas
 * (each `$…$` pair the fixture writes as math) and the `$` signs that must stay (money and the
 * one formula that does not parse).
 */
const MATH_PAPERS = [
  {
    id: 'r3-lora-rank-revealing-low-rank-adaptation-with-o-r-overhead',
    titleText: 'R³-LoRA: Rank-Revealing Low-Rank Adaptation with O(r) Overhead',
    titleFormulas: 2,
    abstractFormulas: 11,
    dollarsLeft: 0,
  },
  {
    id: 'scaling-sparse-experts-to-1012-parameters-with-k-sparse-routing',
    titleText: 'Scaling Sparse Experts to 10¹² Parameters with k-Sparse Routing',
    titleFormulas: 2,
    abstractFormulas: 12,
    dollarsLeft: 3,
  },
  {
    id: 'reward-margins-when-does-preference-optimization-help',
    titleText: 'Reward Margins – When Does Preference Optimization Help?',
    titleFormulas: 1,
    abstractFormulas: 7,
    dollarsLeft: 2,
  },
  {
    id: 'vision-tokens-at-1-4-the-cost-pruning-for-multimodal-llms',
    titleText: 'Vision Tokens at 1/4 the Cost: Pruning for Multimodal LLMs',
    titleFormulas: 1,
    abstractFormulas: 6,
    dollarsLeft: 0,
  },
];

const site = useIsolatedSite('math', [FIXTURE]);
const pageFile = (id: string) => join(site.build.dist, 'papers', id, 'index.html');

describe('math in titles and abstracts', () => {
  test.each(MATH_PAPERS)('$id: MathML for every formula, plain text in <title>', (paper) => {
    const html = readFileSync(pageFile(paper.id), 'utf8');
    const h1 = /<h1[^>]*>(.*?)<\/h1>/s.exec(html)?.[1] ?? '';
    expect(h1.match(/<math>/g) ?? []).toHaveLength(paper.titleFormulas);
    const abstract = /<p class="abstract"[^>]*>(.*?)<\/p>/s.exec(html)?.[1] ?? '';
    expect(abstract.match(/<math>/g) ?? []).toHaveLength(paper.abstractFormulas);
    expect(/<title>(.*?)<\/title>/s.exec(html)?.[1]).toContain(paper.titleText);
  });

  test('no $ is left where a formula was; money and the formula that does not parse keep theirs', async () => {
    const context = await site.browser.newContext();
    const page = await context.newPage();
    try {
      for (const paper of MATH_PAPERS) {
        await page.goto(`${site.server.url}/papers/${paper.id}/`);
        const text = `${await page.locator('h1').innerText()} ${await page.locator('.abstract').innerText()}`;
        expect(text.split('$').length - 1, paper.id).toBe(paper.dollarsLeft);
      }
      await page.goto(`${site.server.url}/papers/reward-margins-when-does-preference-optimization-help/`);
      expect(await page.locator('.abstract').innerText()).toContain(
        'a formula we cannot typeset, $\\frac{a}$, is kept as its source',
      );
      await page.goto(`${site.server.url}/papers/scaling-sparse-experts-to-1012-parameters-with-k-sparse-routing/`);
      expect(await page.locator('.abstract').innerText()).toContain(
        'about $5 per GPU hour, or between $2 and $3 on spot instances',
      );
    } finally {
      await context.close();
    }
  });

  test('the build log notes the formula that does not parse, with file and line, as a note and not a warning', () => {
    const notes = site.build.log.split('\n').filter((line) => line.includes('does not parse'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(
      /note: 900_math-daily-page\.txt:21: formula shown as written, it does not parse: \$\\frac\{a\}\$/,
    );
    expect(notes[0]).not.toMatch(/WARN/);
  });

  test('search finds a title with math by its typed and its Unicode form', async () => {
    const page = await site.browser.newPage();
    try {
      for (const query of ['R3-LoRA', 'R³-LoRA']) {
        await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(query)}`);
        const outcome = await searchOutcome(page, [['q', query]]);
        expect(outcome.results[0]?.id, query).toBe('r3-lora-rank-revealing-low-rank-adaptation-with-o-r-overhead');
        expect(outcome.results[0]?.title).toBe('R³-LoRA: Rank-Revealing Low-Rank Adaptation with O(r) Overhead');
      }
    } finally {
      await page.close();
    }
  });
});

describe('pages with math stay within the site rules', () => {
  test('Nu HTML checker: no error on the math pages and the topic pages listing them', async () => {
    const files = [
      ...MATH_PAPERS.map((paper) => pageFile(paper.id)),
      ...['peft', 'alignment', 'moe', 'multimodal'].map((topic) =>
        join(site.build.dist, 'topics', topic, 'index.html'),
      ),
    ];
    expect(await validateHtml(files)).toEqual([]);
  }, 120_000);

  test('no CSP violation and no console error on the math pages', async () => {
    const context = await site.browser.newContext();
    const consoleMessages = await recordCspViolations(context);
    const errors: string[] = [];
    context.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const page = await context.newPage();
    try {
      for (const paper of MATH_PAPERS) {
        await page.goto(`${site.server.url}/papers/${paper.id}/`);
        expect(await cspViolations(page), paper.id).toEqual([]);
      }
      expect(consoleMessages).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test.each(['light', 'dark'] as const)('axe: no WCAG A/AA violation on a math page, %s theme', async (theme) => {
    const context = await site.browser.newContext({ bypassCSP: true, colorScheme: theme });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}/papers/${MATH_PAPERS[1]!.id}/`);
      await page.addScriptTag({ content: AXE_SOURCE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: (
                context: Document,
                options: unknown,
              ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
            };
          }
        ).axe;
        const results = await axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
        });
        return results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
      });
      expect(violations).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a math page weighs at most 14 KB over the wire (gzip)', () => {
    for (const paper of MATH_PAPERS)
      expect(gzipSync(readFileSync(pageFile(paper.id))).length, paper.id).toBeLessThanOrEqual(14 * 1024);
  });
});
