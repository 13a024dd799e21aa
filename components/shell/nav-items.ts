import { BellRing, Boxes, Gauge, HardDrive, Layers, Network, ScrollText, Server, Users, type LucideIcon } from "lucide-react";
import type { Action } from "@/lib/policy";

export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly icon: LucideIcon;
  /** Shown only to roles that may do this. */
  readonly requires?: Action;
  /** A live count shown next to the label. */
  readonly badge?: "alerts-firing";
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/overview", label: "Overview", icon: Gauge },
  { href: "/containers", label: "Containers", icon: Boxes },
  { href: "/logs", label: "Logs", icon: ScrollText },
  { href: "/alerts", label: "Alerts", icon: BellRing, badge: "alerts-firing" },
  { href: "/images", label: "Images", icon: Layers },
  { href: "/networks", label: "Networks", icon: Network },
  { href: "/volumes", label: "Volumes", icon: HardDrive },
  { href: "/system", label: "System", icon: Server },
  { href: "/users", label: "Users", icon: Users, requires: "users:manage" },
];
