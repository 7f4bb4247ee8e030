#!/usr/bin/env bash
# Time to open a case with ten 10 MB attachments in the desk of the runnable bundle, on this machine only: the case
# page (report and conversation opened), each attachment downloaded decrypted (the desk's integrity pass, then its
# streaming pass) and as .gpg ciphertext. Median, minimum and maximum over the rounds; figures are recorded in
# docs/benchmarks.md.
# Usage: benchmarks/case-open.sh [rounds, default 7]
set -euo pipefail

ROUNDS="${1:-7}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. benchmarks/lib.sh
JAVA="$JAVA_HOME/bin/java"

bench_build
WEBINF="$ROOT/portal-web/target/portal-web/WEB-INF"
# The seeder and the client use the portal's password hashing and second factor: its classes and libraries.
TOOLS=("$JAVA" -cp "$BENCH_JAR:$WEBINF/classes:$WEBINF/lib/*")

bench_work case-open
free_port 18766
export CANDOR_DATA_DIR="$WORK/data" CANDOR_PUBLIC_URL="http://localhost:$PORT" CANDOR_INTAKE_MIN_FILL_SECONDS=0


echo "JDK: $("$JAVA" -version 2>&1 | head -1); $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
start_portal
stop_portal
"${TOOLS[@]}" org.candor.bench.desk.CaseOpenSeeder "$CANDOR_DATA_DIR" open "open sign-in password" "open key passphrase"
start_portal
"${TOOLS[@]}" org.candor.bench.desk.CaseOpen "http://localhost:$PORT" open "open sign-in password" \
  "open key passphrase" "$WORK" "$ROUNDS"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
