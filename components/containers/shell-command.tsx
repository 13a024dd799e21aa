import { isBlockScript, quoteArgv, splitShellScript } from "@/lib/shell-words";

/**
 * An argv as shell words (`nginx -g 'daemon off;'`), and a multi-line or long `sh -c` script as
 * the script itself with its line breaks. `leading` is what runs before this argv (the entrypoint before the
 * command), so a command that is the script of an entrypoint `sh -c` is shown as a script too.
 * The title carries the whole line, quoted, for copy and paste into a terminal.
 */
export function ShellCommand({ argv, leading = [], testId }: { argv: readonly string[]; leading?: readonly string[]; testId?: string }) {
  if (argv.length === 0) return <span className="text-faint">—</span>;
  const split = splitShellScript([...leading, ...argv]);
  const line = quoteArgv(argv);
  // A short one-line script reads fine as shell words: `sh -c 'while :; do sleep 1; done'`.
  if (!split || split.index < leading.length || !isBlockScript(split.script)) {
    return (
      <code data-testid={testId} className="font-mono text-xs break-all text-fg">
        {line}
      </code>
    );
  }
  const words = quoteArgv(split.before.slice(leading.length));
  return (
    <div data-testid={testId} title={line} className="min-w-0">
      {words ? (
        <code className="font-mono text-xs text-fg">{words}</code>
      ) : (
        <span className="text-xs text-muted">
          script for <code className="font-mono">{quoteArgv(split.before)}</code>
        </span>
      )}
      <pre
        data-testid={testId ? `${testId}-script` : undefined}
        className="mt-1 max-h-64 overflow-auto rounded-md border border-line bg-surface-2 px-2.5 py-2 font-mono text-xs break-words whitespace-pre-wrap text-fg"
      >
        {split.script}
      </pre>
      {split.after.length > 0 && <code className="mt-1 block font-mono text-xs break-all text-fg">{quoteArgv(split.after)}</code>}
    </div>
  );
}
