#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md's summary table one after another, on a quiet machine, and prints that
# table: the date, the machine, the commit, then one row per figure with its target. Each benchmark starts and stops
# its own helpdesk on ports of its own; their full output stays in bench/target/all/<name>.log.
# Takes 45-65 minutes on the 2-core development box, depending on the VM, most of it seeding 1M tickets (three times).
# Needs the -all.jars (./mvnw -B -q -DskipTests package), a JDK 21+, pgbench and psql (postgresql-client), bc, openssl.
# Environment: BENCH_ONLY (space-separated names below, to run some of them), BENCH_DIR (bench/target).
set -uo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${BENCH_DIR:-$REPO/bench/target}"
LOGS="$WORK/all"
# name:command (run from the repository's root), in the order they run.
BENCHMARKS=(
  "create:BENCH_SEARCH_TICKETS=0 bench/ticket-service.sh"
  "followers:bench/followers.sh"
  "analytics:BENCH_SIZES=1000000 BENCH_MODES=load bench/analytics.sh"
  "seed:bench/seed.sh"
  "footprint:bench/footprint.sh"
  "search:BENCH_CREATE=0 BENCH_SEARCH_TICKETS=1000000 bench/ticket-service.sh"
)
ONLY="${BENCH_ONLY:-}"

source "$REPO/scripts/java-home.sh"
mkdir -p "$LOGS"
commit="$(git -C "$REPO" rev-parse --short HEAD 2>/dev/null || echo unknown)"
dirty="$(git -C "$REPO" status --porcelain 2>/dev/null | grep -qv '^??' && echo ' (with uncommitted changes)' || true)"
cpu="$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)"
memory="$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
started="$(date -u +%Y-%m-%dT%H:%MZ)"

for entry in "${BENCHMARKS[@]}"; do
  name="${entry%%:*}"
  command="${entry#*:}"
  if [[ -n "$ONLY" && " $ONLY " != *" $name "* ]]; then continue; fi
  echo "== $name: $command (load average $(cut -d' ' -f1-3 /proc/loadavg))" >&2
  began=$(date +%s)
  (cd "$REPO" && bash -c "$command") >"$LOGS/$name.log" 2>&1
  status=$?
  echo "   exit $status after $(( $(date +%s) - began )) s; log: $LOGS/$name.log" >&2
  [[ $status -eq 0 ]] || echo "RESULT|$name|failed (exit $status, see its log)|-|not met" >>"$LOGS/$name.log"
done

echo "Run of bench/all.sh started $started at commit $commit$dirty"
echo "on $(nproc) cores ($cpu), $memory; $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)."
echo
echo "| benchmark | figure | measured | target | |"
echo "| --- | --- | --- | --- | --- |"
for entry in "${BENCHMARKS[@]}"; do
  name="${entry%%:*}"
  [[ -f "$LOGS/$name.log" ]] || continue
  if [[ -n "$ONLY" && " $ONLY " != *" $name "* ]]; then continue; fi
  grep '^RESULT|' "$LOGS/$name.log" | while IFS='|' read -r _ what figure target verdict; do
    echo "| $name | $what | $figure | $target | $verdict |"
  done
done
