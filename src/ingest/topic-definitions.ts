/**
 * Reads topic definitions from `content/topics/<id>.mdx`: name, description and membership rules
 * live in the frontmatter, the editorial introduction in the body (rendered by the site).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { TopicDefinition, TopicRules } from './types.ts';
import { sortTopics, topicFrontmatterSchema, type TopicFrontmatter } from './topics.ts';

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
  const files = readdirSync(directory)
    .filter((file) => /\.mdx?$/.test(file))
    .sort();
  const topics = files.map((file) => {
    const frontmatter = checkTopicFrontmatter(
      readFrontmatter(readFileSync(join(directory, file), 'utf8')),
      join(directory, file),
    );
    return { order: frontmatter.order, topic: topicFromFrontmatter(file.replace(/\.mdx?$/, ''), frontmatter) };
  });
  return sortTopics(topics, ({ order, topic }) => ({ id: topic.id, order })).map(({ topic }) => topic);
}

function checkTopicFrontmatter(data: unknown, path: string): TopicFrontmatter {
  if (typeof data !== 'object' || data === null) throw new Error(`${path}: no YAML frontmatter`);
  const result = topicFrontmatterSchema.safeParse(data);
  if (result.success) return result.data;
  const [issue] = result.error.issues;
  const where = issue?.path.join('.') ?? '';
  const problem =
    issue === undefined || issue.message.startsWith('`') ? issue?.message : `\`${where}\`: ${issue.message}`;
  throw new Error(`${path}: ${problem}`, { cause: result.error });
}
