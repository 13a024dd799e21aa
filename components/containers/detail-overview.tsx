"use client";

import { Badge } from "@/components/ui/badge";
import { Section } from "@/components/ui/section";
import { KeyValueTable } from "@/components/ui/table";
import { shortId } from "@/lib/format";
import type { ContainerDetail } from "@/lib/wire";
import { cpuLimit, cpuShares, memoryLimit, pidsLimit, swapLimit } from "./format-limits";
import { LastLogLines } from "./last-log-lines";
import { formatFullDate, RelativeTime } from "./relative-time";
import { ShellCommand } from "./shell-command";
import { HealthBadge, StateBadge } from "./state-badge";

const none = <span className="text-faint">—</span>;

function Mono({ children }: { children: React.ReactNode }) {
  return <code className="font-mono text-xs break-all text-fg">{children}</code>;
}

function When({ iso }: { iso?: string }) {
  if (!iso) return none;
  return (
    <span>
      {formatFullDate(iso)} <span className="text-muted">(</span>
      <RelativeTime iso={iso} className="text-muted" />
      <span className="text-muted">)</span>
    </span>
  );
}

function restartPolicy(d: ContainerDetail): string {
  const { name, maximumRetryCount } = d.restartPolicy;
  if (name === "on-failure" && maximumRetryCount > 0) return `on-failure (max ${maximumRetryCount} retries)`;
  return name || "no";
}

function HealthSection({ d }: { d: ContainerDetail }) {
  const hc = d.healthcheck;
  if (!hc) return null;
  const last = hc.log.at(-1);
  // CMD-SHELL runs its one string with /bin/sh -c; CMD is an argv.
  const test =
    hc.test[0] === "CMD-SHELL" ? (
      <ShellCommand argv={hc.test.slice(1)} leading={["/bin/sh", "-c"]} testId="health-test" />
    ) : hc.test[0] === "CMD" && hc.test.length > 1 ? (
      <ShellCommand argv={hc.test.slice(1)} testId="health-test" />
    ) : null;
  return (
    <Section title="Health check" actions={<HealthBadge health={d.health} />}>
      <KeyValueTable
        rows={[
          ["Test", test ?? none],
          [
            "Failing streak",
            <span key="streak" className={hc.failingStreak > 0 ? "font-medium text-danger" : undefined} data-testid="failing-streak">
              {hc.failingStreak}
            </span>,
          ],
          [
            "Last check",
            last ? (
              <span key="last">
                <When iso={last.end || last.start} /> · exit code{" "}
                <span className={last.exitCode === 0 ? "text-fg" : "font-medium text-danger"}>{last.exitCode}</span>
              </span>
            ) : (
              <span className="text-muted">No check has run yet</span>
            ),
          ],
        ]}
      />
      {last && (
        <div className="py-3">
          <p className="mb-1.5 text-xs font-medium text-muted">Output of the last check</p>
          <pre
            data-testid="health-output"
            className="max-h-56 overflow-auto rounded-md border border-line bg-surface-2 p-3 font-mono text-xs whitespace-pre-wrap text-fg"
          >
            {last.output.trim() || "(no output)"}
          </pre>
        </div>
      )}
    </Section>
  );
}

export function DetailOverview({ engine, d }: { engine: string; d: ContainerDetail }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {/* An exited container's last words come first: what on-call opens the page for. */}
      {(d.state === "exited" || d.state === "dead") && <LastLogLines engine={engine} d={d} />}
      <Section title="State">
        <KeyValueTable
          rows={[
            [
              "State",
              <span key="state" className="flex flex-wrap items-center gap-1.5">
                <StateBadge state={d.state} status={d.status} exitCode={d.exitCode} />
                <HealthBadge health={d.health} />
              </span>,
            ],
            ["Status", d.status],
            [
              "Exit code",
              d.state === "running" || d.state === "created" ? (
                none
              ) : (
                <span className={d.exitCode !== 0 ? "font-medium text-danger" : undefined}>{d.exitCode}</span>
              ),
            ],
            ["OOM killed", d.oomKilled ? <Badge tone="red">yes — out of memory</Badge> : "no"],
            ["Error", d.error ? <span className="text-danger">{d.error}</span> : none],
            ["Started", <When key="s" iso={d.startedAt} />],
            ["Finished", d.state === "running" ? none : <When key="f" iso={d.finishedAt} />],
            ["Created", <When key="c" iso={d.createdAt} />],
            ["PID", d.pid > 0 ? <Mono>{d.pid}</Mono> : none],
            ["Restart policy", restartPolicy(d)],
            [
              "Restart count",
              <span key="rc" className={d.restartCount > 0 ? "font-medium text-amber-700 dark:text-amber-300" : undefined}>
                {d.restartCount}
              </span>,
            ],
          ]}
        />
      </Section>

      <Section title="Configuration">
        <KeyValueTable
          rows={[
            ["Image", <Mono key="i">{d.image}</Mono>],
            [
              "Image ID",
              <span key="iid" title={d.imageId}>
                <Mono>{shortId(d.imageId)}</Mono>
              </span>,
            ],
            ["Command", <ShellCommand key="cmd" argv={d.command} leading={d.entrypoint} testId="detail-command" />],
            ["Entrypoint", <ShellCommand key="ep" argv={d.entrypoint} testId="detail-entrypoint" />],
            ["Working dir", d.workingDir ? <Mono>{d.workingDir}</Mono> : none],
            ["User", d.user ? <Mono>{d.user}</Mono> : <span className="text-muted">default (image user, often root)</span>],
            ["Hostname", d.hostname ? <Mono>{d.hostname}</Mono> : none],
            ["TTY", d.tty ? "yes" : "no"],
            [
              "Compose",
              d.project ? (
                <span key="p">
                  {d.project}
                  {d.service && <span className="text-muted"> · service {d.service}</span>}
                </span>
              ) : (
                none
              ),
            ],
          ]}
        />
      </Section>

      <Section title="Resource limits">
        <KeyValueTable
          rows={[
            ["Memory", memoryLimit(d.limits.memoryBytes)],
            ["Memory + swap", swapLimit(d.limits.memorySwapBytes, d.limits.memoryBytes)],
            ["CPUs", cpuLimit(d.limits.nanoCpus)],
            ["CPU shares", cpuShares(d.limits.cpuShares)],
            ["PIDs", pidsLimit(d.limits.pidsLimit)],
          ]}
        />
      </Section>

      <HealthSection d={d} />
    </div>
  );
}
