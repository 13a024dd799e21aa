"use client";

import { useQueryClient } from "@tanstack/react-query";
import { LogOut } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { beginSignOut } from "@/components/auth/signing-out";
import { closeSocket } from "@/components/socket/socket-client";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Tooltip } from "@/components/ui/tooltip";
import { logout } from "@/lib/queries/auth";
import type { Role } from "@/lib/wire";
import { useCurrentUser } from "./current-user";
import { ThemeMenu } from "./theme-menu";

const ROLE_TONE: Record<Role, BadgeTone> = { admin: "violet", operator: "blue", viewer: "grey" };

export function RoleBadge({ role }: { role: Role }) {
  return (
    <Badge tone={ROLE_TONE[role]} data-testid="role-badge">
      {role}
    </Badge>
  );
}

export function UserBlock() {
  const user = useCurrentUser();
  const qc = useQueryClient();
  const [pending, setPending] = useState(false);

  async function signOut() {
    setPending(true);
    // Quiet everything that would notice the session ending first (socket pushes, refetches that
    // get 401) so the only navigation is the one below.
    beginSignOut();
    closeSocket();
    await qc.cancelQueries();
    try {
      await logout();
    } catch {
      // Signing out locally is still right: the cookie may already be gone.
      toast.error("Could not reach the server; signed out locally.", { id: "sign-out" });
    }
    qc.clear();
    // eslint-disable-next-line @next/next/no-location-assign-relative-destination -- a full load on purpose: signing out drops every cache and the socket with the page
    window.location.assign("/login");
  }

  return (
    <div className="flex items-center gap-2.5" data-testid="user-block">
      <span
        aria-hidden
        className="flex size-7 shrink-0 items-center justify-center rounded-full bg-surface-2 text-xs font-semibold text-muted uppercase ring-1 ring-line"
      >
        {user.username.slice(0, 2)}
      </span>
      <div className="min-w-0 flex-1">
        <p className="truncate text-[13px] font-medium text-fg" data-testid="current-username">
          {user.username}
        </p>
        <RoleBadge role={user.role} />
      </div>
      <ThemeMenu />
      <Tooltip content="Sign out">
        <Button variant="ghost" size="icon-sm" aria-label="Sign out" onClick={signOut} disabled={pending}>
          <LogOut />
        </Button>
      </Tooltip>
    </div>
  );
}
