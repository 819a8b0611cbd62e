# Sourced by the benchmark scripts: a helpdesk of their own on a fresh data folder.
# start_fresh_helpdesk HOME LAUNCHER DATA LOG: runs `up` of LAUNCHER (jars under HOME) on $OFFSET / $PG_PORT with DATA
# emptied first, in the background (UP_PID; stopped when the script exits), and returns once it is up (exits, with the
# log's tail, if it dies first).
start_fresh_helpdesk() {
  local home="$1" launcher="$2" data="$3" log="$4"
  mkdir -p "$(dirname "$log")"
  rm -rf "$data"
  ( exec "$JAVA" -Dhelpdesk.home="$home" -jar "$launcher" up --port-offset "$OFFSET" --pg-port "$PG_PORT" \
      --data-dir "$data" >"$log" 2>&1 ) &
  UP_PID=$!
  trap 'stop_fresh_helpdesk' EXIT
  for _ in $(seq 1 1200); do
    grep -q "Campus Helpdesk is up" "$log" && return 0
    kill -0 "$UP_PID" 2>/dev/null || { tail -n 30 "$log"; exit 1; }
    sleep 0.5
  done
  echo "The helpdesk did not come up in 10 minutes:"; tail -n 30 "$log"; exit 1
}

stop_fresh_helpdesk() {
  if [[ -n "${UP_PID:-}" ]]; then
    kill -TERM "$UP_PID" 2>/dev/null || true
    wait "$UP_PID" 2>/dev/null || true
    UP_PID=""
  fi
}
