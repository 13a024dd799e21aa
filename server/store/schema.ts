import type { Generated } from "kysely";
import type { Role } from "@/lib/wire";

/** Table types. Times are ISO strings so SQLite and PostgreSQL store the same thing. */
export interface UsersTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  role: Role;
  created_at: string;
  /** JSON AccessScope, or null for unscoped (migration 0006). */
  scope: string | null;
}

export interface SessionsTable {
  /** sha256 of the cookie value: a leaked database does not leak live sessions. */
  id_hash: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: Generated<number>;
  name: string;
  role: Role;
  token_hash: string;
  prefix: string;
  created_by: number | null;
  created_at: string;
  last_used_at: string | null;
  /** JSON AccessScope, or null for unscoped (migration 0006). */
  scope: string | null;
}

export interface AuditTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  username: string | null;
  action: string;
  target: string;
  outcome: "ok" | "error" | "denied";
  detail: string | null;
  ip: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface StatsPointsTable {
  engine: string;
  container_id: string;
  /** Seconds per point: 10, 60 or 300. */
  tier: number;
  /** Bucket start, Unix seconds. */
  bucket: number;
  cpu: number;
  mem: number;
  mem_limit: number;
  net_rx: number;
  net_tx: number;
  blk_read: number;
  blk_write: number;
  pids: number;
}

/** Names outlive containers, so history of a removed container can still be found and labelled. */
export interface StatsContainersTable {
  engine: string;
  id: string;
  name: string;
  image: string;
  project: string | null;
  last_seen: string;
  removed_at: string | null;
}

export interface RegistryCredentialsTable {
  id: Generated<number>;
  server_address: string;
  username: string;
  /** `v1:<iv>:<tag>:<ciphertext>` (base64), AES-256-GCM; the key lives in BERTH_DATA_DIR. */
  secret: string;
  created_at: string;
  updated_at: string;
}

export interface AlertRulesTable {
  id: string;
  enabled: number;
  threshold: number;
  for_seconds: number;
  webhook_url: string | null;
  allow_private_webhook: number;
}

export interface AlertsTable {
  id: Generated<number>;
  rule: string;
  engine: string;
  container_id: string;
  container_name: string;
  status: "firing" | "resolved";
  message: string;
  started_at: string;
  resolved_at: string | null;
  acknowledged_by: string | null;
  acknowledged_at: string | null;
  /** Whether the latest occurrence fell under a silence. */
  silenced: number;
  /** Occurrences counted on this incident (a crash loop is one incident with a growing count). */
  count: Generated<number>;
  /** The latest occurrence; null only on rows written before migration 0005 ran (it backfills them). */
  last_at: string | null;
  /** When a toast and webhook last went out; null while only silenced occurrences happened. */
  notified_at: string | null;
  /** When Berth saw the container go (destroyed, or missing from the engine's list). */
  container_removed_at: string | null;
}

export interface SilencesTable {
  id: Generated<number>;
  rule: string | null;
  container_name: string | null;
  until: string;
  reason: string;
  created_by: string;
}

export interface DB {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit: AuditTable;
  settings: SettingsTable;
  stats_points: StatsPointsTable;
  stats_containers: StatsContainersTable;
  registry_credentials: RegistryCredentialsTable;
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
  silences: SilencesTable;
}
