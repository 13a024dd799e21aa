import type { AlertKind, AlertRule } from "@/lib/alerts";
import type { HealthStatus } from "@/server/docker/container-action";

/**
 * `fire` is one occurrence of a rule's condition: the first opens an incident, later ones (a
 * crash folded into an open restart loop) count on it. `resolve` closes the incident.
 */
export interface Transition {
  type: "fire" | "resolve";
  rule: AlertKind;
  container: string;
  message: string;
}

interface Condition {
  /** When the condition started holding (ms), for rules with a for-duration. */
  since?: number;
  firing: boolean;
  message: string;
}

/**
 * The alert rules as a pure state machine: observations in (samples, container events, time),
 * fire/resolve transitions out. No I/O, so for-durations, windows and resolution are tested
 * with a fake clock.
 */
export class AlertEvaluator {
  private readonly conditions = new Map<string, Condition>();
  /** Start times (ms) per container, for restart-loop. */
  private readonly starts = new Map<string, number[]>();
  /**
   * Containers someone sent a signal to (`docker stop`, `kill`, `rm -f`, Berth's own buttons): the
   * exit that follows was asked for, so it is not "unexpected". The kernel's OOM killer sends no
   * `kill` event, and has its own rule.
   */
  private readonly signalled = new Set<string>();
  /** Containers whose last exit was unexpected and that have not started since (message kept). */
  private readonly down = new Map<string, string>();
  private rules: Map<AlertKind, AlertRule>;

  constructor(rules: readonly AlertRule[]) {
    this.rules = new Map(rules.map((r) => [r.id, r]));
  }

  setRules(rules: readonly AlertRule[]): Transition[] {
    this.rules = new Map(rules.map((r) => [r.id, r]));
    // A disabled rule resolves what it had firing.
    const out: Transition[] = [];
    for (const [key, c] of this.conditions) {
      const [rule, container] = split(key);
      if (!this.rules.get(rule)?.enabled) {
        if (c.firing) out.push({ type: "resolve", rule, container, message: "Rule disabled" });
        this.conditions.delete(key);
      }
    }
    return out;
  }

  /** A stats sample of a running container. */
  sample(container: string, cpuPercent: number, memUsage: number, memLimit: number, now: number): Transition[] {
    const out: Transition[] = [];
    const cpu = this.rules.get("cpu-high");
    if (cpu?.enabled)
      this.level(
        "cpu-high",
        container,
        cpuPercent > cpu.threshold,
        now,
        cpu.forSeconds,
        `CPU ${cpuPercent.toFixed(0)} % above ${cpu.threshold} % for ${cpu.forSeconds} s`,
        out,
      );
    const mem = this.rules.get("memory-high");
    if (mem?.enabled && memLimit > 0) {
      const pct = (memUsage / memLimit) * 100;
      this.level(
        "memory-high",
        container,
        pct > mem.threshold,
        now,
        mem.forSeconds,
        `Memory ${pct.toFixed(0)} % of its limit, above ${mem.threshold} % for ${mem.forSeconds} s`,
        out,
      );
    }
    return out;
  }

  /** A Docker container event (action as in the events API, attributes incl. exitCode). */
  event(container: string, action: string, attributes: Record<string, string>, now: number): Transition[] {
    const out: Transition[] = [];
    switch (action) {
      case "kill":
        this.signalled.add(container);
        break;
      case "die": {
        const code = Number(attributes.exitCode ?? 0);
        if (code !== 0 && !this.signalled.has(container)) this.unexpectedExit(container, `Exited unexpectedly with code ${code}`, out);
        this.signalled.delete(container);
        this.level("cpu-high", container, false, now, 0, "", out);
        this.level("memory-high", container, false, now, 0, "", out);
        break;
      }
      case "start": {
        this.signalled.delete(container);
        this.down.delete(container);
        this.clear("container-down", container, "Running again", out);
        this.clear("oom-killed", container, "Running again", out);
        const loop = this.rules.get("restart-loop");
        if (loop?.enabled) {
          const windowStart = now - loop.forSeconds * 1000;
          const starts = (this.starts.get(container) ?? []).filter((t) => t > windowStart);
          starts.push(now);
          this.starts.set(container, starts);
          // The first start is not a restart.
          const restarts = starts.length - 1;
          if (restarts > loop.threshold) this.edge("restart-loop", container, loopMessage(restarts, loop), out);
        }
        break;
      }
      case "oom":
        this.edge("oom-killed", container, "Killed by the kernel: out of memory", out);
        break;
      case "destroy":
        this.removed(container, "Container removed", out);
        break;
    }
    return out;
  }

  /** A health event (the status parsed from the action text or attributes by the events hub). */
  health(container: string, status: HealthStatus): Transition[] {
    const out: Transition[] = [];
    if (status === "unhealthy") this.edge("unhealthy", container, "Health check failing", out);
    else if (status === "healthy") this.clear("unhealthy", container, "Healthy again", out);
    return out;
  }

  /**
   * The container is gone (destroyed, or missing from the engine's list when Berth starts
   * watching, or replaced by a new container of the same name): its alerts resolve.
   */
  forget(container: string, message: string): Transition[] {
    const out: Transition[] = [];
    this.removed(container, message, out);
    return out;
  }

  /**
   * A container's state as listed when Berth starts watching an engine (at start, or when the
   * engine comes back): what happened while nobody watched. Exits by SIGKILL or SIGTERM (137,
   * 143) are usually someone's `docker stop`, which the listing cannot tell apart, so only other
   * non-zero codes count as down.
   */
  observe(container: string, seen: { exitCode?: number; unhealthy: boolean }): Transition[] {
    const out: Transition[] = [];
    const code = seen.exitCode;
    if (code !== undefined && code !== 0 && code !== 137 && code !== 143) {
      const message = `Exited with code ${code} (found exited when Berth started watching)`;
      // Not a new crash, only one seen late: inside an open restart loop it is already counted.
      if (this.isFiring("restart-loop", container)) this.down.set(container, message);
      else this.unexpectedExit(container, message, out);
    }
    if (seen.unhealthy) this.edge("unhealthy", container, "Health check failing", out);
    return out;
  }

  /**
   * Quiet restart-loop alerts once the window holds no more than the threshold. A container
   * that crashed for good inside the loop (its restart policy gave up) is down: that was folded
   * into the loop while it was open, so it fires now.
   */
  tick(now: number): Transition[] {
    const out: Transition[] = [];
    const loop = this.rules.get("restart-loop");
    if (!loop) return out;
    for (const [container, starts] of this.starts) {
      const recent = starts.filter((t) => t > now - loop.forSeconds * 1000);
      this.starts.set(container, recent);
      if (recent.length - 1 <= loop.threshold && this.isFiring("restart-loop", container)) {
        this.clear("restart-loop", container, "Restarts calmed down", out);
        const down = this.down.get(container);
        if (down) this.edge("container-down", container, down, out);
      }
    }
    return out;
  }

  firing(): { rule: AlertKind; container: string }[] {
    return [...this.conditions]
      .filter(([, c]) => c.firing)
      .map(([k]) => {
        const [rule, container] = split(k);
        return { rule, container };
      });
  }

  /**
   * Marks alerts restored from the store as firing, so a restart neither re-fires nor forgets
   * them. A restored restart loop gets its window back as restarts at its last occurrence
   * (`lastAt`, ms): it stays open while the container keeps restarting and calms down one
   * window after the last restart seen, as it would have without the restart of Berth.
   */
  restore(rule: AlertKind, container: string, message: string, lastAt?: number): void {
    this.conditions.set(`${rule}|${container}`, { firing: true, message });
    const loop = this.rules.get("restart-loop");
    if (rule === "restart-loop" && loop && lastAt !== undefined && !this.starts.has(container)) {
      this.starts.set(
        container,
        Array.from({ length: loop.threshold + 2 }, () => lastAt),
      );
    }
  }

  private isFiring(rule: AlertKind, container: string): boolean {
    return this.conditions.get(`${rule}|${container}`)?.firing === true;
  }

  /**
   * A non-zero exit nobody asked for. While the container's restart loop is open, the crash is
   * one more occurrence of the loop, not a "down" incident of its own: a crash loop is one
   * incident, not one per crash.
   */
  private unexpectedExit(container: string, message: string, out: Transition[]) {
    this.down.set(container, message);
    if (this.isFiring("restart-loop", container)) {
      const loop = this.rules.get("restart-loop")!;
      const restarts = Math.max(0, (this.starts.get(container)?.length ?? 1) - 1);
      out.push({
        type: "fire",
        rule: "restart-loop",
        container,
        message: `${loopMessage(restarts, loop)}; last exit: ${message.replace(/^Exited /, "exited ")}`,
      });
      return;
    }
    this.edge("container-down", container, message, out);
  }

  private removed(container: string, message: string, out: Transition[]) {
    for (const key of [...this.conditions.keys()]) {
      const [rule, c] = split(key);
      if (c === container) this.clear(rule, container, message, out);
    }
    this.starts.delete(container);
    this.signalled.delete(container);
    this.down.delete(container);
  }

  private edge(rule: AlertKind, container: string, message: string, out: Transition[]) {
    if (!this.rules.get(rule)?.enabled) return;
    const key = `${rule}|${container}`;
    if (this.conditions.get(key)?.firing) return;
    this.conditions.set(key, { firing: true, message });
    // A loop that opens takes over the container's "down" incident (usually already resolved by the start).
    if (rule === "restart-loop") this.clear("container-down", container, "Folded into “Restarting repeatedly”", out);
    out.push({ type: "fire", rule, container, message });
  }

  private clear(rule: AlertKind, container: string, message: string, out: Transition[]) {
    const key = `${rule}|${container}`;
    const c = this.conditions.get(key);
    if (!c) return;
    this.conditions.delete(key);
    if (c.firing) out.push({ type: "resolve", rule, container, message });
  }

  private level(rule: AlertKind, container: string, holds: boolean, now: number, forSeconds: number, message: string, out: Transition[]) {
    const key = `${rule}|${container}`;
    if (!holds) return this.clear(rule, container, "Back to normal", out);
    const c = this.conditions.get(key) ?? { since: now, firing: false, message };
    c.message = message;
    this.conditions.set(key, c);
    if (!c.firing && now - (c.since ?? now) >= forSeconds * 1000) {
      c.firing = true;
      out.push({ type: "fire", rule, container, message });
    }
  }
}

function loopMessage(restarts: number, loop: AlertRule): string {
  return `${restarts} restarts within ${Math.round(loop.forSeconds / 60)} min`;
}

function split(key: string): [AlertKind, string] {
  const i = key.indexOf("|");
  return [key.slice(0, i) as AlertKind, key.slice(i + 1)];
}
