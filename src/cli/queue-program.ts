import type { Command } from 'commander';
import { UsageError } from '../errors.js';
import { addBuildFlags } from './build-flags.js';
import type { CommandContext } from './build-command.js';

/*
 * The commands of the report queue: \`worker\`, and \`queue add|wait|status\`. Each module is
 * loaded only when its command runs (see main.ts), so a local build never loads BullMQ.
 */

/** `worker` and `queue add|wait|status`: reports built elsewhere, through Redis. */
export function addQueueCommands(program: Command, ctx: CommandContext, setExit: (code: number) => void): void {
  program
    .command('worker')
    .description(
      'build reports from a Redis queue (BullMQ), on any machine that can reach it; SIGTERM lets the running builds finish, then stops',
    )
    .option('--redis <url>', 'the Redis server of the queue, such as redis://queue.example:6379')
    .option('--concurrency <n>', 'reports built at a time, sharing one Chromium (default: the number of cores)')
    .option('--keep <duration>', 'how long results (and failures) are kept, such as 24h or 7d', '24h')
    .option('--store <dir>', 'write the outputs to this folder (shared storage) instead of keeping them in Redis')
    .option('--restart-after <n>', 'start a fresh Chromium after this many reports', '100')
    .option(
      '--lost-after <duration>',
      'a job whose worker stopped answering this long is given to another worker',
      '30s',
    )
    .action(async (flags: import('./worker-command.js').WorkerFlags) => {
      const { runWorker } = await import('./worker-command.js');
      setExit(await runWorker(flags, ctx));
    });

  const queue = program
    .command('queue')
    .description('put reports on a Redis queue for workers to build, collect them, see progress')
    .addHelpText(
      'after',
      `
Usage of each:
  profile-report queue add SPEC... --redis URL [--format LIST] [--page SIZE] [--lang LANGUAGE] [--strict] [--timeout SECONDS] [--json]
  profile-report queue wait [ID...] --redis URL --out DIR [--store DIR] [--quiet] [--json]
  profile-report queue status --redis URL [--json]`,
    )
    .action(() => {
      throw new UsageError('queue needs one of: add, wait, status (see `profile-report queue --help`)');
    });
  const add = queue
    .command('add')
    .description('put reports on the queue: each spec with every file its build reads, as one job named by their hash')
    .argument('<specs...>', 'report specs, inside this folder')
    .option('--redis <url>', 'the Redis server of the queue, such as redis://queue.example:6379');
  // The flags a queued job carries (its files travel with it, so no --out or --templates).
  addBuildFlags(add, ['format', 'page', 'lang', 'timeout', 'strict'], 'the job fails')
    .option('--json', 'print the job ids and states as JSON on stdout')
    .action(async (specs: string[], flags: import('./queue-command.js').QueueAddFlags) => {
      const { runQueueAdd } = await import('./queue-command.js');
      setExit(await runQueueAdd(specs, flags, ctx));
    });
  queue
    .command('wait')
    .description(
      'wait for the reports added from this folder (or the job ids given) and write each into --out as it is built',
    )
    .argument('[ids...]', 'job ids (default: every report `queue add` added from this folder and not yet collected)')
    .option('--redis <url>', 'the Redis server of the queue')
    .option('--out <dir>', 'the folder to write the reports into, named as a local build names them')
    .option('--store <dir>', "where this machine sees the workers' --store folder, if not at the same path")
    .option('--quiet', 'no progress on stderr')
    .option('--json', 'print a summary of every report as JSON on stdout')
    .action(async (ids: string[], flags: import('./queue-command.js').QueueWaitFlags) => {
      const { runQueueWait } = await import('./queue-command.js');
      setExit(await runQueueWait(ids, flags, ctx));
    });
  queue
    .command('status')
    .description(
      'how many jobs wait, build, are done or failed, the workers connected, and each failed job with its problems',
    )
    .option('--redis <url>', 'the Redis server of the queue')
    .option('--json', 'print the status as JSON on stdout')
    .action(async (flags: { redis?: string; json?: boolean }) => {
      const { runQueueStatus } = await import('./queue-command.js');
      setExit(await runQueueStatus(flags, ctx));
    });
}
