/** BibTeX export of the corpus: one @misc entry per paper with its title, year and page URL. */
import type { PaperRecord } from '../ingest/index.ts';

const SPECIAL = /[\\{}%&$#_~^]/g;
const ESCAPES: Record<string, string> = {
  '\\': '\\textbackslash{}',
  '{': '\\{',
  '}': '\\}',
  '%': '\\%',
  '&': '\\&',
  $: '\\$',
  '#': '\\#',
  _: '\\_',
  '~': '\\textasciitilde{}',
  '^': '\\textasciicircum{}',
};

/** Text as a BibTeX field value: specials escaped, so a title can never break out of its braces. */
export function escapeBibtex(text: string): string {
  return text.replace(SPECIAL, (character) => ESCAPES[character] ?? character);
}

/**
 * `listedYear` stands in for the year when the dumps gave no publication date: the year of the
 * dump that first listed the paper, which is when it was current.
 */
export function bibtexEntry(paper: PaperRecord, pageUrl: string, listedYear: string | null): string {
  const year = paper.published?.slice(0, 4) ?? listedYear;
  const fields = [
    // Double braces keep the title's capitalisation (LoRA, MoE) in every bibliography style.
    `  title = {{${escapeBibtex(paper.title)}}}`,
    year ? `  year = {${year}}` : null,
    paper.published ? `  month = {${Number(paper.published.slice(5, 7))}}` : null,
    paper.organization ? `  institution = {${escapeBibtex(paper.organization)}}` : null,
    `  url = {${pageUrl}}`,
    `  note = {Listed on Hugging Face Papers; digest entry ${paper.id}}`,
  ].filter((field) => field !== null);
  return `@misc{${paper.id},\n${fields.join(',\n')}\n}\n`;
}
