"use client";

import { useSyncExternalStore } from "react";
import { DARK_QUERY, parseThemePref, resolveTheme, THEME_STORAGE_KEY, type ResolvedTheme, type ThemePref } from "@/lib/theme";

/*
 * The theme preference outside React: one store for the menu, the toaster and anything else that
 * must know the resolved theme. The inline boot script (app/layout.tsx) set the class before the
 * first paint; this keeps it right afterwards: on a choice in the menu, on an OS switch while
 * "system" is chosen, and on a choice made in another tab.
 */

const listeners = new Set<() => void>();
let pref: ThemePref | null = null;
let resolved: ResolvedTheme = "light";
let detach: (() => void) | null = null;

function readStored(): ThemePref {
  try {
    return parseThemePref(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return "system";
  }
}

function apply(): void {
  const p = pref ?? "system";
  resolved = resolveTheme(p, window.matchMedia(DARK_QUERY).matches);
  const root = document.documentElement;
  root.classList.toggle("dark", resolved === "dark");
  root.style.colorScheme = resolved;
  for (const l of listeners) l();
}

function attach(): () => void {
  pref = readStored();
  apply();
  const media = window.matchMedia(DARK_QUERY);
  const onMedia = () => {
    if (pref === "system") apply();
  };
  const onStorage = (e: StorageEvent) => {
    if (e.key !== THEME_STORAGE_KEY) return;
    pref = parseThemePref(e.newValue);
    apply();
  };
  media.addEventListener("change", onMedia);
  window.addEventListener("storage", onStorage);
  return () => {
    media.removeEventListener("change", onMedia);
    window.removeEventListener("storage", onStorage);
  };
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  detach ??= attach();
  return () => {
    listeners.delete(l);
    if (listeners.size === 0 && detach) {
      detach();
      detach = null;
    }
  };
}

/** Remembers the choice and applies it at once. */
export function setThemePref(next: ThemePref): void {
  pref = next;
  try {
    if (next === "system") window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, next);
  } catch {
    // Not remembered (storage disabled), still applied for this page.
  }
  apply();
}

/** The chosen preference; "system" during server rendering. */
export function useThemePref(): ThemePref {
  return useSyncExternalStore(
    subscribe,
    () => pref ?? readStored(),
    () => "system",
  );
}

/** Light or dark as shown now; keeps the OS listener attached while anything uses it. */
export function useResolvedTheme(): ResolvedTheme {
  return useSyncExternalStore(
    subscribe,
    () => resolved,
    () => "light",
  );
}
