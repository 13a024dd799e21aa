const SIGNALS: Record<number, string> = {
  1: "SIGHUP",
  2: "SIGINT",
  3: "SIGQUIT",
  4: "SIGILL",
  6: "SIGABRT",
  7: "SIGBUS",
  8: "SIGFPE",
  9: "SIGKILL",
  11: "SIGSEGV",
  13: "SIGPIPE",
  14: "SIGALRM",
  15: "SIGTERM",
};

/** What an exit code usually means: 128 + n is "killed by signal n" in a shell's convention. */
export function exitCodeMeaning(code: number, oomKilled: boolean): string | null {
  if (oomKilled) return "killed: out of memory";
  if (code > 128 && code < 160) return `killed by ${SIGNALS[code - 128] ?? `signal ${code - 128}`}`;
  if (code === 126) return "command not executable";
  if (code === 127) return "command not found";
  return null;
}
