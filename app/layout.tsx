import type { Metadata, Viewport } from "next";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import { Providers } from "@/components/providers";
import { THEME_BOOT_SCRIPT } from "@/lib/theme";
import { NONCE_HEADER, ZOD_JITLESS_SCRIPT } from "@/server/http/csp";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Berth", template: "%s · Berth" },
  description: "Berth: a web console for Docker operations",
  // Inline, so there is no extra file to serve (and no 404 for /favicon.ico).
  icons: {
    icon:
      "data:image/svg+xml," +
      encodeURIComponent(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#2459d6"/>' +
          '<g fill="none" stroke="#fff" stroke-width="2.4" stroke-linecap="round" stroke-linejoin="round">' +
          '<circle cx="16" cy="8.5" r="2.5"/><path d="M16 11v14M9 15h14M7 19a9 7 0 0 0 18 0"/></g></svg>',
      ),
  },
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#f5f6f8" },
    { media: "(prefers-color-scheme: dark)", color: "#0d0f13" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The custom server's per-response nonce (see server/http/csp.ts). Reading a header makes every
  // page render per request, which the nonce needs anyway: a prerendered page would carry a stale one.
  const nonce = (await headers()).get(NONCE_HEADER) ?? undefined;
  return (
    // The boot script sets the theme class on <html> before React hydrates: hence suppressHydrationWarning.
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* First, before any bundle creates a schema (see server/http/csp.ts). */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: ZOD_JITLESS_SCRIPT }} />
        {/* Before the first paint, so a dark theme never flashes light. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: THEME_BOOT_SCRIPT }} />
      </head>
      <body>
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
