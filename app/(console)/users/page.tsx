import { ShieldAlert } from "lucide-react";
import { PageHeader } from "@/components/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersView } from "@/components/users/users-view";
import { can } from "@/lib/policy";
import { currentUser } from "@/server/auth/current-user";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const user = await currentUser();
  // The API refuses non-admins anyway; this only spares them a page of errors.
  if (!can(user?.role, "users:manage")) {
    return (
      <>
        <PageHeader title="Users" />
        <EmptyState icon={ShieldAlert} title="Admins only">
          Managing users needs the admin role. Ask an administrator if you need access.
        </EmptyState>
      </>
    );
  }
  return <UsersView />;
}
