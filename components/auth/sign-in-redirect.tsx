"use client";

import { useEffect } from "react";
import { Spinner } from "@/components/ui/spinner";

/**
 * Sends a signed-out visitor to the sign-in page with the page they wanted as `next`. Used when
 * the server could not tell which path was requested (layouts do not see the URL).
 */
export function SignInRedirect() {
  useEffect(() => {
    const { pathname, search } = window.location;
    window.location.replace(`/login?next=${encodeURIComponent(pathname + search)}`);
  }, []);
  return (
    <div className="flex min-h-full items-center justify-center gap-2 text-sm text-muted">
      <Spinner /> Redirecting to sign in…
    </div>
  );
}
