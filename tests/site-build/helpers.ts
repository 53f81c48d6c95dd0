/**
 * Site builds in isolated copies of the project (scripts/lib/project-copy.ts), with their own
 * seeds folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { copyProject } from '../../scripts/lib/project-copy.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const NEW_DUMP_FIXTURES = join(PROJECT_ROOT, 'tests/fixtures/new-dump');
export const SITE_URL = 'https://digest.example.org';
const ASTRO_CLI = join(PROJECT_ROOT, 'node_modules/astro/bin/astro.mjs');
const TSX_CLI = join(PROJECT_ROOT, 'node_modules/tsx/dist/cli.mjs');

export interface SiteCopy {
  root: string;
  seeds: string;
  /** Puts a fixture dump into the copy's seeds (optionally under another name). */
  addDump(fixture: string, as?: string): void;
  remove(): void;
}

export function makeSiteCopy(label: string): SiteCopy {
  const root = mkdtempSync(join(tmpdir(), `rd-${label}-`));
  copyProject(PROJECT_ROOT, root);
  const seeds = join(root, 'seeds');
  mkdirSync(seeds);
  return {
    root,
    seeds,
    addDump: (fixture, as = fixture) => copyFileSync(join(NEW_DUMP_FIXTURES, fixture), join(seeds, as)),
    // fs.rm removes the package links, never what they point to.
    remove: () => {
      if (process.env.KEEP_SITE_COPIES !== '1') rmSync(root, { recursive: true, force: true });
    },
  };
}

/** The environment of a build or dev server: the copy's seeds, a fixed site URL, no test-runner leftovers. */
function siteEnv(copy: SiteCopy): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env))
    if (key === 'NODE_ENV' || key === 'TEST' || key.startsWith('VITEST')) delete env[key];
  // The copies' seeds are often fixtures alone, without the papers the topic introductions cite.
  return {
    ...env,
    SITE_URL,
    RESEARCH_DIGEST_SEEDS: copy.seeds,
    RESEARCH_DIGEST_CITATIONS: 'warn',
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
  };
}

function runNode(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // process.execPath: the Node 22 that runs the tests (the `node` devDependency), never the system one.
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code, signal) => {
      if (code === 0) done({ stdout, stderr });
      else
        fail(
          new Error(
            `node ${args.join(' ')} failed (${signal ?? `exit code ${code}`}) in ${cwd}:\n${stdout}\n${stderr}`,
          ),
        );
    });
  });
}

/** `astro build --outDir <outDir>` in the copy; returns the build log. */
export async function buildSite(copy: SiteCopy, outDir: string, envOverrides: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout, stderr } = await runNode([ASTRO_CLI, 'build', '--outDir', outDir], copy.root, {
    ...siteEnv(copy),
    ...envOverrides,
  });
  return `${stdout}\n${stderr}`;
}

/**
 * `npm run build` in the copy (scripts/build.ts, run by Node itself as npm runs it): a rebuild
 * without Astro when only the dumps changed since the last full build, `astro build` otherwise.
 */
export async function runBuildScript(copy: SiteCopy, envOverrides: NodeJS.ProcessEnv = {}): Promise<string> {
  const { stdout, stderr } = await runNode(['scripts/build.ts'], copy.root, { ...siteEnv(copy), ...envOverrides });
  return `${stdout}\n${stderr}`;
}

/** A project script (`scripts/…`) run with tsx in the copy, as `npm run` would: stdout and stderr together. */
export async function runProjectScript(
  copy: SiteCopy,
  args: string[],
  envOverrides: NodeJS.ProcessEnv = {},
): Promise<string> {
  const { stdout, stderr } = await runNode([TSX_CLI, ...args], copy.root, { ...siteEnv(copy), ...envOverrides });
  return `${stdout}\n${stderr}`;
}

/** `npm run ingest -- --json` in the copy: stdout exactly as printed. */
export async function ingestJson(copy: SiteCopy): Promise<string> {
  const { stdout } = await runNode([TSX_CLI, 'scripts/ingest.ts', '--json'], copy.root, siteEnv(copy));
  return stdout;
}

/** The ingest line of a build log: `N papers from M dumps (parsed …; K from cache)`. */
export function ingestLogLine(log: string): string {
  const lines = log
    .split('\n')
    .filter((line) => line.includes('[research-digest-papers]') && line.includes(' papers from '));
  if (lines.length !== 1) throw new Error(`expected one ingest line in the build log, found ${lines.length}:\n${log}`);
  return lines[0]!.replace(/^.*\[research-digest-papers\]\s*/, '').trim();
}

export function listFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

/** sha256 of every file of a built site, by path. */
export function hashTree(directory: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(directory).map((file) => [
      file,
      createHash('sha256')
        .update(readFileSync(join(directory, file)))
        .digest('hex'),
    ]),
  );
}

/** The files of one `hashTree` whose contents differ from (or are missing in) another's. */
export function filesThatDiffer(tree: Record<string, string>, other: Record<string, string>): string[] {
  return Object.entries(tree)
    .filter(([file, hash]) => other[file] !== hash)
    .map(([file]) => file);
}

export function readPage(dist: string, urlPath: string): string | null {
  const file = urlPath.endsWith('/') ? join(dist, urlPath, 'index.html') : join(dist, urlPath);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** The target of a static redirect page (`<meta http-equiv="refresh" content="0;url=…">`), or null. */
export function redirectTarget(html: string): string | null {
  return /<meta http-equiv="refresh" content="0;url=([^"]+)"/.exec(html)?.[1] ?? null;
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replace(/&#x([0-9a-f]+);/gi, (_, code: string) => String.fromCodePoint(parseInt(code, 16)))
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** A paper page's h1 text. */
export function pageHeading(html: string): string | null {
  const match = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html);
  return match ? decodeEntities(match[1]!.replace(/<[^>]+>/g, '').trim()) : null;
}

/** The sightings a paper page lists under "Sources": `dump:line`. */
export function pageSources(html: string): string[] {
  return [...html.matchAll(/<li><a href="\/sources\/#([^"]+)">[^<]*<\/a>, line (\d+)<\/li>/g)].map(
    (match) => `${match[1]}:${match[2]}`,
  );
}

/** The inner HTML of the element with this id (the element must not nest another of its own tag). */
export function elementById(html: string, id: string): string | null {
  const open = new RegExp(`<(\\w+)[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!open) return null;
  const tag = open[1]!;
  const start = open.index + open[0].length;
  const end = html.indexOf(`</${tag}>`, start);
  return end < 0 ? null : html.slice(start, end);
}

/** `data-paper-id` of the paper cards (`article.paper-card[data-paper-id]`) in some HTML, in order. */
export function cardIds(html: string): string[] {
  return [...html.matchAll(/<article class="paper-card" data-paper-id="([^"]+)"[^>]*>/g)].map((match) => match[1]!);
}

/** Card ids whose card carries a "new" mark (`.new-badge`). */
export function newBadgeCardIds(html: string): string[] {
  return [...html.matchAll(/<article class="paper-card" data-paper-id="([^"]+)"[^>]*>([\s\S]*?)<\/article>/g)]
    .filter((match) => /<span class="new-badge"[\s>]/.test(match[2]!))
    .map((match) => match[1]!);
}

/** `data-paper-id` of `li[data-paper-id]` elements, in order. */
export function listItemIds(html: string): string[] {
  return [...html.matchAll(/<li data-paper-id="([^"]+)"[^>]*>/g)].map((match) => match[1]!);
}

/** The home page's count of new papers in one topic card (`[data-topic-card] [data-topic-new-count]`), or null. */
export function topicNewCount(homeHtml: string, topic: string): string | null {
  const start = homeHtml.indexOf(`data-topic-card="${topic}"`);
  if (start < 0) throw new Error(`no topic card ${topic}`);
  const next = homeHtml.indexOf('data-topic-card=', start + 1);
  const card = homeHtml.slice(start, next < 0 ? undefined : next);
  return /<a [^>]*data-topic-new-count[^>]*>([^<]*)<\/a>/.exec(card)?.[1] ?? null;
}

/** `<link rel="alternate" type="application/rss+xml">` hrefs of a page. */
export function feedLinks(html: string): string[] {
  return [...html.matchAll(/<link rel="alternate" type="application\/rss\+xml"[^>]*href="([^"]+)"/g)].map(
    (match) => match[1]!,
  );
}

export interface FeedItem {
  title: string;
  link: string;
  guid: string;
  pubDate?: string;
}

/** Checks the feed is well-formed XML (strictly) and returns its channel link and items. */
export function parseFeed(xml: string): { channelLink: string; items: FeedItem[]; allLinks: string[] } {
  const valid = XMLValidator.validate(xml, { allowBooleanAttributes: false });
  if (valid !== true) throw new Error(`feed is not well-formed XML: ${JSON.stringify(valid.err)}`);
  const parsed = new XMLParser({
    ignoreAttributes: false,
    isArray: (name) => name === 'item' || name === 'category',
    textNodeName: '#text',
  }).parse(xml) as {
    rss?: { channel?: { link?: string; item?: Record<string, unknown>[] } };
  };
  const channel = parsed.rss?.channel;
  if (!channel) throw new Error('no rss/channel element');
  const text = (value: unknown) =>
    typeof value === 'object' && value !== null ? String((value as Record<string, unknown>)['#text']) : String(value);
  const items = (channel.item ?? []).map((item) => ({
    title: text(item.title),
    link: text(item.link),
    guid: text(item.guid),
    ...(item.pubDate === undefined ? {} : { pubDate: text(item.pubDate) }),
  }));
  const allLinks = [...xml.matchAll(/<link>([^<]*)<\/link>/g)].map((match) => match[1]!);
  return { channelLink: String(channel.link), items, allLinks };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

export interface DevServer {
  url: string;
  child: ChildProcess;
  log: () => string;
  stop(): Promise<void>;
}

/** `astro dev` in the copy on 127.0.0.1, in its own process group so that it stops with all its children. */
export async function startDevServer(copy: SiteCopy, timeoutMs = 60_000): Promise<DevServer> {
  const port = await freePort();
  const child = spawn(process.execPath, [ASTRO_CLI, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: copy.root,
    env: siteEnv(copy),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const server: DevServer = {
    url: `http://127.0.0.1:${port}`,
    child,
    log: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      }, 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
  const ready = await pollUntil(async () => (await fetchStatus(`${server.url}/`)) === 200, timeoutMs);
  if (!ready) {
    await server.stop();
    throw new Error(`astro dev did not answer within ${timeoutMs} ms:\n${output}`);
  }
  return server;
}

export async function fetchStatus(url: string): Promise<number | null> {
  try {
    const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await response.arrayBuffer();
    return response.status;
  } catch {
    return null;
  }
}

export async function fetchText(url: string): Promise<{ status: number; text: string }> {
  const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
  return { status: response.status, text: await response.text() };
}

/** Polls `check` every 500 ms until it returns true or `timeoutMs` passes. */
export async function pollUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((done) => setTimeout(done, 500));
  }
  return false;
}
