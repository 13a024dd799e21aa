import { queryOptions } from "@tanstack/react-query";
import { ApiError } from "@/lib/api-client";
import type { ApiErrorBody } from "@/lib/wire";

/** How many lines an exited container's overview shows. */
export const LAST_LINES = 20;

const logsPath = (engine: string, ref: string) => `/api/v1/engines/${encodeURIComponent(engine)}/containers/${encodeURIComponent(ref)}/logs`;

/**
 * The last lines a container wrote, as `docker logs --tail 20` prints them (the plain download).
 * Keyed by when it finished, so a container that ran and exited again is read again; under the
 * container's detail key, so whatever refreshes the detail refreshes this too.
 */
export const lastLogLinesQuery = (engine: string, ref: string, finishedAt: string | undefined) =>
  queryOptions({
    queryKey: ["engines", engine, "containers", ref, "last-lines", finishedAt ?? ""] as const,
    queryFn: async ({ signal }): Promise<string[]> => {
      const res = await fetch(`${logsPath(engine, ref)}?tail=${LAST_LINES}`, { signal, credentials: "same-origin" });
      const text = await res.text();
      if (!res.ok) {
        let err: ApiErrorBody["error"] | undefined;
        try {
          err = (JSON.parse(text) as ApiErrorBody).error;
        } catch {
          // not JSON: fall back to the status
        }
        throw new ApiError(res.status, err?.code ?? "http_error", err?.message ?? `${res.status} ${res.statusText}`);
      }
      const lines = text.split("\n");
      if (lines.at(-1) === "") lines.pop();
      return lines;
    },
    staleTime: 30_000,
  });
