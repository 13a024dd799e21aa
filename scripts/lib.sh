# shellcheck shell=bash
# Shared helpers for Berth's scripts. Source it from bash (`set -euo pipefail` safe):
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Every ensure_* function is idempotent and cheap when there is nothing to do, so scripts can
# call them unconditionally on a fresh machine (CI) and on a developer's box alike.

BERTH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export BERTH_ROOT

FIXTURE_IMAGE="berth-fixture:latest"
# Bump when build-fixture-image.sh changes what goes into the image: older images get rebuilt.
FIXTURE_VERSION="1"
DOCKER_SOCK="/var/run/docker.sock"
DOCKERD_LOG="${BERTH_DOCKERD_LOG:-/var/log/berth-dockerd.log}"

log() { printf '\033[1;34m[berth]\033[0m %s\n' "$*" >&2; }
warn() { printf '\033[1;33m[berth]\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31m[berth]\033[0m %s\n' "$*" >&2
  exit 1
}

is_root() { [ "$(id -u)" = "0" ]; }
have() { command -v "$1" >/dev/null 2>&1; }

# apt-get update runs at most once per script run; the flag is exported so that scripts
# started from this one (demo.sh -> seed-demo.sh) do not update again.
apt_install() {
  is_root || die "Need root to install Debian packages ($*). Install them yourself, then re-run."
  have apt-get || die "apt-get not found: install $* with your system's package manager, then re-run."
  if [ "${BERTH_APT_UPDATED:-0}" != "1" ]; then
    log "apt-get update"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    export BERTH_APT_UPDATED=1
  fi
  log "apt-get install $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >&2
}

# --- node modules -------------------------------------------------------------------------

ensure_node_modules() {
  local root="$BERTH_ROOT"
  if [ ! -d "$root/node_modules" ] || [ ! -f "$root/node_modules/.package-lock.json" ] ||
    [ "$root/package-lock.json" -nt "$root/node_modules/.package-lock.json" ]; then
    log "Installing node modules (npm ci)"
    (cd "$root" && npm ci --no-audit --no-fund)
  fi
}

# --- Docker engine ------------------------------------------------------------------------

# True when the local socket answers /_ping. Uses curl when present, else node (always here):
# the docker CLI may not exist yet on a fresh machine.
engine_socket_ping() {
  [ -S "$DOCKER_SOCK" ] || return 1
  if have curl; then
    [ "$(curl -s --max-time 3 --unix-socket "$DOCKER_SOCK" http://localhost/_ping 2>/dev/null)" = "OK" ]
  else
    node -e '
      const req = require("http").get({ socketPath: process.argv[1], path: "/_ping", timeout: 3000 }, (res) => {
        let body = ""; res.on("data", (c) => (body += c)); res.on("end", () => process.exit(body === "OK" ? 0 : 1));
      });
      req.on("error", () => process.exit(1));
      req.on("timeout", () => { req.destroy(); process.exit(1); });
    ' "$DOCKER_SOCK"
  fi
}

# The scripts and e2e fixtures drive the engine with the docker CLI. Debian ships it in docker.io.
ensure_docker_cli() {
  have docker && return 0
  log "The docker CLI is missing; installing Debian's docker.io (it brings the CLI)"
  apt_install docker.io
  have docker || die "docker CLI still missing after installing docker.io"
}

start_local_dockerd() {
  mkdir -p "$(dirname "$DOCKERD_LOG")"
  # setsid + nohup: dockerd must outlive this script and not get our terminal's signals.
  setsid nohup dockerd >>"$DOCKERD_LOG" 2>&1 </dev/null &
  local pid=$!
  for _ in $(seq 1 60); do
    engine_socket_ping && {
      log "dockerd is up"
      return 0
    }
    # It exited (pid is setsid's own, or dockerd's when setsid did not need to fork): stop waiting.
    kill -0 "$pid" 2>/dev/null || pgrep -x dockerd >/dev/null || break
    sleep 0.5
  done
  warn "dockerd did not answer on $DOCKER_SOCK (waited up to 30 s). Last lines of $DOCKERD_LOG:"
  tail -n 30 "$DOCKERD_LOG" >&2 || true
  die "No Docker engine available."
}

ensure_engine() {
  if [ -n "${DOCKER_HOST:-}" ]; then
    # An engine chosen by the user: use it, never start a local one instead.
    ensure_docker_cli
    docker info >/dev/null 2>&1 || die "DOCKER_HOST=$DOCKER_HOST is set but that engine does not answer (docker info failed)."
    return 0
  fi
  if engine_socket_ping; then
    ensure_docker_cli
    return 0
  fi
  if ! is_root || ! have apt-get; then
    if [ -S "$DOCKER_SOCK" ] && [ ! -w "$DOCKER_SOCK" ]; then
      die "No Docker engine answered on $DOCKER_SOCK: you may not use that socket. Add yourself to its group
  (sudo usermod -aG docker \$USER, then log in again), or point DOCKER_HOST at an engine you may use, then re-run."
    fi
    die "No Docker engine answered on $DOCKER_SOCK. Install and start Docker (https://docs.docker.com/engine/install/),
  or point DOCKER_HOST at a running engine (e.g. DOCKER_HOST=unix:///path/to/docker.sock), then re-run."
  fi
  if ! have dockerd; then
    log "No Docker engine answered; installing Debian's docker.io and starting a local dockerd (log: $DOCKERD_LOG)"
    apt_install docker.io
    # The package's postinst may already have started the daemon through its init script.
    sleep 1
    if engine_socket_ping; then
      log "dockerd is up (started by the docker.io package)"
      ensure_docker_cli
      return 0
    fi
  else
    log "No Docker engine answered on $DOCKER_SOCK; starting a local dockerd (log: $DOCKERD_LOG)"
  fi
  start_local_dockerd
  ensure_docker_cli
}

# --- browser ------------------------------------------------------------------------------

ensure_chromium() {
  [ -x /usr/bin/chromium ] && return 0
  log "Chromium is missing; installing Debian's chromium (Playwright cannot download browsers here)"
  apt_install chromium fonts-liberation
  [ -x /usr/bin/chromium ] || die "/usr/bin/chromium still missing after apt-get install chromium"
}

# Chromium drops in-flight requests with ERR_NETWORK_CHANGED whenever an address appears or goes
# on any interface, and every container the tests start adds a veth with an IPv6 link-local
# address. So the e2e browser runs in a network namespace of its own, which sees none of that,
# and reaches the server under test over one veth pair (playwright.config.ts uses it when present).
BROWSER_NETNS=berth-browser
BROWSER_HOST_IP=198.18.0.1 # RFC 2544 benchmarking range: never a route anywhere real
BROWSER_NS_IP=198.18.0.2

ensure_browser_netns() {
  if [ -e "/run/netns/$BROWSER_NETNS" ] && ip -o addr show dev berth-br0 2>/dev/null | grep -q "$BROWSER_HOST_IP/"; then return 0; fi
  if ! is_root || ! have ip; then
    warn "Cannot make a network namespace for the browser (needs root and iproute2); browser tests may see ERR_NETWORK_CHANGED"
    return 0
  fi
  ip netns del "$BROWSER_NETNS" 2>/dev/null || true
  ip link del berth-br0 2>/dev/null || true
  if ip netns add "$BROWSER_NETNS" &&
    ip link add berth-br0 type veth peer name berth-br1 &&
    ip link set berth-br1 netns "$BROWSER_NETNS" &&
    ip addr add "$BROWSER_HOST_IP/30" dev berth-br0 &&
    ip link set berth-br0 up &&
    ip netns exec "$BROWSER_NETNS" ip addr add "$BROWSER_NS_IP/30" dev berth-br1 &&
    ip netns exec "$BROWSER_NETNS" ip link set berth-br1 up &&
    ip netns exec "$BROWSER_NETNS" ip link set lo up; then
    log "Browser network namespace $BROWSER_NETNS ready (server side $BROWSER_HOST_IP)"
  else
    warn "Could not set up the browser network namespace; browser tests run in the host's"
    ip netns del "$BROWSER_NETNS" 2>/dev/null || true
    ip link del berth-br0 2>/dev/null || true
  fi
}

# --- fixture image ------------------------------------------------------------------------

fixture_image_current() {
  local v
  v="$(docker image inspect "$FIXTURE_IMAGE" --format '{{ index .Config.Labels "berth.fixture.version" }}' 2>/dev/null)" || return 1
  [ "$v" = "$FIXTURE_VERSION" ]
}

ensure_fixture_image() {
  fixture_image_current && return 0
  bash "$BERTH_ROOT/scripts/build-fixture-image.sh"
}

# --- misc ---------------------------------------------------------------------------------

# True when something listens on 127.0.0.1:$1 (or the given host).
port_busy() {
  local port="$1" host="${2:-127.0.0.1}"
  node -e '
    const s = require("net").connect({ port: Number(process.argv[1]), host: process.argv[2] });
    s.on("connect", () => { s.destroy(); process.exit(0); });
    s.on("error", () => process.exit(1));
    s.setTimeout(1000, () => { s.destroy(); process.exit(1); });
  ' "$port" "$host"
}

# --- local registries (e2e pull/push) ------------------------------------------------------

# Two plain-HTTP registries on loopback (dockerd allows 127.0.0.0/8 as insecure by default), both
# Debian's docker-registry with storage in a temp dir, left running for later runs:
#   127.0.0.1:5000  anonymous
#   127.0.0.1:5001  htpasswd auth with the test-only login below (for the saved-credentials e2e)
REGISTRY_ADDR="${BERTH_REGISTRY_ADDR:-127.0.0.1:5000}"
REGISTRY_DIR="${BERTH_REGISTRY_DIR:-${TMPDIR:-/tmp}/berth-registry}"
AUTH_REGISTRY_ADDR="${BERTH_AUTH_REGISTRY_ADDR:-127.0.0.1:5001}"
AUTH_REGISTRY_DIR="${BERTH_AUTH_REGISTRY_DIR:-${TMPDIR:-/tmp}/berth-auth-registry}"
# Test-only credentials of a loopback registry that holds nothing but e2e images.
AUTH_REGISTRY_USER="berth-e2e"
AUTH_REGISTRY_PASSWORD="berth-e2e-registry-secret"

# Status of GET http://$1/v2/ (optionally with basic auth user $2, password $3), or "none" when
# what answers is not a Docker registry (no Docker-Distribution-Api-Version header) or nothing does.
registry_status() {
  node -e '
    const [addr, user, pass] = process.argv.slice(1);
    const headers = user ? { authorization: "Basic " + Buffer.from(user + ":" + pass).toString("base64") } : {};
    // write, not console.log: a FORCE_COLOR environment (Playwright sets it) would colour a number.
    const answer = (s) => { process.stdout.write(s); process.exit(0); };
    const req = require("http").get("http://" + addr + "/v2/", { timeout: 5000, headers }, (res) => {
      answer(res.headers["docker-distribution-api-version"] ? String(res.statusCode) : "none");
    });
    req.on("error", () => answer("none"));
    req.on("timeout", () => answer("none"));
  ' "$@"
}

# registry_status, asked again a few times while it says "none": on a loaded CI box a running
# registry can miss one timeout, and starting a second one on its port would then fail.
registry_status_settled() {
  local status
  for _ in 1 2 3; do
    status="$(registry_status "$@")"
    [ "$status" != "none" ] && break
    port_busy "${1##*:}" "${1%:*}" || break
    sleep 1
  done
  echo "$status"
}

# True when a Docker registry answers the v2 API on $REGISTRY_ADDR.
registry_ping() { [ "$(registry_status_settled "$REGISTRY_ADDR")" = "200" ]; }

# Starts docker-registry on $1 with its storage and config under $2; $3 (optional) is an htpasswd file.
start_registry() {
  local addr="$1" dir="$2" htpasswd="${3:-}"
  port_busy "${addr##*:}" "${addr%:*}" && die "Something that is not the expected Docker registry listens on $addr."
  have docker-registry || apt_install docker-registry
  have docker-registry || die "docker-registry still missing after apt-get install docker-registry"
  mkdir -p "$dir/storage"
  cat >"$dir/config.yml" <<YAML
version: 0.1
log:
  level: warn
storage:
  filesystem:
    rootdirectory: $dir/storage
  delete:
    enabled: true
http:
  addr: $addr
YAML
  if [ -n "$htpasswd" ]; then
    cat >>"$dir/config.yml" <<YAML
auth:
  htpasswd:
    realm: berth-e2e
    path: $htpasswd
YAML
  fi
  log "Starting a local registry on $addr${htpasswd:+ (htpasswd auth)} (log: $dir/registry.log)"
  setsid nohup docker-registry serve "$dir/config.yml" >>"$dir/registry.log" 2>&1 </dev/null &
  for _ in $(seq 1 40); do
    [ "$(registry_status "$addr")" != "none" ] && return 0
    sleep 0.25
  done
  tail -n 20 "$dir/registry.log" >&2 || true
  die "The local registry did not answer on $addr"
}

ensure_plain_registry() {
  registry_ping && return 0
  start_registry "$REGISTRY_ADDR" "$REGISTRY_DIR"
}

# The auth registry needs a bcrypt htpasswd file (the only format docker-registry accepts): made
# with Debian's htpasswd (apache2-utils), installed here like the other Debian packages, so no
# download happens at test time once the machine is set up.
ensure_auth_registry() {
  local status
  status="$(registry_status_settled "$AUTH_REGISTRY_ADDR" "$AUTH_REGISTRY_USER" "$AUTH_REGISTRY_PASSWORD")"
  [ "$status" = "200" ] && return 0
  [ "$status" = "none" ] || die "The registry on $AUTH_REGISTRY_ADDR refuses the test login (HTTP $status): stop it (its config is $AUTH_REGISTRY_DIR/config.yml) and re-run."
  have htpasswd || apt_install apache2-utils
  have htpasswd || die "htpasswd still missing after apt-get install apache2-utils"
  mkdir -p "$AUTH_REGISTRY_DIR"
  htpasswd -Bbc "$AUTH_REGISTRY_DIR/htpasswd" "$AUTH_REGISTRY_USER" "$AUTH_REGISTRY_PASSWORD" 2>/dev/null
  start_registry "$AUTH_REGISTRY_ADDR" "$AUTH_REGISTRY_DIR" "$AUTH_REGISTRY_DIR/htpasswd"
  [ "$(registry_status "$AUTH_REGISTRY_ADDR")" = "401" ] || die "The registry on $AUTH_REGISTRY_ADDR does not ask for a login"
  [ "$(registry_status "$AUTH_REGISTRY_ADDR" "$AUTH_REGISTRY_USER" "$AUTH_REGISTRY_PASSWORD")" = "200" ] || die "The registry on $AUTH_REGISTRY_ADDR refuses the test login"
}

# Both e2e registries (scripts/test.sh and the resources spec call this).
ensure_registry() {
  ensure_plain_registry
  ensure_auth_registry
}
