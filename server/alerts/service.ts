import { DEFAULT_RULES, RULE_TITLES, type AlertKind, type AlertRule, type AlertWire, type SilenceWire } from "@/lib/alerts";
import type { Db } from "@/server/store/db";
import type { Engine, EngineRegistry } from "@/server/docker/engines";
import { log } from "@/server/log";
import { containerEvents, type ContainerEvent } from "@/server/streams/container-events";
import type { StatsCollector } from "@/server/streams/stats-collector";
import { AlertEvaluator, type Transition } from "./evaluator";
import { isSilenced } from "./silences";
import { deliverWebhook } from "./webhook";

const EVALUATE_MS = 1_000;

export interface AlertsSink {
  fired(alert: AlertWire): void;
  changed(firing: number): void;
}

type AlertRow = {
  id: number;
  rule: string;
  engine: string;
  container_id: string;
  container_name: string;
  status: "firing" | "resolved";
  message: string;
  started_at: string;
  resolved_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  silenced: number;
};

export function toAlertWire(r: AlertRow): AlertWire {
  return {
    id: r.id,
    rule: r.rule as AlertKind,
    engine: r.engine,
    container: r.container_id,
    containerName: r.container_name,
    status: r.status,
    message: r.message,
    startedAt: r.started_at,
    ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
    ...(r.acknowledged_by ? { acknowledgedBy: r.acknowledged_by, acknowledgedAt: r.acknowledged_at ?? undefined } : {}),
    silenced: r.silenced === 1,
  };
}

export async function loadRules(db: Db): Promise<AlertRule[]> {
  const rows = await db.selectFrom("alert_rules").selectAll().execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return DEFAULT_RULES.map((d) => {
    const r = byId.get(d.id);
    return r
      ? { id: d.id, enabled: r.enabled === 1, threshold: r.threshold, forSeconds: r.for_seconds, allowPrivateWebhook: r.allow_private_webhook === 1, ...(r.webhook_url ? { webhookUrl: r.webhook_url } : {}) }
      : d;
  });
}

export async function activeSilences(db: Db, now = new Date()): Promise<SilenceWire[]> {
  const rows = await db.selectFrom("silences").selectAll().where("until", ">", now.toISOString()).orderBy("until").execute();
  return rows.map((r) => ({ id: r.id, until: r.until, reason: r.reason, createdBy: r.created_by, ...(r.rule ? { rule: r.rule as AlertKind } : {}), ...(r.container_name ? { containerName: r.container_name } : {}) }));
}

/**
 * Runs the alert rules against live samples and container events of every engine, records
 * firing and resolved alerts, and notifies: a push for the UI's toast and badge, and the rule's
 * webhook — both skipped for silenced alerts, which are still recorded.
 */
export class AlertService {
  private evaluator = new AlertEvaluator(DEFAULT_RULES);
  private rules: AlertRule[] = [...DEFAULT_RULES];
  private timer?: NodeJS.Timeout;
  private queue: Promise<void> = Promise.resolve();
  private readonly unwatch: (() => void)[] = [];

  constructor(
    private readonly db: Db,
    private readonly engines: EngineRegistry,
    private readonly collectors: Map<string, StatsCollector>,
    private readonly sink: AlertsSink,
  ) {}

  async start(): Promise<void> {
    await this.reloadRules();
    for (const a of await this.db.selectFrom("alerts").selectAll().where("status", "=", "firing").execute()) {
      this.evaluator.restore(a.rule as AlertKind, `${a.engine}/${a.container_id}`, a.message);
    }
    containerEvents.on("event", this.onEvent);
    for (const engine of this.engines.list()) {
      const onStatus = (summary: { reachable: boolean }) => {
        if (summary.reachable) void this.syncEngine(engine);
      };
      engine.on("status", onStatus);
      this.unwatch.push(() => engine.off("status", onStatus));
      if (engine.reachable) void this.syncEngine(engine);
    }
    this.timer = setInterval(() => this.evaluate(), EVALUATE_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    containerEvents.off("event", this.onEvent);
    for (const off of this.unwatch.splice(0)) off();
  }

  /** Containers that went down or unhealthy while Berth was not watching this engine. */
  private async syncEngine(engine: Engine): Promise<void> {
    try {
      for (const c of await engine.docker.listContainers({ all: true })) {
        const exited = c.State === "exited" ? /^Exited \((\d+)\)/.exec(c.Status ?? "") : null;
        const seen = { ...(exited ? { exitCode: Number(exited[1]) } : {}), unhealthy: c.State === "running" && /\(unhealthy\)/.test(c.Status ?? "") };
        this.apply(this.evaluator.observe(`${engine.id}/${c.Id}`, seen));
      }
    } catch (e) {
      log.warn({ engine: engine.id, err: (e as Error).message }, "alert state sync failed");
    }
  }

  /** Re-reads rules after an admin edits them; a disabled rule resolves what it had firing. */
  async reloadRules(): Promise<void> {
    this.rules = await loadRules(this.db);
    this.apply(this.evaluator.setRules(this.rules));
  }

  private onEvent = (ev: ContainerEvent) => {
    this.apply(this.evaluator.event(`${ev.engine}/${ev.id}`, ev.action, ev.attributes, Date.now()));
  };

  private evaluate() {
    const now = Date.now();
    const out: Transition[] = this.evaluator.tick(now);
    for (const [engine, collector] of this.collectors) {
      for (const s of collector.latest()) out.push(...this.evaluator.sample(`${engine}/${s.container}`, s.cpuPercent, s.memUsage, s.memLimit, now));
    }
    this.apply(out);
  }

  /** Transitions are written one after another, so a resolve never overtakes its fire. */
  private apply(transitions: Transition[]) {
    if (!transitions.length) return;
    this.queue = this.queue.then(() => this.record(transitions)).catch((e) => log.error({ err: (e as Error).message }, "alert recording failed"));
  }

  private async record(transitions: Transition[]) {
    const silences = await activeSilences(this.db);
    for (const t of transitions) {
      const slash = t.container.indexOf("/");
      const engine = t.container.slice(0, slash);
      const id = t.container.slice(slash + 1);
      if (t.type === "fire") {
        const name = await this.containerName(engine, id);
        const silenced = isSilenced(silences, t.rule, name, Date.now());
        const row = await this.db
          .insertInto("alerts")
          .values({ rule: t.rule, engine, container_id: id, container_name: name, status: "firing", message: t.message, started_at: new Date().toISOString(), resolved_at: null, acknowledged_by: null, acknowledged_at: null, silenced: silenced ? 1 : 0 })
          .returningAll()
          .executeTakeFirstOrThrow();
        const alert = toAlertWire(row);
        log.warn({ rule: t.rule, container: name, silenced }, `alert firing: ${t.message}`);
        if (!silenced) {
          this.sink.fired(alert);
          const rule = this.rules.find((r) => r.id === t.rule);
          if (rule?.webhookUrl) void deliverWebhook(rule.webhookUrl, { event: "firing", title: RULE_TITLES[t.rule], alert }, rule.allowPrivateWebhook);
        }
      } else {
        await this.db
          .updateTable("alerts")
          .set({ status: "resolved", resolved_at: new Date().toISOString() })
          .where("rule", "=", t.rule)
          .where("engine", "=", engine)
          .where("container_id", "=", id)
          .where("status", "=", "firing")
          .execute();
      }
    }
    this.sink.changed(await firingCount(this.db));
  }

  private async containerName(engine: string, id: string): Promise<string> {
    const meta = this.collectors.get(engine)?.meta(id);
    if (meta) return meta.name;
    try {
      return (await this.engines.get(engine).docker.getContainer(id).inspect()).Name.replace(/^\//, "");
    } catch {
      return id.slice(0, 12);
    }
  }
}

export async function firingCount(db: Db): Promise<number> {
  const r = await db.selectFrom("alerts").select((eb) => eb.fn.countAll<number>().as("n")).where("status", "=", "firing").where("silenced", "=", 0).executeTakeFirstOrThrow();
  return Number(r.n);
}
