/**
 * Markup as Astro's templates write it, for the pages made as one string (paper cards, the paper
 * page's body): the pages stay byte for byte what the components rendered.
 */
import { escapeHtml } from './format.ts';

/** ` name="value"` as Astro writes an attribute: only `&` and `"` escaped; an empty value as the bare name. */
export function attribute(name: string, value: string): string {
  return value === '' ? ` ${name}` : ` ${name}="${value.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`;
}

/**
 * `{value}` in a template: a string escaped (& < > " '), a number as it is, and null (or an empty
 * string, or NaN) as nothing.
 */
export function text(value: string | number | null | undefined): string {
  if (typeof value === 'number') return Number.isNaN(value) ? '' : String(value);
  return value ? escapeHtml(value) : '';
}
