import { queryOptions } from "@tanstack/react-query";
import { api } from "@/lib/api-client";
import type { AccessScope, Role, UserSummary } from "@/lib/wire";

export const userKeys = { list: ["users"] as const };

export const usersQuery = () => queryOptions({ queryKey: userKeys.list, queryFn: () => api<UserSummary[]>("/api/v1/users") });

export function createUser(input: { username: string; password: string; role: Role }): Promise<UserSummary> {
  return api("/api/v1/users", { method: "POST", json: input });
}

export function updateUser(id: number, patch: { role?: Role; password?: string; scope?: AccessScope | null }): Promise<UserSummary> {
  return api(`/api/v1/users/${id}`, { method: "PATCH", json: patch });
}

export function deleteUser(id: number): Promise<void> {
  return api(`/api/v1/users/${id}`, { method: "DELETE" });
}
