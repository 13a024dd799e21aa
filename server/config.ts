import path from "node:path";
import { parseTrustedProxies, type TrustedProxies } from "./http/client-address";
import { connectionFromEnv, type EngineConnection } from "./docker/connection";

/** Server configuration from the environment (see api.md). Read once; never logged whole. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  adminPassword?: string;
  /** The local engine, from DOCKER_HOST / DOCKER_TLS_VERIFY / DOCKER_CERT_PATH, parsed once here. */
  localEngine: EngineConnection;
  secureCookies: "auto" | boolean;
  metricsToken?: string;
  /** BERTH_TRUSTED_PROXIES: the only peers whose X-Forwarded-* / X-Real-IP headers are believed. */
  trustedProxies: TrustedProxies;
  dev: boolean;
}

function parseSecure(v: string | undefined): Config["secureCookies"] {
  if (v === undefined || v === "" || v === "auto") return "auto";
  return v === "1" || v.toLowerCase() === "true";
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    port: Number(env.PORT ?? 3000),
    host: env.HOST ?? "127.0.0.1",
    dataDir: path.resolve(env.BERTH_DATA_DIR ?? "./data"),
    databaseUrl: env.DATABASE_URL || undefined,
    adminPassword: env.BERTH_ADMIN_PASSWORD || undefined,
    localEngine: connectionFromEnv(env),
    secureCookies: parseSecure(env.BERTH_SECURE_COOKIES),
    metricsToken: env.BERTH_METRICS_TOKEN || undefined,
    // Throws a sentence naming the bad entry: main() reports it as the reason Berth failed to start.
    trustedProxies: parseTrustedProxies(env.BERTH_TRUSTED_PROXIES),
    dev: env.NODE_ENV !== "production",
  };
}
