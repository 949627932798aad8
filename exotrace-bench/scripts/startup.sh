#!/usr/bin/env bash
# Measures `./exotrace serve`: cold start and idle memory.
#
#   exotrace-bench/scripts/startup.sh [runs]     (default 5 runs; set PORT to change the port, default 18080)
#
# Cold start: wall time from launching `./exotrace serve --port $PORT` until GET /login answers 200,
#   (a) with a fresh, empty EXOTRACE_DATA_DIR each run (initdb, migrations, seeding included), and
#   (b) with an existing data dir (one untimed start creates it first). Median and range over the runs.
# Idle memory: after one more start on the existing data dir, at the moment /login answers and again
#   after 30 s idle: VmRSS (/proc/<pid>/status) of the java process and of every embedded PostgreSQL
#   process (the postmaster and its children), their PSS (/proc/<pid>/smaps_rollup; shared memory split
#   between the processes sharing it, so the PostgreSQL PSS sum does not count shared buffers N times),
#   and the JVM heap (jcmd <pid> GC.heap_info), if jcmd is on the PATH.
# The application is built first (untimed) if needed. Every process started here is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
RUNS="${1:-5}"
PORT="${PORT:-18080}"
IDLE_SECONDS="${IDLE_SECONDS:-30}"
WORK="$(mktemp -d -t exotrace-startup-XXXXXX)"
APP_PID=""
DATA=""
START_MS=""

log() { echo "$*" >&2; }

postmaster_pid() {
  local f="$1/postgres/postmaster.pid"
  [ -f "$f" ] && head -n 1 "$f" || true
}

# Stops the application (SIGTERM, then SIGKILL after 30 s) and any PostgreSQL left running on its data dir.
stop() {
  local pm
  pm="$( [ -n "$DATA" ] && postmaster_pid "$DATA" || true)"
  if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
    kill -TERM "$APP_PID" 2>/dev/null || true
    for _ in $(seq 300); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$APP_PID" 2>/dev/null || true
    wait "$APP_PID" 2>/dev/null || true
  fi
  if [ -n "$pm" ] && kill -0 "$pm" 2>/dev/null; then
    kill -INT "$pm" 2>/dev/null || true   # PostgreSQL fast shutdown
    for _ in $(seq 300); do kill -0 "$pm" 2>/dev/null || break; sleep 0.1; done
  fi
  APP_PID=""
}
trap 'stop; rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# Starts the server on data dir $1 and sets START_MS to the milliseconds until /login answers 200.
# (Not called in $(...): APP_PID must stay in this shell for stop.)
start() {
  DATA="$1"
  local t0 code
  t0="$(now_ms)"
  EXOTRACE_DATA_DIR="$DATA" "$ROOT/exotrace" serve --port "$PORT" >"$WORK/server.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 2400); do
    code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login" || true)"
    if [ "$code" = "200" ]; then START_MS=$(( $(now_ms) - t0 )); return 0; fi
    if ! kill -0 "$APP_PID" 2>/dev/null; then log "the server exited; log:"; tail -n 30 "$WORK/server.log" >&2; exit 1; fi
    sleep 0.05
  done
  log "no 200 from /login within 120 s"; exit 1
}

# median and range of the numbers on stdin, in seconds
summary() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    printf "median %.2f s, range %.2f-%.2f s (n=%d; ms:", m / 1000, v[1] / 1000, v[NR] / 1000, NR;
    for (i = 1; i <= NR; i++) printf " %d", v[i]; print ")" }'
}

kb() { awk -v k="$1" '$1 == k":" { print $2 }' "$2" 2>/dev/null || true; }

memory() {
  local label="$1" pm pids rss pss total_rss=0 total_pss=0 n=0
  rss="$(kb VmRSS "/proc/$APP_PID/status")"
  pss="$(kb Pss "/proc/$APP_PID/smaps_rollup")"
  echo "$label: java VmRSS ${rss} kB, PSS ${pss} kB"
  pm="$(postmaster_pid "$DATA")"
  pids="$pm $(pgrep -P "$pm" | tr '\n' ' ')"
  for p in $pids; do
    rss="$(kb VmRSS "/proc/$p/status")"; pss="$(kb Pss "/proc/$p/smaps_rollup")"
    [ -n "$rss" ] || continue
    total_rss=$(( total_rss + rss )); total_pss=$(( total_pss + ${pss:-0} )); n=$(( n + 1 ))
  done
  echo "$label: postgres ($n processes) VmRSS sum ${total_rss} kB, PSS sum ${total_pss} kB"
  if command -v jcmd >/dev/null; then
    echo "$label: jcmd GC.heap_info:"; jcmd "$APP_PID" GC.heap_info 2>&1 | sed 's/^/    /'
  fi
}

log "building if needed (untimed)..."
"$ROOT/exotrace" help >/dev/null
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then log "port $PORT is in use; set PORT"; exit 1; fi

echo "# exotrace serve start-up, port $PORT, $RUNS runs, $(date -u +%FT%TZ)"
: >"$WORK/fresh"
for i in $(seq "$RUNS"); do
  start "$WORK/fresh-$i"; stop; echo "$START_MS" >>"$WORK/fresh"; log "fresh data dir, run $i: $START_MS ms"
done
echo "fresh data dir:    $(summary <"$WORK/fresh")"

start "$WORK/existing"; stop   # creates the data dir, untimed
: >"$WORK/existing.times"
for i in $(seq "$RUNS"); do
  start "$WORK/existing"; stop; echo "$START_MS" >>"$WORK/existing.times"; log "existing data dir, run $i: $START_MS ms"
done
echo "existing data dir: $(summary <"$WORK/existing.times")"

start "$WORK/existing"
echo "memory run: /login answered after $START_MS ms"
memory "at ready"
sleep "$IDLE_SECONDS"
memory "after ${IDLE_SECONDS} s idle"
