/**
 * Keeps each paper's topics between builds in `node_modules/.cache/research-digest/classifications.json`,
 * by a hash of its title and abstract: after a new dump, only the papers whose text changed are
 * classified again (classifying is most of the cost of turning merged papers into records). The
 * whole file is keyed by the topic rules and a hash of the ingest code, so a changed rule or
 * classifier starts afresh; deleting the file only costs time.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { ClassificationMemo, TopicAssignment, TopicDefinition } from '../ingest/index.ts';
import { writeFileAside } from './write-aside.ts';

interface CacheFile {
  key: string;
  assignments: Record<string, TopicAssignment>;
}

const textKey = (title: string, abstract: string) =>
  createHash('sha1').update(title).update('\0').update(abstract).digest('base64');

export interface ClassificationCache {
  memo: ClassificationMemo;
  /** Writes the classifications this build used (and only those, so the file stays one corpus big). */
  save(): void;
}

/** `code`: the hash of the ingest code (`treeHash` of src/ingest/), null when it cannot be told. */
export function classificationCache(
  file: string,
  code: string | null,
  topics: readonly TopicDefinition[],
): ClassificationCache | null {
  // Not in the project folder: no way to tell whether the classifier changed, so no cache.
  if (code === null) return null;
  const key = createHash('sha256').update(code).update(JSON.stringify(topics)).digest('hex');
  let earlier: Record<string, TopicAssignment> = {};
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as CacheFile;
    if (cached.key === key) earlier = cached.assignments;
  } catch {
    // Not cached yet, or unreadable: classify every paper.
  }
  const used: Record<string, TopicAssignment> = {};
  return {
    memo: {
      get: (title, abstract) => {
        const id = textKey(title, abstract);
        const assignment = used[id] ?? (Object.hasOwn(earlier, id) ? earlier[id] : undefined);
        if (assignment) used[id] = assignment;
        return assignment;
      },
      set: (title, abstract, assignment) => {
        used[textKey(title, abstract)] = assignment;
      },
    },
    save: () => {
      try {
        writeFileAside(file, (pending) =>
          writeFileSync(pending, JSON.stringify({ key, assignments: used } satisfies CacheFile)),
        );
      } catch {
        // A read-only checkout still builds; it only classifies every time.
      }
    },
  };
}
