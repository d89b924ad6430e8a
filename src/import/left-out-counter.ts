import type { LeftOut } from './types.js';

/** Sections left out, counted by what and why. */
export class LeftOutCounter {
  private readonly counts = new Map<string, { why: string; count: number }>();
  constructor(private readonly file: string) {}

  add(what: string, why: string, count = 1): void {
    if (count <= 0) return;
    const known = this.counts.get(what);
    this.counts.set(what, { why, count: (known?.count ?? 0) + count });
  }

  list(): LeftOut[] {
    return [...this.counts].map(([what, { why, count }]) => ({ file: this.file, what, count, why }));
  }
}
