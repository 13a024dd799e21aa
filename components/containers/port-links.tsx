"use client";

import { ExternalLink } from "lucide-react";
import { Tooltip } from "@/components/ui/tooltip";
import type { PortBinding } from "@/lib/wire";

export function portLabel(p: PortBinding): string {
  return p.publicPort ? `${p.publicPort}→${p.privatePort}/${p.type}` : `${p.privatePort}/${p.type}`;
}

/**
 * Published TCP ports link to the host the browser already uses for Berth: from the operator's
 * point of view that is the Docker host, whatever address Docker bound to.
 */
export function portHref(p: PortBinding): string | null {
  if (!p.publicPort || p.type !== "tcp" || typeof window === "undefined") return null;
  const host = window.location.hostname.includes(":") ? `[${window.location.hostname}]` : window.location.hostname;
  return `http://${host}:${p.publicPort}`;
}

export function PortLink({ port }: { port: PortBinding }) {
  const href = portHref(port);
  const label = portLabel(port);
  if (!href) return <span className="font-mono text-xs text-muted">{label}</span>;
  return (
    <a
      href={href}
      target="_blank"
      rel="noreferrer noopener"
      data-testid="port-link"
      title={`Open ${href}${port.ip && port.ip !== "0.0.0.0" && port.ip !== "::" ? ` (bound to ${port.ip})` : ""}`}
      className="inline-flex items-center gap-1 rounded font-mono text-xs text-accent hover:underline"
    >
      {label}
      <ExternalLink className="size-3 opacity-60" aria-hidden />
    </a>
  );
}

/** A compact list for table cells: the first two ports, the rest on hover. */
export function PortList({ ports, max = 2 }: { ports: readonly PortBinding[]; max?: number }) {
  if (ports.length === 0) return <span className="text-faint">—</span>;
  // Published ports first: those are the ones people click.
  const ordered = [...ports].sort((a, b) => Number(!!b.publicPort) - Number(!!a.publicPort));
  const shown = ordered.slice(0, max);
  const rest = ordered.slice(max);
  return (
    <div className="flex items-center gap-x-2 gap-y-0.5 whitespace-nowrap">
      {shown.map((p) => (
        <PortLink key={portLabel(p)} port={p} />
      ))}
      {rest.length > 0 && (
        <Tooltip content={<span className="font-mono">{rest.map(portLabel).join(", ")}</span>}>
          <button type="button" className="rounded px-1 text-xs text-muted hover:bg-hover">
            +{rest.length}
          </button>
        </Tooltip>
      )}
    </div>
  );
}
