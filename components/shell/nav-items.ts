import { Boxes, HardDrive, Layers, Network, Server, Users, type LucideIcon } from "lucide-react";
import type { Action } from "@/lib/policy";

export interface NavItem {
  readonly href: string;
  readonly label: string;
  readonly icon: LucideIcon;
  /** Shown only to roles that may do this. */
  readonly requires?: Action;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/containers", label: "Containers", icon: Boxes },
  { href: "/images", label: "Images", icon: Layers },
  { href: "/networks", label: "Networks", icon: Network },
  { href: "/volumes", label: "Volumes", icon: HardDrive },
  { href: "/system", label: "System", icon: Server },
  { href: "/users", label: "Users", icon: Users, requires: "users:manage" },
];
