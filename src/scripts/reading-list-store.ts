/**
 * The reading list, kept in the reader's browser (localStorage); no account, no server. Every
 * access is guarded: with storage blocked (or full) the functions report it instead of throwing,
 * and callers leave the page as it reads without JavaScript.
 */
export interface SavedPaper {
  id: string;
  title: string;
  /** ISO date (YYYY-MM-DD), or '' when unknown. */
  published: string;
  topics: string[];
  note: string;
  /** When it was saved, ISO timestamp. */
  saved: string;
}

/** The JSON the reading list exports and imports. */
export interface ReadingListFile {
  format: 'research-digest-reading-list';
  version: 1;
  papers: SavedPaper[];
}

/** Also written by src/scripts/save-buttons.ts, which cannot import it (it says why). */
const KEY = 'research-digest:reading-list';
export const CHANGED_EVENT = 'reading-list-changed';

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** A saved paper from untrusted JSON (storage or an imported file), or null. */
function savedPaper(value: unknown): SavedPaper | null {
  if (typeof value !== 'object' || value === null) return null;
  const entry = value as Record<string, unknown>;
  if (typeof entry.id !== 'string' || !/^[a-z0-9][a-z0-9-]*$/.test(entry.id)) return null;
  return {
    id: entry.id,
    title: text(entry.title) || entry.id,
    published: /^\d{4}-\d{2}-\d{2}$/.test(text(entry.published)) ? text(entry.published) : '',
    topics: Array.isArray(entry.topics)
      ? entry.topics.filter((topic): topic is string => typeof topic === 'string')
      : [],
    note: text(entry.note),
    saved: text(entry.saved),
  };
}

/** The saved papers, or null when the browser's storage cannot be used. */
export function readList(): SavedPaper[] | null {
  try {
    const stored = localStorage.getItem(KEY);
    const parsed: unknown = stored ? JSON.parse(stored) : [];
    return Array.isArray(parsed) ? parsed.map(savedPaper).filter((entry) => entry !== null) : [];
  } catch {
    return null;
  }
}

export function writeList(papers: readonly SavedPaper[]): boolean {
  try {
    localStorage.setItem(KEY, JSON.stringify(papers));
    document.dispatchEvent(new CustomEvent(CHANGED_EVENT));
    return true;
  } catch {
    return false;
  }
}

/** Entries of `incoming` are added; for a paper already saved, a note it lacks is taken. */
export function mergeLists(current: readonly SavedPaper[], incoming: readonly SavedPaper[]): SavedPaper[] {
  const merged = new Map(current.map((entry) => [entry.id, entry]));
  for (const entry of incoming) {
    const existing = merged.get(entry.id);
    merged.set(entry.id, existing ? { ...existing, note: existing.note || entry.note } : entry);
  }
  return [...merged.values()];
}

/**
 * Ids a later build retired (a paper merged into another) replaced by the ids they lead to; two
 * saved papers that became one are kept once.
 */
export function resolveRetired(list: readonly SavedPaper[], redirects: Readonly<Record<string, string>>): SavedPaper[] {
  return mergeLists(
    [],
    list.map((entry) => (redirects[entry.id] ? { ...entry, id: redirects[entry.id]! } : entry)),
  );
}

export function parseReadingListFile(json: string): SavedPaper[] {
  const parsed = JSON.parse(json) as Partial<ReadingListFile>;
  if (parsed?.format !== 'research-digest-reading-list' || !Array.isArray(parsed.papers))
    throw new Error('not a Research Digest reading list');
  return parsed.papers.map(savedPaper).filter((entry) => entry !== null);
}

export function readingListFile(papers: readonly SavedPaper[]): ReadingListFile {
  return { format: 'research-digest-reading-list', version: 1, papers: [...papers] };
}
