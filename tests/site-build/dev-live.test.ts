/**
 * Live updates in `astro dev`: dropping a dump into seeds/, or editing one, updates the site
 * without a restart (the loader watches the folder). Runs in an isolated copy on 127.0.0.1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NEW_DUMP_FIXTURES,
  ingestJson,
  fetchStatus,
  fetchText,
  listItemIds,
  cardIds,
  elementById,
  makeSiteCopy,
  pageHeading,
  pollUntil,
  startDevServer,
  type DevServer,
  type SiteCopy,
} from './helpers.ts';

const FRUGAL = 'frugal-adapters-low-rank-updates-on-a-shoestring';
const REWARD = 'reward-models-that-know-when-they-are-wrong';
const FISH = 'counting-fish-with-sonar-and-small-networks';
const CHARTS = 'vision-language-models-answer-questions-about-charts-by-reading';
/** How long a change may take to show (the first request after a change also compiles the page). */
const LIVE_TIMEOUT = 60_000;

describe('astro dev while dumps arrive', () => {
  let copy: SiteCopy;
  let server: DevServer | undefined;

  beforeAll(async () => {
    copy = makeSiteCopy('dev');
    copy.addDump('001_alpha.txt');
    copy.addDump('002_bravo.txt');
    server = await startDevServer(copy);
  }, 120_000);

  afterAll(async () => {
    await server?.stop();
    copy?.remove();
  }, 30_000);

  const headingOf = async (id: string) => {
    const { status, text } = await fetchText(`${server!.url}/papers/${id}/`);
    return status === 200 ? pageHeading(text) : null;
  };

  it('serves the papers of the dumps it started with', async () => {
    expect(await fetchStatus(`${server!.url}/papers/${FRUGAL}/`)).toBe(200);
    expect(await headingOf(REWARD)).toBe('Reward Models That Know When They Are Wrong');
    expect(await fetchStatus(`${server!.url}/papers/${FISH}/`)).toBe(404);
  }, 60_000);

  it('serves /papers.json as the ingest writes it: every paper of the two dumps, by id', async () => {
    const { status, text } = await fetchText(`${server!.url}/papers.json`);
    expect(status).toBe(200);
    expect(text).toBe(await ingestJson(copy));
  }, 60_000);

  it(
    'shows the papers of a dump dropped into seeds/, and the new page follows',
    async () => {
      writeFileSync(join(copy.seeds, '003_charlie.txt'), readFileSync(join(NEW_DUMP_FIXTURES, '003_charlie.txt')));
      const appeared = await pollUntil(
        async () => (await fetchStatus(`${server!.url}/papers/${FISH}/`)) === 200,
        LIVE_TIMEOUT,
      );
      expect(appeared, `the new paper's page never answered:\n${server!.log()}`).toBe(true);
      expect(await headingOf(FISH)).toBe('Counting Fish with Sonar and Small Networks');
      // The rename by 003 shows at the paper's old URL.
      expect(await headingOf(REWARD)).toBe('Calibrated Reward Models Abstain When Unsure');
      // The papers and dumps collections reload separately: poll rather than assume which comes first.
      let newPage = '';
      const listed = await pollUntil(async () => {
        newPage = (await fetchText(`${server!.url}/new/`)).text;
        return cardIds(elementById(newPage, 'new-papers') ?? '').includes(FISH);
      }, LIVE_TIMEOUT);
      expect(listed, `the new page never listed the new paper:\n${newPage}`).toBe(true);
      expect(cardIds(elementById(newPage, 'new-papers')!)).toEqual([FISH]);
      expect(listItemIds(elementById(newPage, 'changed-papers')!)).toEqual([REWARD, CHARTS]);
      expect((await fetchText(`${server!.url}/papers.json`)).text).toBe(await ingestJson(copy));
    },
    LIVE_TIMEOUT + 30_000,
  );

  it(
    'follows an edit of a dump already in seeds/',
    async () => {
      const path = join(copy.seeds, '003_charlie.txt');
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace(
          'Calibrated Reward Models Abstain When Unsure',
          'Calibrated Reward Models Say When They Are Unsure',
        ),
      );
      const renamed = await pollUntil(
        async () => (await headingOf(REWARD)) === 'Calibrated Reward Models Say When They Are Unsure',
        LIVE_TIMEOUT,
      );
      expect(renamed, `the edit never showed:\n${server!.log()}`).toBe(true);
      expect(await fetchStatus(`${server!.url}/papers/${FRUGAL}/`)).toBe(200);
    },
    LIVE_TIMEOUT + 30_000,
  );
});
