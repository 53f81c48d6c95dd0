/** Text normalisation (Unicode, white space), and the title key that decides "same title". */
import { describe, expect, it } from 'vitest';
import { comparableWords, normalizeText, titleKey } from '../../src/ingest/index.ts';

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

  it('keeps math and LaTeX as the dump wrote them (the text pipeline renders them for readers)', () => {
    expect(normalizeText('S$^{2}$FT cuts memory by 40\\% at https://github.com/a/b_2')).toBe(
      'S$^{2}$FT cuts memory by 40\\% at https://github.com/a/b_2',
    );
  });

  it('is idempotent', () => {
    const once = normalizeText("S$^{2}$FT  reduces ``cost'' by 40\\% \u2014 Cafe\u0301");
    expect(normalizeText(once)).toBe(once);
  });
});

describe('comparableWords', () => {
  it('gives ASCII text as its runs of letters and digits, in lower case', () => {
    expect(comparableWords('LoRA-2: 4-bit QLoRA, v1.5 (Tiny)  x')).toEqual([
      'lora',
      '2',
      '4',
      'bit',
      'qlora',
      'v1',
      '5',
      'tiny',
      'x',
    ]);
    expect(comparableWords(' -- ')).toEqual([]);
  });

  it('folds accents and reads the text as a reader sees it beyond ASCII', () => {
    expect(comparableWords('Caf\u00e9 S$^{2}$FT')).toEqual(['cafe', 's2ft']);
  });
});

describe('titleKey', () => {
  it('is the same for the three spellings of S²FT', () => {
    const keys = [
      'S$^{2}$FT: Efficient Fine-tuning',
      'S^{2}FT: Efficient Fine-tuning',
      'S$^2$FT: Efficient Fine-tuning',
    ].map(titleKey);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).toBe(titleKey('S²FT: Efficient Fine-tuning'));
  });

  it('ignores case, spacing and composition', () => {
    expect(titleKey('Tiny  Adapters: Few Parameters Are Enough')).toBe(
      titleKey('tiny adapters: few parameters are enough'),
    );
    expect(titleKey('Cafe\u0301 Models')).toBe(titleKey('Caf\u00e9 Models'));
  });

  it('tells different titles apart', () => {
    expect(titleKey('CompeteSMoE -- Statistically Guaranteed Mixture of Experts Training via Competition')).not.toBe(
      titleKey('CompeteSMoE -- Effective Training of Sparse Mixture of Experts via Competition'),
    );
    expect(titleKey('S²FT: Efficient Fine-tuning')).not.toBe(titleKey('S³FT: Efficient Fine-tuning'));
  });
});
