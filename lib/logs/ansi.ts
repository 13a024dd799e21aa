/*
 * Terminal colours in log lines. Only SGR ("ESC [ … m") is understood and turned into styled
 * segments; every other escape sequence (cursor moves, erase, OSC titles and links, charset
 * switches) and stray control characters are removed. The output is plain data for React text
 * nodes — never HTML — so a hostile log line can only ever be text.
 */

/** A colour: 0–255 is the xterm palette (0–15 follow the theme), a string is `#rrggbb`. */
export type AnsiColor = number | string;

export interface AnsiStyle {
  readonly fg?: AnsiColor;
  readonly bg?: AnsiColor;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
}

export interface AnsiSegment {
  readonly text: string;
  readonly style: AnsiStyle;
}

export interface ParsedLine {
  readonly segments: readonly AnsiSegment[];
  /** The visible text: what search, level detection and copy work on. */
  readonly plain: string;
}

const NO_STYLE: AnsiStyle = Object.freeze({});

// ESC, CSI (C1), CR, and C0 controls other than TAB; LF never occurs inside a line.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NEEDS_PARSING = /[\x00-\x08\x0a-\x1f\x7f\x9b]/;

/** Splits a raw line into styled segments and its plain text. */
export function parseAnsi(raw: string): ParsedLine {
  if (!NEEDS_PARSING.test(raw)) return { segments: raw ? [{ text: raw, style: NO_STYLE }] : [], plain: raw };

  let segments: AnsiSegment[] = [];
  let style: AnsiStyle = NO_STYLE;
  let buf = "";
  const flush = () => {
    if (!buf) return;
    const prev = segments[segments.length - 1];
    // Adjacent runs with the same style object become one text node.
    if (prev && prev.style === style) segments[segments.length - 1] = { text: prev.text + buf, style };
    else segments.push({ text: buf, style });
    buf = "";
  };

  const n = raw.length;
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    if (c === 0x1b || c === 0x9b) {
      let j = c === 0x9b ? i + 1 : i + 2;
      const kind = c === 0x9b ? "[" : raw[i + 1];
      if (kind === "[") {
        // CSI: parameter bytes 0x30–0x3F, intermediate bytes 0x20–0x2F, one final byte 0x40–0x7E.
        const start = j;
        while (j < n && raw.charCodeAt(j) >= 0x30 && raw.charCodeAt(j) <= 0x3f) j++;
        const params = raw.slice(start, j);
        while (j < n && raw.charCodeAt(j) >= 0x20 && raw.charCodeAt(j) <= 0x2f) j++;
        if (j >= n) break; // cut off mid-sequence: drop the fragment
        const final = raw[j];
        if (final === "m" && !/[<=>?]/.test(params)) {
          flush();
          style = applySgr(style, params);
        }
        i = j + 1;
      } else if (kind === "]" || kind === "P" || kind === "_" || kind === "^" || kind === "X") {
        // OSC / DCS / APC / PM / SOS: a string ended by BEL or ST (ESC \).
        while (j < n && raw.charCodeAt(j) !== 0x07 && !(raw.charCodeAt(j) === 0x1b && raw[j + 1] === "\\")) j++;
        i = j >= n ? n : raw.charCodeAt(j) === 0x07 ? j + 1 : j + 2;
      } else {
        // Two- or three-byte escapes (ESC ( B, ESC =, ESC 7 …): intermediates then one final byte.
        j = i + 1;
        while (j < n && raw.charCodeAt(j) >= 0x20 && raw.charCodeAt(j) <= 0x2f) j++;
        i = Math.min(n, j + 1);
      }
    } else if (c === 0x0d) {
      // A carriage return rewrites the line in a terminal (progress bars): keep what came last.
      if (i + 1 < n) {
        buf = "";
        segments = [];
      }
      i++;
    } else if (c === 0x09 || (c >= 0x20 && c !== 0x7f)) {
      // Copy a run of ordinary characters at once.
      let j = i + 1;
      while (j < n) {
        const d = raw.charCodeAt(j);
        if (d === 0x1b || d === 0x9b || d === 0x0d || (d < 0x20 && d !== 0x09) || d === 0x7f) break;
        j++;
      }
      buf += raw.slice(i, j);
      i = j;
    } else {
      i++; // other control characters: dropped
    }
  }
  flush();
  let plain = "";
  for (const s of segments) plain += s.text;
  return { segments, plain };
}

/** The visible text of a raw line, without escape sequences. */
export function stripAnsi(raw: string): string {
  return NEEDS_PARSING.test(raw) ? parseAnsi(raw).plain : raw;
}

function applySgr(current: AnsiStyle, params: string): AnsiStyle {
  // Both `38;5;n` and the ITU form `38:5:n` appear in the wild.
  const codes = params === "" ? [0] : params.split(/[;:]/).map((p) => (p === "" ? 0 : Number(p)));
  const next: { -readonly [K in keyof AnsiStyle]: AnsiStyle[K] } = { ...current };
  for (let k = 0; k < codes.length; k++) {
    const code = codes[k]!; // k < codes.length
    if (code === 0) {
      for (const key of Object.keys(next) as (keyof AnsiStyle)[]) delete next[key];
    } else if (code === 1) next.bold = true;
    else if (code === 2) next.dim = true;
    else if (code === 3) next.italic = true;
    else if (code === 4) next.underline = true;
    else if (code === 22) {
      delete next.bold;
      delete next.dim;
    } else if (code === 23) delete next.italic;
    else if (code === 24) delete next.underline;
    else if (code >= 30 && code <= 37) next.fg = code - 30;
    else if (code >= 90 && code <= 97) next.fg = code - 90 + 8;
    else if (code === 39) delete next.fg;
    else if (code >= 40 && code <= 47) next.bg = code - 40;
    else if (code >= 100 && code <= 107) next.bg = code - 100 + 8;
    else if (code === 49) delete next.bg;
    else if (code === 38 || code === 48) {
      const target = code === 38 ? "fg" : "bg";
      const mode = codes[k + 1];
      if (mode === 5 && k + 2 < codes.length) {
        const idx = codes[k + 2]!; // k + 2 < codes.length, checked above
        if (Number.isInteger(idx) && idx >= 0 && idx <= 255) next[target] = idx;
        k += 2;
      } else if (mode === 2 && k + 4 < codes.length) {
        // k + 4 < codes.length, checked above
        const [r, g, b] = [codes[k + 2]!, codes[k + 3]!, codes[k + 4]!];
        if ([r, g, b].every((v) => Number.isInteger(v) && v >= 0 && v <= 255)) next[target] = rgbHex(r, g, b);
        k += 4;
      } else {
        k = codes.length; // malformed extended colour: ignore the rest of this sequence
      }
    }
    // Anything else (blink, inverse, fonts …) is ignored: it carries no meaning in a log.
  }
  return Object.keys(next).length === 0 ? NO_STYLE : next;
}

function rgbHex(r: number, g: number, b: number): string {
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

/** `#rrggbb` for xterm palette entries 16–255 (the 6×6×6 cube and the grey ramp). */
export function paletteHex(index: number): string {
  if (index >= 232) {
    const v = 8 + (index - 232) * 10;
    return rgbHex(v, v, v);
  }
  const i = index - 16;
  const steps = [0, 95, 135, 175, 215, 255];
  // Each index is taken modulo 6, inside `steps` (i ≥ 0 for the palette's 16–231).
  return rgbHex(steps[Math.floor(i / 36) % 6]!, steps[Math.floor(i / 6) % 6]!, steps[i % 6]!);
}

export interface HighlightPiece {
  readonly text: string;
  readonly style: AnsiStyle;
  /** Inside a search match. */
  readonly match: boolean;
}

/**
 * Cuts styled segments at search-match boundaries (offsets into the plain text), so a match
 * can be marked without losing the colours around and inside it.
 */
export function highlightSegments(segments: readonly AnsiSegment[], ranges: readonly (readonly [number, number])[]): HighlightPiece[] {
  if (ranges.length === 0) return segments.map((s) => ({ text: s.text, style: s.style, match: false }));
  const out: HighlightPiece[] = [];
  let offset = 0;
  let r = 0;
  for (const seg of segments) {
    const segEnd = offset + seg.text.length;
    let pos = offset;
    while (pos < segEnd) {
      while (r < ranges.length && ranges[r]![1] <= pos) r++; // r < ranges.length
      const range = ranges[r];
      if (!range || range[0] >= segEnd) {
        out.push({ text: seg.text.slice(pos - offset), style: seg.style, match: false });
        pos = segEnd;
      } else if (range[0] > pos) {
        out.push({ text: seg.text.slice(pos - offset, range[0] - offset), style: seg.style, match: false });
        pos = range[0];
      } else {
        const end = Math.min(range[1], segEnd);
        out.push({ text: seg.text.slice(pos - offset, end - offset), style: seg.style, match: true });
        pos = end;
      }
    }
    offset = segEnd;
  }
  return out;
}
