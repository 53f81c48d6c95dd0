/**
 * The LaTeX that scraped abstracts carry outside math, turned into the characters it stands for.
 * Backslash escapes of punctuation (`\%`, `\&`, `\_`, `\$`) are already undone by the Markdown
 * parser's character-escape construct; this handles the rest. Each rule fires only on the
 * unmistakable form, so that ordinary prose (a `--flag`, "~50%", "x^2 in the text") stays as written.
 */
import { subscriptOnly, superscriptOnly } from './unicode-scripts.ts';

const TEXT_COMMAND = /\\(?:texttt|textbf|textit|textsc|textrm|textsf|emph|mathrm|mathbf|mathit|text)\{([^{}]*)\}/g;
/** `^{…}`, `_{…}` and `^` before digits (`S^{2}FT`, `S^2FT`); a bare `_x` is too common in names. */
const TEXT_SCRIPT = /([\^_])(?:\{([^{}]{1,8})\}|(?<=\^)([0-9]+))/g;

export function latexTextModeToUnicode(text: string): string {
  // Most text has none of the forms: each rule runs only where its mark occurs.
  let result = text;
  if (result.includes('\\')) {
    result = result
      .replace(TEXT_COMMAND, '$1')
      .replace(/\\allowbreak\s*/g, '')
      .replace(/\\xspace\b/g, '');
  }
  if (result.includes('^') || result.includes('_')) {
    result = result.replace(
      TEXT_SCRIPT,
      (whole, mark: string, braced?: string, digits?: string) =>
        (mark === '^' ? superscriptOnly : subscriptOnly)(braced ?? digits ?? '') ?? whole,
    );
  }
  if (result.includes('``')) result = result.replace(/``(.*?)''/g, '“$1”').replace(/``/g, '“');
  // A tie (`Fig.~3`, `et~al.`) after a word or abbreviation reads as a space (a no-break space
  // would keep the words apart for the search index, which splits at spaces only); "~50%" means
  // "about" and stays.
  if (result.includes('~')) result = result.replace(/(?<=[\p{L}.)])~(?=[\p{L}\p{N}])/gu, ' ');
  if (result.includes('--')) {
    result = result
      // `a---b` is an em dash; a spaced `---` is left alone: a line of them is a rule, not a dash.
      .replace(/(?<=[\p{L}\p{N}])---(?=[\p{L}\p{N}])/gu, '—')
      .replace(/(?<=[\p{L}\p{N}])--(?=[\p{L}\p{N}])| -- /gu, (dash) => (dash.startsWith(' ') ? ' – ' : '–'));
  }
  return result;
}
