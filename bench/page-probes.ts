import type { CDPSession, Page } from "@playwright/test";
import { percentile } from "./lib";

/**
 * In-page instrumentation for browser benchmarks, installed with `page.addInitScript` before any
 * of the app's scripts run. A plain string on purpose: a TypeScript function handed to the page
 * would carry the transpiler's helpers (`__name`) that do not exist there.
 *
 * Between `__bench.start()` and `__bench.stop()` it records every requestAnimationFrame time,
 * every long task (main-thread task > 50 ms), Event Timing entries (input events whose handling
 * plus next paint took ≥ 16 ms) and, for every keydown, how long the event waited for the main
 * thread and when the next frame began.
 */
export const PROBE_SCRIPT = `(() => {
  const s = { running: false, frames: [], longTasks: [], events: [], keys: [] };
  window.__bench = s;
  const observe = (type, opts, fn) => {
    try { new PerformanceObserver((l) => { if (s.running) for (const e of l.getEntries()) fn(e); }).observe({ type, ...opts }); }
    catch { s[type + "Unsupported"] = true; }
  };
  observe("longtask", {}, (e) => s.longTasks.push([e.startTime, e.duration]));
  observe("event", { durationThreshold: 16 }, (e) =>
    s.events.push([e.name, e.duration, e.processingStart - e.startTime, e.processingEnd - e.processingStart]));
  const loop = (t) => { if (!s.running) return; s.frames.push(t); requestAnimationFrame(loop); };
  addEventListener("keydown", (e) => {
    if (!s.running) return;
    const k = [performance.now() - e.timeStamp, NaN];
    s.keys.push(k);
    requestAnimationFrame(() => { k[1] = performance.now() - e.timeStamp; });
  }, true);
  s.start = () => {
    Object.assign(s, { frames: [], longTasks: [], events: [], keys: [], running: true, t0: performance.now() });
    requestAnimationFrame(loop);
  };
  s.stop = () => {
    s.running = false;
    return { seconds: (performance.now() - s.t0) / 1000, frames: s.frames, longTasks: s.longTasks, events: s.events, keys: s.keys };
  };
})();`;

interface RawProbes {
  seconds: number;
  frames: number[];
  longTasks: [number, number][];
  events: [string, number, number, number][];
  keys: [number, number][];
}

export interface FrameStats {
  seconds: number;
  /** Median over one-second buckets. */
  fpsMedian: number;
  /** Worst one-second bucket. */
  fpsMin: number;
  gapP50: number;
  gapP99: number;
  gapMax: number;
  /** Frame gaps over 100 ms: moments a user would see the page stall. */
  gapsOver100: number;
  longTaskCount: number;
  longTaskTotalMs: number;
  longTaskMaxMs: number;
  /** Keydowns sent while measuring. */
  keys: number;
  /** How long a keydown waited before its handler ran (median, max). */
  keyDelayP50: number;
  keyDelayMax: number;
  /** From a keydown to the start of the next frame (median, max). */
  keyFrameP50: number;
  keyFrameMax: number;
  /** Event Timing: the slowest input event, handler and next paint included (0 when none took ≥ 16 ms). */
  eventMaxMs: number;
  /** Input events whose handling and next paint took over 200 ms (a poor INP). */
  eventsOver200: number;
}

export function startProbes(page: Page): Promise<void> {
  return page.evaluate("window.__bench.start()");
}

export async function stopProbes(page: Page): Promise<FrameStats> {
  const raw = (await page.evaluate("window.__bench.stop()")) as RawProbes;
  return summarize(raw);
}

function summarize(raw: RawProbes): FrameStats {
  const gaps: number[] = [];
  for (let i = 1; i < raw.frames.length; i++) gaps.push(raw.frames[i]! - raw.frames[i - 1]!);
  gaps.sort((a, b) => a - b);
  const buckets = new Map<number, number>();
  const t0 = raw.frames[0] ?? 0;
  for (const t of raw.frames) {
    const b = Math.floor((t - t0) / 1000);
    buckets.set(b, (buckets.get(b) ?? 0) + 1);
  }
  // The last bucket is partial: leave it out of the per-second figures.
  const whole = Math.floor(raw.seconds);
  const perSecond: number[] = [];
  for (let b = 0; b < whole; b++) perSecond.push(buckets.get(b) ?? 0);
  perSecond.sort((a, b) => a - b);
  const delays = raw.keys.map((k) => k[0]).sort((a, b) => a - b);
  const toFrame = raw.keys
    .map((k) => k[1])
    .filter(Number.isFinite)
    .sort((a, b) => a - b);
  const longMs = raw.longTasks.map((t) => t[1]);
  return {
    seconds: raw.seconds,
    fpsMedian: percentile(perSecond, 50),
    fpsMin: perSecond[0] ?? NaN,
    gapP50: percentile(gaps, 50),
    gapP99: percentile(gaps, 99),
    gapMax: gaps.at(-1) ?? NaN,
    gapsOver100: gaps.filter((g) => g > 100).length,
    longTaskCount: longMs.length,
    longTaskTotalMs: longMs.reduce((a, b) => a + b, 0),
    longTaskMaxMs: longMs.length ? Math.max(...longMs) : 0,
    keys: raw.keys.length,
    keyDelayP50: percentile(delays, 50),
    keyDelayMax: delays.at(-1) ?? NaN,
    keyFrameP50: percentile(toFrame, 50),
    keyFrameMax: toFrame.at(-1) ?? NaN,
    eventMaxMs: raw.events.length ? Math.max(...raw.events.map((e) => e[1])) : 0,
    eventsOver200: raw.events.filter((e) => e[1] > 200).length,
  };
}

/** Chromium's own counters (CDP Performance domain): JS heap, DOM nodes, main-thread task time. */
export class PageMetrics {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<PageMetrics> {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Performance.enable");
    return new PageMetrics(cdp);
  }

  async read(): Promise<Record<string, number>> {
    const { metrics } = await this.cdp.send("Performance.getMetrics");
    return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  }

  async heapMb(): Promise<number> {
    return (await this.read()).JSHeapUsedSize! / 1e6;
  }

  /** Heap after a full garbage collection: what the page really keeps. */
  async retainedHeapMb(): Promise<number> {
    await this.cdp.send("HeapProfiler.collectGarbage");
    return this.heapMb();
  }

  /** Samples the heap every `everyMs` until stopped; returns the peak. */
  sampleHeap(everyMs = 1_000): { stop(): Promise<number> } {
    let peak = 0;
    let running = true;
    const loop = (async () => {
      while (running) {
        peak = Math.max(peak, await this.heapMb().catch(() => 0));
        await new Promise((r) => setTimeout(r, everyMs));
      }
    })();
    return {
      stop: async () => {
        running = false;
        await loop;
        return peak;
      },
    };
  }
}
