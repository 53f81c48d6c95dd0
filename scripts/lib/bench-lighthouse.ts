/**
 * Lighthouse (the npm package, its default mobile settings: an emulated mid-range phone on a
 * simulated slow 4G network) on the home, a topic and a paper page served by the bench server:
 * the four category scores of each page, and the audits that cost points. Chromium runs headless
 * with its background networking off, found as the browser tests find it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import { findChromium } from './launch-browser.ts';

export const LIGHTHOUSE_CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type LighthouseCategory = (typeof LIGHTHOUSE_CATEGORIES)[number];

export interface LighthouseAudit {
  category: LighthouseCategory;
  id: string;
  title: string;
  /** 0–1, or null for an audit that could not run (which counts as 0). */
  score: number | null;
  displayValue: string | null;
}

export interface LighthousePage {
  /** `home`, `topic` or `paper`. */
  name: string;
  path: string;
  /** 0–100 per category, as Lighthouse reports them. */
  scores: Record<LighthouseCategory, number>;
  /** Weighted audits that scored below 1: what keeps a category under 100. */
  losing: LighthouseAudit[];
  /** Warnings of the run itself (a page that did not settle, a redirect…). */
  runWarnings: string[];
}

export interface LighthouseFigures {
  version: string;
  formFactor: string;
  throttling: string;
  pages: LighthousePage[];
}

/** Flags for Chromium under Lighthouse: headless, and no connections of its own to the outside. */
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

interface DebuggedChromium {
  port: number;
  process: ChildProcess;
  close: () => Promise<void>;
}

/** Starts Chromium with a DevTools port (which Lighthouse drives) and an empty profile of its own. */
async function startChromium(): Promise<DebuggedChromium> {
  const { path } = await findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'research-digest-lighthouse-'));
  const child = spawn(
    path,
    [...CHROMIUM_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((done) => setTimeout(done, 5000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
    rmSync(profile, { recursive: true, force: true });
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () =>
          reject(new Error(`Chromium (${path}) did not open its DevTools port within 30 s:\n${output.slice(-2000)}`)),
        30_000,
      );
      child.stderr!.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(
            `Chromium (${path}) exited with code ${code} before opening its DevTools port:\n${output.slice(-2000)}`,
          ),
        );
      });
    });
    // Keep reading, so that a full pipe never blocks Chromium.
    child.stderr!.resume();
    return { port, process: child, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Runs Lighthouse on each page in turn (one Chromium, a fresh tab and cleared storage per page). */
export async function measureLighthouse(
  baseUrl: string,
  pages: readonly { name: string; path: string }[],
): Promise<LighthouseFigures> {
  const chromium = await startChromium();
  try {
    const measured: LighthousePage[] = [];
    let version = '';
    let formFactor = '';
    let throttling = '';
    for (const { name, path } of pages) {
      const run = await lighthouse(`${baseUrl}${path}`, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...LIGHTHOUSE_CATEGORIES],
      });
      if (!run) throw new Error(`Lighthouse returned nothing for ${path}`);
      const { lhr } = run;
      if (lhr.runtimeError)
        throw new Error(`Lighthouse could not test ${path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      version = lhr.lighthouseVersion;
      formFactor = lhr.configSettings.formFactor;
      throttling = lhr.configSettings.throttlingMethod;
      const scores = {} as Record<LighthouseCategory, number>;
      const losing: LighthouseAudit[] = [];
      for (const category of LIGHTHOUSE_CATEGORIES) {
        const result = lhr.categories[category];
        if (!result) throw new Error(`Lighthouse reported no ${category} score for ${path}`);
        scores[category] = Math.round((result.score ?? 0) * 100);
        for (const ref of result.auditRefs) {
          const audit = lhr.audits[ref.id];
          if (
            !audit ||
            ref.weight === 0 ||
            audit.scoreDisplayMode === 'notApplicable' ||
            audit.scoreDisplayMode === 'informative' ||
            audit.scoreDisplayMode === 'manual'
          )
            continue;
          if (audit.score === null || audit.score < 1) {
            losing.push({
              category,
              id: audit.id,
              title: audit.title,
              score: audit.score,
              displayValue: audit.displayValue ?? null,
            });
          }
        }
      }
      measured.push({ name, path, scores, losing, runWarnings: lhr.runWarnings.map(String) });
    }
    return { version, formFactor, throttling, pages: measured };
  } finally {
    await chromium.close();
  }
}
