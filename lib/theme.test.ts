import { describe, expect, it } from "vitest";
import { parseThemePref, resolveTheme, THEME_BOOT_SCRIPT, THEME_STORAGE_KEY } from "./theme";

describe("theme preference", () => {
  it("reads unknown or missing values as system", () => {
    expect(parseThemePref(null)).toBe("system");
    expect(parseThemePref("purple")).toBe("system");
    expect(parseThemePref("dark")).toBe("dark");
    expect(parseThemePref("light")).toBe("light");
  });
  it("follows the OS only for system", () => {
    expect(resolveTheme("system", true)).toBe("dark");
    expect(resolveTheme("system", false)).toBe("light");
    expect(resolveTheme("light", true)).toBe("light");
    expect(resolveTheme("dark", false)).toBe("dark");
  });
});

describe("boot script", () => {
  /** Runs the inline script against a fake document, as the browser would before first paint. */
  function boot(stored: string | null, systemDark: boolean, storageThrows = false) {
    const classes = new Set<string>();
    const root = { classList: { add: (c: string) => classes.add(c), remove: (c: string) => classes.delete(c) }, style: { colorScheme: "" } };
    const localStorage = {
      getItem: (k: string) => {
        if (storageThrows) throw new Error("denied");
        return k === THEME_STORAGE_KEY ? stored : null;
      },
    };
    const window = { matchMedia: () => ({ matches: systemDark }) };
    new Function("localStorage", "window", "document", THEME_BOOT_SCRIPT)(localStorage, window, { documentElement: root });
    return { dark: classes.has("dark"), colorScheme: root.style.colorScheme };
  }

  it("applies the same decision as resolveTheme", () => {
    for (const stored of [null, "system", "light", "dark", "bogus"])
      for (const systemDark of [true, false]) {
        const want = resolveTheme(parseThemePref(stored), systemDark);
        expect(boot(stored, systemDark), `${stored} ${systemDark}`).toEqual({ dark: want === "dark", colorScheme: want });
      }
  });
  it("follows the OS when storage is not available", () => {
    expect(boot("light", true, true).dark).toBe(true);
  });
});
