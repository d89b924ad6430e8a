import { pathToFileURL } from 'node:url';

/**
 * Opens a written report the way a recipient would: from disk, in an ordinary headless
 * Chromium with JavaScript on and nothing intercepted, then waits a moment for anything it
 * might load. Tests pair this with a Canary to see whether the file fetched anything.
 */
export async function openWithJavaScript(file: string): Promise<{ consoleErrors: string[]; title: string }> {
  const { launch } = await import('puppeteer-core');
  const browser = await launch({
    executablePath: process.env['PUPPETEER_EXECUTABLE_PATH'] ?? '/usr/bin/chromium',
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });
  try {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(true);
    const consoleErrors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 30_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { consoleErrors, title: await page.title() };
  } finally {
    await browser.close();
  }
}
