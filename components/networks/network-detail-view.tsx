"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Link2, TriangleAlert, Unlink } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { PageHeader } from "@/components/page-header";
import { formatFullDate } from "@/components/containers/relative-time";
import { useResourcesSync } from "@/components/resources/use-resources-sync";
import { errorMessage, runWithToast } from "@/components/resources/use-run";
import { useCurrentUser } from "@/components/shell/current-user";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/input";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { KeyValueTable, Table, TableFrame, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/policy";
import { containersQuery } from "@/lib/queries/containers";
import { connectNetwork, disconnectNetwork, networkKeys, networkQuery, removeNetwork } from "@/lib/queries/networks";
import { networkConnectSchema } from "@/lib/schemas";
import { firstIssue } from "@/lib/zod-messages";

function ConnectDialog({
  engine,
  network,
  attached,
  onClose,
  onDone,
}: {
  engine: string;
  network: string;
  attached: ReadonlySet<string>;
  onClose: () => void;
  onDone: () => void;
}) {
  const containers = useQuery(containersQuery(engine));
  const options = (containers.data ?? []).filter((c) => !attached.has(c.id));
  const [container, setContainer] = useState("");
  const [aliases, setAliases] = useState("");
  const [ipv4, setIpv4] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title={`Connect a container to ${network}`}>
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            const parsed = networkConnectSchema.safeParse({ container, aliases: aliases.split(/[\s,]+/).filter(Boolean), ipv4 });
            if (!parsed.success) return setError(firstIssue(parsed.error.issues).message);
            setError(null);
            connectNetwork(engine, network, parsed.data).then(
              () => {
                void runWithToast(`connect-${container}`, async () => container, { success: (c) => `Connected ${c} to ${network}`, failure: "" });
                onDone();
                onClose();
              },
              (err) => setError(errorMessage(err)),
            );
          }}
        >
          <Field label="Container" htmlFor="connect-container">
            <Select id="connect-container" data-testid="connect-container" value={container} onChange={(e) => setContainer(e.target.value)}>
              <option value="">Choose…</option>
              {options.map((c) => (
                <option key={c.id} value={c.name}>
                  {c.name} ({c.state})
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Aliases" htmlFor="connect-aliases" hint="DNS names on this network, space or comma separated (optional)">
            <Input id="connect-aliases" value={aliases} onChange={(e) => setAliases(e.target.value)} />
          </Field>
          <Field label="Static IPv4" htmlFor="connect-ip" hint="Optional; must be inside a user-set subnet">
            <Input id="connect-ip" data-testid="connect-ip" value={ipv4} onChange={(e) => setIpv4(e.target.value)} placeholder="automatic" />
          </Field>
          {error && (
            <p className="text-[13px] text-danger" role="alert" data-testid="form-error">
              {error}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" data-testid="connect-submit" disabled={!container}>
              Connect
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function NetworkDetailView({ engine, networkRef }: { engine: string; networkRef: string }) {
  useResourcesSync(engine);
  const user = useCurrentUser();
  const router = useRouter();
  const qc = useQueryClient();
  const q = useQuery({ ...networkQuery(engine, networkRef), refetchInterval: 5_000 });
  const n = q.data;
  const [connectOpen, setConnectOpen] = useState(false);
  const [removeOpen, setRemoveOpen] = useState(false);
  const refresh = () => void qc.invalidateQueries({ queryKey: networkKeys.list(engine) });
  const mayConnect = can(user.role, "networks:connect");
  const mayRemove = can(user.role, "networks:remove") && n && !n.predefined;
  return (
    <>
      <PageHeader
        title={<span data-testid="network-title">{networkRef}</span>}
        description={
          <Link href="/networks" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft className="size-3.5" /> All networks
          </Link>
        }
        actions={
          <>
            {mayConnect && n && (
              <Button onClick={() => setConnectOpen(true)} data-testid="network-connect">
                <Link2 /> Connect container
              </Button>
            )}
            {mayRemove && (
              <Button variant="secondary-danger" onClick={() => setRemoveOpen(true)} data-testid="network-remove">
                Remove
              </Button>
            )}
          </>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6">
        {q.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : !n ? (
          <div className="rounded-lg border border-line bg-surface">
            <EmptyState icon={TriangleAlert} tone="danger" title="Could not load this network">
              {errorMessage(q.error)}
            </EmptyState>
          </div>
        ) : (
          <>
            <div className="grid gap-4 lg:grid-cols-2">
              <Section title="Overview">
                <KeyValueTable
                  rows={[
                    [
                      "ID",
                      <code key="id" className="font-mono text-xs break-all">
                        {n.id}
                      </code>,
                    ],
                    ["Driver", n.driver],
                    ["Scope", n.scope],
                    ["Created", n.createdAt ? formatFullDate(n.createdAt) : "—"],
                    [
                      "Flags",
                      <span key="f" className="flex flex-wrap gap-1">
                        {n.predefined && <Badge>predefined (cannot be removed)</Badge>}
                        <Badge tone={n.internal ? "amber" : "grey"}>{n.internal ? "internal" : "external access"}</Badge>
                        {n.attachable && <Badge tone="blue">attachable</Badge>}
                        {n.ipv6 && <Badge tone="violet">IPv6</Badge>}
                      </span>,
                    ],
                  ]}
                />
              </Section>
              <Section title={`IPAM (${n.ipamDriver})`}>
                <KeyValueTable
                  rows={
                    n.subnets.length
                      ? n.subnets.flatMap((s, i) => [
                          [
                            `Subnet ${n.subnets.length > 1 ? i + 1 : ""}`.trim(),
                            <code key="s" className="font-mono text-xs">
                              {s.subnet}
                            </code>,
                          ] as const,
                          [
                            "Gateway",
                            <code key="g" className="font-mono text-xs">
                              {s.gateway ?? "—"}
                            </code>,
                          ] as const,
                          ...(s.ipRange
                            ? [
                                [
                                  "IP range",
                                  <code key="r" className="font-mono text-xs">
                                    {s.ipRange}
                                  </code>,
                                ] as const,
                              ]
                            : []),
                        ])
                      : [
                          [
                            "Subnet",
                            <span key="n" className="text-muted">
                              none
                            </span>,
                          ] as const,
                        ]
                  }
                />
                {Object.keys(n.options).length > 0 && (
                  <KeyValueTable
                    className="mt-2"
                    rows={Object.entries(n.options).map(
                      ([k, v]) =>
                        [
                          k,
                          <code key={k} className="font-mono text-xs">
                            {v}
                          </code>,
                        ] as const,
                    )}
                  />
                )}
              </Section>
            </div>
            <section>
              <h2 className="mb-2 text-[13px] font-semibold text-fg">Attached containers ({n.containers.length})</h2>
              {n.containers.length === 0 ? (
                <p className="rounded-lg border border-line bg-surface px-4 py-6 text-center text-[13px] text-muted">No containers are attached.</p>
              ) : (
                <TableFrame>
                  <Table data-testid="network-containers">
                    <thead>
                      <tr>
                        <Th>Container</Th>
                        <Th>IPv4</Th>
                        <Th className="hidden md:table-cell">IPv6</Th>
                        <Th className="hidden sm:table-cell">MAC</Th>
                        {mayConnect && <Th className="w-10" />}
                      </tr>
                    </thead>
                    <tbody>
                      {n.containers.map((c) => (
                        <tr key={c.id} data-testid="endpoint-row" data-name={c.name}>
                          <Td>
                            <Link href={`/containers/${encodeURIComponent(c.name)}`} className="font-medium hover:text-accent hover:underline">
                              {c.name}
                            </Link>
                          </Td>
                          <Td className="font-mono text-xs" data-testid="endpoint-ipv4">
                            {c.ipv4 ?? "—"}
                          </Td>
                          <Td className="hidden font-mono text-xs md:table-cell">{c.ipv6 ?? "—"}</Td>
                          <Td className="hidden font-mono text-xs sm:table-cell">{c.mac ?? "—"}</Td>
                          {mayConnect && (
                            <Td>
                              <Button
                                variant="ghost"
                                size="icon-sm"
                                aria-label={`Disconnect ${c.name}`}
                                onClick={() =>
                                  void runWithToast(`disc-${c.id}`, () => disconnectNetwork(engine, n.id, c.id), {
                                    success: () => `Disconnected ${c.name}`,
                                    failure: `Could not disconnect ${c.name}`,
                                  }).then(() => q.refetch())
                                }
                              >
                                <Unlink />
                              </Button>
                            </Td>
                          )}
                        </tr>
                      ))}
                    </tbody>
                  </Table>
                </TableFrame>
              )}
            </section>
          </>
        )}
      </div>
      {connectOpen && n && (
        <ConnectDialog
          engine={engine}
          network={n.name}
          attached={new Set(n.containers.map((c) => c.id))}
          onClose={() => setConnectOpen(false)}
          onDone={() => void q.refetch()}
        />
      )}
      {removeOpen && n && (
        <ConfirmDialog
          open
          onOpenChange={setRemoveOpen}
          title={`Remove network ${n.name}?`}
          description="Docker refuses while containers are attached and names them."
          confirmLabel="Remove"
          onConfirm={() =>
            void runWithToast(`net-rm-${n.id}`, () => removeNetwork(engine, n.id), {
              success: () => `Removed network ${n.name}`,
              failure: `Could not remove ${n.name}`,
            }).then((r) => {
              if (r !== undefined) {
                refresh();
                router.push("/networks");
              }
            })
          }
        />
      )}
    </>
  );
}
