"use client";

import { CalendarClock, Check, ChevronDown, History } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { Field, Input } from "@/components/ui/input";
import { TAIL_CHOICES, type LogViewState, type RangeKind, type TailChoice } from "@/lib/logs/url-state";

const RANGE_LABEL: Record<Exclude<RangeKind, "custom">, string> = {
  live: "Live tail",
  "5m": "Last 5 minutes",
  "15m": "Last 15 minutes",
  "1h": "Last hour",
  "24h": "Last 24 hours",
  start: "Since container start",
};
const RANGE_SHORT: Record<Exclude<RangeKind, "custom">, string> = {
  live: "Live tail",
  "5m": "Last 5 min",
  "15m": "Last 15 min",
  "1h": "Last hour",
  "24h": "Last 24 h",
  start: "Since start",
};

const pad = (n: number) => String(n).padStart(2, "0");

/** `datetime-local` value for an ISO time, in UTC or the browser's zone. */
function toInput(iso: string | undefined, utc: boolean): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (utc) return iso.slice(0, 19);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

function fromInput(v: string, utc: boolean): string | undefined {
  if (!v) return undefined;
  const ms = Date.parse(utc ? `${v.length === 16 ? `${v}:00` : v}Z` : v);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : undefined;
}

function shortTime(iso: string, utc: boolean): string {
  const v = toInput(iso, utc);
  return `${v.slice(5, 10)} ${v.slice(11, 16)}`;
}

export function rangeLabel(s: Pick<LogViewState, "range" | "since" | "until" | "utc">): string {
  if (s.range !== "custom") return RANGE_SHORT[s.range];
  const zone = s.utc ? " UTC" : "";
  if (s.since && s.until) return `${shortTime(s.since, s.utc)} → ${shortTime(s.until, s.utc)}${zone}`;
  if (s.since) return `From ${shortTime(s.since, s.utc)}${zone}`;
  return `Until ${shortTime(s.until!, s.utc)}${zone}`;
}

export function tailLabel(t: TailChoice): string {
  return t === "all" ? "All lines in range" : `Last ${t.toLocaleString("en-US")} lines`;
}

/** Time range: quick ranges that then follow live, since container start, or a fixed custom window. */
export function RangeMenu({ state, onChange }: { state: LogViewState; onChange: (patch: Partial<LogViewState>) => void }) {
  const [custom, setCustom] = useState(false);
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [error, setError] = useState<string | null>(null);

  const openCustom = () => {
    const now = Date.now();
    setSince(toInput(state.since ?? new Date(now - 3_600_000).toISOString(), state.utc));
    setUntil(toInput(state.until ?? (state.range === "custom" ? undefined : new Date(now).toISOString()), state.utc));
    setError(null);
    setCustom(true);
  };

  const apply = () => {
    const s = fromInput(since, state.utc);
    const u = fromInput(until, state.utc);
    if (!s && !u) return setError("Give a start, an end, or both.");
    if (s && u && s >= u) return setError("The end must be after the start.");
    onChange({ range: "custom", since: s, until: u });
    setCustom(false);
  };

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm" data-testid="range-menu" className="max-w-[15rem]">
            <History aria-hidden />
            <span className="truncate">{rangeLabel(state)}</span>
            <ChevronDown className="text-faint" aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="min-w-56">
          <DropdownMenuLabel>Time range</DropdownMenuLabel>
          {(Object.keys(RANGE_LABEL) as (keyof typeof RANGE_LABEL)[]).map((r) => (
            <DropdownMenuItem key={r} data-value={r} onSelect={() => onChange({ range: r, since: undefined, until: undefined })}>
              <Check className={state.range === r ? "" : "invisible"} aria-hidden />
              {RANGE_LABEL[r]}
              {r !== "live" && r !== "start" && <span className="ml-auto pl-3 text-xs text-faint">then live</span>}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem data-value="custom" onSelect={openCustom}>
            <Check className={state.range === "custom" ? "" : "invisible"} aria-hidden />
            Custom range…
            <CalendarClock className="ml-auto" aria-hidden />
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>

      <Dialog open={custom} onOpenChange={setCustom}>
        <DialogContent
          title="Custom time range"
          description={`Times are ${state.utc ? "UTC" : "in your browser's time zone"}. Leave the end empty to keep following live lines.`}
        >
          <form
            className="flex flex-col gap-3"
            onSubmit={(e) => {
              e.preventDefault();
              apply();
            }}
          >
            <Field label="From" htmlFor="range-since">
              <Input id="range-since" type="datetime-local" step={1} value={since} onChange={(e) => setSince(e.target.value)} data-testid="range-since" />
            </Field>
            <Field label="To" htmlFor="range-until" error={error}>
              <Input
                id="range-until"
                type="datetime-local"
                step={1}
                value={until}
                onChange={(e) => setUntil(e.target.value)}
                aria-invalid={!!error}
                data-testid="range-until"
              />
            </Field>
            <DialogFooter>
              <Button variant="secondary" onClick={() => setCustom(false)}>
                Cancel
              </Button>
              <Button type="submit" data-testid="range-apply">
                Apply range
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}

export function TailMenu({ value, onChange }: { value: TailChoice; onChange: (t: TailChoice) => void }) {
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="secondary" size="sm" data-testid="tail-menu" title="How much history to load first">
          <span className="hidden text-muted sm:inline">History</span>
          {value === "all" ? "all" : value.toLocaleString("en-US")}
          <ChevronDown className="text-faint" aria-hidden />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start">
        <DropdownMenuLabel>History loaded first</DropdownMenuLabel>
        {TAIL_CHOICES.map((t) => (
          <DropdownMenuItem key={String(t)} data-value={String(t)} onSelect={() => onChange(t)}>
            <Check className={value === t ? "" : "invisible"} aria-hidden />
            {tailLabel(t)}
          </DropdownMenuItem>
        ))}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
