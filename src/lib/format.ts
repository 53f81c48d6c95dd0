/** Display helpers shared by the pages. */
import { MONTH_ABBREVIATIONS } from '../ingest/dates.ts';

/** `2025-09-30` → `30 Sep 2025`. */
export function formatDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTH_ABBREVIATIONS[Number(month) - 1] ?? month} ${year}`;
}

/**
 * `text` cut to `keep` code points and an ellipsis when it has more than `limit`, else whole: by
 * code points, so that a mathematical letter (𝒪, two UTF-16 units) is never split. The same as
 * spreading the text into an array of code points, without the array (a page's description).
 */
export function cutByCodePoints(text: string, limit: number, keep: number): string {
  let points = 0;
  let cut = text.length;
  for (let index = 0; index < text.length; index++) {
    const unit = text.charCodeAt(index);
    // A high surrogate followed by a low one is one code point; a lone surrogate is one by itself.
    if (unit >= 0xd800 && unit <= 0xdbff && index + 1 < text.length) {
      const next = text.charCodeAt(index + 1);
      if (next >= 0xdc00 && next <= 0xdfff) index++;
    }
    points++;
    if (points === keep) cut = index + 1;
    if (points > limit) return `${text.slice(0, cut)}…`;
  }
  return text;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

export const paperUrl = (id: string) => `/papers/${id}/`;
export const topicUrl = (id: string) => `/topics/${id}/`;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

/** Paper cards per page of a topic's lists (newest first, most upvoted). */
export const PAPERS_PER_PAGE = 50;
