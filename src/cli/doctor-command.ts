import path from 'node:path';
import { exitCodes } from '../errors.js';
import { checkCanvas, checkChromium, checkNode, checkWritable } from '../doctor/checks.js';
import { checkFonts } from '../render/font-library.js';
import type { CheckResult } from '../doctor/checks.js';
import { defaultSpecPath } from '../load/load-inputs.js';
import { readInputFile } from '../load/read-input-file.js';
import { displayPath } from '../load/resolve-inside.js';
import { validateReportSpec } from '../validate/validate-document.js';
import type { CommandContext } from './build-command.js';

/** `profile-report doctor`: each need of a build, checked; exit 0 only when all pass. */
export async function runDoctor(flags: { out?: string; json?: boolean }, ctx: CommandContext): Promise<number> {
  const results: CheckResult[] = [];
  // The report, the PDF and the charts draw with the fonts the package ships, for every script,
  // so the check is that each of those files loads, not what the system has installed.
  for (const check of [checkNode, checkChromium, checkFonts, checkCanvas]) {
    const result = await check();
    results.push(result);
    if (!flags.json) print(result, ctx);
  }
  const outDir = await outputDir(flags.out, ctx.cwd);
  const writable = await checkWritable(outDir, displayPath(ctx.cwd, outDir));
  results.push(writable);
  if (!flags.json) print(writable, ctx);
  const failed = results.filter((r) => !r.ok);
  if (flags.json)
    ctx.term.out(`${JSON.stringify({ command: 'doctor', ok: failed.length === 0, checks: results }, null, 2)}\n`);
  else
    ctx.term.err(failed.length === 0 ? 'all checks passed.' : `${failed.length} of ${results.length} checks failed.`);
  return failed.length === 0 ? exitCodes.ok : exitCodes.badInput;
}

function print(result: CheckResult, ctx: CommandContext): void {
  ctx.term.err(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.name}: ${result.detail}`);
  if (result.fix) ctx.term.err(`      fix: ${result.fix}`);
}

/** --out, else the default spec's output folder, else out/. */
async function outputDir(out: string | undefined, cwd: string): Promise<string> {
  if (out) return path.resolve(cwd, out);
  const specPath = path.resolve(cwd, defaultSpecPath);
  const bytes = await readInputFile(specPath);
  const spec = bytes.ok ? validateReportSpec(specPath, bytes.bytes).value : undefined;
  return spec ? path.resolve(path.dirname(specPath), spec.output.dir) : path.resolve(cwd, 'out');
}
