/**
 * Ctrl-C and SIGTERM during a long command: run the cleanup (close Chromium, which also makes
 * the running print fail), remember the signal so the command exits with 128+n, and only if
 * cleanup itself hangs, leave anyway after a grace period.
 */
export interface Interrupts {
  readonly signal: NodeJS.Signals | undefined;
  /** 130 for SIGINT, 143 for SIGTERM. */
  readonly exitCode: number | undefined;
  dispose(): void;
}

const signalNumbers: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 };

export function onInterrupt(cleanup: (signal: NodeJS.Signals) => Promise<void>): Interrupts {
  let received: NodeJS.Signals | undefined;
  const handler = (signal: NodeJS.Signals): void => {
    if (received) return;
    received = signal;
    const force = setTimeout(() => process.exit(128 + (signalNumbers[signal] ?? 0)), 10_000);
    force.unref();
    void cleanup(signal).catch(() => undefined);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.on(s, handler);
  return {
    get signal() {
      return received;
    },
    get exitCode() {
      return received ? 128 + (signalNumbers[received] ?? 0) : undefined;
    },
    dispose() {
      for (const s of signals) process.off(s, handler);
    },
  };
}
