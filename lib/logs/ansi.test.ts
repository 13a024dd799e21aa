import { describe, expect, it } from "vitest";
import { highlightSegments, paletteHex, parseAnsi, stripAnsi } from "./ansi";

const E = "\x1b";

describe("parseAnsi", () => {
  it("passes plain text through as one segment", () => {
    const p = parseAnsi("hello world");
    expect(p.plain).toBe("hello world");
    expect(p.segments).toEqual([{ text: "hello world", style: {} }]);
    expect(parseAnsi("").segments).toEqual([]);
  });

  it("turns basic and bright colours, bold and reset into styles", () => {
    const p = parseAnsi(`${E}[31mred${E}[0m plain ${E}[1;92mbold green${E}[m`);
    expect(p.plain).toBe("red plain bold green");
    expect(p.segments).toEqual([
      { text: "red", style: { fg: 1 } },
      { text: " plain ", style: {} },
      { text: "bold green", style: { bold: true, fg: 10 } },
    ]);
  });

  it("handles backgrounds, 256 colours and true colour", () => {
    const p = parseAnsi(`${E}[44mbg${E}[49;38;5;208morange${E}[38;2;1;2;255mrgb${E}[39mx`);
    expect(p.segments).toEqual([
      { text: "bg", style: { bg: 4 } },
      { text: "orange", style: { fg: 208 } },
      { text: "rgb", style: { fg: "#0102ff" } },
      { text: "x", style: {} },
    ]);
  });

  it("accepts the colon form of extended colours", () => {
    expect(parseAnsi(`${E}[38:5:196mx`).segments).toEqual([{ text: "x", style: { fg: 196 } }]);
  });

  it("ignores malformed extended colours without breaking the line", () => {
    expect(parseAnsi(`${E}[38;5mx${E}[38;2;300;0;0my`).plain).toBe("xy");
  });

  it("strips other escape sequences and control characters", () => {
    const raw = `${E}[2K${E}[1A${E}[?25lcursor${E}]0;title\x07 ${E}]8;;http://x${E}\\link${E}]8;;${E}\\ ${E}(Bch\x00\x07ars\x7f`;
    const p = parseAnsi(raw);
    expect(p.plain).toBe("cursor link chars");
    // eslint-disable-next-line no-control-regex -- control characters are what this test looks for
    expect(p.segments.every((s) => !/[\x00-\x1f\x7f]/.test(s.text))).toBe(true);
  });

  it("keeps tabs", () => {
    expect(parseAnsi("a\tb\x1b[0m").plain).toBe("a\tb");
  });

  it("shows what a carriage return leaves visible (progress bars) and drops a trailing CR", () => {
    expect(parseAnsi("10%\r50%\r100%").plain).toBe("100%");
    expect(parseAnsi("windows line\r").plain).toBe("windows line");
  });

  it("drops a sequence cut off at the end of the line", () => {
    expect(parseAnsi(`text${E}[31`).plain).toBe("text");
  });

  it("never produces markup: angle brackets stay text", () => {
    const p = parseAnsi(`${E}[31m<img src=x onerror=alert(1)>`);
    expect(p.segments[0]?.text).toBe("<img src=x onerror=alert(1)>");
  });

  it("stripAnsi returns the visible text", () => {
    expect(stripAnsi(`${E}[1mbold${E}[0m`)).toBe("bold");
    expect(stripAnsi("plain")).toBe("plain");
  });

  it("stripAnsi joins words that escape codes split and drops every CSI, OSC and C1 sequence", () => {
    // What the download's `q` filter and the viewer's search both match against.
    expect(stripAnsi(`${E}[31mERR${E}[0mOR ${E}[38;5;208mdisk${E}[m full`)).toBe("ERROR disk full");
    expect(stripAnsi(`${E}[2K${E}[1Gready ${E}[?25lnow${E}[?25h`)).toBe("ready now");
    expect(stripAnsi(`${E}]0;window title\x07${E}]8;;http://x${E}\\link${E}]8;;${E}\\`)).toBe("link");
    expect(stripAnsi(`\x9b1mbold\x9b0m`)).toBe("bold");
    expect(stripAnsi(`tab\tkept`)).toBe("tab\tkept");
  });
});

describe("paletteHex", () => {
  it("maps the colour cube and grey ramp", () => {
    expect(paletteHex(16)).toBe("#000000");
    expect(paletteHex(196)).toBe("#ff0000");
    expect(paletteHex(231)).toBe("#ffffff");
    expect(paletteHex(232)).toBe("#080808");
    expect(paletteHex(255)).toBe("#eeeeee");
  });
});

describe("highlightSegments", () => {
  it("cuts segments at match boundaries, keeping styles", () => {
    const { segments } = parseAnsi(`${E}[31mERROR${E}[0m disk full`);
    const pieces = highlightSegments(segments, [
      [3, 7],
      [11, 15],
    ]);
    expect(pieces).toEqual([
      { text: "ERR", style: { fg: 1 }, match: false },
      { text: "OR", style: { fg: 1 }, match: true },
      { text: " d", style: {}, match: true },
      { text: "isk ", style: {}, match: false },
      { text: "full", style: {}, match: true },
    ]);
    expect(pieces.map((p) => p.text).join("")).toBe("ERROR disk full");
  });

  it("returns the segments unchanged without matches", () => {
    expect(highlightSegments([{ text: "abc", style: {} }], [])).toEqual([{ text: "abc", style: {}, match: false }]);
  });
});
