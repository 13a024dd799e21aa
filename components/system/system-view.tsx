"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { RefreshCw, Scissors, TriangleAlert } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { formatFullDate } from "@/components/containers/relative-time";
import { useResourcesSync } from "@/components/resources/use-resources-sync";
import { errorMessage, runWithToast } from "@/components/resources/use-run";
import { useCurrentUser } from "@/components/shell/current-user";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { KeyValueTable, Table, TableFrame, Td, Th } from "@/components/ui/table";
import { formatBytes } from "@/lib/format";
import { can } from "@/lib/policy";
import { diskUsageQuery, systemInfoQuery, systemPrune } from "@/lib/queries/system";
import { useState } from "react";
import { DiskUsageChart, KIND_LABEL } from "./disk-usage-chart";
import { EventsFeed } from "./events-feed";
import { SystemPruneDialog } from "./system-prune-dialog";
import { plural } from "@/lib/plural";

export function SystemView({ engine }: { engine: string }) {
  useResourcesSync(engine);
  const user = useCurrentUser();
  const qc = useQueryClient();
  const info = useQuery(systemInfoQuery(engine));
  const df = useQuery(diskUsageQuery(engine));
  const [pruneOpen, setPruneOpen] = useState(false);
  const i = info.data;
  const refresh = () => void qc.invalidateQueries({ queryKey: ["engines", engine, "system"] });
  return (
    <>
      <PageHeader
        title="System"
        description={
          i ? (
            <>
              Docker {i.serverVersion} (API {i.apiVersion}) on {i.name}
            </>
          ) : (
            <>Engine {engine}</>
          )
        }
        actions={
          <>
            {can(user.role, "system:prune") && (
              <Button variant="secondary" onClick={() => setPruneOpen(true)} data-testid="system-prune">
                <Scissors /> Prune…
              </Button>
            )}
            <Button variant="secondary" size="icon" aria-label="Refresh" onClick={refresh}>
              <RefreshCw className={cn((info.isFetching || df.isFetching) && "animate-spin")} />
            </Button>
          </>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6">
        {i && i.warnings.length > 0 && (
          <div
            className="rounded-lg border border-amber-500/30 bg-amber-50 px-4 py-3 text-[13px] text-amber-900 dark:bg-amber-500/10 dark:text-amber-200"
            data-testid="engine-warnings"
          >
            <p className="mb-1 flex items-center gap-2 font-semibold">
              <TriangleAlert className="size-4" /> Docker reports {plural(i.warnings.length, "warning")}
            </p>
            <ul className="list-disc pl-6">
              {i.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          </div>
        )}
        <div className="grid gap-4 lg:grid-cols-2">
          <Section title="Engine">
            {info.isPending ? (
              <Skeleton className="my-2 h-40 w-full" />
            ) : !i ? (
              <p className="py-2 text-[13px] text-danger">{errorMessage(info.error)}</p>
            ) : (
              <KeyValueTable
                rows={[
                  ["Version", `${i.serverVersion} · API ${i.apiVersion} · ${i.goVersion}`],
                  ["Host", `${i.name} · ${i.os} (${i.osType}/${i.architecture})`],
                  ["Kernel", i.kernel],
                  ["CPUs · memory", `${i.cpus} · ${formatBytes(i.memoryBytes)}`],
                  [
                    "Storage driver",
                    <span key="sd">
                      {i.storageDriver} <span className="text-muted">{i.storageDetails.map(([k, v]) => `${k}: ${v}`).join(" · ")}</span>
                    </span>,
                  ],
                  ["Cgroup", `v${i.cgroupVersion} · ${i.cgroupDriver} driver`],
                  [
                    "Runtimes",
                    <span key="rt">
                      {i.runtimes.map((r) => (
                        <Badge key={r} tone={r === i.defaultRuntime ? "blue" : "grey"} className="mr-1">
                          {r}
                          {r === i.defaultRuntime ? " (default)" : ""}
                        </Badge>
                      ))}
                    </span>,
                  ],
                  ["Logging driver", i.loggingDriver],
                  [
                    "Swarm",
                    <Badge key="sw" tone={i.swarm.state === "active" ? "green" : "grey"}>
                      {i.swarm.state}
                      {i.swarm.manager ? " · manager" : ""}
                    </Badge>,
                  ],
                  ["Containers", `${i.containers.total} (${i.containers.running} running, ${i.containers.paused} paused, ${i.containers.stopped} stopped)`],
                  ["Images", String(i.images)],
                  [
                    "Root dir",
                    <code key="rd" className="font-mono text-xs">
                      {i.dockerRootDir}
                    </code>,
                  ],
                ]}
              />
            )}
          </Section>
          <Section title={<>Disk usage {df.data && <span className="font-normal text-muted">· measured {formatFullDate(df.data.measuredAt)}</span>}</>}>
            {df.isPending ? (
              <Skeleton className="my-2 h-56 w-full" />
            ) : !df.data ? (
              <p className="py-2 text-[13px] text-danger">{errorMessage(df.error)}</p>
            ) : (
              <div className="py-2">
                <DiskUsageChart rows={df.data.rows} />
                <TableFrame className="mt-3">
                  <Table data-testid="df-table">
                    <thead>
                      <tr>
                        <Th>Type</Th>
                        <Th className="text-right">Total</Th>
                        <Th className="text-right">Active</Th>
                        <Th className="text-right">Size</Th>
                        <Th className="text-right">Reclaimable</Th>
                      </tr>
                    </thead>
                    <tbody>
                      {df.data.rows.map((r) => (
                        <tr key={r.kind}>
                          <Td>{KIND_LABEL[r.kind]}</Td>
                          <Td className="text-right tabular">{r.count}</Td>
                          <Td className="text-right tabular">{r.active}</Td>
                          <Td className="text-right tabular">{formatBytes(r.size)}</Td>
                          <Td className="text-right tabular">
                            {formatBytes(r.reclaimable)} {r.size > 0 && <span className="text-muted">({Math.round((r.reclaimable / r.size) * 100)}%)</span>}
                          </Td>
                        </tr>
                      ))}
                      <tr className="font-semibold">
                        <Td>Total</Td>
                        <Td />
                        <Td />
                        <Td className="text-right tabular">{formatBytes(df.data.totalSize)}</Td>
                        <Td className="text-right tabular" data-testid="df-reclaimable">
                          {formatBytes(df.data.totalReclaimable)}
                        </Td>
                      </tr>
                    </tbody>
                  </Table>
                </TableFrame>
              </div>
            )}
          </Section>
        </div>
        <EventsFeed engine={engine} />
      </div>
      {pruneOpen && (
        <SystemPruneDialog
          engine={engine}
          onClose={() => setPruneOpen(false)}
          onConfirm={(sel) =>
            void runWithToast("system-prune", () => systemPrune(engine, sel), {
              success: (r) => `Pruned · ${formatBytes(r.spaceReclaimed)} freed`,
              failure: "Prune failed",
            }).then(refresh)
          }
        />
      )}
    </>
  );
}
