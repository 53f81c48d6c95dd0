/**
 * A paper card as one string (src/lib/paper-card-html.ts) is the markup Astro rendered for the
 * card component: text escaped as Astro escapes text (& < > " '), attribute values as it escapes
 * attributes (& and " only), an empty value as a bare attribute, and the component's white space.
 * The expected strings are written by hand from those rules (and from a card of a built page); a
 * short first sentence takes the next one into the preview (src/lib/paper-preview.ts).
 */
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { paperCardHtml, saveButtonHtml } from '../../src/lib/paper-card-html.ts';
import { seedCorpus } from './seed-corpus.ts';

const context = {
  dumpDates: new Map<string, string | null>([['2025-03-01_daily.txt', '2025-03-01']]),
  organisationIds: new Map([['R&D "Lab" <AI>', 'r-d-lab-ai']]),
  topicNames: new Map([
    ['peft', 'Parameter-efficient fine-tuning'],
    ['alignment', 'Alignment & safety'],
    ['other', 'Other'],
  ]),
};

function hostilePaper(overrides: Partial<PaperRecord> = {}): PaperRecord {
  const seed = seedCorpus().papers[0]!;
  return {
    ...seed,
    id: 'tom-s-lora',
    title: `Tom's "LoRA" & <b>Friends</b>`,
    titleHtml: 'Tom’s “LoRA” &amp; &lt;b&gt;Friends&lt;/b&gt;',
    abstract: 'We propose Tom\'s method: <script>alert("x")</script> & more. It works.',
    published: '2025-02-28',
    firstSeen: '2025-03-01_daily.txt',
    upvotes: 1234,
    organization: 'R&D "Lab" <AI>',
    topics: ['peft', 'alignment'],
    ...overrides,
  };
}

describe('paperCardHtml', () => {
  it('escapes text and attributes as Astro does, and leaves out the badge of the page’s own topic', () => {
    expect(paperCardHtml(hostilePaper(), context, { currentTopic: 'peft', isNew: true })).toBe(
      '<article class="paper-card" data-paper-id="tom-s-lora" data-first-seen="2025-03-01_daily.txt"> ' +
        '<h3 class="paper-card-title"><span class="new-badge">New</span> <a href="/papers/tom-s-lora/">Tom’s “LoRA” &amp; &lt;b&gt;Friends&lt;/b&gt;</a></h3> ' +
        '<p class="paper-meta"> <span><time datetime="2025-02-28">28 Feb 2025</time></span>  <span>1,234 upvotes</span> ' +
        '<a href="/orgs/r-d-lab-ai/">R&amp;D &quot;Lab&quot; &lt;AI&gt;</a> ' +
        '<a class="topic-badge" href="/topics/alignment/">Alignment &amp; safety</a> </p> ' +
        '<p class="paper-preview">We propose Tom&#39;s method: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more. It works.</p> ' +
        '<button type="button" class="save-button" hidden aria-pressed="false" data-pagefind-ignore data-save-paper="tom-s-lora" ' +
        `data-title="Tom's &quot;LoRA&quot; &amp; <b>Friends</b>" data-published="2025-02-28" ` +
        'data-topics="Parameter-efficient fine-tuning|Alignment &amp; safety" ' +
        `aria-label="Save “Tom's &quot;LoRA&quot; &amp; <b>Friends</b>” to your reading list">Save</button> </article>`,
    );
  });

  it('shows when an undated paper was listed, and writes empty values as bare attributes', () => {
    const card = paperCardHtml(
      hostilePaper({
        published: null,
        upvotes: null,
        organization: null,
        topics: [],
        title: 'Plain',
        titleHtml: 'Plain',
      }),
      context,
      { headingLevel: 'h2', preview: false },
    );
    expect(card).toBe(
      '<article class="paper-card" data-paper-id="tom-s-lora" data-first-seen="2025-03-01_daily.txt"> ' +
        '<h2 class="paper-card-title"><a href="/papers/tom-s-lora/">Plain</a></h2> ' +
        '<p class="paper-meta">  <span>listed 1 Mar 2025</span>    </p>  ' +
        '<button type="button" class="save-button" hidden aria-pressed="false" data-pagefind-ignore data-save-paper="tom-s-lora" ' +
        'data-title="Plain" data-published data-topics aria-label="Save “Plain” to your reading list">Save</button> </article>',
    );
  });

  it('names an organisation without a page as text, and a topic without a name by its id', () => {
    const card = paperCardHtml(hostilePaper({ organization: 'Unknown Org', topics: ['retired-topic'] }), context);
    expect(card).toContain(
      ' <span>Unknown Org</span> <a class="topic-badge" href="/topics/retired-topic/">retired-topic</a> </p>',
    );
    expect(saveButtonHtml(hostilePaper({ topics: ['retired-topic'] }), context.topicNames)).toContain(
      'data-topics="retired-topic"',
    );
  });
});
