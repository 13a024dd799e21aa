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
