#!/usr/bin/env bash
# Benchmark of the three analytics services (issue 3), at 10k and at 1M tickets:
#   - bootstrap time of a fresh replica of each service (JVM start + snapshot + catching up with the feed),
#   - p50/p99 of each endpoint, and of the same question as a SQL aggregate on PostgreSQL, with the ratio,
#   - change-to-answer latency (ticket created through ticket-service until analytics-category counts it),
#   - under BENCH_CLIENTS concurrent clients (issue 17): req/s, p50, p99 and max of every endpoint the dashboard
#     calls, on a fresh replica of each build in BENCH_LOAD_ROOTS, measured back to back once the machine is quiet and
#     the replica's JIT has settled (AnalyticsLoad.java, JDK 22+).
# It starts its own helpdesk (embedded PostgreSQL, ports +13000), seeds it, measures, and stops it.
# Needs the -all.jars built (./mvnw -B -q -DskipTests package) and a JDK 21+ (JAVA_HOME or java on PATH).
#
# Environment: BENCH_SIZES ("10000 1000000"), BENCH_MODES ("sequential load"), BENCH_LOAD_ROOTS (this repo; more
#              than one root, e.g. a copy of the jars built before a change, measures each on the same data),
#              BENCH_CLIENTS (8), BENCH_SECONDS (10), BENCH_REUSE (1: start again on the data a previous run seeded
#              for that size instead of seeding afresh), BENCH_REPLICA_JVM_FLAGS (more JVM flags for the replicas), BENCH_PORT_OFFSET (13000: below the ephemeral port range), BENCH_PG_PORT (23432),
#              BENCH_REPLICA_PORT_BASE (8080 + offset + 100), BENCH_DIR (bench/target), HELPDESK_ROOT (where the service jars are; default this repo).
# Results are appended to $BENCH_DIR/analytics-results.md (Markdown, ready for BENCHMARKS.md).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
ROOT="${HELPDESK_ROOT:-$REPO}"
SIZES="${BENCH_SIZES:-10000 1000000}"
OFFSET="${BENCH_PORT_OFFSET:-13000}"
PG_PORT="${BENCH_PG_PORT:-23432}"
WORK="${BENCH_DIR:-$REPO/bench/target}"
# Where the benchmark's own replicas listen (+2..+4): give it a range nobody else uses on a shared machine.
REPLICA_BASE="${BENCH_REPLICA_PORT_BASE:-$((8080 + OFFSET + 100))}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
JDBC="jdbc:postgresql://127.0.0.1:$PG_PORT/helpdesk"

LAUNCHER="$(ls "$ROOT"/launcher/target/launcher-*-all.jar 2>/dev/null | head -n 1 || true)"
[[ -n "$LAUNCHER" ]] || { echo "No launcher jar under $ROOT/launcher/target: build first (./mvnw -B -q -DskipTests package)" >&2; exit 1; }
MODES="${BENCH_MODES:-sequential load}"
LOAD_ROOTS="${BENCH_LOAD_ROOTS:-$ROOT}"
PG_JAR="${BENCH_PG_JAR:-}"
[[ -n "$PG_JAR" ]] || PG_JAR="$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | sort -V | tail -n 1 || true)"
[[ -n "$PG_JAR" ]] || { echo "No PostgreSQL JDBC driver in ~/.m2: build the project once first" >&2; exit 1; }

source "$REPO/bench/service-token.sh"

mkdir -p "$WORK"
UP_PID=""
stop_helpdesk() {
  if [[ -n "$UP_PID" ]] && kill -0 "$UP_PID" 2>/dev/null; then
    kill -TERM "$UP_PID"
    wait "$UP_PID" || true
  fi
  UP_PID=""
}
trap stop_helpdesk EXIT

for tickets in $SIZES; do
  echo "== $tickets tickets: starting a fresh helpdesk (ports +$OFFSET, PostgreSQL $PG_PORT)"
  DATA="$WORK/pgdata-$tickets"
  reuse=0
  [[ "${BENCH_REUSE:-0}" == 1 && -d "$DATA" ]] && reuse=1
  [[ "$reuse" == 1 ]] || rm -rf "$DATA"
  log="$WORK/up-$tickets.log"
  ( exec "$JAVA" -Dhelpdesk.home="$ROOT" -jar "$LAUNCHER" up --port-offset "$OFFSET" --pg-port "$PG_PORT" \
      --data-dir "$DATA" >"$log" 2>&1 ) &
  UP_PID=$!
  for _ in $(seq 1 600); do
    grep -q "Campus Helpdesk is up" "$log" && break
    kill -0 "$UP_PID" 2>/dev/null || { echo "helpdesk up failed:"; tail -n 30 "$log"; exit 1; }
    sleep 0.5
  done
  grep -q "Campus Helpdesk is up" "$log" || { echo "helpdesk did not come up in 300 s:"; tail -n 30 "$log"; exit 1; }

  # The secrets the first start generated: the owner's password, and the key the services sign tokens with (the
  # benchmark's own replicas need it too, and its requests carry tokens minted with it).
  KEY_FILE="$DATA/secrets/service-key"
  export BENCH_DB_PASSWORD="$(cat "$DATA/secrets/helpdesk-password")"
  export BENCH_SERVICE_KEY="$(cat "$KEY_FILE")"
  export BENCH_TOKEN_TICKET_SERVICE="$(service_token "$KEY_FILE" bench STUDENT ticket-service)"
  for module in analytics-open-period analytics-resolution-time analytics-category; do
    export "BENCH_TOKEN_$(echo "$module" | tr 'a-z-' 'A-Z_')=$(service_token "$KEY_FILE" bench ANALYST "$module")"
  done

  if [[ "$reuse" == 0 ]]; then
    echo "== seeding $tickets tickets"
    seed_started=$(date +%s.%N)
    "$JAVA" -Dhelpdesk.home="$ROOT" -jar "$LAUNCHER" seed --tickets "$tickets" --append \
        --db-url "$JDBC" --db-user helpdesk --db-password "$BENCH_DB_PASSWORD" </dev/null | tail -n 2
    echo "   seeded in $(echo "$(date +%s.%N) - $seed_started" | bc) s"
  fi

  # The suite's own analytics services replay what was seeded; measuring before they caught up measures that.
  for port in $((8082 + OFFSET)) $((8083 + OFFSET)) $((8084 + OFFSET)); do
    until curl -sf "http://127.0.0.1:$port/health" | grep -q '"caughtUp":true'; do sleep 1; done
  done

  label="$tickets tickets ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores)"
  if [[ " $MODES " == *" sequential "* ]]; then
    echo "== measuring, sequential"
    "$JAVA" -cp "$PG_JAR" "$REPO/bench/AnalyticsBench.java" "$ROOT" "http://127.0.0.1:$((8081 + OFFSET))" \
        "$REPLICA_BASE" "$JDBC" "$label" | tee -a "$WORK/analytics-results.md"
  fi
  if [[ " $MODES " == *" load "* ]]; then
    echo "== measuring, ${BENCH_CLIENTS:-8} concurrent clients"
    # shellcheck disable=SC2086 # one argument per root
    "$JAVA" -cp "$PG_JAR" "$REPO/bench/AnalyticsLoad.java" "http://127.0.0.1:$((8081 + OFFSET))" \
        "$REPLICA_BASE" "$label" $LOAD_ROOTS >"$WORK/analytics-load.out"
    cat "$WORK/analytics-load.out"
    grep -v '^RESULT|' "$WORK/analytics-load.out" >>"$WORK/analytics-results.md"
  fi
  stop_helpdesk
done
