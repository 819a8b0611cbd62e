#!/usr/bin/env bash
# The Compose stack, built, started and exercised for real: the smoke test that CI runs after the README's test
# command, and that anyone can run by hand from the repository root (deploy/README.md, "Smoke test").
#
#   scripts/compose-test.sh
#   scripts/compose-test.sh --prepare   # steps 1 and 2 only: CI runs this while the tests run, to have them ready
#
# 1. Installs the container engine (Debian's docker.io) and Compose v2 when missing, starts the daemon.
# 2. Makes the base images the Dockerfile and docker-compose.yml name when they are not on the machine and cannot
#    be pulled (no registry reachable): stand-ins built with debootstrap from Debian's packages, cached as images.
# 3. Builds the services' jars on the host when missing (./mvnw; the Dockerfile copies them), then
#    "docker compose up --build" with freshly generated secrets, and waits for every service to be healthy.
# 4. Through the published gateway only: signs in as student, staff and analyst, creates a ticket, takes it,
#    answers, closes it, checks the analytics reflect it, that an analyst API token works, and that analysts
#    read the queue but never write.
# 5. Checks that only the gateway publishes a port, and that the services run as a non-root user.
# 6. Restarts ticket-service's container, then PostgreSQL's: the stack recovers by itself, the analytics answer
#    stale and then fresh, and no ticket whose creation was acknowledged is lost.
# 7. "docker compose down -v" whatever happened, and one summary line.
#
# Environment:
#   HELPDESK_SMOKE_PORT     host port for the gateway (default: the first free one from 28080)
#   HELPDESK_SMOKE_HOST     where that port is reached (default 127.0.0.1; the Docker host's name when DOCKER_HOST
#                           points to another machine)
#   HELPDESK_SMOKE_PROJECT  Compose project name (default helpdesk-smoke: a stack run under another name is left alone)
#   HELPDESK_DEBIAN_MIRROR  for the engine and stand-ins (default: the Debian mirror in this machine's apt sources)
#   MAVEN_ARGS              extra arguments for ./mvnw when the jars are missing (read by Maven itself)
set -euo pipefail
cd "$(dirname "$0")/.."

PREPARE_ONLY=0
case "${1:-}" in
  "") ;;
  --prepare) PREPARE_ONLY=1 ;;
  *) echo "usage: scripts/compose-test.sh [--prepare]" >&2; exit 2 ;;
esac
STARTED=$(date +%s)
STEP="prepare"
PROJECT="${HELPDESK_SMOKE_PROJECT:-helpdesk-smoke}"
# The gateway's host port: the first free one from 28080 unless given (a test run may hold others meanwhile).
PORT="${HELPDESK_SMOKE_PORT:-}"
if [ -z "$PORT" ]; then
  PORT=28080
  while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
fi
BASE="http://${HELPDESK_SMOKE_HOST:-127.0.0.1}:$PORT"
WORK=$(mktemp -d)
COMPOSE_UP=0
OWN_DOCKERD=""
SERVICES=(ticket-service analytics-open-period analytics-resolution-time analytics-category gateway)
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"

log() { printf '[compose-test %s] %s\n' "$(date +%H:%M:%S)" "$*"; }
fail() { log "FAILED: $*"; exit 1; }
step() { STEP="$1"; log "== $1"; }

dc() { docker compose -p "$PROJECT" --env-file "$WORK/env" -f docker-compose.yml "$@"; }

finish() {
  local rc=$?
  set +e
  if [ "$COMPOSE_UP" = 1 ]; then
    if [ "$rc" -ne 0 ]; then
      dc ps -a
      dc logs --no-color --tail 60
    fi
    dc down -v --remove-orphans >/dev/null 2>&1 || log "docker compose down -v failed"
  fi
  if [ -n "$OWN_DOCKERD" ] && [ -s "$OWN_DOCKERD/docker.pid" ]; then
    local pid
    pid=$(cat "$OWN_DOCKERD/docker.pid")
    $SUDO kill "$pid" 2>/dev/null
    for _ in $(seq 60); do $SUDO kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  fi
  $SUDO rm -rf "$WORK"
  local took=$(( $(date +%s) - STARTED ))
  if [ "$rc" -eq 0 ] && [ "$STEP" = "done" ] && [ "$PREPARE_ONLY" = 1 ]; then
    echo "compose-test --prepare: engine and base images ready in ${took}s"
  elif [ "$rc" -eq 0 ] && [ "$STEP" = "done" ]; then
    echo "compose-test: passed in ${took}s"
  else
    [ "$rc" -ne 0 ] || rc=1
    echo "compose-test: FAILED at step \"$STEP\" after ${took}s"
  fi
  exit "$rc"
}
trap finish EXIT
trap 'exit 130' INT TERM

# --- 1. engine and Compose v2 -------------------------------------------------------------------------------

# The Debian mirror apt uses on this machine (deb822 .sources or one-line .list files).
debian_mirror() {
  if [ -n "${HELPDESK_DEBIAN_MIRROR:-}" ]; then echo "$HELPDESK_DEBIAN_MIRROR"; return; fi
  {
    grep -hs '^[[:space:]]*URIs:' /etc/apt/sources.list.d/*.sources /etc/apt/sources.list 2>/dev/null \
      | sed 's/^[[:space:]]*URIs:[[:space:]]*//' | tr ' ' '\n' || true
    grep -hs '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
      | sed 's/\[[^]]*\]//' | awk '{print $2}' || true
  } | { grep -E '^https?://[^ ]*/debian/?$' || true; } | head -1 | sed 's:/*$::'
}

apt_install() {
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "$@" >/dev/null
}

step "container engine"
MIRROR=$(debian_mirror)
need_mirror() { [ -n "$MIRROR" ] || fail "no Debian mirror in the apt sources; set HELPDESK_DEBIAN_MIRROR"; }
missing=()
docker info >/dev/null 2>&1 || command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
command -v jq >/dev/null 2>&1 || missing+=(jq)
command -v curl >/dev/null 2>&1 || missing+=(curl)
command -v openssl >/dev/null 2>&1 || missing+=(openssl)
if [ "${#missing[@]}" -gt 0 ]; then
  log "installing ${missing[*]}"
  apt_install "${missing[@]}"
fi

if ! docker info >/dev/null 2>&1; then
  if [ -d /run/systemd/system ] && command -v systemctl >/dev/null 2>&1; then
    $SUDO systemctl start docker
  else
    # No service manager: a daemon of our own on a private socket, stopped again at the end, so that other
    # programs on this machine (Testcontainers in a test build, say) do not find a Docker they did not ask for.
    OWN_DOCKERD="$WORK/dockerd"
    mkdir -p "$OWN_DOCKERD"
    export DOCKER_HOST="unix://$OWN_DOCKERD/docker.sock"
    log "starting dockerd on $DOCKER_HOST"
    $SUDO sh -c "nohup dockerd -H '$DOCKER_HOST' --pidfile '$OWN_DOCKERD/docker.pid' >'$OWN_DOCKERD/dockerd.log' 2>&1 &"
  fi
  for _ in $(seq 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || { tail -20 "${OWN_DOCKERD:-/dev/null}/dockerd.log" 2>/dev/null; fail "the Docker daemon did not start"; }
fi

# Debian 12 ships only Compose v1; Debian 13's docker-compose package is Compose v2 (a static binary) and installs
# on Debian 12 too. apt fetches it from the same mirror, with a sources list of its own.
if ! docker compose version >/dev/null 2>&1; then
  step "compose v2"
  if apt-cache policy docker-compose 2>/dev/null | grep -q 'Candidate: 2\.'; then
    apt_install docker-compose
  else
    need_mirror
    apt_dir="$WORK/apt"
    mkdir -p "$apt_dir/lists/partial" "$apt_dir/deb"
    echo "deb $MIRROR trixie main" >"$apt_dir/sources.list"
    apt_opts=(-o "Dir::Etc::SourceList=$apt_dir/sources.list" -o "Dir::Etc::SourceParts=/nonexistent"
              -o "Dir::State::Lists=$apt_dir/lists" -o "Dir::Cache=$apt_dir/cache" -o "APT::Get::List-Cleanup=0"
              -o "APT::Sandbox::User=root")
    mkdir -p "$apt_dir/cache/archives/partial"
    apt-get -qq "${apt_opts[@]}" update
    (cd "$apt_dir/deb" && apt-get -qq "${apt_opts[@]}" download docker-compose)
    $SUDO dpkg -i "$apt_dir"/deb/docker-compose_*.deb >/dev/null
  fi
  docker compose version >/dev/null 2>&1 || fail "docker compose (v2) is not usable"
fi
log "$(docker compose version); gateway will be on $BASE"

# --- 2. base images -----------------------------------------------------------------------------------------

# The PostgreSQL stand-in's entrypoint: honours POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, PGDATA,
# POSTGRES_INITDB_ARGS and /docker-entrypoint-initdb.d like the official image, stops cleanly on SIGTERM.
write_pg_entrypoint() {
  cat >"$1" <<'EOF'
#!/bin/sh
set -e
: "${PGDATA:=/var/lib/postgresql/data}"
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$PGDATA" /var/run/postgresql
  chown postgres:postgres "$PGDATA" /var/run/postgresql
  chmod 700 "$PGDATA"
  exec setpriv --reuid=postgres --regid=postgres --init-groups "$0" "$@"
fi
user="${POSTGRES_USER:-postgres}"
db="${POSTGRES_DB:-$user}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
  [ -n "$POSTGRES_PASSWORD" ] || { echo "POSTGRES_PASSWORD is required" >&2; exit 1; }
  pw=$(mktemp)
  printf '%s' "$POSTGRES_PASSWORD" >"$pw"
  # shellcheck disable=SC2086
  initdb -D "$PGDATA" -U "$user" --pwfile="$pw" $POSTGRES_INITDB_ARGS
  rm -f "$pw"
  echo "listen_addresses = '*'" >>"$PGDATA/postgresql.conf"
  echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
  pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start
  export PGPASSWORD="$POSTGRES_PASSWORD"
  if [ "$db" != postgres ]; then
    psql -v ON_ERROR_STOP=1 -U "$user" -d postgres -c "CREATE DATABASE \"$db\""
  fi
  for f in /docker-entrypoint-initdb.d/*; do
    case "$f" in
      *.sh) . "$f" ;;
      *.sql) psql -v ON_ERROR_STOP=1 -U "$user" -d "$db" -f "$f" ;;
    esac
  done
  unset PGPASSWORD
  pg_ctl -D "$PGDATA" -m fast -w stop
fi
# SIGTERM (docker stop) becomes a fast shutdown, as the official image's STOPSIGNAL SIGINT does.
postgres -D "$PGDATA" "$@" &
pid=$!
trap 'kill -INT "$pid"' TERM INT
wait "$pid" || true
trap - TERM INT
wait "$pid"
EOF
  chmod 0755 "$1"
}

# make_base TAG SUITE PACKAGES [import changes...]: debootstrap a minimal Debian with PACKAGES, import it as TAG.
make_base() {
  local tag=$1 suite=$2 packages=$3; shift 3
  local dir="$WORK/rootfs-${tag//[:\/]/-}"
  log "building the stand-in $tag from Debian $suite ($packages)"
  $SUDO debootstrap --variant=minbase --include="$packages" "$suite" "$dir" "$MIRROR" >"$dir.log" 2>&1 \
    || { tail -20 "$dir.log"; return 1; }
  case "$tag" in
    postgres:*)
      $SUDO rm -rf "$dir"/var/lib/postgresql/* "$dir"/etc/postgresql/*
      write_pg_entrypoint "$WORK/entrypoint.sh"
      $SUDO install -m 0755 "$WORK/entrypoint.sh" "$dir/usr/local/bin/docker-entrypoint.sh"
      $SUDO mkdir -p "$dir/docker-entrypoint-initdb.d" ;;
  esac
  $SUDO rm -rf "$dir"/var/cache/apt/archives/*.deb "$dir"/var/lib/apt/lists/* "$dir"/var/log/*.log
  $SUDO tar -C "$dir" -c . | docker import -c 'ENV LANG=C.UTF-8' "$@" - "$tag" >/dev/null
  $SUDO rm -rf "$dir"
  log "made $tag"
}

# The real image if present or pullable; otherwise (no registry reachable) a stand-in is made below.
have_image() {
  docker image inspect "$1" >/dev/null 2>&1 && { log "$1 present"; return 0; }
  timeout 60 docker pull -q "$1" >/dev/null 2>&1 && { log "pulled $1"; return 0; }
  return 1
}

step "base images"
# The Dockerfile's runtime stage, and Compose's PostgreSQL (Debian 13 has PostgreSQL 17; the smoke test starts
# from an empty volume, so the major version does not matter here). Built side by side.
PGBIN=/usr/lib/postgresql/17/bin
pids=()
need_jre=0 need_pg=0
have_image eclipse-temurin:21-jre || need_jre=1
have_image postgres:16 || need_pg=1
if [ $((need_jre + need_pg)) -gt 0 ]; then
  need_mirror
  command -v debootstrap >/dev/null 2>&1 || apt_install debootstrap
fi
if [ "$need_jre" = 1 ]; then
  make_base eclipse-temurin:21-jre trixie openjdk-21-jre-headless &
  pids+=($!)
fi
if [ "$need_pg" = 1 ]; then
  make_base postgres:16 trixie postgresql-17 \
    -c "ENV PATH=$PGBIN:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
    -c 'ENV PGDATA=/var/lib/postgresql/data' -c 'EXPOSE 5432' \
    -c 'ENTRYPOINT ["/usr/local/bin/docker-entrypoint.sh"]' &
  pids+=($!)
fi
for pid in "${pids[@]}"; do wait "$pid" || fail "could not make a stand-in base image"; done
if [ "$PREPARE_ONLY" = 1 ]; then
  step "done"
  exit 0
fi

# --- 3. build and start -------------------------------------------------------------------------------------

step "service jars"
need_build=0
for s in "${SERVICES[@]}"; do
  compgen -G "$s/target/$s-*-all.jar" >/dev/null || need_build=1
done
if [ "$need_build" = 1 ]; then
  log "building the jars: ./mvnw -q install -DskipTests"
  # shellcheck source=java-home.sh
  source ./scripts/java-home.sh
  ./mvnw -q install -DskipTests
fi

step "compose up"
{
  for v in HELPDESK_SERVICE_KEY HELPDESK_SESSION_SECRET HELPDESK_DB_PASSWORD; do
    echo "$v=$(openssl rand -base64 48 | tr -d '\n')"
  done
  STAFF_CODE=$(openssl rand -hex 8)
  echo "HELPDESK_STAFF_CODE=$STAFF_CODE"
  echo "HELPDESK_PUBLISHED_PORT=$PORT"
} >"$WORK/env"
chmod 600 "$WORK/env"
STAFF_CODE=$(sed -n 's/^HELPDESK_STAFF_CODE=//p' "$WORK/env")
COMPOSE_UP=1
dc down -v --remove-orphans >/dev/null 2>&1 || true
t0=$(date +%s)
dc build
log "images built in $(( $(date +%s) - t0 ))s"
sizes=""
for image in $( (echo eclipse-temurin:21-jre; dc config --images) | sort -u); do
  sizes+=" $image=$(docker image ls --format '{{.Size}}' "$image" | head -1)"
done
log "image sizes:$sizes"
t0=$(date +%s)
dc up --build -d --wait --wait-timeout 300
log "all services healthy $(( $(date +%s) - t0 ))s after up"
for s in postgres "${SERVICES[@]}"; do
  h=$(docker inspect -f '{{.State.Health.Status}}' "$(dc ps -q "$s")")
  [ "$h" = healthy ] || fail "$s is $h"
done

# --- 4. smoke test through the gateway ----------------------------------------------------------------------

# req WHO METHOD PATH [JSON] [curl args...]: WHO is a cookie jar name, "-" for none; sets CODE and BODY.
req() {
  local who=$1 method=$2 path=$3 body=${4:-}
  shift 3; [ $# -gt 0 ] && shift
  local args=(-sS --max-time 10 -o "$WORK/body" -w '%{http_code}' -X "$method" -H 'Accept: application/json')
  [ "$who" = "-" ] || args+=(-b "$WORK/$who.jar" -c "$WORK/$who.jar")
  [ -z "$body" ] || args+=(-H 'Content-Type: application/json' --data "$body")
  CODE=$(curl "${args[@]}" "$@" "$BASE$path" 2>/dev/null) || CODE=000
  BODY=$(cat "$WORK/body" 2>/dev/null || true)
  rm -f "$WORK/body"
}
expect() { # expect CODES WHAT: the last req answered one of CODES (e.g. "200|201")
  [[ "$CODE" =~ ^($1)$ ]] || fail "$2: HTTP $CODE ${BODY:0:300}"
}
# eventually SECONDS WHAT COMMAND...: retries COMMAND every half second until it succeeds.
eventually() {
  local limit=$1 what=$2; shift 2
  local end=$(( $(date +%s) + limit ))
  until "$@"; do
    [ "$(date +%s)" -lt "$end" ] || fail "$what (not within ${limit}s; last: HTTP $CODE ${BODY:0:300})"
    sleep 0.5
  done
}
analyst() { req - GET "/api/analytics/$1" "" -H "Authorization: Bearer $TOKEN"; [ "$CODE" = 200 ]; }
# The analyst's session (the gateway holds it): unlike an API token, checked by ticket-service on every request,
# it reaches the analytics also while ticket-service or its database is down.
analyst_session() { req analyst GET "/api/analytics/$1"; [ "$CODE" = 200 ]; }
sum_closed() { jq '[.. | objects | .closed? | numbers] | add // 0' <<<"$BODY"; }

step "sign in"
req student POST /api/session '{"name":"Smoke Student","role":"STUDENT"}'; expect '200|201' "student sign-in"
req staff POST /api/session "{\"name\":\"Smoke Staff\",\"role\":\"STAFF\",\"staffCode\":\"$STAFF_CODE\"}"
expect '200|201' "staff sign-in"
req analyst POST /api/session "{\"name\":\"Smoke Analyst\",\"role\":\"ANALYST\",\"staffCode\":\"$STAFF_CODE\"}"
expect '200|201' "analyst sign-in"
req - POST /api/session '{"name":"Intruder","role":"STAFF","staffCode":"wrong-code"}'
[[ "$CODE" =~ ^4 ]] || fail "a wrong staff code was accepted: HTTP $CODE"
# Analysts read the queue (the dashboard's figures open it) and change nothing.
req analyst GET /api/tickets; expect 200 "an analyst reads the queue"
req analyst POST /api/tickets '{"title":"Analyst test","description":"An analyst must not file tickets"}'
[ "$CODE" = 403 ] || fail "an analyst may file a ticket: HTTP $CODE"

step "analyst token"
req staff POST /api/tokens '{"name":"smoke-bi","role":"ANALYST","days":1}'; expect '200|201' "staff creates a token"
TOKEN=$(jq -r '.value // .token' <<<"$BODY")
[[ "$TOKEN" == hdt_* ]] || fail "no token value in ${BODY:0:200}"
analyst active-by-category || fail "analyst token on active-by-category: HTTP $CODE"
req - GET /api/tickets "" -H "Authorization: Bearer $TOKEN"; expect 200 "an analyst token reads the queue"
req - POST /api/tickets '{"title":"Token test","description":"An analyst token must not file tickets"}' \
  -H "Authorization: Bearer $TOKEN"
[ "$CODE" = 403 ] || fail "an analyst token may file a ticket: HTTP $CODE"
req - GET /api/analytics/active-by-category "" -H "Authorization: Bearer hdt_not-a-token"
expect 401 "a made-up token"
eventually 60 "analytics fresh before the ticket" eval 'analyst active-by-category && [ "$(jq .stale <<<"$BODY")" = false ]'
ACTIVE0=$(jq .total <<<"$BODY")
MONTH=$(date -u +%Y-%m)
analyst "resolution-time?from=$MONTH&to=$MONTH" || fail "resolution-time: HTTP $CODE"
CLOSED0=$(sum_closed)
analyst "open-period?hours=1" || fail "open-period: HTTP $CODE"
UNCLOSED0=$(jq .unclosed <<<"$BODY")

step "ticket lifecycle"
req student POST /api/tickets '{"title":"Lift broken in building C","description":"The lift on the ground floor of building C does not move.","location":"Building C"}' \
  -H "Idempotency-Key: smoke-$(openssl rand -hex 8)"
expect '200|201' "student creates a ticket"
ID=$(jq -r .id <<<"$BODY")
ACKED=("$ID")
log "ticket $ID created"
req staff GET "/api/tickets/$ID"; expect 200 "staff reads the ticket"
req staff POST "/api/tickets/$ID/status" '{"status":"ACTIVE"}'; expect '200|201' "staff takes the ticket"
eventually 30 "analytics count the ACTIVE ticket" eval \
  'analyst active-by-category && [ "$(jq .total <<<"$BODY")" = $((ACTIVE0 + 1)) ]'
req staff POST "/api/tickets/$ID/messages" '{"body":"A technician is on the way."}'; expect '200|201' "staff answers"
req student GET "/api/tickets/$ID/messages"; expect 200 "student reads the answer"
grep -q 'technician is on the way' <<<"$BODY" || fail "the student does not see the answer"
req staff POST "/api/tickets/$ID/status" '{"status":"CLOSED"}'; expect '200|201' "staff closes the ticket"
req student GET "/api/tickets/$ID"; expect 404 "a CLOSED ticket is hidden from students"
eventually 30 "resolution-time counts the closed ticket" eval \
  'analyst "resolution-time?from=$MONTH&to=$MONTH" && [ "$(sum_closed)" = $((CLOSED0 + 1)) ]'
eventually 30 "active-by-category back to before" eval \
  'analyst active-by-category && [ "$(jq .total <<<"$BODY")" = "$ACTIVE0" ]'
eventually 30 "open-period does not count the closed ticket" eval \
  'analyst "open-period?hours=1" && [ "$(jq .unclosed <<<"$BODY")" = "$UNCLOSED0" ]'
req staff GET "/api/tickets/$ID/history"; expect 200 "the ticket's history"

# --- 5. what the host sees ----------------------------------------------------------------------------------

step "published ports"
for s in postgres "${SERVICES[@]}"; do
  published=$(docker port "$(dc ps -q "$s")" || true)
  if [ "$s" = gateway ]; then
    grep -q "^8080/tcp -> .*:$PORT\$" <<<"$published" || fail "the gateway is not published on $PORT: $published"
    [ -z "$(grep -v '^8080/tcp ' <<<"$published")" ] || fail "the gateway publishes more: $published"
  else
    [ -z "$published" ] || fail "$s publishes a port on the host: $published"
  fi
done
for s in "${SERVICES[@]}"; do
  uid=$(dc exec -T "$s" id -u)
  [ "$uid" != 0 ] || fail "$s runs as root"
done

# --- 6. restarts --------------------------------------------------------------------------------------------

# poke TAG: a student creates a ticket (acknowledged ones go to ACKED); notes whether the analytics answer stale.
poke() {
  N=$((N + 1))
  req student POST /api/tickets "{\"title\":\"Smoke $1 $N\",\"description\":\"Created around a restart of $1.\"}" \
    -H "Idempotency-Key: smoke-$1-$N-$(openssl rand -hex 4)"
  if [[ "$CODE" =~ ^20[01]$ ]]; then ACKED+=("$(jq -r .id <<<"$BODY")"); fi
  if analyst_session active-by-category && [ "$(jq .stale <<<"$BODY")" = true ]; then SAW_STALE=1; fi
  sleep 0.3
}
# while_poking PID TAG: pokes until PID ends.
while_poking() {
  while kill -0 "$1" 2>/dev/null; do poke "$2"; done
  wait "$1"
}
# restart SERVICE: stops its container and starts it again while students keep creating tickets. While it is down
# the analytics must say stale (they cannot read the change feed); after the start everything recovers by itself.
N=0
restart() {
  local s=$1 before=${#ACKED[@]} id
  id=$(dc ps -q "$s")
  SAW_STALE=0
  docker stop "$id" >"$WORK/restart.log" 2>&1 &
  while_poking $! "$s" || { cat "$WORK/restart.log"; fail "docker stop $s"; }
  local end=$(( $(date +%s) + 60 ))
  until [ "$SAW_STALE" = 1 ]; do
    [ "$(date +%s)" -lt "$end" ] || fail "the analytics never answered stale while $s was down"
    poke "$s"
  done
  docker start "$id" >"$WORK/restart.log" 2>&1 &
  while_poking $! "$s" || { cat "$WORK/restart.log"; fail "docker start $s"; }
  eventually 120 "analytics fresh again after restarting $s" eval \
    'analyst_session active-by-category && [ "$(jq .stale <<<"$BODY")" = false ]'
  eventually 60 "the analyst token accepted again after restarting $s" analyst active-by-category
  log "$s restarted: analytics stale then fresh; $(( ${#ACKED[@]} - before )) tickets acknowledged meanwhile"
  eventually 120 "a new ticket after restarting $s" eval \
    "req student POST /api/tickets '{\"title\":\"After $s\",\"description\":\"After the restart.\"}' && [[ \"\$CODE\" =~ ^20[01]\$ ]]"
  ACKED+=("$(jq -r .id <<<"$BODY")")
  local c
  for c in postgres "${SERVICES[@]}"; do
    eventually 120 "$c healthy again after restarting $s" eval \
      "[ \"\$(docker inspect -f '{{.State.Health.Status}}' \"\$(dc ps -q $c)\")\" = healthy ]"
  done
}

step "restart ticket-service"
restart ticket-service
step "restart postgres"
restart postgres

step "no acknowledged ticket lost"
for id in "${ACKED[@]}"; do
  req staff GET "/api/tickets/$id"; expect 200 "acknowledged ticket $id after the restarts"
done
log "${#ACKED[@]} acknowledged tickets all present"
req staff GET "/api/tickets/$ID"
[ "$(jq -r .status <<<"$BODY")" = CLOSED ] || fail "ticket $ID is not CLOSED any more: ${BODY:0:200}"

step "done"
