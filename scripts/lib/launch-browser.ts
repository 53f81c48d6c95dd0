/**
 * Launches headless Chromium for the browser tests with playwright-core, which ships no browser:
 * `CHROMIUM_PATH` when set, else the system's `/usr/bin/chromium`, else the build bundled by
 * `@sparticuz/chromium` (unpacked into the temp directory on first use).
 * `FORCE_SPARTICUZ=1` skips the first two, to check the fallback on a machine that has Chromium.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * The background-networking flags matter: without them Chromium opens connections of its own on
 * start-up, and on a closed network those are refused.
 */
const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumExecutable {
  path: string;
  source: 'CHROMIUM_PATH' | 'system' | '@sparticuz/chromium';
}

export async function findChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumExecutable> {
  const forceSparticuz = env.FORCE_SPARTICUZ === '1';
  if (!forceSparticuz && env.CHROMIUM_PATH) {
    if (!existsSync(env.CHROMIUM_PATH)) throw new Error(`CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist`);
    return { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' };
  }
  if (!forceSparticuz && existsSync(SYSTEM_CHROMIUM)) return { path: SYSTEM_CHROMIUM, source: 'system' };
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return { path: await sparticuz.executablePath(), source: '@sparticuz/chromium' };
}

export async function launchBrowser(): Promise<Browser> {
  const executable = await findChromium();
  try {
    return await chromium.launch({ executablePath: executable.path, headless: true, args: [...CHROMIUM_ARGS] });
  } catch (error) {
    throw new Error(
      `could not launch Chromium from ${executable.path} (${executable.source}): ${(error as Error).message}`,
      { cause: error },
    );
  }
}
