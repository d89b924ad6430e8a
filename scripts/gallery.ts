/**
 * `npm run gallery`: builds reports of fictional people from many scripts, of every shape the
 * tests check (1, 2, 5 and 8 people; 300-character words everywhere; values from 1e-6 to
 * 1e300; a script the tool has no font for), into out/gallery/, so anyone can look at them.
 * Each is built by the real CLI; its warnings are printed, and the unsupported script must
 * produce one.
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { galleryReports } from '../tests/helpers/gallery-reports.js';
import { writeWorldProject } from '../tests/helpers/world-people.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.join(repo, 'out', 'gallery');
await rm(root, { recursive: true, force: true });
for (const report of galleryReports) {
  const dir = path.join(root, '.projects', report.name);
  await mkdir(dir, { recursive: true });
  const spec = await writeWorldProject(dir, report.people, { ...report.options, name: report.name });
  const result = spawnSync(process.execPath, [path.join(repo, 'bin', 'profile-report.js'), 'build', spec, '--out', root, '--quiet'], { cwd: dir, encoding: 'utf8' });
  const status = result.status === 0 ? 'ok' : `exit ${result.status}`;
  console.log(`${report.name.padEnd(16)} ${status.padEnd(8)} ${report.about}`);
  if (result.stderr.trim()) console.log(result.stderr.trim().replace(/^/gm, '    '));
}
console.log(`\nThe reports are in ${path.relative(process.cwd(), root) || '.'}/ (HTML and PDF).`);
