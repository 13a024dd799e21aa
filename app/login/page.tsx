import { Info } from "lucide-react";
import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/safe-next";
import { SESSION_END_REASONS, type SessionEndReason } from "@/lib/socket-events";
import { currentUser } from "@/server/auth/current-user";

export const metadata = { title: "Sign in" };

/** Why the user is here again, when someone or something else ended their session (`?reason=` from the client or the console layout). */
const REASON_TEXT: Record<SessionEndReason, string> = {
  "role-changed": "An administrator changed your role, which ended your session. Sign in again to continue with the new role.",
  "password-changed": "Your password was changed, which ended your session. Sign in with the new password.",
  deleted: "Your session was ended by an administrator: your account was removed.",
  "signed-out": "You signed out in another tab or window.",
  ended: "Your session has ended (an administrator ended it, or it expired). Sign in again.",
};

function reasonOf(raw: string | string[] | undefined): SessionEndReason | null {
  return typeof raw === "string" && (SESSION_END_REASONS as readonly string[]).includes(raw) ? (raw as SessionEndReason) : null;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[]; reason?: string | string[] }> }) {
  const { next: rawNext, reason: rawReason } = await searchParams;
  const next = safeNextPath(typeof rawNext === "string" ? rawNext : null);
  if (await currentUser()) redirect(next);
  const reason = reasonOf(rawReason);
  return (
    <AuthCard title="Sign in" description="Use the account an administrator created for you.">
      {reason && (
        <div
          role="status"
          data-testid="session-ended"
          data-reason={reason}
          className="mb-4 flex gap-2 rounded-md border border-line bg-surface-2 px-3 py-2 text-[13px] text-fg"
        >
          <Info className="mt-0.5 size-4 shrink-0 text-accent" aria-hidden />
          <p>{REASON_TEXT[reason]}</p>
        </div>
      )}
      <LoginForm next={next} />
    </AuthCard>
  );
}
