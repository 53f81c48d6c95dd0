/**
 * Decides which topics a paper belongs to, from rules that topic authors write as content.
 * A term scores its weight for each occurrence (up to a cap), a title occurrence counts
 * `titleWeight` times; `ignore` phrases are cut out first so that look-alikes ("expert-level",
 * "image-text alignment") never count; `requireAny` names the terms without which supporting
 * vocabulary alone cannot make a paper part of the topic; `near` and `notNear` fix the sense of an
 * ambiguous term ("alignment", "routing") by the words around each occurrence.
 * A term may name one concept under several spellings separated by ` | `
 * ("low rank adaptation | LoRA"): their occurrences count together, under one cap, and a spelling
 * followed by another in brackets ("Low-Rank Adaptation (LoRA)") is a single mention, not two.
 * Where occurrences of different terms overlap, the heavier term keeps the words.
 */
import { countWordsUpTo } from './count-words.ts';
import { PhraseIndex, PhraseScan, type CompiledPhrase } from './phrase-matcher.ts';
import type { TopicDefinition, TopicEvidence, TopicRules } from './types.ts';

export { compilePhrase } from './phrase-pattern.ts';

/** Words either side of a `near` term within which one of its context phrases must occur. */
const DEFAULT_NEAR_WINDOW = 8;

/**
 * Optional rule keys beyond `TopicRules`, read from the same frontmatter `rules`. Both map a phrase
 * of `terms` to context phrases, looked for in the same field (title or abstract) within
 * `nearWindow` words either side of each occurrence of the term:
 * - `near`: the occurrence counts only when one of the context phrases is there;
 * - `notNear`: the occurrence does not count when one of them is there.
 */

export interface TopicAssignment {
  topics: string[];
  topicEvidence: Record<string, TopicEvidence[]>;
}

interface CompiledTerm {
  phrase: string;
  weight: number;
  /** One pattern per spelling of the term (`a | b` in the rules). */
  spellings: CompiledPhrase[];
  /** Context patterns, one of which must occur within `nearWindow` words; empty: counts anywhere. */
  near: CompiledPhrase[];
  /** Context patterns none of which may occur within `nearWindow` words. */
  notNear: CompiledPhrase[];
}

export interface CompiledTopic {
  id: string;
  rules: TopicRules;
  terms: CompiledTerm[];
  ignore: CompiledPhrase[];
  requireAny: CompiledPhrase[];
  nearWindow: number;
  /** Every phrase of the topics compiled together, so that one scan of a text finds them all. */
  phrases: PhraseIndex;
}

export function compileTopics(topics: readonly TopicDefinition[]): CompiledTopic[] {
  const phrases = new PhraseIndex();
  const compilePhrase = (phrase: string) => phrases.add(phrase);
  return topics.map((topic) => {
    const { near = {}, notNear = {}, nearWindow = DEFAULT_NEAR_WINDOW } = topic.rules;
    const context = (map: Record<string, string[]>, phrase: string) =>
      (Object.hasOwn(map, phrase) ? map[phrase]! : []).map(compilePhrase);
    return {
      id: topic.id,
      rules: topic.rules,
      terms: topic.rules.terms.map((term) => ({
        ...term,
        spellings: splitSpellings(term.phrase).map(compilePhrase),
        near: context(near, term.phrase),
        notNear: context(notNear, term.phrase),
      })),
      ignore: topic.rules.ignore.map(compilePhrase),
      requireAny: topic.rules.requireAny.map(compilePhrase),
      nearWindow,
      phrases,
    };
  });
}

/** Separates the spellings of one concept in a term phrase: "low rank adaptation | LoRA". */
const SPELLING_SEPARATOR = ' | ';

function splitSpellings(phrase: string): string[] {
  return phrase
    .split(SPELLING_SEPARATOR)
    .map((spelling) => spelling.trim())
    .filter((spelling) => spelling !== '');
}

/** Scans of the texts of one paper, shared by its topics (most topics leave the texts as they are). */
class PaperScans {
  private readonly scans = new Map<PhraseIndex, Map<string, PhraseScan>>();

  of(index: PhraseIndex, text: string): PhraseScan {
    let byText = this.scans.get(index);
    if (byText === undefined) this.scans.set(index, (byText = new Map()));
    let scan = byText.get(text);
    if (scan === undefined) byText.set(text, (scan = new PhraseScan(index, text)));
    return scan;
  }
}

/** Whether a match of one of `context` lies within `window` words of the span [start, end) of the text. */
function hasContextNear(
  scan: PhraseScan,
  start: number,
  end: number,
  context: readonly CompiledPhrase[],
  window: number,
): boolean {
  return context.some((phrase) =>
    scan.matches(phrase).some((found) => {
      if (found.end <= start) return countWordsUpTo(scan.text, found.end, start, window) <= window;
      if (found.start >= end) return countWordsUpTo(scan.text, end, found.start, window) <= window;
      return true; // overlapping: the context is part of the phrase itself
    }),
  );
}

/** Whether an occurrence of `term` at [start, end) of the text satisfies the term's `near` and `notNear` context. */
function countsInContext(term: CompiledTerm, scan: PhraseScan, start: number, end: number, window: number): boolean {
  return (
    (term.near.length === 0 || hasContextNear(scan, start, end, term.near, window)) &&
    (term.notNear.length === 0 || !hasContextNear(scan, start, end, term.notNear, window))
  );
}

/** The text with each `ignore` phrase (in turn, each on the result of the one before) cut out. */
function withoutIgnored(text: string, topic: CompiledTopic, scans: PaperScans): string {
  let result = text;
  for (const phrase of topic.ignore) {
    if (scans.of(topic.phrases, result).has(phrase)) result = result.replace(phrase.pattern, ' ¦ ');
  }
  return result;
}

interface Hit {
  term: number;
  start: number;
  end: number;
  phrase: string;
}

/**
 * The occurrences that count in one field, by term index: each the matched texts in text order.
 * Occurrences outside their `near`/`notNear` context are dropped; where occurrences of different
 * terms overlap ("low-rank adapter" against "low rank" and "adapter*"), the term with the larger
 * absolute weight keeps the words (then the longer match, then the earlier term) and the others
 * do not count there; an occurrence that only restates the previous one of the same term in
 * brackets ("Mixture of Experts (MoE)") is not counted again.
 */
function countedHits(topic: CompiledTopic, scan: PhraseScan): Map<number, string[]> {
  const candidates: Hit[] = [];
  topic.terms.forEach((term, index) => {
    for (const spelling of term.spellings) {
      for (const found of scan.matches(spelling)) {
        if (countsInContext(term, scan, found.start, found.end, topic.nearWindow)) {
          candidates.push({ term: index, start: found.start, end: found.end, phrase: found.text });
        }
      }
    }
  });
  const counted = new Map<number, string[]>();
  if (candidates.length === 0) return counted;
  const weight = (hit: Hit) => Math.abs(topic.terms[hit.term]!.weight);
  candidates.sort(
    (a, b) => weight(b) - weight(a) || b.end - b.start - (a.end - a.start) || a.term - b.term || a.start - b.start,
  );
  const kept: Hit[] = [];
  for (const hit of candidates) {
    if (!kept.some((other) => hit.start < other.end && other.start < hit.end)) kept.push(hit);
  }
  kept.sort((a, b) => a.start - b.start);
  const previous = new Map<number, Hit>();
  for (const hit of kept) {
    const before = previous.get(hit.term);
    previous.set(hit.term, hit);
    if (before && isBracketedRestatement(scan.text.slice(before.end, hit.start))) continue;
    const hits = counted.get(hit.term);
    if (hits) hits.push(hit.phrase);
    else counted.set(hit.term, [hit.phrase]);
  }
  return counted;
}

/**
 * Whether the text between two occurrences of one term makes the second a bracketed restatement
 * of the first: at most three words, then an opening bracket ("Parameter-Efficient Fine-Tuning (PEFT)").
 */
function isBracketedRestatement(between: string): boolean {
  return /^[^.;:!?()[\]]*[([]\s*$/.test(between) && countWordsUpTo(between, 0, between.length, 3) <= 3;
}

export interface TopicScore {
  score: number;
  evidence: TopicEvidence[];
  hasRequiredTerm: boolean;
}

export function scoreTopic(
  topic: CompiledTopic,
  title: string,
  abstract: string,
  scans = new PaperScans(),
): TopicScore {
  const fields = [
    {
      field: 'title' as const,
      scan: scans.of(topic.phrases, withoutIgnored(title, topic, scans)),
      factor: topic.rules.titleWeight,
    },
    { field: 'abstract' as const, scan: scans.of(topic.phrases, withoutIgnored(abstract, topic, scans)), factor: 1 },
  ];
  const counted = fields.map(({ scan }) => countedHits(topic, scan));
  let score = 0;
  const evidence: TopicEvidence[] = [];
  topic.terms.forEach((term, index) => {
    fields.forEach(({ field, factor }, fieldIndex) => {
      const hits = counted[fieldIndex]!.get(index);
      if (!hits) return;
      score += term.weight * factor * Math.min(hits.length, topic.rules.maxHitsPerTerm);
      const phrase = hits[0]!;
      if (
        term.weight > 0 &&
        !evidence.some((seen) => seen.field === field && seen.phrase.toLowerCase() === phrase.toLowerCase())
      ) {
        evidence.push({ phrase, field });
      }
    });
  });
  const hasRequiredTerm =
    topic.requireAny.length === 0 || topic.requireAny.some((phrase) => fields.some(({ scan }) => scan.has(phrase)));
  return { score, evidence, hasRequiredTerm };
}

export function classifyPaper(topics: readonly CompiledTopic[], title: string, abstract: string): TopicAssignment {
  const assignment: TopicAssignment = { topics: [], topicEvidence: {} };
  const scans = new PaperScans();
  for (const topic of topics) {
    const { score, evidence, hasRequiredTerm } = scoreTopic(topic, title, abstract, scans);
    if (hasRequiredTerm && score >= topic.rules.threshold) {
      assignment.topics.push(topic.id);
      assignment.topicEvidence[topic.id] = evidence;
    }
  }
  return assignment;
}
