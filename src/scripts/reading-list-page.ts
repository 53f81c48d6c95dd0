/**
 * /reading-list/: the saved papers, from the browser's storage (so it works offline once the
 * service worker has the page), each with a note field; export as BibTeX or JSON, import JSON.
 * Ids that a later build retired are replaced by the ids of the papers they became.
 */
import { formatDate } from '../lib/format.ts';
import { download, readingListBibtex, readingListJson } from './reading-list-export.ts';
import {
  CHANGED_EVENT,
  mergeLists,
  parseReadingListFile,
  readList,
  resolveRetired,
  writeList,
  type SavedPaper,
} from './reading-list-store.ts';

function entryItem(paper: SavedPaper, onNote: (note: string) => void, onRemove: () => void): HTMLLIElement {
  const item = document.createElement('li');
  const heading = document.createElement('h2');
  heading.className = 'paper-card-title';
  const link = document.createElement('a');
  link.href = `/papers/${paper.id}/`;
  link.textContent = paper.title;
  heading.append(link);
  const meta = document.createElement('p');
  meta.className = 'paper-meta';
  meta.textContent = [formatDate(paper.published || null) ?? 'Date unknown', paper.topics.join(', ')]
    .filter(Boolean)
    .join(' · ');
  const label = document.createElement('label');
  label.textContent = 'Note';
  const note = document.createElement('textarea');
  note.rows = 2;
  note.value = paper.note;
  note.id = `note-${paper.id}`;
  label.htmlFor = note.id;
  let typing: ReturnType<typeof setTimeout> | undefined;
  note.addEventListener('input', () => {
    clearTimeout(typing);
    typing = setTimeout(() => onNote(note.value), 250);
  });
  note.addEventListener('change', () => onNote(note.value));
  const remove = document.createElement('button');
  remove.type = 'button';
  remove.className = 'save-button';
  remove.textContent = 'Remove';
  remove.setAttribute('aria-label', `Remove “${paper.title}”`);
  remove.addEventListener('click', onRemove);
  item.append(heading, meta, label, note, remove);
  return item;
}

export function startReadingListPage(): void {
  const status = document.querySelector<HTMLElement>('#reading-list-status');
  const tools = document.querySelector<HTMLElement>('#reading-list-tools');
  const list = document.querySelector<HTMLOListElement>('#reading-list');
  const importer = document.querySelector<HTMLInputElement>('#reading-list-import');
  if (!status || !tools || !list || !importer) return;
  if (readList() === null) {
    status.textContent = 'Your browser does not let this site use its storage, so there is no reading list here.';
    return;
  }
  const update = (change: (papers: SavedPaper[]) => SavedPaper[]) => writeList(change(readList() ?? []));
  const render = () => {
    const papers = readList() ?? [];
    status.textContent =
      papers.length === 0
        ? 'No papers saved yet: use the Save button beside a paper’s title.'
        : `${papers.length} ${papers.length === 1 ? 'paper' : 'papers'} saved in this browser.`;
    // Re-rendering while a note is typed would lose the caret: only the list's own changes redraw.
    if (list.contains(document.activeElement) && document.activeElement instanceof HTMLTextAreaElement) return;
    list.replaceChildren(
      ...papers.map((paper) =>
        entryItem(
          paper,
          (note) => update((all) => all.map((entry) => (entry.id === paper.id ? { ...entry, note } : entry))),
          () => update((all) => all.filter((entry) => entry.id !== paper.id)),
        ),
      ),
    );
  };
  tools.hidden = false;
  render();
  document.addEventListener(CHANGED_EVENT, render);
  addEventListener('storage', render);
  document
    .querySelector('#reading-list-bibtex')
    ?.addEventListener('click', () =>
      download('reading-list.bib', 'application/x-bibtex', readingListBibtex(readList() ?? [], location.origin)),
    );
  document
    .querySelector('#reading-list-json')
    ?.addEventListener('click', () =>
      download('reading-list.json', 'application/json', readingListJson(readList() ?? [])),
    );
  importer.addEventListener('change', async () => {
    const file = importer.files?.[0];
    if (!file) return;
    try {
      const incoming = parseReadingListFile(await file.text());
      update((all) => mergeLists(all, incoming));
      status.textContent = `Imported ${incoming.length} ${incoming.length === 1 ? 'paper' : 'papers'}; ${readList()?.length ?? 0} saved in this browser.`;
    } catch (error) {
      status.textContent = `That file could not be imported: ${(error as Error).message}.`;
    }
    importer.value = '';
  });
  // Offline, the last copy the worker kept answers (or nothing, and the ids stay as saved).
  fetch('/reading-list/redirects.json')
    .then((response): Promise<Record<string, string>> | Record<string, string> => (response.ok ? response.json() : {}))
    .then((redirects) => {
      const papers = readList() ?? [];
      if (papers.some((paper) => redirects[paper.id])) writeList(resolveRetired(papers, redirects));
    })
    .catch(() => undefined);
  if ('serviceWorker' in navigator) navigator.serviceWorker.register('/sw.js').catch(() => undefined);
}
