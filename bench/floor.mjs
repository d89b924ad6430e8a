#!/usr/bin/env node
// The floor for `npm run bench`: the least any tool must do to turn this HTML into a PDF with
// this Chromium. Launch it (same flags as a build), load the HTML from a string, print with the
// same options, write the file, close. Usage: node bench/floor.mjs in.html out.pdf
import { readFile, writeFile } from 'node:fs/promises';
import { launch } from 'puppeteer-core';

const [input, output] = process.argv.slice(2);
const root = process.getuid?.() === 0;
const browser = await launch({
  executablePath: process.env.PUPPETEER_EXECUTABLE_PATH ?? '/usr/bin/chromium',
  pipe: true,
  args: [
    ...(root ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-extensions',
    '--font-render-hinting=none',
  ],
});
try {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setContent(await readFile(input, 'utf8'), { waitUntil: 'load' });
  await writeFile(
    output,
    await page.pdf({ preferCSSPageSize: true, printBackground: true, outline: true, tagged: true }),
  );
} finally {
  await browser.close();
}
