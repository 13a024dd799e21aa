"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import { Spinner } from "@/components/ui/spinner";
import { ApiError } from "@/lib/api-client";
import { completeSetup, setupNeededQuery } from "@/lib/queries/auth";
import { setupSchema } from "@/lib/schemas";
import { FormError } from "./auth-card";
import { fieldErrors as issueErrors } from "@/lib/zod-messages";

type FieldName = "token" | "username" | "password" | "confirm";

export function SetupForm() {
  const setup = useQuery(setupNeededQuery());
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [done, setDone] = useState(false);

  if (setup.data && !setup.data.needed && !pending) {
    return (
      <div className="space-y-4" data-testid="setup-done">
        <p className="text-[13px] text-muted">Berth already has an administrator. Sign in with your account; an admin can create more users.</p>
        <Link href="/login" className={buttonClasses("default", "md", "w-full")}>
          Go to sign in
        </Link>
      </div>
    );
  }

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const confirm = String(form.get("confirm") ?? "");
    const parsed = setupSchema.safeParse({ token: form.get("token"), username: form.get("username"), password: form.get("password") });
    const errs: Partial<Record<FieldName, string>> = parsed.success ? {} : issueErrors(parsed.error.issues);
    if (String(form.get("password") ?? "") !== confirm) errs.confirm = "The passwords do not match.";
    setFieldErrors(errs);
    setError(null);
    if (!parsed.success || errs.confirm) return;
    setPending(true);
    try {
      await completeSetup(parsed.data);
      setDone(true);
      // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose: the new session cookie and a fresh shell, as after signing in
      window.location.assign("/containers");
    } catch (err) {
      if (err instanceof ApiError && err.status === 400 && /token/i.test(err.message)) setFieldErrors({ token: err.message });
      else if (err instanceof ApiError && err.status === 400 && /password/i.test(err.message)) setFieldErrors({ password: err.message });
      else if (err instanceof ApiError && err.status === 409) setError("Berth was set up in the meantime. Sign in instead.");
      else setError(err instanceof ApiError ? err.message : "Cannot reach the Berth server. Try again.");
      setPending(false);
    }
  }

  const invalid = (f: FieldName) => ({ "aria-invalid": !!fieldErrors[f], "aria-describedby": fieldErrors[f] ? `${f}-error` : undefined });

  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="setup-form">
      <FormError>{error}</FormError>
      <Field
        label="Setup token"
        htmlFor="token"
        error={fieldErrors.token}
        hint={<>Printed once in the server log at first start (look for &ldquo;setup token&rdquo;).</>}
      >
        <Input id="token" name="token" autoComplete="off" spellCheck={false} autoFocus className="font-mono" {...invalid("token")} />
      </Field>
      <Field label="Admin username" htmlFor="username" error={fieldErrors.username}>
        <Input id="username" name="username" defaultValue="admin" autoComplete="username" autoCapitalize="none" spellCheck={false} {...invalid("username")} />
      </Field>
      <Field label="Password" htmlFor="password" error={fieldErrors.password} hint="At least 12 characters. A passphrase works well.">
        <Input id="password" name="password" type="password" autoComplete="new-password" minLength={12} {...invalid("password")} />
      </Field>
      <Field label="Confirm password" htmlFor="confirm" error={fieldErrors.confirm}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" {...invalid("confirm")} />
      </Field>
      <Button type="submit" disabled={pending || done} className="mt-1 w-full">
        {pending && <Spinner className="text-accent-fg" label="Creating" />}
        {pending ? "Creating administrator…" : "Create administrator and sign in"}
      </Button>
    </form>
  );
}
