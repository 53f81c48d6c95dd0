import { findUrlSpans } from '../ingest/extract-links.ts';

/** Display helpers shared by the pages. */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** `2025-09-30` → `30 Sep 2025`. */
export function formatDate(iso: string | null): string | null {
  if (iso === null) return null;
  const [year, month, day] = iso.split('-');
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? singular : pluralForm}`;
}

export const paperUrl = (id: string) => `/papers/${id}/`;
export const topicUrl = (id: string) => `/topics/${id}/`;

export const FORMAT_NAMES: Record<string, string> = {
  'abstract-lines': 'Abstract lines',
  'daily-page': 'Daily page',
  'line-pairs': 'Line pairs',
  'daily-page-metadata': 'Daily page with metadata',
};

/** Splits text into plain runs and http(s) links, for rendering links without trusting markup. */
export function linkify(text: string): { text: string; href: string | null }[] {
  const parts: { text: string; href: string | null }[] = [];
  let last = 0;
  for (const { url, start } of findUrlSpans(text)) {
    if (start > last) parts.push({ text: text.slice(last, start), href: null });
    parts.push({ text: url, href: url });
    last = start + url.length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), href: null });
  return parts;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);

/**
 * The abstract as the page shows it: the record's `abstractHtml` once the text pipeline marks it up
 * (links, MathML); while that field is still escaped plain text, the same text with its URLs linked.
 * The paper page and its search record (src/lib/search-record.ts) both use this.
 */
export function abstractHtml(paper: { abstract: string; abstractHtml: string }): string {
  if (/<[a-z]/i.test(paper.abstractHtml)) return paper.abstractHtml;
  return linkify(paper.abstract)
    .map((part) => (part.href ? `<a href="${escapeHtml(part.href)}" rel="noopener noreferrer">${escapeHtml(part.text)}</a>` : escapeHtml(part.text)))
    .join('');
}
