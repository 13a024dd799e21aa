/**
 * `npm run bench [-- logs|stats]`: benchmarks that print ratios against the raw Docker API and
 * the docker CLI measured in the same run. Never run by `npm test`: targets are read, not asserted.
 */
import { benchLogs } from "./logs";
import { benchStats } from "./stats";

const suites: Record<string, () => Promise<void>> = { logs: benchLogs, stats: benchStats };

async function main() {
  const asked = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const names = asked.length ? asked : Object.keys(suites);
  for (const name of names) {
    const suite = suites[name];
    if (!suite) {
      console.error(`Unknown benchmark "${name}". Available: ${Object.keys(suites).join(", ")}`);
      process.exit(2);
    }
    await suite();
  }
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
