import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { LoginForm } from "@/components/auth/login-form";
import { safeNextPath } from "@/lib/safe-next";
import { currentUser } from "@/server/auth/current-user";

export const metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string | string[] }> }) {
  const { next: rawNext } = await searchParams;
  const next = safeNextPath(typeof rawNext === "string" ? rawNext : null);
  if (await currentUser()) redirect(next);
  return (
    <AuthCard title="Sign in" description="Use the account an administrator created for you.">
      <LoginForm next={next} />
    </AuthCard>
  );
}
