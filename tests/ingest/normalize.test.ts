/** Text normalisation for reading, and the title key that decides "same title". */
import { describe, expect, it } from 'vitest';
import { normalizeText, titleKey } from '../../src/ingest/index.ts';

describe('normalizeText', () => {
  it('composes to Unicode NFC', () => {
    const decomposed = 'Cafe\u0301 and Zu\u0308rich';
    const normalised = normalizeText(decomposed);
    expect(normalised).toBe('Caf\u00e9 and Z\u00fcrich');
    expect(normalised.length).toBe('Café and Zürich'.length);
  });

  it('collapses white space of any kind and trims it', () => {
    expect(normalizeText('  Tiny \t adapters\n\nfor\u00a0 everyone \r\n')).toBe('Tiny adapters for everyone');
  });

  it('drops invisible characters left by scrapes (BOM, zero-width space)', () => {
    expect(normalizeText('\ufeffTiny\u200b Adapters')).toBe('Tiny Adapters');
  });

  it('turns LaTeX text escapes into their characters', () => {
    expect(normalizeText('cuts memory by 40\\% and')).toBe('cuts memory by 40% and');
    expect(normalizeText('Q\\&A and snake\\_case and \\#1')).toBe('Q&A and snake_case and #1');
  });

  it("turns ``quotes'' into typographic quotes", () => {
    expect(normalizeText("so-called ``skills,'' learned")).toBe('so-called “skills,” learned');
    expect(normalizeText("``dense'' captions")).toBe('“dense” captions');
  });

  it.each(['S$^{2}$FT', 'S^{2}FT', 'S$^2$FT'])('displays %s as S²FT', (variant) => {
    expect(normalizeText(`${variant}: Efficient Fine-tuning`)).toBe('S²FT: Efficient Fine-tuning');
  });

  it('turns simple inline math into characters and leaves what it cannot convert', () => {
    expect(normalizeText('up to 3$\\times$ faster')).toBe('up to 3× faster');
    expect(normalizeText('$\\sim$10 points')).toBe('∼10 points');
    expect(normalizeText('a $\\mathcal{O}(n)$ bound')).toBe('a $\\mathcal{O}(n)$ bound');
  });

  it('leaves web addresses untouched', () => {
    expect(normalizeText('see https://github.com/a/b_2^{x} now')).toBe('see https://github.com/a/b_2^{x} now');
  });

  it('is idempotent', () => {
    const once = normalizeText("S$^{2}$FT  reduces ``cost'' by 40\\% \u2014 Cafe\u0301");
    expect(normalizeText(once)).toBe(once);
  });
});

describe('titleKey', () => {
  it('is the same for the three spellings of S²FT', () => {
    const keys = ['S$^{2}$FT: Efficient Fine-tuning', 'S^{2}FT: Efficient Fine-tuning', 'S$^2$FT: Efficient Fine-tuning'].map(titleKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe(titleKey('S²FT: Efficient Fine-tuning'));
  });

  it('ignores case, spacing and composition', () => {
    expect(titleKey('Tiny  Adapters: Few Parameters Are Enough')).toBe(titleKey('tiny adapters: few parameters are enough'));
    expect(titleKey('Cafe\u0301 Models')).toBe(titleKey('Caf\u00e9 Models'));
  });

  it('tells different titles apart', () => {
    expect(titleKey('CompeteSMoE -- Statistically Guaranteed Mixture of Experts Training via Competition')).not.toBe(
      titleKey('CompeteSMoE -- Effective Training of Sparse Mixture of Experts via Competition'),
    );
    expect(titleKey('S²FT: Efficient Fine-tuning')).not.toBe(titleKey('S³FT: Efficient Fine-tuning'));
  });
});
