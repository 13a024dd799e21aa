import { redirect } from "next/navigation";
import { AuthCard } from "@/components/auth/auth-card";
import { SetupForm } from "@/components/auth/setup-form";
import { currentUser } from "@/server/auth/current-user";

export const metadata = { title: "Set up" };

export default async function SetupPage() {
  if (await currentUser()) redirect("/containers");
  return (
    <AuthCard title="Set up Berth" description="Create the first administrator. The one-time setup token proves you can read the server's log.">
      <SetupForm />
    </AuthCard>
  );
}
