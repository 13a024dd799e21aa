"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, Input, Select } from "@/components/ui/input";
import { errorMessage, runWithToast } from "@/components/resources/use-run";
import { createNetwork } from "@/lib/queries/networks";
import { networkCreateSchema } from "@/lib/schemas";
import { fieldErrors } from "@/lib/zod-messages";

/** `key=value` lines (labels, driver options) into a map; returns the bad line on error. */
export function parsePairs(text: string): { map: Record<string, string> } | { bad: string } {
  const map: Record<string, string> = {};
  for (const line of text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)) {
    const eq = line.indexOf("=");
    if (eq <= 0) return { bad: line };
    map[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return { map };
}

export function CreateNetworkDialog({ engine, onClose, onCreated }: { engine: string; onClose: () => void; onCreated: () => void }) {
  const [f, setF] = useState({
    name: "",
    driver: "bridge",
    subnet: "",
    ipRange: "",
    gateway: "",
    internal: false,
    attachable: false,
    ipv6: false,
    ipv6Subnet: "",
    ipv6Gateway: "",
    labels: "",
    options: "",
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<typeof f>) => setF({ ...f, ...patch });

  const submit = async () => {
    const labels = parsePairs(f.labels);
    const options = parsePairs(f.options);
    if ("bad" in labels) return setErrors({ labels: `“${labels.bad}” is not key=value` });
    if ("bad" in options) return setErrors({ options: `“${options.bad}” is not key=value` });
    // Hidden IPv6 fields (IPv6 unticked) are not sent, so stale text cannot block the form.
    const ipv6Fields = f.ipv6 ? {} : { ipv6Subnet: "", ipv6Gateway: "" };
    const parsed = networkCreateSchema.safeParse({ ...f, ...ipv6Fields, labels: labels.map, options: options.map });
    if (!parsed.success) {
      return setErrors(fieldErrors(parsed.error.issues));
    }
    setErrors({});
    setBusy(true);
    try {
      await createNetwork(engine, parsed.data);
      void runWithToast(`net-create-${f.name}`, async () => f.name, { success: (n) => `Created network ${n}`, failure: "" });
      onCreated();
      onClose();
    } catch (e) {
      setErrors({ form: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open onOpenChange={(o) => !o && onClose()}>
      <DialogContent title="Create a network" className="!max-w-xl">
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <div className="grid grid-cols-2 gap-3">
            <Field label="Name" htmlFor="net-name" error={errors.name}>
              <Input
                id="net-name"
                data-testid="net-name"
                value={f.name}
                onChange={(e) => set({ name: e.target.value })}
                autoFocus
                aria-invalid={!!errors.name}
              />
            </Field>
            <Field
              label="Driver"
              htmlFor="net-driver"
              hint={
                f.driver === "overlay"
                  ? "Needs this engine to be a Swarm manager"
                  : f.driver === "macvlan" || f.driver === "ipvlan"
                    ? "Set parent=<host interface> under driver options"
                    : undefined
              }
              error={errors.driver}
            >
              <Select id="net-driver" value={f.driver} onChange={(e) => set({ driver: e.target.value })}>
                <option>bridge</option>
                <option>overlay</option>
                <option>macvlan</option>
                <option>ipvlan</option>
              </Select>
            </Field>
          </div>
          <div className="grid grid-cols-3 gap-3">
            <Field label="Subnet (CIDR)" htmlFor="net-subnet" error={errors.subnet} hint="e.g. 172.28.0.0/16">
              <Input
                id="net-subnet"
                data-testid="net-subnet"
                value={f.subnet}
                onChange={(e) => set({ subnet: e.target.value })}
                placeholder="automatic"
                aria-invalid={!!errors.subnet}
              />
            </Field>
            <Field label="IP range" htmlFor="net-range" error={errors.ipRange} hint="inside the subnet">
              <Input
                id="net-range"
                data-testid="net-range"
                value={f.ipRange}
                onChange={(e) => set({ ipRange: e.target.value })}
                placeholder="whole subnet"
                aria-invalid={!!errors.ipRange}
              />
            </Field>
            <Field label="Gateway" htmlFor="net-gateway" error={errors.gateway}>
              <Input
                id="net-gateway"
                data-testid="net-gateway"
                value={f.gateway}
                onChange={(e) => set({ gateway: e.target.value })}
                placeholder="first address"
                aria-invalid={!!errors.gateway}
              />
            </Field>
          </div>
          <div className="flex flex-wrap gap-4 text-[13px]">
            {(
              [
                ["internal", "Internal (no outside access)"],
                ["attachable", "Attachable"],
                ["ipv6", "IPv6"],
              ] as const
            ).map(([k, l]) => (
              <label key={k} className="flex items-center gap-2">
                <Checkbox checked={f[k]} onCheckedChange={(v) => set({ [k]: v })} aria-label={l} />
                {l}
              </label>
            ))}
          </div>
          {f.ipv6 && (
            <div className="grid grid-cols-3 gap-3" data-testid="net-ipv6-fields">
              <Field label="IPv6 subnet (CIDR)" htmlFor="net-ipv6-subnet" error={errors.ipv6Subnet} hint="dual stack, e.g. fd00:28::/64">
                <Input
                  id="net-ipv6-subnet"
                  data-testid="net-ipv6-subnet"
                  value={f.ipv6Subnet}
                  onChange={(e) => set({ ipv6Subnet: e.target.value })}
                  placeholder="from the daemon's pools"
                  aria-invalid={!!errors.ipv6Subnet}
                />
              </Field>
              <Field label="IPv6 gateway" htmlFor="net-ipv6-gateway" error={errors.ipv6Gateway}>
                <Input
                  id="net-ipv6-gateway"
                  data-testid="net-ipv6-gateway"
                  value={f.ipv6Gateway}
                  onChange={(e) => set({ ipv6Gateway: e.target.value })}
                  placeholder="first address"
                  aria-invalid={!!errors.ipv6Gateway}
                />
              </Field>
            </div>
          )}
          <div className="grid grid-cols-2 gap-3">
            <Field label="Labels" htmlFor="net-labels" hint="key=value, one per line" error={errors.labels}>
              <textarea
                id="net-labels"
                data-testid="net-labels"
                rows={3}
                value={f.labels}
                onChange={(e) => set({ labels: e.target.value })}
                className="w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 font-mono text-xs text-fg"
              />
            </Field>
            <Field label="Driver options" htmlFor="net-options" hint="e.g. com.docker.network.bridge.name=br-app" error={errors.options}>
              <textarea
                id="net-options"
                rows={3}
                value={f.options}
                onChange={(e) => set({ options: e.target.value })}
                className="w-full rounded-md border border-line-strong bg-surface px-2.5 py-1.5 font-mono text-xs text-fg"
              />
            </Field>
          </div>
          {errors.form && (
            <p className="text-[13px] text-danger" role="alert" data-testid="form-error">
              {errors.form}
            </p>
          )}
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" data-testid="net-submit" disabled={busy || !f.name.trim()}>
              Create
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
