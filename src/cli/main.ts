import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { BrowserSession } from '../print/browser-session.js';
import { addBuildFlags, wantsPdf } from './build-flags.js';
import type { BuildFlagName, BuildFlags } from './build-flags.js';
import type { CommandContext, OutputFlags } from './build-command.js';
import { parseDebounce, parsePort } from './watch-flags.js';
import type { WatchFlags } from './watch-command.js';
import { removeOwnProfiles } from '../print/chromium-folders.js';
import { onInterrupt } from './interrupts.js';
import type { Interrupts } from './interrupts.js';
import { addQueueCommands } from './queue-program.js';
import { reportFailure } from './report-failure.js';
import { localToday } from '../local-today.js';
import { processTerminal } from './terminal.js';
import type { Terminal } from './terminal.js';

// Commands are loaded when run: `validate` never pays for Chromium or Chart.js, and `build`
// can start Chromium before the rest of the program has even been read.

/** `build` and `watch` take every build flag; `queue add` a subset. */
const allBuildFlags: readonly BuildFlagName[] = [
  'out',
  'format',
  'page',
  'templates',
  'lang',
  'timeout',
  'strict',
  'since',
];

export interface CliContext {
  readonly term: Terminal;
  readonly cwd: string;
  readonly today: string;
  /**
   * Told when the command is one that prints a PDF, before it starts: bin/profile-report.js
   * keeps the code such a run compiled as the fuller code cache (see load-cli.ts).
   */
  readonly onPrintingCommand?: () => void;
}

/** Parses argv, runs one command, returns the exit code. Never calls process.exit. */
export async function main(argv: readonly string[], context: Partial<CliContext> = {}): Promise<number> {
  const ctx: CliContext = { term: processTerminal, cwd: process.cwd(), today: localToday(), ...context };
  const early = new EarlyBrowser();
  let exitCode = 0;
  const program = buildProgram(ctx, early, (code) => {
    exitCode = code;
  });
  try {
    if (argv.length === 0) throw new UsageError('no command given; try `profile-report build`');
    await program.parseAsync(argv, { from: 'user' });
    const stopped = early.interrupts;
    if (stopped?.exitCode !== undefined && exitCode !== stopped.exitCode) {
      ctx.term.err(`stopped by ${stopped.signal}`);
      return stopped.exitCode;
    }
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError && !(error instanceof UsageError)) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      return reportFailure(new UsageError(error.message.replace(/^error: /, '')), ctx.term);
    }
    return reportFailure(error, ctx.term);
  } finally {
    await early.close();
  }
}

/**
 * Chromium takes longest to start, so a build (or watch) that prints a PDF launches it before
 * the rest of the command is even loaded, and it runs alongside loading, validation and charts.
 * It is started from commander's preAction hook, with the options as commander parsed and
 * checked them: a bad flag or `--help` never starts it, and `--format html` never does.
 */
class EarlyBrowser {
  session: BrowserSession | undefined;
  interrupts: Interrupts | undefined;

  async start(): Promise<void> {
    const { BrowserSession } = await import('../print/browser-session.js');
    const session = new BrowserSession();
    this.session = session;
    // From before Chromium starts, a signal must close it and remove its profile folder, even
    // before the command has set up its own handling (which then runs alongside).
    this.interrupts = onInterrupt(() => session.close());
    // Loading the rest of the program competes with Chromium's launch for this thread; let the
    // launch go first, it is the longer wait.
    await session.warmUp();
  }

  async close(): Promise<void> {
    this.interrupts?.dispose();
    if (!this.session) return;
    await this.session.close();
    // The CLI runs one Chromium session per process: whatever that session made is swept up.
    await removeOwnProfiles();
  }
}

function buildProgram(ctx: CliContext, early: EarlyBrowser, setExit: (code: number) => void): Command {
  const program = new Command('profile-report')
    .description('Turn YAML profiles of people into a comparison report: one self-contained HTML file and a PDF.')
    .version('0.1.0')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({
      writeOut: (text) => ctx.term.out(text.trimEnd()),
      writeErr: (text) => {
        // Usage errors are reported by reportFailure with a hint; commander's copy would repeat them.
        if (!text.startsWith('error:')) ctx.term.err(text.trimEnd());
      },
    })
    .hook('preAction', async (_program, command) => {
      if ((command.name() === 'build' || command.name() === 'watch') && wantsPdf(command.opts<BuildFlags>())) {
        ctx.onPrintingCommand?.();
        await early.start();
      }
    });
  const withBrowser = (): CommandContext => ({ ...ctx, ...(early.session ? { browser: early.session } : {}) });
  addBuildCommands(program, withBrowser, setExit);
  addProjectCommands(program, ctx, setExit);
  addQueueCommands(program, ctx, setExit);
  program
    .command('schema')
    .description('print the JSON Schema of a profile (or of a report spec with --report)')
    .option('--report', 'the report spec schema instead')
    .action(async (options: { report?: boolean }) => {
      const { formatJsonSchema, profileJsonSchema, reportJsonSchema } = await import('../schema/json-schema.js');
      ctx.term.out(formatJsonSchema(options.report ? reportJsonSchema() : profileJsonSchema()));
    });
  return program;
}

/** `build` and `watch`: the same build flags, from one definition (see build-flags.ts). */
function addBuildCommands(program: Command, ctx: () => CommandContext, setExit: (code: number) => void): void {
  const build = program
    .command('build')
    .description('build the report: out/<name>.html and out/<name>.pdf')
    .argument(
      '[files...]',
      'report specs (several make a batch), or profiles to compare in this order (default: data/report.yaml)',
    );
  addBuildFlags(build, allBuildFlags, 'exit 1, nothing written')
    .option('--json', 'print a machine-readable summary on stdout')
    .option('--quiet', 'no progress on stderr')
    .action(async (files: string[], flags: BuildFlags & OutputFlags) => {
      const { runBuild } = await import('./build-command.js');
      setExit(await runBuild(files, flags, ctx()));
    });

  const watch = program
    .command('watch')
    .description('build, then rebuild on every change to the profiles, the spec, the templates and the CSS')
    .argument('[files...]', 'a report spec, or profiles to compare in this order (default: data/report.yaml)');
  addBuildFlags(watch, allBuildFlags, 'the build fails and the last good outputs stay')
    .option('--json', 'one JSON line per build on stdout')
    .option('--quiet', 'report only failures')
    .addOption(
      new Option(
        '--debounce <ms>',
        'quiet time after the last change before rebuilding (default: 120; with --serve, 15)',
      ).argParser(parseDebounce),
    )
    .option('--serve', 'show the report live in a browser, at http://127.0.0.1:4173/ (127.0.0.1 only)')
    .addOption(new Option('--port <n>', 'the port for --serve (0: any free port)').argParser(parsePort))
    .action(async (files: string[], flags: WatchFlags) => {
      const { runWatch } = await import('./watch-command.js');
      setExit(await runWatch(files, flags, ctx()));
    });
}

/** `validate`, `init`, `doctor`, `import`, `diff`: commands about the project's files. */
function addProjectCommands(program: Command, ctx: CliContext, setExit: (code: number) => void): void {
  program
    .command('validate')
    .description('check profiles and report specs; every problem at once, as file:line:col  field  message')
    .argument('[files...]', 'profiles or report specs (default: data/report.yaml and its profiles)')
    .option('--json', 'print the problems as JSON on stdout')
    .action(async (files: string[], flags: { json?: boolean }) => {
      const [{ runValidate }, { readInputFile }] = await Promise.all([
        import('./validate-command.js'),
        import('../load/read-input-file.js'),
      ]);
      setExit(await runValidate(files, { ...ctx, read: readInputFile }, flags));
    });

  program
    .command('init')
    .description(
      'start a project in an empty folder (a report spec, two starter profiles, the JSON Schemas), or with NAME add one commented starter profile; never overwrites',
    )
    .argument('[name]', 'the person\'s name, for example "Ada Lovelace"; leave it out for a new project')
    .option(
      '--dir <dir>',
      'with NAME: folder for the profile (default: data/profiles if it exists, else .); without: folder for the new project',
    )
    .action(async (name: string | undefined, flags: { dir?: string }) => {
      const { runInit } = await import('./init-command.js');
      setExit(await runInit(name, flags, ctx));
    });

  program
    .command('doctor')
    .description(
      'check what a build needs: Node.js, a Chromium that starts, a CJK font, canvas, a writable output folder',
    )
    .option('--out <dir>', "the output folder to check (default: the spec's output.dir)")
    .option('--json', 'print the checks as JSON on stdout')
    .action(async (flags: { out?: string; json?: boolean }) => {
      const { runDoctor } = await import('./doctor-command.js');
      setExit(await runDoctor(flags, ctx));
    });

  program
    .command('import')
    .description(
      'add papers, roles and degrees to a profile from BibTeX, CSL-JSON, ORCID, OpenAlex or JSON Resume files',
    )
    .argument('<files...>', 'the files to import (.bib, CSL-JSON, an ORCID record, OpenAlex JSON, a JSON Resume)')
    .option('--into <profile>', 'the profile to add to (never changes what it already says)')
    .option('--new <name>', 'start a new profile for this person, in data/profiles (or --dir)')
    .option('--dir <dir>', 'folder for --new (default: data/profiles if it exists, else .)')
    .option(
      '--format <format>',
      'read every file as bibtex, csl-json, orcid, openalex or json-resume (default: detected)',
    )
    .option('--skip-bad', 'import the good entries of a partly bad file and report the others')
    .option('--dry-run', 'print the change as a diff and write nothing')
    .option('--json', 'print a machine-readable summary on stdout')
    .action(async (files: string[], flags: import('./import-command.js').ImportFlags) => {
      const { runImport } = await import('./import-command.js');
      setExit(await runImport(files, flags, ctx));
    });

  program
    .command('diff')
    .description(
      'list what changed between two editions: PDFs or HTML reports this tool wrote, report specs, or git:REV',
    )
    .argument('<old>', 'the earlier edition: a PDF or HTML report, a report spec, or git:REV')
    .argument('<new>', 'the later edition: a PDF or HTML report, a report spec, or git:REV')
    .option('--json', 'print the changes as JSON on stdout')
    .action(async (before: string, after: string, flags: { json?: boolean }) => {
      const { runDiff } = await import('./diff-command.js');
      setExit(await runDiff(before, after, flags, ctx));
    });
}
