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

# CANDOR_BUNDLE and CANDOR_BENCH_JAR name jars built already (for example copies, while the
# working tree is being rebuilt); without them both are built here.
if [ -z "${CANDOR_BUNDLE:-}" ] || [ -z "${CANDOR_BENCH_JAR:-}" ]; then
  mvn -q -B -Pbench -pl benchmarks,deploy -am package -DskipTests
fi
BUNDLE="${CANDOR_BUNDLE:-$ROOT/deploy/target/candor.jar}"
TOOLS=("$JAVA" -cp "${CANDOR_BENCH_JAR:-$ROOT/benchmarks/target/benchmarks.jar}")

WORK="$(mktemp -d "${TMPDIR:-/tmp}/candor-browser-sealing.XXXXXX")"
PORTAL_PID=""
cleanup() {
  [ -n "$PORTAL_PID" ] && kill "$PORTAL_PID" 2>/dev/null && wait "$PORTAL_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=""
for candidate in $(seq 18766 18799); do # the first port nobody listens on
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then PORT=$candidate; break; fi
done
[ -n "$PORT" ] || { echo "no free port between 18766 and 18799" >&2; exit 1; }
export CANDOR_DATA_DIR="$WORK/data" CANDOR_PUBLIC_URL="http://localhost:$PORT"
export CANDOR_INTAKE_MIN_FILL_SECONDS=0

start_portal() {
  "$JAVA" -jar "$BUNDLE" --port "$PORT" > "$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 480); do
    grep -q "ready in" "$WORK/portal.log" && return 0
    sleep 1
  done
  echo "the portal did not start" >&2; exit 1
}
stop_portal() { kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=""; }

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
