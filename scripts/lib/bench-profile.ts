/**
 * Reads V8 CPU profiles (`node --cpu-prof`) and says where the time went: self time by area
 * (the project's files, each package, Node, garbage collection) and by function, and the total
 * time spent inside the project's own functions (callees included).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

export interface TimeShare {
  name: string;
  ms: number;
  share: number;
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  byArea: TimeShare[];
  bySelf: TimeShare[];
  /** Project functions with their callees (a function inside itself counts once). */
  projectInclusive: TimeShare[];
}

const PROJECT_DIR = /\/(src|scripts)\//;

/** `src/ingest/merge-papers.ts`, a package name, `node` or a V8 pseudo-frame. */
export function areaOf(url: string, functionName: string): string {
  if (url === '') return functionName.startsWith('(') ? functionName : functionName.startsWith('RegExp:') ? '(regular expressions)' : '(V8 built-ins)';
  // The site's pages and components, as Astro bundled them for prerendering.
  const prerender = /\/\.prerender\/(?:chunks\/)?([^/]*?)(?:[_.][\w-]{8})?\.mjs$/.exec(url);
  if (prerender) return `site bundle: ${prerender[1]}`;
  const modules = url.lastIndexOf('/node_modules/');
  if (modules >= 0) {
    const [scope = '', name = ''] = url.slice(modules + '/node_modules/'.length).split('/');
    return scope.startsWith('@') ? `${scope}/${name}` : scope;
  }
  if (url.startsWith('node:')) return 'node';
  const project = PROJECT_DIR.exec(url);
  if (project) return url.slice(project.index + 1).replace(/\?.*$/, '');
  return url.replace(/^file:\/\//, '');
}

function shares(totals: Map<string, number>, totalMs: number, top: number): TimeShare[] {
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, ms]) => ({ name, ms, share: ms / totalMs }));
}

export function summarizeProfile(file: string, top = 15): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, index) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));
  const totalMs = (profile.endTime - profile.startTime) / 1000;

  const byArea = new Map<string, number>();
  const bySelf = new Map<string, number>();
  for (const node of profile.nodes) {
    const ms = (selfUs.get(node.id) ?? 0) / 1000;
    if (ms === 0) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    byArea.set(area, (byArea.get(area) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${url ? `${area}:${lineNumber + 1}` : ''}`.trim();
    bySelf.set(name, (bySelf.get(name) ?? 0) + ms);
  }

  // Inclusive time of project functions: walk the call tree, counting a function only at its outermost frame.
  const inclusive = new Map<string, number>();
  const subtreeMs = new Map<number, number>();
  const subtree = (id: number): number => {
    const known = subtreeMs.get(id);
    if (known !== undefined) return known;
    const node = byId.get(id)!;
    const ms = (selfUs.get(id) ?? 0) / 1000 + (node.children ?? []).reduce((sum, child) => sum + subtree(child), 0);
    subtreeMs.set(id, ms);
    return ms;
  };
  const root = profile.nodes[0];
  const stack: { id: number; open: Set<string> }[] = root ? [{ id: root.id, open: new Set() }] : [];
  while (stack.length > 0) {
    const { id, open } = stack.pop()!;
    const node = byId.get(id)!;
    const { functionName, url, lineNumber } = node.callFrame;
    let inside = open;
    if (PROJECT_DIR.test(url) && !url.includes('/node_modules/')) {
      const name = `${functionName || '(anonymous)'} ${areaOf(url, functionName)}:${lineNumber + 1}`;
      if (!open.has(name)) {
        inclusive.set(name, (inclusive.get(name) ?? 0) + subtree(id));
        inside = new Set(open).add(name);
      }
    }
    for (const child of node.children ?? []) stack.push({ id: child, open: inside });
  }

  return { file, totalMs, byArea: shares(byArea, totalMs, top), bySelf: shares(bySelf, totalMs, top), projectInclusive: shares(inclusive, totalMs, top) };
}

/** Every profile in a folder, biggest (longest) first. */
export function summarizeProfiles(directory: string, top = 15): ProfileSummary[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => summarizeProfile(join(directory, name), top))
    .sort((a, b) => b.totalMs - a.totalMs);
}

export function formatProfile(summary: ProfileSummary, title: string): string {
  const rows = (list: TimeShare[]) => list.map((entry) => `  ${entry.ms.toFixed(0).padStart(7)} ms ${(entry.share * 100).toFixed(1).padStart(5)}%  ${entry.name}`).join('\n');
  return [
    `${title} (${(summary.totalMs / 1000).toFixed(1)} s profiled; ${summary.file})`,
    ' self time by area:',
    rows(summary.byArea),
    ' self time by function:',
    rows(summary.bySelf),
    ' project functions, callees included:',
    rows(summary.projectInclusive),
  ].join('\n');
}
