#!/usr/bin/env bash
# Benchmark of GET /api/tickets/similar (issue 18; target: p99 <= 30 ms at 1M tickets), on the data a desk of that
# size has: BENCH_SIMILAR_TICKETS seeded over 12 months (the newest week's unclosed ones are the candidates), plus a
# wave of BENCH_WAVE reports of one outage filed through the API just before, as on the morning it happens.
# Starts its own helpdesk (embedded PostgreSQL on BENCH_PG_PORT, services on ports +BENCH_PORT_OFFSET), then stops it.
# Needs the -all.jars (./mvnw -B -q -DskipTests package) and a JDK 21+. Calls ticket-service directly with a
# student's service token minted from the suite's key (bench/service-token.sh).
# Environment: BENCH_SIMILAR_TICKETS (1000000), BENCH_MONTHS (12: the newest week holds about as many tickets as at
#              1M over 12 months when N/months is the same), BENCH_WAVE (200), BENCH_ROUNDS (21), BENCH_PORT_OFFSET (14100),
#              BENCH_PG_PORT (24532), BENCH_DIR (bench/target).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
TICKETS="${BENCH_SIMILAR_TICKETS:-1000000}"
MONTHS="${BENCH_MONTHS:-12}"
WAVE="${BENCH_WAVE:-200}"
ROUNDS="${BENCH_ROUNDS:-21}"
OFFSET="${BENCH_PORT_OFFSET:-14100}"
PG_PORT="${BENCH_PG_PORT:-24532}"
WORK="${BENCH_DIR:-$REPO/bench/target}"
source "$REPO/scripts/java-home.sh"
JAVA="$JAVA_HOME/bin/java"
source "$REPO/bench/service-token.sh"
source "$REPO/bench/fresh-helpdesk.sh"
LAUNCHER="$(ls "$REPO"/launcher/target/launcher-*-all.jar 2>/dev/null | head -n 1 || true)"
[[ -n "$LAUNCHER" ]] || { echo "Build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
TICKETS_URL="http://127.0.0.1:$((8081 + OFFSET))"
DATA="$WORK/pgdata-similar"

mkdir -p "$WORK"
log="$WORK/up-similar.log"
start_fresh_helpdesk "$REPO" "$LAUNCHER" "$DATA" "$log"

export PGPASSWORD="$(cat "$DATA/secrets/helpdesk-password")"
BENCH_TOKEN_STUDENT="$(service_token "$DATA/secrets/service-key" bench STUDENT ticket-service)"
export BENCH_TOKEN_STUDENT

echo "== seeding $TICKETS tickets over $MONTHS months"
"$JAVA" -Dhelpdesk.home="$REPO" -jar "$LAUNCHER" seed --tickets "$TICKETS" --months "$MONTHS" --append \
  --db-url "jdbc:postgresql://127.0.0.1:$PG_PORT/helpdesk" --db-user helpdesk --db-password "$PGPASSWORD" </dev/null | tail -n 1
# What a desk sees the morning after a bulk load: the feed's followers have read it. Measuring while they still chew
# through millions of events measures them, not the search.
echo "== waiting for the analytics services to catch up with the feed"
caught_up_since=$(date +%s)
for port in $((8082 + OFFSET)) $((8083 + OFFSET)) $((8084 + OFFSET)); do
  until curl -fsS "http://127.0.0.1:$port/prometheus" 2>/dev/null | grep -Eq '^helpdesk_feed_caught_up(\{[^}]*\})? 1'; do
    (( $(date +%s) - caught_up_since < 1800 )) || { echo "analytics on port $port did not catch up in 30 min" >&2; exit 1; }
    sleep 2
  done
done
echo "caught up $(( $(date +%s) - caught_up_since )) s after the seed ended"
echo "== a wave of $WAVE reports, then similar x $ROUNDS rounds"
"$JAVA" "$REPO/bench/SimilarLoad.java" "$TICKETS_URL" "$WAVE" "$ROUNDS"
echo "sweeps of the similar index (each on a thread of its own once the first has ended):"
grep -ho "Similar index swept: .*" "$REPO"/ticket-service/target/ticket-service-$((8081 + OFFSET)).log 2>/dev/null || true
if command -v psql >/dev/null; then
  echo "candidates (live OPEN/ACTIVE opened in the last 7 days): $(psql -h 127.0.0.1 -p "$PG_PORT" -U helpdesk -d helpdesk -Atc \
    "SELECT count(*) FROM tickets WHERE deleted_at IS NULL AND status IN ('OPEN', 'ACTIVE')
       AND opened_at > now() - interval '7 days'") of $(psql -h 127.0.0.1 -p "$PG_PORT" -U helpdesk -d helpdesk -Atc \
    "SELECT count(*) FROM tickets") tickets"
fi
