/** The reading list as files: BibTeX (@misc entries like those of /papers.bib) and JSON (which imports back). */
import { escapeBibtex } from '../lib/bibtex-escape.ts';
import { readingListFile, type SavedPaper } from './reading-list-store.ts';

export function readingListBibtex(papers: readonly SavedPaper[], origin: string): string {
  return papers
    .map((paper) => {
      const fields = [
        `  title = {{${escapeBibtex(paper.title)}}}`,
        paper.published ? `  year = {${paper.published.slice(0, 4)}}` : null,
        paper.published ? `  month = {${Number(paper.published.slice(5, 7))}}` : null,
        `  url = {${origin}/papers/${paper.id}/}`,
        `  note = {${escapeBibtex(paper.note ? `Listed on Hugging Face Papers; digest entry ${paper.id}. ${paper.note}` : `Listed on Hugging Face Papers; digest entry ${paper.id}`)}}`,
      ].filter((field) => field !== null);
      return `@misc{${paper.id},\n${fields.join(',\n')}\n}\n`;
    })
    .join('\n');
}

export function readingListJson(papers: readonly SavedPaper[]): string {
  return `${JSON.stringify(readingListFile(papers), null, 2)}\n`;
}

export function download(name: string, type: string, text: string): void {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([text], { type }));
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
