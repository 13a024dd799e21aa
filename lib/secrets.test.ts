import { describe, expect, it } from "vitest";
import { isSecretKey, maskEnvList, MASK, toEnvEntries } from "./secrets";

describe("isSecretKey", () => {
  it.each([
    "DB_PASSWORD",
    "PGPASSWORD",
    "API_TOKEN",
    "GITHUB_TOKEN",
    "AWS_SECRET_ACCESS_KEY",
    "SSH_KEY",
    "stripeApiKey",
    "client_secret",
    "REDIS_PASS",
    "SENTRY_DSN",
    "MYSQL_ROOT_PASSWORD",
  ])("masks %s", (key) => expect(isSecretKey(key)).toBe(true));
  it.each(["PATH", "HOME", "LOG_LEVEL", "KEYBOARD_LAYOUT", "MONKEY_MODE", "HOSTNAME", "PWD", "NODE_ENV", "PASSENGER_COUNT"])("leaves %s alone", (key) =>
    expect(isSecretKey(key)).toBe(false),
  );
});

describe("toEnvEntries", () => {
  const env = ["DB_PASSWORD=hunter2", "LOG_LEVEL=info", "EMPTY_TOKEN=", "NOVALUE", "URL=a=b=c"];
  it("masks secret values unless revealed and keeps values containing '='", () => {
    expect(toEnvEntries(env, false)).toEqual([
      { key: "DB_PASSWORD", value: null, secret: true },
      { key: "LOG_LEVEL", value: "info", secret: false },
      { key: "EMPTY_TOKEN", value: "", secret: false },
      { key: "NOVALUE", value: "", secret: false },
      { key: "URL", value: "a=b=c", secret: false },
    ]);
    expect(toEnvEntries(env, true)[0]).toEqual({ key: "DB_PASSWORD", value: "hunter2", secret: true });
  });
  it("masks the raw list without leaking the value", () => {
    const masked = maskEnvList(env)!;
    expect(masked[0]).toBe(`DB_PASSWORD=${MASK}`);
    expect(masked.join("\n")).not.toContain("hunter2");
    expect(maskEnvList(null)).toBeNull();
  });
});

describe("credentials inside values", () => {
  it("masks a URL carrying a password whatever the key", () => {
    const [db, plain] = toEnvEntries(["DATABASE_URL=postgres://shop:s3cret@db:5432/shop", "UPSTREAM=https://api.example.com/v1"], false);
    expect(db).toEqual({ key: "DATABASE_URL", value: null, secret: true });
    expect(plain).toEqual({ key: "UPSTREAM", value: "https://api.example.com/v1", secret: false });
    expect(maskEnvList(["AMQP=amqp://guest:guest@rabbit/"])!.join()).not.toContain("guest@");
  });
});
