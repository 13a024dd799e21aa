/**
 * A Map that holds at most `cap` keys, forgetting the least recently used first. Keeps the login
 * limiters' memory flat under a spray of addresses and usernames.
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();

  constructor(readonly cap: number) {}

  get size(): number {
    return this.map.size;
  }

  /** The value, marked as just used. */
  get(key: K): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: K, value: V): void {
    this.map.delete(key);
    this.map.set(key, value);
    // A Map iterates in insertion order, and get/set re-insert: the first key is the least recently used.
    while (this.map.size > this.cap) this.map.delete(this.map.keys().next().value as K);
  }

  delete(key: K): void {
    this.map.delete(key);
  }
}

/**
 * A fixed-window failure counter: after `limit` failures for one key within `windowMs`, further
 * attempts are refused until the window passes. In memory (one process), at most `cap` keys.
 */
export class FailureLimiter {
  private readonly failures: BoundedMap<string, { count: number; resetAt: number }>;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    cap = 10_000,
  ) {
    this.failures = new BoundedMap(cap);
  }

  get size(): number {
    return this.failures.size;
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) return 0;
    return entry.count >= this.limit ? Math.ceil((entry.resetAt - now) / 1000) : 0;
  }

  fail(key: string, now = Date.now()): void {
    const entry = this.failures.get(key);
    if (!entry || entry.resetAt <= now) this.failures.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count++;
  }

  succeed(key: string): void {
    this.failures.delete(key);
  }
}

/**
 * Exponential back-off per key: the first `free` failures cost nothing, then each failure makes
 * the key wait `baseMs`, doubling up to `maxMs`. A key forgets its failures once it has been
 * quiet for `maxMs` after its last wait ended, so nobody can impose a permanent lockout — at worst
 * an account is tried once per `maxMs`. Attempts refused while waiting do not count.
 */
export class BackoffLimiter {
  private readonly entries: BoundedMap<string, { failures: number; until: number; last: number }>;

  constructor(
    private readonly opts: { free: number; baseMs: number; maxMs: number },
    cap = 10_000,
  ) {
    this.entries = new BoundedMap(cap);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Seconds until `key` may try again, or 0 when it may try now. */
  retryAfter(key: string, now = Date.now()): number {
    const e = this.entries.get(key);
    return e && e.until > now ? Math.ceil((e.until - now) / 1000) : 0;
  }

  /** Records a failure; returns the wait in seconds it imposes from now (0 while still free). */
  fail(key: string, now = Date.now()): number {
    const prev = this.entries.get(key);
    const live = prev && now - Math.max(prev.until, prev.last) <= this.opts.maxMs ? prev : undefined;
    const failures = (live?.failures ?? 0) + 1;
    const over = failures - this.opts.free;
    const waitMs = over > 0 ? Math.min(this.opts.maxMs, this.opts.baseMs * 2 ** Math.min(over - 1, 40)) : 0;
    this.entries.set(key, { failures, until: waitMs > 0 ? now + waitMs : (live?.until ?? 0), last: now });
    return Math.ceil(waitMs / 1000);
  }

  succeed(key: string): void {
    this.entries.delete(key);
  }
}

/**
 * The login limiter: per (address, username) a fixed window (10 failures per 15 minutes), and per
 * username regardless of address an exponential back-off (5 free failures, then 1 s doubling up
 * to 15 minutes), so rotating addresses does not buy more guesses at one account.
 */
export class LoginLimiter {
  readonly perClient = new FailureLimiter(10, 15 * 60_000);
  readonly perAccount = new BackoffLimiter({ free: 5, baseMs: 1000, maxMs: 15 * 60_000 });

  private static keys(ip: string | undefined, username: string) {
    const account = username.toLowerCase();
    return { client: `${ip ?? "?"}|${account}`, account };
  }

  /** Seconds to wait and which limit imposes it, or null when the attempt may go ahead. */
  check(ip: string | undefined, username: string, now = Date.now()): { wait: number; scope: "client" | "account" } | null {
    const k = LoginLimiter.keys(ip, username);
    const account = this.perAccount.retryAfter(k.account, now);
    if (account > 0) return { wait: account, scope: "account" };
    const client = this.perClient.retryAfter(k.client, now);
    return client > 0 ? { wait: client, scope: "client" } : null;
  }

  /** Records a failed attempt; returns the per-account wait it started (0 when none). */
  fail(ip: string | undefined, username: string, now = Date.now()): number {
    const k = LoginLimiter.keys(ip, username);
    this.perClient.fail(k.client, now);
    return this.perAccount.fail(k.account, now);
  }

  succeed(ip: string | undefined, username: string): void {
    const k = LoginLimiter.keys(ip, username);
    this.perClient.succeed(k.client);
    this.perAccount.succeed(k.account);
  }
}
