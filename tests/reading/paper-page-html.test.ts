/**
 * A paper page's body as one string (src/lib/paper-page-html.ts) is the markup Astro rendered for
 * the page's template and its components: text escaped as Astro escapes text (& < > " '), a number
 * as it is and null as nothing; attribute values as it escapes attributes (& and " only), an empty
 * value as a bare attribute; the template's white space as compressHTML left it (one space where
 * the source had white space, so an empty part leaves its spaces behind; a line break inside the
 * merge explanation). The titleHtml and abstractHtml of a record are HTML already (the ingest
 * escaped them) and go in as they are. The expected strings are written by hand from those rules
 * and from the pages of a built site; the builds of the seeds and of a 10,000-paper corpus were
 * byte for byte the same with the template's components and with this string.
 */
import { describe, expect, it } from 'vitest';
import type { PaperRecord } from '../../src/ingest/index.ts';
import { paperRecord } from './paper-fixture.ts';
import { paperPageBodyHtml, type PaperPageData } from '../../src/lib/paper-page-html.ts';
import type { RelatedPaper } from '../../src/lib/related-papers.ts';

const paper = (overrides: Partial<PaperRecord>): PaperRecord => paperRecord(overrides);

function siteData(
  papers: PaperRecord[],
  options: { byTopic?: [string, PaperRecord[]][]; related?: [string, RelatedPaper[]][]; bibtex?: string } = {},
): PaperPageData {
  return {
    bibtex: () => options.bibtex ?? '@misc{plain,\n  title = {Plain},\n}\n',
    byId: new Map(papers.map((each) => [each.id, each])),
    dumpDates: new Map<string, string | null>([
      ['001_a.txt', null],
      ['001_a&b.txt', '2025-03-01'],
      ['004_listed.txt', '2025-03-01'],
    ]),
    organisationIds: new Map([['R&D "Lab" <AI>', 'r-d-lab-ai']]),
    papersByTopic: new Map(options.byTopic ?? [['other', papers]]),
    related: new Map(options.related ?? []),
    topicNames: new Map([
      ['peft', 'Parameter-efficient fine-tuning'],
      ['alignment', 'Alignment & safety'],
      ['other', 'Other'],
    ]),
  };
}

const CITE_HEAD =
  '<section class="cite" aria-labelledby="cite-heading"> <div class="cite-head"> <h2 id="cite-heading">Cite</h2> ' +
  '<button type="button" class="copy-button" data-copy-target="bibtex-entry" hidden>Copy BibTeX</button> ' +
  '<span class="copy-status" role="status"></span> </div> <pre id="bibtex-entry" class="bibtex">';
const CITE_TAIL =
  '</pre> <p class="muted small">Also in <a href="/papers.bib" download>papers.bib</a>, with every paper of the digest.</p> </section>';

describe('paperPageBodyHtml', () => {
  it('leaves out what a paper does not have, the white space around each part staying', () => {
    const plain = paper({});
    expect(paperPageBodyHtml(siteData([plain]), plain)).toBe(
      '<article data-pagefind-body data-pagefind-filter="year:Undated"> <span hidden data-pagefind-meta="date:"></span> ' +
        '<h1 data-pagefind-weight="10" data-pagefind-meta="title:Plain">Plain</h1> ' +
        '<button type="button" class="save-button" hidden aria-pressed="false" data-pagefind-ignore data-save-paper="plain-paper" ' +
        'data-title="Plain" data-published data-topics aria-label="Save “Plain” to your reading list">Save</button>      ' +
        '<dl class="facts"> <dt data-pagefind-ignore>Topics</dt> <dd data-pagefind-weight="2"> ' +
        '<a href="/topics/other/" data-pagefind-ignore>Other</a> <span hidden data-pagefind-filter="topic:Other"></span> </dd> </dl> ' +
        '<h2>Abstract</h2> <p class="abstract" data-pagefind-weight="5">Text.</p> ' +
        '<div data-pagefind-ignore> <h2>Find the paper</h2> <ul class="find-links" aria-label="Search for this title"> ' +
        '<li><a href="https://arxiv.org/search/?query=%22Plain%22&amp;searchtype=title" rel="noopener noreferrer" data-find-link="arXiv">arXiv</a></li>' +
        '<li><a href="https://huggingface.co/papers?q=Plain" rel="noopener noreferrer" data-find-link="Hugging Face Papers">Hugging Face Papers</a></li>' +
        '<li><a href="https://www.semanticscholar.org/search?q=Plain" rel="noopener noreferrer" data-find-link="Semantic Scholar">Semantic Scholar</a></li>' +
        '<li><a href="https://scholar.google.com/scholar?q=%22Plain%22" rel="noopener noreferrer" data-find-link="Google Scholar">Google Scholar</a></li>' +
        ' </ul>  ' +
        CITE_HEAD +
        '@misc{plain,\n  title = {Plain},\n}\n' +
        CITE_TAIL +
        '     <details class="provenance"> <summary><h2>Provenance</h2></summary>  ' +
        '<h3>Sources</h3> <p>First seen in <a href="/sources/#001_a.txt">001_a.txt</a>. Listed once:</p> ' +
        '<ul> <li><a href="/sources/#001_a.txt">001_a.txt</a>, line 3</li> </ul>  </details> </div> </article>',
    );
  });

  it('shows every part of a paper that has them all, escaped as Astro escapes text and attributes', () => {
    const tom = paper({
      id: 'tom-s-lora',
      title: `Café's "LoRA" & <b>Friends</b> {v2}`,
      titleHtml: 'Café’s “LoRA” &amp; &lt;b&gt;Friends&lt;/b&gt; {v2}',
      aliases: ['Old <i>"name"</i> & co', '', '</script>{x}'],
      titleDerived: true,
      abstract: `We <propose> it's "x" & more.`,
      abstractHtml: 'We &lt;propose&gt; <a href="https://example.org/">it</a>.',
      topics: ['alignment', 'peft', 'retired'],
      topicEvidence: {
        alignment: [{ phrase: '"safe" & <sound>', field: 'abstract' }],
        peft: [
          { phrase: 'LoRA', field: 'title' },
          { phrase: 'adapter', field: 'abstract' },
        ],
      },
      published: '2025-02-28',
      upvotes: 1234,
      authorCount: 1,
      organization: 'R&D "Lab" <AI>',
      links: ['https://github.com/tom/lora?a=1&b="2"', 'not a url <x>'],
      sources: [
        { dump: '001_a&b.txt', line: 12 },
        { dump: '002_"c".txt', line: 0 },
      ],
      firstSeen: '001_a&b.txt',
      changes: [
        { dump: '002_"c".txt', field: 'title', from: '<Old> & "older"', to: '' },
        { dump: '003.txt', field: 'upvotes', from: null, to: 0 },
        { dump: '003.txt', field: 'upvotes', from: 7, to: 1234 },
      ],
      possiblySameWork: ['twin', 'gone'],
      merges: [
        {
          rule: 'close-title-and-abstract',
          entry: { dump: '002_"c".txt', line: 5, title: "It's <new>" },
          matched: { dump: '001_a&b.txt', line: 12, title: null },
          figures: { abstractSimilarity: 0.5, containment: 0.875, beyondSharedRun: 0.8, titleSimilarity: 0.6666 },
        },
      ],
    });
    const newer = paper({ id: 'newer', title: 'Newer' });
    const others = [
      newer,
      paper({ id: 'friend', title: "Friend's paper" }),
      paper({ id: 'quiet', title: 'Quiet' }),
      paper({ id: 'twin', title: 'Twin & "twin"' }),
    ];
    const data = siteData([tom, ...others], {
      byTopic: [['alignment', [newer, tom]]],
      related: [
        [
          'tom-s-lora',
          [
            { id: 'friend', score: 0.5, sharedTerms: ['lora', '<q>&'] },
            { id: 'quiet', score: 0.4, sharedTerms: [] },
          ],
        ],
      ],
      bibtex: `@misc{x, title = {A & B <c> "d" 'e'}}\n</script>`,
    });
    const quotedTitle = "%22Caf%C3%A9's%20%22LoRA%22%20%26%20%3Cb%3EFriends%3C%2Fb%3E%20%7Bv2%7D%22";
    const plainTitle = "Caf%C3%A9's%20%22LoRA%22%20%26%20%3Cb%3EFriends%3C%2Fb%3E%20%7Bv2%7D";
    expect(paperPageBodyHtml(data, tom)).toBe(
      '<article data-pagefind-body data-pagefind-filter="year:2025"> <span hidden data-pagefind-meta="date:28 Feb 2025"></span> ' +
        `<h1 data-pagefind-weight="10" data-pagefind-meta="title:Café's &quot;LoRA&quot; &amp; <b>Friends</b> {v2}">` +
        'Café’s “LoRA” &amp; &lt;b&gt;Friends&lt;/b&gt; {v2}</h1> ' +
        '<button type="button" class="save-button" hidden aria-pressed="false" data-pagefind-ignore data-save-paper="tom-s-lora" ' +
        `data-title="Café's &quot;LoRA&quot; &amp; <b>Friends</b> {v2}" data-published="2025-02-28" ` +
        'data-topics="Alignment &amp; safety|Parameter-efficient fine-tuning|retired" ' +
        `aria-label="Save “Café's &quot;LoRA&quot; &amp; <b>Friends</b> {v2}” to your reading list">Save</button> ` +
        // The title as typed on a plain keyboard (é → e), for the search index.
        '<span hidden data-pagefind-weight="10">Cafe&#39;s &quot;LoRA&quot; &amp; &lt;b&gt;Friends&lt;/b&gt; {v2}</span> ' +
        '<p class="muted" data-pagefind-weight="8">Also listed as: <cite>Old &lt;i&gt;&quot;name&quot;&lt;/i&gt; &amp; co</cite>; ' +
        '<cite></cite>; <cite>&lt;/script&gt;{x}</cite></p> ' +
        '<p class="muted" data-pagefind-ignore>No dump gave this paper a title yet; the title above is derived from its abstract.</p> ' +
        '<p class="paper-facts"><span data-pagefind-ignore><time datetime="2025-02-28">28 Feb 2025</time> · 1,234 upvotes · 1 author · </span>' +
        '<a href="/orgs/r-d-lab-ai/" data-pagefind-filter="organization">R&amp;D &quot;Lab&quot; &lt;AI&gt;</a></p>  ' +
        '<dl class="facts"> <dt data-pagefind-ignore>Topics</dt> <dd data-pagefind-weight="2"> ' +
        '<a href="/topics/alignment/" data-pagefind-filter="topic">Alignment &amp; safety</a>, ' +
        '<a href="/topics/peft/" data-pagefind-filter="topic">Parameter-efficient fine-tuning</a>, ' +
        '<a href="/topics/retired/" data-pagefind-filter="topic">retired</a>  </dd> </dl> ' +
        '<h2>Abstract</h2> <p class="abstract" data-pagefind-weight="5">We &lt;propose&gt; <a href="https://example.org/">it</a>.</p> ' +
        '<div data-pagefind-ignore> <h2>Find the paper</h2> <ul class="find-links" aria-label="Search for this title"> ' +
        `<li><a href="https://arxiv.org/search/?query=${quotedTitle}&amp;searchtype=title" rel="noopener noreferrer" data-find-link="arXiv">arXiv</a></li>` +
        `<li><a href="https://huggingface.co/papers?q=${plainTitle}" rel="noopener noreferrer" data-find-link="Hugging Face Papers">Hugging Face Papers</a></li>` +
        `<li><a href="https://www.semanticscholar.org/search?q=${plainTitle}" rel="noopener noreferrer" data-find-link="Semantic Scholar">Semantic Scholar</a></li>` +
        `<li><a href="https://scholar.google.com/scholar?q=${quotedTitle}" rel="noopener noreferrer" data-find-link="Google Scholar">Google Scholar</a></li>` +
        ' </ul>  <h2>Links</h2> <ul class="abstract-links"> ' +
        '<li><span class="link-kind">Code</span>: <a href="https://github.com/tom/lora?a=1&amp;b=&quot;2&quot;" rel="noopener noreferrer">' +
        'https://github.com/tom/lora?a=1&amp;b=&quot;2&quot;</a></li>' +
        '<li><span class="link-kind">Link</span>: <a href="not a url <x>" rel="noopener noreferrer">not a url &lt;x&gt;</a></li> </ul>  ' +
        CITE_HEAD +
        '@misc{x, title = {A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;}}\n&lt;/script&gt;' +
        CITE_TAIL +
        ' <section aria-labelledby="related-heading"> <h2 id="related-heading">Related papers</h2> <ol class="related"> ' +
        '<li data-related-id="friend"> <a href="/papers/friend/">Friend&#39;s paper</a> ' +
        '<span class="muted small"> — shares <q>lora</q>, <q>&lt;q&gt;&amp;</q></span> </li>' +
        '<li data-related-id="quiet"> <a href="/papers/quiet/">Quiet</a>  </li> </ol> </section> ' +
        // A possible duplicate whose record is gone is left out.
        '<section aria-labelledby="same-work-heading"> <h2 id="same-work-heading">Possibly the same work</h2> ' +
        '<p class="muted small">Listed apart, but alike enough to be versions of one paper.</p> ' +
        '<ul> <li data-same-work-id="twin"><a href="/papers/twin/">Twin &amp; &quot;twin&quot;</a></li> </ul> </section> ' +
        '<nav class="pagination paper-neighbours" aria-label="More in Alignment &amp; safety"> ' +
        '<a href="/papers/newer/" rel="prev">← Newer in Alignment &amp; safety</a> <span></span> </nav>  ' +
        '<h2>Why these topics</h2> <ul class="evidence"> ' +
        '<li> <a href="/topics/alignment/">Alignment &amp; safety</a>:  “&quot;safe&quot; &amp; &lt;sound&gt;” in the abstract </li>' +
        '<li> <a href="/topics/peft/">Parameter-efficient fine-tuning</a>:  “LoRA” in the title, “adapter” in the abstract </li>' +
        '<li> <a href="/topics/retired/">retired</a>:   </li> </ul>  ' +
        '<details class="provenance"> <summary><h2>Provenance</h2></summary>  <h3>History</h3> <ul> ' +
        '<li> <a href="/sources/#002_&quot;c&quot;.txt">002_&quot;c&quot;.txt</a>:  renamed from “&lt;Old&gt; &amp; &quot;older&quot;” to “” </li>' +
        // An unknown count (null) is left empty; 0 and the other numbers are written as they are.
        '<li> <a href="/sources/#003.txt">003.txt</a>:  upvotes  → 0 </li>' +
        '<li> <a href="/sources/#003.txt">003.txt</a>:  upvotes 7 → 1234 </li> </ul>  ' +
        '<h3>Sources</h3> <p>First seen in <a href="/sources/#001_a&amp;b.txt">001_a&amp;b.txt</a>. Listed 2 times:</p> ' +
        '<ul> <li><a href="/sources/#001_a&amp;b.txt">001_a&amp;b.txt</a>, line 12</li>' +
        '<li><a href="/sources/#002_&quot;c&quot;.txt">002_&quot;c&quot;.txt</a>, line 0</li> </ul>  ' +
        '<h3>Merged listings</h3> <ul class="merge-provenance"> ' +
        '<li>\nThe listing in <a href="/sources/#002_&quot;c&quot;.txt">002_&quot;c&quot;.txt</a>, line 5 \n' +
        '(“It&#39;s &lt;new&gt;”) was merged with the one in  <a href="/sources/#001_a&amp;b.txt">001_a&amp;b.txt</a>, line 12 \n' +
        '(untitled) because their titles are close (67% of their words in common) and their abstracts agree ' +
        '(88% of the shorter one is in the other).\n</li> </ul>  </details> </div> </article>',
    );
  });

  it('says when an undated paper was listed, and links an organisation without a page to the list of organisations', () => {
    const older = paper({ id: 'older', title: 'Older' });
    const undated = paper({ id: 'undated', firstSeen: '004_listed.txt', organization: 'Unknown & Co' });
    expect(paperPageBodyHtml(siteData([undated, older]), undated)).toContain(
      '</button>    <p class="paper-facts"><span data-pagefind-ignore>listed 1 Mar 2025 · </span>' +
        '<a href="/orgs/" data-pagefind-filter="organization">Unknown &amp; Co</a></p>  <dl class="facts">',
    );
    // The oldest paper of its topic has no older neighbour: an empty span keeps "Newer" on its side.
    expect(paperPageBodyHtml(siteData([undated, older]), undated)).toContain(
      '<nav class="pagination paper-neighbours" aria-label="More in Other"> <span></span> ' +
        '<a href="/papers/older/" rel="next">Older in Other →</a> </nav>',
    );
    const organisationOnly = paper({ organization: 'R&D "Lab" <AI>' });
    expect(paperPageBodyHtml(siteData([organisationOnly]), organisationOnly)).toContain(
      '<p class="paper-facts"><span data-pagefind-ignore></span>' +
        '<a href="/orgs/r-d-lab-ai/" data-pagefind-filter="organization">R&amp;D &quot;Lab&quot; &lt;AI&gt;</a></p>',
    );
  });
});
