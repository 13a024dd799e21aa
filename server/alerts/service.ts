import { DEFAULT_RULES, RULE_TITLES, type AlertKind, type AlertRule, type AlertSettings, type AlertWire, type SilenceWire } from "@/lib/alerts";
import type { Db } from "@/server/store/db";
import { containerFacts, findContainer, listAllContainers } from "@/server/docker/container-facts";
import type { Engine, EngineRegistry } from "@/server/docker/engines";
import { log } from "@/server/log";
import { containerEvents, type ContainerEvent } from "@/server/streams/container-events";
import type { StatsCollector } from "@/server/streams/stats-collector";
import { AlertEvaluator, type Transition } from "./evaluator";
import { decideFire, DEFAULT_RENOTIFY_SECONDS, type IncidentState } from "./incidents";
import { loadAlertSettings } from "./settings";
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
  count: number;
  last_at: string | null;
  notified_at: string | null;
  container_removed_at: string | null;
};

export function toAlertWire(r: AlertRow): AlertWire {
  return {
    id: r.id,
    rule: r.rule as AlertKind,
    engine: r.engine,
    container: r.container_id,
    containerName: r.container_name,
    containerExists: r.container_removed_at === null,
    status: r.status,
    message: r.message,
    startedAt: r.started_at,
    count: Number(r.count),
    lastAt: r.last_at ?? r.started_at,
    ...(r.resolved_at ? { resolvedAt: r.resolved_at } : {}),
    ...(r.acknowledged_by ? { acknowledgedBy: r.acknowledged_by, acknowledgedAt: r.acknowledged_at ?? undefined } : {}),
    silenced: r.silenced === 1,
  };
}

function incidentState(r: AlertRow): IncidentState {
  return {
    id: r.id,
    status: r.status,
    ...(r.resolved_at ? { resolvedAt: Date.parse(r.resolved_at) } : {}),
    ...(r.notified_at ? { notifiedAt: Date.parse(r.notified_at) } : {}),
  };
}

export async function loadRules(db: Db): Promise<AlertRule[]> {
  const rows = await db.selectFrom("alert_rules").selectAll().execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return DEFAULT_RULES.map((d) => {
    const r = byId.get(d.id);
    return r
      ? {
          id: d.id,
          enabled: r.enabled === 1,
          threshold: r.threshold,
          forSeconds: r.for_seconds,
          allowPrivateWebhook: r.allow_private_webhook === 1,
          ...(r.webhook_url ? { webhookUrl: r.webhook_url } : {}),
        }
      : d;
  });
}

export async function activeSilences(db: Db, now = new Date()): Promise<SilenceWire[]> {
  const rows = await db.selectFrom("silences").selectAll().where("until", ">", now.toISOString()).orderBy("until").execute();
  return rows.map((r) => ({
    id: r.id,
    until: r.until,
    reason: r.reason,
    createdBy: r.created_by,
    ...(r.rule ? { rule: r.rule as AlertKind } : {}),
    ...(r.container_name ? { containerName: r.container_name } : {}),
  }));
}

/**
 * Runs the alert rules against live samples and container events of every engine, records
 * incidents (one per rule and container, repeats counted on it), and notifies: a push for the
 * UI's toast and badge, and the rule's webhook — for a new incident and then at most once per
 * re-notify interval; skipped for silenced occurrences, which are still recorded. A container's
 * removal resolves its incidents.
 */
export class AlertService {
  private evaluator = new AlertEvaluator(DEFAULT_RULES);
  private rules: AlertRule[] = [...DEFAULT_RULES];
  private settings: AlertSettings = { renotifyIntervalSeconds: DEFAULT_RENOTIFY_SECONDS };
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
    await this.reloadSettings();
    for (const a of await this.db.selectFrom("alerts").selectAll().where("status", "=", "firing").execute()) {
      this.evaluator.restore(a.rule as AlertKind, `${a.engine}/${a.container_id}`, a.message, Date.parse(a.last_at ?? a.started_at));
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

  /**
   * What happened while Berth was not watching this engine: containers that went down or
   * unhealthy, and containers that were removed (their incidents resolve).
   */
  private async syncEngine(engine: Engine): Promise<void> {
    try {
      const listedAt = new Date().toISOString();
      const containers = await listAllContainers(engine);
      for (const c of containers) {
        const exited = c.state === "exited" ? /^Exited \((\d+)\)/.exec(c.status) : null;
        const seen = { ...(exited ? { exitCode: Number(exited[1]) } : {}), unhealthy: c.state === "running" && /\(unhealthy\)/.test(c.status) };
        this.apply(this.evaluator.observe(`${engine.id}/${c.id}`, seen));
      }
      const present = new Set(containers.map((c) => c.id));
      this.enqueue(async () => {
        // Only incidents older than the list: a container created since is missing from it but not gone.
        const known = await this.db
          .selectFrom("alerts")
          .select("container_id")
          .distinct()
          .where("engine", "=", engine.id)
          .where("container_removed_at", "is", null)
          .where("started_at", "<", listedAt)
          .execute();
        const gone = known.map((r) => r.container_id).filter((id) => !present.has(id));
        if (gone.length) await this.containersGone(engine.id, gone, "Container removed while Berth was not watching");
      });
    } catch (e) {
      log.warn({ engine: engine.id, err: (e as Error).message }, "alert state sync failed");
    }
  }

  /**
   * A new container took the name of one with open incidents: if the old one is gone (not just
   * renamed), its incidents resolve — otherwise a re-created service would show the old
   * container's alerts as its own, firing forever.
   */
  private async replacedByName(engine: string, id: string, name: string): Promise<void> {
    const older = await this.db
      .selectFrom("alerts")
      .select("container_id")
      .distinct()
      .where("engine", "=", engine)
      .where("container_name", "=", name)
      .where("container_id", "!=", id)
      .where("container_removed_at", "is", null)
      .execute();
    const gone: string[] = [];
    for (const { container_id } of older) if (!(await this.containerExists(engine, container_id))) gone.push(container_id);
    if (gone.length) await this.containersGone(engine, gone, "Replaced by a new container of the same name");
  }

  /** Resolves every open incident of these containers and marks all their alerts as of a removed container. */
  private async containersGone(engine: string, ids: readonly string[], reason: string): Promise<void> {
    for (const id of ids) this.evaluator.forget(`${engine}/${id}`, reason);
    const now = new Date().toISOString();
    const resolved = await this.db
      .updateTable("alerts")
      .set({ status: "resolved", resolved_at: now })
      .where("engine", "=", engine)
      .where("container_id", "in", ids)
      .where("status", "=", "firing")
      .executeTakeFirst();
    const marked = await this.db
      .updateTable("alerts")
      .set({ container_removed_at: now })
      .where("engine", "=", engine)
      .where("container_id", "in", ids)
      .where("container_removed_at", "is", null)
      .executeTakeFirst();
    log.info({ engine, containers: ids.length, resolved: Number(resolved.numUpdatedRows) }, `alerts of removed containers: ${reason}`);
    if (Number(resolved.numUpdatedRows) || Number(marked.numUpdatedRows)) this.sink.changed(await firingCount(this.db));
  }

  private async containerExists(engine: string, id: string): Promise<boolean> {
    try {
      return (await findContainer(this.engines.get(engine), id)) !== null;
    } catch {
      // Only a 404 means gone; an unreachable engine proves nothing.
      return true;
    }
  }

  /** Re-reads the alerting settings after an admin changes them; the next occurrence uses them. */
  async reloadSettings(): Promise<void> {
    this.settings = await loadAlertSettings(this.db);
  }

  /** Re-reads rules after an admin edits them; a disabled rule resolves what it had firing. */
  async reloadRules(): Promise<void> {
    this.rules = await loadRules(this.db);
    this.apply(this.evaluator.setRules(this.rules));
  }

  private onEvent = (ev: ContainerEvent) => {
    const key = `${ev.engine}/${ev.id}`;
    if (ev.action === "health_status") {
      if (ev.health) this.apply(this.evaluator.health(key, ev.health));
      return;
    }
    this.apply(this.evaluator.event(key, ev.action, ev.attributes, Date.now()));
    if (ev.action === "destroy") this.enqueue(() => this.containersGone(ev.engine, [ev.id], "Container removed"));
    else if (ev.action === "create" && ev.attributes.name) {
      const name = ev.attributes.name;
      this.enqueue(() => this.replacedByName(ev.engine, ev.id, name));
    }
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
    this.enqueue(() => this.record(transitions));
  }

  private enqueue(step: () => Promise<void>) {
    this.queue = this.queue.then(step).catch((e) => log.error({ err: (e as Error).message }, "alert recording failed"));
  }

  private async record(transitions: Transition[]) {
    const silences = await activeSilences(this.db);
    for (const t of transitions) {
      const slash = t.container.indexOf("/");
      const engine = t.container.slice(0, slash);
      const id = t.container.slice(slash + 1);
      if (t.type === "fire") {
        await this.occurred(t, engine, id, silences);
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

  /** One occurrence: opens an incident or counts on the latest one, and notifies when due. */
  private async occurred(t: Transition, engine: string, id: string, silences: readonly SilenceWire[]) {
    const now = new Date();
    const iso = now.toISOString();
    const latest = await this.db
      .selectFrom("alerts")
      .selectAll()
      .where("engine", "=", engine)
      .where("container_id", "=", id)
      .where("rule", "=", t.rule)
      .orderBy("id", "desc")
      .limit(1)
      .executeTakeFirst();
    const name = latest?.container_name ?? (await this.containerName(engine, id));
    const silenced = isSilenced(silences, t.rule, name, now.getTime());
    const decision = decideFire(latest && incidentState(latest), now.getTime(), this.settings.renotifyIntervalSeconds * 1000, silenced);
    const notifiedAt = decision.notify ? iso : undefined;
    const row =
      decision.kind === "open"
        ? await this.db
            .insertInto("alerts")
            .values({
              rule: t.rule,
              engine,
              container_id: id,
              container_name: name,
              status: "firing",
              message: t.message,
              started_at: iso,
              resolved_at: null,
              acknowledged_by: null,
              acknowledged_at: null,
              silenced: silenced ? 1 : 0,
              count: 1,
              last_at: iso,
              notified_at: notifiedAt ?? null,
              container_removed_at: null,
            })
            .returningAll()
            .executeTakeFirstOrThrow()
        : await this.db
            .updateTable("alerts")
            .set((eb) => ({
              count: eb("count", "+", 1),
              last_at: iso,
              message: t.message,
              silenced: silenced ? 1 : 0,
              status: "firing",
              resolved_at: null,
              ...(notifiedAt ? { notified_at: notifiedAt } : {}),
            }))
            .where("id", "=", decision.id)
            .returningAll()
            .executeTakeFirstOrThrow();
    const alert = toAlertWire(row);
    if (decision.kind === "open" || decision.reopen || decision.notify)
      log.warn({ rule: t.rule, container: name, silenced, count: alert.count }, `alert firing: ${t.message}`);
    if (!decision.notify) return;
    this.sink.fired(alert);
    const rule = this.rules.find((r) => r.id === t.rule);
    if (rule?.webhookUrl) void deliverWebhook(rule.webhookUrl, { event: "firing", title: RULE_TITLES[t.rule], alert }, rule.allowPrivateWebhook);
  }

  private async containerName(engine: string, id: string): Promise<string> {
    const meta = this.collectors.get(engine)?.meta(id);
    if (meta) return meta.name;
    try {
      return (await containerFacts(this.engines.get(engine), id)).name;
    } catch {
      return id.slice(0, 12);
    }
  }
}

export async function firingCount(db: Db): Promise<number> {
  const r = await db
    .selectFrom("alerts")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .where("status", "=", "firing")
    .where("silenced", "=", 0)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
