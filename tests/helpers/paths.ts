import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const fixtures = path.join(repoRoot, 'tests', 'fixtures');
export const cliPath = path.join(repoRoot, 'bin', 'profile-report.js');
