"use client";

import { HardDrive, Network, Plug, Search, Tags } from "lucide-react";
import { useMemo, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import type { ContainerDetail } from "@/lib/wire";
import { PortLink } from "./port-links";

const none = <span className="text-faint">—</span>;
const mono = "font-mono text-xs break-all";

export function DetailPorts({ d }: { d: ContainerDetail }) {
  if (d.ports.length === 0)
    return (
      <EmptyState icon={Plug} title="No ports" className="py-10">
        This container exposes no ports.
      </EmptyState>
    );
  return (
    <TableFrame>
      <Table data-testid="ports-table">
        <thead>
          <tr>
            <Th>Container port</Th>
            <Th>Protocol</Th>
            <Th>Host address</Th>
            <Th>Host port</Th>
            <Th>Open</Th>
          </tr>
        </thead>
        <tbody>
          {d.ports.map((p, i) => (
            <tr key={i}>
              <Td className={mono}>{p.privatePort}</Td>
              <Td className="text-muted uppercase">{p.type}</Td>
              <Td className={mono}>{p.ip ?? none}</Td>
              <Td className={mono}>{p.publicPort ?? <span className="font-sans text-muted">not published</span>}</Td>
              <Td>{p.publicPort ? <PortLink port={p} /> : none}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}

export function DetailMounts({ d }: { d: ContainerDetail }) {
  if (d.mounts.length === 0)
    return (
      <EmptyState icon={HardDrive} title="No mounts" className="py-10">
        Everything this container writes stays in its own writable layer.
      </EmptyState>
    );
  return (
    <TableFrame>
      <Table data-testid="mounts-table">
        <thead>
          <tr>
            <Th>Type</Th>
            <Th>Source</Th>
            <Th>Destination</Th>
            <Th>Mode</Th>
            <Th>Access</Th>
          </tr>
        </thead>
        <tbody>
          {d.mounts.map((m, i) => (
            <tr key={i}>
              <Td>
                <Badge tone={m.type === "volume" ? "blue" : m.type === "bind" ? "violet" : "grey"}>{m.type}</Badge>
              </Td>
              <Td className={mono}>
                {m.name && m.type === "volume" ? (
                  <>
                    <span className="text-fg">{m.name}</span>
                    <span className="block text-faint">{m.source}</span>
                  </>
                ) : (
                  m.source || none
                )}
              </Td>
              <Td className={mono}>{m.destination}</Td>
              <Td className={mono}>{m.mode || none}</Td>
              <Td>{m.readWrite ? "read-write" : <Badge tone="amber">read-only</Badge>}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}

export function DetailNetworks({ d }: { d: ContainerDetail }) {
  if (d.networks.length === 0)
    return (
      <EmptyState icon={Network} title="No networks" className="py-10">
        This container is not attached to any network.
      </EmptyState>
    );
  return (
    <TableFrame>
      <Table data-testid="networks-table">
        <thead>
          <tr>
            <Th>Network</Th>
            <Th>IPv4</Th>
            <Th>IPv6</Th>
            <Th>Gateway</Th>
            <Th>MAC</Th>
            <Th>Aliases</Th>
          </tr>
        </thead>
        <tbody>
          {d.networks.map((n) => (
            <tr key={n.name}>
              <Td className="font-medium">{n.name}</Td>
              <Td className={mono}>{n.ipAddress ?? none}</Td>
              <Td className={mono}>{n.ipv6Address ?? none}</Td>
              <Td className={mono}>{n.gateway ?? none}</Td>
              <Td className={mono}>{n.macAddress ?? none}</Td>
              <Td className={mono}>{n.aliases.length ? n.aliases.join(", ") : none}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </TableFrame>
  );
}

export function DetailLabels({ d }: { d: ContainerDetail }) {
  const [q, setQ] = useState("");
  const entries = useMemo(() => Object.entries(d.labels).sort(([a], [b]) => a.localeCompare(b)), [d.labels]);
  const shown = useMemo(() => {
    const t = q.trim().toLowerCase();
    return t ? entries.filter(([k, v]) => k.toLowerCase().includes(t) || v.toLowerCase().includes(t)) : entries;
  }, [entries, q]);
  if (entries.length === 0) return <EmptyState icon={Tags} title="No labels" className="py-10" />;
  return (
    <div className="space-y-3">
      <div className="relative w-full sm:w-72">
        <Search className="pointer-events-none absolute top-1/2 left-2.5 size-4 -translate-y-1/2 text-faint" aria-hidden />
        <Input value={q} onChange={(e) => setQ(e.target.value)} placeholder="Filter labels" aria-label="Filter labels" className="pl-8" type="search" />
      </div>
      <TableFrame>
        <Table data-testid="labels-table">
          <thead>
            <tr>
              <Th className="w-2/5">Key</Th>
              <Th>Value</Th>
            </tr>
          </thead>
          <tbody>
            {shown.map(([k, v]) => (
              <tr key={k}>
                <Td className={`${mono} py-1.5 text-fg`}>{k}</Td>
                <Td className={`${mono} py-1.5`}>{v || <span className="font-sans text-faint italic">empty</span>}</Td>
              </tr>
            ))}
            {shown.length === 0 && (
              <tr>
                <Td colSpan={2} className="text-center text-muted">
                  No label matches “{q}”.
                </Td>
              </tr>
            )}
          </tbody>
        </Table>
      </TableFrame>
    </div>
  );
}

export function DetailRaw({ d }: { d: ContainerDetail }) {
  const json = useMemo(() => JSON.stringify(d.raw, null, 2), [d.raw]);
  return (
    <div className="space-y-3">
      <div className="flex items-center justify-between gap-2">
        <p className="text-[13px] text-muted">Docker&apos;s inspect document{d.secretsMasked ? ", with secret values masked" : ""}.</p>
        <CopyButton text={json} label="Copy JSON" />
      </div>
      <pre data-testid="raw-json" className="max-h-[70vh] overflow-auto rounded-lg border border-line bg-surface p-4 font-mono text-xs leading-relaxed text-fg">
        {json}
      </pre>
    </div>
  );
}
