import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { AuthUser } from "@/lib/wire";

export const authKeys = {
  me: ["auth", "me"] as const,
  setup: ["auth", "setup"] as const,
};

export const meQuery = () => queryOptions({ queryKey: authKeys.me, queryFn: () => api<AuthUser>("/api/v1/auth/me") });

export const setupNeededQuery = () =>
  queryOptions({ queryKey: authKeys.setup, queryFn: () => api<{ needed: boolean }>("/api/v1/auth/setup"), staleTime: 60_000 });

export function login(input: { username: string; password: string }): Promise<{ user: AuthUser }> {
  return api("/api/v1/auth/login", { method: "POST", json: input });
}

export function logout(): Promise<void> {
  return api("/api/v1/auth/logout", { method: "POST" });
}

export function completeSetup(input: { token: string; username: string; password: string }): Promise<{ user: AuthUser }> {
  return api("/api/v1/auth/setup", { method: "POST", json: input });
}
