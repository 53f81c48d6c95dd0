/**
 * BibTeX field text written by hand in the browser (the reading list's export), where the
 * Citation.js that writes `papers.bib` is too heavy to load: specials escaped, so a title can never
 * break out of its braces.
 */
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

export function escapeBibtex(text: string): string {
  return text.replace(SPECIAL, (character) => ESCAPES[character] ?? character);
}
