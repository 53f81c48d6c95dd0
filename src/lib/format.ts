/** Display helpers shared by the pages. */
import { MONTH_ABBREVIATIONS } from '../ingest/dates.ts';

/** `2025-09-30` → `30 Sep 2025`. */
export function formatDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTH_ABBREVIATIONS[Number(month) - 1] ?? month} ${year}`;
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
