import { loadConfig, type Config } from "./config";
import { EngineRegistry } from "./docker/engines";
import { loadHelperKey } from "./docker/helper-image";
import { openDatabase } from "./store/db";
import { bootstrapAdmin } from "./auth/bootstrap";
import { FailureLimiter, LoginLimiter } from "./auth/rate-limit";
import { setRuntime, type Runtime } from "./runtime";
import { log } from "./log";
import { StatsHistory } from "./stats/history";

/** Opens the store, creates the first admin or setup token, and starts watching the engines. */
export async function boot(config: Config = loadConfig()): Promise<{ rt: Runtime; setupToken?: string }> {
  // Refuse rather than quietly fall back: an operator who set DATABASE_URL expects their data there.
  if (config.databaseUrl) throw new Error("DATABASE_URL (PostgreSQL) is not supported yet: unset it to use the embedded SQLite database in BERTH_DATA_DIR");
  const db = await openDatabase(config.dataDir);
  loadHelperKey(config.dataDir);
  const { setupToken } = await bootstrapAdmin(db, config.adminPassword);
  const engines = new EngineRegistry(config.localEngine);
  const history = new StatsHistory(db);
  history.start();
  const rt: Runtime = {
    config,
    db,
    engines,
    loginLimiter: new LoginLimiter(),
    setupLimiter: new FailureLimiter(10, 15 * 60 * 1000),
    history,
    stats: new Map(),
    eventFeeds: new Map(),
  };
  setRuntime(rt);
  engines.start();
  log.info({ dataDir: config.dataDir }, "store ready");
  return { rt, setupToken };
}
