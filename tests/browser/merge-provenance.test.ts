/**
 * What the merge review shows on the built seed site: the seeds' two CompeteSMoE papers, kept
 * apart, link each other under "Possibly the same work" and not as related papers; the renamed
 * Selective Self-Rehearsal listing explains its merge in the paper's Provenance section.
 */
import { describe, expect, test } from 'vitest';
import { useSharedBrowser } from '../site-quality/helpers.ts';
import { url } from './helpers.ts';

const STATISTICAL = 'competesmoe-statistically-guaranteed-mixture-of-experts-training';
const EFFECTIVE = 'competesmoe-effective-training-of-sparse-mixture-of-experts-via';
const SSR = 'selective-self-to-supervised-fine-tuning-for-generalization-in';

const shared = useSharedBrowser();

describe('possibly the same work', () => {
  test.each([
    [STATISTICAL, EFFECTIVE],
    [EFFECTIVE, STATISTICAL],
  ])('%s lists %s apart from its related papers', async (id, other) => {
    await shared.page.goto(url(`/papers/${id}/`));
    const sameWork = await shared.page.$$eval('[data-same-work-id]', (items) =>
      items.map((item) => item.getAttribute('data-same-work-id')),
    );
    expect(sameWork).toEqual([other]);
    expect(await shared.page.locator('#same-work-heading').textContent()).toBe('Possibly the same work');
    const related = await shared.page.$$eval('[data-related-id]', (items) =>
      items.map((item) => item.getAttribute('data-related-id')),
    );
    expect(related).toHaveLength(5);
    expect(related).not.toContain(other);
  });
});

describe('merge explanations', () => {
  test('the merged listing of Selective Self-Rehearsal says why, in the collapsed Provenance section', async () => {
    await shared.page.goto(url(`/papers/${SSR}/`));
    const provenance = shared.page.locator('details.provenance');
    expect(await provenance.getAttribute('open')).toBeNull();
    const text = ((await provenance.locator('.merge-provenance').textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain(
      '“Selective Self-Rehearsal: A Fine-Tuning Approach to Improve Generalization in Large Language Models”',
    );
    expect(text).toContain('003_217fc1b1a2c16afd.txt, line 135');
    expect(text).toMatch(
      /because their titles are close \(67% of their words in common\) and their abstracts agree \(68% of the shorter one is in the other\)/,
    );
  });
});
