/**
 * `npm run gallery`: builds reports of fictional people from many scripts, of every shape the
 * tests check (1, 2, 5 and 8 people; every script the tool supports; emoji sequences;
 * 300-character words everywhere; 124 papers; values from 1e-6 to 1e300 and negative; one
 * profile in all nine languages; A4 and Letter; a script the tool has no font for), into
 * out/gallery/, so anyone can look at them. All are built in this one process with one
 * Chromium, as a batch is. Each report's warnings are printed; the unsupported script must
 * produce one. `npm run gallery -- NAME...` builds only those.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildGallery } from '../tests/helpers/gallery-build.js';
import { galleryReports } from '../tests/helpers/gallery-reports.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.join(repo, 'out', 'gallery');
const only = process.argv.slice(2);
const reports = only.length > 0 ? galleryReports.filter((r) => only.includes(r.name)) : galleryReports;
await rm(root, { recursive: true, force: true });
await buildGallery(root, reports, (b) => {
  const status = b.error ? 'failed' : 'ok';
  console.log(
    `${b.report.name.padEnd(18)} ${status.padEnd(7)} ${(b.ms / 1000).toFixed(1).padStart(5)} s  ${b.report.about}`,
  );
  if (b.error) console.log(`    ${b.error}`);
  for (const w of b.warnings) console.log(`    ${w}`);
});
console.log(`\nThe reports are in ${path.relative(process.cwd(), root) || '.'}/ (HTML and PDF).`);
