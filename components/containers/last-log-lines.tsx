"use client";

import { useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import Link from "next/link";
import { useCallback } from "react";
import { spanStyle } from "@/components/logs/ansi-style";
import { buttonClasses } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ApiError } from "@/lib/api-client";
import { parseAnsi } from "@/lib/logs/ansi";
import { DEFAULT_ENGINE_ID } from "@/lib/logs/url-state";
import { LAST_LINES, lastLogLinesQuery } from "@/lib/queries/logs";
import type { ContainerDetail } from "@/lib/wire";
import { exitCodeMeaning } from "./exit-code";
import { RelativeTime } from "./relative-time";

/** A line longer than this is cut here: the overview is a glance, the log viewer has the rest. */
const MAX_LINE_CHARS = 2_000;

function logsViewerHref(engine: string, name: string): string {
  const sp = new URLSearchParams({ c: name });
  if (engine !== DEFAULT_ENGINE_ID) sp.set("engine", engine);
  return `/logs?${sp}`;
}

/** The segments that fit in `max` characters, the last one cut with an ellipsis when the line goes on. */
function fitSegments<S extends { text: string }>(segments: readonly S[], max: number): S[] {
  const out: S[] = [];
  let left = max;
  for (const s of segments) {
    if (left <= 0) break;
    out.push(s.text.length > left ? { ...s, text: `${s.text.slice(0, left)}…` } : s);
    left -= s.text.length;
  }
  return out;
}

function Line({ raw }: { raw: string }) {
  const { segments } = parseAnsi(raw.length > MAX_LINE_CHARS * 2 ? raw.slice(0, MAX_LINE_CHARS * 2) : raw);
  return (
    <div data-testid="last-log-line" className="min-h-[1lh]">
      {fitSegments(segments, MAX_LINE_CHARS).map((s, i) => {
        const text = s.text;
        const st = spanStyle(s.style);
        return st.className || st.style ? (
          <span key={i} className={st.className} style={st.style}>
            {text}
          </span>
        ) : (
          text
        );
      })}
    </div>
  );
}

/**
 * An exited container's last words and exit code, first on its overview: what on-call opens the
 * page for. The lines come from the plain logs download (`docker logs --tail 20`), colours kept.
 */
export function LastLogLines({ engine, d }: { engine: string; d: ContainerDetail }) {
  const query = useQuery(lastLogLinesQuery(engine, d.id, d.finishedAt));
  const meaning = exitCodeMeaning(d.exitCode, d.oomKilled);
  const failed = d.exitCode !== 0 || d.oomKilled;
  // The last line matters most: when long lines overflow the box, it opens at the end, like a terminal.
  const toBottom = useCallback((el: HTMLDivElement | null) => {
    if (el) el.scrollTop = el.scrollHeight;
  }, []);
  return (
    <section className="rounded-lg border border-line bg-surface lg:col-span-2" data-testid="last-log-lines">
      <header className="flex items-start justify-between gap-3 border-b border-line px-4 py-2.5">
        <div className="min-w-0" data-testid="exit-summary">
          <h2 className="text-[13px] font-semibold text-fg">
            {d.state === "dead" ? "Dead" : "Exited"} with code{" "}
            <span className={cn("font-mono tabular", failed ? "text-danger" : "text-fg")} data-testid="exit-code">
              {d.exitCode}
            </span>
          </h2>
          {(meaning || d.finishedAt) && (
            <p className="mt-0.5 text-xs text-muted">
              {meaning}
              {meaning && d.finishedAt && " · "}
              {d.finishedAt && <RelativeTime iso={d.finishedAt} />}
            </p>
          )}
        </div>
        <Link href={logsViewerHref(engine, d.name)} className={buttonClasses("ghost", "sm", "-mr-2 shrink-0")} data-testid="open-in-log-viewer">
          <ScrollText aria-hidden />
          <span className="hidden sm:inline">Open in log viewer</span>
          <span className="sm:hidden">Log viewer</span>
        </Link>
      </header>
      <div className="px-4 py-3">
        <p className="mb-1.5 text-xs font-medium text-muted">Last {LAST_LINES} lines of output</p>
        {query.isPending ? (
          <div className="h-24 animate-pulse rounded-md border border-line bg-surface-2" aria-label="Loading the last lines" />
        ) : query.isError ? (
          <p className="rounded-md border border-line bg-surface-2 p-3 text-[13px] text-danger" role="alert">
            Could not read its logs: {query.error instanceof ApiError ? query.error.message.replace(/\.$/, "") : "the server did not answer"}.
          </p>
        ) : query.data.length === 0 ? (
          <p className="rounded-md border border-line bg-surface-2 p-3 text-[13px] text-muted" data-testid="last-log-empty">
            No output
          </p>
        ) : (
          <div
            ref={toBottom}
            data-testid="last-log-text"
            className="max-h-[30rem] overflow-auto rounded-md border border-line bg-surface-2 px-3 py-2 font-mono text-xs leading-5 [overflow-wrap:anywhere] whitespace-pre-wrap text-fg"
          >
            {query.data.map((raw, i) => (
              <Line key={i} raw={raw} />
            ))}
          </div>
        )}
      </div>
    </section>
  );
}
