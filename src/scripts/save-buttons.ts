/**
 * The Save toggles of paper cards and paper pages (src/components/SaveButton.astro). They are
 * hidden in the HTML and shown only once storage is known to work, so without JavaScript or
 * storage the page reads as it would without them.
 */
import { CHANGED_EVENT, readList, toggleSaved } from './reading-list-store.ts';

function paperOf(button: HTMLButtonElement) {
  const data = button.dataset;
  return { id: data.savePaper!, title: data.title ?? '', published: data.published ?? '', topics: (data.topics ?? '').split('|').filter(Boolean) };
}

function show(buttons: readonly HTMLButtonElement[]): void {
  const list = readList();
  if (!list) return;
  const saved = new Set(list.map((entry) => entry.id));
  for (const button of buttons) {
    const isSaved = saved.has(button.dataset.savePaper!);
    button.setAttribute('aria-pressed', String(isSaved));
    button.hidden = false;
  }
}

export function startSaveButtons(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-save-paper]')];
  if (buttons.length === 0) return;
  show(buttons);
  for (const button of buttons) button.addEventListener('click', () => toggleSaved(paperOf(button)) !== null && show(buttons));
  document.addEventListener(CHANGED_EVENT, () => show(buttons));
  // Saved or removed in another tab.
  addEventListener('storage', () => show(buttons));
}
