#!/usr/bin/env bash
# Lints the OpenAPI document (server/openapi.ts, served at /api/v1/openapi.json) with Redocly's
# recommended rules, offline: the document is written to a temporary file from the module itself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
npx tsx scripts/print-openapi.ts >"$tmp/openapi.json"
# Redocly fails only on errors; a warning of the recommended set (an operation without an
# operationId, ambiguous paths) fails this check too, so client generators keep usable names.
rc=0
REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true npx redocly lint --extends=recommended --format=stylish "$tmp/openapi.json" >"$tmp/out.txt" 2>&1 || rc=$?
grep -v -e '^ *║' -e '^ *╔' -e '^ *╚' "$tmp/out.txt" | sed '/^\s*$/d' >&2
if [ "$rc" != 0 ] || grep -q -E '^ +[0-9]+:[0-9]+ +warning ' "$tmp/out.txt"; then
  echo "openapi-lint: server/openapi.ts does not pass Redocly's recommended rules (see above)" >&2
  exit 1
fi
