import type { CSSProperties } from "react";
import { paletteHex, type AnsiColor, type AnsiStyle } from "@/lib/logs/ansi";

/*
 * The 16 terminal colours are picked per theme: a terminal's "white" is invisible on a light page
 * and its "black" on a dark one, and pure yellow fails contrast on white. Palette entries 16–255
 * and true colours are the program's explicit choice and are used as given.
 */
const FG: readonly string[] = [
  "text-zinc-900 dark:text-zinc-400", // black
  "text-red-700 dark:text-red-400",
  "text-green-700 dark:text-green-400",
  "text-amber-700 dark:text-yellow-300",
  "text-blue-700 dark:text-blue-400",
  "text-fuchsia-700 dark:text-fuchsia-400",
  "text-cyan-700 dark:text-cyan-400",
  "text-zinc-500 dark:text-zinc-200", // white
  "text-zinc-500 dark:text-zinc-500", // bright black (grey)
  "text-red-600 dark:text-red-300",
  "text-green-600 dark:text-green-300",
  "text-amber-600 dark:text-yellow-200",
  "text-blue-600 dark:text-blue-300",
  "text-fuchsia-600 dark:text-fuchsia-300",
  "text-cyan-600 dark:text-cyan-300",
  "text-zinc-400 dark:text-white", // bright white
];

const BG: readonly string[] = [
  "bg-zinc-800 text-zinc-100 dark:bg-zinc-700",
  "bg-red-200 dark:bg-red-900/70",
  "bg-green-200 dark:bg-green-900/70",
  "bg-yellow-200 dark:bg-yellow-800/70",
  "bg-blue-200 dark:bg-blue-900/70",
  "bg-fuchsia-200 dark:bg-fuchsia-900/70",
  "bg-cyan-200 dark:bg-cyan-900/70",
  "bg-zinc-200 dark:bg-zinc-600",
  "bg-zinc-300 dark:bg-zinc-700",
  "bg-red-300 dark:bg-red-800/70",
  "bg-green-300 dark:bg-green-800/70",
  "bg-yellow-300 dark:bg-yellow-700/70",
  "bg-blue-300 dark:bg-blue-800/70",
  "bg-fuchsia-300 dark:bg-fuchsia-800/70",
  "bg-cyan-300 dark:bg-cyan-800/70",
  "bg-zinc-100 dark:bg-zinc-500",
];

function hex(c: AnsiColor): string {
  return typeof c === "string" ? c : paletteHex(c);
}

export interface SpanStyle {
  className: string;
  style?: CSSProperties;
}

const cache = new WeakMap<AnsiStyle, SpanStyle>();
const PLAIN: SpanStyle = { className: "" };

/** Classes and inline colours for one styled run (cached per style object). */
export function spanStyle(s: AnsiStyle): SpanStyle {
  const hit = cache.get(s);
  if (hit) return hit;
  const classes: string[] = [];
  let style: CSSProperties | undefined;
  if (s.fg !== undefined) {
    if (typeof s.fg === "number" && s.fg < 16)
      classes.push(FG[s.fg]!); // the 16 named colours, 0–15
    else style = { ...style, color: hex(s.fg) };
  }
  if (s.bg !== undefined) {
    if (typeof s.bg === "number" && s.bg < 16)
      classes.push(BG[s.bg]!); // the 16 named colours, 0–15
    else style = { ...style, backgroundColor: hex(s.bg) };
  }
  if (s.bold) classes.push("font-bold");
  if (s.dim) classes.push("opacity-60");
  if (s.italic) classes.push("italic");
  if (s.underline) classes.push("underline");
  const out = classes.length === 0 && !style ? PLAIN : { className: classes.join(" "), style };
  cache.set(s, out);
  return out;
}
