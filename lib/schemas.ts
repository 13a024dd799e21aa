import { z } from "zod";
import { ROLES } from "./policy";

/** Input schemas shared by route handlers, socket handlers and forms. */

export const loginSchema = z.object({
  username: z.string().trim().min(1, "Username is required").max(64),
  password: z.string().min(1, "Password is required").max(1024),
});

export const passwordSchema = z.string().min(12, "Use at least 12 characters").max(1024);

export const usernameSchema = z
  .string()
  .trim()
  .min(2)
  .max(64)
  .regex(/^[a-zA-Z0-9._-]+$/, "Letters, digits, dot, dash and underscore only");

export const setupSchema = z.object({
  token: z.string().trim().min(1, "The setup token from the server log is required"),
  username: usernameSchema,
  password: passwordSchema,
});

export const createUserSchema = z.object({
  username: usernameSchema,
  password: passwordSchema,
  role: z.enum(ROLES),
});

export const createTokenSchema = z.object({
  name: z.string().trim().min(1).max(64),
  role: z.enum(ROLES),
});

export const engineIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, "Not an engine id");

/** A container reference: full id, unique id prefix or name (Docker's own name rules). */
export const containerRefSchema = z
  .string()
  .min(1)
  .max(256)
  .regex(/^\/?[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, "Not a container id or name");

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
    .regex(/^(SIG)?[A-Z0-9+-]{2,12}$|^[0-9]{1,2}$/, "Not a signal name or number")
    .optional(),
});

export const detailQuerySchema = z.object({ reveal: boolParam });

export const containerParamsSchema = z.object({ engine: engineIdSchema, ref: containerRefSchema });

export const engineParamsSchema = z.object({ engine: engineIdSchema });

const envLine = z.string().regex(/^[^=\s]+=/, "Use KEY=value");

/** What the create form and scripts may set; Docker validates the rest and its message is passed on. */
export const createContainerSchema = z.object({
  image: z.string().trim().min(1).max(512),
  name: z
    .string()
    .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/, "Letters, digits, dot, dash and underscore; starts with a letter or digit")
    .optional(),
  cmd: z.array(z.string().max(4096)).max(256).optional(),
  entrypoint: z.array(z.string().max(4096)).max(64).optional(),
  env: z.array(envLine).max(512).optional(),
  labels: z.record(z.string().max(256), z.string().max(4096)).optional(),
  ports: z
    .array(
      z.object({
        containerPort: z.number().int().min(1).max(65535),
        hostPort: z.number().int().min(0).max(65535).optional(),
        hostIp: z.ipv4().or(z.ipv6()).optional(),
        protocol: z.enum(["tcp", "udp", "sctp"]).default("tcp"),
      }),
    )
    .max(128)
    .optional(),
  restartPolicy: z.enum(["no", "always", "unless-stopped", "on-failure"]).optional(),
  memoryBytes: z.number().int().min(6 * 1024 * 1024).optional(),
  nanoCpus: z.number().int().min(1_000_000).optional(),
  tty: z.boolean().optional(),
});

export type CreateContainerInput = z.infer<typeof createContainerSchema>;

export const createQuerySchema = z.object({ start: boolParam });

export const updateUserSchema = z
  .object({ role: z.enum(ROLES).optional(), password: passwordSchema.optional() })
  .refine((v) => v.role !== undefined || v.password !== undefined, "Give a role or a password");

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
    .refine((v) => !Number.isNaN(Date.parse(v)) || /^\d+(\.\d+)?$/.test(v), "Use Unix seconds or an RFC 3339 time")
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

export const subscriptionSchema = z.object({ subscription: z.string().min(1).max(64) });

const queryBool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** `GET …/logs` download: the same range and stream choices as the viewer, plus a text or regex filter. */
export const logsDownloadQuerySchema = z.object({
  since: timePoint.optional(),
  until: timePoint.optional(),
  tail: z.coerce.number().int().min(0).optional(),
  timestamps: queryBool.default(true),
  stdout: queryBool.default(true),
  stderr: queryBool.default(true),
  q: z.string().max(1000).optional(),
  regex: queryBool.default(false),
  case: queryBool.default(false),
});
