/** The `code` of a Node system error (ENOENT, EEXIST…), or undefined for anything else thrown. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
