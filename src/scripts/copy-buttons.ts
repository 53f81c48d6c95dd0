/**
 * The Copy buttons of paper pages (the BibTeX entry of src/lib/paper-page-html.ts). A button is
 * hidden in the HTML and shown only when the browser offers the clipboard, so a page without
 * JavaScript offers nothing that does not work. Its status line says whether the copy went through.
 */
export function startCopyButtons(): void {
  for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
    const target = document.getElementById(button.dataset.copyTarget ?? '');
    const status = button.parentElement?.querySelector('.copy-status');
    if (!target || !navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener('click', async () => {
      try {
        await navigator.clipboard.writeText(target.textContent ?? '');
        if (status) status.textContent = 'Copied.';
      } catch {
        if (status) status.textContent = 'Could not copy: select the text instead.';
      }
    });
  }
}
