#!/usr/bin/env bash
# Benchmark of the change feed's followers (issue 17): ticket-service's CPU time per event created, with only the
# production followers (three analytics services and the gateway), then with 1, 4 and 16 extra in-process followers
# long-polling the feed from the present; target: CPU/event with 16 at most 1.5 x CPU/event with 1, in one run.
# Starts its own helpdesk (embedded PostgreSQL on BENCH_PG_PORT, services on ports +BENCH_PORT_OFFSET), then stops it.
# Needs the -all.jars (./mvnw -B -q -DskipTests package), a JDK 21+, openssl, ss (iproute2) and Linux's /proc.
# Environment: BENCH_RATE (tickets/s, 100), BENCH_SECONDS (per step, 20), BENCH_FOLLOWERS ("1 4 16"),
#              BENCH_PORT_OFFSET (14000), BENCH_PG_PORT (24432), BENCH_DIR (bench/target),
#              BENCH_HOME (the reactor whose jars run; default this one: point it at a checkout of another commit to
#              compare two builds with the same script).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
HOME_JARS="${BENCH_HOME:-$REPO}"
RATE="${BENCH_RATE:-100}"
SECONDS_EACH="${BENCH_SECONDS:-20}"
FOLLOWERS="${BENCH_FOLLOWERS:-1 4 16}"
OFFSET="${BENCH_PORT_OFFSET:-14000}"
PG_PORT="${BENCH_PG_PORT:-24432}"
WORK="${BENCH_DIR:-$REPO/bench/target}"
source "$REPO/scripts/java-home.sh"
JAVA="$JAVA_HOME/bin/java"
source "$REPO/bench/service-token.sh"
source "$REPO/bench/fresh-helpdesk.sh"
LAUNCHER="$(ls "$HOME_JARS"/launcher/target/launcher-*-all.jar 2>/dev/null | head -n 1 || true)"
[[ -n "$LAUNCHER" ]] || { echo "Build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
TICKETS_PORT=$((8081 + OFFSET))
DATA="$WORK/pgdata-followers"

mkdir -p "$WORK"
log="$WORK/up-followers.log"
start_fresh_helpdesk "$HOME_JARS" "$LAUNCHER" "$DATA" "$log"

# ticket-service's JVM: the process listening on its port.
TICKETS_PID="$(ss -ltnpH "sport = :$TICKETS_PORT" | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -n 1)"
[[ -n "$TICKETS_PID" ]] || { echo "No process listens on port $TICKETS_PORT" >&2; exit 1; }

BENCH_TOKEN_STUDENT="$(service_token "$DATA/secrets/service-key" bench STUDENT ticket-service)"
BENCH_TOKEN_FEED="$(service_token "$DATA/secrets/service-key" bench-follower FEED ticket-service)"
export BENCH_TOKEN_STUDENT BENCH_TOKEN_FEED

echo "== feed followers: $RATE tickets/s for ${SECONDS_EACH}s per step; ticket-service pid $TICKETS_PID;" \
  "jars of $HOME_JARS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
# shellcheck disable=SC2086
"$JAVA" "$REPO/bench/FollowersLoad.java" "http://127.0.0.1:$TICKETS_PORT" "$TICKETS_PID" "$(getconf CLK_TCK)" \
  "$RATE" "$SECONDS_EACH" $FOLLOWERS
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
