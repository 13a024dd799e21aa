import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { SignInRedirect } from "@/components/auth/sign-in-redirect";
import { AppShell } from "@/components/shell/app-shell";
import { safeNextPath } from "@/lib/safe-next";
import { currentUser } from "@/server/auth/current-user";

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
    if (path) redirect(`/login?next=${encodeURIComponent(safeNextPath(path))}`);
    return <SignInRedirect />;
  }
  return <AppShell user={user}>{children}</AppShell>;
}
