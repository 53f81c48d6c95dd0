/**
 * Reads topic definitions from `content/topics/<id>.mdx`: name, description and membership rules
 * live in the frontmatter, the editorial introduction in the body (rendered by the site).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { TopicDefinition, TopicRules } from './types.ts';

/** The frontmatter as authors write it: terms are a map from phrase (or ` | `-separated spellings of one phrase) to weight. */
export interface TopicFrontmatter {
  name: string;
  description: string;
  order?: number;
  rules: {
    threshold: number;
    titleWeight?: number;
    maxHitsPerTerm?: number;
    terms: Record<string, number>;
    ignore?: string[];
    requireAny?: string[];
    /** Term phrase → context phrases: the term counts only with one of them within `nearWindow` words. */
    near?: Record<string, string[]>;
    /** Term phrase → context phrases: the term does not count with one of them within `nearWindow` words. */
    notNear?: Record<string, string[]>;
    /** Words either side of an occurrence in which `near` and `notNear` look (default 8). */
    nearWindow?: number;
  };
}

export function topicFromFrontmatter(id: string, data: TopicFrontmatter): TopicDefinition {
  const rules: TopicRules = {
    threshold: data.rules.threshold,
    titleWeight: data.rules.titleWeight ?? 2,
    maxHitsPerTerm: data.rules.maxHitsPerTerm ?? 2,
    terms: Object.entries(data.rules.terms).map(([phrase, weight]) => ({ phrase, weight })),
    ignore: data.rules.ignore ?? [],
    requireAny: data.rules.requireAny ?? [],
  };
  if (data.rules.near !== undefined) rules.near = data.rules.near;
  if (data.rules.notNear !== undefined) rules.notNear = data.rules.notNear;
  if (data.rules.nearWindow !== undefined) rules.nearWindow = data.rules.nearWindow;
  return { id, name: data.name, description: data.description, rules };
}

function readFrontmatter(source: string): unknown {
  const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source.replace(/^\uFEFF/, ''));
  return match ? parseYaml(match[1] ?? '') : null;
}

/** Topic definitions sorted by their `order`, then id. Throws, naming the file, on a bad definition. */
export function readTopicDefinitions(directory: string): TopicDefinition[] {
  const files = readdirSync(directory).filter((file) => /\.mdx?$/.test(file)).sort();
  const topics = files.map((file) => {
    const data = readFrontmatter(readFileSync(join(directory, file), 'utf8'));
    const problem = checkTopicFrontmatter(data);
    if (problem) throw new Error(`${join(directory, file)}: ${problem}`);
    const frontmatter = data as TopicFrontmatter;
    return { order: frontmatter.order ?? Number.MAX_SAFE_INTEGER, topic: topicFromFrontmatter(file.replace(/\.mdx?$/, ''), frontmatter) };
  });
  return topics.sort((a, b) => a.order - b.order || a.topic.id.localeCompare(b.topic.id)).map(({ topic }) => topic);
}

function checkTopicFrontmatter(data: unknown): string | null {
  if (typeof data !== 'object' || data === null) return 'no YAML frontmatter';
  const record = data as Record<string, unknown>;
  if (typeof record.name !== 'string' || record.name === '') return '`name` must be a non-empty string';
  if (typeof record.description !== 'string') return '`description` must be a string';
  const rules = record.rules as Record<string, unknown> | undefined;
  if (typeof rules !== 'object' || rules === null) return '`rules` is missing';
  if (typeof rules.threshold !== 'number') return '`rules.threshold` must be a number';
  if (typeof rules.terms !== 'object' || rules.terms === null) return '`rules.terms` must map phrases to weights';
  for (const [phrase, weight] of Object.entries(rules.terms)) {
    if (typeof weight !== 'number') return `weight of term "${phrase}" must be a number`;
  }
  for (const list of ['ignore', 'requireAny'] as const) {
    const value = rules[list];
    if (value !== undefined && !(Array.isArray(value) && value.every((item) => typeof item === 'string'))) {
      return `\`rules.${list}\` must be a list of phrases`;
    }
  }
  for (const key of ['titleWeight', 'maxHitsPerTerm', 'nearWindow'] as const) {
    const value = rules[key];
    if (value !== undefined && !(typeof value === 'number' && value >= 0)) return `\`rules.${key}\` must be a non-negative number`;
  }
  for (const key of ['near', 'notNear'] as const) {
    const map = rules[key];
    if (map === undefined) continue;
    if (typeof map !== 'object' || map === null || Array.isArray(map)) return `\`rules.${key}\` must map term phrases to lists of phrases`;
    for (const [phrase, context] of Object.entries(map)) {
      if (!Object.hasOwn(rules.terms, phrase)) return `\`rules.${key}\` names "${phrase}", which is not one of \`rules.terms\``;
      if (!(Array.isArray(context) && context.length > 0 && context.every((item) => typeof item === 'string'))) {
        return `\`rules.${key}\` of "${phrase}" must be a non-empty list of phrases`;
      }
    }
  }
  return null;
}
