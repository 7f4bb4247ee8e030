#!/usr/bin/env bash
# Encryption in the browser (docs/protocol.md, "Sealed in the browser"), in headless Chromium
# against the runnable bundle on this machine: the JavaScript the report page loads (bytes, and
# gzip), whether an upload could stream over the portal's HTTP/1.1, and for a 100 MiB and a
# 1 GiB file the time to seal it in the page's worker alone and to seal and send it through the
# report form, with the tab's and the browser process's peak memory. Figures are recorded in
# docs/benchmarks.md. Usage: benchmarks/browser-sealing.sh [MiB ...] (default: 100 1024)
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
. benchmarks/lib.sh
JAVA="$JAVA_HOME/bin/java"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1024)

bench_build # CANDOR_BUNDLE and CANDOR_BENCH_JAR: see benchmarks/lib.sh
TOOLS=("$JAVA" -cp "$BENCH_JAR")

bench_work browser-sealing
free_port 18766
export CANDOR_DATA_DIR="$WORK/data" CANDOR_PUBLIC_URL="http://localhost:$PORT"
export CANDOR_INTAKE_MIN_FILL_SECONDS=0


echo "Chromium: $("${CANDOR_CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | head -1); $(nproc) cores; $(uptime)"
start_portal
stop_portal
"${TOOLS[@]}" org.candor.bench.intake.IntakeSeeder "$CANDOR_DATA_DIR"
start_portal

FILES=()
for mib in "${SIZES[@]}"; do
  head -c $((mib * 1048576)) /dev/urandom > "$WORK/file-$mib.bin"
  FILES+=("$WORK/file-$mib.bin")
done
mkdir -p "$WORK/browser"
"${TOOLS[@]}" org.candor.bench.browser.BrowserSealing "http://localhost:$PORT" "$WORK/browser" "${FILES[@]}"
echo "after: $(uptime)"
