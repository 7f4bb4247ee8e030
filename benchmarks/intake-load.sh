#!/usr/bin/env bash
# Load on the no-JavaScript intake of the runnable bundle, on this machine only: submissions per
# second and latency (p50/p90/p99) of 4 KB text reports at 16 and 64 concurrent clients, a CPU
# profile of the portal under that load (JFR hot methods), and the portal's heap while a 1 GiB
# file is uploaded. Figures are recorded in docs/benchmarks.md.
# Usage: benchmarks/intake-load.sh [seconds per load level, default 30]
set -euo pipefail

SECONDS_PER_LEVEL="${1:-30}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. benchmarks/lib.sh
JAVA="$JAVA_HOME/bin/java"

mvn -q -B -Pbench -pl benchmarks,deploy -am package -DskipTests
BUNDLE="$ROOT/deploy/target/candor.jar"
TOOLS=("$JAVA" -cp "$ROOT/benchmarks/target/benchmarks.jar")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/candor-intake-load.XXXXXX")"
PORTAL_PID=""
cleanup() {
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=18765
export CANDOR_DATA_DIR="$WORK/data" CANDOR_PUBLIC_URL="http://localhost:$PORT"
export CANDOR_INTAKE_MIN_FILL_SECONDS=0 CANDOR_INTAKE_PER_MINUTE=1000000 CANDOR_INTAKE_PER_CHANNEL_PER_MINUTE=1000000

start_portal() { # JVM options as arguments
  "$JAVA" --add-modules jdk.incubator.vector "$@" -jar "$BUNDLE" --port "$PORT" > "$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 240); do
    grep -q "ready in" "$WORK/portal.log" && return 0
    sleep 1
  done
  echo "the portal did not start" >&2; exit 1
}
stop_portal() { kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=""; }

echo "JDK: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; $SECONDS_PER_LEVEL s per level"
start_portal
stop_portal
"${TOOLS[@]}" org.candor.bench.intake.IntakeSeeder "$CANDOR_DATA_DIR"
start_portal -XX:StartFlightRecording=filename="$WORK/intake.jfr",settings=profile

"${TOOLS[@]}" org.candor.bench.intake.IntakeLoad "http://localhost:$PORT" load 4 10 > /dev/null # warm-up
for clients in 16 64; do
  "${TOOLS[@]}" org.candor.bench.intake.IntakeLoad "http://localhost:$PORT" load "$clients" "$SECONDS_PER_LEVEL"
done

echo "Where the portal's CPU went under load (JFR, top methods):"
"$JAVA_HOME/bin/jcmd" "$PORTAL_PID" JFR.dump filename="$WORK/intake.jfr" > /dev/null
"$JAVA_HOME/bin/jfr" view --width 160 hot-methods "$WORK/intake.jfr" | head -30

echo "Heap while a 1 GiB file is uploaded (jstat, used = survivors + eden + old):"
head -c $((1024 * 1048576)) /dev/urandom > "$WORK/one-gib.bin"
TOKEN="$(curl -s "http://localhost:$PORT/report/big" | sed -n 's/.*name="token" value="\([^"]*\)".*/\1/p')"
"$JAVA_HOME/bin/jstat" -gc "$PORTAL_PID" 500 > "$WORK/jstat.log" &
JSTAT=$!
sleep 2
START=$(date +%s.%N)
curl -s -o "$WORK/big.html" -w "upload HTTP %{http_code}\n" -F "token=$TOKEN" -F "what=one big file" -F "when=no" \
  -F "evidence=@$WORK/one-gib.bin;type=application/octet-stream" "http://localhost:$PORT/report/big"
END=$(date +%s.%N)
sleep 2
kill "$JSTAT"
awk -v start="$START" -v end="$END" 'NR > 1 && $1 ~ /^[0-9]/ {
    used = ($3 + $4 + $6 + $8) / 1024; if (NR <= 5 && (base == "" || used < base)) base = used; if (used > peak) peak = used }
  END { printf "heap used before: %.0f MiB; peak during the upload: %.0f MiB; upload took %.1f s (%.0f MiB/s)\n",
        base, peak, end - start, 1024 / (end - start) }' "$WORK/jstat.log"
grep -q "reply-code" "$WORK/big.html" && echo "the 1 GiB report was received" || echo "the 1 GiB upload was NOT received"
