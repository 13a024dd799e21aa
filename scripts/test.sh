#!/usr/bin/env bash
# `npm test` (and CI): lint (`npm run lint`), unit tests, a production build, then the Playwright
# suite against the real server and a real Docker engine. Every suite runs even when an earlier
# one fails; the exit status is non-zero when any failed, and the last line is always
#   tests: N passed, M failed
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$BERTH_ROOT"

export NEXT_TELEMETRY_DISABLED=1
REPORT_DIR="$BERTH_ROOT/test-results"
UNIT_JSON="$REPORT_DIR/unit.json"
E2E_JSON="$REPORT_DIR/e2e.json" # written by the json reporter in playwright.config.ts

# If setting up fails (no engine, no browser), still end with the summary line.
summary_printed=0
on_exit() {
  local rc=$?
  if [ "$summary_printed" = 0 ] && [ "$rc" != 0 ]; then echo "tests: 0 passed, 1 failed"; fi
}
trap on_exit EXIT

ensure_node_modules
ensure_engine
ensure_chromium
ensure_browser_netns
ensure_fixture_image
ensure_registry

mkdir -p "$REPORT_DIR"
rm -f "$UNIT_JSON" "$E2E_JSON"

log "Lint (eslint, prettier --check, OpenAPI)"
lint_rc=0
bash scripts/lint.sh || lint_rc=$?

log "Unit tests (vitest)"
unit_rc=0
TZ=UTC npx vitest run --passWithNoTests --reporter=default --reporter=json --outputFile.json="$UNIT_JSON" || unit_rc=$?

log "Building the app (next build)"
build_rc=0
npx next build || build_rc=$?

e2e_rc=0
if [ "$build_rc" = 0 ]; then
  log "End-to-end tests (playwright)"
  npx playwright test || e2e_rc=$?
  if [ "$e2e_rc" != 0 ] && [ -s "$REPORT_DIR/server.log" ]; then
    warn "End-to-end tests failed. Last lines of the server's log ($REPORT_DIR/server.log):"
    tail -n 20 "$REPORT_DIR/server.log" >&2 || true
  fi
else
  warn "next build failed (exit $build_rc): end-to-end tests skipped"
fi

# Sum the reports. A suite that failed without a countable failing test (a file that does not
# load, a server that does not start, a failed build) counts as one failure, so the summary
# never reads "0 failed" when the exit status says otherwise. Lint counts as one passed or one
# failed check.
node - "$UNIT_JSON" "$unit_rc" "$E2E_JSON" "$e2e_rc" "$build_rc" "$lint_rc" <<'NODE'
const fs = require("fs");
const [unitPath, unitRc, e2ePath, e2eRc, buildRc, lintRc] = process.argv.slice(2);
const read = (p) => { try { return JSON.parse(fs.readFileSync(p, "utf8")); } catch { return null; } };
let passed = 0, failed = 0;
if (Number(lintRc) === 0) passed += 1;
else failed += 1;

const unit = read(unitPath);
let unitFailed = 0;
if (unit) {
  passed += unit.numPassedTests ?? 0;
  unitFailed = unit.numFailedTests ?? 0;
}
if (Number(unitRc) !== 0 && unitFailed === 0) unitFailed = 1;
failed += unitFailed;

let e2eFailed = 0;
if (Number(buildRc) !== 0) {
  e2eFailed = 1;
} else {
  const e2e = read(e2ePath);
  if (e2e && e2e.stats) {
    passed += (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    e2eFailed = (e2e.stats.unexpected ?? 0) + (e2e.errors?.length ?? 0);
  }
  if (Number(e2eRc) !== 0 && e2eFailed === 0) e2eFailed = 1;
}
failed += e2eFailed;
console.log(`tests: ${passed} passed, ${failed} failed`);
NODE
summary_printed=1

if [ "$lint_rc" != 0 ] || [ "$unit_rc" != 0 ] || [ "$build_rc" != 0 ] || [ "$e2e_rc" != 0 ]; then
  exit 1
fi
