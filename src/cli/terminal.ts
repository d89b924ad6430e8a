import { commandName, withCommandName } from './command-name.js';

/**
 * Where the CLI writes. Commands take one of these instead of touching process.stdout, so tests
 * can run them in memory and `--quiet` / `--json` are one switch each.
 */
export interface Terminal {
  /** Machine output (`--json`, `schema`): stdout. */
  out(text: string): void;
  /** Human output (progress, problems): stderr. */
  err(text: string): void;
}

/*
 * Control characters that a terminal acts on rather than shows: C0 (ESC starts the sequences
 * that move the cursor, erase lines, retitle the window or set the clipboard; CR returns to the
 * start of a line, to print over it), DEL, C1 (U+009B is a one-character CSI on some
 * terminals), and the bidirectional embeddings, overrides and isolates, which reorder what
 * follows on terminals that lay out right-to-left text. A newline and a tab stay as they are,
 * and so does the CR of a CRLF line end, which moves the cursor nowhere that matters.
 */
const terminalControls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/gu;

/**
 * Text safe to write to a terminal: every control character shown as `\u001b`, never sent.
 * Everything the CLI prints passes here, so a profile value, a YAML key, a file name, a BibTeX
 * key or a title with escape sequences in it is printed as those escapes, wherever it is quoted.
 */
function terminalText(text: string): string {
  return text.replace(terminalControls, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

let command: string | undefined;
const line = (text: string): string => {
  command ??= commandName();
  return terminalText(withCommandName(text.endsWith('\n') ? text : `${text}\n`, command));
};

/*
 * Output read by a program that stops early (`profile-report schema | head -1`) closes the pipe:
 * the next write fails with EPIPE, emitted as an 'error' event that, unheard, kills Node with a
 * stack trace. Nobody is reading any more, so nothing more is written there, and the command
 * ends as it would have.
 */
const closed = new WeakSet<NodeJS.WriteStream>();
const watched = new WeakSet<NodeJS.WriteStream>();

function write(stream: NodeJS.WriteStream, text: string): void {
  if (!watched.has(stream)) {
    watched.add(stream);
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
      closed.add(stream);
    });
  }
  if (!closed.has(stream)) stream.write(text);
}

export const processTerminal: Terminal = {
  out: (text) => write(process.stdout, line(text)),
  err: (text) => write(process.stderr, line(text)),
};
