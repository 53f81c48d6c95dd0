/**
 * Where to find a paper: searches for its exact title on the sites readers look papers up on (the
 * dumps carry no arXiv ids), and the links of its abstract, named after what they lead to.
 */

export interface FindLink {
  label: string;
  href: string;
}

/** Title searches, built at build time from the plain-text title. */
export function findItLinks(title: string): FindLink[] {
  const quoted = encodeURIComponent(`"${title}"`);
  const plain = encodeURIComponent(title);
  return [
    { label: 'arXiv', href: `https://arxiv.org/search/?query=${quoted}&searchtype=title` },
    { label: 'Hugging Face Papers', href: `https://huggingface.co/papers?q=${plain}` },
    { label: 'Semantic Scholar', href: `https://www.semanticscholar.org/search?q=${plain}` },
    { label: 'Google Scholar', href: `https://scholar.google.com/scholar?q=${quoted}` },
  ];
}

export type AbstractLinkKind = 'Code' | 'Model' | 'Dataset' | 'Demo' | 'Project page' | 'Link';

/** What a link of an abstract leads to, from its host and path. */
export function abstractLinkKind(href: string): AbstractLinkKind {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return 'Link';
  }
  const host = url.hostname.toLowerCase().replace(/^www\./, '');
  const path = url.pathname;
  if (host === 'github.com' || host === 'gitlab.com' || host === 'bitbucket.org' || host === 'gitee.com') return 'Code';
  if (host === 'huggingface.co' || host === 'hf.co') {
    if (path.startsWith('/datasets/')) return 'Dataset';
    if (path.startsWith('/spaces/')) return 'Demo';
    if (/^\/[^/]+\/[^/]+/.test(path) && !path.startsWith('/papers')) return 'Model';
    return 'Link';
  }
  if (host.endsWith('github.io')) return 'Project page';
  return 'Link';
}
