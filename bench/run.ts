/**
 * `npm run bench [-- logs|logs-ui|stats]`: benchmarks that print ratios against the raw Docker API
 * and the docker CLI measured in the same run (logs-ui: the viewer in a real browser). Never run by
 * `npm test`: targets are read, not asserted.
 */
import { MissingBuildError } from "./console-server";
import { benchLogs } from "./logs";
import { benchLogsUi } from "./logs-ui";
import { benchStats } from "./stats";

const suites: Record<string, () => Promise<void>> = { logs: benchLogs, "logs-ui": benchLogsUi, stats: benchStats };

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = asked.length ? asked : Object.keys(suites);
  const unknown = names.filter((n) => !suites[n]);
  if (unknown.length) {
    console.error(`Unknown benchmark "${unknown.join('", "')}". Available: ${Object.keys(suites).join(", ")}`);
    process.exit(2);
  }
  let failed = 0;
  for (const name of names) {
    try {
      await suites[name]!();
    } catch (e) {
      // One suite failing (e.g. logs-ui without a production build) still lets the others report.
      failed++;
      console.error(`\n[${name}] ${e instanceof MissingBuildError ? `skipped: ${e.message}` : `failed: ${(e as Error).stack ?? e}`}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
