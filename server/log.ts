import pino from "pino";

/** The server's own structured log. Secrets never go in here (the setup token is printed once, on purpose). */
export const log = pino({
  level: process.env.BERTH_LOG_LEVEL ?? (process.env.VITEST ? "silent" : "info"),
  base: undefined,
  redact: ["password", "*.password", "token", "*.token", "cookie", "*.cookie"],
});
