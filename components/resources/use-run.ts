"use client";

import { toast } from "sonner";
import { ApiError } from "@/lib/api-client";

/** Docker's own words, verbatim: they are what an operator can search for. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `Network error: ${e.message}`;
  return "The request failed";
}

/**
 * Runs one action and reports it with a toast: success in a few words, failure with Docker's
 * message (deduped by id, kept for 10 s).
 */
export async function runWithToast<T>(
  id: string,
  work: () => Promise<T>,
  messages: { success: (r: T) => string; failure: string; description?: (r: T) => string | undefined },
): Promise<T | undefined> {
  try {
    const r = await work();
    toast.success(messages.success(r), { id: `ok-${id}`, description: messages.description?.(r) });
    return r;
  } catch (e) {
    toast.error(messages.failure, { id: `err-${id}`, description: errorMessage(e), duration: 10_000 });
    return undefined;
  }
}
