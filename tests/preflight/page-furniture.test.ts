import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawPage } from '../../src/pdf/page-ink.js';

const pageInk = (content: Buffer) => drawPage(content, { font: () => undefined, form: () => undefined }).ink;
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

describe('pageInk', () => {
  it('places text by the text and graphics matrices, as Chromium writes them', () => {
    // Chromium's form: a flipped, scaled page matrix, then text placed with Tm and moved with Td.
    const content = Buffer.from(
      '.24 0 0 -.24 0 841.92 cm\nq\n3.125 0 0 3.125 0 0 cm\nBT\n/F6 10.66 Tf\n1 0 0 -1 64 59 Tm\n<001B> Tj\n5.5 0 Td <0020> Tj\nET\nQ\n',
    );
    const [run, ...rest] = pageInk(content);
    expect(rest).toEqual([]);
    expect(run!.kind).toBe('text');
    // 59 px down a 0.75-scaled page is 44.25 pt from the top; the box spans the font size (8 pt).
    expect(run!.y0).toBeCloseTo(841.92 - 44.25 - 0.25 * 7.995, 1);
    expect(run!.y1).toBeCloseTo(841.92 - 44.25 + 0.8 * 7.995, 1);
    // Both glyphs, one after the other on the line, are one run: from the first to the second.
    expect(run!.x0).toBeCloseTo(64 * 0.75, 1);
    expect(run!.x1).toBeCloseTo((64 + 5.5) * 0.75, 1);
    // The date at the other end of the same line is a run of its own, as the header check needs.
    const line = Buffer.from(
      '.24 0 0 -.24 0 841.92 cm\n3.125 0 0 3.125 0 0 cm\nBT /F6 10.66 Tf 1 0 0 -1 64 59 Tm <001B> Tj 5.5 0 Td <0020> Tj ET BT /F6 10.66 Tf 1 0 0 -1 647 59 Tm <0086> Tj ET',
    );
    expect(pageInk(line).map((b) => Math.round(b.x0))).toEqual([48, 485]);
  });

  it('reads strings and arrays whole: brackets and parentheses inside them end nothing', () => {
    const content = Buffer.from(
      'BT /F1 10 Tf 1 0 0 1 100 700 Tm [(a]b) -20 (c\\)d (e) f)] TJ 0 -20 Td (x\\(y) Tj 0 -20 Td <5D29> Tj ET',
    );
    const ink = pageInk(content);
    // Three lines, 20 pt apart: had a bracket or parenthesis ended a token early, the operands would be off.
    expect(ink.map((b) => [b.kind, Math.round(b.y0 * 10) / 10, b.x0])).toEqual([
      ['text', 697.5, 100],
      ['text', 677.5, 100],
      ['text', 657.5, 100],
    ]);
  });

  it('counts painted paths but not white ones (the page background) nor clipping paths', () => {
    const content = Buffer.from(
      '1 1 1 rg 0 0 595 842 re f 0 0 1 rg 10 20 30 40 re f 0 0 100 100 re W n .5 g 1 1 m 5 9 l S',
    );
    const ink = pageInk(content);
    expect(ink).toEqual([
      { kind: 'path', x0: 10, y0: 20, x1: 40, y1: 60 },
      { kind: 'path', x0: 1, y0: 1, x1: 5, y1: 9 },
    ]);
  });
});

describe('the printed pages are checked for their header, footer and headings', () => {
  it('says which pages lost their running header and which heading ends a page alone; --strict refuses them', async () => {
    const project = await tempProject();
    // A template folder whose CSS drops the header's title and forces a break after each section heading.
    await mkdir(path.join(project, 'look'));
    await writeFile(
      path.join(project, 'look', 'extra.css'),
      'h1 { break-after: page !important; }\n@page { @top-left { content: none; } }\n',
    );
    const result = await runCli(['build', '--templates', 'look'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: pages 2, 3, .* of the PDF have no running header \(the title and the date at the top\)/,
    );
    expect(result.stderr).toMatch(/warning: the heading "At a glance" ends page \d+ of the PDF with nothing under it/);
    expect(result.stderr).toMatch(/warning: the heading "Sources" ends page \d+ of the PDF with nothing under it/);
    // Each section heading pushed its content to the next page: mid-report pages with a heading alone.
    expect(result.stderr).toMatch(
      /warning: page \d+ of the PDF is nearly empty: its content ends \d+% of the way down \("At a glance"\)/,
    );
    expect(result.stderr).not.toContain('footer');

    const strict = await tempProject();
    await mkdir(path.join(strict, 'look'));
    await writeFile(path.join(strict, 'look', 'extra.css'), '@page { @bottom-center { content: none; } }\n');
    const refused = await runCli(['build', '--templates', 'look', '--strict'], { cwd: strict });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/pages 2, 3, .* of the PDF have no "page X of Y" footer \(--strict\)/);
    expect(refused.stderr).toContain('nothing was written');
    expect((await listFiles(strict)).filter((f) => f.startsWith('out/'))).toEqual([]);
  }, 180_000);

  it('says when content wider than the sheet made Chromium shrink every page, and names what is too wide', async () => {
    const project = await tempProject();
    await mkdir(path.join(project, 'look'));
    await writeFile(path.join(project, 'look', 'extra.css'), 'main, body { min-width: 1400px; }\n');
    const result = await runCli(['build', '--templates', 'look'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /warning: the report is 1400 px wide where a page holds 665 px, so every PDF page would be shrunk to fit; too wide: "/,
    );
  }, 120_000);

  it('finds nothing to say about the sample', async () => {
    const project = await tempProject();
    const result = await runCli(['build'], { cwd: project });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toMatch(/warning|header|footer|ends page|wide/);
  }, 120_000);
});
