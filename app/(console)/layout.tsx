import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignInRedirect } from "@/components/auth/sign-in-redirect";
import { AppShell } from "@/components/shell/app-shell";
import { safeNextPath } from "@/lib/safe-next";
import { currentUser } from "@/server/auth/current-user";
import { SESSION_COOKIE } from "@/server/auth/sessions";

/**
 * Every console page needs a session. This is a first filter for a friendly redirect; the API
 * checks the session and role on every request regardless.
 */
export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await currentUser();
  if (!user) {
    // Layouts do not get the URL; the custom server may pass it in a header. Otherwise the
    // client fills in `next` itself.
    const path = (await headers()).get("x-berth-path");
    // A cookie without a live session: it was ended (by an admin, elsewhere, or by expiry) and the sign-in page says so.
    const reason = (await cookies()).has(SESSION_COOKIE) ? "&reason=ended" : "";
    if (path) redirect(`/login?next=${encodeURIComponent(safeNextPath(path))}${reason}`);
    return <SignInRedirect />;
  }
  return <AppShell user={user}>{children}</AppShell>;
}
