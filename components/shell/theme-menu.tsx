"use client";

import * as RadixMenu from "@radix-ui/react-dropdown-menu";
import { Check, Monitor, Moon, Sun } from "lucide-react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Tooltip } from "@/components/ui/tooltip";
import { cn } from "@/components/ui/cn";
import type { ThemePref } from "@/lib/theme";
import { setThemePref, useResolvedTheme, useThemePref } from "./theme";

const OPTIONS: readonly { value: ThemePref; label: string; icon: typeof Sun }[] = [
  { value: "system", label: "System", icon: Monitor },
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
];

/** System / light / dark, remembered in this browser. The button shows the theme in effect. */
export function ThemeMenu() {
  const pref = useThemePref();
  const resolved = useResolvedTheme();
  const Icon = pref === "system" ? Monitor : resolved === "dark" ? Moon : Sun;
  const label = `Theme: ${OPTIONS.find((o) => o.value === pref)!.label}`;
  return (
    <DropdownMenu>
      <Tooltip content={label}>
        <DropdownMenuTrigger asChild>
          <Button variant="ghost" size="icon-sm" aria-label={label} data-testid="theme-menu" data-theme-pref={pref}>
            <Icon />
          </Button>
        </DropdownMenuTrigger>
      </Tooltip>
      <DropdownMenuContent align="end" className="min-w-36">
        <DropdownMenuLabel>Theme</DropdownMenuLabel>
        <RadixMenu.RadioGroup value={pref} onValueChange={(v) => setThemePref(v as ThemePref)}>
          {OPTIONS.map((o) => (
            <RadixMenu.RadioItem
              key={o.value}
              value={o.value}
              data-testid={`theme-option-${o.value}`}
              className={cn(
                "flex h-8 cursor-pointer items-center gap-2 rounded px-2 text-[13px] text-fg outline-none select-none data-highlighted:bg-hover",
                "[&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted",
              )}
            >
              <o.icon aria-hidden />
              <span className="flex-1">{o.label}</span>
              <RadixMenu.ItemIndicator>
                <Check aria-hidden className="!text-accent" />
              </RadixMenu.ItemIndicator>
            </RadixMenu.RadioItem>
          ))}
        </RadixMenu.RadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
