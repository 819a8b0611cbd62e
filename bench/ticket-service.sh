#!/usr/bin/env bash
# Benchmark of ticket-service (targets in docs/ARCHITECTURE.md), measured in one run on the same PostgreSQL:
#   - creating tickets through the HTTP API vs pgbench's one-row INSERT (target: ratio >= 0.5),
#   - full-text search p50/p95 after seeding BENCH_SEARCH_TICKETS tickets (target: p95 <= 50 ms at 1M).
# Starts its own helpdesk (embedded PostgreSQL on BENCH_PG_PORT, services on ports +BENCH_PORT_OFFSET), then stops it.
# Needs the -all.jars (./mvnw -B -q -DskipTests package), a JDK 21+ and pgbench (Debian: postgresql-client).
# Calls ticket-service directly with service tokens minted from the suite's key (bench/service-token.sh).
# Environment: BENCH_SECONDS (20), BENCH_CONNECTIONS (16), BENCH_SEARCH_TICKETS (1000000; 0 skips search),
#              BENCH_PORT_OFFSET (14000), BENCH_PG_PORT (24432), BENCH_DIR (bench/target).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
SECONDS_EACH="${BENCH_SECONDS:-20}"
CONNECTIONS="${BENCH_CONNECTIONS:-16}"
SEARCH_TICKETS="${BENCH_SEARCH_TICKETS:-1000000}"
OFFSET="${BENCH_PORT_OFFSET:-14000}"
PG_PORT="${BENCH_PG_PORT:-24432}"
WORK="${BENCH_DIR:-$REPO/bench/target}"
source "$REPO/scripts/java-home.sh"
JAVA="$JAVA_HOME/bin/java"
command -v pgbench >/dev/null || { echo "pgbench is missing (apt-get install postgresql-client)" >&2; exit 1; }
source "$REPO/bench/service-token.sh"
LAUNCHER="$(ls "$REPO"/launcher/target/launcher-*-all.jar 2>/dev/null | head -n 1 || true)"
[[ -n "$LAUNCHER" ]] || { echo "Build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
TICKETS_URL="http://127.0.0.1:$((8081 + OFFSET))"
DATA="$WORK/pgdata-ticket-service"
PSQL_ARGS=(-h 127.0.0.1 -p "$PG_PORT" -U helpdesk)

mkdir -p "$WORK"
rm -rf "$DATA"
log="$WORK/up-ticket-service.log"
( exec "$JAVA" -Dhelpdesk.home="$REPO" -jar "$LAUNCHER" up --port-offset "$OFFSET" --pg-port "$PG_PORT" \
    --data-dir "$DATA" >"$log" 2>&1 ) &
UP_PID=$!
trap 'kill -TERM $UP_PID 2>/dev/null; wait $UP_PID 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  grep -q "is up" "$log" && break
  kill -0 "$UP_PID" 2>/dev/null || { tail -n 30 "$log"; exit 1; }
  sleep 0.5
done

# The secrets the first start generated: the owner's password, and the key that signs service tokens.
export PGPASSWORD="$(cat "$DATA/secrets/helpdesk-password")"
BENCH_TOKEN_STUDENT="$(service_token "$DATA/secrets/service-key" bench STUDENT ticket-service)"
BENCH_TOKEN_STAFF="$(service_token "$DATA/secrets/service-key" bench STAFF ticket-service)"
export BENCH_TOKEN_STUDENT BENCH_TOKEN_STAFF

echo "== pgbench: one-row INSERT, $CONNECTIONS clients, ${SECONDS_EACH}s"
psql "${PSQL_ARGS[@]}" -q -d helpdesk -c "DROP TABLE IF EXISTS bench_insert;
  CREATE TABLE bench_insert (id bigserial PRIMARY KEY, title text, description text, reporter text)"
echo "INSERT INTO bench_insert (title, description, reporter) VALUES ('Wifi down', 'Eduroam is not working in the library', 'Load');" \
  > "$WORK/insert.sql"
pgbench_tps=$(pgbench "${PSQL_ARGS[@]}" -n -c "$CONNECTIONS" -j 2 -T "$SECONDS_EACH" -f "$WORK/insert.sql" helpdesk \
  | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)
echo "pgbench tps=$pgbench_tps"

echo "== create through ticket-service: $CONNECTIONS connections, ${SECONDS_EACH}s"
"$JAVA" "$REPO/bench/CreateLoad.java" "$TICKETS_URL" 2 3 >/dev/null   # warm-up
create=$("$JAVA" "$REPO/bench/CreateLoad.java" "$TICKETS_URL" "$CONNECTIONS" "$SECONDS_EACH")
echo "$create"
rate=$(echo "$create" | sed -n 's/.*rate=\([0-9]*\).*/\1/p')
echo "ratio create / pgbench INSERT = $(echo "scale=2; $rate / $pgbench_tps" | bc)"

if [[ "$SEARCH_TICKETS" -gt 0 ]]; then
  echo "== seeding $SEARCH_TICKETS tickets, then searching"
  "$JAVA" -Dhelpdesk.home="$REPO" -jar "$LAUNCHER" seed --tickets "$SEARCH_TICKETS" --append \
    --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/helpdesk" --db-user helpdesk --db-password "$PGPASSWORD" </dev/null | tail -n 1
  "$JAVA" "$REPO/bench/SearchLoad.java" "$TICKETS_URL" 11
fi
