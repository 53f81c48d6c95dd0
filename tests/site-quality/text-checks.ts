/** Text checks shared by the glued-words and hostile-input tests: page text and index text against the records. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { PaperRecord } from '../../src/ingest/index.ts';
import type { PagefindFragment } from './helpers.ts';
import { textOfHtml } from '../browser/helpers.ts';

/** Where two texts part: the expected words around the first difference and what stands there instead. */
export function firstDifference(expected: string, actual: string): string | null {
  if (expected === actual) return null;
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at++;
  return `expected …${JSON.stringify(expected.slice(Math.max(0, at - 30), at + 30))}… but found …${JSON.stringify(actual.slice(Math.max(0, at - 30), at + 30))}…`;
}

/**
 * The text of a paper page's title, "also listed as" line and abstract, as the browser reads them,
 * and the page's whole text as one stream of words (what copying, reader modes and simple indexers
 * see: there, markup that drops the space between elements glues the title's first and last word
 * to the text around it).
 */
async function paperPageTexts(page: Page, dist: string, papers: readonly PaperRecord[]) {
  const texts: { id: string; h1: string[]; aliases: string | null; abstract: string[]; pageText: string }[] = [];
  for (let start = 0; start < papers.length; start += 40) {
    const batch = papers
      .slice(start, start + 40)
      .map((paper) => ({ id: paper.id, html: readFileSync(join(dist, 'papers', paper.id, 'index.html'), 'utf8') }));
    texts.push(
      ...(await page.evaluate((documents) => {
        const parser = new DOMParser();
        return documents.map(({ id, html }) => {
          const doc = parser.parseFromString(html, 'text/html');
          const aliases = [...doc.querySelectorAll('main p')].find((p) => p.textContent?.startsWith('Also listed as:'));
          return {
            id,
            h1: [...doc.querySelectorAll('h1')].map((h1) => h1.textContent ?? ''),
            aliases: aliases?.textContent ?? null,
            abstract: [...doc.querySelectorAll('.abstract')].map((abstract) => abstract.textContent ?? ''),
            pageText: (() => {
              for (const element of doc.querySelectorAll('script, style, template')) element.remove();
              return ` ${(doc.body.textContent ?? '').split(/\s+/).filter(Boolean).join(' ')} `;
            })(),
          };
        });
      }, batch)),
    );
  }
  return texts;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Problems with the page texts of `papers`: every word of the title and abstract spaced as in the record. */
export async function gluedOnPages(page: Page, dist: string, papers: readonly PaperRecord[]): Promise<string[]> {
  const byId = new Map(papers.map((paper) => [paper.id, paper]));
  const problems: string[] = [];
  for (const text of await paperPageTexts(page, dist, papers)) {
    const paper = byId.get(text.id)!;
    const title = textOfHtml(paper.titleHtml);
    const abstract = textOfHtml(paper.abstractHtml);
    if (text.h1.length !== 1) problems.push(`${paper.id}: ${text.h1.length} h1 elements`);
    else if (text.h1[0] !== title) problems.push(`${paper.id}: title ${firstDifference(title, text.h1[0]!)}`);
    if (text.abstract.length !== 1) problems.push(`${paper.id}: ${text.abstract.length} .abstract elements`);
    else if (text.abstract[0] !== abstract)
      problems.push(`${paper.id}: abstract ${firstDifference(abstract, text.abstract[0]!)}`);
    const aliases = paper.aliases.length > 0 ? `Also listed as: ${paper.aliases.join('; ')}` : null;
    if (text.aliases !== aliases)
      problems.push(`${paper.id}: "also listed as" ${firstDifference(aliases ?? '(none)', text.aliases ?? '(none)')}`);
    for (const [field, value] of [
      ['title', title],
      ['abstract', abstract],
    ] as const) {
      if (text.pageText.includes(` ${value} `)) continue;
      const first = value.split(' ')[0]!;
      const last = value.split(' ').at(-1)!;
      const glued = [
        ...text.pageText.matchAll(new RegExp(`\\S*(?:\\S${escapeRegExp(first)}|${escapeRegExp(last)}\\S)\\S*`, 'g')),
      ]
        .map((match) => match[0])
        .slice(0, 3);
      problems.push(
        `${paper.id}: the page's text does not hold the ${field} as separate words${glued.length ? `; glued: ${glued.join(', ')}` : ''}`,
      );
    }
  }
  return problems;
}

/** Problems with the search index of `papers`: one fragment each, holding its title and abstract verbatim. */
export function gluedInIndex(fragments: readonly PagefindFragment[], papers: readonly PaperRecord[]): string[] {
  const byUrl = new Map<string, PagefindFragment[]>();
  for (const fragment of fragments) byUrl.set(fragment.url, [...(byUrl.get(fragment.url) ?? []), fragment]);
  const problems: string[] = [];
  for (const paper of papers) {
    const found = byUrl.get(`/papers/${paper.id}/`) ?? [];
    if (found.length !== 1) {
      problems.push(`${paper.id}: ${found.length} index fragments`);
      continue;
    }
    const { content, meta } = found[0]!;
    if (meta.title !== paper.title)
      problems.push(`${paper.id}: indexed title ${firstDifference(paper.title, meta.title ?? '')}`);
    // The words of the title, each alias and the abstract, in order and single-spaced.
    for (const [field, text] of [
      ['title', paper.title],
      ...paper.aliases.map((alias) => ['alias', alias]),
      ['abstract', paper.abstract],
    ] as const) {
      if (content.includes(text)) continue;
      const words = text.split(' ');
      let matched = 0;
      while (matched < words.length && content.includes(words.slice(0, matched + 1).join(' '))) matched++;
      problems.push(
        `${paper.id}: the indexed content lacks the ${field} as written; it breaks off after ${JSON.stringify(words.slice(Math.max(0, matched - 4), matched).join(' '))}, then ${JSON.stringify(words.slice(matched, matched + 3).join(' '))}`,
      );
    }
  }
  return problems;
}
