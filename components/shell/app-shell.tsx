"use client";

import * as RadixDialog from "@radix-ui/react-dialog";
import { Menu, X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { useAlertsSync } from "@/components/alerts/use-alerts-sync";
import { ConnectionIndicator } from "@/components/socket/connection-indicator";
import { useSocketSync } from "@/components/socket/use-socket-sync";
import { Button } from "@/components/ui/button";
import { DEFAULT_ENGINE } from "@/lib/queries/engines";
import type { AuthUser } from "@/lib/wire";
import { Brand } from "./brand";
import { CurrentUserProvider } from "./current-user";
import { EngineSwitch } from "./engine-switch";
import { NavLinks } from "./nav-links";
import { ConnectionBanner, EngineBanner } from "./status-banners";
import { useEngineHealth } from "./use-engine-health";
import { UserBlock } from "./user-block";

function SidebarBody({ onNavigate }: { onNavigate?: () => void }) {
  return (
    <>
      <div className="px-3 pt-3 pb-2">
        <EngineSwitch engineId={DEFAULT_ENGINE} />
      </div>
      <div className="flex-1 overflow-y-auto px-3 py-2">
        <NavLinks onNavigate={onNavigate} />
      </div>
      <div className="border-t border-line px-3 py-3">
        <UserBlock />
      </div>
    </>
  );
}

function MobileNav() {
  const [open, setOpen] = useState(false);
  return (
    <RadixDialog.Root open={open} onOpenChange={setOpen}>
      <RadixDialog.Trigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open navigation">
          <Menu className="size-5" />
        </Button>
      </RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 animate-fade-in bg-black/40" />
        <RadixDialog.Content
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-72 max-w-[85vw] animate-slide-in-left flex-col border-r border-line bg-sidebar shadow-xl"
        >
          <div className="flex h-12 items-center justify-between border-b border-line px-3">
            <RadixDialog.Title asChild>
              <div>
                <Brand />
              </div>
            </RadixDialog.Title>
            <RadixDialog.Close asChild>
              <Button variant="ghost" size="icon-sm" aria-label="Close navigation">
                <X />
              </Button>
            </RadixDialog.Close>
          </div>
          <SidebarBody onNavigate={() => setOpen(false)} />
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/** The signed-in frame: navigation, status banners, and the live-update connection. */
export function AppShell({ user, children }: { user: AuthUser; children: ReactNode }) {
  useSocketSync(DEFAULT_ENGINE);
  useAlertsSync();
  const health = useEngineHealth(DEFAULT_ENGINE);

  return (
    <CurrentUserProvider user={user}>
      <div className="flex min-h-full">
        <aside className="sticky top-0 hidden h-screen w-52 shrink-0 flex-col border-r border-line bg-sidebar md:flex">
          <div className="flex h-12 items-center justify-between border-b border-line px-4">
            <Brand />
            <ConnectionIndicator />
          </div>
          <SidebarBody />
        </aside>

        <div className="flex min-w-0 flex-1 flex-col">
          <header className="sticky top-0 z-30 flex h-12 items-center gap-2 border-b border-line bg-surface/95 px-2 backdrop-blur md:hidden">
            <MobileNav />
            <Brand />
            <ConnectionIndicator className="mr-2 ml-auto" />
          </header>
          <EngineBanner engineId={DEFAULT_ENGINE} health={health} />
          <ConnectionBanner />
          <main id="main" className="min-w-0 flex-1">
            {children}
          </main>
        </div>
      </div>
    </CurrentUserProvider>
  );
}
