import { QueryClient, QueryObserver } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { requestRefresh } from "./refresh-coalescer";

describe("requestRefresh", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup(fetchMs: number) {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 60_000 } } });
    let started = 0;
    let finished = 0;
    let cancelled = 0;
    const observer = new QueryObserver(qc, {
      queryKey: ["list"],
      queryFn: ({ signal }) =>
        new Promise<number>((resolve) => {
          const n = ++started;
          signal.addEventListener("abort", () => cancelled++);
          setTimeout(() => {
            finished++;
            resolve(n);
          }, fetchMs);
        }),
    });
    const unsubscribe = observer.subscribe(() => {});
    return { qc, unsubscribe, counts: () => ({ started, finished, cancelled }) };
  }

  it("never cancels a running fetch and coalesces a burst into one more fetch", async () => {
    const { qc, unsubscribe, counts } = setup(1_000);
    await vi.advanceTimersByTimeAsync(10); // the initial fetch is running
    for (let i = 0; i < 20; i++) {
      requestRefresh(qc, ["list"]);
      await vi.advanceTimersByTimeAsync(40);
    }
    await vi.advanceTimersByTimeAsync(5_000);
    expect(counts()).toEqual({ started: 2, finished: 2, cancelled: 0 });
    unsubscribe();
  });

  it("refetches at once when idle", async () => {
    const { qc, unsubscribe, counts } = setup(10);
    await vi.advanceTimersByTimeAsync(100);
    expect(counts().finished).toBe(1);
    requestRefresh(qc, ["list"]);
    await vi.advanceTimersByTimeAsync(20);
    expect(counts().finished).toBe(2);
    unsubscribe();
  });
});
