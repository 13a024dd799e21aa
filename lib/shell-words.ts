/**
 * Shell words for argv arrays: what a user would type to run the same command, so Berth shows
 * `sh -c 'echo "hi"; sleep 1'` instead of the escaped JSON of the engine's Cmd array. Pure, shared by
 * the container pages and (later) a `docker run` printer.
 */

/** Characters that never need quoting in a POSIX shell word (Python's shlex.quote uses the same set). */
const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One argv element as a POSIX shell word: unchanged when it has no special character, else in
 * single quotes (a `'` inside becomes `'\''`, the only character single quotes cannot hold).
 */
export function quoteWord(word: string): string {
  if (word !== "" && SAFE_WORD.test(word)) return word;
  return `'${word.replaceAll("'", `'\\''`)}'`;
}

/** A whole argv as one shell command line: each element quoted only when it needs it. */
export function quoteArgv(argv: readonly string[]): string {
  return argv.map(quoteWord).join(" ");
}

/** Shells whose `-c` takes a script (by basename, so `/bin/sh` and `/usr/bin/env bash` paths match). */
const SHELLS = new Set(["sh", "bash", "ash", "dash", "zsh", "ksh", "mksh"]);

/** Shell options that take the next argv element as their value. */
const OPTIONS_WITH_VALUE = new Set(["-o", "+o", "-O", "+O"]);

export interface ShellScriptSplit {
  /** The words up to and including the option that carries `c` (e.g. `["sh", "-c"]`, `["bash", "-ec"]`). */
  readonly before: readonly string[];
  /** The script, as written, with its line breaks. */
  readonly script: string;
  /** Index of the script in the argv. */
  readonly index: number;
  /** What follows the script: `$0` and positional parameters. */
  readonly after: readonly string[];
}

/**
 * Finds a `sh -c SCRIPT` (or `bash -ec SCRIPT`, `/bin/sh -o pipefail -c SCRIPT`, `env bash -c …`)
 * in an argv, so the script can be shown as a script rather than one long quoted word.
 * Null when the argv is not a shell running an inline script.
 */
export function splitShellScript(argv: readonly string[]): ShellScriptSplit | null {
  let i = 0;
  const base = (s: string | undefined) => (s ?? "").slice((s ?? "").lastIndexOf("/") + 1);
  if (base(argv[0]) === "env") i = 1;
  if (!SHELLS.has(base(argv[i]))) return null;
  i++;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (OPTIONS_WITH_VALUE.has(a)) {
      i++;
      continue;
    }
    if (a === "--" || !/^[-+][A-Za-z]+$/.test(a)) return null;
    if (a.startsWith("-") && a.includes("c")) {
      const index = i + 1;
      if (index >= argv.length) return null;
      return { before: argv.slice(0, index), script: argv[index]!, index, after: argv.slice(index + 1) };
    }
  }
  return null;
}

/** Scripts longer than this read better as a block than as one quoted word. */
const INLINE_SCRIPT_MAX = 80;

/**
 * Whether a `sh -c` script is shown as a block (its own lines) rather than inline as one quoted
 * word: when it has line breaks, or is too long to read on one line.
 */
export function isBlockScript(script: string): boolean {
  return script.includes("\n") || script.length > INLINE_SCRIPT_MAX;
}
