/**
 * The word stream's scan over char codes (src/lib/word-stream.ts) reads words as the regular
 * expression of text-terms.ts does (`[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*`, lower-cased): letters and
 * digits of any script, inner hyphens only, clause punctuation between words as a break, "of" kept.
 * The expected streams are worked out by hand from those rules.
 */
import { describe, expect, it } from 'vitest';
import { contentRuns, singular, tokenize } from '../../src/lib/text-terms.ts';
import { BREAK, OF, wordStream, type NormalisedWord, type StreamItem } from '../../src/lib/word-stream.ts';
import { seedCorpus } from './seed-corpus.ts';

/** The stream as text: terms, `of`, and `|` for a break. */
const shown = (items: readonly StreamItem[]) =>
  items.map((item) => (item === BREAK ? '|' : item === OF ? 'of' : item.term)).join(' ');

const wordOf = (text: string, term: string) =>
  wordStream(text).find((item): item is NormalisedWord => typeof item === 'object' && item?.term === term);

describe('the word stream', () => {
  it.each([
    ['Low-Rank Adaptation of Large Language Models', 'low-rank adaptation of large language model'],
    // Clause punctuation breaks a run; a function word is a break; breaks do not repeat.
    ['Experts, routers; and gates.', 'expert | router | gate'],
    // A hyphen joins only letters or digits on both sides: "--", a leading or trailing hyphen do not.
    ['Mixture-of-Experts--based routing', 'mixture-of-expert | routing'],
    ['a--b x-- --y -z pre-trained-', 'pre-trained'],
    // Digits: a bare number is a break, a word with a digit is a word; "95.5" is two numbers.
    ['GPT-4 and 3D models scored 95.5 on 2024 benchmarks', 'gpt-4 | 3d model scored | benchmark'],
    // Letters of any script, lower-cased; a combining accent is no letter and ends the word.
    ['Équivariant Größe-Netze für Ünïcödé Daten', 'équivariant größe-netze für ünïcödé daten'],
    ['Cafe\u0301 models', 'cafe model'],
    // Letters beyond the Basic Multilingual Plane (two UTF-16 units each).
    ['𝑥-vectors and 𝒳 spaces', '𝑥-vector | 𝒳 space'],
    // LaTeX: "\sim" is the word "sim"; "S$^{2}$FT" is "s", "2" and "ft" with braces between.
    ['$\\sim$10\\% of S$^{2}$FT parameters', 'sim | of | ft parameter'],
    ['the "reward model" (RM) [1] {x}', 'reward model | rm |'],
    ['OF Mixture OF Experts', 'of mixture of expert'],
    // An apostrophe and an underscore are no letters.
    ["model's_outputs", 'model | output'],
    // The Kelvin sign lower-cases to an ASCII "k": the same word as "Kelvin".
    ['\u212Aelvin Kelvin KELVIN', 'kelvin kelvin kelvin'],
    ['', ''],
    ['... ;;; (( ))', ''],
  ])('reads %j as %j', (text, expected) => {
    expect(shown(wordStream(text))).toBe(expected);
  });

  it("keeps a compound's parts and its key", () => {
    expect(wordOf('Sparse Mixture-of-Experts', 'mixture-of-expert')).toEqual({
      term: 'mixture-of-expert',
      parts: ['mixture', 'expert'],
      key: 'mixture of expert',
    });
    expect(wordOf('GPT-4 outputs', 'gpt-4')).toEqual({ term: 'gpt-4', parts: ['gpt'], key: 'gpt 4' });
    expect(wordOf('𝑥-vectors', '𝑥-vector')).toEqual({ term: '𝑥-vector', parts: ['𝑥', 'vector'], key: '𝑥 vector' });
  });

  it('gives one object per spelling, whatever its case or script', () => {
    const [first, second, third] = wordStream('Routers ROUTERS routers');
    expect(first).toBe(second);
    expect(second).toBe(third);
    const [kelvinSign, kelvin] = wordStream('\u212Aelvin kelvin');
    expect(kelvinSign).toBe(kelvin);
  });

  it("has the runs of content words that text-terms.ts's regular expression finds, in every seed title and abstract", () => {
    const texts = seedCorpus().papers.flatMap((paper) => [paper.title, paper.abstract]);
    expect(texts.length).toBeGreaterThan(900);
    for (const text of texts) {
      const runs: string[][] = [[]];
      for (const item of wordStream(text)) {
        if (item === BREAK || item === OF) runs.push([]);
        else runs.at(-1)!.push(item.term);
      }
      const expected = contentRuns(tokenize(text), text).map((run) => run.map((token) => singular(token.word)));
      expect(
        runs.filter((run) => run.length > 0),
        text,
      ).toEqual(expected);
    }
  });
});
