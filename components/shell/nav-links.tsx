"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { AlertsNavBadge } from "@/components/alerts/alerts-nav-badge";
import { cn } from "@/components/ui/cn";
import { can } from "@/lib/policy";
import { useCurrentUser } from "./current-user";
import { NAV_ITEMS } from "./nav-items";

export function NavLinks({ onNavigate }: { onNavigate?: () => void }) {
  const pathname = usePathname();
  const user = useCurrentUser();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {NAV_ITEMS.filter((item) => !item.requires || can(user.role, item.requires)).map(({ href, label, icon: Icon, badge }) => {
        const active = pathname === href || pathname.startsWith(`${href}/`);
        return (
          <Link
            key={href}
            href={href}
            // Every page is rendered per request and fills itself from the API: prefetching all
            // sections on every load costs the server a dozen renders for little gain.
            prefetch={false}
            onClick={onNavigate}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex h-8 items-center gap-2.5 rounded-md px-2.5 text-[13px] font-medium transition-colors",
              active ? "bg-accent-soft text-accent" : "text-muted hover:bg-hover hover:text-fg",
            )}
          >
            <Icon className="size-4 shrink-0" aria-hidden />
            {label}
            {badge === "alerts-firing" && <AlertsNavBadge />}
          </Link>
        );
      })}
    </nav>
  );
}
