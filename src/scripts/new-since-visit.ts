/**
 * Marks the papers added since the reader's last visit (src/lib/new-since-visit-html.ts),
 * and counts them beside "New" in the site header. The browser keeps the newest dump the reader has
 * acknowledged; a first visit only records it. Dismissing records the newest dump of this build.
 * Without storage nothing shows. Only the pages that list papers (home, topics) carry the dumps, so
 * that a new dump does not change every other page of the site.
 */
const KEY = 'research-digest:last-seen-dump';
const BADGE_CLASS = 'since-visit-badge';

/** "New 12" in the header's navigation; screen readers hear what the number counts. */
function headerCount(added: number): HTMLElement | null {
  const link = document.querySelector<HTMLAnchorElement>('.site-nav a[href="/new/"]');
  if (!link) return null;
  const count = document.createElement('span');
  count.className = `since-visit-count ${BADGE_CLASS}`;
  const number = document.createElement('span');
  number.setAttribute('aria-hidden', 'true');
  number.textContent = String(added);
  const words = document.createElement('span');
  words.className = 'visually-hidden';
  words.textContent = ` (${added} ${added === 1 ? 'paper' : 'papers'} since your last visit)`;
  count.append(number, words);
  link.append(count);
  return count;
}

export function startNewSinceVisit(): void {
  const note = document.querySelector<HTMLElement>('#new-since-visit');
  if (!note) return;
  let dumps: [string, number][];
  let lastSeen: string | null;
  try {
    dumps = JSON.parse(note.dataset.dumps ?? '[]') as [string, number][];
    lastSeen = localStorage.getItem(KEY);
    const latest = dumps.at(-1)?.[0];
    if (!latest) return;
    if (lastSeen === null) {
      localStorage.setItem(KEY, latest);
      return;
    }
  } catch {
    return;
  }
  const seenAt = dumps.findIndex(([file]) => file === lastSeen);
  // A dump no longer in the digest, or nothing newer: nothing to mark.
  if (seenAt < 0 || seenAt === dumps.length - 1) return;
  const newer = dumps.slice(seenAt + 1);
  const added = newer.reduce((sum, [, count]) => sum + count, 0);
  const files = new Set(newer.map(([file]) => file));
  for (const card of document.querySelectorAll<HTMLElement>('.paper-card[data-first-seen]')) {
    if (!files.has(card.dataset.firstSeen!)) continue;
    const badge = document.createElement('span');
    badge.className = `new-badge ${BADGE_CLASS}`;
    badge.textContent = 'New since your last visit';
    card.querySelector('.paper-meta')?.prepend(badge);
  }
  if (added === 0) return;
  headerCount(added);
  note.querySelector('span')!.textContent =
    `${added} ${added === 1 ? 'paper' : 'papers'} added since your last visit (${newer.length} ${newer.length === 1 ? 'dump' : 'dumps'}).`;
  note.hidden = false;
  note.querySelector('button')?.addEventListener('click', () => {
    try {
      localStorage.setItem(KEY, dumps.at(-1)![0]);
    } catch {
      // Storage gone since the page loaded: the note still goes away for now.
    }
    note.hidden = true;
    document.querySelectorAll(`.${BADGE_CLASS}`).forEach((badge) => badge.remove());
  });
}
