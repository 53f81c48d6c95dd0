/**
 * The paper page shell (src/lib/paper-page-shell.ts): cut at its markers and filled with a paper's
 * title, description, id and content, escaped as Astro escapes them (text: & < > " ' as entities;
 * attribute values: & and " only, an empty value as the bare attribute name). The expected pages
 * are written by hand from those rules; tests/site-build/paper-page-shell.test.ts compares whole
 * sites with Astro's own rendering.
 */
import { describe, expect, it } from 'vitest';
import {
  fillPaperPageShell,
  SHELL_BODY,
  SHELL_DESCRIPTION,
  SHELL_PAPER_ID,
  SHELL_TITLE,
  splitPaperPageShell,
} from '../../src/lib/paper-page-shell.ts';

/** A layout as BaseLayout renders it, cut down, around the markers. */
const layout = (title: string, description: string, id: string, body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>${title}</title><meta name="description"${description}>` +
  `<link rel="canonical" href="https://digest.example.org/papers/${id}/"></head>` +
  `<body><main id="main" class="content">${body}</main></body></html>`;

const shellHtml = layout(
  `${SHELL_TITLE} · Research Digest`,
  ` content="${SHELL_DESCRIPTION}"`,
  SHELL_PAPER_ID,
  SHELL_BODY,
);

describe('the paper page shell', () => {
  const shell = splitPaperPageShell(shellHtml);

  it('puts the title, description, address and content where the markers were', () => {
    const page = fillPaperPageShell(shell, {
      id: 'lora-7b',
      title: 'LoRA',
      description: 'Low-rank adaptation.',
      bodyHtml: '<article>x</article>',
    });
    expect(page).toBe(
      layout('LoRA · Research Digest', ' content="Low-rank adaptation."', 'lora-7b', '<article>x</article>'),
    );
  });

  it('escapes the title as text and the description as an attribute value; the content is HTML already', () => {
    const page = fillPaperPageShell(shell, {
      id: 'x',
      title: `<script>alert("1")</script> & 'q'`,
      description: `a "quoted" <b>tag</b> & more`,
      bodyHtml: '<p>&amp;</p>',
    });
    expect(page).toBe(
      layout(
        '&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;q&#39; · Research Digest',
        ' content="a &quot;quoted&quot; <b>tag</b> &amp; more"',
        'x',
        '<p>&amp;</p>',
      ),
    );
  });

  it('writes an empty description as a bare attribute, and a paper titled as the site without the suffix', () => {
    const page = fillPaperPageShell(shell, { id: 'x', title: 'Research Digest', description: '', bodyHtml: '' });
    expect(page).toBe(layout('Research Digest', ' content', 'x', ''));
  });

  it('refuses a layout without a marker, or with one twice, naming it', () => {
    expect(() => splitPaperPageShell(shellHtml.replace(SHELL_BODY, ''))).toThrow(SHELL_BODY);
    expect(() => splitPaperPageShell(shellHtml.replace(SHELL_BODY, SHELL_BODY + SHELL_BODY))).toThrow(SHELL_BODY);
    expect(() => splitPaperPageShell(shellHtml.replace('<title>', '<title>x'))).toThrow(SHELL_TITLE);
  });

  it('refuses a layout that shows a marker’s text again elsewhere (it would be copied into every page)', () => {
    const ogTitle = shellHtml.replace('<head>', `<head><meta property="og:title" content="${SHELL_TITLE}">`);
    expect(() => splitPaperPageShell(ogTitle)).toThrow(SHELL_TITLE);
    const otherAddress = shellHtml.replace('<body>', `<body><a href="/papers/${SHELL_PAPER_ID}">`);
    expect(() => splitPaperPageShell(otherAddress)).toThrow(SHELL_PAPER_ID);
  });

  it('refuses markers out of the layout’s order', () => {
    const swapped = layout(
      `${SHELL_TITLE} · Research Digest`,
      ` content="${SHELL_DESCRIPTION}"`,
      SHELL_PAPER_ID,
      '',
    ).replace('<head>', `<head>${SHELL_BODY}`);
    expect(() => splitPaperPageShell(swapped)).toThrow(SHELL_BODY);
  });

  it('refuses an id that is not URL-safe', () => {
    expect(() => fillPaperPageShell(shell, { id: 'a b', title: 't', description: 'd', bodyHtml: '' })).toThrow(
      'URL-safe',
    );
  });
});
