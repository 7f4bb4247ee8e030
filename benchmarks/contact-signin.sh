#!/usr/bin/env bash
# Reply-code sign-ins over HTTP against the runnable bundle, on this machine only: the time
# distributions of right and wrong codes (sent interleaved in random order) and the sign-ins
# per second the portal sustains at 1, 4 and 16 clients. Figures are in docs/benchmarks.md.
# Usage: benchmarks/contact-signin.sh [sign-ins per level, default 2000] [cases, default 200]
set -euo pipefail

SIGN_INS="${1:-2000}"
CASES="${2:-200}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. benchmarks/lib.sh
JAVA="$JAVA_HOME/bin/java"

bench_build
TOOLS=("$JAVA" -cp "$BENCH_JAR")

bench_work contact-signin
free_port 18793
export CANDOR_DATA_DIR="$WORK/data" CANDOR_PUBLIC_URL="http://localhost:$PORT"
# Limits lifted for the measurement, on purpose. The cases are seeded through the intake, which
# would otherwise refuse forms sent at once and more than 60 a minute. The sign-in throttle
# would otherwise answer 429 after 120 failed sign-ins a minute and 10 attempts per code: here
# each code is tried about (sign-ins / 2 / cases) times per level, and half of all sign-ins fail
# on purpose. Answers other than 303 (right) and 403 (wrong) are counted apart and left out.
export CANDOR_INTAKE_MIN_FILL_SECONDS=0 CANDOR_INTAKE_PER_MINUTE=1000000 CANDOR_INTAKE_PER_CHANNEL_PER_MINUTE=1000000
export CANDOR_CONTACT_FAILURES_PER_WINDOW=1000000 CANDOR_CONTACT_ATTEMPTS_PER_CODE=1000000

echo "JDK: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores"
start_portal
stop_portal
"${TOOLS[@]}" org.candor.bench.intake.IntakeSeeder "$CANDOR_DATA_DIR"
start_portal
echo "$(uptime | sed 's/.*load average/load average/') before the sign-ins"
"${TOOLS[@]}" org.candor.bench.contact.ContactSignInLoad "http://localhost:$PORT" load "$CASES" "$SIGN_INS" 1 4 16
echo "$(uptime | sed 's/.*load average/load average/') after the sign-ins"
