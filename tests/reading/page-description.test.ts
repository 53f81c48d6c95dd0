/**
 * A paper page's meta description: its abstract cut to 157 code points and an ellipsis when the
 * abstract is longer than 160, so that a mathematical letter (two UTF-16 units) is never split.
 */
import { describe, expect, test } from 'vitest';
import { paperDescription as description } from '../../src/lib/format.ts';

describe('a page description cut by code points', () => {
  test('an abstract of up to 160 code points is whole', () => {
    const abstract = `We bound the regret by ${'𝒪'.repeat(10)} ${'x'.repeat(126)}`;
    expect([...abstract]).toHaveLength(160);
    expect(abstract.length).toBe(170);
    expect(description(abstract)).toBe(abstract);
  });

  test('161 code points, the first length that is cut, keeps 157', () => {
    const abstract = `${'𝒪'.repeat(3)}${'y'.repeat(158)}`;
    expect([...abstract]).toHaveLength(161);
    expect(description(abstract)).toBe(`${'𝒪'.repeat(3)}${'y'.repeat(154)}…`);
  });

  test('a longer one keeps 157 code points, the last a whole mathematical letter', () => {
    // 156 ASCII characters, then 𝒪 (U+1D4AA: two UTF-16 units) as the 157th code point, then more.
    const abstract = `${'a'.repeat(156)}𝒪 and the rest of the abstract`;
    // Cut at 157 UTF-16 units instead, the surrogate pair would be split.
    expect(description(abstract)).toBe(`${'a'.repeat(156)}𝒪…`);
  });

  test('a lone surrogate counts as one code point, as the spread of a string counts it', () => {
    const abstract = `${'\uD835'.repeat(157)}${'b'.repeat(10)}`;
    expect(description(abstract)).toBe(`${'\uD835'.repeat(157)}…`);
  });
});
