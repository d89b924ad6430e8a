import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildContext, loadReport, renderReport } from '../../src/index.js';
import { readInputFile } from '../../src/load/read-input-file.js';
import { tempProject } from '../helpers/temp-project.js';

describe('the load stage reads every file; the pipeline after it reads none', () => {
  it('renders from what was loaded, though the template folder is gone by then', async () => {
    const cwd = await tempProject();
    const look = path.join(cwd, 'look');
    await mkdir(path.join(look, 'messages'), { recursive: true });
    await writeFile(path.join(look, 'extra.css'), '.cover { border-top: 7px solid #123456; }\n');
    await writeFile(path.join(look, 'messages', 'en.yaml'), 'section.timeline: Career path\n');
    const context = new BuildContext();
    try {
      const stages: string[] = [];
      const { inputs, build } = await loadReport(
        { cwd, templates: 'look', formats: ['html'] },
        readInputFile,
        context.validation,
        { onStage: (stage) => void stages.push(stage) },
      );
      expect(stages).toEqual(['load', 'templates']);
      await rm(look, { recursive: true });
      const rendered = await renderReport(inputs, build, context);
      expect(rendered.html).toContain('border-top: 7px solid #123456');
      expect(rendered.html).toContain('Career path');
      // Derive gives each chart its image's stand-in; the page has the drawn image in its place.
      expect(rendered.html).not.toContain('src="chart:');
      expect(rendered.html).toMatch(/<img src="data:image\/svg\+xml;base64,[^"]+" alt="[^"]+" width="\d+"/);
      expect(rendered.timings.map((t) => t.stage)).toEqual(['derive', 'charts', 'html', 'preflight']);
      expect(rendered.pdf).toBeUndefined();
    } finally {
      await context.close();
    }
  }, 60_000);
});
