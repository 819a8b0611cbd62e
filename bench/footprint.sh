#!/usr/bin/env bash
# Memory and start-up of the suite as ./helpdesk up runs it (issue 17, target: the five services plus the launcher
# <= 700 MB RSS after the demo load and a minute of load; each service ready <= 2 s).
#   1. First start on a fresh data folder (no class-data / AOT archive yet): ./helpdesk up with its own ports; the
#      launcher loads its demo data (300 tickets over 12 months) as on any first start.
#   2. A minute of mixed load (bench/FootprintLoad.java): creates straight to ticket-service, reads through the gateway.
#   3. RSS (VmRSS) and PSS (smaps_rollup) of the launcher's JVM and of each service, the heap each service uses, and
#      PostgreSQL's PSS on its own line (not part of the target).
#   4. Stop, then a second start on the same folder (archives present) and its start-up.
# Start-up per service: from the process's start (/proc/<pid>/stat) to its first 200 on /health/readiness (polled every
# 100 ms by bench/ReadyWatch.java), and Micronaut's own "Startup completed in" figure. The launcher starts
# ticket-service first (it migrates the schema), then the other four together.
# Needs the -all.jars (./mvnw -B -q -DskipTests package), a JDK 21+, openssl and curl.
# Environment: BENCH_LOAD_SECONDS (60), BENCH_CONNECTIONS (4), BENCH_PORT_OFFSET (16000), BENCH_PG_PORT (26432),
#              BENCH_DIR (bench/target).
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
LOAD_SECONDS="${BENCH_LOAD_SECONDS:-60}"
CONNECTIONS="${BENCH_CONNECTIONS:-4}"
OFFSET="${BENCH_PORT_OFFSET:-16000}"
PG_PORT="${BENCH_PG_PORT:-26432}"
WORK="${BENCH_DIR:-$REPO/bench/target}"
source "$REPO/scripts/java-home.sh"
JAVA="$JAVA_HOME/bin/java"
source "$REPO/bench/service-token.sh"
source "$REPO/bench/result.sh"
DATA="$WORK/pgdata-footprint"
MODULES=(ticket-service analytics-open-period analytics-resolution-time analytics-category gateway)
DEFAULT_PORTS=(8081 8082 8083 8084 8080)
port_of() {
  local i
  for i in "${!MODULES[@]}"; do
    if [[ "${MODULES[$i]}" == "$1" ]]; then echo $((DEFAULT_PORTS[i] + OFFSET)); fi
  done
}
# The launcher's pid file holds the service's pid, then its own.
pid_of() { cut -d' ' -f1 "$REPO/$1/target/$1-$(port_of "$1").pid"; }
UP_PID=""

stop_suite() {
  [[ -n "$UP_PID" ]] || return 0
  kill -TERM "$UP_PID" 2>/dev/null || true
  wait "$UP_PID" 2>/dev/null || true
  UP_PID=""
}
trap stop_suite EXIT

# start_suite LABEL: ./helpdesk up on the bench ports (the launcher's JVM with the script's own flags); prints the
# start-up of each service.
start_suite() {
  local log="$WORK/footprint-$1.log" ready="$WORK/footprint-$1.ready" ports=()
  local m; for m in "${MODULES[@]}"; do ports+=("$(port_of "$m")"); done
  "$JAVA" "$REPO/bench/ReadyWatch.java" 900 "${ports[@]}" >"$ready" &
  local watch=$!
  sleep 2   # the watcher's own JVM start, before the suite's
  ( HELPDESK_SKIP_BUILD=1 exec "$REPO/helpdesk" up --port-offset "$OFFSET" --pg-port "$PG_PORT" --data-dir "$DATA" \
      >"$log" 2>&1 ) &
  UP_PID=$!
  for _ in $(seq 1 1800); do
    grep -q "Campus Helpdesk is up" "$log" && break
    kill -0 "$UP_PID" 2>/dev/null || { tail -n 30 "$log"; exit 1; }
    sleep 0.5
  done
  wait "$watch" || true
  local btime hz; btime=$(awk '/^btime/ {print $2}' /proc/stat); hz=$(getconf CLK_TCK)
  echo "== start-up, $1 (load average $(cut -d' ' -f1-3 /proc/loadavg))"
  printf '  %-27s %12s %22s\n' service "ready (s)" "Startup completed in"
  SLOWEST_READY=0 UNREADY=""
  for m in "${MODULES[@]}"; do
    local pid start_ms ready_ms micronaut
    pid="$(pid_of "$m")"
    start_ms=$(awk -v b="$btime" -v hz="$hz" '{printf "%.0f\n", (b + $22 / hz) * 1000}' "/proc/$pid/stat")
    ready_ms=$(awk -v p="$(port_of "$m")" '$1 == p {print $2}' "$ready")
    micronaut=$(grep -o 'Startup completed in [0-9]*ms' "$REPO/$m/target/$m-$(port_of "$m").log" | tail -n 1 \
      | grep -o '[0-9]*ms' || echo "?")
    if [[ -z "$ready_ms" ]]; then
      UNREADY="$UNREADY $m"; ready_ms="$start_ms"
    fi
    printf '  %-27s %12s %22s\n' "$m" "$(echo "scale=2; ($ready_ms - $start_ms) / 1000" | bc)" "$micronaut"
    if (( ready_ms - start_ms > SLOWEST_READY )); then SLOWEST_READY=$((ready_ms - start_ms)); fi
  done
  local slowest; slowest=$(echo "scale=2; $SLOWEST_READY / 1000" | bc)
  if [[ -n "$UNREADY" ]]; then
    result "slowest service ready, $1" "not ready in time:$UNREADY" "<= 2 s" "not met"
  else
    result "slowest service ready, $1" "$slowest s" "<= 2 s" "$(at_most "$slowest" 2)"
  fi
  grep -h "Loaded .* demo tickets" "$log" || true
}

# memory_line NAME PID: RSS and PSS in MB
memory_line() {
  local rss pss
  rss=$(awk '/^VmRSS/ {print $2}' "/proc/$2/status")
  pss=$(awk '/^Pss:/ {print $2}' "/proc/$2/smaps_rollup")
  printf '  %-27s %8d %8d\n' "$1" $((rss / 1024)) $((pss / 1024))
  TOTAL_RSS=$((TOTAL_RSS + rss)); TOTAL_PSS=$((TOTAL_PSS + pss))
}

heap_used() {
  "$JAVA_HOME/bin/jcmd" "$1" GC.heap_info 2>/dev/null | awk '
    /total .* used/ {for (i = 1; i <= NF; i++) if ($i == "used") {u = $(i + 1); t = $(i - 1)}; heap = heap " heap " t " used " u}
    /Metaspace/ && /used/ {for (i = 1; i <= NF; i++) if ($i == "used") m = $(i + 1)}
    END {print heap ", metaspace used " m}'
}

mkdir -p "$WORK"
rm -rf "$DATA"
start_suite "first start (no archive)"

export BENCH_TOKEN_STUDENT
BENCH_TOKEN_STUDENT="$(service_token "$DATA/secrets/service-key" bench STUDENT ticket-service)"
export BENCH_API_TOKEN
BENCH_API_TOKEN="$("$JAVA" -Dhelpdesk.home="$REPO" -jar "$(ls "$REPO"/launcher/target/launcher-*-all.jar | head -n 1)" \
  token create --name "footprint-$$" --role STAFF --pg-port "$PG_PORT" --data-dir "$DATA" | head -n 1)"
echo "== mixed load: $CONNECTIONS connections, ${LOAD_SECONDS}s (load average before: $(cut -d' ' -f1-3 /proc/loadavg))"
"$JAVA" "$REPO/bench/FootprintLoad.java" "http://127.0.0.1:$(port_of gateway)" \
  "http://127.0.0.1:$(port_of ticket-service)" "$CONNECTIONS" "$LOAD_SECONDS"
sleep 5   # let the followers apply the last events

echo "== memory after the demo load and ${LOAD_SECONDS}s of load (load average $(cut -d' ' -f1-3 /proc/loadavg))"
printf '  %-27s %8s %8s\n' process "RSS MB" "PSS MB"
TOTAL_RSS=0; TOTAL_PSS=0
launcher_pid="$UP_PID"   # ./helpdesk execs the launcher's JVM
memory_line "launcher (./helpdesk up)" "$launcher_pid"
for m in "${MODULES[@]}"; do memory_line "$m" "$(pid_of "$m")"; done
printf '  %-27s %8d %8d\n' "total (target RSS <= 700)" $((TOTAL_RSS / 1024)) $((TOTAL_PSS / 1024))
result "RSS of the five services and the launcher" "$((TOTAL_RSS / 1024)) MB" "<= 700 MB" "$(at_most $((TOTAL_RSS / 1024)) 700)"
postmaster=$(head -n 1 "$DATA/pgdata/postmaster.pid" 2>/dev/null || true)
if [[ -n "$postmaster" ]]; then
  TOTAL_RSS=0; TOTAL_PSS=0
  for pid in "$postmaster" $(pgrep -P "$postmaster"); do
    pss=$(awk '/^Pss:/ {print $2}' "/proc/$pid/smaps_rollup" 2>/dev/null || echo 0); TOTAL_PSS=$((TOTAL_PSS + pss))
  done
  printf '  %-27s %8s %8d\n' "PostgreSQL (all processes)" "" $((TOTAL_PSS / 1024))
fi
echo "== heap per service (jcmd GC.heap_info, KB)"
for m in "${MODULES[@]}"; do printf '  %-27s%s\n' "$m" "$(heap_used "$(pid_of "$m")")"; done

stop_suite
start_suite "second start (archives present)"
stop_suite
