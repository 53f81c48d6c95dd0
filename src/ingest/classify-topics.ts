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
import type { TopicDefinition, TopicEvidence, TopicRules } from './types.ts';

/** Words either side of a `near` term within which one of its context phrases must occur. */
export const DEFAULT_NEAR_WINDOW = 8;

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
  spellings: RegExp[];
  /** Context patterns, one of which must occur within `nearWindow` words; empty: counts anywhere. */
  near: RegExp[];
  /** Context patterns none of which may occur within `nearWindow` words. */
  notNear: RegExp[];
}

export interface CompiledTopic {
  id: string;
  rules: TopicRules;
  terms: CompiledTerm[];
  ignore: RegExp[];
  requireAny: RegExp[];
  nearWindow: number;
}

/**
 * A rule phrase becomes a pattern: whole words only; a space or hyphen in the phrase matches a
 * space, a hyphen or nothing ("fine-tuning" = "fine tuning" = "finetuning"); a `*` at the end of a
 * word matches any word ending ("adapter*", "selective layer* tuning"). Case is "smart", word by
 * word: a word written with a capital letter must match exactly ("MoE", "LoRA"), a word written in
 * lower case matches any case ("mixture of LoRA" matches "Mixture-of-LoRA" but not "mixture of lora").
 */
export function compilePhrase(phrase: string): RegExp {
  const source = phrase
    .trim()
    .split(/[\s-]+/)
    .map((word) => {
      const wildcard = word.length > 1 && word.endsWith('*');
      const stem = wildcard ? word.slice(0, -1) : word;
      const exact = /\p{Lu}/u.test(stem);
      const escaped = [...stem].map((char) => anyCase(char.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), !exact)).join('');
      return wildcard ? `${escaped}[\\p{L}\\p{N}]*` : escaped;
    })
    .join('[\\s\\-\\u2010\\u2011\\u2013]*');
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, 'gu');
}

/** A (regex-escaped) character as a pattern matching it in either case, when `fold` and it has case. */
function anyCase(char: string, fold: boolean): string {
  const lower = char.toLowerCase();
  const upper = char.toUpperCase();
  return fold && lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : char;
}

export function compileTopics(topics: readonly TopicDefinition[]): CompiledTopic[] {
  return topics.map((topic) => {
    const { near = {}, notNear = {}, nearWindow = DEFAULT_NEAR_WINDOW } = topic.rules;
    const context = (map: Record<string, string[]>, phrase: string) => (Object.hasOwn(map, phrase) ? map[phrase]! : []).map(compilePhrase);
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
    };
  });
}

/** Separates the spellings of one concept in a term phrase: "low rank adaptation | LoRA". */
export const SPELLING_SEPARATOR = ' | ';

export function splitSpellings(phrase: string): string[] {
  return phrase.split(SPELLING_SEPARATOR).map((spelling) => spelling.trim()).filter((spelling) => spelling !== '');
}

const WORD = /[\p{L}\p{N}]+/gu;

function wordCount(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Whether a match of one of `context` lies within `window` words of the span [start, end) of `text`. */
function hasContextNear(text: string, start: number, end: number, context: readonly RegExp[], window: number): boolean {
  return context.some((pattern) =>
    [...text.matchAll(pattern)].some((found) => {
      const foundEnd = found.index + found[0].length;
      if (foundEnd <= start) return wordCount(text.slice(foundEnd, start)) <= window;
      if (found.index >= end) return wordCount(text.slice(end, found.index)) <= window;
      return true; // overlapping: the context is part of the phrase itself
    }),
  );
}

/** Whether an occurrence of `term` at [start, end) of `text` satisfies the term's `near` and `notNear` context. */
function countsInContext(term: CompiledTerm, text: string, start: number, end: number, window: number): boolean {
  return (
    (term.near.length === 0 || hasContextNear(text, start, end, term.near, window)) &&
    (term.notNear.length === 0 || !hasContextNear(text, start, end, term.notNear, window))
  );
}

function withoutIgnored(text: string, ignore: readonly RegExp[]): string {
  return ignore.reduce((result, pattern) => result.replace(pattern, ' ¦ '), text);
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
function countedHits(topic: CompiledTopic, text: string): Map<number, string[]> {
  const candidates: Hit[] = [];
  topic.terms.forEach((term, index) =>
    term.spellings.forEach((pattern) => {
      for (const found of text.matchAll(pattern)) {
        const start = found.index;
        const end = start + found[0].length;
        if (countsInContext(term, text, start, end, topic.nearWindow)) candidates.push({ term: index, start, end, phrase: found[0] });
      }
    }),
  );
  const weight = (hit: Hit) => Math.abs(topic.terms[hit.term]!.weight);
  candidates.sort((a, b) => weight(b) - weight(a) || b.end - b.start - (a.end - a.start) || a.term - b.term || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of candidates) {
    if (!kept.some((other) => hit.start < other.end && other.start < hit.end)) kept.push(hit);
  }
  kept.sort((a, b) => a.start - b.start);
  const counted = new Map<number, string[]>();
  const previous = new Map<number, Hit>();
  for (const hit of kept) {
    const before = previous.get(hit.term);
    previous.set(hit.term, hit);
    if (before && isBracketedRestatement(text.slice(before.end, hit.start))) continue;
    counted.set(hit.term, [...(counted.get(hit.term) ?? []), hit.phrase]);
  }
  return counted;
}

/**
 * Whether the text between two occurrences of one term makes the second a bracketed restatement
 * of the first: at most three words, then an opening bracket ("Parameter-Efficient Fine-Tuning (PEFT)").
 */
function isBracketedRestatement(between: string): boolean {
  return /^[^.;:!?()[\]]*[([]\s*$/.test(between) && wordCount(between) <= 3;
}

export interface TopicScore {
  score: number;
  evidence: TopicEvidence[];
  hasRequiredTerm: boolean;
}

export function scoreTopic(topic: CompiledTopic, title: string, abstract: string): TopicScore {
  const fields = [
    { field: 'title' as const, text: withoutIgnored(title, topic.ignore), factor: topic.rules.titleWeight },
    { field: 'abstract' as const, text: withoutIgnored(abstract, topic.ignore), factor: 1 },
  ];
  const counted = fields.map(({ text }) => countedHits(topic, text));
  let score = 0;
  const evidence: TopicEvidence[] = [];
  topic.terms.forEach((term, index) => {
    fields.forEach(({ field, factor }, fieldIndex) => {
      const hits = counted[fieldIndex]!.get(index);
      if (!hits) return;
      score += term.weight * factor * Math.min(hits.length, topic.rules.maxHitsPerTerm);
      const phrase = hits[0]!;
      if (term.weight > 0 && !evidence.some((seen) => seen.field === field && seen.phrase.toLowerCase() === phrase.toLowerCase())) {
        evidence.push({ phrase, field });
      }
    });
  });
  const hasRequiredTerm =
    topic.requireAny.length === 0 ||
    topic.requireAny.some((pattern) => fields.some(({ text }) => new RegExp(pattern.source, pattern.flags.replace('g', '')).test(text)));
  return { score, evidence, hasRequiredTerm };
}

export function classifyPaper(topics: readonly CompiledTopic[], title: string, abstract: string): TopicAssignment {
  const assignment: TopicAssignment = { topics: [], topicEvidence: {} };
  for (const topic of topics) {
    const { score, evidence, hasRequiredTerm } = scoreTopic(topic, title, abstract);
    if (hasRequiredTerm && score >= topic.rules.threshold) {
      assignment.topics.push(topic.id);
      assignment.topicEvidence[topic.id] = evidence;
    }
  }
  return assignment;
}
