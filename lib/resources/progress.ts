/**
 * Folds Docker's pull/push JSON lines into one progress snapshot: per layer current/total and a
 * total over all layers. Docker reports a failure as `{error}` inside a 200 stream, so the
 * tracker also keeps that error: the caller reads to the end and reports it.
 */

export type LayerPhase = "waiting" | "downloading" | "extracting" | "uploading" | "done";

export interface LayerProgress {
  readonly id: string;
  readonly phase: LayerPhase;
  /** Docker's own status text for the layer ("Downloading", "Already exists", …). */
  readonly status: string;
  readonly current: number;
  /** 0 when Docker has not said yet. */
  readonly total: number;
}

export interface ProgressSnapshot {
  readonly layers: readonly LayerProgress[];
  readonly current: number;
  readonly total: number;
  /** The last whole-image status line ("Pulling from library/nginx", "Digest: …"). */
  readonly status: string;
  readonly digest?: string;
  readonly error?: string;
}

export interface DockerProgressLine {
  status?: string;
  id?: string;
  progress?: string;
  progressDetail?: { current?: number; total?: number };
  error?: string;
  errorDetail?: { message?: string };
  aux?: { Digest?: string; Tag?: string; Size?: number };
}

const DONE_STATUSES = /^(Pull complete|Already exists|Pushed|Layer already exists|Mounted from|Download complete)/;

/** Whether a line is about a layer (it has a 12-hex-char-ish id) rather than the whole image. */
function isLayerLine(l: DockerProgressLine): boolean {
  return !!l.id && /^[0-9a-f]{12,64}$/.test(l.id);
}

export class ProgressTracker {
  private readonly layers = new Map<string, LayerProgress>();
  private status = "";
  private digest?: string;
  private error?: string;

  apply(line: DockerProgressLine): void {
    if (line.error || line.errorDetail?.message) {
      this.error = line.errorDetail?.message || line.error;
      return;
    }
    if (line.aux?.Digest) this.digest = line.aux.Digest;
    const status = line.status ?? "";
    const digest = /(?:^|\s)digest: (sha256:[0-9a-f]{64})/i.exec(status);
    if (digest) this.digest = digest[1];
    if (!isLayerLine(line)) {
      if (status) this.status = status;
      return;
    }
    const id = line.id!;
    const prev = this.layers.get(id);
    const detail = line.progressDetail ?? {};
    let phase: LayerPhase = prev?.phase ?? "waiting";
    let current = prev?.current ?? 0;
    let total = prev?.total ?? 0;
    if (DONE_STATUSES.test(status)) {
      // "Download complete" is done with the bytes; extraction follows but moves no new data.
      phase = status.startsWith("Download complete") ? "extracting" : "done";
      if (total > 0) current = total;
    } else if (status === "Downloading" || status === "Pushing") {
      phase = status === "Downloading" ? "downloading" : "uploading";
      if (detail.total && detail.total > 0) total = detail.total;
      if (typeof detail.current === "number") current = Math.min(detail.current, total || detail.current);
    } else if (status === "Extracting" || status === "Verifying Checksum") {
      phase = "extracting";
      // Extract progress counts the same bytes again: keep the layer at its downloaded size.
      if (total > 0) current = total;
      else if (detail.total) {
        total = detail.total;
        current = total;
      }
    }
    this.layers.set(id, { id, phase, status, current, total });
  }

  snapshot(): ProgressSnapshot {
    const layers = [...this.layers.values()];
    let current = 0;
    let total = 0;
    for (const l of layers) {
      total += l.total;
      current += Math.min(l.current, l.total);
    }
    return {
      layers,
      current,
      total,
      status: this.status,
      ...(this.digest ? { digest: this.digest } : {}),
      ...(this.error ? { error: this.error } : {}),
    };
  }
}

/**
 * Splits a byte stream into JSON lines; a partial line waits for the next chunk. Lines that are
 * not JSON are ignored (Docker never sends them, proxies might).
 */
export class JsonLineSplitter {
  private buf = "";
  constructor(private readonly onLine: (line: DockerProgressLine) => void) {}
  write(chunk: string): void {
    this.buf += chunk;
    let nl: number;
    while ((nl = this.buf.indexOf("\n")) !== -1) {
      this.parse(this.buf.slice(0, nl));
      this.buf = this.buf.slice(nl + 1);
    }
    // Bound: a single line longer than 1 MiB is not progress.
    if (this.buf.length > 1 << 20) this.buf = "";
  }
  end(): void {
    this.parse(this.buf);
    this.buf = "";
  }
  private parse(s: string) {
    const t = s.trim();
    if (!t) return;
    try {
      this.onLine(JSON.parse(t) as DockerProgressLine);
    } catch {
      /* not JSON */
    }
  }
}
