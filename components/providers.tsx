"use client";

import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { Toaster } from "sonner";
import { ApiError } from "@/lib/api-client";
import { isSigningOut } from "@/components/auth/signing-out";
import { useResolvedTheme } from "@/components/shell/theme";
import { TooltipProvider } from "@/components/ui/tooltip";

/** A 401 anywhere means the session is gone: go to the sign-in page and come back afterwards. */
function onUnauthenticated(error: unknown): void {
  if (!(error instanceof ApiError) || error.status !== 401 || isSigningOut()) return;
  const { pathname, search } = window.location;
  if (pathname.startsWith("/login") || pathname.startsWith("/setup")) return;
  // A cookie whose session is gone (code session_ended) is worth a word on the sign-in page; no cookie at all is not.
  const reason = error.code === "session_ended" ? "&reason=ended" : "";
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose: the session is gone, so every cache and the socket go with the page
  window.location.assign(`/login?next=${encodeURIComponent(pathname + search)}${reason}`);
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    queryCache: new QueryCache({ onError: onUnauthenticated }),
    mutationCache: new MutationCache({ onError: onUnauthenticated }),
    defaultOptions: {
      queries: {
        staleTime: 5_000,
        // 4xx will not change by asking again, and 503 (engine down) is polled by the query itself.
        retry: (failures, error) => {
          if (error instanceof ApiError && (error.status < 500 || error.status === 503)) return false;
          return failures < 2;
        },
        retryDelay: (n) => Math.min(1_000 * 2 ** n, 8_000),
      },
      mutations: { retry: false },
    },
  });
}

export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(makeQueryClient);
  // Also keeps the theme following the OS on every page (sign-in included) while "system" is chosen.
  const theme = useResolvedTheme();
  return (
    <QueryClientProvider client={client}>
      <TooltipProvider delayDuration={300} skipDelayDuration={100}>
        {children}
      </TooltipProvider>
      <Toaster position="bottom-right" theme={theme} richColors closeButton visibleToasts={5} toastOptions={{ className: "text-[13px]", duration: 5_000 }} />
    </QueryClientProvider>
  );
}
