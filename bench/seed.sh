#!/usr/bin/env bash
# Demo-data speed (issue 17, target: 1M tickets in <= 60 s into a fresh desk on a quiet machine):
#   1. a fresh desk: ./helpdesk up on its own ports and data folder until it is up (the schema, 300 first-start demo
#      tickets), then stopped;
#   2. `seed --tickets N --months 18 --append` into it with nothing else running: a desk that small has its secondary
#      indexes dropped before the COPY and built after it (demo-data README);
#   3. the same again into the now large desk: indexes kept in place, the figure `--append` gives a desk in use.
# Each seed prints its phases (COPY, index builds, foreign keys); their wall-clock times are the figures.
# Needs the -all.jars (./mvnw -B -q -DskipTests package) and a JDK 21+.
# Environment: BENCH_SEED_TICKETS (1000000), BENCH_APPEND (1; 0 skips step 3), BENCH_PORT_OFFSET (17000),
#              BENCH_PG_PORT (27432), BENCH_DIR (bench/target).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
TICKETS="${BENCH_SEED_TICKETS:-1000000}"
OFFSET="${BENCH_PORT_OFFSET:-17000}"
PG_PORT="${BENCH_PG_PORT:-27432}"
WORK="${BENCH_DIR:-$REPO/bench/target}"
source "$REPO/scripts/java-home.sh"
source "$REPO/bench/result.sh"
source "$REPO/bench/fresh-helpdesk.sh"
JAVA="$JAVA_HOME/bin/java"
LAUNCHER="$(ls "$REPO"/launcher/target/launcher-*-all.jar 2>/dev/null | head -n 1 || true)"
[[ -n "$LAUNCHER" ]] || { echo "Build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
DATA="$WORK/pgdata-seed"

log="$WORK/up-seed.log"
start_fresh_helpdesk "$REPO" "$LAUNCHER" "$DATA" "$log"
stop_fresh_helpdesk

# seed LABEL: one timed load of $TICKETS into the stopped desk (the launcher starts its embedded PostgreSQL for it).
seed() {
  echo "== $1: seed --tickets $TICKETS --months 18 --append (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  local began ended seconds
  began=$(date +%s.%N)
  "$JAVA" -XX:+UseSerialGC -Xmx512m -Dhelpdesk.home="$REPO" -jar "$LAUNCHER" seed --tickets "$TICKETS" --months 18 \
    --append --pg-port "$PG_PORT" --data-dir "$DATA" </dev/null
  ended=$(date +%s.%N)
  seconds=$(printf '%.1f' "$(echo "$ended - $began" | bc)")
  echo "   $seconds s (load average after: $(cut -d' ' -f1-3 /proc/loadavg))"
  SEED_SECONDS="$seconds"
}

seed "a fresh desk"
result "seed $TICKETS tickets into a fresh desk" "$SEED_SECONDS s" "<= 60 s" "$(at_most "$SEED_SECONDS" 60)"
if [[ "${BENCH_APPEND:-1}" != 0 ]]; then
  seed "a desk already holding them (--append, indexes in place)"
  result "seed $TICKETS more with --append, indexes in place" "$SEED_SECONDS s" "stated separately" "-"
fi
