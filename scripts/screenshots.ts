/**
 * `npm run screenshots`: pictures of the built site (`dist/`, or the folder given with `--dist`)
 * in Chromium, light and dark at 1280 px and light at 390 px wide, into docs/screenshots/. Build
 * first (`npm run build`). The README's "What a reader sees" shows two of them.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchBrowser } from './lib/launch-browser.ts';
import { startStaticServer } from './lib/static-server.ts';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: 'dist' },
    out: { type: 'string', default: 'docs/screenshots' },
    paper: { type: 'string', default: 's2ft-efficient-scalable-and-generalizable-llm-fine-tuning-by' },
    topic: { type: 'string', default: 'alignment' },
    'list-topic': { type: 'string', default: 'multimodal' },
  },
});

const PAGES = [
  { name: 'topic', path: `/topics/${values.topic}/` },
  // A later page of a topic: cards and the side column, without the introduction above them.
  { name: 'topic-list', path: `/topics/${values['list-topic']}/2/` },
  { name: 'paper', path: `/papers/${values.paper}/` },
  { name: 'home', path: '/' },
  { name: 'org', path: '/orgs/liquid-ai/' },
];
const VIEWS = [
  { name: 'light', width: 1280, height: 900, colorScheme: 'light' as const, fullPage: false },
  { name: 'dark', width: 1280, height: 900, colorScheme: 'dark' as const, fullPage: false },
  { name: 'phone', width: 390, height: 844, colorScheme: 'light' as const, fullPage: true },
];

const out = resolve(values.out);
mkdirSync(out, { recursive: true });
const server = await startStaticServer(resolve(values.dist));
const browser = await launchBrowser();
try {
  for (const view of VIEWS) {
    const context = await browser.newContext({
      viewport: { width: view.width, height: view.height },
      colorScheme: view.colorScheme,
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    for (const { name, path } of PAGES) {
      const response = await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
      if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
      const file = join(out, `${name}-${view.name}.png`);
      await page.screenshot({ path: file, fullPage: view.fullPage });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
