#!/usr/bin/env bash
# Measures `./exotrace audit verify` on a long chain: wall time, peak resident memory, peak heap.
#
#   exotrace-bench/scripts/audit-verify.sh [entries]      (default 1000000)
#
# 1. Seeds ENTRIES audit entries with a valid chain into a scratch data directory (embedded
#    PostgreSQL) and anchor directory under $WORK (default: a new temporary folder, deleted on exit;
#    set WORK to keep the seeded chain and rerun only the verification), through the application's
#    own AuditTrail.appendAll (org.exotrace.bench.AuditChainSeed): same hashes, same key signatures.
# 2. Runs `exotrace audit verify` in its own JVM with $VERIFY_OPTS (default -Xmx64m) and prints its
#    wall time, the JVM's peak resident memory (VmHWM of /proc/<pid>/status, sampled every 0.2 s;
#    the embedded PostgreSQL's processes are not counted), the largest heap occupancy before and
#    after a collection from the JVM's GC log, and what the command printed. The page size can be
#    set with VERIFY_OPTS="-Xmx64m -Dexotrace.audit.verify-page-size=1000".
# APP_JAR and BENCH_JAR pick other builds (to compare with an earlier version, or to go on building
# while it runs).
# The jars are built first unless SKIP_BUILD=1. Every process started here is stopped on exit.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ENTRIES="${1:-1000000}"
VERIFY_OPTS="${VERIFY_OPTS:--Xmx64m}"
KEEP="${WORK:+yes}"
WORK="${WORK:-$(mktemp -d -t exotrace-audit-verify-XXXXXX)}"
APP_JAR="${APP_JAR:-$ROOT/exotrace-app/target/exotrace-app-exec.jar}"
BENCH_JAR="${BENCH_JAR:-$ROOT/exotrace-bench/target/benchmarks.jar}"
PID=""

log() { echo "$*" >&2; }

stop() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -TERM "$PID" 2>/dev/null || true; wait "$PID" 2>/dev/null || true; fi
  local pm="$WORK/data/postgres/postmaster.pid"
  if [ -f "$pm" ]; then
    local p; p="$(head -n 1 "$pm")"
    if kill -0 "$p" 2>/dev/null; then kill -INT "$p" 2>/dev/null || true; for _ in $(seq 300); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done; fi
  fi
}
trap 'stop; [ -n "$KEEP" ] || rm -rf "$WORK"' EXIT
trap 'exit 130' INT TERM

if [ "${SKIP_BUILD:-}" != 1 ]; then
  log "building the application and benchmark jars (untimed)..."
  (cd "$ROOT" && ./mvnw -q -pl exotrace-bench -am package -DskipTests -Dcheckstyle.skip -Dspotbugs.skip) >&2
fi

echo "# audit verify on $ENTRIES entries, $(date -u +%FT%TZ), $(nproc) CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -d "$WORK/data" ]; then
  log "reusing the chain seeded in $WORK"
else
  t0=$(date +%s)
  java -Xmx512m -cp "$BENCH_JAR" org.exotrace.bench.AuditChainSeed "$ENTRIES" "$WORK/data" "$WORK/anchor"
  echo "seeded in $(( $(date +%s) - t0 )) s; database $(du -sh "$WORK/data/postgres" | cut -f1)"
fi

t0=$(date +%s%N)
EXOTRACE_DATA_DIR="$WORK/data" EXOTRACE_ANCHOR_DIR="$WORK/anchor" \
  java $VERIFY_OPTS -Xlog:gc:file="$WORK/gc.log" -jar "$APP_JAR" audit verify >"$WORK/verify.out" 2>"$WORK/verify.err" &
PID=$!
hwm=0
while kill -0 "$PID" 2>/dev/null; do
  v="$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$PID/status" 2>/dev/null || true)"
  [ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm="$v"
  sleep 0.2
done
set +e; wait "$PID"; code=$?; set -e; PID=""
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
sizes="$(grep -oE '[0-9]+M->[0-9]+M\([0-9]+M\)' "$WORK/gc.log" || true)"
heap="$(echo "$sizes" | sed -E 's/M->.*//' | sort -n | tail -n 1)"
live="$(echo "$sizes" | sed -E 's/.*->([0-9]+)M.*/\1/' | sort -n | tail -n 1)"
echo "verify options:   $VERIFY_OPTS"
echo "exit status:      $code"
echo "wall time:        $(awk -v m="$ms" 'BEGIN { printf "%.1f s", m / 1000 }') (JVM start, embedded PostgreSQL start and stop included)"
echo "peak RSS (java):  $(( hwm / 1024 )) MB"
echo "heap:             at most ${heap:-?} MB in use before a collection, ${live:-?} MB after one; $(grep -c 'Pause' "$WORK/gc.log" || true) pauses, $(grep -c 'Pause Full' "$WORK/gc.log" || true) of them full"
echo "--- stdout"; cat "$WORK/verify.out"
echo "--- stderr"; grep -v '^OpenJDK' "$WORK/verify.err" || true
