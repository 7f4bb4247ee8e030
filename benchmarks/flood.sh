#!/usr/bin/env bash
# Hostile visitors against the runnable bundle, on this machine only (docs/design.md property 12):
# genuine no-JavaScript reporters and reply-code sign-ins alone for a phase, then the same people
# while floods run for a phase of the same length: tokenless report posts, well-formed wrong
# reply codes, bodies whose Content-Length lies, expensive inputs, and reports with valid form
# tokens as fast as the tokens allow. Prints the share of genuine requests that succeeded and
# their p50/p99 with and without the floods, and how the portal answered each flood. Bounded:
# two phases, fixed numbers of clients and floods, each pacing itself; it stops by itself.
# Figures are in docs/benchmarks.md.
# Usage: benchmarks/flood.sh [seconds per phase, default 60]
set -euo pipefail

PHASE_SECONDS="${1:-60}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. benchmarks/lib.sh
JAVA="$JAVA_HOME/bin/java"

bench_build
TOOLS=("$JAVA" -cp "$BENCH_JAR")

bench_work flood
free_port 18811
export CANDOR_DATA_DIR="$WORK/data" CANDOR_PUBLIC_URL="http://localhost:$PORT"
# The portal's own defaults (120 reports a minute in all, 60 per channel, 120 failed sign-ins a
# minute, a 3 s minimum fill time, a 20 s read timeout) except two, on purpose: under pressure a
# form must have been open 10 s instead of 30 (a person takes longer than either; the genuine
# reporters here take 12 s, to keep the run short), and each reply code may be tried more than
# 10 times a minute (the two genuine whistleblowers sign in four times a second; a per-code
# budget is spent only by someone who knows the code, so it is not what this measures).
export CANDOR_INTAKE_PRESSURE_FILL_SECONDS=10 CANDOR_CONTACT_ATTEMPTS_PER_CODE=1000000
FILL_SECONDS=12

echo "JDK: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; $PHASE_SECONDS s per phase"
start_portal
stop_portal
"${TOOLS[@]}" org.candor.bench.intake.IntakeSeeder "$CANDOR_DATA_DIR" > /dev/null
start_portal
echo "$(uptime | sed 's/.*load average/load average/') before"
"${TOOLS[@]}" org.candor.bench.flood.Flood "http://localhost:$PORT" load "$PHASE_SECONDS" "$FILL_SECONDS"
echo "$(uptime | sed 's/.*load average/load average/') after"
echo "Incidents in the portal's log (unexpected failures): $(grep -c 'Incident ' "$WORK/portal.log" || true)"
