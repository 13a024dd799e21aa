"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { ApiError } from "@/lib/api-client";
import { updateUser, userKeys } from "@/lib/queries/users";
import { accessScopeSchema } from "@/lib/schemas";
import type { AccessScope, UserSummary } from "@/lib/wire";
import { fieldErrors } from "@/lib/zod-messages";

/** "a, b c" → ["a", "b", "c"]: lists are typed comma- or space-separated. */
const splitList = (v: FormDataEntryValue | null) =>
  String(v ?? "")
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A scope in a few words, for the users table: "all" when unscoped. */
export function ScopeSummary({ scope }: { scope?: AccessScope }) {
  if (!scope) return <span className="text-muted">All containers</span>;
  return (
    <span className="flex flex-wrap gap-1" data-testid="user-scope">
      {scope.engines?.map((e) => (
        <code key={`e-${e}`} className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs" title="Engine">
          {`engine ${e}`}
        </code>
      ))}
      {scope.labels?.map((l, i) => (
        <span key={`l-${l}`} className="inline-flex items-center gap-1">
          {i > 0 && <span className="text-[12px] text-muted">or</span>}
          <code className="rounded bg-surface-2 px-1.5 py-0.5 font-mono text-xs" title="Label selector">
            {l}
          </code>
        </span>
      ))}
    </span>
  );
}

/** Sets or clears a user's scope: engines, and label selectors of which a container must match one. */
export function ScopeDialog({ user, onOpenChange }: { user: UserSummary | null; onOpenChange: (o: boolean) => void }) {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Partial<Record<"engines" | "labels", string>>>({});
  const save = useMutation({
    mutationFn: (scope: AccessScope | null) => updateUser(user!.id, { scope }),
    onSuccess: (u) => {
      toast.success(u.scope ? `${u.username} now sees only their scope` : `${u.username} now sees everything`, { id: `user-scope-${u.id}` });
      void qc.invalidateQueries({ queryKey: userKeys.list });
      onOpenChange(false);
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const parsed = accessScopeSchema.safeParse({ engines: splitList(f.get("engines")), labels: splitList(f.get("labels")) });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues) as typeof errors);
      return;
    }
    setErrors({});
    const limited = !!parsed.data.engines?.length || !!parsed.data.labels?.length;
    save.mutate(limited ? parsed.data : null);
  }

  return (
    <Dialog
      open={user !== null}
      onOpenChange={(o) => {
        if (!o) {
          save.reset();
          setErrors({});
        }
        onOpenChange(o);
      }}
    >
      <DialogContent
        title={`Scope of ${user?.username ?? "user"}`}
        description="Limit what this user sees. Containers outside the scope are hidden as if they did not exist; images, networks and volumes show when an in-scope container uses them. Leave both empty for no limit. Saving signs the user out."
      >
        <form key={user?.id} onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="scope-form">
          <FormError>{save.isError ? (save.error instanceof ApiError ? save.error.message : "Cannot reach the Berth server") : null}</FormError>
          <Field label="Engines" htmlFor="scope-engines" error={errors.engines} hint="Engine ids, separated by commas. Empty: every engine.">
            <Input
              id="scope-engines"
              name="engines"
              defaultValue={user?.scope?.engines?.join(", ") ?? ""}
              autoComplete="off"
              spellCheck={false}
              placeholder="local"
            />
          </Field>
          <Field
            label="Label selectors"
            htmlFor="scope-labels"
            error={errors.labels}
            hint="key=value, or key alone for any value, separated by commas. A container is in scope when it matches any one. Empty: every container."
          >
            <Input
              id="scope-labels"
              name="labels"
              defaultValue={user?.scope?.labels?.join(", ") ?? ""}
              autoComplete="off"
              spellCheck={false}
              placeholder="team=payments, com.docker.compose.project=shop"
            />
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save scope"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
