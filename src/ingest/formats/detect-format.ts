/** Recognises a dump's layout from its content; the file name says nothing about it. */
import type { DumpFormat } from '../types.ts';
import { isPageHeaderLine, type PageHeader } from './page-header.ts';
import { METADATA_SEPARATOR } from './listing-units.ts';
import { looksLikeAbstract } from './text-shape.ts';

export const ABSTRACT_LINE_PREFIX = /^Abstract:\s*/i;

export type FormatVerdict = { format: DumpFormat } | { format: null; reason: string };

export function detectDumpFormat(lines: readonly string[], header: PageHeader): FormatVerdict {
  const body = lines.slice(header.bodyStart).map((line) => line.trim());
  const content = body.filter((line) => line !== '' && !isPageHeaderLine(line));
  if (content.length === 0) {
    const blank = lines.every((line) => line.trim() === '');
    return { format: null, reason: blank ? 'it is empty' : 'it holds only page header lines, no papers' };
  }
  const markup = looksLikeMarkupOrTable(content);
  if (markup) return { format: null, reason: markup };

  const abstractLines = content.filter((line) => ABSTRACT_LINE_PREFIX.test(line)).length;
  if (abstractLines / content.length >= 0.5) return { format: 'abstract-lines' };
  if (!content.some(looksLikeAbstract)) {
    return { format: null, reason: 'no line reads like an abstract, so it is no known dump format' };
  }
  if (content.includes(METADATA_SEPARATOR)) return { format: 'daily-page-metadata' };
  if (header.gluedFirstLine !== null) return { format: 'line-pairs' };
  const followedByBlank = body.filter((line, index) => line !== '' && body[index + 1] === '').length;
  return { format: followedByBlank / content.length >= 0.5 ? 'daily-page' : 'line-pairs' };
}

/** HTML pages, JSON and CSV/TSV exports are not listings, even when their cells hold abstracts. */
function looksLikeMarkupOrTable(content: readonly string[]): string | null {
  const first = content[0] ?? '';
  // Browsers put `<!-- saved from url=… -->` before the doctype of a saved page.
  if (/^<(!doctype|!--|html|\?xml)/i.test(first)) return 'it is an HTML/XML document, not a text dump';
  // JSON (pretty-printed, one line, or one object per line): every line opens or closes a value or holds a key.
  if (/^[[{]/.test(first) && content.filter((line) => /^[[\]{}"]/.test(line)).length / content.length >= 0.8) {
    return 'it is JSON data, not a text dump';
  }
  const tagLines = content.filter((line) => /^<\/?[a-z][\w-]*[\s>]/i.test(line)).length;
  if (tagLines / content.length >= 0.5) return 'most lines are markup tags; it looks like HTML, not a text dump';
  // A header row: three or more plain cells, or two or more bare column names (`title,abstract`).
  // Exports write no space after the delimiter; a title such as `Sparse, Dense, and Mixed Experts`
  // has one after each comma, so it is no header (and a one-paper dump is no table).
  const headerRow = /^[\w"][\w "]*([,;\t][\w"][\w "]*){2,}$/.test(first) || /^"?\w+"?([,;\t]"?\w+"?)+$/.test(first);
  if (headerRow && content.length > 1) {
    const delimiter = /\t/.test(first) ? '\t' : /;/.test(first) ? ';' : ',';
    const cells = first.split(delimiter).length;
    const rows = content.filter((line) => line.split(delimiter).length >= cells).length;
    if (rows / content.length >= 0.8) return 'it is a table (CSV/TSV), not a text dump';
  }
  return null;
}
