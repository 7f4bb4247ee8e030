#!/usr/bin/env bash
# Load on the no-JavaScript intake of the runnable bundle, on this machine only: submissions per
# second and latency (p50/p90/p99) of 4 KB text reports at 16 and 64 concurrent clients, several
# short runs each, a CPU profile of the portal under that load (JFR started after the warm-up),
# and the portal's heap while a 1 GiB file is uploaded. Figures are recorded in docs/benchmarks.md.
# Usage: benchmarks/intake-load.sh [seconds per run, default 20] [runs per level, default 3]
set -euo pipefail

SECONDS_PER_RUN="${1:-20}"
RUNS="${2:-3}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. benchmarks/lib.sh
JAVA="$JAVA_HOME/bin/java"

bench_build
TOOLS=("$JAVA" -cp "$BENCH_JAR")

bench_work intake-load
free_port 18765
export CANDOR_DATA_DIR="$WORK/data" CANDOR_PUBLIC_URL="http://localhost:$PORT"
# The intake's anti-abuse limits are lifted for this measurement, on purpose: every client sends
# its form at once (the default refuses forms sent within 3 s of opening them), and all reports
# come from one machine to one channel (the defaults accept 120 a minute in all and 60 per
# channel). With the defaults the load would measure the throttle's refusals, not the intake.
# IntakeLoad counts any refusal (429, 422, 409) apart from errors; with these settings there
# must be none.
export CANDOR_INTAKE_MIN_FILL_SECONDS=0 CANDOR_INTAKE_PER_MINUTE=1000000 CANDOR_INTAKE_PER_CHANNEL_PER_MINUTE=1000000

echo "JDK: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; $RUNS runs of $SECONDS_PER_RUN s per level"
start_portal
stop_portal
"${TOOLS[@]}" org.candor.bench.intake.IntakeSeeder "$CANDOR_DATA_DIR"
start_portal

"${TOOLS[@]}" org.candor.bench.intake.IntakeLoad "http://localhost:$PORT" load 16 20 > /dev/null # warm-up
"$JAVA_HOME/bin/jcmd" "$PORTAL_PID" JFR.start name=load settings=profile > /dev/null
for clients in 16 64; do
  for run in $(seq 1 "$RUNS"); do
    echo "run $run, $(uptime | sed 's/.*load average/load average/')"
    "${TOOLS[@]}" org.candor.bench.intake.IntakeLoad "http://localhost:$PORT" load "$clients" "$SECONDS_PER_RUN" \
      "$WORK/failures"
  done
done
"$JAVA_HOME/bin/jcmd" "$PORTAL_PID" JFR.stop name=load filename="$WORK/intake.jfr" > /dev/null
echo "Incidents in the portal's log (unexpected failures): $(grep -c 'Incident ' "$WORK/portal.log" || true)"
echo "Requests still waiting in the portal: $("$JAVA_HOME/bin/jstack" "$PORTAL_PID" \
  | grep -c 'at org.candor.portal.intake.web.ReportPage' || true) (expected 0 once the load has stopped)"

echo "Where the portal's request threads spent their CPU under load (JFR, after the warm-up):"
"${TOOLS[@]}" org.candor.bench.intake.CpuProfile "$WORK/intake.jfr" 12

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
