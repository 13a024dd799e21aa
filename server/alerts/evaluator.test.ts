import { describe, expect, it } from "vitest";
import { DEFAULT_RULES } from "@/lib/alerts";
import { AlertEvaluator } from "./evaluator";

const T0 = 1_800_000_000_000;
const s = (n: number) => T0 + n * 1000;

describe("AlertEvaluator", () => {
  it("fires CPU only after it stays high for the whole for-duration, and resolves when it drops", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    expect(e.sample("c1", 95, 0, 100, s(0))).toEqual([]);
    expect(e.sample("c1", 95, 0, 100, s(119))).toEqual([]);
    expect(e.sample("c1", 95, 0, 100, s(120))).toEqual([expect.objectContaining({ type: "fire", rule: "cpu-high", container: "c1" })]);
    expect(e.sample("c1", 99, 0, 100, s(121))).toEqual([]);
    expect(e.sample("c1", 10, 0, 100, s(122))).toEqual([expect.objectContaining({ type: "resolve", rule: "cpu-high" })]);
  });

  it("restarts the for-duration when the condition breaks before it elapses", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    e.sample("c1", 95, 0, 100, s(0));
    e.sample("c1", 5, 0, 100, s(60));
    e.sample("c1", 95, 0, 100, s(61));
    expect(e.sample("c1", 95, 0, 100, s(150))).toEqual([]);
    expect(e.sample("c1", 95, 0, 100, s(181))).toHaveLength(1);
  });

  it("fires memory against the limit", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    e.sample("c1", 0, 95, 100, s(0));
    expect(e.sample("c1", 0, 95, 100, s(120))[0]).toMatchObject({ rule: "memory-high", type: "fire" });
  });

  it("treats a non-zero exit as down and a start as recovery; a clean exit is not an alert", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    expect(e.event("c1", "die", { exitCode: "0" }, s(0))).toEqual([]);
    expect(e.event("c1", "die", { exitCode: "137" }, s(1))).toEqual([
      expect.objectContaining({ type: "fire", rule: "container-down", message: "Exited unexpectedly with code 137" }),
    ]);
    expect(e.event("c1", "die", { exitCode: "137" }, s(2))).toEqual([]);
    expect(e.event("c1", "start", {}, s(3))).toEqual([expect.objectContaining({ type: "resolve", rule: "container-down" })]);
  });

  it("an exit someone asked for (stop, kill, rm -f) is not unexpected; the next crash is", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    expect(e.event("c1", "kill", { signal: "15" }, s(0))).toEqual([]);
    expect(e.event("c1", "kill", { signal: "9" }, s(10))).toEqual([]);
    expect(e.event("c1", "die", { exitCode: "137" }, s(10))).toEqual([]);
    expect(e.event("c1", "start", {}, s(20))).toEqual([]);
    expect(e.event("c1", "die", { exitCode: "2" }, s(30))).toEqual([expect.objectContaining({ type: "fire", rule: "container-down" })]);
  });

  it("a container found exited or unhealthy when watching starts fires once; a stop-like exit does not", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    expect(e.observe("c1", { exitCode: 3, unhealthy: false })).toEqual([expect.objectContaining({ type: "fire", rule: "container-down" })]);
    expect(e.observe("c1", { exitCode: 3, unhealthy: false })).toEqual([]);
    expect(e.observe("c2", { exitCode: 137, unhealthy: false })).toEqual([]);
    expect(e.observe("c3", { exitCode: 0, unhealthy: false })).toEqual([]);
    expect(e.observe("c4", { unhealthy: true })).toEqual([expect.objectContaining({ type: "fire", rule: "unhealthy" })]);
  });

  it("fires restart-loop above 3 restarts in an hour and quiets after the window", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    const fired = [0, 10, 20, 30, 40].flatMap((t) => e.event("c1", "start", {}, s(t)));
    expect(fired.filter((t) => t.rule === "restart-loop")).toEqual([expect.objectContaining({ type: "fire", message: "4 restarts within 60 min" })]);
    expect(e.tick(s(3000))).toEqual([]);
    expect(e.tick(s(3641))).toEqual([expect.objectContaining({ type: "resolve", rule: "restart-loop" })]);
  });

  it("follows health status and OOM kills", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    expect(e.health("c1", "starting")).toEqual([]);
    expect(e.health("c1", "unhealthy")[0]).toMatchObject({ type: "fire", rule: "unhealthy" });
    expect(e.health("c1", "unhealthy")).toEqual([]);
    expect(e.health("c1", "healthy")[0]).toMatchObject({ type: "resolve", rule: "unhealthy" });
    expect(e.event("c1", "oom", {}, s(2))[0]).toMatchObject({ type: "fire", rule: "oom-killed" });
  });

  it("resolves everything of a removed container, and what a disabled rule had firing", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    e.event("c1", "die", { exitCode: "1" }, s(0));
    e.event("c1", "oom", {}, s(0));
    expect(e.event("c1", "destroy", {}, s(1)).map((t) => t.type)).toEqual(["resolve", "resolve"]);
    e.event("c2", "die", { exitCode: "1" }, s(2));
    expect(e.setRules(DEFAULT_RULES.map((r) => (r.id === "container-down" ? { ...r, enabled: false } : r)))).toEqual([
      expect.objectContaining({ type: "resolve", container: "c2" }),
    ]);
    expect(e.event("c3", "die", { exitCode: "1" }, s(3))).toEqual([]);
  });

  it("honours edited thresholds", () => {
    const e = new AlertEvaluator(DEFAULT_RULES.map((r) => (r.id === "cpu-high" ? { ...r, threshold: 50, forSeconds: 0 } : r)));
    expect(e.sample("c1", 60, 0, 100, s(0))[0]).toMatchObject({ type: "fire", rule: "cpu-high" });
  });

  describe("a crash loop (restart policy always, exits after a second)", () => {
    /** One cycle: the container dies with code 1 at `t`, Docker starts it again at `t + 1`. */
    const crash = (e: AlertEvaluator, t: number) => [...e.event("c1", "die", { exitCode: "1" }, s(t)), ...e.event("c1", "start", {}, s(t + 1))];

    it("folds the crashes into the open restart loop: one loop incident that keeps counting, no new down incidents", () => {
      const e = new AlertEvaluator(DEFAULT_RULES);
      const before = [...e.event("c1", "start", {}, s(0)), ...[0, 2, 4, 6].flatMap((t) => crash(e, 1 + t))];
      // Down fires once and resolves on each restart; the fourth restart opens the loop.
      expect(before.filter((t) => t.type === "fire").map((t) => t.rule)).toEqual([
        "container-down",
        "container-down",
        "container-down",
        "container-down",
        "restart-loop",
      ]);

      const during = [10, 12, 14].flatMap((t) => crash(e, t));
      expect(during.every((t) => t.rule === "restart-loop" && t.type === "fire")).toBe(true);
      expect(during).toHaveLength(3);
      expect(during[0]!.message).toMatch(/^4 restarts within 60 min; last exit: exited unexpectedly with code 1$/);
      expect(e.firing()).toEqual([{ rule: "restart-loop", container: "c1" }]);
    });

    it("a container that stays down inside the loop is reported down once the loop calms down", () => {
      const e = new AlertEvaluator(DEFAULT_RULES);
      e.event("c1", "start", {}, s(0));
      [1, 3, 5, 7].forEach((t) => crash(e, t));
      // The restart policy gives up: a last crash, no start.
      expect(e.event("c1", "die", { exitCode: "1" }, s(20))).toEqual([expect.objectContaining({ rule: "restart-loop", type: "fire" })]);
      expect(e.tick(s(3000))).toEqual([]);
      expect(e.tick(s(3610))).toEqual([
        expect.objectContaining({ type: "resolve", rule: "restart-loop" }),
        expect.objectContaining({ type: "fire", rule: "container-down", message: "Exited unexpectedly with code 1" }),
      ]);
    });

    it("a loop restored after a restart of Berth stays open while restarts go on, and calms when they stop", () => {
      const e = new AlertEvaluator(DEFAULT_RULES);
      e.restore("restart-loop", "c1", "5 restarts within 60 min", s(0));
      expect(e.tick(s(10))).toEqual([]);
      expect(crash(e, 20)).toEqual([expect.objectContaining({ type: "fire", rule: "restart-loop" })]);
      [600, 1200, 1800, 2400].forEach((t) => crash(e, t));
      expect(e.tick(s(3601))).toEqual([]);
      expect(e.tick(s(6000))).toEqual([expect.objectContaining({ type: "resolve", rule: "restart-loop" })]);
    });

    it("a restored loop with no restarts since calms one window after its last occurrence", () => {
      const e = new AlertEvaluator(DEFAULT_RULES);
      e.restore("restart-loop", "c1", "5 restarts within 60 min", s(0));
      expect(e.tick(s(3599))).toEqual([]);
      expect(e.tick(s(3601))).toEqual([expect.objectContaining({ type: "resolve", rule: "restart-loop" })]);
    });
  });

  it("forgets a container that is gone: its firing alerts resolve and its restart history goes", () => {
    const e = new AlertEvaluator(DEFAULT_RULES);
    e.restore("container-down", "c1", "Exited unexpectedly with code 1");
    e.health("c1", "unhealthy");
    expect(e.forget("c1", "Container removed").map((t) => `${t.type} ${t.rule}`)).toEqual(["resolve container-down", "resolve unhealthy"]);
    expect(e.firing()).toEqual([]);
    expect(e.forget("c1", "Container removed")).toEqual([]);
  });
});
