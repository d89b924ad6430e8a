/**
 * The names a write leaves beside its outputs while it runs, each carrying the writer's process
 * id and a random tag (its `suffix`, `<pid>.<8 hex>`):
 *
 *     .report.html.<suffix>.tmp        a new file, not yet in place
 *     .report.html.<suffix>.old        a second name (hard link) of the previous file
 *     .report.<suffix>.journal         the decision to replace the pair (write-journal.ts)
 *     .report.<suffix>.undo            the decision to put the previous pair back
 *     .report.journal.<suffix>.tmp     that journal being written
 *     .report.lock.<suffix>.tmp        a lock being taken (output-lock.ts)
 */
const pattern = /^\.(.+)\.(\d+)\.([0-9a-f]{8})\.(tmp|old|journal|undo)$/;

export type TemporaryKind = 'tmp' | 'old' | 'journal' | 'undo';

export function temporaryName(target: string, suffix: string, kind: TemporaryKind): string {
  return `.${target}.${suffix}.${kind}`;
}

/** The name a set of outputs is known by (`report` for report.html and report.pdf): what the lock and the journal are named after. */
export function stemOf(target: string): string {
  const dot = target.lastIndexOf('.');
  return dot > 0 ? target.slice(0, dot) : target;
}

export interface Temporary {
  readonly name: string;
  readonly target: string;
  readonly pid: number;
  readonly suffix: string;
  readonly kind: TemporaryKind;
}

export function parseTemporary(name: string): Temporary | undefined {
  const match = pattern.exec(name);
  if (!match) return undefined;
  return {
    name,
    target: match[1]!,
    pid: Number(match[2]),
    suffix: `${match[2]}.${match[3]}`,
    kind: match[4] as TemporaryKind,
  };
}
