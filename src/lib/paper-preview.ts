/**
 * A one- or two-sentence preview of an abstract for a paper card: the sentence that says what the
 * paper does ("we propose / introduce / present …"), else the first sentence. The previews the last
 * build made are taken from the published corpus's kept strings (src/lib/kept-strings.ts).
 */
import { publishedCorpus } from '../integrations/corpus-channel.ts';

/** Abbreviations after which a full stop ends no sentence. */
const ABBREVIATIONS = /(?:\be\.g|\bi\.e|\bet al|\bvs|\bcf|\bFig|\bEq|\bSec|\bapprox|\betc|\bresp|\bNo)\.$/i;

/** The sentences of `text`: split after . ! ? followed by a space and a capital, digit or quote. */
export function sentences(text: string): string[] {
  const result: string[] = [];
  let start = 0;
  const boundary = /[.!?]["”’)]?\s+(?=[\p{Lu}\p{N}"“‘(])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = match.index + match[0].trimEnd().length;
    const candidate = text.slice(start, end);
    if (ABBREVIATIONS.test(candidate) || /\b\p{Lu}\.$/u.test(candidate)) continue;
    result.push(candidate.trim());
    start = match.index + match[0].length;
  }
  const rest = text.slice(start).trim();
  if (rest) result.push(rest);
  return result.filter((sentence) => sentence.length > 0);
}

const CONTRIBUTION =
  /\b(?:we|this (?:paper|work|study|report)|here,? we|our (?:work|paper))\b[^.]{0,40}?\b(?:propose|introduce|present|develop|design|describe|release|put forward|offer)/i;

/** Below this length a preview sentence takes the next one along. */
const SHORT_SENTENCE = 90;
/** Above this length the preview is cut at a word, with an ellipsis. */
const MAX_LENGTH = 320;

/** Previews by abstract: a paper's card is on several pages (topics, sorts, organisations, themes). */
const previews = new Map<string, string>();

export function previewSentence(abstract: string): string {
  let preview = previews.get(abstract);
  if (preview === undefined) {
    const kept = publishedCorpus()?.kept.previews;
    preview = kept ? kept.get(abstract, () => previewOf(abstract)) : previewOf(abstract);
    // Bounded, as the corpus is: one entry per paper.
    if (previews.size < 500_000) previews.set(abstract, preview);
  }
  return preview;
}

function previewOf(abstract: string): string {
  const all = sentences(abstract.replace(/\s+/g, ' ').trim());
  if (all.length === 0) return '';
  let index = all.findIndex((sentence) => CONTRIBUTION.test(sentence));
  if (index < 0) index = 0;
  let preview = all[index]!;
  if (preview.length < SHORT_SENTENCE && all[index + 1]) preview = `${preview} ${all[index + 1]}`;
  if (preview.length > MAX_LENGTH) {
    const cut = preview.lastIndexOf(' ', MAX_LENGTH - 1);
    preview = `${preview.slice(0, cut > 0 ? cut : MAX_LENGTH - 1).replace(/[,;:]$/, '')}…`;
  }
  return preview;
}
