/**
 * A topic's themes: the two- and three-word phrases (single words when they stand out enough)
 * that most distinguish the topic's papers from the rest of the corpus, each with the papers that
 * use it. A phrase counts once per paper; its score is its count in the topic times the log of
 * how much likelier it is in the topic than outside it.
 */
import { contentRuns, isContentWord, singular, tokenize } from './text-terms.ts';
import { PhraseKeys, paperKeyLists, phraseKeysOf } from './phrase-keys.ts';
import type { DerivationMemo, KeyTables } from './text-derivations.ts';
import { wordStream, type StreamItem } from './word-stream.ts';

export interface ThemeInput {
  id: string;
  title: string;
  abstract: string;
}

export interface Theme {
  /** URL slug: the phrase's words joined by hyphens. */
  slug: string;
  /** The phrase as the papers most often write it ("low-rank adaptation"). */
  label: string;
  /** Ids of the topic's papers that use it, in the order the topic's papers were given. */
  paperIds: string[];
}

export interface ThemeOptions {
  maxThemes?: number;
  /** The words of a text (`wordStream`, or a memo of it that the related papers share). */
  wordStream?: (text: string) => readonly StreamItem[];
  /** A previous build's phrase keys of the papers it read (not read again), and this build's for the next. */
  memo?: DerivationMemo<KeyTables>;
}

/** Papers whose spelling of a theme phrase is looked at to label it. */
const LABEL_SAMPLE = 25;

/** Phrases get this factor on their score per extra word: a phrase names a theme, a word seldom does. */
const PHRASE_BONUS = [0, 0.4, 1.6, 1.8];

/**
 * One spelling of a phrase for all its forms: hyphens as spaces, words singular, so that
 * "mixture-of-experts" and "mixture of experts", "vision-language models" and "vision language
 * model" are one theme.
 */
function phraseKey(words: readonly string[]): string {
  return words
    .flatMap((word) => word.split('-'))
    .map(singular)
    .join(' ');
}

/**
 * The distinct phrases (1–3 words) of one paper: normalised key → the phrase as written (raw
 * text, first occurrence; lower-cased only for the few phrases that become themes).
 */
function phrasesOf(paper: ThemeInput): Map<string, string> {
  const phrases = new Map<string, string>();
  for (const text of [paper.title, paper.abstract]) {
    const tokens = tokenize(text);
    // "mixture of experts", "chain of thought": X of Y is a phrase, though "of" is a function word.
    for (let i = 1; i + 1 < tokens.length; i++) {
      if (tokens[i]!.word !== 'of') continue;
      const [before, of, after] = [tokens[i - 1]!, tokens[i]!, tokens[i + 1]!];
      if (!isContentWord(before.word) || !isContentWord(after.word)) continue;
      if (/[^\s-]/.test(text.slice(before.end, of.start) + text.slice(of.end, after.start))) continue;
      // "number of trainable parameters" is no "number of trainable": Y must end its phrase.
      const next = tokens[i + 2];
      if (next && isContentWord(next.word) && !/[^\s-]/.test(text.slice(after.end, next.start))) continue;
      const key = `${phraseKey([before.word])} of ${phraseKey([after.word])}`;
      if (!phrases.has(key)) phrases.set(key, text.slice(before.start, after.end));
    }
    for (const run of contentRuns(tokens, text)) {
      const keys = run.map((token) => phraseKey([token.word]));
      for (let start = 0; start < run.length; start++) {
        let key = '';
        for (let length = 1; length <= 3 && start + length <= run.length; length++) {
          key = length === 1 ? keys[start]! : `${key} ${keys[start + length - 1]!}`;
          if (!phrases.has(key)) phrases.set(key, text.slice(run[start]!.start, run[start + length - 1]!.end));
        }
      }
    }
  }
  return phrases;
}

/** Whether a sorted list of keys holds `key`. */
function holds(sorted: Int32Array, key: number): boolean {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low < sorted.length && sorted[low] === key;
}

/** The phrase as a label: lower case, single spaces. */
const labelOf = (raw: string): string => raw.toLowerCase().replace(/\s+/g, ' ');

/**
 * Themes of each topic. `topicPapers` maps a topic id to its papers (a paper may be in several);
 * `allPapers` is the corpus they are set against.
 */
export function topicThemes(
  allPapers: readonly ThemeInput[],
  topicPapers: ReadonlyMap<string, readonly ThemeInput[]>,
  options: ThemeOptions = {},
): Map<string, Theme[]> {
  const maxThemes = options.maxThemes ?? 12;
  const streamOf = options.wordStream ?? wordStream;
  const keys = new PhraseKeys();
  const paperKeys = paperKeyLists(allPapers, keys, streamOf, options.memo);
  const keysById = new Map(allPapers.map((paper, index) => [paper.id, paperKeys[index]!]));
  const topicKeysOf = new Map(
    [...topicPapers].map(([topic, papers]) => [
      topic,
      papers.map((paper) => keysById.get(paper.id) ?? phraseKeysOf(paper, keys, streamOf)),
    ]),
  );
  const corpusFrequency = new Int32Array(keys.count);
  for (const paperKeys of keysById.values()) for (const key of paperKeys) corpusFrequency[key]!++;
  const total = allPapers.length;
  const counts = new Int32Array(keys.count);
  /** Key → index of the first of the topic's papers that has it. */
  const firstPaper = new Int32Array(keys.count);

  const result = new Map<string, Theme[]>();
  // A paper's phrases as written, read once whichever of its topics asks.
  const spelled = new Map<ThemeInput, Map<string, string>>();
  for (const [topic, papers] of topicPapers) {
    const inTopic = papers.length;
    const outside = total - inTopic;
    const topicKeys = topicKeysOf.get(topic)!;
    // Counting first; papers and spellings only for the phrases chosen.
    const counted: number[] = [];
    topicKeys.forEach((paperKeys, index) => {
      for (const key of paperKeys) {
        if (counts[key] === 0) {
          counted.push(key);
          firstPaper[key] = index;
        }
        counts[key]!++;
      }
    });
    const spellingsOf = (index: number) => {
      let phrases = spelled.get(papers[index]!);
      if (!phrases) spelled.set(papers[index]!, (phrases = phrasesOf(papers[index]!)));
      return phrases;
    };
    const minimum = Math.max(2, Math.ceil(inTopic * 0.03));
    const scored: { key: string; node: number; score: number }[] = [];
    for (const node of counted) {
      const count = counts[node]!;
      if (count < minimum) continue;
      const rest = (corpusFrequency[node] || count) - count;
      const lift = Math.log((count + 0.5) / (inTopic + 1) / ((rest + 0.5) / (outside + 1)));
      if (lift <= 0.5) continue;
      const key = keys.text(node);
      // Words as written, from the first paper that has the phrase: a hyphenated compound counts
      // as one ("low-rank adaptation": two).
      const length = (spellingsOf(firstPaper[node]!).get(key) ?? key).trim().split(/\s+/).length;
      scored.push({ key, node, score: count * lift * PHRASE_BONUS[Math.min(3, length)]! });
    }
    for (const node of counted) counts[node] = 0;
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    const chosen: { key: string; node: number }[] = [];
    for (const candidate of scored) {
      if (chosen.length === maxThemes) break;
      const { key } = candidate;
      // One theme per idea: "reward model" and "reward" or "reward model training" are one.
      if (chosen.some(({ key: picked }) => ` ${picked} `.includes(` ${key} `) || ` ${key} `.includes(` ${picked} `)))
        continue;
      chosen.push(candidate);
    }
    result.set(
      topic,
      chosen.map(({ key, node }) => {
        const ids: string[] = [];
        const forms = new Map<string, number>();
        papers.forEach((paper, index) => {
          if (!holds(topicKeys[index]!, node)) return;
          ids.push(paper.id);
          // The label: the commonest spelling among the first papers that use the phrase.
          if (ids.length > LABEL_SAMPLE) return;
          const form = labelOf(spellingsOf(index).get(key) ?? key);
          forms.set(form, (forms.get(form) ?? 0) + 1);
        });
        const label = [...forms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
        return { slug: key.replace(/[^\p{L}\p{N}]+/gu, '-'), label, paperIds: ids };
      }),
    );
  }
  return result;
}
