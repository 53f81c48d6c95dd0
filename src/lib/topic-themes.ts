/**
 * A topic's themes: the two- and three-word phrases (single words when they stand out enough)
 * that most distinguish the topic's papers from the rest of the corpus, each with the papers that
 * use it. A phrase counts once per paper; its score is its count in the topic times the log of
 * how much likelier it is in the topic than outside it.
 */
import { contentRuns, isContentWord, singular, tokenize } from './text-terms.ts';
import { BREAK, OF, wordStream } from './word-stream.ts';

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

/**
 * The distinct phrase keys of one paper, as `phrasesOf` gives them, from the word stream (no
 * positions, no spellings): what the counting needs, at a fraction of the cost.
 */
function phraseKeysOf(paper: ThemeInput): Set<string> {
  const keys = new Set<string>();
  for (const text of [paper.title, paper.abstract]) {
    const items = wordStream(text);
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (item === BREAK) continue;
      if (item === OF) {
        const before = items[i - 1];
        const after = items[i + 1];
        const next = items[i + 2];
        // X of Y, Y ending its phrase ("number of trainable parameters" is no "number of trainable").
        if (
          before &&
          after &&
          typeof before === 'object' &&
          typeof after === 'object' &&
          !(next && typeof next === 'object')
        )
          keys.add(`${before.key} of ${after.key}`);
        continue;
      }
      let key = item.key;
      keys.add(key);
      for (let length = 2; length <= 3; length++) {
        const following = items[i + length - 1];
        if (!following || typeof following !== 'object') break;
        key = `${key} ${following.key}`;
        keys.add(key);
      }
    }
  }
  return keys;
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
  const keysById = new Map(allPapers.map((paper) => [paper.id, phraseKeysOf(paper)]));
  const corpusFrequency = new Map<string, number>();
  for (const keys of keysById.values())
    for (const key of keys) corpusFrequency.set(key, (corpusFrequency.get(key) ?? 0) + 1);
  const total = allPapers.length;

  const result = new Map<string, Theme[]>();
  for (const [topic, papers] of topicPapers) {
    const inTopic = papers.length;
    const outside = total - inTopic;
    const topicKeys = papers.map((paper) => keysById.get(paper.id) ?? phraseKeysOf(paper));
    // Counting first; papers and spellings only for the phrases chosen.
    const counts = new Map<string, number>();
    for (const keys of topicKeys) for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    const spelled = new Map<string, Map<string, string>>();
    const spellingsOf = (index: number) => {
      let phrases = spelled.get(papers[index]!.id);
      if (!phrases) spelled.set(papers[index]!.id, (phrases = phrasesOf(papers[index]!)));
      return phrases;
    };
    // The phrase as written, from the first paper that has it.
    const firstRaw = (key: string): string => spellingsOf(topicKeys.findIndex((keys) => keys.has(key))).get(key) ?? key;
    const minimum = Math.max(2, Math.ceil(inTopic * 0.03));
    const scored: { key: string; score: number }[] = [];
    for (const [key, count] of counts) {
      if (count < minimum) continue;
      const rest = (corpusFrequency.get(key) ?? count) - count;
      const lift = Math.log((count + 0.5) / (inTopic + 1) / ((rest + 0.5) / (outside + 1)));
      if (lift <= 0.5) continue;
      // Words as written: a hyphenated compound counts as one ("low-rank adaptation": two).
      const length = firstRaw(key).trim().split(/\s+/).length;
      scored.push({ key, score: count * lift * PHRASE_BONUS[Math.min(3, length)]! });
    }
    scored.sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
    const chosen: string[] = [];
    for (const { key } of scored) {
      if (chosen.length === maxThemes) break;
      // One theme per idea: "reward model" and "reward" or "reward model training" are one.
      if (chosen.some((picked) => ` ${picked} `.includes(` ${key} `) || ` ${key} `.includes(` ${picked} `))) continue;
      chosen.push(key);
    }
    result.set(
      topic,
      chosen.map((key) => {
        const ids: string[] = [];
        const forms = new Map<string, number>();
        papers.forEach((paper, index) => {
          if (!topicKeys[index]!.has(key)) return;
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
