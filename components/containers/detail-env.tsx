"use client";

import { Eye, EyeOff, Lock } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Spinner } from "@/components/ui/spinner";
import { Table, TableFrame, Td, Th } from "@/components/ui/table";
import { MASK } from "@/lib/secrets";
import type { ContainerDetail } from "@/lib/wire";
import { plural } from "@/lib/plural";

/**
 * Environment variables. Secret-looking values arrive masked (null) from the server; only an
 * admin gets a Reveal button, which asks the server again with ?reveal=true (audited there).
 */
export function DetailEnv({
  d,
  canReveal,
  revealed,
  revealing,
  onReveal,
  onHide,
  revealError,
}: {
  d: ContainerDetail;
  canReveal: boolean;
  revealed: boolean;
  revealing: boolean;
  onReveal: () => void;
  onHide: () => void;
  revealError: string | null;
}) {
  if (d.env.length === 0) return <EmptyState icon={Lock} title="No environment variables" className="py-10" />;
  const secretCount = d.env.filter((e) => e.secret).length;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-[13px] text-muted">
          {plural(d.env.length, "variable")}
          {secretCount > 0 && (
            <>
              {" "}
              · {secretCount} {secretCount === 1 ? "looks" : "look"} secret
              {revealed ? " (revealed — this was recorded in the audit log)" : d.secretsMasked ? " and " + (secretCount === 1 ? "is" : "are") + " masked" : ""}
            </>
          )}
        </p>
        {canReveal &&
          secretCount > 0 &&
          (revealed ? (
            <Button variant="secondary" size="sm" onClick={onHide} data-testid="hide-secrets">
              <EyeOff />
              Hide secrets
            </Button>
          ) : (
            <Button variant="secondary" size="sm" onClick={onReveal} disabled={revealing} data-testid="reveal-secrets">
              {revealing ? <Spinner /> : <Eye />}
              Reveal secrets
            </Button>
          ))}
      </div>
      {revealError && (
        <p role="alert" className="rounded-md bg-danger-soft px-3 py-2 text-[13px] text-danger">
          Could not reveal secrets: {revealError}
        </p>
      )}
      <TableFrame>
        <Table data-testid="env-table">
          <thead>
            <tr>
              <Th className="w-1/3">Key</Th>
              <Th>Value</Th>
            </tr>
          </thead>
          <tbody>
            {d.env.map((e, i) => (
              <tr key={`${e.key}-${i}`} data-testid="env-row" data-key={e.key} data-masked={e.value === null}>
                <Td className="py-1.5 font-mono text-xs font-medium break-all text-fg">{e.key}</Td>
                <Td className="py-1.5 font-mono text-xs break-all">
                  {e.value === null ? (
                    <span className="inline-flex items-center gap-1.5 text-muted" title="Masked: looks like a secret" data-testid="masked-value">
                      <Lock className="size-3.5 shrink-0 text-amber-600 dark:text-amber-400" aria-label="Secret" />
                      {MASK}
                    </span>
                  ) : e.value === "" ? (
                    <span className="text-faint italic">empty</span>
                  ) : (
                    <span className={e.secret ? "text-amber-800 dark:text-amber-200" : "text-fg"}>
                      {e.secret && <Lock className="mr-1.5 inline size-3.5 align-[-2px] text-amber-600 dark:text-amber-400" aria-label="Secret (revealed)" />}
                      {e.value}
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </TableFrame>
    </div>
  );
}
