#!/usr/bin/env bash
# Times the pages a benchmark network strains, as each demo role sees them, against a running server.
#
#   ./exotrace demo --scale 100000                      # seed (a fresh EXOTRACE_DATA_DIR)
#   ./exotrace serve --demo --port 18080 &              # the demo accounts are created at the first start
#   exotrace-bench/scripts/page_timings.sh [reps]       # default 20 requests per page; BASE=http://127.0.0.1:18080
#
# For each demo role (analyst, qa, clinician, researcher, compliance, admin; password exotrace-demo) the
# script signs in through the form, then requests each page once untimed (to learn its status and warm
# it up) and, if it answers 200, REPS times more: the dashboard, the lot list, the clinician's worklist
# (/clinic), the inventory of the first clinic linked from it, the units list, the pool form, and the
# lineage API of one lot (LOT_ID, else a released lot from the middle of the list the API gives QA), with a personal API token
# made for the role (Bearer, so the deliberately slow password hash of HTTP Basic is not timed); with TRACE_LOT
# and TRACE_UNIT (codes), also the forward trace of that lot and the backward trace of that unit.
# A page whose warm-up takes longer than SLOW_SECONDS (default 5) is timed SLOW_REPS (default 3) times.
# Prints one line per role and page: HTTP status, median and 90th percentile in ms (curl's time_total,
# sequential requests, one connection each), the response size, and how many requests were timed.
# Needs bash, curl, awk, sort. Starts and stops nothing; the tokens it makes expire after a day.
set -euo pipefail
BASE="${BASE:-http://127.0.0.1:18080}"
REPS="${1:-20}"
SLOW_SECONDS="${SLOW_SECONDS:-5}"
SLOW_REPS="${SLOW_REPS:-3}"
PASSWORD="${PASSWORD:-exotrace-demo}"
ROLES="${ROLES:-analyst qa clinician researcher compliance admin}"
WORK="$(mktemp -d -t exotrace-pages-XXXXXX)"
trap 'rm -rf "$WORK"' EXIT

log() { echo "$*" >&2; }

# median and 90th percentile (nearest rank) of the numbers on stdin, as "median p90"
stats() {
  sort -n | awk '{ v[NR] = $1 } END {
    if (NR == 0) { print "- -"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2;
    p = int(0.9 * NR + 0.999999); if (p < 1) p = 1; if (p > NR) p = NR;
    printf "%.0f %.0f\n", m, v[p] }'
}

sign_in() {
  local user="$1" jar="$2" csrf
  rm -f "$jar"
  csrf="$(curl -s -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//' || true)"
  curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" \
    ${csrf:+--data-urlencode "_csrf=$csrf"} "$BASE/login"
  [ "$(curl -s -o /dev/null -w '%{http_code}' -b "$jar" "$BASE/dashboard")" != "302" ] || { log "sign-in as $user failed"; return 1; }
}

api_token() {
  local user="$1"
  curl -s -u "$user:$PASSWORD" -H 'Content-Type: application/json' \
    -d "{\"name\":\"page timings $(date -u +%FT%TZ)\",\"days\":1,\"roles\":$(roles_json "$user")}" \
    "$BASE/api/account/tokens" | grep -o '"token" *: *"exo_[^"]*"' | sed 's/.*"\(exo_[^"]*\)"/\1/' || true
}

roles_json() {
  case "$1" in
    analyst) echo '["LAB_ANALYST"]' ;; qa) echo '["QA_RELEASER"]' ;; clinician) echo '["CLINICIAN"]' ;;
    researcher) echo '["RESEARCHER"]' ;; compliance) echo '["COMPLIANCE_OFFICER"]' ;; admin) echo '["ADMIN"]' ;;
  esac
}

# times one URL: prints "status median p90 bytes n"; auth is curl options (a cookie jar or a Bearer header)
time_page() {
  local url="$1"; shift
  local first code seconds size n reps
  first="$(curl -s -o "$WORK/body" -w '%{http_code} %{time_total} %{size_download}' --max-time 300 "$@" "$url" || echo "000 0 0")"
  read -r code seconds size <<<"$first"
  if [ "$code" != "200" ]; then echo "$code - - $size 0"; return; fi
  reps="$REPS"
  if awk -v s="$seconds" -v l="$SLOW_SECONDS" 'BEGIN { exit !(s > l) }'; then reps="$SLOW_REPS"; fi
  : >"$WORK/times"
  for n in $(seq "$reps"); do
    curl -s -o /dev/null -w '%{time_total}\n' --max-time 300 "$@" "$url" | awk '{ printf "%.1f\n", $1 * 1000 }' >>"$WORK/times"
  done
  echo "$code $(stats <"$WORK/times") $size $reps"
}

echo "# exotrace page timings against $BASE, $(date -u +%FT%TZ), $REPS requests per page (median and p90 in ms);" \
  "load average at start: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
printf '%-11s %-22s %6s %9s %9s %12s %4s\n' role page status median_ms p90_ms bytes n
lot="${LOT_ID:-}"
if [ -z "$lot" ]; then
  # one lot for every role: a released lot from the middle of the list QA's token reads (page 1000 of
  # one lot each, or the first), so that on a seeded database it is a seeded lot, not a demo one
  qa_token="$(api_token qa)"
  for page in 1000 0; do
    lot="$(curl -s -H "Authorization: Bearer $qa_token" "$BASE/api/lots?state=RELEASED&size=1&page=$page" \
      | grep -o '"id" *: *"[0-9a-f-]\{36\}"' | head -n 1 | grep -o '[0-9a-f-]\{36\}' || true)"
    [ -z "$lot" ] || break
  done
fi
log "lineage of lot ${lot:-(none found)}"
for user in $ROLES; do
  jar="$WORK/$user.cookies"
  sign_in "$user" "$jar" || continue
  # a seeded clinic's inventory (the generator's ids start 5ca1e) rather than the small demo clinics'
  links="$(curl -s -b "$jar" "$BASE/clinic" | grep -o '/clinic/[0-9a-f-]\{36\}/inventory' || true)"
  clinic="$( (grep '^/clinic/5ca1e' <<<"$links" || true; echo "$links") | grep . | head -n 1 || true)"
  token="$(api_token "$user")"
  for page in dashboard:/dashboard lots:/lots worklist:/clinic "inventory:${clinic:-/clinic/none/inventory}" units:/units pool-form:/lots/pool; do
    name="${page%%:*}"; path="${page#*:}"
    read -r code median p90 size n <<<"$(time_page "$BASE$path" -b "$jar")"
    printf '%-11s %-22s %6s %9s %9s %12s %4s\n' "$user" "$name" "$code" "$median" "$p90" "$size" "$n"
  done
  if [ -n "$token" ] && [ -n "$lot" ]; then
    read -r code median p90 size n <<<"$(time_page "$BASE/api/lots/$lot/lineage" -H "Authorization: Bearer $token")"
  else
    code="$([ -n "$token" ] && echo no-lot || echo no-token)"; median="-"; p90="-"; size="-"; n=0
  fi
  printf '%-11s %-22s %6s %9s %9s %12s %4s\n' "$user" "lineage-api" "$code" "$median" "$p90" "$size" "$n"
  # the trace both ways (issue 13), for the lot and unit codes given: TRACE_LOT forward, TRACE_UNIT backward
  for trace in "trace-forward:lots/${TRACE_LOT:-}" "trace-backward:units/${TRACE_UNIT:-}"; do
    name="${trace%%:*}"; path="${trace#*:}"
    [ -n "$token" ] && [ -n "${path#*/}" ] || continue
    read -r code median p90 size n <<<"$(time_page "$BASE/api/trace/$path" -H "Authorization: Bearer $token")"
    printf '%-11s %-22s %6s %9s %9s %12s %4s\n' "$user" "$name" "$code" "$median" "$p90" "$size" "$n"
  done
done
echo "# done $(date -u +%FT%TZ); load average at the end: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
