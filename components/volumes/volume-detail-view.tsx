"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, Download, File, FileSymlink, Folder, FolderUp, TriangleAlert } from "lucide-react";
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useState } from "react";
import { PageHeader } from "@/components/page-header";
import { formatFullDate } from "@/components/containers/relative-time";
import { useResourcesSync } from "@/components/resources/use-resources-sync";
import { errorMessage, runWithToast } from "@/components/resources/use-run";
import { useCurrentUser } from "@/components/shell/current-user";
import { buttonClasses, Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Section } from "@/components/ui/section";
import { Skeleton } from "@/components/ui/skeleton";
import { KeyValueTable, Table, TableFrame, Td, Th } from "@/components/ui/table";
import { formatBytes } from "@/lib/format";
import { can } from "@/lib/policy";
import { parentPath, safeVolumePath } from "@/lib/resources/volume-path";
import { FilePreviewDialog } from "./file-preview-dialog";
import { MeasuredAgo } from "./measured-ago";
import { removeVolume, volumeFilesQuery, volumeKeys, volumeQuery, volumeUrl } from "@/lib/queries/volumes";
import { plural } from "@/lib/plural";

/**
 * The open folder lives in the URL (`?path=`): a reload or a shared link opens the same folder, and
 * Back goes to the folder before (pushState, which Next's useSearchParams follows).
 */
function useBrowsePath(): [string, (p: string) => void] {
  const sp = useSearchParams();
  const path = safeVolumePath(sp.get("path") ?? "/") ?? "/";
  const setPath = useCallback((next: string) => {
    const cur = new URLSearchParams(window.location.search);
    if (next === "/") cur.delete("path");
    else cur.set("path", next);
    const s = cur.toString();
    // null state: Next syncs useSearchParams only for pushes that are not its own (its own carry __NA).
    window.history.pushState(null, "", window.location.pathname + (s ? `?${s}` : ""));
  }, []);
  return [path, setPath];
}

function Browser({ engine, name }: { engine: string; name: string }) {
  const [path, setPath] = useBrowsePath();
  const [preview, setPreview] = useState<{ path: string; name: string; size: number } | null>(null);
  const q = useQuery(volumeFilesQuery(engine, name, path));
  const crumbs = path.split("/").filter(Boolean);
  return (
    <section>
      <div className="mb-2 flex items-center gap-1 text-[13px]" data-testid="browse-path">
        <span className="font-semibold text-fg">Files (read-only)</span>
        <span className="mx-2 text-faint">·</span>
        <button type="button" className="font-mono text-accent hover:underline" onClick={() => setPath("/")}>
          /
        </button>
        {crumbs.map((c, i) => (
          <span key={i} className="font-mono">
            <button type="button" className="text-accent hover:underline" onClick={() => setPath("/" + crumbs.slice(0, i + 1).join("/"))}>
              {c}
            </button>
            {i < crumbs.length - 1 && <span className="text-faint">/</span>}
          </span>
        ))}
      </div>
      {q.isPending ? (
        <Skeleton className="h-24 w-full" />
      ) : q.isError ? (
        <p className="rounded-lg border border-line bg-surface px-4 py-3 text-[13px] text-danger">{errorMessage(q.error)}</p>
      ) : (
        <TableFrame>
          <Table data-testid="volume-files">
            <thead>
              <tr>
                <Th>Name</Th>
                <Th className="hidden sm:table-cell">Mode</Th>
                <Th className="text-right">Size</Th>
                <Th className="hidden md:table-cell">Modified</Th>
                <Th className="w-10" />
              </tr>
            </thead>
            <tbody>
              {path !== "/" && (
                <tr>
                  <Td colSpan={5}>
                    <button type="button" className="inline-flex items-center gap-1.5 text-muted hover:text-fg" onClick={() => setPath(parentPath(path))}>
                      <FolderUp className="size-4" /> ..
                    </button>
                  </Td>
                </tr>
              )}
              {q.data.entries.length === 0 && (
                <tr>
                  <Td colSpan={5} className="text-center text-muted">
                    Empty directory
                  </Td>
                </tr>
              )}
              {q.data.entries.map((e) => {
                const child = `${path === "/" ? "" : path}/${e.name}`;
                const Icon = e.type === "dir" ? Folder : e.type === "symlink" ? FileSymlink : File;
                return (
                  <tr key={e.name} data-testid="file-row" data-name={e.name}>
                    <Td>
                      {e.type === "dir" ? (
                        <button type="button" className="inline-flex items-center gap-1.5 font-medium hover:text-accent" onClick={() => setPath(child)}>
                          <Icon className="size-4 text-accent" /> {e.name}
                        </button>
                      ) : e.type === "file" ? (
                        <button
                          type="button"
                          className="inline-flex min-w-0 items-center gap-1.5 text-left hover:text-accent"
                          data-testid="file-open"
                          onClick={() => setPreview({ path: child, name: e.name, size: e.size })}
                        >
                          <Icon className="size-4 shrink-0 text-muted" /> <span className="break-all">{e.name}</span>
                        </button>
                      ) : (
                        <span className="inline-flex items-center gap-1.5">
                          <Icon className="size-4 text-muted" /> {e.name}
                          {e.linkTarget && <span className="text-muted">→ {e.linkTarget}</span>}
                        </span>
                      )}
                    </Td>
                    <Td className="hidden font-mono text-xs text-muted sm:table-cell">{e.mode}</Td>
                    <Td className="text-right whitespace-nowrap tabular">{e.type === "file" ? formatBytes(e.size) : ""}</Td>
                    <Td className="hidden text-muted md:table-cell">{e.modifiedAt ? formatFullDate(e.modifiedAt) : ""}</Td>
                    <Td>
                      {e.type === "file" && (
                        <a
                          href={`${volumeUrl(engine, name)}/file?path=${encodeURIComponent(child)}`}
                          download
                          className={buttonClasses("ghost", "icon-sm")}
                          aria-label={`Download ${e.name}`}
                        >
                          <Download />
                        </a>
                      )}
                    </Td>
                  </tr>
                );
              })}
            </tbody>
          </Table>
        </TableFrame>
      )}
      {q.data?.truncated && <p className="mt-2 text-[13px] text-muted">Only the first {plural(q.data.entries.length, "entry")} are shown.</p>}
      {preview && (
        <FilePreviewDialog
          url={`${volumeUrl(engine, name)}/file?path=${encodeURIComponent(preview.path)}`}
          path={preview.path}
          fileName={preview.name}
          size={preview.size}
          onClose={() => setPreview(null)}
        />
      )}
    </section>
  );
}

export function VolumeDetailView({ engine, name }: { engine: string; name: string }) {
  useResourcesSync(engine);
  const user = useCurrentUser();
  const router = useRouter();
  const qc = useQueryClient();
  const q = useQuery(volumeQuery(engine, name));
  const v = q.data;
  const [removeOpen, setRemoveOpen] = useState(false);
  return (
    <>
      <PageHeader
        title={
          <span data-testid="volume-title" className="break-all">
            {name}
          </span>
        }
        description={
          <Link href="/volumes" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft className="size-3.5" /> All volumes
          </Link>
        }
        actions={
          <>
            {can(user.role, "volumes:backup") && v && (
              <a href={`${volumeUrl(engine, name)}/backup`} download className={buttonClasses("secondary")} data-testid="volume-backup">
                <Download /> Back up (.tar.gz)
              </a>
            )}
            {can(user.role, "volumes:remove") && v && (
              <Button variant="secondary-danger" onClick={() => setRemoveOpen(true)} data-testid="volume-remove">
                Remove
              </Button>
            )}
          </>
        }
      />
      <div className="space-y-4 px-4 py-4 sm:px-6">
        {q.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : !v ? (
          <div className="rounded-lg border border-line bg-surface">
            <EmptyState icon={TriangleAlert} tone="danger" title="Could not load this volume">
              {errorMessage(q.error)}
            </EmptyState>
          </div>
        ) : (
          <>
            <Section title="Overview">
              <KeyValueTable
                rows={[
                  ["Driver", v.driver],
                  [
                    "Size",
                    <span key="s" data-testid="volume-size">
                      {v.size === null ? "unknown" : formatBytes(v.size)}
                      {v.sizeMeasuredAt && (
                        <span className="text-muted">
                          {" "}
                          · <MeasuredAgo iso={v.sizeMeasuredAt} />
                        </span>
                      )}
                    </span>,
                  ],
                  [
                    "Mountpoint",
                    <code key="m" className="font-mono text-xs break-all">
                      {v.mountpoint}
                    </code>,
                  ],
                  ["Created", v.createdAt ? formatFullDate(v.createdAt) : "—"],
                  [
                    "Used by",
                    v.usedBy.length ? (
                      v.usedBy.map((c) => c.name).join(", ")
                    ) : (
                      <span key="u" className="text-muted">
                        no containers
                      </span>
                    ),
                  ],
                  [
                    "Options",
                    Object.keys(v.options).length ? (
                      <code key="o" className="font-mono text-xs">
                        {Object.entries(v.options)
                          .map(([k, val]) => `${k}=${val}`)
                          .join(" ")}
                      </code>
                    ) : (
                      "—"
                    ),
                  ],
                  [
                    "Labels",
                    Object.keys(v.labels).length ? (
                      <code key="l" className="font-mono text-xs">
                        {Object.entries(v.labels)
                          .map(([k, val]) => `${k}=${val}`)
                          .join(" ")}
                      </code>
                    ) : (
                      "—"
                    ),
                  ],
                ]}
              />
            </Section>
            {can(user.role, "volumes:browse") ? (
              <Browser engine={engine} name={name} />
            ) : (
              <p className="text-[13px] text-muted">Browsing files needs the operator role.</p>
            )}
          </>
        )}
      </div>
      {removeOpen && (
        <ConfirmDialog
          open
          onOpenChange={setRemoveOpen}
          title={`Remove volume ${name}?`}
          description="The data in it is deleted. Docker refuses while a container uses the volume and names it."
          confirmLabel="Remove"
          onConfirm={() =>
            void runWithToast(`vol-rm-${name}`, () => removeVolume(engine, name), {
              success: () => `Removed volume ${name}`,
              failure: `Could not remove ${name}`,
            }).then((r) => {
              if (r !== undefined) {
                void qc.invalidateQueries({ queryKey: volumeKeys.list(engine) });
                router.push("/volumes");
              }
            })
          }
        />
      )}
    </>
  );
}
