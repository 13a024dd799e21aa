"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { BellOff, Check, CircleCheck, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { toast } from "sonner";
import { formatFullDate, RelativeTime } from "@/components/containers/relative-time";
import { PageHeader } from "@/components/page-header";
import { useCurrentUser } from "@/components/shell/current-user";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { RULE_TITLES, type AlertWire, type SilenceWire } from "@/lib/alerts";
import { ApiError } from "@/lib/api-client";
import { humanDuration } from "@/lib/format";
import { can } from "@/lib/policy";
import { ackAlert, alertKeys, alertRulesQuery, alertsQuery, endSilence, silencesQuery } from "@/lib/queries/alerts";
import { RenotifySetting } from "./renotify-setting";
import { RulesEditor, RulesSummary } from "./rules-editor";
import { SilenceDialog, type SilenceTarget } from "./silence-dialog";

function Card({
  title,
  count,
  actions,
  children,
  testId,
}: {
  title: string;
  count?: number;
  actions?: React.ReactNode;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <section className="rounded-lg border border-line bg-surface" data-testid={testId}>
      <header className="flex min-h-10 items-center justify-between gap-3 border-b border-line px-4 py-2">
        <h2 className="text-[13px] font-semibold text-fg">
          {title}
          {count !== undefined && <span className="ml-1.5 font-normal text-muted tabular">{count}</span>}
        </h2>
        {actions && <div className="flex items-center gap-2">{actions}</div>}
      </header>
      {children}
    </section>
  );
}

/**
 * The alert's container by name: a link while it exists; once removed, the plain name with a
 * "removed" marker (a link would open whatever container now has that name).
 */
function AlertContainer({ alert }: { alert: AlertWire }) {
  if (!alert.containerExists) {
    return (
      <span className="inline-flex min-w-0 items-center gap-1.5" data-testid="alert-container" data-exists="false">
        <span className="truncate font-medium text-muted" title={`${alert.containerName} (${alert.container.slice(0, 12)})`}>
          {alert.containerName}
        </span>
        <Badge tone="grey" data-testid="container-removed">
          removed
        </Badge>
      </span>
    );
  }
  return (
    <Link
      href={`/containers/${encodeURIComponent(alert.containerName)}`}
      className="truncate font-medium text-accent hover:underline"
      data-testid="alert-container"
      data-exists="true"
    >
      {alert.containerName}
    </Link>
  );
}

/** "×12": how many times the condition occurred in this incident (nothing for a single one). */
function OccurrenceCount({ count }: { count: number }) {
  if (count <= 1) return null;
  return (
    <span className="rounded bg-hover px-1.5 text-xs font-semibold text-fg tabular" title={`${count} occurrences in this incident`} data-testid="alert-count">
      ×{count}
    </span>
  );
}

function FiringItem({
  alert,
  canAck,
  canSilence,
  onSilence,
}: {
  alert: AlertWire;
  canAck: boolean;
  canSilence: boolean;
  onSilence: (t: SilenceTarget) => void;
}) {
  const qc = useQueryClient();
  const ack = useMutation({
    mutationFn: () => ackAlert(alert.id),
    onSuccess: () => void qc.invalidateQueries({ queryKey: alertKeys.all }),
    onError: (e) => toast.error(e instanceof ApiError ? e.message : "Could not acknowledge", { id: `ack-${alert.id}` }),
  });
  return (
    <li
      className="flex flex-col gap-2 border-b border-line px-4 py-3 last:border-b-0 sm:flex-row sm:items-start sm:justify-between"
      data-testid="alert-firing"
      data-rule={alert.rule}
      data-count={alert.count}
    >
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <Badge tone={alert.acknowledgedBy ? "amber" : "red"} dot>
            {RULE_TITLES[alert.rule] ?? alert.rule}
          </Badge>
          <OccurrenceCount count={alert.count} />
          <AlertContainer alert={alert} />
          {alert.silenced && (
            <Badge tone="grey">
              <BellOff className="size-3" aria-hidden /> silenced
            </Badge>
          )}
        </div>
        <p className="mt-1 text-[13px] break-words text-fg">{alert.message}</p>
        <p className="mt-0.5 text-xs text-muted">
          Firing since <RelativeTime iso={alert.startedAt} /> <span className="text-faint">({formatFullDate(alert.startedAt)})</span>
          {alert.count > 1 && (
            <>
              {" · "}
              {alert.count} times, last <RelativeTime iso={alert.lastAt} />
            </>
          )}
          {alert.acknowledgedBy && (
            <>
              {" · "}
              <span className="text-fg">
                acknowledged by <strong className="font-medium">{alert.acknowledgedBy}</strong>
              </span>
              {alert.acknowledgedAt && (
                <>
                  {" "}
                  <RelativeTime iso={alert.acknowledgedAt} />
                </>
              )}
            </>
          )}
        </p>
      </div>
      {(canAck || canSilence) && (
        <div className="flex shrink-0 gap-2">
          {canAck && !alert.acknowledgedBy && (
            <Button size="sm" variant="secondary" onClick={() => ack.mutate()} disabled={ack.isPending}>
              <Check aria-hidden /> {ack.isPending ? "Acknowledging…" : "Acknowledge"}
            </Button>
          )}
          {canSilence && (
            <Button size="sm" variant="ghost" onClick={() => onSilence({ rule: alert.rule, containerName: alert.containerName })}>
              <BellOff aria-hidden /> Silence…
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

function SilenceItem({ s, canEnd }: { s: SilenceWire; canEnd: boolean }) {
  const qc = useQueryClient();
  const end = useMutation({
    mutationFn: () => endSilence(s.id),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: alertKeys.all });
      toast.success("Silence ended");
    },
    onError: (e) => toast.error(e instanceof ApiError ? e.message : "Could not end the silence"),
  });
  const target = [s.rule ? RULE_TITLES[s.rule] : "Every rule", s.containerName ? `on ${s.containerName}` : "on every container"].join(" ");
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 border-b border-line px-4 py-2.5 last:border-b-0" data-testid="silence">
      <div className="min-w-0 text-[13px]">
        <div className="font-medium text-fg">{target}</div>
        <div className="text-xs text-muted">
          until {formatFullDate(s.until)} · by {s.createdBy} · “{s.reason}”
        </div>
      </div>
      {canEnd && (
        <Button size="sm" variant="secondary" onClick={() => end.mutate()} disabled={end.isPending}>
          End silence
        </Button>
      )}
    </li>
  );
}

/** Firing alerts first (acknowledge, silence), active silences, resolved history, and the rules. */
export function AlertsView() {
  const user = useCurrentUser();
  const canAck = can(user.role, "alerts:ack");
  const canSilence = can(user.role, "alerts:silence");
  const canManage = can(user.role, "alerts:manage");
  const alerts = useQuery(alertsQuery("all"));
  const silences = useQuery(silencesQuery());
  const rules = useQuery(alertRulesQuery());
  const [silenceFor, setSilenceFor] = useState<SilenceTarget | null>(null);

  const all = alerts.data?.alerts ?? [];
  const firing = all.filter((a) => a.status === "firing");
  const resolved = all.filter((a) => a.status === "resolved");
  const RESOLVED_SHOWN = 50;

  return (
    <div>
      <PageHeader
        title="Alerts"
        description="Built-in rules watch every container: exits, restart loops, health, CPU, memory and OOM kills."
        actions={
          canSilence && (
            <Button variant="secondary" onClick={() => setSilenceFor({})}>
              <BellOff aria-hidden /> Silence…
            </Button>
          )
        }
      />
      <div className="flex flex-col gap-4 p-4 sm:p-6">
        {alerts.isError && (
          <p role="alert" className="flex items-center gap-2 rounded-md bg-danger-soft px-3 py-2 text-[13px] text-danger">
            <TriangleAlert className="size-4" aria-hidden />
            {alerts.error instanceof ApiError ? alerts.error.message : "Could not load alerts"}
          </p>
        )}

        <Card title="Firing" count={alerts.data ? firing.length : undefined} testId="alerts-firing">
          {alerts.isPending ? (
            <div className="p-4">
              <Skeleton className="h-14" />
            </div>
          ) : firing.length === 0 ? (
            <EmptyState icon={CircleCheck} title="Nothing firing" className="py-8">
              Every container is within its rules.
            </EmptyState>
          ) : (
            <ul>
              {firing.map((a) => (
                <FiringItem key={a.id} alert={a} canAck={canAck} canSilence={canSilence} onSilence={setSilenceFor} />
              ))}
            </ul>
          )}
        </Card>

        {(silences.data?.length ?? 0) > 0 && (
          <Card title="Active silences" count={silences.data!.length} testId="alerts-silences">
            <ul>
              {silences.data!.map((s) => (
                <SilenceItem key={s.id} s={s} canEnd={canSilence} />
              ))}
            </ul>
          </Card>
        )}

        <Card title="Resolved" count={alerts.data ? resolved.length : undefined} testId="alerts-resolved">
          {resolved.length === 0 ? (
            <p className="px-4 py-4 text-[13px] text-muted">{alerts.isPending ? "Loading…" : "No resolved alerts yet."}</p>
          ) : (
            <TableFrame className="rounded-none border-0">
              <Table>
                <thead>
                  <tr>
                    <Th>Rule</Th>
                    <Th className="max-sm:hidden">Container</Th>
                    <Th className="max-sm:hidden">Message</Th>
                    <Th className="max-sm:hidden">Started</Th>
                    <Th>Resolved</Th>
                    <Th className="max-md:hidden">Lasted</Th>
                  </tr>
                </thead>
                <tbody>
                  {resolved.slice(0, RESOLVED_SHOWN).map((a) => (
                    <tr key={a.id} className="hover:bg-hover" data-testid="alert-resolved" data-rule={a.rule} data-count={a.count}>
                      <Td className="max-sm:max-w-[15rem]">
                        <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
                          {RULE_TITLES[a.rule] ?? a.rule}
                          <OccurrenceCount count={a.count} />
                        </span>
                        {/* On a phone the container goes under the rule instead of a column of its own. */}
                        <span className="mt-0.5 flex min-w-0 sm:hidden">
                          <AlertContainer alert={a} />
                        </span>
                      </Td>
                      <Td className="max-w-[14rem] max-sm:hidden">
                        <span className="flex min-w-0">
                          <AlertContainer alert={a} />
                        </span>
                      </Td>
                      <Td className="max-w-[28rem] truncate text-muted max-sm:hidden" title={a.message}>
                        {a.message}
                      </Td>
                      <Td className="whitespace-nowrap text-muted max-sm:hidden">
                        <RelativeTime iso={a.startedAt} compact />
                      </Td>
                      <Td className="whitespace-nowrap text-muted">{a.resolvedAt ? <RelativeTime iso={a.resolvedAt} compact /> : "—"}</Td>
                      <Td className="whitespace-nowrap text-muted max-md:hidden">
                        {a.resolvedAt ? humanDuration(Date.parse(a.resolvedAt) - Date.parse(a.startedAt)) : "—"}
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
              {resolved.length > RESOLVED_SHOWN && (
                <p className="px-4 py-2 text-xs text-muted">
                  Showing the latest {RESOLVED_SHOWN} of {resolved.length}.
                </p>
              )}
            </TableFrame>
          )}
        </Card>

        <Card title="Notifications" testId="alerts-notifications">
          <RenotifySetting canManage={canManage} />
        </Card>

        <Card title={canManage ? "Rules" : "Rules (admins edit)"} testId="alerts-rules">
          {rules.isPending ? (
            <div className="p-4">
              <Skeleton className="h-24" />
            </div>
          ) : rules.data ? (
            canManage ? (
              <RulesEditor rules={rules.data} />
            ) : (
              <RulesSummary rules={rules.data} />
            )
          ) : (
            <p className="px-4 py-3 text-[13px] text-danger">Could not load the rules.</p>
          )}
        </Card>
      </div>
      <SilenceDialog open={silenceFor !== null} onOpenChange={(o) => !o && setSilenceFor(null)} initial={silenceFor ?? undefined} />
    </div>
  );
}
