"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api-client";
import { login, setupNeededQuery } from "@/lib/queries/auth";
import { loginSchema } from "@/lib/schemas";
import { FormError } from "./auth-card";
import { fieldErrors as issueErrors } from "@/lib/zod-messages";

function messageFor(e: unknown): string {
  if (e instanceof ApiError) {
    // The server's wording already says what to do (wrong credentials, or when to try again).
    if (e.status >= 500) return `Berth could not sign you in right now (${e.message}). Try again in a moment.`;
    return e.message;
  }
  return "Cannot reach the Berth server. Check your connection and try again.";
}

export function LoginForm({ next }: { next: string }) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<{ username?: string; password?: string }>({});
  const setup = useQuery(setupNeededQuery());

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const parsed = loginSchema.safeParse({ username: form.get("username"), password: form.get("password") });
    if (!parsed.success) {
      setFieldErrors(issueErrors(parsed.error.issues));
      setError(null);
      return;
    }
    setFieldErrors({});
    setError(null);
    setPending(true);
    try {
      await login(parsed.data);
      // A full load: the console layout, the socket and the caches all start from the new session.
      window.location.assign(next);
    } catch (err) {
      setError(messageFor(err));
      setPending(false);
    }
  }

  return (
    <>
      {setup.data?.needed && (
        <div className="mb-4 rounded-md border border-accent/30 bg-accent-soft px-3 py-2 text-[13px] text-fg" data-testid="setup-needed">
          No administrator exists yet.{" "}
          <Link href="/setup" className="font-medium text-accent underline-offset-2 hover:underline">
            Set up Berth
          </Link>{" "}
          with the token from the server log.
        </div>
      )}
      <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="login-form">
        <FormError>{error}</FormError>
        <Field label="Username" htmlFor="username" error={fieldErrors.username}>
          <Input
            id="username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            autoFocus
            required
            aria-invalid={!!fieldErrors.username}
            aria-describedby={fieldErrors.username ? "username-error" : undefined}
          />
        </Field>
        <Field label="Password" htmlFor="password" error={fieldErrors.password}>
          <Input
            id="password"
            name="password"
            type="password"
            autoComplete="current-password"
            required
            aria-invalid={!!fieldErrors.password}
            aria-describedby={fieldErrors.password ? "password-error" : undefined}
          />
        </Field>
        <Button type="submit" disabled={pending} className="mt-1 w-full">
          {pending && <Spinner className="text-accent-fg" label="Signing in" />}
          {pending ? "Signing in…" : "Sign in"}
        </Button>
      </form>
    </>
  );
}
