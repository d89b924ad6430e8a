#!/usr/bin/env node
// Screenshots of a report's HTML as a reader sees it, at desktop and phone widths:
//   node scripts/screenshot-html.mjs out/report.html /tmp/shot
// writes /tmp/shot-desktop.png and /tmp/shot-phone.png (full page). Loaded from a string with
// JavaScript off and every request refused, as the PDF renderer does.
import { readFile } from 'node:fs/promises';
import { launch } from 'puppeteer-core';

const [file = 'out/report.html', prefix = '/tmp/report'] = process.argv.slice(2);
const html = await readFile(file, 'utf8');
const root = process.getuid?.() === 0;
const browser = await launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
  args: [...(root ? ['--no-sandbox'] : []), '--disable-gpu', '--disable-background-networking'],
});
try {
  for (const [name, width, height] of [
    ['desktop', 1280, 900],
    ['phone', 390, 844],
  ]) {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (r) => (r.url().startsWith('data:') ? r.continue() : r.abort()));
    await page.setViewport({ width, height, deviceScaleFactor: 1, isMobile: name === 'phone' });
    await page.setContent(html, { waitUntil: 'load' });
    await page.screenshot({ path: `${prefix}-${name}.png`, fullPage: true });
    // Evaluated in the page, where `document` is.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    console.log(`${prefix}-${name}.png (${width}px wide; horizontal overflow ${overflow}px)`);
    await page.close();
  }
} finally {
  await browser.close();
}
