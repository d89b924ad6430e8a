import { realpathSync } from 'node:fs';
import path from 'node:path';

/** The subcommands a message may tell the user to run. */
const subcommands = ['build', 'watch', 'validate', 'init', 'import', 'doctor', 'schema'];

/**
 * How the user runs this program from their shell: `profile-report`, or `npx profile-report`
 * when it is installed in a project's node_modules (the README's `npm install profile-report`)
 * and so is not on the PATH.
 *
 * Decided by looking, not by guessing from how this process was started: the bare command
 * works exactly when a `profile-report` on the PATH leads to this very program. PATH entries
 * inside node_modules are skipped, because `npx` and `npm run` add `node_modules/.bin` for the
 * one command they run, and the user's next command runs without it. A checkout of the source
 * (not inside node_modules) keeps the bare name: whoever runs it from there linked it or knows.
 */
export function commandName(
  argv1: string | undefined = process.argv[1],
  searchPath: string | undefined = process.env['PATH'],
): string {
  if (!argv1) return 'profile-report';
  const self = real(argv1);
  if (!self.split(path.sep).includes('node_modules')) return 'profile-report';
  for (const dir of (searchPath ?? '').split(path.delimiter)) {
    if (!dir || dir.split(path.sep).includes('node_modules')) continue;
    if (real(path.join(dir, 'profile-report')) === self) return 'profile-report';
  }
  return 'npx profile-report';
}

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return file;
  }
}

const mention = new RegExp(`(?<![\\w./@-]|npx )profile-report (?=(?:${subcommands.join('|')})\\b)`, 'g');

/**
 * A message as the user can act on it: every `profile-report build` (and the other commands) it
 * suggests, written the way this installation is run. Messages are written once, with the bare
 * name, in the library and the CLI alike; the terminal, which knows how it was started, says
 * them right.
 */
export function withCommandName(text: string, command: string): string {
  return command === 'profile-report' ? text : text.replace(mention, `${command} `);
}
