/**
 * Decides which topics a paper belongs to, from rules that topic authors write as content.
 * A term scores its weight for each occurrence (up to a cap), a title occurrence counts
 * `titleWeight` times; `ignore` phrases are cut out first so that look-alikes ("expert-level",
 * "image-text alignment") never count; `requireAny` names the terms without which supporting
 * vocabulary alone cannot make a paper part of the topic.
 */
import type { TopicDefinition, TopicEvidence, TopicRules } from './types.ts';

export interface TopicAssignment {
  topics: string[];
  topicEvidence: Record<string, TopicEvidence[]>;
}

interface CompiledTerm {
  phrase: string;
  weight: number;
  pattern: RegExp;
}

export interface CompiledTopic {
  id: string;
  rules: TopicRules;
  terms: CompiledTerm[];
  ignore: RegExp[];
  requireAny: RegExp[];
}

/**
 * A rule phrase becomes a pattern: whole words only; a space or hyphen in the phrase matches a
 * space, a hyphen or nothing ("fine-tuning" = "fine tuning" = "finetuning"); a trailing `*`
 * matches any word ending; the phrase is case-insensitive unless written with a capital letter
 * ("MoE", "LoRA"), as in "smart case" search.
 */
export function compilePhrase(phrase: string): RegExp {
  const wildcard = phrase.endsWith('*');
  const body = (wildcard ? phrase.slice(0, -1) : phrase).trim();
  const source = body
    .split(/[\s-]+/)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('[\\s\\-\\u2010\\u2011\\u2013]*');
  const flags = /[A-Z]/.test(body) ? 'gu' : 'giu';
  return new RegExp(`(?<![\\p{L}\\p{N}])${source}${wildcard ? '[\\p{L}\\p{N}]*' : ''}(?![\\p{L}\\p{N}])`, flags);
}

export function compileTopics(topics: readonly TopicDefinition[]): CompiledTopic[] {
  return topics.map((topic) => ({
    id: topic.id,
    rules: topic.rules,
    terms: topic.rules.terms.map((term) => ({ ...term, pattern: compilePhrase(term.phrase) })),
    ignore: topic.rules.ignore.map(compilePhrase),
    requireAny: topic.rules.requireAny.map(compilePhrase),
  }));
}

function withoutIgnored(text: string, ignore: readonly RegExp[]): string {
  return ignore.reduce((result, pattern) => result.replace(pattern, ' ¦ '), text);
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
  let score = 0;
  const evidence: TopicEvidence[] = [];
  for (const term of topic.terms) {
    for (const { field, text, factor } of fields) {
      const hits = [...text.matchAll(term.pattern)];
      if (hits.length === 0) continue;
      score += term.weight * factor * Math.min(hits.length, topic.rules.maxHitsPerTerm);
      const phrase = hits[0]![0];
      if (term.weight > 0 && !evidence.some((seen) => seen.field === field && seen.phrase.toLowerCase() === phrase.toLowerCase())) {
        evidence.push({ phrase, field });
      }
    }
  }
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
