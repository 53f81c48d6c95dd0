/**
 * Looks at the built site on disk: which topic and paper page to load in the browser (the first
 * page of the biggest topic, a paper page of median size) and how large paper and topic pages are
 * gzipped across the site (the largest pages by raw size, and an even sample for the median).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OTHER_TOPIC } from '../../src/ingest/index.ts';

export interface PageSizes {
  pages: number;
  medianGzipKb: number;
  maxGzipKb: number;
  maxGzipPath: string;
}

export interface SitePlan {
  topicPath: string;
  paperPath: string;
  paperPages: PageSizes;
  topicPages: PageSizes;
}

const SAMPLE = 1500;
const LARGEST = 40;

function htmlPages(distDirectory: string, folder: string): { path: string; file: string; size: number }[] {
  const root = join(distDirectory, folder);
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name === 'index.html')
    .map((entry) => {
      const file = join(entry.parentPath, entry.name);
      const path = `/${relative(distDirectory, entry.parentPath).split(sep).join('/')}/`;
      return { path, file, size: statSync(file).size };
    });
}

function sizes(pages: { path: string; file: string; size: number }[]): PageSizes {
  const bySize = [...pages].sort((a, b) => a.size - b.size);
  const step = Math.max(1, Math.floor(bySize.length / SAMPLE));
  const gzipKb = new Map<string, number>();
  const measure = (page: { path: string; file: string }) => {
    const known = gzipKb.get(page.path);
    if (known !== undefined) return known;
    const kb = gzipSync(readFileSync(page.file)).length / 1024;
    gzipKb.set(page.path, kb);
    return kb;
  };
  const sample = bySize
    .filter((_, index) => index % step === 0)
    .map(measure)
    .sort((a, b) => a - b);
  for (const page of bySize.slice(-LARGEST)) measure(page);
  const [maxGzipPath, maxGzipKb] = [...gzipKb].reduce((max, entry) => (entry[1] > max[1] ? entry : max), ['', 0]);
  return { pages: pages.length, medianGzipKb: sample[Math.floor(sample.length / 2)] ?? 0, maxGzipKb, maxGzipPath };
}

export function planSite(distDirectory: string): SitePlan {
  const papers = htmlPages(distDirectory, 'papers').filter((page) => /^\/papers\/[^/]+\/$/.test(page.path));
  const topics = htmlPages(distDirectory, 'topics').filter((page) => /^\/topics\/[^/]+\/(?:\d+\/)?$/.test(page.path));
  if (papers.length === 0 || topics.length === 0) throw new Error(`no paper or topic pages in ${distDirectory}`);
  const pagesPerTopic = new Map<string, number>();
  for (const page of topics) {
    const topic = page.path.split('/')[2]!;
    pagesPerTopic.set(topic, (pagesPerTopic.get(topic) ?? 0) + 1);
  }
  // The biggest real topic (not the catch-all "other"), first page.
  const [biggest] = [...pagesPerTopic]
    .filter(([topic]) => topic !== OTHER_TOPIC.id)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const bySize = [...papers].sort((a, b) => a.size - b.size || a.path.localeCompare(b.path));
  return {
    topicPath: `/topics/${(biggest ?? [...pagesPerTopic][0]!)[0]}/`,
    paperPath: bySize[Math.floor(bySize.length / 2)]!.path,
    paperPages: sizes(papers),
    topicPages: sizes(topics),
  };
}
