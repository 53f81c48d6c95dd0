import { chromium } from 'playwright-core';
const [,, url, out, width = '1280', scheme = 'light'] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
await page.goto(url);
await page.screenshot({ path: out, fullPage: false });
await browser.close();
