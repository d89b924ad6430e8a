import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RenderError } from '../../src/errors.js';
import { finishPdf } from '../../src/pdf/finish-pdf.js';
import type { PdfMetadata } from '../../src/pdf/finish-pdf.js';
import { readPdf as parsePdf } from '../../src/pdf/read-pdf.js';
import { pdfText } from '../../src/pdf/text-string.js';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { flattenOutline, readPdf } from '../helpers/read-pdf.js';

/** A one-page PDF laid out as Chromium writes it: Info first, classic xref, outline. */
function chromiumLikePdf(): Buffer {
  const objects = [
    "<</Title (Old title)\n/Creator (HeadlessChrome)\n/Producer (Skia/PDF m156)\n/CreationDate (D:20261124010339+00'00')\n/ModDate (D:20261124010339+00'00')>>",
    '<</Type /Catalog\n/Pages 3 0 R\n/Outlines 5 0 R\n/Lang (en)>>',
    '<</Type /Pages\n/Kids [4 0 R]\n/Count 1>>',
    '<</Type /Page\n/Parent 3 0 R\n/MediaBox [0 0 200 200]>>',
    '<</Type /Outlines\n/First 6 0 R\n/Last 7 0 R\n/Count 2>>',
    '<</Title (Two balancepoints)\n/Parent 5 0 R\n/Dest [4 0 R /XYZ 0 200 0]\n/Next 7 0 R>>',
    '<</Title (TimelineTimeline)\n/Parent 5 0 R\n/Dest [4 0 R /XYZ 0 100 0]\n/Prev 6 0 R>>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<</Size ${objects.length + 1}\n/Root 2 0 R\n/Info 1 0 R>>\nstartxref\n${xref}\n%%EOF`;
  return Buffer.from(out, 'latin1');
}

const meta = {
  title: 'Two balance points',
  author: 'Ada 曾妍',
  subject: 'A test',
  keywords: 'a, b',
  date: '2026-11-23',
  creator: 'profile-report',
  headings: [
    { text: 'Two balance points', level: 1 },
    { text: 'Timeline', level: 1 },
  ],
};

const finish = (pdf: Uint8Array, metadata: PdfMetadata): Buffer => finishPdf(parsePdf(pdf), metadata);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'finish-pdf-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('finishPdf', () => {
  it('sets the metadata, fixes the clock dates and repairs bookmark titles, as a valid PDF', async () => {
    const file = path.join(dir, 'finished.pdf');
    const finished = finish(chromiumLikePdf(), meta);
    await writeFile(file, finished);
    await expect(promisify(execFile)('qpdf', ['--check', file])).resolves.toBeTruthy();
    const facts = await readPdf(file);
    expect(facts.info).toMatchObject({
      Title: meta.title,
      Author: meta.author,
      Subject: 'A test',
      Keywords: 'a, b',
      Creator: 'profile-report',
      CreationDate: "D:20261123000000+00'00'",
    });
    expect(flattenOutline(facts.outline)).toEqual(['Two balance points', 'Timeline']);
    // The original Info dictionary no longer holds the time of printing.
    expect(finished.toString('latin1')).not.toContain('20261124010339');
  });

  it('is deterministic', () => {
    expect(finish(chromiumLikePdf(), meta).equals(finish(chromiumLikePdf(), meta))).toBe(true);
  });

  it('leaves a bookmark alone when no heading holds its letters, and titles the others', async () => {
    const file = path.join(dir, 'unmatched.pdf');
    await writeFile(
      file,
      finish(chromiumLikePdf(), {
        ...meta,
        headings: [
          { text: 'Something else', level: 1 },
          { text: 'Timeline', level: 1 },
        ],
      }),
    );
    expect(flattenOutline((await readPdf(file)).outline)).toEqual(['Two balancepoints', 'Timeline']);
  });

  it('refuses a truncated or empty PDF', () => {
    const whole = chromiumLikePdf();
    expect(() => parsePdf(whole.subarray(0, whole.length - 20))).toThrow(RenderError);
    expect(() => parsePdf(new Uint8Array())).toThrow(/the PDF is incomplete \(0 bytes, no %PDF- header\)/);
    expect(() => parsePdf(whole.subarray(0, 100))).toThrow(/no startxref and %%EOF at the end/);
  });

  it('carries attachments a viewer lists, with their bytes, names and descriptions', async () => {
    const json = new TextEncoder().encode('{"edition":"de","profiles":2}\n');
    const binary = Uint8Array.from({ length: 600 }, (_, i) => (i * 37) % 256);
    const attachments = [
      {
        name: 'report-data.json',
        description: 'The data behind this report',
        mime: 'application/json',
        bytes: json,
        modDate: '2026-11-20',
      },
      {
        name: 'Zeng 曾妍.bin',
        description: 'Bytes (any) \\ of them',
        mime: 'application/octet-stream',
        bytes: binary,
        modDate: '2026-11-21',
      },
    ];
    const finished = finish(chromiumLikePdf(), { ...meta, attachments });
    expect(finished.equals(finish(chromiumLikePdf(), { ...meta, attachments }))).toBe(true);
    const file = path.join(dir, 'attached.pdf');
    await writeFile(file, finished);
    await expect(promisify(execFile)('qpdf', ['--check', file])).resolves.toBeTruthy();
    const doc = await getDocument({ data: new Uint8Array(finished), isEvalSupported: false, verbosity: 0 }).promise;
    try {
      const found = (await doc.getAttachments()) as Record<
        string,
        { filename: string; description: string; content: Uint8Array }
      >;
      expect(Object.keys(found).sort()).toEqual(['Zeng 曾妍.bin', 'report-data.json']);
      expect(Buffer.from(found['report-data.json']!.content).equals(Buffer.from(json))).toBe(true);
      expect(found['report-data.json']!.description).toBe('The data behind this report');
      expect(Buffer.from(found['Zeng 曾妍.bin']!.content).equals(Buffer.from(binary))).toBe(true);
      expect(found['Zeng 曾妍.bin']!.description).toBe('Bytes (any) \\ of them');
    } finally {
      await doc.destroy();
    }
    // The stream's own facts, as qpdf reads them: media type, size and the given date, no clock.
    const { stdout } = await promisify(execFile)('qpdf', ['--list-attachments', '--verbose', file]);
    expect(stdout).toContain('report-data.json');
    expect(stdout).toMatch(/application\/json/);
    expect(stdout).toContain("D:20261120000000+00'00'");
    expect(flattenOutline((await readPdf(file)).outline)).toEqual(['Two balance points', 'Timeline']);
  });

  it('refuses an attachment named like a path, twice, or with a date that is not a date', () => {
    const one = {
      name: 'a.json',
      description: '',
      mime: 'application/json',
      bytes: new Uint8Array([1]),
      modDate: '2026-11-20',
    };
    expect(() => finish(chromiumLikePdf(), { ...meta, attachments: [{ ...one, name: '../a.json' }] })).toThrow(
      /must be a plain file name/,
    );
    expect(() => finish(chromiumLikePdf(), { ...meta, attachments: [one, one] })).toThrow(/two files named "a.json"/);
    expect(() => finish(chromiumLikePdf(), { ...meta, attachments: [{ ...one, modDate: 'today' }] })).toThrow(
      /is not YYYY-MM-DD/,
    );
    expect(() => finish(chromiumLikePdf(), { ...meta, attachments: [{ ...one, mime: 'json' }] })).toThrow(
      /is not a media type/,
    );
  });

  it('writes text strings in UTF-16 so any script survives', () => {
    expect(pdfText('A曾')).toBe('<FEFF004166FE>');
  });
});
