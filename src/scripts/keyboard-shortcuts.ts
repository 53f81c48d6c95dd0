/**
 * Site-wide keyboard shortcuts: `/` to the search box, `Esc` out of it, `j`/`k` through the
 * results or paper cards, `?` for a list of them. None acts while the reader types in a field, or
 * with Ctrl, Alt or Meta held (the browser's own shortcuts).
 */
const SHORTCUTS: readonly [string, string][] = [
  ['/', 'Search: go to the search box'],
  ['Esc', 'Leave the search box'],
  ['j', 'Next result or paper'],
  ['k', 'Previous result or paper'],
  ['Enter', 'Open the result or paper'],
  ['↓', 'From the search page’s box to the first result'],
  ['?', 'Show these shortcuts'],
];

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable ||
    target.matches('input:not([type="checkbox"], [type="radio"], [type="button"], [type="submit"]), textarea, select'));

/** The links j and k move between: search results, or the paper cards of a list page. */
const itemLinks = (): HTMLAnchorElement[] => [
  ...document.querySelectorAll<HTMLAnchorElement>('#search-results > li h2 a, .paper-card .paper-card-title a'),
];

function move(step: 1 | -1): void {
  const links = itemLinks();
  if (links.length === 0) return;
  const current = links.findIndex(
    (link) => link === document.activeElement || link.closest('li, .paper-card')?.contains(document.activeElement),
  );
  const next =
    current < 0 ? (step === 1 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, current + step));
  links[next]!.focus();
}

function helpDialog(): HTMLDialogElement {
  const existing = document.querySelector<HTMLDialogElement>('#keyboard-help');
  if (existing) return existing;
  const dialog = document.createElement('dialog');
  dialog.id = 'keyboard-help';
  dialog.setAttribute('aria-labelledby', 'keyboard-help-title');
  const title = document.createElement('h2');
  title.id = 'keyboard-help-title';
  title.textContent = 'Keyboard shortcuts';
  const list = document.createElement('dl');
  for (const [key, what] of SHORTCUTS) {
    const term = document.createElement('dt');
    const kbd = document.createElement('kbd');
    kbd.textContent = key;
    term.append(kbd);
    const description = document.createElement('dd');
    description.textContent = what;
    list.append(term, description);
  }
  const form = document.createElement('form');
  form.method = 'dialog';
  const close = document.createElement('button');
  close.textContent = 'Close';
  form.append(close);
  dialog.append(title, list, form);
  document.body.append(dialog);
  return dialog;
}

export function startKeyboardShortcuts(): void {
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    if (event.key === 'Escape' && target instanceof HTMLInputElement && target.type === 'search') {
      // Leaves the box, with what was typed still in it (the browser's own Esc would clear it).
      event.preventDefault();
      target.blur();
      return;
    }
    if (isTyping(target) || document.querySelector('dialog[open]')) return;
    if (event.key === '/') {
      const box =
        document.querySelector<HTMLInputElement>('#search-query') ??
        document.querySelector<HTMLInputElement>('#site-search-input');
      if (!box) return;
      event.preventDefault();
      box.focus();
      box.select();
    } else if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      move(event.key === 'j' ? 1 : -1);
    } else if (event.key === '?') {
      event.preventDefault();
      helpDialog().showModal();
    }
  });
}
