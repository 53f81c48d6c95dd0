/**
 * The text pipeline (src/ingest/text/render-dump-text.ts): dump text is data, math becomes MathML,
 * URLs become links, text-mode LaTeX becomes characters, and the plain reading serves search.
 * Expected strings are written from TeX's and HTML's meaning, not copied from the output.
 */
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readDumpFolder, renderDumpText } from '../../src/ingest/index.ts';
import { renderThroughPipeline } from '../../src/ingest/text/render-dump-text.ts';

const html = (text: string) => renderDumpText(text).html;
const plain = (text: string) => renderDumpText(text).plain;

describe('text-mode LaTeX outside math', () => {
  it.each([
    ['cuts memory by 40\\% and', 'cuts memory by 40% and'],
    ['Q\\&A', 'Q&A'],
    ['snake\\_case', 'snake_case'],
    ['rank \\#1', 'rank #1'],
    ['costs \\$5', 'costs $5'],
  ])('escape %s becomes its character', (source, expected) => {
    expect(plain(source)).toBe(expected);
    expect(renderDumpText(source).mathProblems).toEqual([]);
  });

  it('escapes & as HTML in the page text', () => {
    expect(html('Q\\&A')).toBe('Q&amp;A');
  });

  it('turns a tie into a space but leaves "~50%" (about) alone', () => {
    expect(plain('see Fig.~3 and et~al.')).toBe('see Fig. 3 and et al.');
    expect(plain('improves by ~50% on average')).toBe('improves by ~50% on average');
    expect(plain('Inline ~~strike~~ text')).toBe('Inline ~~strike~~ text');
  });

  it('turns -- and --- into dashes, but not a command-line flag', () => {
    expect(plain('pages 10--20, Gauss--Newton')).toBe('pages 10–20, Gauss–Newton');
    expect(plain('CompeteSMoE -- Effective Training')).toBe('CompeteSMoE – Effective Training');
    expect(plain('simple---and fast')).toBe('simple—and fast');
    expect(plain('--- draft: true ---')).toBe('--- draft: true ---');
    expect(plain('run with --lora-rank 8')).toBe('run with --lora-rank 8');
  });

  it("turns ``quotes'' into typographic quotes", () => {
    expect(plain("so-called ``skills,'' learned")).toBe('so-called “skills,” learned');
  });

  it('keeps the text of \\textbf, \\emph and \\texttt', () => {
    expect(plain('a \\textbf{bold} and \\emph{new} \\texttt{code} idea')).toBe('a bold and new code idea');
  });

  it('reads S^{2}FT and S^2FT outside math as S²FT', () => {
    expect(plain('S^{2}FT: Efficient')).toBe('S²FT: Efficient');
    expect(plain('S^2FT: Efficient')).toBe('S²FT: Efficient');
  });
});

describe('inline math', () => {
  it.each([
    ['S$^{2}$FT', 'S²FT'],
    ['S$^2$FT', 'S²FT'],
    ['$F_1$ score', 'F₁ score'],
    ['$\\alpha$-blending', 'α-blending'],
    ['up to 3$\\times$ faster', 'up to 3× faster'],
    ['$\\sim$50\\% fewer', '∼50% fewer'],
    ['an $\\mathcal{O}(T)$ bound', 'an O(T) bound'],
    ['a $360^\\circ$ view', 'a 360° view'],
    ['pages $\\unicode{x2013}$ more', 'pages – more'],
    ['a gain of 5$%$', 'a gain of 5%'],
    ['$\\sim\\!6\\times$ larger', '∼6× larger'],
    ['ratio $\\frac{a}{b}$ here', 'ratio a/b here'],
    ['scaled by $\\sqrt{d}$', 'scaled by √d'],
    ['the transpose $x^T$', 'the transpose xᵀ'],
    ['$k$ experts', 'k experts'],
    ['$\\rightarrow$ next', '→ next'],
  ])('%s reads as %s and renders as MathML', (source, reading) => {
    const rendered = renderDumpText(source);
    expect(rendered.plain).toBe(reading);
    expect(rendered.mathProblems).toEqual([]);
    expect(rendered.html).toMatch(/<math>.*<\/math>/);
    expect(rendered.html).not.toContain('$');
  });

  it('puts a superscript into <msup> and keeps the reading for search in a hidden span', () => {
    const page = html('S$^{2}$FT');
    expect(page).toContain('<msup><mrow></mrow><mn>2</mn></msup>');
    expect(page).toContain('<span hidden>²</span>');
    expect(page.startsWith('S<span class="math" data-pagefind-ignore')).toBe(true);
    expect(page.endsWith('FT')).toBe(true);
  });

  it('keeps no style or class attribute from the renderer (the CSP allows no inline style)', () => {
    const page = html('$\\hat{y}$ and $\\sim\\!6$ and $\\color{red}{x}$');
    expect(page).toContain('<mover');
    expect(page).not.toMatch(/style=|class="(?!math")/);
  });

  it('shows a formula that does not parse as its source and reports it once', () => {
    const rendered = renderDumpText('bad $\\frac{a}$ here');
    expect(rendered.html).toBe('bad $\\frac{a}$ here');
    expect(rendered.plain).toBe('bad $\\frac{a}$ here');
    expect(rendered.mathProblems).toHaveLength(1);
    expect(rendered.mathProblems[0]).toMatch(/^\$\\frac\{a\}\$: /);
  });

  it('never lets a formula make a link or run a script', () => {
    for (const source of [
      '$\\href{javascript:alert(1)}{x}$',
      '$\\url{https://evil.example}$',
      '$\\htmlClass{x}{y}$',
      '$\\includegraphics{x.png}$',
    ]) {
      const page = html(source);
      expect(page).not.toMatch(/<a |href=|<img|javascript:(?!alert)/);
    }
  });

  it('leaves an unbalanced $ as a dollar sign', () => {
    expect(html('a $x$ b and a lone $ sign')).toMatch(/^a <span class="math".*<\/span> b and a lone \$ sign$/);
    expect(plain('a $x$ b and a lone $ sign')).toBe('a x b and a lone $ sign');
  });

  it('reads dollar amounts as money, not math', () => {
    for (const source of ['costs $5 per run', 'between $5 and $10 per GPU hour', 'salaries of $100K-$200K']) {
      expect(html(source)).not.toContain('<math');
      expect(plain(source)).toBe(source);
    }
  });

  it('pairs the dollars after money anew: money twice, then two formulas', () => {
    const rendered = renderDumpText('between $2 and $3 per hour, from $\\log E$ to $0.3\\log E$ later');
    expect(rendered.plain).toBe('between $2 and $3 per hour, from log E to 0.3 log E later');
    expect(rendered.html.match(/<math>/g)).toHaveLength(2);
  });

  it('reads $a$$b$ as two formulas, as TeX does', () => {
    const rendered = renderDumpText('a win rate $\\geq 60$$%$ here');
    expect(rendered.plain).toBe('a win rate ≥60% here');
    expect(rendered.mathProblems).toEqual([]);
    expect(rendered.html.match(/<math>/g)).toHaveLength(2);
  });

  it('spaces relations between terms: "r ≪ d", "α = 0.5"', () => {
    expect(plain('where $r \\ll d$ and $\\alpha=0.5$')).toBe('where r ≪ d and α = 0.5');
  });

  it('renders math inside a title-like text that also has a URL', () => {
    const page = html('$\\alpha$ at https://example.org/a');
    expect(page).toContain('<a href="https://example.org/a" rel="noopener noreferrer">https://example.org/a</a>');
    expect(page).toContain('<math>');
  });
});

describe('links', () => {
  it('links a URL and leaves sentence punctuation after it outside', () => {
    expect(html('Code: https://github.com/org/repo.')).toBe(
      'Code: <a href="https://github.com/org/repo" rel="noopener noreferrer">https://github.com/org/repo</a>.',
    );
  });

  it('keeps ~, -- and _ inside a URL as they are', () => {
    const url = 'https://example.edu/~user/my--project_v2';
    expect(plain(`see ${url} now`)).toBe(`see ${url} now`);
    expect(html(`see ${url} now`)).toContain(`href="${url}"`);
  });

  it('keeps a URL in parentheses without the closing parenthesis', () => {
    expect(html('(code at https://github.com/a/b)')).toContain('href="https://github.com/a/b"');
  });
});

describe('dump text is never markup', () => {
  it.each([
    ['**bold** and _under_'],
    ['[click](javascript:alert(1))'],
    ['![x](https://evil.example/x.png)'],
    ['<script>alert(1)</script>'],
    ['<img src=x onerror=alert(1)>'],
    ['# Not a heading'],
    ['> not a quote'],
    ['1. not a list'],
    ['`not code`'],
    ['<https://example.org>'],
    ['&amp; &#60;b&#62;'],
  ])('%s stays literal text', (source) => {
    const rendered = renderDumpText(source);
    expect(rendered.plain).toBe(source);
    expect(rendered.html).not.toMatch(/<(?!\/?(a|span|math)\b)[a-z]/i);
    expect(rendered.html).not.toMatch(/<a [^>]*href="(?!https?:)/);
  });

  it('escapes markup characters in the page HTML', () => {
    expect(html('<script>alert("x")</script> & more')).toBe('&lt;script>alert("x")&lt;/script> &amp; more');
    const withMath = html('a ~ <b> $x$');
    expect(withMath).toContain('&lt;b');
    expect(withMath).not.toContain('<b');
  });

  it('leaves plain text as it is', () => {
    expect(renderDumpText('Tiny Adapters: Few Parameters Are Enough')).toEqual({
      html: 'Tiny Adapters: Few Parameters Are Enough',
      plain: 'Tiny Adapters: Few Parameters Are Enough',
      links: [],
      mathProblems: [],
    });
  });
});

describe('the shortcut for text the parser has nothing to do with', () => {
  it("gives the pipeline's HTML and plain text for every line of the seeds and the hostile and math fixtures", () => {
    const root = fileURLToPath(new URL('../..', import.meta.url));
    const dumps = ['seeds', 'tests/fixtures/hostile', 'tests/fixtures/math'].flatMap((folder) =>
      readDumpFolder(join(root, folder)),
    );
    // Every line, titles and abstracts among them, as written: what both paths receive.
    const nonEmpty = dumps
      .flatMap((dump) => (dump.bytes ? new TextDecoder().decode(dump.bytes).split('\n') : []))
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    expect(nonEmpty.length).toBeGreaterThan(1000);
    expect(nonEmpty.filter((line) => /https?:\/\//.test(line)).length).toBeGreaterThan(50);
    const differing = nonEmpty.filter((line) => {
      return [true, false].some((linkUrls) => {
        const fast = renderDumpText(line, { linkUrls });
        const full = renderThroughPipeline(line, { linkUrls });
        return fast.html !== full.html || fast.plain !== full.plain || fast.links.join() !== full.links.join();
      });
    });
    expect(differing).toEqual([]);
  });
});

describe('hostile or heavy formulas', () => {
  it('reads a deeply nested formula in one pass (30 levels of \\sqrt and of braces)', () => {
    const roots = renderDumpText(`$${'\\sqrt{'.repeat(30)}x${'}'.repeat(30)}$`);
    expect(roots.plain).toBe(`${'√('.repeat(29)}√x${')'.repeat(29)}`);
    expect(renderDumpText(`$${'{a+'.repeat(30)}a${'}'.repeat(30)}$`).plain).toBe(`${'a+'.repeat(30)}a`);
  });

  it('reads a line of thousands of dollar signs as money in a few parses', () => {
    const line = '$ '.repeat(2000).trim();
    expect(renderDumpText(line).plain).toBe(line);
    const amounts = '$5 '.repeat(1000).trim();
    expect(renderDumpText(amounts).html).not.toContain('<math');
    expect(renderDumpText('a $b '.repeat(500).trim()).mathProblems).toEqual([]);
  });

  it('bounds sizes: no formula is wider than 2em of space or lets text overlap it', () => {
    for (const source of [
      '$\\hspace{1000000em}$',
      '$\\rule{1000em}{1000em}$',
      '$\\mkern1000000mu$',
      '$\\genfrac{(}{)}{1000em}{0}{a}{b}$',
      '$\\rule[-999em]{1em}{1em}$',
      '$\\mathllap{x}$',
    ]) {
      const page = html(source);
      for (const [, name, amount] of page.matchAll(/(width|height|depth|linethickness|voffset)="([^"]*)"/g)) {
        expect(Number.parseFloat(amount!), `${source}: ${name}`).toBeLessThanOrEqual(2);
      }
      expect(page, source).not.toContain('<mpadded');
    }
  });

  it('keeps only attributes the HTML checker accepts where it accepts them, and text alone in token elements', () => {
    const page = html('$\\boxed{x}$ $\\hbox{x}$ $\\leftmodels$ $\\displaystyle x$');
    expect(page).not.toMatch(/<(mrow|mtext|mi|mo)[^>]*(scriptlevel|displaystyle)=/);
    expect(page).not.toMatch(/<mo[^>]*>[^<]*<m/);
  });

  it('shows an empty \\boxed{} as an empty box', () => {
    expect(plain('the answer in $\\boxed{}$ format')).toBe('the answer in □ format');
  });

  it('lets no control character, noncharacter or direction override into the page', () => {
    const page = html('$\\unicode{x85}$ $\\unicode{x202E}$ $\\char"9F$ $\\char"FFFF$ $\\unicode{xFDD0}$');
    expect(page).not.toMatch(/[\u0080-\u009f\u202a-\u202e\ufdd0-\ufdef\uffff]/);
  });

  it('reads styled letters as plain letters, so that words in \\mathbf or \\textit still match', () => {
    expect(plain('$\\mathbf{MoE}$-Tiny: a $\\textit{Mixture-of-Experts}$ model')).toBe(
      'MoE-Tiny: a Mixture-of-Experts model',
    );
    expect(plain('$\\mathcal{O}(n)$ in $\\mathbb{R}^d$')).toBe('O(n) in Rᵈ');
  });

  it('reads letters set upright as one word, and a thin space as a space', () => {
    expect(plain('a $\\rm{ReLU}$ unit')).toBe('a ReLU unit');
    expect(plain('from $\\log E$ down')).toBe('from log E down');
  });
});

describe('text-mode commands the Markdown escape would eat', () => {
  it.each([
    ['a 5\\,ms delay', 'a 5 ms delay'],
    ["Jos\\'{e} and Schr\\\"odinger and Garc\\'ia and Jos\\^{e}", 'José and Schrödinger and García and Josê'],
    ['LoRA\\xspace is small', 'LoRA is small'],
    ['\\(O(n)\\) time', 'O(n) time'],
  ])('%s reads %s', (source, expected) => {
    expect(plain(source)).toBe(expected);
  });
});

describe('links of an abstract and of a title', () => {
  it('lists the URLs the page links, as written (not the plain reading of math after them)', () => {
    expect(renderDumpText('Code: https://github.com/foo/bar$^{1}$ and more').links).toEqual([
      'https://github.com/foo/bar',
    ]);
    expect(renderDumpText('Code: https://github.com/foo/bar.').links).toEqual(['https://github.com/foo/bar']);
  });

  it('leaves the URLs of a title as text (a page shows the title inside a link to the paper)', () => {
    for (const title of ['Code and models: https://github.com/org/repo', 'A $k$-NN view: https://example.org/x']) {
      const rendered = renderDumpText(title, { linkUrls: false });
      expect(rendered.html).not.toContain('<a');
      expect(rendered.links).toEqual([]);
    }
  });
});
