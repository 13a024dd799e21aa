import fs from "node:fs";
import type net from "node:net";
import path from "node:path";
import type Docker from "dockerode";

/** Client certificate material for a TLS engine, read once at start (never logged). */
export interface TlsMaterial {
  ca?: Buffer;
  cert?: Buffer;
  key?: Buffer;
}

/**
 * How to reach one engine: everything its client needs, so each engine (a second one included)
 * carries its own address and TLS identity instead of reading the process environment.
 */
export type EngineConnection =
  | { kind: "socket"; socketPath: string }
  | { kind: "tcp"; host: string; port: number; tls?: TlsMaterial }
  | { kind: "ssh"; host: string; port: number; username?: string; agent?: string };

export const DEFAULT_SOCKET = "/var/run/docker.sock";

/**
 * The connection docker's own environment names: DOCKER_HOST (`unix://`, `tcp://`, `ssh://`),
 * DOCKER_TLS_VERIFY and DOCKER_CERT_PATH (ca.pem, cert.pem, key.pem), read the way the docker CLI
 * and docker-modem read them. Throws a sentence when the value cannot be used.
 */
export function connectionFromEnv(env: Readonly<Record<string, string | undefined>>): EngineConnection {
  const host = env.DOCKER_HOST || `unix://${DEFAULT_SOCKET}`;
  if (host.startsWith("unix://")) return { kind: "socket", socketPath: host.slice("unix://".length) || DEFAULT_SOCKET };
  if (host.startsWith("/")) return { kind: "socket", socketPath: host };
  let url: URL;
  try {
    url = new URL(host.includes("//") ? host : `tcp://${host}`);
  } catch {
    throw new Error(`DOCKER_HOST must look like unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host (got "${host}")`);
  }
  if (url.protocol === "ssh:") {
    return {
      kind: "ssh",
      host: url.hostname,
      port: Number(url.port || 22),
      ...(url.username ? { username: url.username } : {}),
      ...(env.SSH_AUTH_SOCK ? { agent: env.SSH_AUTH_SOCK } : {}),
    };
  }
  if (url.protocol !== "tcp:" && url.protocol !== "http:" && url.protocol !== "https:")
    throw new Error(`DOCKER_HOST scheme "${url.protocol}" is not supported`);
  const port = Number(url.port || (env.DOCKER_TLS_VERIFY === "1" ? 2376 : 2375));
  const tls = env.DOCKER_TLS_VERIFY === "1" || port === 2376 || url.protocol === "https:";
  return { kind: "tcp", host: url.hostname, port, ...(tls ? { tls: readTlsMaterial(env.DOCKER_CERT_PATH) } : {}) };
}

function readTlsMaterial(certPath: string | undefined): TlsMaterial {
  if (!certPath) return {};
  const read = (file: string) => {
    try {
      return fs.readFileSync(path.join(certPath, file));
    } catch {
      throw new Error(`DOCKER_CERT_PATH has no readable ${file}`);
    }
  };
  return { ca: read("ca.pem"), cert: read("cert.pem"), key: read("key.pem") };
}

/** The address for the UI: no credentials, no key paths. */
export function describeConnection(c: EngineConnection): string {
  switch (c.kind) {
    case "socket":
      return `unix://${c.socketPath}`;
    case "tcp":
      return `${c.tls ? "https" : "tcp"}://${c.host}:${c.port}`;
    case "ssh":
      return `ssh://${c.host}:${c.port}`;
  }
}

/** dockerode options for exactly this connection (docker-modem then reads no environment). */
export function dockerOptions(c: EngineConnection): Docker.DockerOptions {
  switch (c.kind) {
    case "socket":
      return { socketPath: c.socketPath };
    case "tcp":
      return c.tls ? { protocol: "https", host: c.host, port: c.port, ...c.tls } : { protocol: "http", host: c.host, port: c.port };
    case "ssh":
      return { protocol: "ssh", host: c.host, port: c.port, ...(c.username ? { username: c.username } : {}), sshOptions: c.agent ? { agent: c.agent } : {} };
  }
}

/** Where a plain (non-TLS, non-SSH) connection goes, for the raw stats reader; undefined for the others. */
export function plainEndpoint(c: EngineConnection): net.NetConnectOpts | undefined {
  if (c.kind === "socket") return { path: c.socketPath };
  if (c.kind === "tcp" && !c.tls) return { host: c.host, port: c.port };
  return undefined;
}
