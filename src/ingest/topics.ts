/**
 * What a topic is, defined once: the frontmatter of `content/topics/<id>.mdx` (read by the ingest
 * and by the site's `topics` collection alike), the order topics are listed in, and "Other", the
 * place of papers that fit none of them.
 */
import { z } from 'zod';

const nonNegative = (key: string) =>
  z
    .number({ error: `\`rules.${key}\` must be a non-negative number` })
    .nonnegative({ error: `\`rules.${key}\` must be a non-negative number` });
const phraseList = (key: string) =>
  z.array(z.string({ error: 'must be a phrase' }), { error: `\`rules.${key}\` must be a list of phrases` });
const contextMap = (key: string) =>
  z.record(
    z.string(),
    z
      .array(z.string(), { error: 'must be a non-empty list of phrases' })
      .min(1, { error: 'must be a non-empty list of phrases' }),
    { error: `\`rules.${key}\` must map term phrases to non-empty lists of phrases` },
  );

/** The frontmatter as authors write it: terms are a map from phrase (or ` | `-separated spellings of one phrase) to weight. */
export const topicFrontmatterSchema = z.object({
  name: z.string({ error: '`name` must be a non-empty string' }).min(1, { error: '`name` must be a non-empty string' }),
  description: z.string({ error: '`description` must be a string' }),
  /** Place in the list of topics; topics without one come last, by id. */
  order: z.number({ error: '`order` must be a number' }).optional(),
  rules: z
    .object(
      {
        threshold: z.number({ error: '`rules.threshold` must be a number' }),
        titleWeight: nonNegative('titleWeight').optional(),
        maxHitsPerTerm: nonNegative('maxHitsPerTerm').optional(),
        /** Words either side of an occurrence in which `near` and `notNear` look (default 8). */
        nearWindow: nonNegative('nearWindow').optional(),
        terms: z.record(z.string(), z.number({ error: "a term's weight must be a number" }), {
          error: '`rules.terms` must map phrases to weights',
        }),
        ignore: phraseList('ignore').optional(),
        requireAny: phraseList('requireAny').optional(),
        /** Term phrase → context phrases: the term counts only with one of them within `nearWindow` words. */
        near: contextMap('near').optional(),
        /** Term phrase → context phrases: the term does not count with one of them within `nearWindow` words. */
        notNear: contextMap('notNear').optional(),
      },
      { error: '`rules` is missing' },
    )
    .superRefine((rules, context) => {
      for (const key of ['near', 'notNear'] as const) {
        for (const phrase of Object.keys(rules[key] ?? {})) {
          if (!Object.hasOwn(rules.terms ?? {}, phrase)) {
            context.addIssue({
              code: 'custom',
              path: [key],
              message: `\`rules.${key}\` names "${phrase}", which is not one of \`rules.terms\``,
            });
          }
        }
      }
    }),
});

export type TopicFrontmatter = z.infer<typeof topicFrontmatterSchema>;

/** The topic of papers that fit none of the topics: no definition, but a list and pages like the others. */
export const OTHER_TOPIC = {
  id: 'other',
  name: 'Other',
  /** On topic cards. */
  description: 'Papers that fit none of the topics.',
  /** On its own page. */
  pageDescription: 'Papers of the digest that fit none of its topics.',
} as const;

/** Topics in their `order`, those without one last, ties by id. */
export function sortTopics<T>(
  topics: readonly T[],
  key: (topic: T) => { id: string; order?: number | undefined },
): T[] {
  return [...topics].sort((a, b) => {
    const [first, second] = [key(a), key(b)];
    return (first.order ?? Infinity) - (second.order ?? Infinity) || first.id.localeCompare(second.id);
  });
}

/** Topic id → name, "Other" included. */
export function topicNames(topics: readonly { id: string; name: string }[]): Map<string, string> {
  return new Map([
    ...topics.map((topic) => [topic.id, topic.name] as [string, string]),
    [OTHER_TOPIC.id, OTHER_TOPIC.name],
  ]);
}
