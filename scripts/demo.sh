#!/usr/bin/env bash
# `npm run demo`: everything needed to click through Berth on this machine. Installs node
# modules, makes sure a Docker engine runs (installing Debian's docker.io when root and none
# answers), seeds demo containers, builds the app when sources changed, and starts the server
# in the foreground. The admin password is generated on first run and kept in
# data/demo-admin-password.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$BERTH_ROOT"

PORT="${PORT:-3000}"
HOST="${HOST:-127.0.0.1}"
DATA_DIR="${BERTH_DATA_DIR:-$BERTH_ROOT/data}"
PASSWORD_FILE="$DATA_DIR/demo-admin-password"

if port_busy "$PORT"; then
  die "Port $PORT is already in use (another Berth or another server?). Stop it, or pick another port: PORT=3001 npm run demo"
fi

ensure_node_modules
ensure_engine
ensure_fixture_image
bash "$BERTH_ROOT/scripts/seed-demo.sh"

needs_build() {
  [ -f .next/BUILD_ID ] || return 0
  local newer
  newer="$(find app components lib server public next.config.ts postcss.config.mjs tsconfig.json package-lock.json \
    -newer .next/BUILD_ID -type f -print -quit 2>/dev/null || true)"
  [ -n "$newer" ]
}
if needs_build; then
  log "Building the app (next build)"
  NEXT_TELEMETRY_DISABLED=1 npx next build
else
  log "The build in .next is up to date"
fi

mkdir -p "$DATA_DIR"
chmod 700 "$DATA_DIR"
password=""
if [ -f "$PASSWORD_FILE" ]; then
  password="$(cat "$PASSWORD_FILE")"
elif [ ! -f "$DATA_DIR/berth.sqlite" ]; then
  # First run: a random admin password, never a default one. 24 chars of base64url.
  password="$(node -e 'process.stdout.write(require("crypto").randomBytes(18).toString("base64url"))')"
  (umask 077 && printf '%s\n' "$password" >"$PASSWORD_FILE")
  chmod 600 "$PASSWORD_FILE"
fi

case "$HOST" in 0.0.0.0 | :: | "[::]") shown_host=127.0.0.1 ;; *:*) shown_host="[$HOST]" ;; *) shown_host="$HOST" ;; esac
url="http://$shown_host:$PORT"
{
  echo
  echo "  ┌──────────────────────────────────────────────────────────────"
  echo "  │  Berth demo"
  echo "  │"
  echo "  │  URL:       $url"
  echo "  │  Username:  admin"
  if [ -n "$password" ]; then
    echo "  │  Password:  $password"
    echo "  │             (stored in ${PASSWORD_FILE#"$BERTH_ROOT"/})"
  else
    echo "  │  Password:  the one you set earlier (no ${PASSWORD_FILE#"$BERTH_ROOT"/} here)"
  fi
  echo "  │"
  echo "  │  Demo containers carry the label berth.demo=1 (scripts/seed-demo.sh re-creates them)."
  echo "  │  Stop with Ctrl-C."
  echo "  └──────────────────────────────────────────────────────────────"
  echo
} >&2

export NODE_ENV=production PORT HOST BERTH_DATA_DIR="$DATA_DIR" NEXT_TELEMETRY_DISABLED=1
if [ -n "$password" ]; then export BERTH_ADMIN_PASSWORD="$password"; fi
exec "$BERTH_ROOT/node_modules/.bin/tsx" server/index.ts
