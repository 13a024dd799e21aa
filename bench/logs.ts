/**
 * `npm run bench -- logs`: Berth's log delivery against a raw read of the Docker socket and
 * against `docker logs`, measured in the same run on the same machine. Prints lines/s, CPU
 * seconds per million lines, lost and reordered lines, latency and Berth's memory, then ratios.
 */
import { spawn } from "node:child_process";
import { Readable, Writable } from "node:stream";
import Modem from "docker-modem";
import type { LogLineWire } from "@/lib/socket-events";
import { FrameParser } from "@/server/docker/log-demuxer";
import {
  connectClient,
  cpuSeconds,
  createContainer,
  dockerdPid,
  fmt,
  hasDockerCli,
  percentile,
  rawDockerGet,
  removeBenchContainers,
  rssMb,
  startBerth,
  table,
  waitExit,
  withPeakRss,
  type BerthClient,
  type BerthServer,
} from "./lib";

const BACKLOG_LINES = Number(process.env.BENCH_BACKLOG_LINES ?? 1_000_000);
const LIVE_LINES = Number(process.env.BENCH_LIVE_LINES ?? 300_000);
const PACED_SECONDS = Number(process.env.BENCH_PACED_SECONDS ?? 10);
const PAD = "x".repeat(90);

/** 100-byte lines: an 8-digit sequence number (to count loss and reordering), a space, padding. */
const fastWriter = (n: number) => `seq 1 ${n} | awk '{printf "%08d %s\\n", $1, "${PAD}"}'`;
/** ~10,000 lines/s: 1,000 lines every ~100 ms (busybox has no finer clock to pace by). */
const pacedWriter = (seconds: number) =>
  `i=0; while [ $i -lt ${seconds * 10} ]; do seq $((i*1000+1)) $((i*1000+1000)) | awk '{printf "%08d %s\\n", $1, "${PAD}"}'; usleep 92000; i=$((i+1)); done`;

interface Result {
  consumer: string;
  lines: number;
  seconds: number;
  cpu: number;
  lost?: number;
  reordered?: number;
  latencies?: number[];
  rssMb?: number;
}

/** The baseline: the Docker socket read with a minimal demuxer that counts lines. */
async function rawRead(id: string, follow: boolean, latency: boolean): Promise<Result> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await rawDockerGet(`/containers/${id}/logs?stdout=1&stderr=1&timestamps=1${follow ? "&follow=1" : ""}`);
  let lines = 0;
  const latencies: number[] = [];
  let frameStart = false;
  const parser = new FrameParser(
    () => (frameStart = true),
    (_s, bytes) => {
      if (latency && frameStart) latencies.push(Date.now() - Date.parse(Buffer.from(bytes.subarray(0, 30)).toString("latin1")));
      frameStart = false;
      for (let i = bytes.indexOf(10); i !== -1; i = bytes.indexOf(10, i + 1)) lines++;
    },
  );
  for await (const chunk of res) parser.write(chunk as Buffer);
  const cpu = process.cpuUsage(cpu0);
  return { consumer: "raw socket", lines, seconds: (performance.now() - t0) / 1000, cpu: (cpu.user + cpu.system) / 1e6, ...(latency ? { latencies } : {}) };
}

/** The docker CLI, timed by the shell's `times` (CPU of the CLI and of wc, which is negligible). */
async function cliRead(id: string, follow: boolean): Promise<Result> {
  const t0 = performance.now();
  const out = await new Promise<string>((resolve, reject) => {
    const p = spawn("sh", ["-c", `docker logs ${follow ? "-f " : ""}--timestamps ${id} 2>&1 | wc -l; times`]);
    let buf = "";
    p.stdout.on("data", (d: Buffer) => (buf += d));
    p.on("exit", (code) => (code === 0 ? resolve(buf) : reject(new Error(`docker logs exited ${code}`))));
  });
  const [count, , children] = out.trim().split("\n");
  const secs = (children ?? "").split(/\s+/).map((t) => {
    const m = /(\d+)m([\d.]+)s/.exec(t);
    return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  });
  return { consumer: "docker logs", lines: Number(count), seconds: (performance.now() - t0) / 1000, cpu: secs.reduce((a, b) => a + b, 0) };
}

/** Berth: a socket.io client subscribed to the container; checks every sequence number. */
async function berthRead(server: BerthServer, client: BerthClient, id: string, until: "live" | "ended", latency: boolean): Promise<Result> {
  const cpu0 = cpuSeconds(server.pid);
  const t0 = performance.now();
  let lines = 0;
  let expected = 1;
  let lost = 0;
  let reordered = 0;
  const latencies: number[] = [];
  const { result: subscription, peakMb } = await withPeakRss(
    server.pid,
    () =>
      new Promise<string>((resolve, reject) => {
        let sub = "";
        const onLines = (p: { subscription: string; lines: readonly LogLineWire[] }) => {
          if (p.subscription !== sub) return;
          const now = Date.now();
          for (const l of p.lines) {
            lines++;
            const seq = Number(l.text.slice(0, 8));
            if (process.env.BENCH_DEBUG && seq < expected) console.log("out of order", seq, "expected", expected, l.ts);
            if (seq < expected) reordered++;
            else if (seq > expected) lost += seq - expected;
            expected = Math.max(expected, seq + 1);
            if (latency) latencies.push(now - Date.parse(l.ts));
          }
        };
        const done = (p: { subscription: string }) => {
          if (p.subscription !== sub) return;
          client.off("logs:lines", onLines);
          resolve(sub);
        };
        client.on("logs:lines", onLines);
        if (until === "live") client.on("logs:live", done);
        else client.on("logs:ended", done);
        client.emit("logs:subscribe", { engine: "local", containers: [id], since: 0 }, (ack) => {
          if (!ack.ok) return reject(new Error(ack.error.message));
          sub = ack.data.subscription;
        });
      }),
  );
  await new Promise((r) => client.emit("logs:unsubscribe", { subscription }, r));
  return {
    consumer: "Berth → socket.io",
    lines,
    seconds: (performance.now() - t0) / 1000,
    cpu: cpuSeconds(server.pid) - cpu0,
    lost,
    reordered,
    rssMb: peakMb,
    ...(latency ? { latencies } : {}),
  };
}

function report(title: string, results: Result[], expectedLines: number) {
  console.log(`\n## ${title}`);
  table(
    results.map((r) => {
      const sorted = r.latencies ? [...r.latencies].sort((a, b) => a - b) : [];
      return {
        consumer: r.consumer,
        lines: fmt(r.lines),
        missing: fmt(expectedLines - r.lines),
        "lines/s": fmt(r.lines / r.seconds),
        "CPU s per 1M lines": fmt((r.cpu / Math.max(r.lines, 1)) * 1e6, 2),
        "lost/reordered": r.lost === undefined ? "—" : `${r.lost}/${r.reordered}`,
        "p50 ms": sorted.length ? fmt(percentile(sorted, 50)) : "—",
        "p99 ms": sorted.length ? fmt(percentile(sorted, 99)) : "—",
        "Berth RSS MB": r.rssMb === undefined ? "—" : fmt(r.rssMb),
      };
    }),
  );
  const raw = results.find((r) => r.consumer === "raw socket");
  const cli = results.find((r) => r.consumer === "docker logs");
  const berth = results.find((r) => r.consumer.startsWith("Berth"));
  if (raw && berth) console.log(`Berth/raw throughput: ${fmt(berth.lines / berth.seconds / (raw.lines / raw.seconds), 2)}×`);
  if (cli && berth) console.log(`Berth/CLI throughput: ${fmt(berth.lines / berth.seconds / (cli.lines / cli.seconds), 2)}×`);
}

/** Our frame parser against docker-modem's demuxStream, on the same captured bytes. */
async function demuxMicro(id: string) {
  const res = await rawDockerGet(`/containers/${id}/logs?stdout=1&stderr=1&timestamps=1`);
  const chunks: Buffer[] = [];
  for await (const c of res) chunks.push(c as Buffer);
  const total = chunks.reduce((n, c) => n + c.length, 0);
  // Re-cut into 64 KiB pieces, the size a socket read usually delivers.
  const all = Buffer.concat(chunks);
  const pieces: Buffer[] = [];
  for (let i = 0; i < all.length; i += 65536) pieces.push(all.subarray(i, i + 65536));

  const ours = async () => {
    let bytes = 0;
    const p = new FrameParser(
      () => {},
      (_s, b) => (bytes += b.length),
    );
    const t0 = performance.now();
    for await (const c of Readable.from(pieces)) p.write(c as Buffer);
    return { ms: performance.now() - t0, bytes };
  };
  const modem = async () => {
    let bytes = 0;
    const sink = () => new Writable({ write: (c: Buffer, _e, cb) => ((bytes += c.length), cb()) });
    const src = Readable.from(pieces);
    const t0 = performance.now();
    await new Promise<void>((resolve) => {
      new Modem().demuxStream(src, sink(), sink());
      src.on("end", resolve);
    });
    return { ms: performance.now() - t0, bytes };
  };
  await ours();
  await modem();
  const a = await ours();
  const b = await modem();
  console.log(`\n## Demuxer micro-benchmark (${fmt(total / 1e6, 1)} MB captured, 64 KiB reads)`);
  table([
    { demuxer: "Berth FrameParser", "MB/s": fmt(total / 1e6 / (a.ms / 1000), 0), "payload MB": fmt(a.bytes / 1e6, 1) },
    { demuxer: "docker-modem demuxStream", "MB/s": fmt(total / 1e6 / (b.ms / 1000), 0), "payload MB": fmt(b.bytes / 1e6, 1) },
  ]);
  console.log(`Berth/docker-modem: ${fmt(b.ms / a.ms, 1)}× faster (target ≥ 5×)`);
}

export async function benchLogs(): Promise<void> {
  const cli = hasDockerCli();
  await removeBenchContainers();
  const server = await startBerth();
  const client = await connectClient(server);
  const dockerd = dockerdPid();
  try {
    console.log(`# Logs benchmark — backlog ${fmt(BACKLOG_LINES)} lines, live ${fmt(LIVE_LINES)} lines, paced ${PACED_SECONDS}s at ~10k lines/s`);
    console.log(`Berth bench server pid ${server.pid}, idle RSS ${fmt(rssMb(server.pid))} MB${cli ? "" : "; docker CLI not found, CLI rows skipped"}`);

    // 1. Backlog drain: one container, read three ways.
    const backlog = await createContainer("bench-logs-backlog", fastWriter(BACKLOG_LINES));
    await waitExit(backlog);
    const d0 = dockerd ? cpuSeconds(dockerd) : 0;
    const results: Result[] = [await rawRead(backlog.id, false, false)];
    if (cli) results.push(await cliRead(backlog.id, false));
    results.push(await berthRead(server, client, backlog.id, "live", false));
    report("Backlog drain", results, BACKLOG_LINES);
    if (dockerd) console.log(`dockerd CPU during the three reads: ${fmt(cpuSeconds(dockerd) - d0, 1)} s`);
    await demuxMicro(backlog.id);

    // 2. Live at the writer's maximum rate: a fresh identical writer per consumer, followed from its start.
    const live: Result[] = [];
    for (const consumer of ["raw", ...(cli ? ["cli"] : []), "berth"]) {
      const c = await createContainer(`bench-logs-live-${consumer}`, fastWriter(LIVE_LINES));
      if (consumer === "raw") live.push(await rawRead(c.id, true, false));
      else if (consumer === "cli") live.push(await cliRead(c.id, true));
      else live.push(await berthRead(server, client, c.id, "ended", false));
    }
    report("Live, writer at maximum rate", live, LIVE_LINES);

    // 3. Live at ~10,000 lines/s with delivery latency (Docker's receive timestamp → consumer).
    const paced: Result[] = [];
    const pacedLines = PACED_SECONDS * 10_000;
    for (const consumer of ["raw", "berth"]) {
      const c = await createContainer(`bench-logs-paced-${consumer}`, pacedWriter(PACED_SECONDS));
      paced.push(consumer === "raw" ? await rawRead(c.id, true, true) : await berthRead(server, client, c.id, "ended", true));
    }
    report("Live at ~10,000 lines/s", paced, pacedLines);
    const rate = paced.map((r) => `${r.consumer}: ${fmt(r.lines / r.seconds)} lines/s`).join(", ");
    console.log(`achieved writer rate — ${rate}`);
  } finally {
    client.close();
    await server.stop();
    await removeBenchContainers();
  }
}
