/**
 * `npm run bench -- logs-ui`: the log viewer in a real browser (headless Debian chromium) against
 * the real server and engine. A fixture container writes ~10,000 lines/s while the page follows
 * it; the page's own frame times, long tasks, input latency and heap are measured, then a pause
 * (scroll up) and "jump to latest". A second case loads a 1,000,000-line backlog into the view to
 * show the ring buffer's bound and its "older lines dropped" marker. Targets are printed, never asserted.
 *
 * Needs a production build (`next build`, or `BERTH_DIST_DIR=… npx next build`); never builds one.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { FrameParser } from "@/server/docker/log-demuxer";
import { startConsoleServer, productionBuildDir, type ConsoleServer } from "./console-server";
import { createContainer, docker, fmt, rawDockerGet, table } from "./lib";
import { PageMetrics, PROBE_SCRIPT, startProbes, stopProbes, type FrameStats } from "./page-probes";

const MEASURE_SECONDS = Number(process.env.BENCH_UI_SECONDS ?? 30);
const BACKLOG_LINES = Number(process.env.BENCH_UI_BACKLOG_LINES ?? 1_000_000);
/** The longest the 1M-line backlog may take to reach the page before the case gives up. */
const BACKLOG_TIMEOUT_MS = 240_000;
const CHROMIUM = "/usr/bin/chromium";
const OUT_DIR = path.resolve(__dirname, "..", "test-results", "bench-logs-ui");
const PAD = "x".repeat(78);

/**
 * ~100-byte lines: a 9-digit sequence number (so the page's newest row says how far it got), a
 * logfmt level (mostly info, some warn and error, as a real service logs) and padding.
 */
const AWK_LINE = `awk '{ l = ($1 % 97 == 0) ? "error" : ($1 % 13 == 0) ? "warn" : "info"; printf "%09d level=%s ${PAD}\\n", $1, l }'`;

/**
 * ~10,000 lines/s from busybox sh, which has no sub-second clock and no fast printf loop: each
 * second, ten batches of 1,000 lines (seq | awk) 50 ms apart, then wait for the next wall-clock
 * second. A second that runs late is caught up in the next one, so the average holds on a busy box.
 * It starts when /tmp/go appears, so the page can be measured idle first.
 */
const PACED_WRITER = [
  "while [ ! -e /tmp/go ]; do usleep 100000; done",
  "n=0; s=$(date +%s)",
  "while true; do",
  "  b=0; while [ $b -lt 10 ]; do",
  `    seq $((n+1)) $((n+1000)) | ${AWK_LINE}; n=$((n+1000)); b=$((b+1)); usleep 50000`,
  "  done",
  "  while [ $(date +%s) -le $s ]; do usleep 5000; done; s=$((s+1))",
  "done",
].join("\n");

const backlogWriter = (n: number) => `seq 1 ${n} | ${AWK_LINE}`;

// ——— Docker side ———

/** Lines Docker holds for a container, optionally within [since, until] (Unix seconds). */
async function dockerLineCount(id: string, since?: number, until?: number): Promise<number> {
  const range = `${since !== undefined ? `&since=${since.toFixed(3)}` : ""}${until !== undefined ? `&until=${until.toFixed(3)}` : ""}`;
  const res = await rawDockerGet(`/containers/${id}/logs?stdout=1&stderr=1${range}`);
  let lines = 0;
  const parser = new FrameParser(
    () => {},
    (_s, bytes) => {
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
    },
  );
  for await (const chunk of res) parser.write(chunk as Buffer);
  return lines;
}

// ——— what the page says ———

interface ViewReport {
  status: string;
  following: boolean;
  /** Lines held in the view's ring buffer. */
  held: number;
  /** Lines the ring dropped from the top (the "older lines dropped" count). */
  dropped: number;
  /** Lines the server skipped for this client (the "skipped" count). */
  skipped: number;
  rate: number;
  /** Sequence number on the newest row drawn. */
  newestSeq: number;
  domRows: number;
}

/** One evaluate, read off the status bar and the rows: what an on-call engineer would read. */
const READ_VIEW = `(() => {
  const q = (id) => document.querySelector('[data-testid="' + id + '"]');
  const num = (el, i = 0) => { const m = [...((el && el.textContent) || "").matchAll(/[\\d,]+/g)]; return m.length ? Number(m[Math.min(i, m.length - 1)][0].replace(/,/g, "")) : 0; };
  const count = q("log-count");
  const counts = [...((count && count.textContent) || "").matchAll(/[\\d,]+/g)];
  let newest = -1, newestTop = -Infinity;
  const rows = document.querySelectorAll('[data-testid="log-row"]');
  for (const r of rows) {
    const top = r.getBoundingClientRect().top;
    if (top > newestTop) { newestTop = top; newest = parseInt(r.querySelector('[data-testid="log-text"]').textContent, 10); }
  }
  return {
    status: q("log-status")?.dataset.status ?? "",
    following: q("log-scroller")?.dataset.following === "true",
    held: counts.length ? Number(counts[counts.length - 1][0].replace(/,/g, "")) : 0,
    dropped: num(q("log-dropped")),
    skipped: num(q("log-skipped")),
    rate: num(q("log-rate")),
    newestSeq: newest,
    domRows: rows.length,
  };
})()`;

const readView = (page: Page) => page.evaluate(READ_VIEW) as Promise<ViewReport>;

/** The text of the row at the top edge of the list: what the reader's eye is on. */
const TOP_ROW_TEXT = `(() => {
  const sc = document.querySelector('[data-testid="log-scroller"]');
  const edge = sc.getBoundingClientRect().top;
  let best = null, bestTop = Infinity;
  for (const r of sc.querySelectorAll('[data-testid="log-row"]')) {
    const t = r.getBoundingClientRect().top;
    if (t >= edge - 1 && t < bestTop) { bestTop = t; best = r; }
  }
  return best ? best.querySelector('[data-testid="log-text"]').textContent.slice(0, 9) : "";
})()`;

/** Clicks "jump to latest" in the page and resolves with the ms until the list follows at the bottom again. */
const JUMP_TO_LATEST = `(async () => {
  const sc = document.querySelector('[data-testid="log-scroller"]');
  const t0 = performance.now();
  document.querySelector('[data-testid="jump-to-latest"]').click();
  while (!(sc.dataset.following === "true" && sc.scrollHeight - sc.scrollTop - sc.clientHeight <= 20)) {
    await new Promise((r) => requestAnimationFrame(r));
    if (performance.now() - t0 > 10000) return -1;
  }
  return performance.now() - t0;
})()`;

/** The count on the ring buffer's marker row (scrolls to the top to draw it; stops following). */
async function droppedMarkerCount(page: Page): Promise<number | null> {
  await page.evaluate(`document.querySelector('[data-testid="log-scroller"]').scrollTop = 0`);
  const marker = page.locator('[data-testid="log-marker"][data-reason="dropped"]');
  try {
    await marker.first().waitFor({ timeout: 5_000 });
  } catch {
    return null;
  }
  return Number(/[\d,]+/.exec((await marker.first().textContent()) ?? "")?.[0].replace(/,/g, "") ?? NaN);
}

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > deadline) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ——— load and input ———

/**
 * Types into the search box once a second, alternating a character that matches nothing and
 * Backspace (the view stays the same, but every key re-runs the search over all lines held), and
 * times each CDP round trip. Runs until stopped.
 */
function typeEverySecond(page: Page): { stop(): Promise<number[]> } {
  let running = true;
  const roundTrips: number[] = [];
  const loop = (async () => {
    await page.getByTestId("log-search").focus();
    for (let i = 0; running; i++) {
      const t0 = performance.now();
      await page.keyboard.press(i % 2 === 0 ? "~" : "Backspace");
      roundTrips.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, Math.max(0, 1_000 - (performance.now() - t0))));
    }
    await page.getByTestId("log-search").fill("");
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return roundTrips.sort((a, b) => a - b);
    },
  };
}

interface CaseResult {
  frames: FrameStats;
  /** Main-thread task time over wall time while measuring. */
  busyShare: number;
  heapPeakMb: number;
  heapRetainedMb: number;
  domNodes: number;
  cdpKeyP50: number;
  cdpKeyMax: number;
  /** Lines the container wrote (Docker's count) and what the view accounts for. */
  written?: number;
  view?: ViewReport;
  markerCount?: number | null;
  writerRate?: number;
  viewRate?: number;
  seconds?: number;
  notes: string[];
}

/** Measures the page for as long as `during` runs (or `seconds`), with the typing probe going. */
async function measure(page: Page, metrics: PageMetrics, during: () => Promise<void>): Promise<Omit<CaseResult, "heapRetainedMb" | "notes">> {
  const before = await metrics.read();
  const t0 = performance.now();
  const heap = metrics.sampleHeap();
  await startProbes(page);
  const typing = typeEverySecond(page);
  await during();
  const roundTrips = await typing.stop();
  const frames = await stopProbes(page);
  const heapPeakMb = await heap.stop();
  const after = await metrics.read();
  const wall = (performance.now() - t0) / 1000;
  return {
    frames,
    busyShare: (after.TaskDuration! - before.TaskDuration!) / wall,
    heapPeakMb,
    domNodes: after.Nodes!,
    cdpKeyP50: roundTrips[Math.floor(roundTrips.length / 2)] ?? NaN,
    cdpKeyMax: roundTrips.at(-1) ?? NaN,
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ——— the cases ———

async function openPage(context: BrowserContext, url: string): Promise<{ page: Page; metrics: PageMetrics }> {
  const page = await context.newPage();
  await page.addInitScript(PROBE_SCRIPT);
  const metrics = await PageMetrics.attach(page);
  await page.goto(url);
  return { page, metrics };
}

async function idleAndLive(context: BrowserContext, server: ConsoleServer, tag: string): Promise<{ idle: CaseResult; live: CaseResult }> {
  const name = `bench-logs-ui-live-${tag}`;
  const c = await createContainer(name, PACED_WRITER);
  try {
    const { page, metrics } = await openPage(context, `${server.url}/logs?c=${name}&tail=all`);
    await page.getByTestId("log-status").and(page.locator('[data-status="live"]')).waitFor({ timeout: 60_000 });

    // The same page before any line arrives: the ceiling this browser reaches on this machine.
    const idleRun = await measure(page, metrics, () => sleep(5_000));
    const idle: CaseResult = { ...idleRun, heapRetainedMb: await metrics.retainedHeapMb(), notes: [] };

    execFileSync("docker", ["exec", c.id, "touch", "/tmp/go"]);
    const goAt = Date.now() / 1000;
    await sleep(3_000); // warm-up: the view reaches its steady state
    const from = Date.now() / 1000;
    const liveRun = await measure(page, metrics, () => sleep(MEASURE_SECONDS * 1_000));
    const to = Date.now() / 1000;
    const written = await dockerLineCount(c.id, from, to);
    const viewAtEnd = await readView(page);

    // Under load, as the user sees it, light and dark.
    fs.mkdirSync(OUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUT_DIR, "live-light.png") });
    await page.emulateMedia({ colorScheme: "dark" });
    await sleep(600);
    await page.screenshot({ path: path.join(OUT_DIR, "live-dark.png") });
    await page.emulateMedia({ colorScheme: "light" });

    const notes: string[] = [];
    // Pause: scroll up; the row under the reader's eye must stay put while lines keep arriving.
    const box = (await page.getByTestId("log-scroller").boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.wheel(0, -4_000);
    const paused = await waitFor(
      () => readView(page),
      (v) => !v.following && v.status === "paused",
      5_000,
    );
    await sleep(500);
    const topBefore = (await page.evaluate(TOP_ROW_TEXT)) as string;
    await sleep(3_000);
    const topAfter = (await page.evaluate(TOP_ROW_TEXT)) as string;
    const jumpLabel =
      (await page
        .getByTestId("jump-to-latest")
        .textContent()
        .catch(() => "")) ?? "";
    notes.push(
      `pause: status "${paused.status}", top row ${topBefore} → ${topAfter} after 3 s (${topBefore === topAfter ? "held still" : "MOVED"}), button "${jumpLabel.trim()}"`,
    );
    const jumpMs = (await page.evaluate(JUMP_TO_LATEST)) as number;
    const afterJump = await readView(page);
    notes.push(`jump to latest: following at the bottom after ${jumpMs < 0 ? "— (not within 10 s)" : `${fmt(jumpMs)} ms`}, newest row #${afterJump.newestSeq}`);

    // Stop the writer; once the view says "ended", every line written must be accounted for.
    await docker
      .getContainer(c.id)
      .kill()
      .catch(() => {});
    const ended = await waitFor(
      () => readView(page),
      (v) => v.status === "ended",
      60_000,
    );
    const total = await dockerLineCount(c.id);
    const markerCount = ended.dropped > 0 ? await droppedMarkerCount(page) : null;
    const live: CaseResult = {
      ...liveRun,
      heapRetainedMb: await metrics.retainedHeapMb(),
      written: total,
      view: ended,
      markerCount,
      writerRate: written / (to - from),
      viewRate: viewAtEnd.rate,
      seconds: to - goAt,
      notes,
    };
    await page.close();
    return { idle, live };
  } finally {
    await c.remove({ force: true }).catch(() => {});
  }
}

async function backlog(context: BrowserContext, server: ConsoleServer, tag: string): Promise<CaseResult> {
  const name = `bench-logs-ui-backlog-${tag}`;
  const t0 = Date.now();
  const c = await createContainer(name, backlogWriter(BACKLOG_LINES));
  try {
    await c.wait();
    const written = await dockerLineCount(c.id);
    console.log(`  backlog container wrote ${fmt(written)} lines in ${fmt((Date.now() - t0) / 1000, 1)} s`);
    const opened = performance.now();
    const { page, metrics } = await openPage(context, `${server.url}/logs?c=${name}&tail=all`);
    let view: ViewReport | undefined;
    const run = await measure(page, metrics, async () => {
      view = await waitFor(
        () => readView(page),
        (v) => v.status === "ended" && v.held + v.dropped + v.skipped >= written,
        BACKLOG_TIMEOUT_MS,
      );
    });
    const seconds = (performance.now() - opened) / 1000;
    fs.mkdirSync(OUT_DIR, { recursive: true });
    await page.screenshot({ path: path.join(OUT_DIR, "backlog-light.png") });
    const markerCount = await droppedMarkerCount(page);
    await page.screenshot({ path: path.join(OUT_DIR, "backlog-top-light.png") });
    const result: CaseResult = { ...run, heapRetainedMb: await metrics.retainedHeapMb(), written, view, markerCount, seconds, notes: [] };
    await page.close();
    return result;
  } finally {
    await c.remove({ force: true }).catch(() => {});
  }
}

// ——— report ———

const ms = (v: number) => (Number.isFinite(v) ? `${fmt(v)} ms` : "—");
const mb = (v: number) => `${fmt(v, 1)} MB`;

function accounting(r: CaseResult): string {
  if (!r.view || r.written === undefined) return "—";
  const { held, dropped, skipped } = r.view;
  const lost = r.written - held - dropped - skipped;
  return `${fmt(r.written)} written = ${fmt(held)} held + ${fmt(dropped)} dropped + ${fmt(skipped)} skipped${lost ? ` (${fmt(lost)} unaccounted)` : ""}`;
}

function report(idle: CaseResult, live: CaseResult, big: CaseResult | null) {
  const cols = (f: (r: CaseResult) => string) => ({ idle: f(idle), "live ~10k/s": f(live), [`${fmt(BACKLOG_LINES)} backlog`]: big ? f(big) : "—" });
  const rows = [
    { metric: "seconds measured", ...cols((r) => fmt(r.frames.seconds, 1)), target: "" },
    { metric: "fps median (worst 1 s)", ...cols((r) => `${fmt(r.frames.fpsMedian)} (${fmt(r.frames.fpsMin)})`), target: "≥ 50 median" },
    { metric: "frame gap p50 / p99", ...cols((r) => `${fmt(r.frames.gapP50)} / ${fmt(r.frames.gapP99)} ms`), target: "p99 ≤ 100 ms" },
    { metric: "frame gap max (gaps >100 ms)", ...cols((r) => `${ms(r.frames.gapMax)} (${r.frames.gapsOver100})`), target: "" },
    {
      metric: "long tasks: n / total / max",
      ...cols((r) => `${r.frames.longTaskCount} / ${fmt(r.frames.longTaskTotalMs)} / ${fmt(r.frames.longTaskMaxMs)} ms`),
      target: "none > 200 ms",
    },
    { metric: "main thread busy", ...cols((r) => `${fmt(r.busyShare * 100)} %`), target: "≤ 50 %" },
    { metric: "keydown wait p50 / max", ...cols((r) => `${fmt(r.frames.keyDelayP50, 1)} / ${fmt(r.frames.keyDelayMax)} ms`), target: "max ≤ 100 ms" },
    { metric: "keydown → next frame p50 / max", ...cols((r) => `${fmt(r.frames.keyFrameP50)} / ${fmt(r.frames.keyFrameMax)} ms`), target: "max ≤ 200 ms" },
    { metric: "slowest input event (>200 ms)", ...cols((r) => `${ms(r.frames.eventMaxMs)} (${r.frames.eventsOver200})`), target: "≤ 200 ms" },
    { metric: "key round trip (CDP) p50 / max", ...cols((r) => `${fmt(r.cdpKeyP50)} / ${fmt(r.cdpKeyMax)} ms`), target: "" },
    { metric: "JS heap peak / after GC", ...cols((r) => `${mb(r.heapPeakMb)} / ${mb(r.heapRetainedMb)}`), target: "bounded, ≤ 400 MB" },
    { metric: "DOM nodes", ...cols((r) => fmt(r.domNodes)), target: "bounded (virtual list)" },
  ];
  table(rows);
  console.log("");
  console.log(
    `live: Docker received ${fmt(live.writerRate ?? NaN)} lines/s from the writer while measured; the view showed ${fmt(live.viewRate ?? NaN)} lines/s`,
  );
  console.log(`live: ${accounting(live)}; marker row says ${live.markerCount ?? "—"} older lines dropped`);
  for (const n of live.notes) console.log(`live: ${n}`);
  if (big) {
    const v = big.view!;
    console.log(
      `backlog: all lines in the view after ${fmt(big.seconds ?? NaN, 1)} s (${fmt((big.written ?? 0) / (big.seconds ?? 1))} lines/s); ${accounting(big)}`,
    );
    console.log(
      `backlog: ring bound ${v.held >= 100_000 ? "≥ 100,000 held" : "UNDER 100,000"} (${fmt(v.held)} lines); marker row says ${big.markerCount ?? "— (no marker)"} older lines dropped, status bar ${fmt(v.dropped)}${big.markerCount === v.dropped ? " (match)" : " (MISMATCH)"}`,
    );
  }
}

function loadLine(when: string): string {
  const [a, b, c] = os.loadavg();
  return `load average ${when}: ${a!.toFixed(2)} ${b!.toFixed(2)} ${c!.toFixed(2)} on ${os.cpus().length} CPUs`;
}

export async function benchLogsUi(): Promise<void> {
  const distDir = productionBuildDir();
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
  fs.mkdirSync(OUT_DIR, { recursive: true });
  console.log(`# Logs viewer in the browser — ${MEASURE_SECONDS} s at ~10,000 lines/s, then a ${fmt(BACKLOG_LINES)}-line backlog`);
  console.log(`build ${distDir}/, chromium ${CHROMIUM} (headless); ${loadLine("at start")}`);
  const tag = String(process.pid);
  const server = await startConsoleServer(path.join(OUT_DIR, "server.log"));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, colorScheme: "light" });
    const login = await context.request.post(`${server.url}/api/v1/auth/login`, {
      data: { username: "admin", password: server.adminPassword },
      headers: { Origin: server.url },
    });
    if (!login.ok()) throw new Error(`sign-in failed: HTTP ${login.status()} ${await login.text()}`);

    console.log("  live case…");
    const { idle, live } = await idleAndLive(context, server, tag);
    console.log("  backlog case…");
    const big = process.env.BENCH_UI_SKIP_BACKLOG ? null : await backlog(context, server, tag);
    console.log("");
    report(idle, live, big);
    console.log(`screenshots: ${path.relative(process.cwd(), OUT_DIR)}/{live-light,live-dark,backlog-light,backlog-top-light}.png`);
    console.log(loadLine("at end"));
  } finally {
    await browser?.close();
    await server.stop();
  }
}
