import { z } from "zod";
import { ROLES } from "./policy";
import { checkIpamConfig, checkIpv6Config, parseIPv4, parseIPv6 } from "./resources/cidr";
import { safeVolumePath } from "./resources/volume-path";

/** Input schemas shared by route handlers, socket handlers and forms. */

export const loginSchema = z.object({
  username: z.string().trim().min(1, "Username is required.").max(64),
  password: z.string().min(1, "Password is required.").max(1024),
});

export const passwordSchema = z.string().min(12, "Password must have at least 12 characters.").max(1024);

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, "Username may contain only letters, digits, dot, dash and underscore.");

export const setupSchema = z.object({
  token: z.string().trim().min(1, "The setup token from the server log is required."),
  username: usernameSchema,
  password: passwordSchema,
});

export const engineIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "{field} must be an engine id: lower-case letters, digits and dashes.");

/** A label selector: `key=value` (that value) or `key` (the label is present). */
export const labelSelectorSchema = z
  .string()
  .trim()
  .min(1)
  .max(384)
  .regex(
    // eslint-disable-next-line no-control-regex -- a selector value may hold anything but control characters
    /^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}(=[^\u0000-\u001f\u007f]{0,255})?$/,
    "{field} must be a label selector: key=value, or key alone for any value (a key has letters, digits, dot, dash, slash and underscore).",
  );

/**
 * What a user or token may see: engines by id, and containers whose labels match ANY of the
 * selectors. Empty lists limit nothing; `null` (on updates) removes the scope.
 */
export const accessScopeSchema = z
  .object({
    engines: z.array(engineIdSchema).max(32, "Engines may list at most 32 engines.").optional(),
    labels: z.array(labelSelectorSchema).max(32, "Labels may list at most 32 selectors.").optional(),
  })
  .strict();

export const createUserSchema = z
  .object({
    username: usernameSchema,
    password: passwordSchema,
    role: z.enum(ROLES),
    scope: accessScopeSchema.nullable().optional(),
  })
  .strict();

export const createTokenSchema = z
  .object({
    name: z.string().trim().min(1).max(64),
    role: z.enum(ROLES),
    scope: accessScopeSchema.nullable().optional(),
  })
  .strict();

/** A container reference: full id, unique id prefix or name (Docker's own name rules). */
export const containerRefSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "{field} must be a container id or name.");

const boolParam = z
  .enum(["true", "false", "1", "0"])
  .optional()
  .transform((v) => v === "true" || v === "1");

export const removeQuerySchema = z.object({ force: boolParam, volumes: boolParam });

export const stopQuerySchema = z.object({
  t: z.coerce.number().int().min(0).max(3600).optional(),
});

/** Signal names as the kernel knows them (with or without SIG), or numbers. */
export const killQuerySchema = z.object({
  signal: z
    .string()
    .regex(/^(SIG)?[A-Z0-9+-]{2,12}$|^[0-9]{1,2}$/, "Signal must be a signal name (such as SIGTERM) or number.")
    .optional(),
});

export const detailQuerySchema = z.object({ reveal: boolParam });

export const containerParamsSchema = z.object({ engine: engineIdSchema, ref: containerRefSchema });

export const engineParamsSchema = z.object({ engine: engineIdSchema });

const PORT_MESSAGE = "{field} must be a number between 1 and 65535.";
const HOST_PORT_MESSAGE = "{field} must be a number between 0 (any free port) and 65535.";

/** Labels starting `berth.` are Berth's own (its helpers, its restores): user input may not set them. */
export const RESERVED_LABEL_PREFIX = "berth.";
/**
 * The one exception: `berth.test`, the label the e2e suite and scripts put on what they create
 * so their clean-up finds it. Berth itself never acts on it.
 */
const USER_SETTABLE_BERTH_LABELS = new Set(["berth.test"]);

/** Labels from a user: at most 256 keys, none in Berth's reserved `berth.` namespace. */
const labelMap = z
  .record(z.string().min(1).max(256), z.string().max(4096))
  .refine((m) => Object.keys(m).length <= 256, "{field} may hold at most 256 labels.")
  .superRefine((m, ctx) => {
    const reserved = Object.keys(m).find((k) => k.toLowerCase().startsWith(RESERVED_LABEL_PREFIX) && !USER_SETTABLE_BERTH_LABELS.has(k));
    if (reserved) ctx.addIssue({ code: "custom", message: `{field} may not use ${reserved}: labels starting with “berth.” are reserved for Berth.` });
  });
const envLine = z.string().regex(/^[^=\s]+=/, "{field} must have the form KEY=value.");

/** What the create form and scripts may set; Docker validates the rest and its message is passed on. */
export const createContainerSchema = z.object({
  image: z.string().trim().min(1).max(512),
  name: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, "Name may contain only letters, digits, dot, dash and underscore, and must start with a letter or digit.")
    .optional(),
  cmd: z.array(z.string().max(4096)).max(256).optional(),
  entrypoint: z.array(z.string().max(4096)).max(64).optional(),
  env: z.array(envLine).max(512).optional(),
  labels: labelMap.optional(),
  ports: z
    .array(
      z.object({
        containerPort: z.number(PORT_MESSAGE).int(PORT_MESSAGE).min(1, PORT_MESSAGE).max(65535, PORT_MESSAGE),
        hostPort: z.number(HOST_PORT_MESSAGE).int(HOST_PORT_MESSAGE).min(0, HOST_PORT_MESSAGE).max(65535, HOST_PORT_MESSAGE).optional(),
        hostIp: z.ipv4().or(z.ipv6()).optional(),
        protocol: z.enum(["tcp", "udp", "sctp"]).default("tcp"),
      }),
    )
    .max(128)
    .optional(),
  restartPolicy: z.enum(["no", "always", "unless-stopped", "on-failure"]).optional(),
  memoryBytes: z
    .number()
    .int()
    .min(6 * 1024 * 1024)
    .optional(),
  nanoCpus: z.number().int().min(1_000_000).optional(),
  tty: z.boolean().optional(),
});

export type CreateContainerInput = z.infer<typeof createContainerSchema>;

export const createQuerySchema = z.object({ start: boolParam });

export const updateUserSchema = z
  .object({ role: z.enum(ROLES).optional(), password: passwordSchema.optional(), scope: accessScopeSchema.nullable().optional() })
  .strict()
  .refine((v) => v.role !== undefined || v.password !== undefined || v.scope !== undefined, "Give a role, a password or a scope.");

export const idParamsSchema = z.object({ id: z.coerce.number().int().positive() });

export const auditQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

/** A point in time as Unix seconds (fractional) or an RFC 3339 string; converted to Unix seconds. */
const timePoint = z.union([
  z.number().nonnegative(),
  z
    .string()
    .refine((v) => !Number.isNaN(Date.parse(v)) || /^\d+(\.\d+)?$/.test(v), "{field} must be Unix seconds or an RFC 3339 time.")
    .transform((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : Date.parse(v) / 1000)),
]);

export const MAX_LOG_CONTAINERS = 20;
export const MAX_LOG_TAIL = 100_000;

export const logsSubscribeSchema = z.object({
  engine: engineIdSchema,
  containers: z.array(containerRefSchema).min(1).max(MAX_LOG_CONTAINERS),
  since: timePoint.optional(),
  until: timePoint.optional(),
  tail: z.number().int().min(0).max(MAX_LOG_TAIL).optional(),
  stdout: z.boolean().default(true),
  stderr: z.boolean().default(true),
});

/** A subscription id: a UUID, or `all:<engine>` for the shared "every container" stats view. */
export const subscriptionSchema = z.object({ subscription: z.string().min(1).max(80) });

const queryBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * `GET …/logs` download: the same range and stream choices as the viewer, plus a text or regex
 * filter. Without `timestamps`, `labels` and `q` the file is what `docker logs` prints, byte for byte.
 */
export const logsDownloadQuerySchema = z.object({
  since: timePoint.optional(),
  until: timePoint.optional(),
  tail: z.coerce.number().int().min(0).optional(),
  timestamps: queryBool.default(false),
  /** Mark stderr lines with `[stderr] `. */
  labels: queryBool.default(false),
  stdout: queryBool.default(true),
  stderr: queryBool.default(true),
  q: z.string().max(1000).optional(),
  regex: queryBool.default(false),
  case: queryBool.default(false),
});

/** One merged download reads this many containers' logs at once, at most. */
export const MAX_MERGED_LOG_CONTAINERS = 50;

/** `GET /engines/{engine}/logs?containers=a,b`: several containers' logs in one file, ordered by time. */
export const mergedLogsQuerySchema = logsDownloadQuerySchema.extend({
  containers: z
    .string({ error: "Name the containers to merge, separated by commas." })
    .max(20_000, "The container list is too long.")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(
      z
        .array(containerRefSchema)
        .min(1, "Name at least one container to merge.")
        .max(MAX_MERGED_LOG_CONTAINERS, `A merged download takes at most ${MAX_MERGED_LOG_CONTAINERS} containers; download the rest separately.`),
    ),
});

export const statsSubscribeSchema = z.object({
  engine: engineIdSchema,
  containers: z.array(containerRefSchema).min(1).max(200).optional(),
  backlogSeconds: z.number().int().min(0).max(900).default(60),
});

export const statsRangeQuerySchema = z.object({ range: z.enum(["15m", "1h", "6h", "24h", "7d"]).default("15m") });

/** Removed containers with stats history: `q` matches name, image or id prefix. */
export const removedStatsQuerySchema = z.object({
  q: z.string().trim().max(128).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/* ---- Images, networks, volumes, system ------------------------------------------------- */

/**
 * An image reference as `docker pull` takes it: `[registry[:port]/]name[:tag][@digest]`, or an
 * image id / id prefix. Lower-case path components, Docker's tag alphabet.
 */
export const imageRefSchema = z
  .string()
  .trim()
  .min(1, "{field} must not be empty: give an image reference such as nginx:1.27.")
  .max(512)
  .regex(
    /^(?:[a-zA-Z0-9.-]+(?::[0-9]+)?\/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*(?::[\w][\w.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$|^(?:sha256:)?[a-f0-9]{4,64}$/,
    "{field} is not an image reference: use name[:tag], such as nginx:1.27 or registry.example.com/team/app:v2.",
  );

export const imageParamsSchema = z.object({ engine: engineIdSchema, ref: imageRefSchema });

export const imagePullSchema = z.object({ ref: imageRefSchema });

export const imageTagSchema = z.object({
  /** The new `repository[:tag]` (tag defaults to latest). */
  target: imageRefSchema,
});

export const imageRemoveQuerySchema = z.object({ force: boolParam, noprune: boolParam });

export const imagePruneSchema = z.object({
  /** dangling: untagged images only (`docker image prune`); all: every image no container uses (`-a`). */
  mode: z.enum(["dangling", "all"]).default("dangling"),
});

export const imagePruneQuerySchema = z.object({ mode: z.enum(["dangling", "all"]).default("dangling") });

/**
 * POST …/images/prune?label=key or ?label=key=value: prune only images carrying that label (Docker's
 * `filters={"label":[…]}`, as `docker image prune --filter label=…`), e.g. a test's or a CI job's own images.
 */
export const imagePruneTargetQuerySchema = z
  .object({
    label: z
      .string()
      .trim()
      .min(1, "label must not be empty.")
      .max(512, "label must be at most 512 characters.")
      .regex(/^[^=\s]+(=.*)?$/s, "label must be a label key or key=value.")
      .optional(),
  })
  .strict();

/** Network and volume names: Docker's `[a-zA-Z0-9][a-zA-Z0-9_.-]*`. */
export const objectNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(255)
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "{field} may contain only letters, digits, dot, dash and underscore, and must start with a letter or digit.");

export const networkParamsSchema = z.object({ engine: engineIdSchema, ref: objectNameSchema });
export const volumeParamsSchema = z.object({ engine: engineIdSchema, name: objectNameSchema });

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

const optionMap = z.record(z.string().min(1).max(256), z.string().max(4096));

export const NETWORK_DRIVERS = ["bridge", "overlay", "macvlan", "ipvlan"] as const;

export const networkCreateSchema = z
  .object({
    name: objectNameSchema,
    driver: z.enum(NETWORK_DRIVERS).default("bridge"),
    subnet: optionalText(64),
    ipRange: optionalText(64),
    gateway: optionalText(64),
    internal: z.boolean().default(false),
    attachable: z.boolean().default(false),
    ipv6: z.boolean().default(false),
    /** Dual stack: the IPv6 pool beside the IPv4 `subnet` (needs `ipv6`). */
    ipv6Subnet: optionalText(64),
    ipv6Gateway: optionalText(64),
    labels: labelMap.optional(),
    options: optionMap.optional(),
  })
  .superRefine((v, ctx) => {
    for (const problem of [checkIpamConfig(v), checkIpv6Config(v)]) {
      if (problem) ctx.addIssue({ code: "custom", path: [problem.field], message: problem.message });
    }
  });

export type NetworkCreateInput = z.infer<typeof networkCreateSchema>;

export const networkConnectSchema = z.object({
  container: containerRefSchema,
  aliases: z.array(objectNameSchema).max(32).optional(),
  ipv4: optionalText(64).refine((v) => v === undefined || parseIPv4(v) !== null, "{field} must be an IPv4 address such as 172.28.5.10."),
  ipv6: optionalText(64).refine((v) => v === undefined || parseIPv6(v) !== null, "{field} must be an IPv6 address such as fd00:1::10."),
});

export const networkDisconnectSchema = z.object({ container: containerRefSchema, force: z.boolean().default(false) });

export const volumeCreateSchema = z.object({
  name: objectNameSchema.optional(),
  driver: z
    .string()
    .trim()
    .regex(/^[\w./:-]{1,128}$/, "Driver must be a volume driver name such as local.")
    .default("local"),
  /** e.g. the local driver's `type=nfs`, `o=addr=10.0.0.5,rw`, `device=:/export`. */
  options: optionMap.optional(),
  labels: labelMap.optional(),
});

export type VolumeCreateInput = z.infer<typeof volumeCreateSchema>;

export const volumeRemoveQuerySchema = z.object({ force: boolParam });

export const volumeBrowseQuerySchema = z.object({
  path: z
    .string()
    .max(4096)
    .default("/")
    .transform((p, ctx) => {
      const safe = safeVolumePath(p);
      if (safe === null) {
        ctx.addIssue({ code: "custom", message: "Path must be a path inside the volume (no “..”, backslashes or NUL)." });
        return z.NEVER;
      }
      return safe;
    }),
});

export const volumeRestoreQuerySchema = z.object({
  /** Create the volume when it does not exist. */
  create: boolParam,
});

export const systemPruneSchema = z.object({
  containers: z.boolean().default(true),
  images: z.enum(["none", "dangling", "all"]).default("dangling"),
  networks: z.boolean().default(true),
  volumes: z.boolean().default(false),
  buildCache: z.boolean().default(true),
});

export type SystemPruneInput = z.infer<typeof systemPruneSchema>;

export const registryServerSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9.-]+(?::[0-9]{1,5})?$/, "Registry server must be a host such as registry.example.com or 127.0.0.1:5000 (no scheme, no path).");

export const registryCredentialSchema = z.object({
  serverAddress: registryServerSchema,
  username: z.string().trim().min(1, "Username is required.").max(256),
  password: z.string().min(1, "Password or token is required.").max(8192),
});

export const imageTransferSchema = z.object({ engine: engineIdSchema, ref: imageRefSchema });

export const imageTransferCancelSchema = z.object({ operation: z.uuid() });

export const alertRuleParamsSchema = z.object({ rule: z.enum(["container-down", "restart-loop", "unhealthy", "cpu-high", "memory-high", "oom-killed"]) });

export const updateAlertRuleSchema = z
  .object({
    enabled: z.boolean(),
    threshold: z.number().min(0).max(100_000),
    forSeconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 3600),
    webhookUrl: z
      .url({ protocol: /^https?$/ })
      .max(2048)
      .nullable(),
    allowPrivateWebhook: z.boolean(),
  })
  .partial();

export const createSilenceSchema = z
  .object({
    rule: alertRuleParamsSchema.shape.rule.optional(),
    containerName: z.string().trim().min(1).max(256).optional(),
    minutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60),
    reason: z.string().trim().min(1).max(500),
  })
  .refine((v) => v.rule || v.containerName, "Silence a rule, a container, or both.");

export const alertsQuerySchema = z.object({
  status: z.enum(["firing", "all"]).default("all"),
  limit: z.coerce.number().int().min(1).max(500).default(200),
});
