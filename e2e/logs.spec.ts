import type { Page } from "@playwright/test";
import { tsKey } from "../lib/logs/timestamps";
import { expect as baseExpect, test } from "./fixtures";

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
  // Lines are "count 1" … "count N": with nothing lost and nothing doubled, N lines are held.
  await expect
    .poll(async () => {
      const n = await lastCounter(page);
      const { held } = await countShown(page);
      return held - n;
    })
    .toBe(0);
});

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

  // The level filter: only error lines.
  await page.getByTestId("log-search").fill("");
  for (const level of ["warn", "info", "debug", "unknown"]) await page.getByTestId("level-filter").locator(`[data-level="${level}"]`).click();
  await expect.poll(() => rowTexts(page)).toEqual(["ERROR cherry failed"]);
  await expect(rows(page).first()).toHaveAttribute("data-level", "error");
});

test("a merged view interleaves two containers by time", async ({ docker, adminPage: page }) => {
  // Both wait for the same wall-clock second, then a writes every second and b half a second
  // after each a. They are created first and started together, so a busy engine cannot skew it.
  const script = (who: string, offsetUs: number, start: number) =>
    sh(`while [ $(date +%s) -lt ${start} ]; do ${nap(20_000)}; done; ${offsetUs ? `${nap(offsetUs)}; ` : ""}for i in 1 2 3 4; do echo "${who}-$i"; ${nap(1_000_000)}; done; ${IDLE}`);
  const start = Math.floor(Date.now() / 1000) + 8;
  const a = await docker.run({ cmd: script("a", 0, start), start: false });
  const b = await docker.run({ cmd: script("b", 500_000, start), start: false });
  await docker.cli("start", a.name, b.name);

  // Open once everything is written: the two backlogs arrive one after the other and must merge.
  const written = async (name: string) => (await docker.cli("logs", "--timestamps", name)).split("\n").filter(Boolean);
  await expect.poll(async () => (await written(b.name)).length, { timeout: 60_000 }).toBe(4);
  // Docker trims trailing zeros of the nanoseconds: compare normalised keys, not raw strings.
  const key = (l: string) => tsKey(l.slice(0, l.indexOf(" ")));
  const byTime = [...(await written(a.name)), ...(await written(b.name))]
    .sort((x, y) => (key(x) < key(y) ? -1 : 1))
    .map((l) => l.slice(l.indexOf(" ") + 1));
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
  const tsOf = (text: string) => stamped.find((l) => l.endsWith(` ${text}`))!.split(" ")[0];
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
