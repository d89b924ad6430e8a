import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtures } from '../helpers/paths.js';
import { readPdf } from '../helpers/read-pdf.js';
import { runCli } from '../helpers/run-cli.js';
import { listFiles, tempProject } from '../helpers/temp-project.js';

/*
 * Two fictional people with research footprints five months apart, who share a paper, a
 * co-author and an institution, and one of whose facts rests on a source older than the spec's
 * maxAge: the footprint, the connections and the stale facts, printed and checked.
 */
let dir: string;
const spec = (maxAge: string | undefined) => `title: Footprint and connections
author: profile-report tests
profiles: [profiles/mira-castellanos.yaml, profiles/tomas-lindqvist.yaml]
sections: [cover, at-a-glance, timeline, papers, connections, sources]
buildDate: 2026-11-23
${maxAge ? `maxAge: ${maxAge}\n` : ''}output: { dir: ../out, name: depth }
`;

beforeAll(async () => {
  dir = await tempProject({ withSample: false });
  await mkdir(path.join(dir, 'data', 'profiles'), { recursive: true });
  for (const name of ['mira-castellanos', 'tomas-lindqvist'])
    await cp(path.join(fixtures, 'people', `${name}.yaml`), path.join(dir, 'data', 'profiles', `${name}.yaml`));
  await writeFile(path.join(dir, 'data', 'report.yaml'), spec('12 months'));
  await writeFile(path.join(dir, 'data', 'fresh.yaml'), spec(undefined));
});

describe('footprint, connections and stale facts, printed', () => {
  it('prints them, warns about the stale facts by name and source, and marks them "as of"', async () => {
    const r = await runCli(['build'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(
      'Mira Castellanos: person.currentRole: the current role “Head of research, Acme Labs” may be out of date: its newest source (interview-2024) is from 2024-05-02, more than 12 months before the build date 2026-11-23',
    );
    expect(r.stderr).toContain('Mira Castellanos: career[0]:');
    expect(r.stderr).not.toContain('Tomas Lindqvist: impact');
    const pdf = await readPdf(path.join(dir, 'out', 'depth.pdf'));
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Research footprint');
    expect(text).toContain('5,000 citations, h-index 20 (as of 1 Nov 2026, OpenAlex)');
    expect(text).toContain('These figures are not from the same moment: their dates are up to 5 months apart');
    expect(text).toContain('Citations per year');
    expect(text).toContain('Head of research, Acme Labs (as of May 2024)');
    expect(text).toContain('Wrote Routing Experts Without Tears (2021) together');
    expect(text).toContain('Both wrote with Wei Zhang');
    expect(text).toContain('Both at Example University: together in 2014–2016');
    expect(text).toContain('Institutions they share: Example University');
    expect(pdf.outline.map((o) => o.title)).toContain('What connects them');
  });

  it('--strict refuses the stale facts: exit 1, each named, nothing written', async () => {
    const r = await runCli(['build', '--strict', '--out', 'strict'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/person\.currentRole: the current role .* may be out of date.* \(--strict\)/);
    expect((await listFiles(dir)).some((f) => f.startsWith('strict'))).toBe(false);
  });

  it('without maxAge, nothing is flagged', async () => {
    const r = await runCli(['build', 'data/fresh.yaml', '--format', 'html', '--strict', '--out', 'fresh'], {
      cwd: dir,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('out of date');
  });
});
