/**
 * Colour theme preference: "system" follows the OS (prefers-color-scheme), "light" and "dark"
 * pin it. Stored in localStorage under THEME_STORAGE_KEY; the `dark` class on <html> is what the
 * CSS (Tailwind's `dark:` variant and the design tokens) reads.
 */

export const THEME_STORAGE_KEY = "berth.theme";
export const THEME_PREFS = ["system", "light", "dark"] as const;
export type ThemePref = (typeof THEME_PREFS)[number];
export type ResolvedTheme = "light" | "dark";

export const DARK_QUERY = "(prefers-color-scheme: dark)";

/** A stored value as a preference; anything unknown (or nothing) is "system". */
export function parseThemePref(v: string | null | undefined): ThemePref {
  return v === "light" || v === "dark" ? v : "system";
}

export function resolveTheme(pref: ThemePref, systemDark: boolean): ResolvedTheme {
  return pref === "system" ? (systemDark ? "dark" : "light") : pref;
}

/**
 * Runs inline in <head> before the first paint, so a dark page never flashes light: the same
 * decision as resolveTheme, in plain ES5 (it runs before any bundle). localStorage may throw
 * (privacy modes): then the OS decides.
 */
export const THEME_BOOT_SCRIPT = `(function(){var p=null;try{p=localStorage.getItem(${JSON.stringify(THEME_STORAGE_KEY)})}catch(e){}var d=p==="dark"||(p!=="light"&&window.matchMedia(${JSON.stringify(DARK_QUERY)}).matches);var r=document.documentElement;if(d)r.classList.add("dark");else r.classList.remove("dark");r.style.colorScheme=d?"dark":"light"})()`;
