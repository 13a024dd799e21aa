"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Filter, Trash2, TriangleAlert, UserPlus, Users } from "lucide-react";
import { useState, type FormEvent } from "react";
import { toast } from "sonner";
import { PageHeader } from "@/components/page-header";
import { RelativeTime } from "@/components/containers/relative-time";
import { useCurrentUser } from "@/components/shell/current-user";
import { RoleBadge } from "@/components/shell/user-block";
import { FormError } from "@/components/auth/auth-card";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogClose, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input, Select } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import { ApiError } from "@/lib/api-client";
import { ROLES } from "@/lib/policy";
import { createUser, deleteUser, updateUser, userKeys, usersQuery } from "@/lib/queries/users";
import { createUserSchema } from "@/lib/schemas";
import type { Role, UserSummary } from "@/lib/wire";
import { fieldErrors } from "@/lib/zod-messages";
import { ScopeDialog, ScopeSummary } from "./scope-dialog";

const ROLE_HINT: Record<Role, string> = {
  viewer: "Viewer — read-only: lists, details, logs, stats",
  operator: "Operator — viewer + start/stop/restart, exec",
  admin: "Admin — everything, including remove, users and secrets",
};

const errorText = (e: unknown) => (e instanceof ApiError ? e.message : "Cannot reach the Berth server");

function CreateUserDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (o: boolean) => void }) {
  const qc = useQueryClient();
  const [errors, setErrors] = useState<Partial<Record<"username" | "password" | "role", string>>>({});
  const create = useMutation({
    mutationFn: createUser,
    onSuccess: (u) => {
      toast.success(`Created ${u.username} (${u.role})`, { id: `user-created-${u.id}` });
      void qc.invalidateQueries({ queryKey: userKeys.list });
      onOpenChange(false);
    },
  });

  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const parsed = createUserSchema.safeParse({ username: f.get("username"), password: f.get("password"), role: f.get("role") });
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues) as typeof errors);
      return;
    }
    setErrors({});
    create.mutate(parsed.data);
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(o) => {
        if (!o) {
          create.reset();
          setErrors({});
        }
        onOpenChange(o);
      }}
    >
      <DialogContent title="Create user" description="They sign in with this username and password; ask them to keep the password safe.">
        <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" data-testid="create-user-form">
          <FormError>{create.isError ? errorText(create.error) : null}</FormError>
          <Field label="Username" htmlFor="new-username" error={errors.username}>
            <Input id="new-username" name="username" autoComplete="off" autoCapitalize="none" spellCheck={false} autoFocus aria-invalid={!!errors.username} />
          </Field>
          <Field label="Password" htmlFor="new-password" error={errors.password} hint="At least 12 characters.">
            <Input id="new-password" name="password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} />
          </Field>
          <Field label="Role" htmlFor="new-role" error={errors.role}>
            <Select id="new-role" name="role" defaultValue="viewer">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {ROLE_HINT[r]}
                </option>
              ))}
            </Select>
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button variant="secondary">Cancel</Button>
            </DialogClose>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? "Creating…" : "Create user"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

function UserRow({ u, self, onDelete, onScope }: { u: UserSummary; self: boolean; onDelete: (u: UserSummary) => void; onScope: (u: UserSummary) => void }) {
  const qc = useQueryClient();
  const change = useMutation({
    mutationFn: (role: Role) => updateUser(u.id, { role }),
    onSuccess: (updated) => toast.success(`${updated.username} is now ${updated.role}`, { id: `user-role-${u.id}` }),
    onError: (e) => toast.error(`Could not change the role of ${u.username}`, { id: `user-role-error-${u.id}`, description: errorText(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: userKeys.list }),
  });
  const selfHint = "You cannot change or delete your own account here, so Berth always keeps an admin.";
  return (
    <tr data-testid="user-row" data-username={u.username}>
      <Td className="font-medium">
        {u.username}
        {self && <span className="ml-2 text-xs font-normal text-muted">(you)</span>}
        {u.scope && (
          <div className="mt-1 font-normal sm:hidden">
            <ScopeSummary scope={u.scope} />
          </div>
        )}
      </Td>
      <Td>
        {self ? (
          <Tooltip content={selfHint}>
            <span tabIndex={0} className="rounded">
              <RoleBadge role={u.role} />
            </span>
          </Tooltip>
        ) : (
          <Select
            aria-label={`Role of ${u.username}`}
            value={change.isPending && change.variables ? change.variables : u.role}
            disabled={change.isPending}
            onChange={(e) => change.mutate(e.target.value as Role)}
            className="h-7 w-32 min-w-28 text-[13px]"
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </Select>
        )}
      </Td>
      <Td className="hidden max-w-sm text-[13px] sm:table-cell">
        <ScopeSummary scope={u.scope} />
      </Td>
      <Td className="hidden whitespace-nowrap text-muted sm:table-cell">
        <RelativeTime iso={u.createdAt} />
      </Td>
      <Td className="w-20 pr-2 text-right whitespace-nowrap">
        {!self && (
          <Tooltip content={`Scope of ${u.username}: which engines and containers they see`}>
            <Button variant="ghost" size="icon-sm" aria-label={`Set the scope of ${u.username}`} onClick={() => onScope(u)}>
              <Filter />
            </Button>
          </Tooltip>
        )}
        {!self && (
          <Tooltip content={`Delete ${u.username}`}>
            <Button variant="ghost-danger" size="icon-sm" aria-label={`Delete ${u.username}`} onClick={() => onDelete(u)}>
              <Trash2 />
            </Button>
          </Tooltip>
        )}
      </Td>
    </tr>
  );
}

export function UsersView() {
  const me = useCurrentUser();
  const qc = useQueryClient();
  const query = useQuery(usersQuery());
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<UserSummary | null>(null);
  const [scoping, setScoping] = useState<UserSummary | null>(null);
  const remove = useMutation({
    mutationFn: (u: UserSummary) => deleteUser(u.id),
    onSuccess: (_r, u) => toast.success(`Deleted ${u.username}`, { id: `user-deleted-${u.id}` }),
    onError: (e, u) => toast.error(`Could not delete ${u.username}`, { id: `user-delete-error-${u.id}`, description: errorText(e) }),
    onSettled: () => qc.invalidateQueries({ queryKey: userKeys.list }),
  });

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to Berth, and what each role may do."
        actions={
          <Button onClick={() => setCreating(true)} data-testid="create-user">
            <UserPlus />
            Create user
          </Button>
        }
      />
      <div className="px-4 py-4 sm:px-6">
        {query.isPending ? (
          <div className="space-y-2">
            {Array.from({ length: 4 }, (_, i) => (
              <Skeleton key={i} className="h-9 w-full" />
            ))}
          </div>
        ) : query.isError ? (
          <div className="rounded-lg border border-line bg-surface">
            <EmptyState
              icon={TriangleAlert}
              tone="danger"
              title="Could not load users"
              action={
                <Button variant="secondary" onClick={() => void query.refetch()}>
                  Retry
                </Button>
              }
            >
              {errorText(query.error)}
            </EmptyState>
          </div>
        ) : query.data.length === 0 ? (
          <div className="rounded-lg border border-line bg-surface">
            <EmptyState icon={Users} title="No users" />
          </div>
        ) : (
          <TableFrame className="max-w-3xl">
            <Table data-testid="users-table">
              <thead>
                <tr>
                  <Th>Username</Th>
                  <Th>Role</Th>
                  <Th className="hidden sm:table-cell">Sees</Th>
                  <Th className="hidden sm:table-cell">Created</Th>
                  <Th className="w-20">
                    <span className="sr-only">Actions</span>
                  </Th>
                </tr>
              </thead>
              <tbody>
                {query.data.map((u) => (
                  <UserRow key={u.id} u={u} self={u.id === me.id} onDelete={setDeleting} onScope={setScoping} />
                ))}
              </tbody>
            </Table>
          </TableFrame>
        )}
        <dl className="mt-6 grid max-w-3xl gap-2 text-[13px] text-muted sm:grid-cols-3">
          {ROLES.map((r) => (
            <div key={r} className="rounded-md border border-line bg-surface px-3 py-2">
              <dt className="mb-1">
                <RoleBadge role={r} />
              </dt>
              <dd>{ROLE_HINT[r].split(" — ")[1]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <CreateUserDialog open={creating} onOpenChange={setCreating} />
      <ScopeDialog user={scoping} onOpenChange={(o) => !o && setScoping(null)} />
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(o) => !o && setDeleting(null)}
        title={`Delete ${deleting?.username ?? "user"}?`}
        description="They are signed out everywhere and can no longer sign in. Their audit history is kept."
        confirmLabel="Delete user"
        onConfirm={() => deleting && remove.mutate(deleting)}
      />
    </>
  );
}
