#!/usr/bin/env bash
# Issue 7, part 3: the web app under load. With about a million historical tasks and 50 000 open cases (made once by
# `simulate --bulk`, kept under target/bench), wrk drives the worklist page (/tugas) and a case page (/kasus/{id}) of a
# signed-in user: 50 connections, 30 s each, and prints requests/s and p50/p95/p99 per page.
#   bench/web.sh [--db h2|postgres] [--user USERNAME] [--seconds S] [--connections C] [--threads T] [--warmup-seconds W]
#                [--jar JAR] [--app ARG]... [--jvm ARG]... [--pages worklist|case|both]
# --jar: another build of the app (an A/B against the same history); --app: an argument for the app, e.g.
# --app --sopan.web.concurrent-requests=4; --jvm: an option for its JVM, e.g. a JFR recording from the start
# (--jvm -XX:StartFlightRecording=filename=target/bench/web.jfr: started later by jcmd, under this load, it
# deoptimises the compiled code); --pages: only one of the two pages (a profile of that page alone).
# Each page is first warmed at 2 connections for W seconds (40 unless told): with 50 connections on two cores the JIT's
# compiler threads get so little of the CPU that a page stays several times slower for minutes, and a server that
# has run a while is warm.
# Needs target/sopan.jar (mvn -B package -DskipTests), wrk (Debian package wrk) and curl; for --db postgres the server
# at 127.0.0.1:5432 (user postgres, database test; schema bench_web).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=h2 USER_NAME=staf.kepegawaian SECONDS_PER_PAGE=30 CONNECTIONS=50 THREADS=2 PORT=18080 WARMUP_SECONDS=40
JAR=target/sopan.jar APP_ARGS=() JVM_ARGS=() PAGES=both
while [ $# -gt 0 ]; do
  case "$1" in
    --db) DB="$2"; shift 2 ;;
    --user) USER_NAME="$2"; shift 2 ;;
    --seconds) SECONDS_PER_PAGE="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --port) PORT="$2"; shift 2 ;;
    --warmup-seconds) WARMUP_SECONDS="$2"; shift 2 ;;
    --jar) JAR="$2"; shift 2 ;;
    --app) APP_ARGS+=("$2"); shift 2 ;;
    --jvm) JVM_ARGS+=("$2"); shift 2 ;;
    --pages) PAGES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$PAGES" in both|worklist|case) ;; *) echo "--pages worklist|case|both" >&2; exit 2 ;; esac
[ -f "$JAR" ] || { echo "no $JAR: run mvn -B package -DskipTests first" >&2; exit 2; }
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 2; }
mkdir -p target/bench
case "$DB" in
  h2)
    SETTINGS=("--spring.datasource.url=jdbc:h2:file:$PWD/target/bench/web;AUTO_SERVER=FALSE;QUERY_CACHE_SIZE=64;CACHE_SIZE=131072")
    have_data() { [ -f target/bench/web.mv.db ]; } ;;
  postgres)
    SETTINGS=("--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench_web&reWriteBatchedInserts=true"
              "--spring.datasource.username=postgres" "--spring.datasource.password="
              "--spring.flyway.schemas=bench_web" "--spring.flyway.default-schema=bench_web")
    have_data() { [ "$(psql -h 127.0.0.1 -U postgres -d test -Atc "SELECT count(*) FROM pg_namespace WHERE nspname = 'bench_web'")" = 1 ]; } ;;
  *) echo "--db h2|postgres" >&2; exit 2 ;;
esac

if ! have_data; then
  echo "making the history (about a million tasks, 50 000 open cases): a few minutes"
  java -Xmx2g -jar "$JAR" simulate --bulk --cases 170000 --seed 7 --from 2026-01-01 --days 240 --open-share 0.3 \
    "${SETTINGS[@]}" | tail -n 2
  if [ "$DB" = postgres ]; then
    psql -q -h 127.0.0.1 -U postgres -d test -c "SET search_path = bench_web; VACUUM ANALYZE case_file; VACUUM ANALYZE case_task; VACUUM ANALYZE case_task_candidate; VACUUM ANALYZE case_event"
  fi
fi

LOG=target/bench/web-app.log
java -Xms1g -Xmx1g ${JVM_ARGS[@]+"${JVM_ARGS[@]}"} -jar "$JAR" --server.port="$PORT" --sopan.sla.enabled=false "${SETTINGS[@]}" ${APP_ARGS[@]+"${APP_ARGS[@]}"} > "$LOG" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true' EXIT
BASE="http://127.0.0.1:$PORT"
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$BASE/login" && break
  kill -0 $APP 2>/dev/null || { echo "the app did not start; see $LOG" >&2; exit 1; }
  sleep 1
done

# Sign in through the form (CSRF token from the login page), keep the session cookie.
JAR_FILE=$(mktemp)
TOKEN=$(curl -fs -c "$JAR_FILE" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fs -b "$JAR_FILE" -c "$JAR_FILE" -o /dev/null -d "username=$USER_NAME&password=demo&_csrf=$TOKEN" "$BASE/login"
SESSION=$(awk '$6 == "JSESSIONID" { print $7 }' "$JAR_FILE")
rm -f "$JAR_FILE"
[ -n "$SESSION" ] || { echo "sign-in as $USER_NAME failed" >&2; exit 1; }
WORKLIST=$(curl -fs -H "Cookie: JSESSIONID=$SESSION" "$BASE/tugas")
CASE_ID=$(printf '%s' "$WORKLIST" | grep -o '/kasus/[0-9][0-9]*' | head -n 1 | cut -d/ -f3)
ROWS=$(printf '%s' "$WORKLIST" | grep -o '/kasus/[0-9][0-9]*' | wc -l)
[ -n "$CASE_ID" ] || { echo "the worklist of $USER_NAME is empty: pick another --user" >&2; exit 1; }

echo "web benchmark: jar=$JAR ${APP_ARGS[*]-} db=$DB user=$USER_NAME (worklist links: $ROWS) case=$CASE_ID connections=$CONNECTIONS threads=$THREADS ${SECONDS_PER_PAGE}s per page after ${WARMUP_SECONDS}s of warm-up each; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
case "$PAGES" in
  both) PATHS=(/tugas "/kasus/$CASE_ID") ;;
  worklist) PATHS=(/tugas) ;;
  case) PATHS=("/kasus/$CASE_ID") ;;
esac
app_cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$APP/stat"; }
for page in "${PATHS[@]}"; do
  # Warm-up (JIT, caches) at 2 connections, 5 s at the measured number, then the measured run.
  wrk -t1 -c2 -d"${WARMUP_SECONDS}s" --timeout 30s -H "Cookie: JSESSIONID=$SESSION" "$BASE$page" > /dev/null
  wrk -t"$THREADS" -c"$CONNECTIONS" -d5s --timeout 30s -H "Cookie: JSESSIONID=$SESSION" "$BASE$page" > /dev/null
  before=$(app_cpu_ticks)
  line=$(wrk -t"$THREADS" -c"$CONNECTIONS" -d"${SECONDS_PER_PAGE}s" --timeout 30s -s bench/wrk-latency.lua \
    -H "Cookie: JSESSIONID=$SESSION" "$BASE$page" | grep '^requests=')
  after=$(app_cpu_ticks)
  answers=$(printf '%s' "$line" | sed -n 's/^requests=\([0-9]*\).*/\1/p')
  # The app's CPU (all its threads: requests, GC, JIT) per answer: steadier than the rate when the machine drifts.
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" -v n="$answers" 'BEGIN { printf "%.2f", n ? t * 1000 / hz / n : 0 }')
  echo "page=$page $line app_cpu_ms_per_answer=$cpu load=$(cut -d' ' -f1-3 /proc/loadavg)"
done
