/**
 * What a command printed before it failed: a promisified execFile rejects with an Error that
 * carries stdout and stderr. Anything else (the command could not start, say) is thrown on, so a
 * test never reads the output of a failure that did not happen the expected way.
 */
export function failedCommand(error: unknown): { stdout: string; stderr: string } {
  if (
    error instanceof Error &&
    'stdout' in error &&
    'stderr' in error &&
    typeof error.stdout === 'string' &&
    typeof error.stderr === 'string'
  )
    return { stdout: error.stdout, stderr: error.stderr };
  throw error;
}
