/**
 * The parts of a paper list as strings (src/lib/paper-list-html.ts) are the markup Astro rendered
 * for the components they replaced: the cards of a list one after the other inside the list's
 * `<div>` (a card itself is tested in paper-card-html.test.ts), what the "New" mark means, and the
 * previous / next links, with the white space compressHTML left (one space where the template had
 * white space) and attribute values escaped as Astro escapes them (& and " only). The expected
 * strings are written by hand from those rules and from the pages of a built site.
 */
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { paperCardHtml } from '../../src/lib/paper-card-html.ts';
import { newMarkNoteHtml, paginationHtml, paperListHtml } from '../../src/lib/paper-list-html.ts';
import { seedCorpus } from './seed-corpus.ts';

const context = {
  dumpDates: new Map<string, string | null>(),
  organisationIds: new Map<string, string>(),
  topicNames: new Map([['peft', 'Parameter-efficient fine-tuning']]),
};

function plainPaper(id: string, overrides: Partial<PaperRecord> = {}): PaperRecord {
  return {
    ...seedCorpus().papers[0]!,
    id,
    title: 'Plain',
    titleHtml: 'Plain',
    abstract: '',
    published: null,
    upvotes: null,
    organization: null,
    topics: ['peft'],
    firstSeen: '001_a.txt',
    ...overrides,
  };
}

const SAVE = (id: string) =>
  `<button type="button" class="save-button" hidden aria-pressed="false" data-pagefind-ignore data-save-paper="${id}" ` +
  'data-title="Plain" data-published data-topics="Parameter-efficient fine-tuning" aria-label="Save “Plain” to your reading list">Save</button>';

describe('paperListHtml', () => {
  it('writes the cards one after the other, each shown as the options say for its paper', () => {
    const papers = [plainPaper('one'), plainPaper('two')];
    expect(
      paperListHtml(papers, context, (paper) => ({
        currentTopic: 'peft',
        isNew: paper.id === 'two',
        headingLevel: 'h2',
      })),
    ).toBe(
      '<div class="paper-list"> ' +
        '<article class="paper-card" data-paper-id="one" data-first-seen="001_a.txt"> ' +
        '<h2 class="paper-card-title"><a href="/papers/one/">Plain</a></h2> ' +
        `<p class="paper-meta">      </p>  ${SAVE('one')} </article>` +
        '<article class="paper-card" data-paper-id="two" data-first-seen="001_a.txt"> ' +
        '<h2 class="paper-card-title"><span class="new-badge">New</span> <a href="/papers/two/">Plain</a></h2> ' +
        `<p class="paper-meta">      </p>  ${SAVE('two')} </article>` +
        ' </div>',
    );
  });

  it('shows every card with the defaults when given no options, and an empty list as the empty div', () => {
    const papers = [plainPaper('one', { abstract: 'A preview sentence that is long enough to stand alone here.' })];
    expect(paperListHtml(papers, context)).toBe(
      `<div class="paper-list"> ${paperCardHtml(papers[0]!, context)} </div>`,
    );
    expect(paperListHtml(papers, context)).toContain('<h3 class="paper-card-title">');
    expect(paperListHtml(papers, context)).toContain('<a class="topic-badge" href="/topics/peft/">');
    expect(paperListHtml([], context)).toBe('<div class="paper-list">  </div>');
  });
});

describe('newMarkNoteHtml', () => {
  it('says what the mark means, with the latest dump’s date when it has one', () => {
    expect(newMarkNoteHtml('2025-10-02')).toBe(
      '<p class="muted small new-note"><span class="new-badge">New</span> marks papers new to the digest: ' +
        'first listed by the latest dump, of 2 Oct 2025 (<a href="/new/">what it brought</a>).</p>',
    );
    expect(newMarkNoteHtml(null)).toBe(
      '<p class="muted small new-note"><span class="new-badge">New</span> marks papers new to the digest: ' +
        'first listed by the latest dump (<a href="/new/">what it brought</a>).</p>',
    );
  });
});

describe('paginationHtml', () => {
  it('is nothing for a list of one page', () => {
    expect(paginationHtml({ currentPage: 1, lastPage: 1, prev: undefined, next: undefined })).toBe('');
  });

  it('links the newer and older pages, with an empty place on the first and last page', () => {
    expect(paginationHtml({ currentPage: 1, lastPage: 3, prev: undefined, next: '/topics/peft/2/' })).toBe(
      '<nav class="pagination" aria-label="Pages"> <span aria-hidden="true"></span> <span>Page 1 of 3</span> ' +
        '<a href="/topics/peft/2/" rel="next">Older →</a> </nav>',
    );
    expect(paginationHtml({ currentPage: 2, lastPage: 3, prev: '/topics/peft/', next: '/topics/peft/3/' })).toBe(
      '<nav class="pagination" aria-label="Pages"> <a href="/topics/peft/" rel="prev">← Newer</a> <span>Page 2 of 3</span> ' +
        '<a href="/topics/peft/3/" rel="next">Older →</a> </nav>',
    );
    expect(paginationHtml({ currentPage: 1234, lastPage: 1234, prev: '/a?b=1&c="2"', next: undefined })).toBe(
      '<nav class="pagination" aria-label="Pages"> <a href="/a?b=1&amp;c=&quot;2&quot;" rel="prev">← Newer</a> ' +
        '<span>Page 1234 of 1234</span> <span aria-hidden="true"></span> </nav>',
    );
  });
});
