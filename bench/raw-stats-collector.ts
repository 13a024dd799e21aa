/**
 * The stats benchmark's baseline: the least a collector can do — one Docker stats stream per
 * container id given on the command line, each document parsed and thrown away. It runs as its
 * own process, started like Berth's bench server, so both are measured the same way (/proc CPU
 * time of a process of their own, same Node flags). Prints one JSON line when every stream is open.
 */
import http from "node:http";

function open(id: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = http.get({ socketPath: "/var/run/docker.sock", path: `/containers/${id}/stats?stream=1` }, resolve);
    req.on("error", reject);
  });
}

async function main() {
  const ids = process.argv.slice(2);
  const streams = await Promise.all(ids.map(open));
  for (const res of streams) {
    let buf = "";
    res.on("data", (chunk: Buffer) => {
      buf += chunk.toString("utf8");
      let nl: number;
      while ((nl = buf.indexOf("\n")) !== -1) {
        JSON.parse(buf.slice(0, nl));
        buf = buf.slice(nl + 1);
      }
    });
  }
  process.stdout.write(JSON.stringify({ pid: process.pid, streams: streams.length }) + "\n");
  process.on("SIGTERM", () => process.exit(0));
}

void main();
