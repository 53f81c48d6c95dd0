/** The ingest library: dumps in, paper records and dump reports out. No Astro, no side effects. */
export type * from './types.ts';
export { parseDump, PARSER_VERSION } from './parse-dump.ts';
export { DUMP_FORMAT_NAMES, DUMP_FORMATS } from './formats/dump-formats.ts';
export { buildCorpus, ingestDumps, parseDumpInput, compareDumpNames, type ClassificationMemo } from './build-corpus.ts';
export { readDumpFolder, readDumpFile, listDumpFiles, DUMP_FILE_PATTERN } from './read-dump-folder.ts';
export { readTopicDefinitions, topicFromFrontmatter } from './topic-definitions.ts';
export { OTHER_TOPIC, sortTopics, topicFrontmatterSchema, topicNames, type TopicFrontmatter } from './topics.ts';
export { classifyPaper, compileTopics, type TopicAssignment } from './classify-topics.ts';
export { formatIngestReport, formatWarning } from './format-report.ts';
export { comparableWords, normalizeText, titleKey } from './normalize-text.ts';
export { renderDumpText, plainDumpText, type RenderedText } from './text/render-dump-text.ts';
export { newMergeState, type MergeState } from './merge-state.ts';
export { decodeMergeState, encodeMergeState } from './merge-checkpoint.ts';
