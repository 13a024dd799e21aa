import type { AlertKind, AlertRule } from "@/lib/alerts";

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
    if (cpu?.enabled) this.level("cpu-high", container, cpuPercent > cpu.threshold, now, cpu.forSeconds, `CPU ${cpuPercent.toFixed(0)} % above ${cpu.threshold} % for ${cpu.forSeconds} s`, out);
    const mem = this.rules.get("memory-high");
    if (mem?.enabled && memLimit > 0) {
      const pct = (memUsage / memLimit) * 100;
      this.level("memory-high", container, pct > mem.threshold, now, mem.forSeconds, `Memory ${pct.toFixed(0)} % of its limit, above ${mem.threshold} % for ${mem.forSeconds} s`, out);
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
        if (code !== 0 && !this.signalled.has(container)) this.edge("container-down", container, `Exited unexpectedly with code ${code}`, out);
        this.signalled.delete(container);
        this.level("cpu-high", container, false, now, 0, "", out);
        this.level("memory-high", container, false, now, 0, "", out);
        break;
      }
      case "start": {
        this.signalled.delete(container);
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
          if (restarts > loop.threshold) this.edge("restart-loop", container, `${restarts} restarts within ${Math.round(loop.forSeconds / 60)} min`, out);
        }
        break;
      }
      case "oom":
        this.edge("oom-killed", container, "Killed by the kernel: out of memory", out);
        break;
      case "health_status":
        if (attributes.health === "unhealthy" || attributes.health_status === "unhealthy") this.edge("unhealthy", container, "Health check failing", out);
        else this.clear("unhealthy", container, "Healthy again", out);
        break;
      case "destroy":
        for (const key of [...this.conditions.keys()]) {
          const [rule, c] = split(key);
          if (c === container) this.clear(rule, container, "Container removed", out);
        }
        this.starts.delete(container);
        this.signalled.delete(container);
        break;
    }
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
      this.edge("container-down", container, `Exited with code ${code} (found exited when Berth started watching)`, out);
    }
    if (seen.unhealthy) this.edge("unhealthy", container, "Health check failing", out);
    return out;
  }

  /** Quiet restart-loop alerts once the window holds no more than the threshold. */
  tick(now: number): Transition[] {
    const out: Transition[] = [];
    const loop = this.rules.get("restart-loop");
    if (!loop) return out;
    for (const [container, starts] of this.starts) {
      const recent = starts.filter((t) => t > now - loop.forSeconds * 1000);
      this.starts.set(container, recent);
      if (recent.length - 1 <= loop.threshold) this.clear("restart-loop", container, "Restarts calmed down", out);
    }
    return out;
  }

  firing(): { rule: AlertKind; container: string }[] {
    return [...this.conditions].filter(([, c]) => c.firing).map(([k]) => {
      const [rule, container] = split(k);
      return { rule, container };
    });
  }

  /** Marks alerts restored from the store as firing, so a restart neither re-fires nor forgets them. */
  restore(rule: AlertKind, container: string, message: string): void {
    this.conditions.set(`${rule}|${container}`, { firing: true, message });
  }

  private edge(rule: AlertKind, container: string, message: string, out: Transition[]) {
    if (!this.rules.get(rule)?.enabled) return;
    const key = `${rule}|${container}`;
    if (this.conditions.get(key)?.firing) return;
    this.conditions.set(key, { firing: true, message });
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

function split(key: string): [AlertKind, string] {
  const i = key.indexOf("|");
  return [key.slice(0, i) as AlertKind, key.slice(i + 1)];
}
