/**
 * The merge checkpoint (src/ingest/merge-checkpoint.ts, src/loaders/merge-checkpoint-cache.ts): a
 * merge continued from a checkpoint is the merge of every dump, byte for byte, on the seeds, the
 * new-dump fixtures (a paper retired into another, near misses, renamed papers) and a generated
 * corpus; a checkpoint is read only while its dumps are still the first ones, unchanged, under the
 * same parser and ingest code.
 */
import {
  appendFileSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PARSER_VERSION,
  buildCorpus,
  decodeMergeState,
  encodeMergeState,
  ingestDumps,
  newMergeState,
  parseDumpInput,
  readDumpFolder,
  readTopicDefinitions,
  type IngestResult,
  type ParsedDump,
  type TopicDefinition,
} from '../../src/ingest/index.ts';
import { loadDigestCorpus, type DigestSources } from '../../src/loaders/digest-corpus.ts';
import { mergeCheckpoint } from '../../src/loaders/merge-checkpoint-cache.ts';
import { dumpCacheKey } from '../../src/loaders/parsed-dump-cache.ts';
import { treeHash } from '../../src/lib/tree-hash.ts';
import { shouldAidsYieldCores } from '../../src/lib/reading-aids-thread.ts';
import { generateSyntheticCorpus, seedTextPool } from '../../scripts/lib/synthetic-corpus.ts';
import { NEW_DUMP_FIXTURES, PROJECT_ROOT, digestSourcesIn } from './helpers.ts';

const SEEDS = join(PROJECT_ROOT, 'seeds');
const TOPICS = readTopicDefinitions(join(PROJECT_ROOT, 'content/topics'));

/** What `npm run ingest -- --json` prints, and the reports and near misses besides. */
const bytesOf = (result: IngestResult) =>
  JSON.stringify([JSON.stringify(result.papers, null, 2), result.dumps, result.nearMisses]);

/** The merge of the first `first` dumps, through bytes, continued with the rest. */
function continuedFrom(parsed: readonly ParsedDump[], first: number, topics: readonly TopicDefinition[]) {
  const state = newMergeState();
  buildCorpus(parsed.slice(0, first), topics, { mergeState: state });
  const restored = decodeMergeState(encodeMergeState(state, parsed), parsed);
  return { result: buildCorpus(parsed, topics, { mergeState: restored }), state: restored };
}

const encodedBytes = (encoded: ReturnType<typeof encodeMergeState>) => [
  Buffer.from(encoded.json).toString('base64'),
  Buffer.from(encoded.numbers.buffer, encoded.numbers.byteOffset, encoded.numbers.byteLength).toString('base64'),
];

describe('a merge continued from its checkpoint', () => {
  const corpora: [string, () => ParsedDump[], TopicDefinition[]][] = [
    ['the seeds', () => readDumpFolder(SEEDS).map(parseDumpInput), TOPICS],
    ['the new-dump fixtures', () => readDumpFolder(NEW_DUMP_FIXTURES).map(parseDumpInput), []],
  ];
  for (const [name, read, topics] of corpora) {
    it(`equals the merge of every dump, whichever dump it stopped after (${name})`, () => {
      const parsed = read();
      expect(parsed.length).toBeGreaterThanOrEqual(5);
      const fresh = newMergeState();
      const expected = bytesOf(buildCorpus(parsed, topics, { mergeState: fresh }));
      for (let first = 0; first <= parsed.length; first++) {
        const { result, state } = continuedFrom(parsed, first, topics);
        expect(bytesOf(result), `continued after ${first} dumps`).toBe(expected);
        // The state itself is the same too, so a checkpoint written after a continued merge is exact as well.
        expect(encodedBytes(encodeMergeState(state, parsed))).toEqual(encodedBytes(encodeMergeState(fresh, parsed)));
      }
    });
  }

  it('keeps a retired paper and its near misses through the checkpoint (the fixtures tie two papers in the last dump)', () => {
    const parsed = readDumpFolder(NEW_DUMP_FIXTURES).map(parseDumpInput);
    const { result } = continuedFrom(parsed, parsed.length - 1, []);
    expect(result.papers.filter((paper) => paper.formerIds.length > 0).map((paper) => paper.formerIds)).toEqual([
      ['sparse-mixture-of-experts-transformers-send-every-token-to-a'],
    ]);
  });
});

describe('the abstracts in a checkpoint', () => {
  it('are kept as positions of the listings, normalised again on the way back only where the dump needs it', () => {
    // Frugal Adapters' abstract in 001 with a double space and a zero-width space: the merge keeps
    // it normalised; every other abstract of the fixtures is normal text as the dump has it.
    const inputs = readDumpFolder(NEW_DUMP_FIXTURES).map((input) =>
      input.name === '001_alpha.txt'
        ? {
            ...input,
            bytes: Buffer.from(
              Buffer.from(input.bytes!)
                .toString('utf8')
                .replace('We study parameter-efficient', 'We  study\u200b parameter-efficient'),
            ),
          }
        : input,
    );
    const parsed = inputs.map(parseDumpInput);
    const state = newMergeState();
    const expected = bytesOf(buildCorpus(parsed, [], { mergeState: newMergeState() }));
    buildCorpus(parsed.slice(0, 2), [], { mergeState: state });
    const encoded = encodeMergeState(state, parsed);
    const stored = (
      JSON.parse(new TextDecoder().decode(encoded.json)) as { drafts: { id: string; abstract: unknown }[] }
    ).drafts;
    // Frugal Adapters is listed by 001 (line 13) and 002 (line 3): 002's abstract, the newest, is
    // the same text without the stray spaces, and is normal as it is (position 1).
    const frugal = stored.find((draft) => draft.id === 'frugal-adapters-low-rank-updates-on-a-shoestring')!;
    expect(frugal.abstract).toBe(1);
    // A draft whose only listing is 001's would be stored as −1: check with the first dump alone.
    const first = newMergeState();
    buildCorpus(parsed.slice(0, 1), [], { mergeState: first });
    const alone = (
      JSON.parse(new TextDecoder().decode(encodeMergeState(first, parsed).json)) as {
        drafts: { id: string; abstract: unknown }[];
      }
    ).drafts.find((draft) => draft.id === 'frugal-adapters-low-rank-updates-on-a-shoestring')!;
    expect(alone.abstract).toBe(-1);
    const restored = decodeMergeState(encodeMergeState(first, parsed), parsed);
    expect([...restored.live].find((draft) => draft.id === alone.id)!.abstract).toMatch(
      /^We study parameter-efficient/,
    );
    expect(bytesOf(buildCorpus(parsed, [], { mergeState: restored }))).toBe(expected);
    expect(bytesOf(buildCorpus(parsed, [], { mergeState: decodeMergeState(encoded, parsed) }))).toBe(expected);
  });
});

describe('loadDigestCorpus with the merge checkpoint', () => {
  let root: string;
  let sources: DigestSources;
  let generated: string;
  const freshIngest = (folder = sources.seedsDirectory) => ingestDumps(readDumpFolder(folder), TOPICS);
  const load = () => loadDigestCorpus(sources);

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'rd-merge-checkpoint-'));
    sources = digestSourcesIn(root, join(PROJECT_ROOT, 'content/topics'));
    mkdirSync(sources.seedsDirectory);
    // A generated corpus of 1,500 papers in 15 dumps, written as the generator writes them.
    generated = join(root, 'generated');
    mkdirSync(generated);
    for (const dump of generateSyntheticCorpus(seedTextPool(SEEDS), { papers: 1500, seed: 7 }))
      writeFileSync(join(generated, dump.name), dump.text);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const useDumps = (folder: string, names: string[]) => {
    for (const name of readdirSync(sources.seedsDirectory)) rmSync(join(sources.seedsDirectory, name));
    for (const name of names) copyFileSync(join(folder, name), join(sources.seedsDirectory, name));
  };

  for (const [name, folder] of [
    ['the seeds', SEEDS],
    ['a generated corpus', ''],
  ] as const) {
    it(`after one new dump merges only it, and equals the ingest without any cache byte for byte (${name})`, () => {
      const dir = folder || generated;
      const names = readdirSync(dir).sort();
      rmSync(sources.mergeCheckpointFile, { force: true });
      useDumps(dir, names.slice(0, -1));
      const first = load();
      expect(first.dumpsFromCheckpoint).toBe(0);
      // What the loader tells the reading aids' thread (src/loaders/digest-loader.ts): a full build…
      expect(shouldAidsYieldCores(first.dumps.length, first.dumpsFromCheckpoint)).toBe(true);
      copyFileSync(join(dir, names.at(-1)!), join(sources.seedsDirectory, names.at(-1)!));
      const rebuilt = load();
      expect(rebuilt.dumpsFromCheckpoint).toBe(names.length - 1);
      // …then a rebuild.
      expect(shouldAidsYieldCores(rebuilt.dumps.length, rebuilt.dumpsFromCheckpoint)).toBe(false);
      expect(rebuilt.parsedFresh).toEqual([names.at(-1)]);
      expect(bytesOf(rebuilt)).toBe(bytesOf(freshIngest()));
    });
  }

  it('merges every dump again when an earlier dump changed, went or arrived before the last', () => {
    const names = readdirSync(generated).sort();
    useDumps(generated, names.slice(0, -1));
    rmSync(sources.mergeCheckpointFile, { force: true });
    expect(load().dumpsFromCheckpoint).toBe(0);
    copyFileSync(join(generated, names.at(-1)!), join(sources.seedsDirectory, names.at(-1)!));
    expect(load().dumpsFromCheckpoint).toBe(names.length - 1);
    // The third dump's bytes changed: another dump's listings under its name (papers the checkpoint never saw).
    copyFileSync(join(NEW_DUMP_FIXTURES, '001_alpha.txt'), join(sources.seedsDirectory, names[2]!));
    const changed = load();
    expect(changed.dumpsFromCheckpoint).toBe(0);
    expect(bytesOf(changed)).toBe(bytesOf(freshIngest()));
    expect(changed.papers.some((paper) => paper.id === 'frugal-adapters-low-rank-updates-on-a-shoestring')).toBe(true);
    // One byte more (the same listings): still not the dump the checkpoint holds.
    appendFileSync(join(sources.seedsDirectory, names[2]!), '\n');
    expect(load().dumpsFromCheckpoint).toBe(0);
    // The dump gone.
    rmSync(join(sources.seedsDirectory, names[2]!));
    const removed = load();
    expect(removed.dumpsFromCheckpoint).toBe(0);
    expect(bytesOf(removed)).toBe(bytesOf(freshIngest()));
    // Back under a name that sorts before the last dump but after the others: the checkpoint
    // (written without it) holds the dumps up to it only if they are a prefix — they are not.
    copyFileSync(join(generated, names[2]!), join(sources.seedsDirectory, `${names.at(-2)!.replace('.txt', '')}b.txt`));
    const inserted = load();
    expect(inserted.dumpsFromCheckpoint).toBe(0);
    expect(bytesOf(inserted)).toBe(bytesOf(freshIngest()));
  });

  it('never reads a checkpoint of another parser version or ingest code; reads one of this version as it is', () => {
    const names = readdirSync(generated).sort();
    useDumps(generated, names);
    const inputs = readDumpFolder(sources.seedsDirectory);
    const parsed = inputs.map(parseDumpInput);
    // A doctored checkpoint: the merge of every dump but with the first dump's entries gone.
    const doctored = parsed.map((dump, index) => (index === 0 ? { ...dump, entries: [] } : dump));
    const writeDoctored = (keys: string[], code: string) => {
      const checkpoint = mergeCheckpoint(sources.mergeCheckpointFile, code, keys, doctored);
      buildCorpus(doctored, TOPICS, { mergeState: checkpoint.state });
      checkpoint.save();
    };
    const code = (version: number) => `test code ${version}`;
    const keysOf = (version: number) => inputs.map((input) => dumpCacheKey(input, version));

    writeDoctored(keysOf(PARSER_VERSION - 1), code(1));
    const otherParser = mergeCheckpoint(sources.mergeCheckpointFile, code(1), keysOf(PARSER_VERSION), parsed);
    expect(otherParser.restored).toBe(0);
    const otherCode = mergeCheckpoint(sources.mergeCheckpointFile, code(2), keysOf(PARSER_VERSION - 1), parsed);
    expect(otherCode.restored).toBe(0);

    // The control: the same doctored checkpoint under this version's keys and code is read as it is.
    writeDoctored(keysOf(PARSER_VERSION), code(1));
    const thisVersion = mergeCheckpoint(sources.mergeCheckpointFile, code(1), keysOf(PARSER_VERSION), parsed);
    expect(thisVersion.restored).toBe(names.length);
    const fromDoctored = buildCorpus(parsed, TOPICS, { mergeState: thisVersion.state });
    expect(JSON.stringify(fromDoctored.papers)).toBe(JSON.stringify(buildCorpus(doctored, TOPICS).papers));
    expect(fromDoctored.papers.length).toBeLessThan(freshIngest().papers.length);
  });

  it('merges every dump again when the ingest code changed', () => {
    const names = readdirSync(generated).sort();
    const code = join(root, 'ingest-code');
    cpSync(sources.ingestCodeDirectory, code, { recursive: true });
    const withCopy = { ...sources, ingestCodeDirectory: code };
    useDumps(generated, names.slice(0, -1));
    rmSync(sources.mergeCheckpointFile, { force: true });
    expect(loadDigestCorpus(withCopy).dumpsFromCheckpoint).toBe(0);
    appendFileSync(join(code, 'merge-papers.ts'), '\n// changed\n');
    copyFileSync(join(generated, names.at(-1)!), join(sources.seedsDirectory, names.at(-1)!));
    const rebuilt = loadDigestCorpus(withCopy);
    expect(rebuilt.dumpsFromCheckpoint).toBe(0);
    expect(bytesOf(rebuilt)).toBe(bytesOf(freshIngest()));
    // The control: the same steps, the code unchanged, continue the fold.
    useDumps(generated, names.slice(0, -1));
    rmSync(sources.mergeCheckpointFile, { force: true });
    expect(loadDigestCorpus(withCopy).dumpsFromCheckpoint).toBe(0);
    copyFileSync(join(generated, names.at(-1)!), join(sources.seedsDirectory, names.at(-1)!));
    expect(loadDigestCorpus(withCopy).dumpsFromCheckpoint).toBe(names.length - 1);
  });

  it('merges every dump when the checkpoint is unreadable, and writes a good one', () => {
    const names = readdirSync(generated).sort();
    useDumps(generated, names.slice(0, -1));
    rmSync(sources.mergeCheckpointFile, { force: true });
    load();
    writeFileSync(`${sources.mergeCheckpointFile}.tmp`, 'not a checkpoint');
    renameSync(`${sources.mergeCheckpointFile}.tmp`, sources.mergeCheckpointFile);
    copyFileSync(join(generated, names.at(-1)!), join(sources.seedsDirectory, names.at(-1)!));
    const afterGarbage = load();
    expect(afterGarbage.dumpsFromCheckpoint).toBe(0);
    expect(bytesOf(afterGarbage)).toBe(bytesOf(freshIngest()));
    // The file that load wrote over the garbage holds every dump.
    const inputs = readDumpFolder(sources.seedsDirectory);
    const written = mergeCheckpoint(
      sources.mergeCheckpointFile,
      treeHash(sources.ingestCodeDirectory),
      inputs.map((input) => dumpCacheKey(input)),
      inputs.map(parseDumpInput),
    );
    expect(written.restored).toBe(names.length);
    // Without the last dump it does not fit (a new one is written); with it again, the fold continues.
    rmSync(join(sources.seedsDirectory, names.at(-1)!));
    expect(load().dumpsFromCheckpoint).toBe(0);
    copyFileSync(join(generated, names.at(-1)!), join(sources.seedsDirectory, names.at(-1)!));
    expect(load().dumpsFromCheckpoint).toBe(names.length - 1);
  });
});
