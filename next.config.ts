import type { NextConfig } from "next";

const config: NextConfig = {
  // Lets parallel checkouts of work in one folder build without clobbering each other's output.
  distDir: process.env.BERTH_DIST_DIR || ".next",
  // Native or Node-only packages stay out of the route-handler bundles (architecture.md).
  serverExternalPackages: ["dockerode", "docker-modem", "ssh2", "better-sqlite3", "@node-rs/argon2", "pino", "socket.io"],
  poweredByHeader: false,
  reactStrictMode: true,
  typedRoutes: false,
  devIndicators: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default config;
