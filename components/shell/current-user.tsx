"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { AuthUser } from "@/lib/wire";

const CurrentUserContext = createContext<AuthUser | null>(null);

/** The signed-in user, resolved once by the console layout on the server. */
export function CurrentUserProvider({ user, children }: { user: AuthUser; children: ReactNode }) {
  return <CurrentUserContext.Provider value={user}>{children}</CurrentUserContext.Provider>;
}

export function useCurrentUser(): AuthUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error("useCurrentUser() used outside the signed-in console");
  return user;
}
