"use client";

import { Boxes, Clock, Globe, Link2Off, ScrollText, SearchX, TriangleAlert, WrapText } from "lucide-react";
import Link from "next/link";
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { DialogTrigger } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Tooltip } from "@/components/ui/tooltip";
import { markerText, type LineEntry, type LogEntry } from "@/lib/logs/entries";
import { compileSearch } from "@/lib/logs/search";
import { formatKey, formatKeyFull, type TimeFormat } from "@/lib/logs/timestamps";
import { visibleRows } from "@/lib/logs/visible-rows";
import { effectiveWrap, permalinkQuery, type LogViewState, type ResolvedRange } from "@/lib/logs/url-state";
import { useHotkey } from "@/lib/use-hotkey";
import { gutterLabels } from "@/lib/logs/gutter-labels";
import { containerColor, type ContainerColor } from "./container-colors";
import { afterNextPaint } from "./after-next-paint";
import { ContainerPickerDialog, ContainerPickerList } from "./container-picker";
import { DownloadMenu, type DownloadTarget } from "./download-menu";
import { LogDetail } from "./log-detail";
import { LogList, type LogListHandle } from "./log-list";
import { gutterChars, MAX_DRAWN_CHARS, type GutterInfo } from "./log-row";
import { LevelChips, LogSearchBar } from "./log-search-bar";
import { LogStatusBar, type ViewStatus } from "./log-status-bar";
import { RangeMenu, TailMenu } from "./range-menu";
import { Segmented, ToggleButton } from "./toggle-button";
import { useLogStream } from "./use-log-stream";
import { useViewState } from "./use-view-state";
import { useWrapPreference } from "./use-wrap-preference";

/** Typing pauses this long before the view jumps to the first match (as a browser's find does). */
const SEARCH_JUMP_MS = 150;

/** The line with this key, by binary search: entries are sorted by key (markers included). */
function findLineSeq(entries: readonly LogEntry[], key: string): number | null {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1; // lo ≤ mid < hi ≤ length: in range
    if (entries[mid]!.key < key) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < entries.length && entries[i]!.key === key; i++) if (entries[i]!.kind === "line") return entries[i]!.seq;
  return null;
}

const getServerVersion = () => 0;

/** The page: `/logs?c=<ref>[,<ref>…]` — one container, or several merged by time. */
export function LogsView() {
  const view = useViewState();
  if (view.state.containers.length === 0) return <PickFirst state={view.state} onPick={(c) => view.update({ containers: c })} />;
  return <LogsViewer {...view} />;
}

function PickFirst({ state, onPick }: { state: LogViewState; onPick: (c: string[]) => void }) {
  const [draft, setDraft] = useState<string[]>([]);
  return (
    <div className="flex h-[calc(100dvh-3rem)] flex-col md:h-dvh">
      <div className="border-b border-line bg-surface px-4 pt-4 pb-3 sm:px-6">
        <h1 className="text-lg font-semibold tracking-tight text-fg">Logs</h1>
        <p className="mt-0.5 text-[13px] text-muted">Pick one container, several (merged by time), or a whole compose project.</p>
      </div>
      <div className="mx-auto flex min-h-0 w-full max-w-2xl flex-1 flex-col gap-3 p-4 sm:p-6">
        <ContainerPickerList engine={state.engine} selected={draft} onChange={setDraft} className="min-h-0 flex-1" />
        <div className="flex items-center justify-end gap-2">
          <span className="mr-auto text-xs text-muted">{draft.length} selected</span>
          <Button disabled={draft.length === 0} onClick={() => onPick(draft)} data-testid="picker-apply">
            <ScrollText aria-hidden />
            Show logs
          </Button>
        </div>
      </div>
    </div>
  );
}

function LogsViewer({ state, update, search, setSearch }: ReturnType<typeof useViewState>) {
  const { store, info } = useLogStream(state);
  const version = useSyncExternalStore(store.subscribe, store.getVersion, getServerVersion);
  const merged = state.containers.length > 1;
  // How long a store-driven update takes up to the painted frame — render, commit, style, layout
  // and paint, which at 10,000 lines/s cost more than React's part — and the store paces itself by it.
  // eslint-disable-next-line react-hooks/purity -- the render's start time is what this measures, read once per render
  const renderStart = performance.now();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- measured per store update (`version`), not per render
  useLayoutEffect(() => afterNextPaint(() => store.rendered(performance.now() - renderStart)), [store, version]);

  // ——— containers: names and colours from the ack, refs from the URL until then ———
  const gutters = useMemo(() => {
    const map = new Map<string, GutterInfo>();
    const labels = gutterLabels(info?.containers.map((c) => c.name) ?? []);
    info?.containers.forEach((c, i) => map.set(c.shortId, { name: c.name, label: labels[i] ?? c.name, color: containerColor(i) }));
    return map;
  }, [info]);
  const gutterFor = useCallback((c: string | undefined) => (c ? (gutters.get(c) ?? null) : null), [gutters]);
  const chips: readonly Chip[] = useMemo(
    () =>
      info
        ? info.containers.map((c, i) => ({ key: c.id, name: c.name, running: c.running, color: containerColor(i) }))
        : state.containers.map((ref, i) => ({ key: ref, name: ref, running: true, color: containerColor(i) })),
    [info, state.containers],
  );
  const targets: readonly DownloadTarget[] = useMemo(
    () => (info ? info.containers.map((c, i) => ({ ref: c.id, name: c.name, color: containerColor(i) })) : []),
    [info],
  );

  // ——— search and filters: compiled once per change, matches cached per line ———
  const deferredSearch = useDeferredValue(search);
  const compiled = useMemo(
    () => compileSearch({ q: deferredSearch, regex: state.regex, caseSensitive: state.caseSensitive }),
    [deferredSearch, state.regex, state.caseSensitive],
  );
  const matcher = compiled.ok ? compiled.matcher : null;
  // Every pass below runs on each store tick, 4 a second at 10,000 lines/s over up to 150,000
  // entries: the store hands over one ready array (with the "older lines dropped" marker already on
  // top) and running level counts, so a tick costs one copy and, only while filtering, one pass.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the store's change signal
  const entries = useMemo(() => store.rows(), [store, version]);
  const evicted = store.evicted;
  const view = useMemo(
    () => visibleRows(entries, { matcher, onlyMatching: state.onlyMatching, levels: state.levels }),
    [entries, matcher, state.onlyMatching, state.levels],
  );
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `version` is the store's change signal
  const counts = useMemo(() => store.levelCounts(), [store, version]);
  const heldLines = counts.error + counts.warn + counts.info + counts.debug + counts.unknown;
  const shownLines = view.lines ?? heldLines;

  // ——— time column: add the date when the lines span days or are not from today ———
  const withDate = useMemo(() => {
    const firstLine = entries.find((e) => e.kind === "line");
    const last = entries[entries.length - 1];
    if (!firstLine || !last) return false;
    const day = (key: string) => formatKey(key, { utc: state.utc, withDate: true }).slice(0, 10);
    const today = state.utc ? new Date().toISOString().slice(0, 10) : new Date().toLocaleDateString("sv-SE");
    return day(firstLine.key) !== day(last.key) || day(last.key) !== today;
  }, [entries, state.utc]);
  // A stable object: rows are memoised and must not all re-render on every store tick.
  const time: TimeFormat | null = useMemo(() => (state.timestamps ? { utc: state.utc, withDate } : null), [state.timestamps, state.utc, withDate]);

  // ——— following and the "new lines" count ———
  const [following, setFollowing] = useState(true);
  const [receivedAtPause, setReceivedAtPause] = useState(0);
  const onFollowingChange = useCallback(
    (on: boolean) => {
      setFollowing(on);
      if (!on) setReceivedAtPause(store.received);
    },
    [store],
  );

  // ——— match navigation ———
  const listRef = useRef<LogListHandle>(null);
  const [currentSeq, setCurrentSeq] = useState<number | null>(null);
  // `view.matches` holds indexes into `view.rows`, hence the `!`s here and in goMatch.
  const currentIndex = currentSeq === null ? -1 : view.matches.findIndex((i) => view.rows[i]!.seq === currentSeq);
  // The handlers and the search-as-you-type timer read the current match through refs, updated after each render.
  const currentSeqRef = useRef(currentSeq);
  useLayoutEffect(() => {
    currentSeqRef.current = currentSeq;
  }, [currentSeq]);
  // A new search starts without a current match.
  const [matcherOfSeq, setMatcherOfSeq] = useState(matcher);
  if (matcher !== matcherOfSeq) {
    setMatcherOfSeq(matcher);
    setCurrentSeq(null);
  }
  // Search as you type: a changed search jumps to its first match from what is on screen, after a
  // short pause in typing. Not for the search a link opened with: that view starts where it was.
  const goMatchRef = useRef<(dir: 1 | -1) => void>(() => {});
  const openedWith = useRef(matcher);
  useEffect(() => {
    if (!matcher || matcher === openedWith.current) return;
    const t = setTimeout(() => {
      currentSeqRef.current = null;
      goMatchRef.current(1);
    }, SEARCH_JUMP_MS);
    return () => clearTimeout(t);
  }, [matcher]);
  const goMatch = (dir: 1 | -1) => {
    const currentIndex = currentSeqRef.current === null ? -1 : view.matches.findIndex((i) => view.rows[i]!.seq === currentSeqRef.current);
    const m = view.matches;
    if (m.length === 0) return;
    let pos: number;
    if (currentIndex >= 0) pos = (currentIndex + dir + m.length) % m.length;
    else {
      // Like a browser's find: start from what is on screen.
      const [first, last] = listRef.current?.visibleRange() ?? [0, 0];
      if (dir === 1) {
        pos = m.findIndex((i) => i >= first);
        if (pos < 0) pos = 0;
      } else {
        pos = m.length - 1 - [...m].reverse().findIndex((i) => i <= last);
        if (pos >= m.length) pos = m.length - 1;
      }
    }
    const index = m[pos]!; // 0 ≤ pos < m.length
    const row = view.rows[index]!;
    currentSeqRef.current = row.seq;
    setCurrentSeq(row.seq);
    const at = row.kind === "line" && matcher ? matcher.ranges(row.plain)[0]?.[0] : undefined;
    listRef.current?.scrollToIndex(index, at === undefined ? undefined : gutterChars(merged, time) + at);
  };

  useLayoutEffect(() => {
    goMatchRef.current = goMatch;
  });

  // ——— a permalink's line: found once held, scrolled to once, highlighted while the link is open ———
  const linkedSeq = useMemo(() => (state.line ? findLineSeq(entries, state.line) : null), [entries, state.line]);
  const scrolledToLink = useRef<{ store: unknown; line: string } | null>(null);
  const backlogDone = store.phase === "live";
  useEffect(() => {
    if (!state.line || linkedSeq === null || !backlogDone) return;
    const done = scrolledToLink.current;
    if (done && done.store === store && done.line === state.line) return;
    const index = view.rows.findIndex((r) => r.seq === linkedSeq);
    if (index < 0) return; // hidden by a filter: nothing to scroll to
    scrolledToLink.current = { store, line: state.line };
    listRef.current?.scrollToIndex(index);
  }, [state.line, linkedSeq, backlogDone, view.rows, store]);
  const linkMissing = !!state.line && backlogDone && linkedSeq === null;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a line's link depends only on the engine and containers, so rows need not re-render when other view state changes
  const permalink = useCallback((e: LineEntry) => `/logs${permalinkQuery(state, e.key)}`, [state.engine, state.containers]);

  // ——— wrapping: the URL's choice, else the user's preference; a toggle sets both ———
  const [wrapPreference, setWrapPreference] = useWrapPreference();
  const wrap = effectiveWrap(state, wrapPreference);
  const onWrap = useCallback(
    (on: boolean) => {
      setWrapPreference(on);
      update({ wrap: on });
    },
    [setWrapPreference, update],
  );

  // ——— the expanded line ———
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  // Another stream (a new store) follows again and expands nothing: adjusted while rendering, as
  // React advises for state that resets with a prop, so no frame shows the old stream's choice.
  const [stateStore, setStateStore] = useState(store);
  if (store !== stateStore) {
    setStateStore(store);
    setFollowing(true);
    setSelectedSeq(null);
  }
  const onToggle = useCallback((seq: number) => setSelectedSeq((s) => (s === seq ? null : seq)), []);
  const selected = useMemo(() => {
    if (selectedSeq === null) return null;
    for (let i = entries.length - 1; i >= 0; i--) if (entries[i]!.seq === selectedSeq) return entries[i] as LineEntry;
    return null;
  }, [entries, selectedSeq]);

  // ——— status ———
  const [rate, setRate] = useState(0);
  useEffect(() => {
    const t = setInterval(() => setRate(store.rate()), 1_000);
    return () => clearInterval(t);
  }, [store]);
  const allEnded = info !== null && info.containers.length > 0 && info.containers.every((c) => store.ended.has(c.shortId));
  let status: ViewStatus;
  let detail: string | null = null;
  if (store.phase === "error") {
    status = "error";
    detail = store.error;
  } else if (store.phase === "connecting") status = "connecting";
  else if (store.phase === "backlog") status = "loading";
  else if (allEnded) {
    status = "ended";
    // Why, in the words of the newest end marker ("exited with code 3", "end of range").
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i]!;
      if (e.kind === "marker" && e.reason !== "skipped" && e.reason !== "dropped") {
        detail = markerText(e);
        break;
      }
    }
  } else {
    status = following ? "live" : "paused";
    // "Paused" alone could read as "the stream stopped": it is only the view that holds still.
    if (!following) detail = "scrolled up; lines keep arriving";
  }

  const searchRef = useRef<HTMLInputElement>(null);
  useHotkey("/", () => searchRef.current?.focus());

  const filtered = matcher !== null && state.onlyMatching;
  const empty =
    store.phase === "error" ? null : store.phase === "connecting" || store.phase === "backlog" ? (
      <span className="flex items-center gap-2 text-sm text-muted">
        <Spinner /> {store.phase === "connecting" ? "Connecting…" : "Loading history…"}
      </span>
    ) : entries.length === 0 ? (
      <EmptyState icon={ScrollText} title="No log lines yet">
        {state.range === "live" ? "Nothing written in this range. New lines appear here as they are written." : "Nothing was written in this time range."}
      </EmptyState>
    ) : (
      <EmptyState icon={SearchX} title="No lines match">
        {filtered ? "Only matching lines are shown. " : ""}Change the search or the level filter.
      </EmptyState>
    );

  return (
    <div className="flex h-[calc(100dvh-3rem)] flex-col md:h-dvh" data-testid="logs-view" data-merged={merged}>
      <ViewControls
        state={state}
        update={update}
        chips={chips}
        targets={targets}
        range={info?.range ?? null}
        merged={merged}
        downloadQ={deferredSearch}
        wrap={wrap}
        onWrap={onWrap}
      />

      {/* Search and level filter */}
      <div className="border-b border-line bg-surface px-3 py-1.5 sm:px-4">
        <LogSearchBar
          ref={searchRef}
          value={search}
          onChange={setSearch}
          regex={state.regex}
          onRegex={(regex) => update({ regex })}
          caseSensitive={state.caseSensitive}
          onCase={(caseSensitive) => update({ caseSensitive })}
          onlyMatching={state.onlyMatching}
          onOnlyMatching={(onlyMatching) => update({ onlyMatching })}
          current={currentIndex >= 0 ? currentIndex : null}
          total={view.matches.length}
          error={compiled.ok ? null : compiled.error}
          onNext={() => goMatch(1)}
          onPrev={() => goMatch(-1)}
        >
          <div className="flex items-center lg:ml-auto">
            <LevelChips levels={state.levels} counts={counts} onChange={(levels) => update({ levels })} />
          </div>
        </LogSearchBar>
      </div>

      {store.phase === "error" && (
        <div role="alert" className="flex items-center gap-2 border-b border-line bg-danger-soft px-4 py-2 text-[13px] text-danger" data-testid="log-error">
          <TriangleAlert className="size-4 shrink-0" aria-hidden />
          <span className="min-w-0">{store.error}</span>
        </div>
      )}

      {linkMissing && (
        <div
          role="status"
          className="flex items-center gap-2 border-b border-line bg-amber-50 px-4 py-1.5 text-[13px] text-amber-800 dark:bg-amber-500/10 dark:text-amber-300"
          data-testid="log-link-missing"
        >
          <Link2Off className="size-4 shrink-0" aria-hidden />
          <span className="min-w-0">
            The linked line ({formatKeyFull(state.line!, state.utc)}) is not in this view: it may have been removed, or more lines around it were written than
            the view holds.
          </span>
        </div>
      )}

      <LogList
        ref={listRef}
        wrap={wrap}
        permalink={permalink}
        linkedSeq={linkedSeq}
        rows={view.rows}
        gutterFor={gutterFor}
        merged={merged}
        time={time}
        matcher={matcher}
        currentMatchSeq={currentSeq}
        selectedSeq={selectedSeq}
        onToggle={onToggle}
        following={following}
        onFollowingChange={onFollowingChange}
        newLines={following ? 0 : store.received - receivedAtPause}
        empty={empty}
        contentChars={gutterChars(merged, time) + Math.min(store.maxLineLength, MAX_DRAWN_CHARS) + 24}
      />
      {selectedSeq !== null && (
        <LogDetail
          entry={selected}
          gutter={selected ? gutterFor(selected.container) : null}
          utc={state.utc}
          matcher={matcher}
          permalink={selected ? permalink(selected) : null}
          onClose={() => setSelectedSeq(null)}
        />
      )}
      <LogStatusBar
        status={status}
        detail={detail}
        held={heldLines}
        shown={shownLines}
        rate={rate}
        skipped={store.skippedTotal}
        dropped={evicted}
        capacity={store.capacity}
      />
    </div>
  );
}

interface Chip {
  key: string;
  name: string;
  running: boolean;
  color: ContainerColor;
}

/**
 * Header and display controls. Memoised: they depend on the URL state and the subscription, not
 * on the stream, so the 4-a-second store updates skip them.
 */
const ViewControls = memo(function ViewControls({
  state,
  update,
  chips,
  targets,
  range,
  merged,
  downloadQ,
  wrap,
  onWrap,
}: {
  state: LogViewState;
  update: (patch: Partial<LogViewState>) => void;
  chips: readonly Chip[];
  targets: readonly DownloadTarget[];
  range: ResolvedRange | null;
  merged: boolean;
  /** The search as shown (the URL's copy lags behind typing). */
  downloadQ: string;
  wrap: boolean;
  onWrap: (on: boolean) => void;
}) {
  const downloadState = useMemo(() => ({ ...state, q: downloadQ }), [state, downloadQ]);
  return (
    <>
      {/* Header: what is being watched */}
      <div className="flex items-start gap-x-3 border-b border-line bg-surface px-3 py-2 sm:px-4">
        <h1 className="mt-0.5 text-base font-semibold tracking-tight text-fg">Logs</h1>
        <div className="flex min-w-0 flex-1 [scrollbar-width:none] items-center gap-1.5 overflow-x-auto sm:flex-wrap" data-testid="log-containers">
          {chips.map((c) => (
            <Link
              key={c.key}
              href={`/containers/${encodeURIComponent(c.name)}`}
              title={`Open ${c.name}`}
              className="inline-flex h-6 max-w-[14rem] shrink-0 items-center gap-1.5 rounded-full border border-line bg-surface-2/60 px-2 text-xs font-medium text-fg hover:bg-hover"
            >
              <span aria-hidden className={cn("h-3 w-[3px] shrink-0 rounded-full", merged ? c.color.bar : c.running ? "bg-emerald-500" : "bg-zinc-400")} />
              <span className="truncate">{c.name}</span>
            </Link>
          ))}
          <ContainerPickerDialog
            engine={state.engine}
            selected={state.containers}
            onApply={(c) => update({ containers: c })}
            trigger={
              <DialogTrigger asChild>
                <Button variant="ghost" size="sm" data-testid="change-containers" aria-label="Choose containers">
                  <Boxes aria-hidden />
                  <span className="hidden sm:inline">{merged ? "Change" : "Add / change"}</span>
                </Button>
              </DialogTrigger>
            }
          />
        </div>
        <DownloadMenu engine={state.engine} targets={targets} state={downloadState} range={range} />
      </div>

      {/* What is read, and how it is shown; wraps onto a second row on a phone */}
      <div className="flex flex-wrap items-center gap-1.5 border-b border-line bg-surface px-3 py-1.5 sm:px-4">
        <RangeMenu state={state} onChange={update} />
        <TailMenu value={state.tail} onChange={(tail) => update({ tail })} />
        <Segmented
          label="Streams"
          testId="streams"
          value={state.streams}
          onChange={(streams) => update({ streams })}
          options={[
            { value: "both", label: "All", hint: "stdout and stderr" },
            { value: "stdout", label: "stdout" },
            { value: "stderr", label: "stderr" },
          ]}
        />
        <div className="mx-1 hidden h-5 w-px shrink-0 bg-line sm:block" aria-hidden />
        <Tooltip content="Show timestamps">
          <ToggleButton
            pressed={state.timestamps}
            onClick={() => update({ timestamps: !state.timestamps })}
            aria-label="Timestamps"
            data-testid="toggle-timestamps"
          >
            <Clock aria-hidden />
            Time
          </ToggleButton>
        </Tooltip>
        <Tooltip content={state.utc ? "Times in UTC (click for local time)" : "Times in your local zone (click for UTC)"}>
          <ToggleButton pressed={state.utc} onClick={() => update({ utc: !state.utc })} aria-label="UTC" data-testid="toggle-utc" disabled={!state.timestamps}>
            <Globe aria-hidden />
            UTC
          </ToggleButton>
        </Tooltip>
        <Tooltip content={wrap ? "Long lines wrap (click to scroll them sideways)" : "Long lines scroll sideways (click to wrap them)"}>
          <ToggleButton pressed={wrap} onClick={() => onWrap(!wrap)} aria-label="Wrap lines" data-testid="toggle-wrap">
            <WrapText aria-hidden />
            Wrap
          </ToggleButton>
        </Tooltip>
      </div>
    </>
  );
});
