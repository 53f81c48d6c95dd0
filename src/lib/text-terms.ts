/**
 * Words and two-word phrases of a paper's title and abstract, as the related-papers and
 * topic-themes computations count them: lower-cased, split on anything but letters and digits,
 * English function words and the stock words of abstracts left out, phrases never spanning one.
 */

/** Function words, and words every abstract uses whatever it is about. */
const STOPWORDS = new Set(
  `a about above after again against all also although among an and any are as at based be because been before being below
  between both but by can could did do does doing done down due during each either et etc even ever every few for from further
  had has have having he her here hers him his how however i if in into is it its itself just least less like made make
  makes many may me more most much must my no nor not now of off on once one only onto or other our ours out over own per
  rather same several she should show shows shown since so some such than that the their theirs them then there these they
  this those though through thus to too two under until up upon us use used uses using via was we were what when where
  whether which while who whom whose why will with within without would yet you your
  al approach approaches achieve achieves achieving across additionally address addresses demonstrate demonstrates existing
  experiments extensive furthermore introduce introduces method methods moreover new novel paper present presents propose
  proposed proposes results significantly state-of-the-art study task tasks well work works first three different various`
    .split(/\s+/)
    .filter(Boolean),
);

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** A word; hyphenated compounds ("low-rank", "fine-tuning") stay one word. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** Every word with its place in `text` (lower-cased; function words kept, so phrases can stop at them). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(WORD))
    tokens.push({ word: match[0].toLowerCase(), start: match.index, end: match.index + match[0].length });
  return tokens;
}

/** A word that can stand in a term: not a function word, not a bare number, not a single letter. */
export function isContentWord(word: string): boolean {
  return word.length > 1 && !STOPWORDS.has(word) && !/^\d+$/.test(word);
}

/** Runs of consecutive content words of `text`, as token lists: the spans inside which phrases are formed. */
export function contentRuns(tokens: readonly Token[], text: string): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let previous: Token | null = null;
  for (const token of tokens) {
    const gap = previous ? text.slice(previous.end, token.start) : '';
    // Sentence and clause punctuation ends a run: "…models. Reward…" is no phrase.
    const broken = /[.,;:!?()[\]{}"]/.test(gap);
    if (!isContentWord(token.word) || broken) {
      if (run.length > 0) runs.push(run);
      run = [];
    }
    if (isContentWord(token.word)) run.push(token);
    previous = token;
  }
  if (run.length > 0) runs.push(run);
  return runs;
}

/**
 * A plural's singular, roughly ("experts" → "expert", "MoEs" → "moe", "studies" → "study"), so
 * that the two count as one term; words in -ss, -us, -is and short words stay as they are.
 */
const singularCache = new Map<string, string>();

export function singular(word: string): string {
  let cached = singularCache.get(word);
  if (cached === undefined) {
    cached = singularOf(word);
    // Bounded: a corpus has some tens of thousands of distinct words.
    if (singularCache.size < 200_000) singularCache.set(word, cached);
  }
  return cached;
}

function singularOf(word: string): string {
  if (word.length <= 3 || !word.endsWith('s') || /(ss|us|is|ous)$/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  return word.slice(0, -1);
}
