/** Tells a title from an abstract by its shape, for listings where position alone can mislead. */

/**
 * An abstract is prose: long, or a sentence of some length ending in a full stop, or several
 * sentences. A title may end in a question mark but is one clause, however long.
 */
export function looksLikeAbstract(text: string): boolean {
  if (text.length >= 300) return true;
  const words = text.split(/\s+/).length;
  const endsLikeSentence = /[.!?]["')\]]?$/.test(text);
  if (words >= 15 && /[.!]["')\]]?$/.test(text)) return true;
  return words >= 12 && endsLikeSentence && /[.!?]\s+[A-Z]/.test(text);
}

/** A text cut to `length` characters for quoting in a warning: one line, single-spaced, no control characters. */
export function shorten(text: string, length = 60): string {
  const clean = text
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u0008\u000e-\u001f\u007f-\u009f]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.length <= length ? clean : `${clean.slice(0, length - 1)}…`;
}
