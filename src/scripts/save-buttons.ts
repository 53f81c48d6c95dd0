/**
 * The Save toggles of paper cards and paper pages (`saveButtonHtml`, src/lib/paper-card-html.ts).
 * They are hidden in the HTML and shown only once storage is known to work, so without JavaScript
 * or storage the page reads as it would without them.
 *
 * This script imports nothing: a module it shared with the reading list page's script
 * (src/scripts/reading-list-store.ts) would become a file of its own, and neither script would be
 * inlined in its page any more. It writes entries in the store's format (SavedPaper), under the
 * same key; tests/browser/reading-list.test.ts checks the two agree.
 */
const KEY = 'research-digest:reading-list';
const CHANGED_EVENT = 'reading-list-changed';

type Entry = { id: string } & Record<string, unknown>;

function readEntries(): Entry[] | null {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter((entry): entry is Entry => typeof entry?.id === 'string') : [];
  } catch {
    return null;
  }
}

function toggle(button: HTMLButtonElement): void {
  const entries = readEntries();
  if (!entries) return;
  const data = button.dataset;
  const id = data.savePaper!;
  const next = entries.some((entry) => entry.id === id)
    ? entries.filter((entry) => entry.id !== id)
    : [
        ...entries,
        {
          id,
          title: data.title ?? id,
          published: data.published ?? '',
          topics: (data.topics ?? '').split('|').filter(Boolean),
          note: '',
          saved: new Date().toISOString(),
        },
      ];
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
    document.dispatchEvent(new CustomEvent(CHANGED_EVENT));
  } catch {
    // Storage full or blocked since the page loaded: the button keeps its state.
  }
}

function show(buttons: readonly HTMLButtonElement[]): void {
  const entries = readEntries();
  if (!entries) return;
  const saved = new Set(entries.map((entry) => entry.id));
  for (const button of buttons) {
    button.setAttribute('aria-pressed', String(saved.has(button.dataset.savePaper!)));
    button.hidden = false;
  }
}

export function startSaveButtons(): void {
  const buttons = [...document.querySelectorAll<HTMLButtonElement>('button[data-save-paper]')];
  if (buttons.length === 0) return;
  show(buttons);
  for (const button of buttons) button.addEventListener('click', () => toggle(button));
  document.addEventListener(CHANGED_EVENT, () => show(buttons));
  // Saved or removed in another tab.
  addEventListener('storage', () => show(buttons));
}
