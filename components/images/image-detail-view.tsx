"use client";

import { useQuery } from "@tanstack/react-query";
import { ArrowLeft, Tag, Trash2, TriangleAlert, Upload } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { PageHeader } from "@/components/page-header";
import { formatFullDate } from "@/components/containers/relative-time";
import { useResourcesSync } from "@/components/resources/use-resources-sync";
import { errorMessage } from "@/components/resources/use-run";
import { useCurrentUser } from "@/components/shell/current-user";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { KeyValueTable, Table, TableFrame, Td, Th } from "@/components/ui/table";
import { formatBytes, shortId } from "@/lib/format";
import { can } from "@/lib/policy";
import { imageHistoryQuery, imageQuery } from "@/lib/queries/images";
import { useImageActions } from "./use-image-actions";

const mono = (v: readonly string[] | string) => {
  const s = Array.isArray(v) ? (v as string[]).map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(" ") : (v as string);
  return s ? <code className="font-mono text-xs break-all">{s}</code> : <span className="text-faint">—</span>;
};

/** Cleans Docker's recorded instruction for reading: `/bin/sh -c #(nop) CMD ["sh"]` → `CMD ["sh"]`. */
function instruction(createdBy: string): string {
  return createdBy
    .replace(/^\/bin\/sh -c #\(nop\)\s*/, "")
    .replace(/^\/bin\/sh -c /, "RUN ")
    .trim();
}

export function ImageDetailView({ engine, imageRef }: { engine: string; imageRef: string }) {
  useResourcesSync(engine);
  const q = useQuery(imageQuery(engine, imageRef));
  const h = useQuery(imageHistoryQuery(engine, imageRef));
  const i = q.data;
  const title = i ? (i.repoTags[0] ?? `<none> ${shortId(i.id)}`) : imageRef;
  const user = useCurrentUser();
  const router = useRouter();
  // Once Docker deleted it there is nothing left to show here.
  const actions = useImageActions(engine, { onRemoved: () => router.push("/images") });
  return (
    <>
      <PageHeader
        title={
          <span className="font-mono" data-testid="image-title">
            {title}
          </span>
        }
        description={
          <Link href="/images" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft className="size-3.5" /> All images
          </Link>
        }
        actions={
          i && (
            <>
              {can(user.role, "images:tag") && (
                <Button variant="secondary" onClick={() => actions.tag(i)} data-testid="image-tag">
                  <Tag /> Tag
                </Button>
              )}
              {can(user.role, "images:push") && i.repoTags.length > 0 && (
                <Button variant="secondary" onClick={() => actions.push(i)} data-testid="image-push">
                  <Upload /> Push
                </Button>
              )}
              {can(user.role, "images:remove") && (
                <Button variant="secondary-danger" onClick={() => actions.remove([i])} data-testid="image-remove">
                  <Trash2 /> Remove
                </Button>
              )}
            </>
          )
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6">
        {q.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : !i ? (
          <div className="rounded-lg border border-line bg-surface">
            <EmptyState icon={TriangleAlert} tone="danger" title="Could not load this image">
              {errorMessage(q.error)}
            </EmptyState>
          </div>
        ) : (
          <>
            <div className="grid gap-4 lg:grid-cols-2">
              <Section title="Overview">
                <KeyValueTable
                  rows={[
                    ["ID", mono(i.id)],
                    [
                      "Tags",
                      i.repoTags.length ? (
                        <span className="flex flex-wrap gap-1">
                          {i.repoTags.map((t) => (
                            <code key={t} className="rounded bg-surface-2 px-1.5 font-mono text-xs">
                              {t}
                            </code>
                          ))}
                        </span>
                      ) : (
                        <span className="text-muted">none (dangling)</span>
                      ),
                    ],
                    ["Digests", i.repoDigests.length ? mono(i.repoDigests.join("\n")) : <span className="text-faint">— (never pushed or pulled)</span>],
                    ["Size", formatBytes(i.size)],
                    ["Created", formatFullDate(i.createdAt)],
                    ["Platform", `${i.os}/${i.architecture}`],
                    ["Layers", String(i.layers)],
                    [
                      "Used by",
                      i.usedBy.length ? (
                        <span className="flex flex-wrap gap-1.5">
                          {i.usedBy.map((c) => (
                            <Link key={c.id} href={`/containers/${encodeURIComponent(c.name)}`} className="text-accent hover:underline">
                              {c.name} <span className="text-muted">({c.state})</span>
                            </Link>
                          ))}
                        </span>
                      ) : (
                        <span className="text-muted">no containers</span>
                      ),
                    ],
                  ]}
                />
              </Section>
              <Section title="Config">
                <KeyValueTable
                  rows={[
                    ["Entrypoint", mono(i.config.entrypoint)],
                    ["Cmd", mono(i.config.cmd)],
                    ["User", i.config.user || <span className="text-muted">root (default)</span>],
                    ["Workdir", i.config.workingDir || <span className="text-muted">/ (default)</span>],
                    ["Exposed ports", i.config.exposedPorts.length ? mono(i.config.exposedPorts.join(", ")) : <span className="text-faint">—</span>],
                    ["Volumes", i.config.volumes.length ? mono(i.config.volumes.join(", ")) : <span className="text-faint">—</span>],
                    ...(i.config.stopSignal ? [["Stop signal", i.config.stopSignal] as const] : []),
                  ]}
                />
              </Section>
            </div>
            <Section title={`Environment (${i.config.env.length})`}>
              {i.config.env.length === 0 ? (
                <p className="py-2 text-[13px] text-muted">No environment variables.</p>
              ) : (
                <KeyValueTable
                  rows={i.config.env.map(
                    (e) => [e.key, e.value === null ? <span className="text-muted">•••••••• (looks secret)</span> : mono(e.value)] as const,
                  )}
                />
              )}
            </Section>
            <Section title={`Labels (${Object.keys(i.labels).length})`}>
              {Object.keys(i.labels).length === 0 ? (
                <p className="py-2 text-[13px] text-muted">No labels.</p>
              ) : (
                <KeyValueTable rows={Object.entries(i.labels).map(([k, v]) => [k, mono(v)] as const)} />
              )}
            </Section>
            <section>
              <h2 className="mb-2 text-[13px] font-semibold text-fg">Layer history (newest first)</h2>
              <TableFrame>
                <Table data-testid="image-history">
                  <thead>
                    <tr>
                      <Th>Created</Th>
                      <Th>Instruction</Th>
                      <Th className="text-right">Size</Th>
                    </tr>
                  </thead>
                  <tbody>
                    {(h.data ?? []).map((l, n) => (
                      <tr key={`${l.id}-${n}`}>
                        <Td className="whitespace-nowrap text-muted">{formatFullDate(l.createdAt)}</Td>
                        <Td>
                          <code className="block max-w-[60rem] font-mono text-xs break-all whitespace-pre-wrap" title={l.createdBy}>
                            {instruction(l.createdBy) || <span className="text-muted">{l.comment || "—"}</span>}
                          </code>
                        </Td>
                        <Td className="text-right whitespace-nowrap tabular">{l.size > 0 ? formatBytes(l.size) : <span className="text-faint">0 B</span>}</Td>
                      </tr>
                    ))}
                  </tbody>
                </Table>
              </TableFrame>
            </section>
          </>
        )}
      </div>
      {actions.dialogs}
    </>
  );
}
