/**
 * What a researcher reads, on the built seed site: every paper page's find-it links, BibTeX entry
 * (read back by a real BibTeX parser), related papers and known facts; the topic pages' previews,
 * themes, chart and organisations; the organisation pages; "Liquid AI" in search.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { allMatches, expectedDigest, url } from './helpers.ts';
import { launchBrowser } from '../../scripts/lib/launch-browser.ts';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser?.close();
});

interface PaperPageView {
  id: string;
  findLinks: { label: string; href: string }[];
  bibtex: string;
  related: string[];
  relatedHaveTerms: boolean;
  text: string;
  provenanceLast: boolean;
  provenanceOpen: boolean | null;
  organisationHref: string | null;
}

/** Every paper page, fetched and parsed inside the browser. */
async function paperPages(ids: string[]): Promise<PaperPageView[]> {
  await page.goto(url('/about/'));
  return page.evaluate(async (ids) => {
    const parser = new DOMParser();
    return Promise.all(
      ids.map(async (id) => {
        const html = parser.parseFromString(await (await fetch(`/papers/${id}/`)).text(), 'text/html');
        const article = html.querySelector('article')!;
        const details = html.querySelector('details.provenance');
        return {
          id,
          findLinks: [...html.querySelectorAll('a[data-find-link]')].map((link) => ({
            label: link.getAttribute('data-find-link')!,
            href: link.getAttribute('href')!,
          })),
          bibtex: html.querySelector('#bibtex-entry')?.textContent ?? '',
          related: [...html.querySelectorAll('[data-related-id]')].map((item) => item.getAttribute('data-related-id')!),
          relatedHaveTerms: [...html.querySelectorAll('[data-related-id]')].every(
            (item) => item.querySelectorAll('q').length > 0,
          ),
          // The facts about the paper: the line under the title and the list of its topics.
          text: [...html.querySelectorAll('.paper-facts, dl.facts')].map((element) => element.textContent).join(' | '),
          provenanceLast:
            details !== null && details.parentElement?.lastElementChild === details && article.contains(details),
          provenanceOpen: details ? details.hasAttribute('open') : null,
          organisationHref:
            html.querySelector('.paper-facts a[data-pagefind-filter="organization"]')?.getAttribute('href') ?? null,
        };
      }),
    );
  }, ids);
}

describe('paper pages', () => {
  let views: PaperPageView[];
  beforeAll(async () => {
    views = await paperPages(expectedDigest().result.papers.map((paper) => paper.id));
  });

  test('every paper page links to four title searches, each with the exact title encoded', () => {
    const { byId } = expectedDigest();
    for (const view of views) {
      const title = byId.get(view.id)!.title;
      expect(
        view.findLinks.map((link) => link.label),
        view.id,
      ).toEqual(['arXiv', 'Hugging Face Papers', 'Semantic Scholar', 'Google Scholar']);
      for (const link of view.findLinks) {
        const params = new URL(link.href).searchParams;
        expect((params.get('query') ?? params.get('q'))?.replace(/^"|"$/g, ''), `${view.id} ${link.label}`).toBe(title);
      }
    }
  });

  test("every paper page's BibTeX entry is read back by a BibTeX parser with the title and, when known, the year; papers.bib holds the same entries", async () => {
    const { byId } = expectedDigest();
    const plain = (text: string) =>
      text
        .normalize('NFKD')
        .replace(/…/g, '...')
        .replace(/[^\p{L}\p{N}]+/gu, '')
        .toLowerCase();
    const keys = new Set<string>();
    for (const view of views) {
      const paper = byId.get(view.id)!;
      const [entry] = new Cite(view.bibtex).data as {
        'citation-key': string;
        title: string;
        issued?: { 'date-parts': number[][] };
        author?: unknown;
      }[];
      expect(plain(entry!.title), view.id).toBe(plain(paper.title));
      expect(entry!.issued?.['date-parts'][0]![0] ?? null, view.id).toBe(
        paper.published ? Number(paper.published.slice(0, 4)) : null,
      );
      expect(entry!.author, view.id).toBeUndefined();
      keys.add(entry!['citation-key']);
    }
    expect(keys.size).toBe(views.length);
    const bib = await (await fetch(url('/papers.bib'))).text();
    for (const view of views) expect(bib, view.id).toContain(view.bibtex.trim());
  });

  test('every paper page lists five related papers, with the terms they share, never itself', () => {
    for (const view of views) {
      expect(view.related, view.id).toHaveLength(5);
      expect(view.related, view.id).not.toContain(view.id);
      expect(view.relatedHaveTerms, view.id).toBe(true);
    }
  });

  test('no paper page states a fact as "unknown"; the provenance is a collapsed section at the end; the organisation links to its page', () => {
    const { byId } = expectedDigest();
    for (const view of views) {
      expect(view.text, view.id).not.toMatch(/\bunknown\b/i);
      expect(view.provenanceLast, view.id).toBe(true);
      expect(view.provenanceOpen, view.id).toBe(false);
      const organisation = byId.get(view.id)!.organization;
      expect(view.organisationHref, view.id).toEqual(
        organisation ? expect.stringMatching(/^\/orgs\/[a-z0-9-]+\/$/) : null,
      );
    }
    const s2ft = views.find((view) => view.id === 's2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by')!;
    expect(s2ft.text).toContain('8 authors');
    expect(s2ft.text).not.toContain('Authors');
  });

  test('the Copy button appears with JavaScript and copies the entry; without JavaScript the entry is there and the button is not', async () => {
    const id = 's2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by';
    const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'] });
    try {
      const withScript = await context.newPage();
      await withScript.goto(url(`/papers/${id}/`));
      await withScript.click('button.copy-button');
      await withScript.waitForFunction(() => document.querySelector('.copy-status')?.textContent === 'Copied.');
      expect(await withScript.evaluate(() => navigator.clipboard.readText())).toBe(
        await withScript.textContent('#bibtex-entry'),
      );
    } finally {
      await context.close();
    }
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plainPage = await noScript.newPage();
      await plainPage.goto(url(`/papers/${id}/`));
      expect(await plainPage.isVisible('button.copy-button')).toBe(false);
      expect(await plainPage.textContent('#bibtex-entry')).toMatch(/^@misc\{s2ft2024,/);
    } finally {
      await noScript.close();
    }
  });
});

describe('topic pages', () => {
  test.each(['peft', 'alignment', 'moe', 'multimodal', 'other'])(
    '/topics/%s/ shows previews, themes whose links list their papers, the chart, organisations and its feed',
    async (topic) => {
      const { idsByTopic } = expectedDigest();
      await page.goto(url(`/topics/${topic}/`));
      const previews = await page.$$eval('article.paper-card', (cards) =>
        cards.map((card) => card.querySelector('.paper-preview')?.textContent?.trim() ?? ''),
      );
      expect(previews.filter((preview) => preview.length >= 20)).toHaveLength(previews.length);
      const themes = await page.$$eval('[data-themes] a', (links) =>
        links.map((link) => ({
          label: link.textContent!,
          href: link.getAttribute('href')!,
          count: Number(link.nextElementSibling?.textContent),
        })),
      );
      expect(themes.length).toBeGreaterThanOrEqual(8);
      expect(themes.length).toBeLessThanOrEqual(15);
      expect(await page.$$eval('[data-month-chart] svg rect', (bars) => bars.length)).toBeGreaterThan(0);
      expect(await page.textContent('[data-month-chart] svg desc')).toMatch(/\w{3} \d{4}: \d+/);
      expect(await page.getAttribute('[data-topic-feed]', 'href')).toBe(`/topics/${topic}/feed.xml`);
      expect(await page.textContent('#orgs-heading')).toBe('Top organisations');
      for (const theme of themes.slice(0, 3)) {
        const response = await page.goto(url(theme.href));
        expect(response?.status(), theme.href).toBe(200);
        const ids = await page.$$eval('article.paper-card[data-paper-id]', (cards) =>
          cards.map((card) => card.getAttribute('data-paper-id')!),
        );
        expect(ids, theme.href).toHaveLength(theme.count);
        for (const id of ids) expect(idsByTopic.get(topic)!.has(id), `${theme.href}: ${id}`).toBe(true);
        await page.goBack();
      }
    },
  );

  test('the most-upvoted order lists the known counts high to low, unknown last', async () => {
    const { byId } = expectedDigest();
    await page.goto(url('/topics/multimodal/'));
    await page.click('text=Most upvoted');
    expect(new URL(page.url()).pathname).toBe('/topics/multimodal/upvoted/');
    const ids = await page.$$eval('article.paper-card[data-paper-id]', (cards) =>
      cards.map((card) => card.getAttribute('data-paper-id')!),
    );
    const counts = ids.map((id) => byId.get(id)!.upvotes);
    const known = counts.filter((count) => count !== null) as number[];
    expect(known.length).toBeGreaterThan(0);
    expect(counts.slice(0, known.length)).toEqual(known);
    expect(known).toEqual([...known].sort((a, b) => b - a));
  });

  test('on a wide screen the side column stands beside the list', async () => {
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    try {
      await wide.goto(url('/topics/alignment/'));
      const list = (await wide.locator('.topic-main').boundingBox())!;
      const side = (await wide.locator('.topic-side').boundingBox())!;
      expect(side.x).toBeGreaterThan(list.x + list.width - 1);
      expect(side.y).toBeLessThan(list.y + 200);
    } finally {
      await wide.close();
    }
  });
});

describe('organisations', () => {
  test('every organisation of dump 004 has a page listing its papers, and the index lists them all with counts', async () => {
    const { result } = expectedDigest();
    const byOrganisation = new Map<string, string[]>();
    for (const paper of result.papers)
      if (paper.organization)
        byOrganisation.set(paper.organization, [...(byOrganisation.get(paper.organization) ?? []), paper.id]);
    expect([...byOrganisation.keys()].sort()).toEqual(['CodeFuse AI', 'Liquid AI', 'TongyiLab', 'UCAS']);
    await page.goto(url('/orgs/'));
    const listed = await page.$$eval('.org-list a', (links) =>
      links.map((link) => ({ name: link.textContent!, href: link.getAttribute('href')! })),
    );
    expect(listed.map((entry) => entry.name).sort()).toEqual([...byOrganisation.keys()].sort());
    for (const { name, href } of listed) {
      expect((await page.goto(url(href)))?.status()).toBe(200);
      expect(await page.textContent('h1')).toBe(name);
      const ids = await page.$$eval('article.paper-card[data-paper-id]', (cards) =>
        cards.map((card) => card.getAttribute('data-paper-id')!),
      );
      expect(ids.sort()).toEqual(byOrganisation.get(name)!.sort());
    }
  });

  test('searching "Liquid AI" finds LFM2', async () => {
    const lfm2 = expectedDigest().result.papers.find((paper) => paper.title.startsWith('LFM2'))!;
    await page.goto(url('/search/'));
    const ids = await allMatches(page, 'Liquid AI');
    expect(ids).toContain(lfm2.id);
  });
});
