/** `/papers.json` is streamed a few papers at a time and must read exactly as one JSON.stringify. */
import { describe, expect, it } from 'vitest';
import { prettyJsonArrayStream } from '../src/lib/json-array-stream.ts';
import { seedCorpus } from './reading/seed-corpus.ts';

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const text = (chunks: Uint8Array[]) => Buffer.concat(chunks).toString('utf8');

describe('prettyJsonArrayStream', () => {
  it("writes the seeds' papers byte for byte as JSON.stringify(papers, null, 2) and a newline, in several chunks", async () => {
    const { papers } = seedCorpus();
    expect(papers.length).toBeGreaterThan(400);
    // Records with math, non-Latin scripts, quotes and nested lists: the escaping must match too.
    expect(papers.some((paper) => [...JSON.stringify(paper)].some((char) => char.codePointAt(0)! > 0xff))).toBe(true);
    const chunks = await chunksOf(prettyJsonArrayStream(papers));
    expect(chunks.length).toBeGreaterThan(2);
    expect(text(chunks)).toBe(`${JSON.stringify(papers, null, 2)}\n`);
  });

  it('writes an empty array and an array of one item as JSON.stringify does', async () => {
    expect(text(await chunksOf(prettyJsonArrayStream([])))).toBe('[]\n');
    const one = [{ id: 'a', title: 'Line\nbreak "quoted"', topics: [], nested: { list: [1, { deep: null }] } }];
    expect(text(await chunksOf(prettyJsonArrayStream(one)))).toBe(`${JSON.stringify(one, null, 2)}\n`);
  });
});
