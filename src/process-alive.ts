/**
 * Whether a process still runs: temporary files and folders carry their owner's pid, and those
 * of a process that is gone are cleaned up by the next run. EPERM means alive but someone else's.
 */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
