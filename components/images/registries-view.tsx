"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ArrowLeft, KeyRound, Trash2 } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { PageHeader } from "@/components/page-header";
import { formatFullDate } from "@/components/containers/relative-time";
import { errorMessage, runWithToast } from "@/components/resources/use-run";
import { useCurrentUser } from "@/components/shell/current-user";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field, Input } from "@/components/ui/input";
import { Section } from "@/components/ui/section";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { can } from "@/lib/policy";
import { deleteRegistry, imageKeys, registriesQuery, saveRegistry } from "@/lib/queries/images";
import { registryCredentialSchema } from "@/lib/schemas";
import { issueSentence } from "@/lib/zod-messages";

/** Registry credentials (admin): saved encrypted on the server, used for pull and push, never shown again. */
export function RegistriesView() {
  const user = useCurrentUser();
  const allowed = can(user.role, "registries:manage");
  const qc = useQueryClient();
  const q = useQuery({ ...registriesQuery(), enabled: allowed });
  const [form, setForm] = useState({ serverAddress: "", username: "", password: "" });
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const save = useMutation({
    mutationFn: saveRegistry,
    onSuccess: (r) => {
      setForm({ serverAddress: "", username: "", password: "" });
      setError(null);
      void qc.invalidateQueries({ queryKey: imageKeys.registries });
      void runWithToast(`reg-${r.serverAddress}`, async () => r, { success: () => `Saved credentials for ${r.serverAddress}`, failure: "" });
    },
    onError: (e) => setError({ message: errorMessage(e) }),
  });
  if (!allowed)
    return (
      <EmptyState icon={KeyRound} title="Admins only">
        Registry credentials are managed by admins.
      </EmptyState>
    );
  return (
    <>
      <PageHeader
        title="Registry credentials"
        description={
          <Link href="/images" className="inline-flex items-center gap-1 hover:text-fg">
            <ArrowLeft className="size-3.5" /> Images
          </Link>
        }
      />
      <div className="grid gap-4 px-4 py-4 sm:px-6 lg:grid-cols-[1fr_22rem]">
        <div>
          {q.data && q.data.length === 0 ? (
            <div className="rounded-lg border border-line bg-surface">
              <EmptyState icon={KeyRound} title="No saved credentials">
                Pulls and pushes go out anonymously. Save a login for a private registry and Berth sends it (as X-Registry-Auth) whenever an image reference
                names that registry.
              </EmptyState>
            </div>
          ) : (
            <TableFrame>
              <Table data-testid="registries-table">
                <thead>
                  <tr>
                    <Th>Registry</Th>
                    <Th>Username</Th>
                    <Th>Secret</Th>
                    <Th>Updated</Th>
                    <Th className="w-10" />
                  </tr>
                </thead>
                <tbody>
                  {(q.data ?? []).map((r) => (
                    <tr key={r.id} data-testid="registry-row">
                      <Td className="font-mono text-xs">{r.serverAddress}</Td>
                      <Td>{r.username}</Td>
                      <Td className="text-muted">•••••••• (stored encrypted)</Td>
                      <Td className="text-muted">{formatFullDate(r.updatedAt)}</Td>
                      <Td>
                        <Button
                          variant="ghost-danger"
                          size="icon-sm"
                          aria-label={`Delete ${r.serverAddress}`}
                          onClick={() =>
                            void runWithToast(`reg-del-${r.id}`, () => deleteRegistry(r.id), {
                              success: () => `Deleted credentials for ${r.serverAddress}`,
                              failure: "Could not delete",
                            }).then(() => qc.invalidateQueries({ queryKey: imageKeys.registries }))
                          }
                        >
                          <Trash2 />
                        </Button>
                      </Td>
                    </tr>
                  ))}
                </tbody>
              </Table>
            </TableFrame>
          )}
        </div>
        <Section title="Save credentials">
          <form
            className="space-y-3 py-3"
            onSubmit={(e) => {
              e.preventDefault();
              const parsed = registryCredentialSchema.safeParse(form);
              if (!parsed.success) {
                const issue = parsed.error.issues[0]!;
                return setError({ field: String(issue.path[0] ?? ""), message: issueSentence(issue) });
              }
              save.mutate(parsed.data);
            }}
          >
            <Field
              label="Registry host"
              htmlFor="reg-host"
              hint="As in image names: registry.example.com, 127.0.0.1:5000, docker.io"
              error={error?.field === "serverAddress" ? error.message : null}
            >
              <Input
                id="reg-host"
                value={form.serverAddress}
                onChange={(e) => setForm({ ...form, serverAddress: e.target.value })}
                placeholder="registry.example.com"
              />
            </Field>
            <Field label="Username" htmlFor="reg-user" error={error?.field === "username" ? error.message : null}>
              <Input id="reg-user" value={form.username} autoComplete="off" onChange={(e) => setForm({ ...form, username: e.target.value })} />
            </Field>
            <Field
              label="Password or token"
              htmlFor="reg-pass"
              hint="Saving again for the same host replaces it."
              error={error?.field === "password" ? error.message : null}
            >
              <Input
                id="reg-pass"
                type="password"
                autoComplete="new-password"
                value={form.password}
                onChange={(e) => setForm({ ...form, password: e.target.value })}
              />
            </Field>
            {error && !error.field && <p className="text-[13px] text-danger">{error.message}</p>}
            <Button type="submit" disabled={save.isPending}>
              Save
            </Button>
          </form>
        </Section>
      </div>
    </>
  );
}
