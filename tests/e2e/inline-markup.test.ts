import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { tempProject } from '../helpers/temp-project.js';
import { readerHtml, readerPdfText } from '../helpers/reader-view.js';

/**
 * Markup in a profile's long texts as the real CLI builds it: emphasis and https: links in
 * the page, plain words in the charts and the JSON, a warning at file:line:col for a link
 * that is not https:; and the person's own name in bold in their author lists, with a warning
 * where it cannot be found.
 */
let project: string;
const profile = (): string => path.join(project, 'data', 'profiles', 'zeng-yan.yaml');

beforeAll(async () => {
  project = await tempProject();
  let text = await readFile(profile(), 'utf8');
  text = text
    .replace(
      'summary: { en: "Aligns text with visual concepts',
      'summary: { en: "Aligns **text** with *visual concepts*, code at [the X-VLM repository](https://github.com/zengyan-97/X-VLM), slides at [an old page](http://example.org/slides); aligns text with visual concepts',
    )
    .replace('note: { en: "Led the whole pre-training', 'note: { en: "Led the **whole** pre-training')
    .replace(
      'authors: Yan Zeng, Wangchunshu Zhou, Ao Luo, Ziming Cheng, Xinsong Zhang',
      'authors: Wangchunshu Zhou, Ao Luo, Ziming Cheng, Xinsong Zhang',
    )
    .replace(
      'authors: Yan Zeng, Hanbo Zhang, Jiani Zheng, et al.',
      'authors: Hanbo Zhang, Zeng Y., Jiani Zheng, et al.',
    );
  await writeFile(profile(), text);
}, 60_000);

const lineOf = async (needle: string): Promise<number> =>
  (await readFile(profile(), 'utf8')).split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('inline markup and own names, built by the CLI', () => {
  it('validate warns, at file:line:col, of the link that is not https:, the author list without the person, and a first author named second', async () => {
    const result = await runCli(['validate', 'data/profiles/zeng-yan.yaml'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    const out = `${result.stdout}${result.stderr}`;
    const summary = await lineOf('[an old page](http://example.org/slides)');
    expect(out).toMatch(
      new RegExp(
        `data/profiles/zeng-yan\\.yaml:${summary}:\\d+ {2}papers\\[0\\]\\.summary\\.en {2}warning: the link to \`http://example\\.org/slides\` is not an https: address, so it is shown as plain text`,
      ),
    );
    const authors = await lineOf('authors: Wangchunshu Zhou');
    expect(out).toMatch(
      new RegExp(
        `data/profiles/zeng-yan\\.yaml:${authors}:14 {2}papers\\[1\\]\\.authors {2}warning: Zeng Yan is not in this author list \\(looked for Zeng Yan, Yan Zeng, 曾妍, with or without a comma, and with initials\\)`,
      ),
    );
    expect(out).toMatch(
      /papers\[2\]\.authorship {2}warning: the authorship is `first`, but Zeng Yan is not the first name in this paper's author list/,
    );
  }, 60_000);

  it('the page shows the markup and the bold name; the charts and the JSON summary get plain words', async () => {
    const result = await runCli(['build', '--json'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    // As a reader reads it: not the break hints, and not the facts block (the profile as written).
    const html = readerHtml(await readFile(path.join(project, 'out', 'report.html'), 'utf8'));
    expect(html).toContain(
      '<p class="paper-summary" dir="auto">Aligns <strong>text</strong> with <em>visual concepts</em>, code at <a href="https://github.com/zengyan-97/X-VLM">the X-VLM repository</a>, slides at [an old page](http://example.org/slides); aligns',
    );
    expect(html).toContain('<strong class="own-name">Yan Zeng</strong>, Xinsong Zhang, Hang Li');
    expect(html).toContain('Hanbo Zhang, <strong class="own-name">Zeng Y.</strong>, Jiani Zheng, et al.');
    expect(html).toContain(
      '<p class="paper-authors" dir="auto">Wangchunshu Zhou, Ao Luo, Ziming Cheng, Xinsong Zhang</p>',
    );
    // The timeline's table (the chart's words) has the career note without its asterisks.
    expect(html).toMatch(/Led the whole pre-training of Seedance 2\.0/);
    expect(html.includes('**')).toBe(false);
    const summary = JSON.parse(result.stdout) as unknown;
    expect(JSON.stringify(summary).includes('**')).toBe(false);
    expect(JSON.stringify(summary)).toMatch(/is not an https: address/);
    const text = readerPdfText(
      execFileSync('pdftotext', ['-layout', path.join(project, 'out', 'report.pdf'), '-'], { encoding: 'utf8' }),
    ).replace(/\s+/g, ' ');
    expect(text).toMatch(/Aligns text with visual concepts, code at the X-VLM repository/);
  }, 120_000);
});
