import { badRequest } from "@/server/http/errors";

/** A line predicate for plain-text or regex search, case-insensitive unless asked. Bad regexes are a 400. */
export function lineFilter(q: string | undefined, opts: { regex: boolean; caseSensitive: boolean }): ((text: string) => boolean) | null {
  if (!q) return null;
  if (opts.regex) {
    let re: RegExp;
    try {
      re = new RegExp(q, opts.caseSensitive ? "" : "i");
    } catch (e) {
      throw badRequest(`q: not a valid regular expression (${(e as Error).message})`, "q");
    }
    return (text) => re.test(text);
  }
  if (opts.caseSensitive) return (text) => text.includes(q);
  const needle = q.toLowerCase();
  return (text) => text.toLowerCase().includes(needle);
}
