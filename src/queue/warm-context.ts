import { BuildContext } from '../build-context.js';

export interface ContextLease {
  readonly context: BuildContext;
  release(): Promise<void>;
}

interface Generation {
  readonly context: BuildContext;
  jobs: number;
  active: number;
  retired: boolean;
}

/**
 * One warm BuildContext (Chromium, chart canvases, fonts, template worker) for every job of a
 * worker, replaced by a fresh one after `restartAfter` jobs, as Gotenberg restarts Chromium: a
 * browser that has printed thousands of pages holds memory it never gives back. The old one
 * closes once its last job is done, so jobs running side by side never lose their Chromium.
 */
export class WarmContext {
  private current: Generation | undefined;
  private readonly closing = new Set<Promise<void>>();
  private restarts = 0;

  constructor(
    private readonly make: () => BuildContext,
    private readonly restartAfter: number,
  ) {}

  acquire(): ContextLease {
    if (this.current && this.current.jobs >= this.restartAfter) {
      this.retire(this.current);
      this.restarts += 1;
    }
    this.current ??= { context: this.make(), jobs: 0, active: 0, retired: false };
    const generation = this.current;
    generation.jobs += 1;
    generation.active += 1;
    let released = false;
    return {
      context: generation.context,
      release: async () => {
        if (released) return;
        released = true;
        generation.active -= 1;
        if (generation.retired && generation.active === 0) await this.closeGeneration(generation);
      },
    };
  }

  /** How many times the context was replaced so far. */
  get restartCount(): number {
    return this.restarts;
  }

  /** Closes the current context and waits for any retired one still closing. */
  async close(): Promise<void> {
    if (this.current) {
      const last = this.current;
      this.current = undefined;
      await this.closeGeneration(last);
    }
    await Promise.all(this.closing);
  }

  private retire(generation: Generation): void {
    generation.retired = true;
    this.current = undefined;
    if (generation.active === 0) void this.closeGeneration(generation);
  }

  private async closeGeneration(generation: Generation): Promise<void> {
    const closing = generation.context.close().catch(() => undefined);
    this.closing.add(closing);
    await closing;
    this.closing.delete(closing);
  }
}
