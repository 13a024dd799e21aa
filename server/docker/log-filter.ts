import { stripAnsi } from "@/lib/logs/ansi";
import { compileSearch } from "@/lib/logs/search";
import { EngineError } from "./errors";

/**
 * A line predicate for the download's `q`: the viewer's own search (lib/logs/search.ts), run on
 * the line's visible text (lib/logs/ansi.ts strips colour and other escape sequences), so a filtered
 * file holds exactly the lines the viewer marks as matching — also when escape codes split the
 * words (`\x1b[31mERR\x1b[0mOR` matches "error"). Case-insensitive unless asked; a bad regex is a 400.
 * A regex runs on re2js (linear time), so a crafted pattern cannot block the event loop.
 */
export function lineFilter(q: string | undefined, opts: { regex: boolean; caseSensitive: boolean }): ((raw: string) => boolean) | null {
  if (!q) return null;
  const compiled = compileSearch({ q, regex: opts.regex, caseSensitive: opts.caseSensitive });
  if (!compiled.ok) throw new EngineError("invalid_input", `The search text q is not a valid regular expression (${compiled.error}).`, "", "q");
  const matcher = compiled.matcher;
  if (!matcher) return null;
  return (raw) => matcher.test(stripAnsi(raw));
}
