/**
 * The topic classifier: how rule phrases match, how terms score, the guards that keep look-alikes
 * out of a topic, and the quality bars of the real topic rules on the hand-checked labels.
 *
 * Papers come from `tests/fixtures/classify/papers.json`: titles and abstracts copied from the
 * ingest of `seeds/` (each with its source line), plus one constructed text where no seed paper
 * exercises a guard.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compilePhrase, scoreTopic, type CompiledTopic } from '../src/ingest/classify-topics.ts';
import { evaluateTopics, parseTopicLabels } from '../src/ingest/evaluate-topics.ts';
import {
  classifyPaper,
  compileTopics,
  ingestDumps,
  readDumpFolder,
  readTopicDefinitions,
  topicFromFrontmatter,
  type TopicDefinition,
  type TopicFrontmatter,
} from '../src/ingest/index.ts';

const PROJECT_ROOT = fileURLToPath(new URL('../', import.meta.url));
const FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/classify');
const TOPICS_DIR = join(PROJECT_ROOT, 'content/topics');
/** The repository's own copy of the hand-checked topic labels, so that it passes its tests on its own. */
const LABELS_PATH = join(PROJECT_ROOT, 'tests/fixtures/labels/dev-labels.jsonl');

interface FixturePaper {
  title: string;
  abstract: string;
  source: string;
}

const PAPERS = JSON.parse(readFileSync(join(FIXTURES, 'papers.json'), 'utf8')) as Record<string, FixturePaper>;

function paper(key: string): FixturePaper {
  const found = PAPERS[key];
  if (!found) throw new Error(`no fixture paper "${key}" in tests/fixtures/classify/papers.json`);
  return found;
}

/** Every text `phrase` matches in `text`, in order. */
function matches(phrase: string, text: string): string[] {
  return [...text.matchAll(compilePhrase(phrase))].map((found) => found[0]);
}

/** A one-topic rule set, written as authors write frontmatter. */
function topic(rules: TopicFrontmatter['rules'], id = 'test'): CompiledTopic {
  return compileTopics([topicFromFrontmatter(id, { name: id, description: '', rules })])[0]!;
}

const REAL_TOPICS = readTopicDefinitions(TOPICS_DIR);
const REAL = compileTopics(REAL_TOPICS);

function realTopic(id: string): CompiledTopic {
  const found = REAL.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`content/topics has no topic "${id}"`);
  return found;
}

/** The real definition of a topic with some rule keys removed, to show what a guard is holding back. */
function realWithout(id: string, ...keys: ('ignore' | 'near' | 'notNear')[]): CompiledTopic {
  const definition = REAL_TOPICS.find((candidate) => candidate.id === id)!;
  const rules: Record<string, unknown> = { ...definition.rules };
  for (const key of keys) rules[key] = key === 'ignore' ? [] : {};
  return compileTopics([{ ...definition, rules: rules as unknown as TopicDefinition['rules'] }])[0]!;
}

function classify(key: string): string[] {
  const { title, abstract } = paper(key);
  return classifyPaper(REAL, title, abstract).topics;
}

describe('phrase matching', () => {
  it('matches whole words only', () => {
    const { title, abstract } = paper('lora-vs-full');
    // "full fine-tuning" five times in the abstract; "fully fine-tuned" is another word.
    expect(matches('full fine tuning', abstract)).toEqual(Array(5).fill('full fine-tuning'));
    expect(abstract).toContain('fully fine-tuned');
    expect(matches('full fine tuning', title)).toEqual(['Full Fine-tuning']);

    const loramoe = paper('loramoe');
    // "LoRAMoE" is one word: neither "LoRA" nor "MoE" occurs in it; "(MoE)" does.
    expect(matches('LoRA', `${loramoe.title} ${loramoe.abstract}`)).toEqual([]);
    expect(matches('MoE', loramoe.title)).toEqual([]);
    expect(matches('MoE', loramoe.abstract)).toEqual(['MoE']);
  });

  it('lets a space or hyphen in a phrase match a space, a hyphen or nothing', () => {
    const { abstract } = paper('reward-backprop');
    expect(matches('fine tun*', abstract)).toEqual(['finetune', 'finetunes', 'finetuning']);
    expect(matches('low rank adapter', abstract)).toEqual(['low-rank adapter']);
    expect(matches('text-to-image', abstract)).toEqual(['Text-to-image', 'text-to-image', 'text-to-image']);
    expect(matches('fine-tuning', paper('lora-vs-full').title)).toEqual(['Fine-tuning']);
  });

  it('reads a trailing * on any word as "any word ending"', () => {
    const loramoe = paper('loramoe');
    expect(matches('LoRA*', loramoe.title)).toEqual(['LoRAMoE']);
    expect(matches('LoRA*', loramoe.abstract)).toEqual(['LoRAMoE', 'LoRAMoE', 'LoRAMoE', 'LoRAMoE']);
    const mixlora = paper('mixlora');
    // "Low-Rank Adaption" (sic) and "low-rank adaptation" are both spellings of the family.
    expect(matches('low rank adapt*', mixlora.abstract)).toEqual(['Low-Rank Adaption', 'low-rank adaptation']);
    const region = paper('visual-region');
    expect(matches('selective layer* tuning', region.abstract)).toEqual(['selective layers tuning']);
    expect(matches('selective layer tuning', region.abstract)).toEqual([]);
  });

  it('is case-sensitive exactly for the words written with a capital letter', () => {
    const green = paper('green-ai').abstract;
    expect(green).toContain('such as LoRa,');
    expect(matches('LoRA', green)).toEqual([]);
    expect(matches('lora', green)).toEqual(['LoRa']);

    const mixlora = paper('mixlora');
    expect(matches('mixture of LoRA*', mixlora.title)).toEqual(['Mixture of LoRA']);
    expect(matches('mixture of LoRA*', mixlora.abstract)).toEqual(['Mixture-of-LoRA']);
    expect(matches('mixture of LoRA*', 'a mixture of lora experts')).toEqual([]);
    expect(matches('MLLM*', mixlora.abstract)).toEqual(['MLLMs', 'MLLMs']);
  });
});

describe('scoring', () => {
  const lora = (extra: Partial<TopicFrontmatter['rules']> = {}) =>
    topic({ threshold: 1, terms: { LoRA: 3 }, ...extra });

  it('counts a title occurrence titleWeight times', () => {
    const { title } = paper('lora-vs-full');
    expect(scoreTopic(lora({ titleWeight: 2 }), title, '').score).toBe(6);
    expect(scoreTopic(lora({ titleWeight: 3 }), title, '').score).toBe(9);
    expect(scoreTopic(lora({ titleWeight: 3 }), '', title).score).toBe(3);
    expect(scoreTopic(lora(), title, '').evidence).toEqual([{ phrase: 'LoRA', field: 'title' }]);
  });

  it('caps the occurrences of one term at maxHitsPerTerm', () => {
    const { abstract } = paper('lora-vs-full');
    expect(matches('LoRA', abstract)).toHaveLength(8);
    expect(scoreTopic(lora(), '', abstract).score).toBe(3 * 2); // default cap: 2
    expect(scoreTopic(lora({ maxHitsPerTerm: 5 }), '', abstract).score).toBe(3 * 5);
    expect(scoreTopic(lora({ maxHitsPerTerm: 100 }), '', abstract).score).toBe(3 * 8);
  });

  it('counts the spellings of one term together, an abbreviation in brackets once', () => {
    const { abstract } = paper('lora-vs-full');
    // "Low-Rank Adaptation (LoRA)" then seven more "LoRA": eight mentions, not nine.
    const together = topic({ threshold: 1, maxHitsPerTerm: 100, terms: { 'low rank adaptation | LoRA': 1 } });
    expect(scoreTopic(together, '', abstract).score).toBe(8);
    const apart = topic({ threshold: 1, maxHitsPerTerm: 100, terms: { 'low rank adaptation': 1, LoRA: 1 } });
    expect(scoreTopic(apart, '', abstract).score).toBe(9);
    // The MoE paper opens with "Mixture-of-experts (MoE)": one mention under a cap of one.
    const moe = topic({ threshold: 1, maxHitsPerTerm: 1, terms: { 'mixture of expert* | MoE*': 1 } });
    expect(scoreTopic(moe, '', paper('closer-look-moe').abstract.slice(0, 60)).score).toBe(1);
  });

  it('lets the heavier of two overlapping terms keep the words', () => {
    // "finetunes low-rank adapter weight modules" (for memory) is one mention of one thing.
    const { title, abstract } = paper('reward-backprop');
    const score = scoreTopic(realTopic('peft'), title, abstract);
    expect(score.evidence).toEqual([{ phrase: 'low-rank adapter', field: 'abstract' }]);
    expect(score.score).toBe(4);
    expect(classify('reward-backprop')).not.toContain('peft');
  });

  it('counts a near term only with its context, and never with a notNear context', () => {
    const rules = { threshold: 1, nearWindow: 4, terms: { 'align*': 1 }, near: { 'align*': ['human*'] } };
    const { abstract } = paper('guideline-library');
    // "thereby aligning with human values" is the only "align" with "human" within four words.
    expect(scoreTopic(topic(rules), '', abstract).evidence).toEqual([{ phrase: 'aligning', field: 'abstract' }]);
    expect(scoreTopic(topic(rules), '', abstract).score).toBe(1);
    expect(scoreTopic(topic({ ...rules, near: {} }), '', abstract).score).toBe(2);
    const notNear = topic({ ...rules, notNear: { 'align*': ['values'] } });
    expect(scoreTopic(notNear, '', abstract).score).toBe(0);
  });

  it('requires one of requireAny before supporting vocabulary can make a paper part of the topic', () => {
    // Head tuning "where all pre-trained parameters are frozen": budget words, no PEFT method.
    const { title, abstract } = paper('model-complexity');
    const rules = { threshold: 8, terms: { frozen: 4, 'head tuning': 4 } };
    const without = topic(rules);
    const withRequired = topic({ ...rules, requireAny: ['LoRA', 'adapter*', 'prompt tuning'] });
    expect(scoreTopic(without, title, abstract)).toMatchObject({ score: 8, hasRequiredTerm: true });
    expect(scoreTopic(withRequired, title, abstract)).toMatchObject({ score: 8, hasRequiredTerm: false });
    expect(classifyPaper([without], title, abstract).topics).toEqual(['test']);
    expect(classifyPaper([withRequired], title, abstract).topics).toEqual([]);
    // The same holds in the real PEFT rules: HFT names no PEFT method, whatever the threshold.
    const hft = paper('hft');
    expect(scoreTopic(realTopic('peft'), hft.title, hft.abstract).hasRequiredTerm).toBe(false);
  });
});

describe('guards in the real topic rules', () => {
  it('does not take image-text (CLIP-style) alignment for preference alignment', () => {
    const { title, abstract } = paper('contrastive-vl-alignment');
    const topics = classify('contrastive-vl-alignment');
    expect(topics).toContain('multimodal');
    expect(topics).not.toContain('alignment');
    const evidence = scoreTopic(realTopic('alignment'), title, abstract).evidence;
    expect(evidence.filter(({ phrase }) => /align/i.test(phrase))).toEqual([]);
    // Without its notNear and ignore guards, "align ... instruction" would carry the paper in.
    const unguarded = realWithout('alignment', 'notNear', 'ignore');
    expect(classifyPaper([unguarded], title, abstract).topics).toEqual(['alignment']);

    expect(classify('clip-misalignment')).toEqual(['multimodal']);
  });

  it('does not take "expert-level", "human experts" or "domain experts" for Mixture-of-Experts', () => {
    const { title, abstract } = paper('constructed-expert-level');
    expect(scoreTopic(realTopic('moe'), title, abstract).score).toBe(0);
    // "a dense 12-layer model with expert-level accuracy": "layer" would lend "expert" the MoE sense.
    expect(scoreTopic(realWithout('moe', 'ignore'), title, abstract).evidence).toEqual([
      { phrase: 'expert', field: 'abstract' },
    ]);

    const evo = paper('evoprompting');
    expect(evo.abstract).toContain('designed by human experts');
    expect(scoreTopic(realTopic('moe'), evo.title, evo.abstract).score).toBe(0);
    expect(classify('closer-look-moe')).toEqual(['moe']);
  });

  it('does not count LoRA used in passing as a PEFT paper, but does when LoRA is the subject', () => {
    const { title, abstract } = paper('point-detect-count');
    expect(abstract).toContain('We fine-tune Qwen2.5-VL-7B-Instruct using Low-Rank Adaptation (LoRA)');
    const passing = scoreTopic(realTopic('peft'), title, abstract);
    expect(passing.evidence).toEqual([{ phrase: 'Low-Rank Adaptation', field: 'abstract' }]);
    expect(passing.score).toBeLessThan(realTopic('peft').rules.threshold);
    expect(classify('point-detect-count')).toEqual(['multimodal']);

    expect(classify('lora-vs-full')).toEqual(['peft']);
    expect(classify('mixlora')).toContain('peft');
  });
});

describe('topic definitions', () => {
  it('still reads frontmatter written before near, notNear and spellings existed', () => {
    const legacy = compileTopics(readTopicDefinitions(join(FIXTURES, 'legacy-topics')));
    expect(legacy.map(({ id }) => id)).toEqual(['peft', 'moe']);
    const { title, abstract } = paper('lora-vs-full');
    expect(classifyPaper(legacy, title, abstract).topics).toEqual(['peft']);
    const moe = paper('closer-look-moe');
    expect(classifyPaper(legacy, moe.title, moe.abstract).topics).toEqual(['moe']);
  });

  it('rejects a near rule that names no term, naming the file', () => {
    expect(() => readTopicDefinitions(join(FIXTURES, 'bad-near'))).toThrow(
      /bad-near[\\/]alignment\.mdx: `rules\.near` names "alignment", which is not one of `rules\.terms`/,
    );
  });

  it('keeps terms a map from phrase to number, as the site schema reads them', () => {
    for (const definition of REAL_TOPICS) {
      expect(definition.rules.terms.length, definition.id).toBeGreaterThan(0);
      for (const term of definition.rules.terms)
        expect(typeof term.weight, `${definition.id}: ${term.phrase}`).toBe('number');
    }
  });
});

describe('quality of the real rules on the hand-checked labels', () => {
  it('meets micro-F1 ≥ 0.88 and F1 ≥ 0.80 for every topic on the papers of the seeds', () => {
    if (!existsSync(LABELS_PATH)) {
      throw new Error(
        `The topic labels are missing: expected ${LABELS_PATH}. The quality bars cannot be checked without them.`,
      );
    }
    const labels = parseTopicLabels(readFileSync(LABELS_PATH, 'utf8'));
    const { papers } = ingestDumps(readDumpFolder(join(PROJECT_ROOT, 'seeds')), REAL_TOPICS);
    const evaluation = evaluateTopics(
      papers,
      labels,
      REAL_TOPICS.map(({ id }) => id),
    );
    expect(labels.length).toBeGreaterThan(0);
    expect(evaluation.unmatched.map(({ title }) => title)).toEqual([]);
    expect(Object.keys(evaluation.perTopic)).toEqual(['peft', 'alignment', 'moe', 'multimodal']);
    for (const [id, score] of Object.entries(evaluation.perTopic))
      expect(score.f1, `F1 of ${id}`).toBeGreaterThanOrEqual(0.8);
    expect(evaluation.micro.f1, 'micro-F1').toBeGreaterThanOrEqual(0.88);
  });
});
