#!/usr/bin/env bash
# Builds berth-fixture:latest, the image every demo and e2e container runs. No registry is
# reachable, so it is imported from a tiny rootfs: a static busybox (sh, httpd, wget, sleep,
# date, ...), a page for httpd, and minimal /etc files. Skips the build when the image is
# current (label berth.fixture.version); --force rebuilds anyway.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

if [ "${1:-}" != "--force" ] && fixture_image_current; then
  log "$FIXTURE_IMAGE is up to date"
  exit 0
fi

ensure_docker_cli

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# ldd exits 1 for a static binary, so look at its words, not its status.
is_static() {
  [ -x "$1" ] || return 1
  local out
  out="$(LC_ALL=C ldd "$1" 2>&1 || true)"
  [[ "$out" == *"not a dynamic executable"* || "$out" == *"statically linked"* ]]
}

busybox=""
for candidate in /bin/busybox /usr/bin/busybox; do
  if is_static "$candidate"; then
    busybox="$candidate"
    break
  fi
done
if [ -z "$busybox" ]; then
  # Download busybox-static and unpack it here rather than install it: it conflicts with
  # Debian's dynamic busybox package, which the system may need.
  have apt-get || die "Need a static busybox: install Debian's busybox-static (or copy a static busybox to /bin/busybox)."
  log "No static busybox found; fetching Debian's busybox-static"
  if [ "${BERTH_APT_UPDATED:-0}" != "1" ] && is_root; then
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
    export BERTH_APT_UPDATED=1
  fi
  (cd "$work" && apt-get download -o APT::Sandbox::User=root busybox-static >&2)
  dpkg-deb -x "$work"/busybox-static_*.deb "$work/pkg"
  busybox="$work/pkg/bin/busybox"
  [ -x "$busybox" ] || busybox="$work/pkg/usr/bin/busybox"
  is_static "$busybox" || die "busybox-static did not provide a static busybox"
fi

log "Building $FIXTURE_IMAGE from $busybox"
root="$work/rootfs"
mkdir -p "$root"/{bin,sbin,usr/bin,usr/sbin,etc,www,tmp,root,var/log,proc,sys,dev}
chmod 1777 "$root/tmp"
cp "$busybox" "$root/bin/busybox"
# One symlink per applet, where busybox itself would install it (bin/sh, usr/bin/wget, ...).
while IFS= read -r applet; do
  if [ -z "$applet" ] || [ "$applet" = "bin/busybox" ]; then continue; fi
  mkdir -p "$root/$(dirname "$applet")"
  ln -sf /bin/busybox "$root/$applet"
done < <("$busybox" --list-full)

cat >"$root/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
PASSWD
cat >"$root/etc/group" <<'GROUP'
root:x:0:
nogroup:x:65534:
GROUP
cat >"$root/www/index.html" <<'HTML'
<!doctype html>
<html><head><title>berth fixture</title></head>
<body><h1>Hello from berth-fixture</h1><p>busybox httpd is serving this page.</p></body></html>
HTML

tar --numeric-owner --owner=0 --group=0 -C "$root" -c . |
  docker import \
    --change 'CMD ["sh"]' \
    --change "LABEL berth.fixture.version=$FIXTURE_VERSION" \
    --change 'LABEL org.opencontainers.image.title=berth-fixture' \
    - "$FIXTURE_IMAGE" >/dev/null

fixture_image_current || die "Built $FIXTURE_IMAGE but its label check failed"
log "Built $FIXTURE_IMAGE ($(docker image inspect "$FIXTURE_IMAGE" --format '{{.Size}}') bytes)"
