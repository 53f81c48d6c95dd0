/**
 * BibTeX for a paper: one `@misc` entry with what the dumps tell (title, year and month when a
 * date is known, where and when it was listed) and nothing they do not (no authors, no venue).
 *
 * The entry is written by Citation.js (@citation-js/core with @citation-js/plugin-bibtex): a
 * maintained library that escapes LaTeX specials and non-ASCII text for BibTeX and wraps every
 * capitalised word ("{LoRA}", "{Scalable}") in braces, so that styles that lower-case titles keep
 * the title's casing; its parser reads the entries back in the tests.
 */
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { PaperRecord } from '../ingest/index.ts';
import { formatDate } from './format.ts';
import { tokenize } from './text-terms.ts';

/** Words that make a poor citation key: "a", "the"… */
const LEADING_FILLER = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'towards',
  'toward',
  'to',
  'for',
  'is',
  'are',
  'do',
  'does',
  'can',
  'how',
  'what',
  'when',
  'why',
  'beyond',
]);

/** `lora2024`: the first telling word of the title (ASCII letters and digits) and the year. */
export function citationKeyBase(title: string, year: string | null): string {
  const words = tokenize(title.normalize('NFKD').replace(/\p{M}+/gu, ''))
    .map((token) => token.word.replace(/[^a-z0-9]/g, ''))
    .filter((word) => word.length > 0);
  const word = words.find((candidate) => !LEADING_FILLER.has(candidate)) ?? words[0] ?? 'paper';
  return `${word.slice(0, 24)}${year ?? ''}`;
}

/**
 * A key for every paper, unique: where two papers would share one, the one listed later gets
 * `b`, `c`… so that a key, once given, never changes when papers arrive. `papers` in arrival order.
 */
export function citationKeys(
  papersInArrivalOrder: readonly PaperRecord[],
  listedYear: (paper: PaperRecord) => string | null,
): Map<string, string> {
  const keys = new Map<string, string>();
  const used = new Set<string>();
  for (const paper of papersInArrivalOrder) {
    const base = citationKeyBase(paper.title, paper.published?.slice(0, 4) ?? listedYear(paper));
    let key = base;
    for (let index = 1; used.has(key); index++) key = `${base}${suffix(index)}`;
    used.add(key);
    keys.set(paper.id, key);
  }
  return keys;
}

/** 1 → b, 2 → c, … 25 → z, 26 → ba… */
function suffix(index: number): string {
  let text = '';
  let rest = index;
  do {
    text = String.fromCharCode(97 + (rest % 26)) + text;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return text;
}

export interface Listing {
  /** Date of the dump that first listed the paper, when the dump has one. */
  listedDate: string | null;
}

/** What Citation.js is given for a paper's entry: the entry is a function of this alone. */
export interface BibtexInput {
  'citation-key': string;
  type: 'document';
  title: string;
  issued?: { 'date-parts': number[][] };
  note: string;
}

export function bibtexInput(paper: PaperRecord, key: string, listing: Listing): BibtexInput {
  const listed = listing.listedDate
    ? `Listed on Hugging Face Papers, ${formatDate(listing.listedDate)}`
    : 'Listed on Hugging Face Papers';
  const note = paper.organization ? `${listed} (organisation: ${paper.organization})` : listed;
  const dateParts = paper.published ? paper.published.split('-').slice(0, 2).map(Number) : null;
  return {
    'citation-key': key,
    type: 'document',
    title: paper.title,
    ...(dateParts ? { issued: { 'date-parts': [dateParts] } } : {}),
    note,
  };
}

export function bibtexOfInput(input: BibtexInput): string {
  const entry = new Cite(input).format('bibtex', { format: 'text' }) as string;
  // Two spaces rather than the library's tab: the entry reads the same in any editor and on the page.
  return `${entry.replace(/^\t/gm, '  ').trimEnd()}\n`;
}

export function bibtexEntry(paper: PaperRecord, key: string, listing: Listing): string {
  return bibtexOfInput(bibtexInput(paper, key, listing));
}
