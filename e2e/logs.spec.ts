import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { tsKey } from "../lib/logs/timestamps";
import { expect as baseExpect, test, type DockerFixture } from "./fixtures";

/**
 * The log viewer against the real server and engine: lines come from fixture containers that
 * print known text, and every assertion polls what is on screen (no fixed sleeps).
 */

test.describe.configure({ mode: "parallel" });
// Streams cross Docker, the server and the browser: on a busy machine a line can take seconds to
// show. Every wait is a poll that ends as soon as its condition holds, so these are upper bounds.
test.slow();
const expect = baseExpect.configure({ timeout: 30_000 });

/** A shell loop for busybox: `usleep` in the background so `docker stop` (TERM) ends it at once. */
const sh = (script: string) => ["sh", "-c", `trap "exit 3" TERM INT; ${script}`];
const nap = (us: number) => `usleep ${us} & wait $!`;
const IDLE = `while true; do ${nap(1_000_000)}; done`;

const rows = (page: Page) => page.getByTestId("log-row");
const rowTexts = (page: Page) => page.getByTestId("log-row").getByTestId("log-text").allTextContents();
const status = (page: Page) => page.getByTestId("log-status");

/** The number held, from the status line ("1,234 lines" or "20 of 40 lines"). */
async function countShown(page: Page): Promise<{ shown: number; held: number }> {
  const text = (await page.getByTestId("log-count").textContent()) ?? "";
  const nums = [...text.matchAll(/[\d,]+/g)].map((m) => Number(m[0].replace(/,/g, "")));
  return { shown: nums[0] ?? 0, held: nums[1] ?? nums[0] ?? 0 };
}

async function lastCounter(page: Page): Promise<number> {
  const texts = await rowTexts(page);
  const last = texts.at(-1) ?? "";
  return Number(/count (\d+)/.exec(last)?.[1] ?? -1);
}

test("live lines arrive and the view follows them", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({ cmd: sh(`i=0; while true; do i=$((i+1)); echo "count $i"; ${nap(200_000)}; done`) });
  await page.goto(`/logs?c=${name}`);
  await expect(status(page)).toHaveAttribute("data-status", "live");
  await expect.poll(() => lastCounter(page)).toBeGreaterThan(0);
  const first = await lastCounter(page);
  // New lines keep arriving at the bottom without anyone scrolling.
  await expect.poll(() => lastCounter(page)).toBeGreaterThanOrEqual(first + 5);
  await expect(page.getByTestId("log-scroller")).toHaveAttribute("data-following", "true");
  await expect(rows(page).last()).toHaveAttribute("data-container", name);
  await expect(rows(page).last()).toHaveAttribute("data-stream", "stdout");
});

test("reconnecting neither loses nor repeats lines", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({ cmd: sh(`i=0; while true; do i=$((i+1)); echo "count $i"; ${nap(100_000)}; done`) });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(() => lastCounter(page)).toBeGreaterThan(10);
  // Drop the connection for a while; the container keeps writing meanwhile.
  await page.context().setOffline(true);
  await expect(status(page)).toHaveAttribute("data-status", "connecting");
  const before = await lastCounter(page);
  await page.context().setOffline(false);
  await expect(status(page)).toHaveAttribute("data-status", "live", { timeout: 60_000 });
  await expect.poll(() => lastCounter(page)).toBeGreaterThan(before + 20);
  // Stop the writer first: while it writes every 100 ms, a line can land between reading the last
  // row and reading the count (on a loaded box, nearly every time), which looks like a repeat.
  await docker.cli("stop", name);
  await expect(page.getByTestId("log-marker")).toHaveAttribute("data-reason", "exited");
  // Lines are "count 1" … "count N". Losses and repeats are counted apart: one of each would cancel out in a
  // plain "N lines held" check.
  const n = await lastCounter(page);
  await expect.poll(async () => (await countShown(page)).held).toBeGreaterThanOrEqual(n);
  const counters = (await allRowTexts(page)).map((t) => Number(/^count (\d+)$/.exec(t)?.[1] ?? -1));
  const seen = new Set(counters);
  const lost = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !seen.has(k));
  const repeated = counters.filter((k, i) => counters.indexOf(k) !== i);
  expect(lost, "lines lost across the reconnect").toEqual([]);
  expect(repeated, "lines shown twice across the reconnect").toEqual([]);
  expect(counters).toHaveLength(n);
});

/**
 * Every row's text, top to bottom: the list is virtual (only rows near the viewport exist), so this scrolls
 * through it a viewport at a time and collects rows by their index.
 */
async function allRowTexts(page: Page): Promise<string[]> {
  const scroller = page.getByTestId("log-scroller");
  const byIndex = new Map<number, string>();
  const collect = async () => {
    const got = await page
      .getByTestId("log-row")
      .evaluateAll((els) => els.map((el) => [Number(el.getAttribute("data-index")), el.querySelector('[data-testid="log-text"]')?.textContent ?? ""] as const));
    for (const [i, text] of got) byIndex.set(i, text);
  };
  const firstRenderedIndex = () => page.getByTestId("log-row").evaluateAll((els) => Math.min(...els.map((el) => Number(el.getAttribute("data-index")))));
  await scroller.evaluate((el) => (el.scrollTop = 0));
  await expect.poll(firstRenderedIndex).toBeLessThan(5);
  for (;;) {
    await expect.poll(() => page.getByTestId("log-row").count()).toBeGreaterThan(0);
    await collect();
    const { top, height, max } = await scroller.evaluate((el) => ({ top: el.scrollTop, height: el.clientHeight, max: el.scrollHeight - el.clientHeight }));
    if (top >= max - 1) break;
    const next = Math.min(max, top + Math.max(20, height - 40));
    const firstBefore = await firstRenderedIndex();
    await scroller.evaluate((el, y) => (el.scrollTop = y), next);
    // The virtualizer renders the rows of the new position after the scroll event: wait for them (a move of
    // less than a row, the last one, may keep the same first row; then two frames suffice).
    if (next - top >= 20) await expect.poll(firstRenderedIndex).not.toBe(firstBefore);
    else await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await collect();
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, text]) => text);
}

test("search highlights, counts and filters to matching lines; the URL keeps it", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({
    cmd: sh(`for i in $(seq 1 20); do echo "apple $i"; echo "banana $i"; done; echo "ERROR cherry failed"; ${IDLE}`),
  });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(async () => (await countShown(page)).held).toBe(41);

  await page.getByTestId("log-search").fill("banana");
  await expect(page.getByTestId("match-counter")).toHaveText("20 matches");
  await page.getByTestId("only-matching").click();
  await expect.poll(() => countShown(page)).toEqual({ shown: 20, held: 41 });
  for (const t of await rowTexts(page)) expect(t).toMatch(/^banana \d+$/);
  await expect(page.locator("mark").first()).toHaveText("banana");

  // Enter walks the matches.
  await page.getByTestId("log-search").press("Enter");
  await expect(page.getByTestId("match-counter")).toHaveText(/^\d+ of 20$/);

  // The view is shareable: the URL holds it, and a fresh load shows the same.
  await expect.poll(() => new URL(page.url()).searchParams.get("q")).toBe("banana");
  expect(new URL(page.url()).searchParams.get("only")).toBe("1");
  await page.reload();
  await expect.poll(() => countShown(page)).toEqual({ shown: 20, held: 41 });

  // Regex mode; an invalid one is reported inline, not thrown.
  await page.getByTestId("search-regex").click();
  await page.getByTestId("log-search").fill("apple (1|2)$");
  await expect.poll(() => rowTexts(page)).toEqual(["apple 1", "apple 2"]);
  await page.getByTestId("log-search").fill("apple (");
  await expect(page.getByTestId("search-error")).toBeVisible();
  await expect(status(page)).toBeVisible();

  // The level filter: one click on "Error" shows only error lines.
  await page.getByTestId("log-search").fill("");
  await page.getByTestId("level-filter").locator(`[data-level="error"]`).click();
  await expect.poll(() => rowTexts(page)).toEqual(["ERROR cherry failed"]);
  await expect(rows(page).first()).toHaveAttribute("data-level", "error");
});

const chip = (page: Page, level: string) => page.getByTestId("level-filter").locator(`[data-level="${level}"]`);

test("level chips: a click shows only that level, Shift/Ctrl-click adds or removes one, and counts stay", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({
    cmd: sh(`echo "ERROR disk full"; echo "WARN slow disk"; echo "WARN slower disk"; echo "INFO started"; echo "DEBUG tick"; echo "plain words"; ${IDLE}`),
  });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(async () => (await countShown(page)).held).toBe(6);
  const all = ["ERROR disk full", "WARN slow disk", "WARN slower disk", "INFO started", "DEBUG tick", "plain words"];

  await chip(page, "error").click();
  await expect.poll(() => rowTexts(page)).toEqual(["ERROR disk full"]);
  expect(new URL(page.url()).searchParams.get("levels")).toBe("error");
  // The other levels' counts are still shown while they are hidden.
  await expect(chip(page, "warn").getByTestId("level-count")).toHaveText("2");
  await expect(chip(page, "info").getByTestId("level-count")).toHaveText("1");
  await expect(chip(page, "warn")).toHaveAttribute("aria-pressed", "false");

  // Shift-click adds a level, Ctrl-click removes one.
  await chip(page, "warn").click({ modifiers: ["Shift"] });
  await expect.poll(() => rowTexts(page)).toEqual(["ERROR disk full", "WARN slow disk", "WARN slower disk"]);
  await chip(page, "error").click({ modifiers: ["ControlOrMeta"] });
  await expect.poll(() => rowTexts(page)).toEqual(["WARN slow disk", "WARN slower disk"]);

  // A plain click on another level solos it; on the solo level again, everything comes back.
  await chip(page, "info").click();
  await expect.poll(() => rowTexts(page)).toEqual(["INFO started"]);
  await chip(page, "info").click();
  await expect.poll(() => rowTexts(page)).toEqual(all);
  expect(new URL(page.url()).searchParams.get("levels")).toBeNull();

  // "All" restores every level too.
  await chip(page, "debug").click();
  await expect.poll(() => rowTexts(page)).toEqual(["DEBUG tick"]);
  await chip(page, "all").click();
  await expect.poll(() => rowTexts(page)).toEqual(all);
});

test("search jumps to the first match as you type, without Enter", async ({ docker, adminPage: page }) => {
  // The match is far above the bottom the view follows: only a jump brings it on screen.
  const { name } = await docker.run({
    cmd: sh(`for i in $(seq 1 5); do echo "filler $i"; done; echo "the needle line"; for i in $(seq 6 400); do echo "filler $i"; done; ${IDLE}`),
  });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(async () => (await countShown(page)).held).toBe(401);
  await expect(rows(page).filter({ hasText: "needle" })).toHaveCount(0);

  await page.getByTestId("log-search").pressSequentially("needl", { delay: 30 });
  const hit = rows(page).filter({ hasText: "the needle line" });
  await expect(hit).toBeInViewport();
  await expect(page.getByTestId("match-counter")).toHaveText("1 of 1");
  await expect(hit.locator("mark")).toHaveText("needl");
  await expect(page.getByTestId("log-scroller")).toHaveAttribute("data-following", "false");
});

/** A long line (about 1,100 characters) between short ones. */
const LONG = `echo "short one"; echo "long $(seq -s ' ' 1 300)"; echo '{"level":"info","msg":"'$(seq -s '-' 1 200)'"}'; echo "short two"`;
const longRow = (page: Page) => rows(page).filter({ hasText: "long 1 2 3" });
const rowHeight = async (page: Page) => (await longRow(page).boundingBox())?.height ?? 0;
const scrollsSideways = (page: Page) => page.getByTestId("log-scroller").evaluate((el) => el.scrollWidth > el.clientWidth + 1);

test("wrap: a toggle wraps long lines, kept in the URL and as the user's preference; the detail pane always wraps", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({ cmd: sh(`${LONG}; ${IDLE}`) });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(async () => (await countShown(page)).held).toBe(4);
  // Unwrapped: one row high, the list scrolls sideways.
  expect(await rowHeight(page)).toBeLessThanOrEqual(21);
  expect(await scrollsSideways(page)).toBe(true);

  await page.getByTestId("toggle-wrap").click();
  await expect(page.getByTestId("toggle-wrap")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => rowHeight(page)).toBeGreaterThan(40);
  await expect.poll(() => scrollsSideways(page)).toBe(false);
  expect(new URL(page.url()).searchParams.get("wrap")).toBe("1");
  // Rows below the tall one sit below it, not under it.
  const longBox = (await longRow(page).boundingBox())!;
  const nextBox = (await rows(page).filter({ hasText: '"level":"info"' }).boundingBox())!;
  expect(nextBox.y).toBeGreaterThanOrEqual(longBox.y + longBox.height - 1);

  // The URL keeps it across a reload…
  await page.reload();
  await expect.poll(() => rowHeight(page)).toBeGreaterThan(40);
  // …and the preference keeps it for a link that does not say…
  await page.goto(`/logs?c=${name}`);
  await expect(page.getByTestId("toggle-wrap")).toHaveAttribute("aria-pressed", "true");
  await expect.poll(() => rowHeight(page)).toBeGreaterThan(40);
  // …while a link that says wins over the preference.
  await page.goto(`/logs?c=${name}&wrap=0`);
  await expect(page.getByTestId("toggle-wrap")).toHaveAttribute("aria-pressed", "false");
  await expect.poll(async () => (await countShown(page)).held).toBe(4);
  expect(await rowHeight(page)).toBeLessThanOrEqual(21);

  // Unwrapped list, and the detail pane still wraps: plain text and pretty JSON alike.
  const detailFits = () => page.getByTestId("log-detail-text").evaluate((el) => el.scrollWidth <= el.clientWidth + 1);
  await longRow(page).click();
  await expect(page.getByTestId("log-detail")).toContainText("long 1 2 3");
  expect(await detailFits()).toBe(true);
  await rows(page).filter({ hasText: '"level":"info"' }).click();
  await expect(page.getByTestId("log-detail")).toContainText("JSON");
  expect(await detailFits()).toBe(true);
});

/**
 * Records what the page copies. On plain http to a non-loopback address (the browser's own network
 * namespace) the page copies the old way, a selected textarea and execCommand, and the copy event
 * carries the text; on a secure origin it calls the Clipboard API, replaced here by a recorder.
 */
async function recordCopies(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __copied: string[] };
    w.__copied = [];
    if (navigator.clipboard) navigator.clipboard.writeText = async (text: string) => void w.__copied.push(text);
    document.addEventListener("copy", () => {
      const el = document.activeElement;
      w.__copied.push(el instanceof HTMLTextAreaElement ? el.value.slice(el.selectionStart, el.selectionEnd) : (document.getSelection()?.toString() ?? ""));
    });
  });
}
const copied = (page: Page) => page.evaluate(() => (window as unknown as { __copied: string[] }).__copied);

test("wrapped, the view still follows live lines of varying height", async ({ docker, adminPage: page }) => {
  // Every third line is long: rows of one, several and one line high arrive while following.
  const { name } = await docker.run({
    cmd: sh(
      `i=0; while true; do i=$((i+1)); if [ $((i % 3)) -eq 0 ]; then echo "count $i $(seq -s ' ' 1 200)"; else echo "count $i"; fi; ${nap(100_000)}; done`,
    ),
  });
  await page.goto(`/logs?c=${name}&wrap=1`);
  await expect.poll(() => lastCounter(page)).toBeGreaterThan(30);
  const first = await lastCounter(page);
  await expect.poll(() => lastCounter(page)).toBeGreaterThan(first + 20);
  await expect(page.getByTestId("log-scroller")).toHaveAttribute("data-following", "true");
  // The newest line is on screen, not below the fold of rows measured taller than estimated.
  await expect.poll(() => page.getByTestId("log-scroller").evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight)).toBeLessThanOrEqual(20);
  await expect(rows(page).last()).toBeInViewport();
});

test("a line's permalink opens the view around that line, scrolled to it and highlighted", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({
    cmd: sh(`for i in $(seq 1 300); do echo "before $i"; done; echo "the linked line"; for i in $(seq 1 300); do echo "after $i"; done; ${IDLE}`),
  });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(async () => (await countShown(page)).held).toBe(601);
  await page.getByTestId("log-search").fill("the linked line");
  const target = rows(page).filter({ hasText: "the linked line" });
  await expect(target).toBeInViewport();

  // The hover action copies the link (and is a real link: its href is the same).
  await target.hover();
  const action = target.getByTestId("copy-line-link");
  await expect(action).toBeVisible();
  await action.hover();
  const href = (await action.getAttribute("href"))!;
  await recordCopies(page);
  await action.click();
  await expect(page.getByText("Link to the line copied")).toBeVisible();
  await expect.poll(() => copied(page)).toEqual([new URL(href, page.url()).toString()]);
  const link = new URL(href, page.url());
  expect(link.searchParams.get("c")).toBe(name);
  expect(link.searchParams.get("line")).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:]+\.\d{9}Z$/);
  expect(link.searchParams.get("since")).toBeTruthy();
  expect(link.searchParams.get("until")).toBeTruthy();
  expect(link.searchParams.get("q")).toBeNull(); // a search must not hide the line

  // The detail pane has the same link.
  await target.click();
  await page.getByTestId("log-detail").getByRole("button", { name: "Copy link" }).click();
  await expect.poll(() => copied(page)).toEqual([link.toString(), link.toString()]);

  // Opening it: history around the line, the line on screen and highlighted, the view paused there.
  await page.goto(href);
  const linked = page.locator('[data-testid="log-row"][data-linked]');
  await expect(linked).toHaveCount(1);
  await expect(linked.getByTestId("log-text")).toHaveText("the linked line");
  await expect(linked).toBeInViewport();
  await expect(page.getByTestId("log-scroller")).toHaveAttribute("data-following", "false");
  await expect.poll(async () => (await countShown(page)).held).toBe(601);
});

test("phone width: the log view fits 390 px, toolbar wrapped, wrapped or not", async ({ docker, adminPage: page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const { name } = await docker.run({ cmd: sh(`${LONG}; echo "ERROR boom"; ${IDLE}`) });
  for (const wrap of ["0", "1"]) {
    await page.goto(`/logs?c=${name}&wrap=${wrap}`);
    await expect.poll(async () => (await countShown(page)).held).toBe(5);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    // Every control is on screen, none behind a sideways scroll.
    for (const id of ["toggle-wrap", "toggle-utc", "only-matching-compact", "change-containers"]) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x + box.width, id).toBeLessThanOrEqual(390);
    }
    const lastChip = (await chip(page, "unknown").boundingBox())!;
    expect(lastChip.x + lastChip.width).toBeLessThanOrEqual(390);
    await expect(rows(page).filter({ hasText: "ERROR boom" })).toBeInViewport();
  }
  // Wrapped, a long line is read without scrolling sideways.
  expect(await scrollsSideways(page)).toBe(false);
  expect(await rowHeight(page)).toBeGreaterThan(100);
});

test("a merged view interleaves two containers by time", async ({ docker, adminPage: page }) => {
  // Both wait for the same wall-clock second, then a writes every second and b half a second
  // after each a. They are created first and started together, so a busy engine cannot skew it.
  const script = (who: string, offsetUs: number, start: number) =>
    sh(
      `while [ $(date +%s) -lt ${start} ]; do ${nap(20_000)}; done; ${offsetUs ? `${nap(offsetUs)}; ` : ""}for i in 1 2 3 4; do echo "${who}-$i"; ${nap(1_000_000)}; done; ${IDLE}`,
    );
  const start = Math.floor(Date.now() / 1000) + 8;
  const a = await docker.run({ cmd: script("a", 0, start), start: false });
  const b = await docker.run({ cmd: script("b", 500_000, start), start: false });
  await docker.cli("start", a.name, b.name);

  // Open once everything is written: the two backlogs arrive one after the other and must merge.
  const written = async (name: string) => (await docker.cli("logs", "--timestamps", name)).split("\n").filter(Boolean);
  await expect.poll(async () => (await written(b.name)).length, { timeout: 60_000 }).toBe(4);
  // Docker trims trailing zeros of the nanoseconds: compare normalised keys, not raw strings.
  const key = (l: string) => tsKey(l.slice(0, l.indexOf(" ")));
  const byTime = [...(await written(a.name)), ...(await written(b.name))].sort((x, y) => (key(x) < key(y) ? -1 : 1)).map((l) => l.slice(l.indexOf(" ") + 1));
  expect(byTime).toEqual(["a-1", "b-1", "a-2", "b-2", "a-3", "b-3", "a-4", "b-4"]);

  await page.goto(`/logs?c=${a.name},${b.name}`);
  await expect(page.getByTestId("logs-view")).toHaveAttribute("data-merged", "true");
  await expect.poll(() => rowTexts(page)).toEqual(byTime);
  const containers = await rows(page).evaluateAll((els) => els.map((e) => e.getAttribute("data-container")));
  expect(containers).toEqual(byTime.map((t) => (t.startsWith("a-") ? a.name : b.name)));
});

test("the download holds exactly the selected range", async ({ docker, adminPage: page }) => {
  // Three bursts two seconds apart; the range picks the middle one.
  const { name } = await docker.run({
    cmd: sh(`for b in 1 2 3; do for i in 1 2 3 4 5; do echo "burst $b line $i"; done; ${nap(2_000_000)}; done; ${IDLE}`),
  });
  await expect.poll(async () => (await docker.cli("logs", name)).split("\n").filter(Boolean).length, { timeout: 60_000 }).toBe(15);
  const stamped = (await docker.cli("logs", "--timestamps", name)).split("\n");
  const tsOf = (text: string) => stamped.find((l) => l.endsWith(` ${text}`))!.split(" ")[0]!;
  const since = new Date(Date.parse(tsOf("burst 1 line 5")) + 1_000).toISOString();
  const until = new Date(Date.parse(tsOf("burst 2 line 5")) + 1_000).toISOString();

  await page.goto(`/logs?c=${name}&since=${since}&until=${until}`);
  await expect(page.getByTestId("log-marker")).toHaveAttribute("data-reason", "end-of-range");
  await expect(page.getByTestId("log-marker")).toContainText("end of range");
  const expected = [1, 2, 3, 4, 5].map((i) => `burst 2 line ${i}`);
  await expect.poll(() => rowTexts(page)).toEqual(expected);

  const href = await page.getByTestId("download-link").getAttribute("href");
  expect(href).toContain(`/containers/`);
  const res = await page.request.get(href!);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-disposition"]).toContain(`${name}-`);
  const lines = (await res.text()).split("\n").filter(Boolean);
  // Each line is "<RFC 3339 timestamp> <text>", the same lines the view shows.
  expect(lines.map((l) => l.slice(l.indexOf(" ") + 1))).toEqual(expected);
  for (const l of lines) expect(l).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z /);
});

test("a container that stops shows an ended marker; one already stopped says so", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({ cmd: sh(`i=0; while true; do i=$((i+1)); echo "count $i"; ${nap(200_000)}; done`) });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(() => lastCounter(page)).toBeGreaterThan(0);
  await docker.cli("stop", name);
  const marker = page.getByTestId("log-marker");
  await expect(marker).toHaveAttribute("data-reason", "exited");
  await expect(marker).toContainText("exited with code 3");
  await expect(status(page)).toHaveAttribute("data-status", "ended");

  // Opening the logs of a stopped container: its history, then a "not running" marker.
  await page.goto(`/logs?c=${name}`);
  await expect(page.getByTestId("log-marker")).toHaveAttribute("data-reason", "not-running");
  expect(await lastCounter(page)).toBeGreaterThan(0);
});

test("stderr lines are marked and a stream filter hides stdout", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({ cmd: sh(`echo "to stdout"; echo "to stderr" >&2; printf "\\033[31mred\\033[0m plain\\n"; ${IDLE}`) });
  await page.goto(`/logs?c=${name}`);
  await expect.poll(async () => (await countShown(page)).held).toBe(3);
  await expect(rows(page).filter({ hasText: "to stderr" })).toHaveAttribute("data-stream", "stderr");
  // ANSI colours become styled text, escape codes never show.
  await expect(rows(page).filter({ hasText: "red plain" }).getByTestId("log-text")).toHaveText("red plain");

  await page.getByTestId("streams").locator('[data-value="stderr"]').click();
  await expect.poll(() => rowTexts(page)).toEqual(["to stderr"]);
  expect(new URL(page.url()).searchParams.get("streams")).toBe("stderr");
});

/* ---- Downloads that read like `docker logs`, merged downloads, an exited container's last lines ---- */

/**
 * What `docker logs` prints, stdout and stderr into one file through one descriptor, as a
 * terminal would receive them: the bytes to compare a download with.
 */
function dockerLogsBytes(...args: string[]): Buffer {
  const file = path.join(os.tmpdir(), `berth-e2e-logs-${process.pid}-${randomBytes(4).toString("hex")}`);
  const fd = fs.openSync(file, "w");
  try {
    execFileSync("docker", ["logs", ...args], { stdio: ["ignore", fd, fd] });
  } finally {
    fs.closeSync(fd);
  }
  const bytes = fs.readFileSync(file);
  fs.rmSync(file);
  return bytes;
}

/** Only what `docker logs` writes to its stderr (the container's stderr). */
function dockerLogsStderr(...args: string[]): string {
  const r = spawnSync("docker", ["logs", ...args], { stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  if (r.status !== 0) throw new Error(`docker logs failed: ${r.stderr}`);
  return r.stderr;
}

/**
 * Docker 20.10 can lose what a container wrote to a stream just before it exited (the log copier
 * is still opening that pipe): fixtures that exit on their own linger a moment after writing.
 */
const LINGER = "usleep 300000";

async function exited(docker: Pick<DockerFixture, "inspect">, name: string) {
  await expect.poll(async () => (await docker.inspect(name)).State.Status, { timeout: 60_000 }).toBe("exited");
}

/** Writes to both streams, with colours, a colour code inside a word, a tab, and no final newline. */
const BOTH_STREAMS = [
  `printf 'out 1\\n'`,
  `printf '\\033[31merr 1\\033[0m\\n' >&2`,
  `printf 'out \\033[1m2\\033[0m\\ttabbed  \\n'`,
  `printf 'err 2\\n' >&2`,
  `printf '\\033[33mWA\\033[0mRN low disk\\n' >&2`,
  `printf 'ünïcödé ✓\\n'`,
  `printf 'no newline at the end'`,
  LINGER,
].join("; ");

test("a plain download is byte for byte what docker logs prints; timestamps, labels and q are asked for", async ({ docker, adminApi }) => {
  const { name } = await docker.run({ cmd: ["sh", "-c", BOTH_STREAMS] });
  await exited(docker, name);
  const url = `/api/v1/engines/local/containers/${name}/logs`;

  const plain = await adminApi.get(url);
  expect(plain.status()).toBe(200);
  const expected = dockerLogsBytes(name);
  expect(expected.toString()).toContain("\x1b[31merr 1\x1b[0m\n");
  expect((await plain.body()).equals(expected), `download:\n${await plain.text()}\n---\ndocker logs:\n${expected}`).toBe(true);
  // The range choices go to Docker unchanged: --tail too.
  expect((await (await adminApi.get(`${url}?tail=2`)).body()).equals(dockerLogsBytes("--tail", "2", name))).toBe(true);

  // timestamps=true: what `docker logs --timestamps` prints (a final newline added to the last line).
  const stamped = dockerLogsBytes("--timestamps", name).toString();
  const withTs = await (await adminApi.get(`${url}?timestamps=true`)).text();
  expect(withTs).toBe(stamped.endsWith("\n") ? stamped : `${stamped}\n`);

  // labels=true marks the stderr lines and nothing else; with timestamps too.
  const errLines = new Set(dockerLogsStderr("--timestamps", name).split("\n").filter(Boolean));
  const stampedLines = withTs.split("\n").filter(Boolean);
  const labelled = (ts: boolean) =>
    stampedLines
      .map((l) => {
        const sp = l.indexOf(" ");
        return `${ts ? l.slice(0, sp + 1) : ""}${errLines.has(l) ? "[stderr] " : ""}${l.slice(sp + 1)}\n`;
      })
      .join("");
  expect(labelled(false)).toContain("[stderr] \x1b[31merr 1");
  expect(await (await adminApi.get(`${url}?labels=true`)).text()).toBe(labelled(false));
  expect(await (await adminApi.get(`${url}?labels=true&timestamps=true`)).text()).toBe(labelled(true));

  // q matches the text the viewer shows: a colour code inside "WARN" does not hide it, and the
  // escape sequences themselves are not text.
  expect(await (await adminApi.get(`${url}?q=warn`)).text()).toBe("\x1b[33mWA\x1b[0mRN low disk\n");
  expect(await (await adminApi.get(`${url}?q=${encodeURIComponent("[0m")}`)).text()).toBe("");
  expect(await (await adminApi.get(`${url}?q=${encodeURIComponent("^out 2\\s")}&regex=true`)).text()).toBe("out \x1b[1m2\x1b[0m\ttabbed  \n");
});

test("a TTY container's plain download is its raw output, as docker logs prints it", async ({ docker, adminApi }) => {
  const { name } = await docker.run({
    tty: true,
    cmd: ["sh", "-c", `printf 'step 1\\rstep 2\\n'; printf '\\033[32mok\\033[0m\\n'; printf 'err\\n' >&2; ${LINGER}`],
  });
  await exited(docker, name);
  const body = await (await adminApi.get(`/api/v1/engines/local/containers/${name}/logs`)).body();
  const expected = dockerLogsBytes(name);
  expect(expected.toString()).toContain("step 1\rstep 2\r\n");
  expect(body.equals(expected), `download:\n${JSON.stringify(body.toString())}\ndocker logs:\n${JSON.stringify(expected.toString())}`).toBe(true);
});

test("a merged download orders several containers' lines by time, each prefixed with its name", async ({ docker, adminApi, viewerApi, adminPage: page }) => {
  const tag = randomBytes(3).toString("hex");
  // Both wait for the same wall-clock second (starting two containers takes a while on a busy
  // engine), then b writes 250 ms after each line of a: interleaved, a-1 b-1 a-2 b-2 …
  const start = Math.floor(Date.now() / 1000) + 6;
  const script = (who: string, offsetUs: number) => [
    "sh",
    "-c",
    `while [ $(date +%s) -lt ${start} ]; do usleep 20000; done; ${offsetUs ? `usleep ${offsetUs}; ` : ""}for i in 1 2 3 4; do echo "${who}-$i"; usleep 500000; done; echo "${who} to stderr" >&2; ${LINGER}`,
  ];
  const a = await docker.run({ name: `e2e-merge-${tag}-api`, cmd: script("a", 0), start: false });
  const b = await docker.run({ name: `e2e-merge-${tag}-worker`, cmd: script("b", 250_000), start: false });
  await docker.cli("start", a.name, b.name);
  await exited(docker, a.name);
  await exited(docker, b.name);

  const stamped = (n: string) =>
    dockerLogsBytes("--timestamps", n)
      .toString()
      .split("\n")
      .filter(Boolean)
      .map((l) => ({ n, l }));
  const key = (l: string) => tsKey(l.slice(0, l.indexOf(" ")));
  const byTime = [...stamped(a.name), ...stamped(b.name)].sort((x, y) => (key(x.l) < key(y.l) ? -1 : key(x.l) > key(y.l) ? 1 : 0));
  const width = b.name.length;
  const expected = byTime.map(({ n, l }) => `${n.padEnd(width)} | ${l.slice(l.indexOf(" ") + 1)}`);
  // The containers really interleave, so the order is the merge's doing.
  expect(expected.slice(0, 4).map((l) => l.split(" | ")[1])).toEqual(["a-1", "b-1", "a-2", "b-2"]);

  const url = `/api/v1/engines/local/logs?containers=${a.name},${b.name}`;
  const res = await viewerApi.get(url); // viewers may read logs: they may merge them too
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toContain("text/plain");
  expect(res.headers()["content-disposition"]).toContain("attachment");
  expect((await res.text()).split("\n").filter(Boolean)).toEqual(expected);

  // timestamps and labels work as in the single download; the name stays first, as in docker compose logs.
  const rich = (await (await adminApi.get(`${url}&timestamps=true&labels=true`)).text()).split("\n").filter(Boolean);
  expect(rich).toEqual(
    byTime.map(({ n, l }) => `${n.padEnd(width)} | ${l.slice(0, l.indexOf(" "))} ${l.endsWith(" to stderr") ? "[stderr] " : ""}${l.slice(l.indexOf(" ") + 1)}`),
  );
  // tail counts per container; q filters before merging.
  expect((await (await adminApi.get(`${url}&tail=1`)).text()).split("\n").filter(Boolean)).toEqual(expected.filter((l) => l.endsWith(" to stderr")));
  expect((await (await adminApi.get(`${url}&q=-3`)).text()).split("\n").filter(Boolean)).toEqual(expected.filter((l) => l.endsWith("-3")));

  // Bounded input: too many containers is a 400 that says so; an unknown one a 404.
  const many = Array.from({ length: 51 }, (_, i) => `c${i}`).join(",");
  const tooMany = await adminApi.get(`/api/v1/engines/local/logs?containers=${many}`);
  expect(tooMany.status()).toBe(400);
  expect((await tooMany.json()).error.message).toBe("A merged download takes at most 50 containers; download the rest separately.");
  expect((await adminApi.get(`/api/v1/engines/local/logs?containers=${a.name},no-such-${tag}`)).status()).toBe(404);

  // The viewer's download menu offers the merged file when it shows several containers.
  await page.goto(`/logs?c=${a.name},${b.name}&ts=0`);
  await expect(page.getByTestId("logs-view")).toHaveAttribute("data-merged", "true");
  await page.getByTestId("download-menu").click();
  const merged = page.getByTestId("download-merged");
  await expect(merged).toBeVisible();
  const href = await merged.getAttribute("href");
  expect(href).toMatch(/^\/api\/v1\/engines\/local\/logs\?containers=/);
  const fromMenu = (await (await page.request.get(href!)).text()).split("\n").filter(Boolean);
  expect(fromMenu).toEqual(expected);
});

test("an exited container's overview shows its exit code and last 20 lines", async ({ docker, adminPage: page }) => {
  const { name } = await docker.run({
    cmd: [
      "sh",
      "-c",
      `for i in $(seq 1 24); do echo "line $i"; done; usleep 100000; printf '\\033[31mfatal:\\033[0m config missing\\n' >&2; ${LINGER}; exit 3`,
    ],
  });
  const silent = await docker.run({ cmd: ["sh", "-c", "exit 0"] });
  await exited(docker, name);

  await page.goto(`/containers/${name}`);
  const block = page.getByTestId("last-log-lines");
  await expect(block.getByTestId("exit-code")).toHaveText("3");
  await expect(block.getByTestId("exit-summary")).toContainText("Exited with code 3");
  const lines = block.getByTestId("last-log-line");
  await expect(lines).toHaveCount(20);
  await expect(lines.first()).toHaveText("line 6");
  await expect(lines.nth(18)).toHaveText("line 24");
  // Colours are rendered, the escape codes never show.
  await expect(lines.last()).toHaveText("fatal: config missing");
  await expect(lines.last().locator("span").first()).toHaveClass(/text-red/);
  await expect(block.getByTestId("open-in-log-viewer")).toHaveAttribute("href", `/logs?c=${name}`);
  await block.getByTestId("open-in-log-viewer").click();
  await expect(page).toHaveURL(new RegExp(`/logs\\?c=${name}`));

  // A container that printed nothing says so.
  await exited(docker, silent.name);
  await page.goto(`/containers/${silent.name}`);
  await expect(page.getByTestId("exit-code")).toHaveText("0");
  await expect(page.getByTestId("last-log-empty")).toHaveText("No output");

  // A running container has no such block.
  const running = await docker.run();
  await page.goto(`/containers/${running.name}`);
  await expect(page.getByTestId("container-name")).toHaveText(running.name);
  await expect(page.getByTestId("last-log-lines")).toHaveCount(0);
});
