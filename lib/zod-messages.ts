import { z } from "zod";

/**
 * Turns zod issues into sentences a user can act on ("Name must not be empty."), for the API's
 * 400s, the socket acks and the forms alike. Zod's own texts ("Too small: expected string to have
 * >=1 characters") never reach a user: an issue whose message is zod's default is rewritten from
 * its code and bounds; a message a schema set itself is kept, with `{field}` replaced by the
 * field's label, so a schema shared by several fields can still name the one that failed.
 */

/** The minimal shape of a zod issue this needs (zod's `$ZodIssue` after parsing). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  origin?: string;
  expected?: string;
  format?: string;
  values?: readonly unknown[];
  keys?: readonly string[];
  divisor?: number | bigint;
}

/** Labels where splitting the camel-case key would read poorly. */
const FIELD_LABELS: Record<string, string> = {
  ref: "Reference",
  ipv4: "IPv4 address",
  ipv6: "IPv6",
  ipRange: "IP range",
  ipv6Subnet: "IPv6 subnet",
  ipv6Gateway: "IPv6 gateway",
  hostIp: "Host IP",
  containerPort: "Container port",
  hostPort: "Host port",
  memoryBytes: "Memory limit",
  nanoCpus: "CPU limit",
  cmd: "Command",
  env: "Environment variables",
  tty: "TTY",
  webhookUrl: "Webhook URL",
  forSeconds: "Duration",
  q: "Search text",
  t: "Timeout",
  id: "Id",
  serverAddress: "Registry server",
  backlogSeconds: "Backlog",
};

/** What one element of a list field is called ("Alias 2"). */
const ITEM_LABELS: Record<string, string> = {
  aliases: "Alias",
  containers: "Container",
  env: "Environment variable",
  cmd: "Command argument",
  entrypoint: "Entrypoint argument",
  ports: "Port mapping",
  engines: "Engine",
  labels: "Label selector",
};

function words(key: string): string {
  const spaced = key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/[_-]+/g, " ")
    .toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

/** A human label for a path: its last named key ("Container port"), with the item number for list items ("Alias 2"). */
export function fieldLabel(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "The request";
  const last = path[path.length - 1];
  if (typeof last === "number") {
    const parent = path[path.length - 2];
    const item = typeof parent === "string" ? (ITEM_LABELS[parent] ?? `${fieldLabel(path.slice(0, -1))} item`) : "Item";
    return `${item} ${last + 1}`;
  }
  const key = String(last);
  return FIELD_LABELS[key] ?? words(key);
}

const TYPE_NAMES: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  bigint: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
  date: "a date",
  null: "null",
};

const FORMAT_NAMES: Record<string, string> = {
  url: "a URL such as https://example.com/hook",
  email: "an e-mail address",
  uuid: "a UUID",
  ipv4: "an IPv4 address such as 10.0.0.5",
  ipv6: "an IPv6 address such as fd00::5",
  cidrv4: "an IPv4 CIDR such as 172.28.0.0/16",
  cidrv6: "an IPv6 CIDR such as fd00:1::/64",
  datetime: "an RFC 3339 time",
  date: "a date (YYYY-MM-DD)",
};

const plural = (n: number | bigint, one: string, many = `${one}s`) => `${n} ${Number(n) === 1 ? one : many}`;

/** Whether the issue carries zod's own wording (the schema set no message of its own). */
function isDefaultMessage(issue: IssueLike): boolean {
  if (issue.code === "invalid_type") return /^Invalid input/.test(issue.message);
  try {
    const def = z.locales.en().localeError(issue as never);
    const text = typeof def === "string" ? def : def?.message;
    return text === issue.message;
  } catch {
    return false;
  }
}

function genericSentence(issue: IssueLike, label: string): string {
  switch (issue.code) {
    case "invalid_type":
      if (/received undefined$/.test(issue.message)) return `${label} is required.`;
      return `${label} must be ${TYPE_NAMES[issue.expected ?? ""] ?? `of type ${issue.expected}`}.`;
    case "too_small": {
      const n = issue.minimum ?? 0;
      const strict = issue.inclusive === false;
      if (issue.origin === "string")
        return Number(n) <= 1 && !strict ? `${label} must not be empty.` : `${label} must have at least ${plural(strict ? Number(n) + 1 : n, "character")}.`;
      if (issue.origin === "array" || issue.origin === "set")
        return Number(n) <= 1 && !strict
          ? `${label} must have at least one item.`
          : `${label} must have at least ${plural(strict ? Number(n) + 1 : n, "item")}.`;
      return `${label} must be ${strict ? "greater than" : "at least"} ${n}.`;
    }
    case "too_big": {
      const n = issue.maximum ?? 0;
      const strict = issue.inclusive === false;
      if (issue.origin === "string") return `${label} must have at most ${plural(strict ? Number(n) - 1 : n, "character")}.`;
      if (issue.origin === "array" || issue.origin === "set") return `${label} must have at most ${plural(strict ? Number(n) - 1 : n, "item")}.`;
      return `${label} must be ${strict ? "less than" : "at most"} ${n}.`;
    }
    case "invalid_value": {
      const values = (issue.values ?? []).map((v) => String(v));
      if (values.length === 1) return `${label} must be ${values[0]}.`;
      return `${label} must be one of ${values.slice(0, -1).join(", ")} or ${values[values.length - 1]}.`;
    }
    case "invalid_format":
      if (issue.format === "starts_with" || issue.format === "ends_with" || issue.format === "includes" || issue.format === "regex")
        return `${label} is not in the expected format.`;
      return `${label} must be ${FORMAT_NAMES[issue.format ?? ""] ?? `a valid ${issue.format}`}.`;
    case "not_multiple_of":
      return `${label} must be a multiple of ${issue.divisor}.`;
    case "unrecognized_keys": {
      const keys = (issue.keys ?? []).map((k) => `“${k}”`);
      const where = issue.path.length ? ` in ${label.charAt(0).toLowerCase()}${label.slice(1)}` : "";
      return keys.length === 1 ? `Unknown field ${keys[0]}${where}.` : `Unknown fields ${keys.join(", ")}${where}.`;
    }
    case "invalid_key":
      return `${label} has a key that is not allowed.`;
    case "invalid_element":
      return `${label} has a value that is not allowed.`;
    default:
      return `${label} is not valid.`;
  }
}

function asSentence(text: string): string {
  const t = text.trim();
  const capital = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}

/** One issue as a sentence naming its field. */
export function issueSentence(issue: IssueLike): string {
  // An invalid key of a record reports the key as the last path element; name the record instead.
  const path = issue.code === "invalid_key" ? issue.path.slice(0, -1) : issue.path;
  const label = fieldLabel(path);
  if (isDefaultMessage(issue)) return genericSentence(issue, label);
  return asSentence(issue.message.replaceAll("{field}", label));
}

/** The first issue of a failed parse as `{ field, message }`: what the API and the socket answer with. */
export function firstIssue(issues: readonly IssueLike[]): { field?: string; message: string } {
  const issue = issues[0];
  if (!issue) return { message: "The request is not valid." };
  const field = issue.path.map(String).join(".") || undefined;
  return { ...(field ? { field } : {}), message: issueSentence(issue) };
}

/** Per-field sentences for a form: the first issue of each top-level field (key "form" for issues without a path). */
export function fieldErrors(issues: readonly IssueLike[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0] ?? "form")] ??= issueSentence(issue);
  return out;
}
