import { cookies } from "next/headers";
import type { AuthUser } from "@/lib/wire";
import { runtime } from "@/server/runtime";
import { SESSION_COOKIE, userForSession } from "./sessions";

/** The signed-in user for a server component (pages, layouts), or null. */
export async function currentUser(): Promise<AuthUser | null> {
  const jar = await cookies();
  return userForSession(runtime().db, jar.get(SESSION_COOKIE)?.value);
}
