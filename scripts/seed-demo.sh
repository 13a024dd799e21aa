#!/usr/bin/env bash
# shellcheck disable=SC2016 # single-quoted container scripts expand inside the container
# (Re)creates Berth's demo containers: each behaves like a real service so every page of the
# console has something to show (chatty logs, health checks, an exited crash, a paused
# container, a compose project with secrets in its env). Everything created here carries the
# label berth.demo=1 and is removed first, so running it again starts from a clean slate.
set -euo pipefail
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

ensure_engine
ensure_fixture_image

DEMO_LABEL="berth.demo=1"
IMAGE="$FIXTURE_IMAGE"
# A plain `sh` ignores SIGTERM as PID 1, so every loop traps it: `docker stop` is then instant.
# The loop bodies below are single-quoted on purpose: they expand inside the container.
TRAP='trap "exit 0" TERM INT;'

log "Removing previous demo containers and networks ($DEMO_LABEL)"
mapfile -t old < <(docker ps -aq --filter "label=$DEMO_LABEL")
[ "${#old[@]}" = 0 ] || docker rm -f -v "${old[@]}" >/dev/null
mapfile -t old_nets < <(docker network ls -q --filter "label=$DEMO_LABEL")
[ "${#old_nets[@]}" = 0 ] || docker network rm "${old_nets[@]}" >/dev/null

for name in demo-logger demo-web demo-crash demo-paused shop-api-1 shop-worker-1; do
  if docker container inspect "$name" >/dev/null 2>&1; then
    die "A container named $name exists and is not a Berth demo container (no $DEMO_LABEL label). Remove or rename it, then re-run."
  fi
done
if docker network inspect shop_default >/dev/null 2>&1; then
  die "A network named shop_default exists and is not a Berth demo network. Remove it, then re-run."
fi

rand() { od -An -N"$1" -tx1 /dev/urandom | tr -d ' \n'; }

run() { docker run -d --label "$DEMO_LABEL" "$@" >/dev/null; }

# demo-logger: a chatty service. logfmt on stdout, warnings and JSON errors on stderr,
# about three lines a second.
run --name demo-logger --restart unless-stopped "$IMAGE" sh -c "$TRAP"'
  i=0
  while true; do
    i=$((i + 1))
    case $((i % 5)) in
      0) path=/api/orders ;; 1) path=/api/orders/$((i % 97)) ;; 2) path=/api/cart ;;
      3) path=/healthz ;; *) path=/api/users/me ;;
    esac
    echo "level=info ts=$(date -u +%Y-%m-%dT%H:%M:%SZ) msg=\"request handled\" method=GET path=$path status=200 ms=$((i * 7 % 45 + 2)) n=$i"
    if [ $((i % 7)) -eq 0 ]; then
      echo "level=warn ts=$(date -u +%Y-%m-%dT%H:%M:%SZ) msg=\"slow query\" table=orders ms=$((i * 13 % 900 + 300)) n=$i" >&2
    fi
    if [ $((i % 23)) -eq 0 ]; then
      echo "{\"level\":\"error\",\"ts\":\"$(date -u +%Y-%m-%dT%H:%M:%SZ)\",\"msg\":\"upstream timeout\",\"upstream\":\"payments\",\"n\":$i}" >&2
    fi
    sleep 0.3
  done'

# demo-web: busybox httpd with a health check, published on 127.0.0.1 (18080 when free).
if port_busy 18080; then publish="127.0.0.1::80"; else publish="127.0.0.1:18080:80"; fi
run --name demo-web --restart unless-stopped -p "$publish" \
  --health-cmd 'wget -q -O /dev/null http://127.0.0.1/ || exit 1' \
  --health-interval 5s --health-timeout 3s --health-retries 3 \
  "$IMAGE" httpd -f -vv -p 80 -h /www

# demo-crash: starts, logs a little, then dies with exit code 3.
run --name demo-crash "$IMAGE" sh -c '
  echo "starting report-generator v2.4.1"
  echo "reading configuration"
  sleep 1
  echo "fatal: cannot open /etc/app/config.yml" >&2
  exit 3'

# demo-paused: a running ticker, paused below.
run --name demo-paused "$IMAGE" sh -c "$TRAP"'
  while true; do echo "tick $(date -u +%H:%M:%S)"; sleep 2; done'

# A compose-style project "shop": its own network and compose labels, secrets in the env.
docker network create --label "$DEMO_LABEL" \
  --label com.docker.compose.project=shop --label com.docker.compose.network=default \
  shop_default >/dev/null
# Sets COMPOSE_LABELS to the labels docker compose puts on service $1's first container.
compose_labels() {
  COMPOSE_LABELS=(
    --label com.docker.compose.project=shop --label "com.docker.compose.service=$1"
    --label com.docker.compose.container-number=1 --label com.docker.compose.oneoff=False
    --label com.docker.compose.project.working_dir=/srv/shop
    --label com.docker.compose.project.config_files=/srv/shop/compose.yaml
  )
}
db_password="$(rand 12)"
api_token="tok_$(rand 16)"

compose_labels api
run --name shop-api-1 "${COMPOSE_LABELS[@]}" --network shop_default --network-alias api \
  --memory 64m --restart unless-stopped \
  -e LOG_LEVEL=info -e PORT=8080 -e DB_HOST=db -e DB_USER=shop \
  -e "DB_PASSWORD=$db_password" -e "API_TOKEN=$api_token" \
  -e "DATABASE_URL=postgres://shop:$db_password@db:5432/shop" \
  "$IMAGE" sh -c "$TRAP"'
  mkdir -p /srv/www && echo "{\"service\":\"shop-api\",\"ok\":true}" >/srv/www/index.html
  httpd -p 8080 -h /srv/www
  echo "level=info msg=\"listening\" addr=:8080 log_level=$LOG_LEVEL"
  n=0
  while true; do
    n=$((n + 1))
    echo "level=info msg=\"GET /api/products\" status=200 ms=$((n * 3 % 30 + 4))"
    sleep 2
  done'

compose_labels worker
run --name shop-worker-1 "${COMPOSE_LABELS[@]}" --network shop_default --network-alias worker \
  --restart on-failure:3 \
  -e LOG_LEVEL=info -e QUEUE=orders -e "DB_PASSWORD=$db_password" -e "API_TOKEN=$api_token" \
  "$IMAGE" sh -c "$TRAP"'
  echo "level=info msg=\"worker started\" queue=$QUEUE"
  job=1000
  while true; do
    job=$((job + 1))
    echo "level=info msg=\"job done\" queue=$QUEUE job=$job ms=$((job * 11 % 400 + 20))"
    if [ $((job % 9)) -eq 0 ]; then echo "level=warn msg=\"retrying job\" job=$job attempt=2" >&2; fi
    sleep 1.5
  done'

docker pause demo-paused >/dev/null

log "Demo containers:"
docker ps -a --filter "label=$DEMO_LABEL" --format 'table {{.Names}}\t{{.Status}}\t{{.Ports}}' >&2
