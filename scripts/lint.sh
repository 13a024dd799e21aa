#!/usr/bin/env bash
# `npm run lint`: ESLint over the repository, Prettier's check, and the OpenAPI document against
# Redocly's recommended rules. All three run even when one fails; the exit status is non-zero when
# any failed.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

rc=0
echo "lint: eslint" >&2
npx eslint --cache --cache-location node_modules/.cache/eslint/ . || rc=1
echo "lint: prettier --check" >&2
npx prettier --check --log-level warn . || rc=1
echo "lint: openapi" >&2
bash scripts/openapi-lint.sh || rc=1
exit "$rc"
