/** Display helpers shared by the pages. */
import { MONTH_ABBREVIATIONS } from '../ingest/dates.ts';

/** `2025-09-30` → `30 Sep 2025`. */
export function formatDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTH_ABBREVIATIONS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * A paper page's meta description: its abstract, cut to 157 code points and an ellipsis when it
 * has more than 160, by code points (as a string's iterator counts them, a lone surrogate as one)
 * so that a mathematical letter (𝒪, two UTF-16 units) is never split.
 */
export function paperDescription(abstract: string): string {
  let points = 0;
  let end = 0;
  let cut = abstract.length;
  for (const point of abstract) {
    end += point.length;
    points++;
    if (points === 157) cut = end;
    if (points > 160) return `${abstract.slice(0, cut)}…`;
  }
  return abstract;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

export const SITE_NAME = 'Research Digest';

/** What a page titled `title` has in its `<title>` (src/layouts/BaseLayout.astro). */
export const pageTitle = (title: string): string => (title === SITE_NAME ? title : `${title} · ${SITE_NAME}`);

export const paperUrl = (id: string) => `/papers/${id}/`;
export const topicUrl = (id: string) => `/topics/${id}/`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

/** Paper cards per page of a topic's lists (newest first, most upvoted). */
export const PAPERS_PER_PAGE = 50;
