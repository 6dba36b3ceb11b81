#!/usr/bin/env bash
# Gateway end to end on this machine: ./qingshan serve on a fresh embedded database with N load
# devices registered, the load generator on loopback, every packet stored before its 9014.
# usage: qingshan-bench/gateway-bench.sh [CONNECTIONS] [RATE] [SECONDS]
# The load runs QINGSHAN_BENCH_WARMUP seconds (default 20) at the same rate before the measured
# SECONDS, so the server's JIT has compiled the hot paths; the CPU figures cover both.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
connections=${1:-5000}
rate=${2:-50000}
seconds=${3:-60}
warmup=${QINGSHAN_BENCH_WARMUP:-20}
# QINGSHAN_BENCH_POISON=N: the first N devices send only packets the store cannot take (see
# LoadPackets.poison); the figures count the other devices' answers.
poison=${QINGSHAN_BENCH_POISON:-0}
# QINGSHAN_BENCH_JUNK=N: N more connections send junk during the measured run, in all
# QINGSHAN_BENCH_JUNK_RATE bytes/s (default 300000) of QINGSHAN_BENCH_JUNK_KIND (repeat: "##9999"
# over and over, or random); the log bytes the server wrote during the load are printed.
junk=${QINGSHAN_BENCH_JUNK:-0}
junk_rate=${QINGSHAN_BENCH_JUNK_RATE:-300000}
junk_kind=${QINGSHAN_BENCH_JUNK_KIND:-repeat}
# QINGSHAN_BENCH_PG=host:port/database (user and password qingshan) measures PostgreSQL instead of
# the embedded H2; the database's public schema is dropped and created anew.
pg=${QINGSHAN_BENCH_PG:-}
# QINGSHAN_BENCH_PROTOCOL=2025 registers the devices as HJ 212-2025 loggers and sends Flag=9;
# QINGSHAN_BENCH_SM4=1 (implies 2025) gives every device one random SM4 key, sealed under a master
# key made for the run, and every packet's data area goes encrypted (the same load otherwise).
protocol=${QINGSHAN_BENCH_PROTOCOL:-2017}
sm4=${QINGSHAN_BENCH_SM4:-}
load_format=()
master_key=
sm4_key=
if [ -n "$sm4" ]; then
  protocol=2025
  master_key=$(od -An -tx1 -N32 /dev/urandom | tr -d ' \n')
  sm4_key=$(od -An -tx1 -N16 /dev/urandom | tr -d ' \n')
  load_format=(--hj212-2025 --sm4-key "$sm4_key")
elif [ "$protocol" = 2025 ]; then
  load_format=(--hj212-2025)
fi
[ "$protocol" = 2025 ] && protocol_name=HJ_212_2025 || protocol_name=HJ_212_2017
work=$(mktemp -d -t qingshan-bench.XXXXXX)
http=18980
gw=19980
ulimit -n 65536 2>/dev/null || true

cd "$root"
[ -f qingshan-server/target/qingshan.jar ] && [ -f qingshan-bench/target/benchmarks.jar ] ||
  mvn -B -q -DskipTests -Dspotless.check.skip=true package >&2
jar=qingshan-server/target/qingshan.jar
[ -n "${QINGSHAN_BENCH_JSTACK:-}" ] && echo "(jstack samples of the ingest thread go to $work/jstack.txt)"

start() {
  if curl -sf "http://127.0.0.1:$http/actuator/health" >/dev/null 2>&1; then
    echo "port $http is taken by another server; stop it first" >&2
    exit 1
  fi
  local db=()
  [ -n "$pg" ] && db=(--db-url "jdbc:postgresql://$pg" --db-user qingshan --db-password qingshan)
  # every load connection comes from 127.0.0.1: the per-address limit (200) is raised for the run
  QINGSHAN_DEVICE_KEYS_MASTER_KEY=$master_key \
    QINGSHAN_HJ212_MAXCONNECTIONSPERADDRESS=$((connections + junk + 100)) \
    QINGSHAN_HJ212_MAXCONNECTIONS=$((connections > 9900 ? connections + 100 : 10000)) \
    java ${QINGSHAN_JAVA_OPTS:--Xmx2g -XX:+UseZGC} -jar "$jar" serve --data-dir "$work/data" "${db[@]}" --port $http \
    --hj212-port $gw > "$work/server.log" 2>&1 &
  pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$http/actuator/health" >/dev/null 2>&1 && return 0
    sleep 1
  done
  echo "server did not start; see $work/server.log" >&2
  exit 1
}
stop() {
  [ -n "${pid:-}" ] || return 0
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=
}
trap stop EXIT

psql_pg() {
  PGPASSWORD=qingshan psql -q -h "${pg%%:*}" -p "$(echo "$pg" | sed 's/^[^:]*:\([0-9]*\).*/\1/')" \
    -U qingshan -d "${pg#*/}" "$@"
}
if [ -n "$pg" ]; then
  echo "== PostgreSQL $pg: a fresh public schema"
  psql_pg -c "DROP SCHEMA public CASCADE; CREATE SCHEMA public;"
fi
echo "== creating the schema in ${pg:-$work/data}"
start
stop

echo "== registering $connections load devices (MN LOADTEST%016X, PW 123456, $protocol_name${sm4:+, SM4 keys})"
{
  # explicit ids 1..N: the SM4 keys are sealed for them
  echo "INSERT INTO device (id, mn, password, st, name, kind, protocol, crc_dialect, hour_data_expected,"
  echo " blocked, created_at, updated_at) VALUES"
  for i in $(seq 0 $((connections - 1))); do
    sep=$([ "$i" -lt $((connections - 1)) ] && echo , || echo ';')
    printf "(%d,'LOADTEST%016X','123456','31','load %d','STACK_GAS','%s','STRICT',FALSE,FALSE,NOW(),NOW())%s\n" "$((i + 1))" "$i" "$i" "$protocol_name" "$sep"
  done
  if [ -n "$sm4" ]; then
    java -cp qingshan-bench/target/benchmarks.jar org.qingshan.bench.hj212.SealedDeviceKeys \
      "$master_key" "$sm4_key" "$connections"
  fi
} > "$work/devices.sql"
echo "   ($connections rows)"
if [ -n "$pg" ]; then
  psql_pg -f "$work/devices.sql"
else
  java -cp "$jar" -Dloader.main=org.h2.tools.RunScript \
    org.springframework.boot.loader.launch.PropertiesLauncher \
    -url "jdbc:h2:file:$work/data/qingshan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa \
    -script "$work/devices.sql"
fi

echo "== load: $connections connections, $rate packets/s, $seconds s"
start
if [ -n "${QINGSHAN_BENCH_JSTACK:-}" ]; then
  (sleep 6; for _ in 1 2 3 4 5 6 7 8; do jstack "$pid" | grep -A14 '"qingshan-ingest'; sleep 1; done) > "$work/jstack.txt" 2>&1 &
fi
thread_ticks() {
  # CPU ticks of each server thread by name, numbers in names dropped (a pool sums up).
  for t in /proc/"$pid"/task/*; do
    printf '%s\t%s\n' "$(sed 's/[0-9]\+/N/g' "$t/comm")" "$(sed 's/.*) //' "$t/stat" | awk '{print $12 + $13}')"
  done 2>/dev/null
}
thread_ticks > "$work/ticks-before.txt"
log_bytes() { cat "$work/server.log" "$work/data/logs/"* 2>/dev/null | wc -c; }
logs_before=$(log_bytes)
TIMEFORMAT='load generator CPU: %U s user + %S s system in %R s'
time (java ${QINGSHAN_LOAD_JAVA_OPTS:-} -cp qingshan-bench/target/benchmarks.jar org.qingshan.bench.hj212.LoadGenerator \
  --port $gw --connections "$connections" --rate "$rate" --duration "$seconds" \
  --warmup "$warmup" --poison "$poison" --junk "$junk" --junk-rate "$junk_rate" --junk-kind "$junk_kind" \
  "${load_format[@]}" |
  tee "$work/load.txt" || true)
thread_ticks > "$work/ticks-after.txt"
echo "== server CPU during the load (warm-up and measured run), by thread"
awk -F'\t' -v tick="$(getconf CLK_TCK)" 'FNR == NR {b[$1] += $2; next} {a[$1] += $2}
  END {for (n in a) {d = (a[n] - b[n]) / tick; t += d; if (d >= 0.2) printf "%8.1f s  %s\n", d, n}
       printf "%8.1f s  (all threads)\n", t}' "$work/ticks-before.txt" "$work/ticks-after.txt" | sort -rn
echo "== server after the run"
jcmd "$pid" GC.run >/dev/null 2>&1 || true
jcmd "$pid" GC.heap_info 2>/dev/null | head -3 || true
stop
# junk is summarised once a minute and at shutdown: counted from the load's start to the server's end
echo "== log bytes the server wrote from the load's start to its shutdown (console and files): $(($(log_bytes) - logs_before))"
echo "== packets stored (from the database after shutdown):"
counts="SELECT cn, COUNT(*) AS packets, COUNT(readings) AS with_readings FROM data_packet GROUP BY cn ORDER BY cn; SELECT kind, COUNT(*) AS value_rows FROM observation GROUP BY kind ORDER BY kind"
if [ -n "$pg" ]; then
  psql_pg -c "$counts"
else
  java -cp "$jar" -Dloader.main=org.h2.tools.Shell org.springframework.boot.loader.launch.PropertiesLauncher \
    -url "jdbc:h2:file:$work/data/qingshan;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE" -user sa \
    -sql "$counts"
fi
echo "(work folder: $work)"
