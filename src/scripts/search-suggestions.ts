/**
 * "Did you mean …?": spellings close to the query, from the vocabulary file the build writes
 * (src/lib/search-vocabulary.ts). Whole phrases the papers use are tried first ("mixtral of
 * expers" → "mixture of experts"), then the query with each unknown word replaced by its closest
 * known word.
 * Only the vocabulary file waits until a suggestion is needed: the code is small, and loading it
 * later would cost the search page its inlined script (Astro inlines only scripts without imports).
 */
import type { Vocabulary } from '../lib/vocabulary-text.ts';

/** Edits allowed for a word of this length: none for 1–2 letters, then 1, 2, 3. */
const allowedEdits = (length: number): number => (length <= 2 ? 0 : length <= 4 ? 1 : length <= 6 ? 2 : 3);

/** Optimal string alignment distance (a swap of two neighbours is one edit), or `limit + 1` once it exceeds `limit`. */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, at) => at);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    [before, previous] = [previous, current];
  }
  return previous[b.length]!;
}

export interface VocabularyIndex {
  /** Word → band (0 the most common). */
  bands: Map<string, number>;
  phrases: string[][];
}

export function indexVocabulary(vocabulary: Vocabulary): VocabularyIndex {
  const bands = new Map<string, number>();
  vocabulary.words.forEach((words, band) => words.forEach((word) => bands.set(word, band)));
  return { bands, phrases: vocabulary.phrases.map((phrase) => phrase.split(' ')) };
}

function closestWord(word: string, vocabulary: VocabularyIndex): string | null {
  const limit = allowedEdits(word.length);
  let best: { word: string; distance: number; band: number } | null = null;
  for (const [candidate, band] of vocabulary.bands) {
    const distance = editDistance(word, candidate, limit);
    if (distance > limit) continue;
    if (!best || distance < best.distance || (distance === best.distance && band < best.band))
      best = { word: candidate, distance, band };
  }
  return best?.word ?? null;
}

/**
 * Up to `count` queries close to the query's `words` (src/lib/vocabulary-text.ts's), the closest
 * first; none when every word but the stop words is known.
 */
export function suggestSpellings(
  words: readonly string[],
  vocabulary: VocabularyIndex,
  stopWords: ReadonlySet<string>,
  count = 3,
): string[] {
  const unknown = words.filter((word) => !stopWords.has(word) && !vocabulary.bands.has(word));
  if (words.length === 0 || unknown.length === 0) return [];
  const scored: { text: string; distance: number; rank: number }[] = [];
  vocabulary.phrases.forEach((phrase, rank) => {
    if (phrase.length !== words.length) return;
    let distance = 0;
    for (let at = 0; at < words.length && distance < Infinity; at += 1) {
      const limit = allowedEdits(words[at]!.length);
      const edits = editDistance(words[at]!, phrase[at]!, limit);
      distance = edits > limit ? Infinity : distance + edits;
    }
    if (distance > 0 && distance < Infinity) scored.push({ text: phrase.join(' '), distance, rank });
  });
  scored.sort((a, b) => a.distance - b.distance || a.rank - b.rank);
  const suggestions = scored.map((entry) => entry.text);
  const replaced = words.map((word) => (unknown.includes(word) ? closestWord(word, vocabulary) : word));
  if (replaced.every((word) => word !== null)) suggestions.push(replaced.join(' '));
  return [...new Set(suggestions)].filter((text) => text !== words.join(' ')).slice(0, count);
}

let loaded: Promise<VocabularyIndex> | null = null;
export function loadVocabulary(path: string): Promise<VocabularyIndex> {
  loaded ??= fetch(path)
    .then((response) => {
      if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
      return response.json() as Promise<Vocabulary>;
    })
    .then(indexVocabulary);
  // A failed fetch (offline before the worker copied it) is tried again next time.
  loaded.catch(() => (loaded = null));
  return loaded;
}
