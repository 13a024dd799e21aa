// Module boundaries of docs/architecture.md, as ESLint flat-config objects (imported by eslint.config.mjs).
// Rule 4: only server/docker talks to the engine — it alone imports dockerode/docker-modem or touches an
// engine's client (`engine.docker`, `.modem`); everything else calls its domain functions.
// lib/ is shared by the browser and the server: it imports nothing from server/ or components/.

const ENGINE_CLIENT_PACKAGES = [
  { name: "dockerode", message: "Only server/docker talks to the engine: call its domain functions instead." },
  { name: "docker-modem", message: "Only server/docker talks to the engine: call its domain functions instead." },
];

const ENGINE_CLIENT_PROPERTIES = [
  { property: "docker", message: "An engine's Docker client is server/docker's alone: call its domain functions (they go through call())." },
  { property: "modem", message: "docker-modem is server/docker's alone: call its domain functions instead." },
];

/** Places that may talk to Docker directly: the adapter itself, and tools that measure or seed it. */
const ENGINE_CLIENT_ALLOWED = ["server/docker/**", "bench/**", "scripts/**", "e2e/**"];

export default [
  {
    files: ["**/*.{ts,tsx,mts,cts,js,mjs}"],
    ignores: ENGINE_CLIENT_ALLOWED,
    rules: {
      "no-restricted-imports": ["error", { paths: ENGINE_CLIENT_PACKAGES }],
      "no-restricted-properties": ["error", ...ENGINE_CLIENT_PROPERTIES],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    // Tests run under Node only and may check lib/ against the server's own rules.
    ignores: ["lib/**/*.test.ts"],
    rules: {
      // Repeats the engine packages: a later object's options replace an earlier one's for the same rule.
      "no-restricted-imports": [
        "error",
        {
          paths: ENGINE_CLIENT_PACKAGES,
          patterns: [
            {
              group: ["@/server", "@/server/*", "@/components", "@/components/*", "**/server/**", "**/components/**", "../server", "../components"],
              message: "lib/ is shared with the browser: it imports nothing from server/ or components/.",
            },
          ],
        },
      ],
    },
  },
];
