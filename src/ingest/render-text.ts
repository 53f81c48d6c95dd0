/** Placeholder until the unified/remark text pipeline lands (issue 9): escaped text, no markup. */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export interface RenderedText {
  html: string;
  plain: string;
}

export function renderDumpText(text: string): RenderedText {
  return { html: text.replace(/[&<>"']/g, (character) => ESCAPES[character]!), plain: text };
}
