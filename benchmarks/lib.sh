# Shared by the benchmark scripts: finds a JDK 21 or newer and exports JAVA_HOME.
# The order is the launcher's: JAVA_HOME if 21+, else java on the PATH if 21+, else the newest
# JDK under /usr/lib/jvm.

java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

candor_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  if command -v java >/dev/null 2>&1 && [ "$(java_major java)" -ge 21 ]; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return
  fi
  local best="" best_major=0 candidate major
  for candidate in /usr/lib/jvm/*; do
    [ -x "$candidate/bin/java" ] || continue
    major="$(java_major "$candidate/bin/java")"
    if [ -n "$major" ] && [ "$major" -gt "$best_major" ]; then best="$candidate"; best_major="$major"; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return; fi
  echo "No JDK 21 or newer found (set JAVA_HOME)." >&2
  return 1
}

JAVA_HOME="$(candor_jdk)" || exit 1
export JAVA_HOME

# Builds the runnable bundle and the benchmarks; sets BUNDLE and BENCH_JAR. CANDOR_BUNDLE and
# CANDOR_BENCH_JAR may name jars built already (for example copies, while the working tree is
# being rebuilt); with both, nothing is built. Run from the repository's root.
bench_build() {
  if [ -z "${CANDOR_BUNDLE:-}" ] || [ -z "${CANDOR_BENCH_JAR:-}" ]; then
    mvn -q -B -Pbench -pl benchmarks,deploy -am package -DskipTests
  fi
  BUNDLE="${CANDOR_BUNDLE:-$PWD/deploy/target/candor.jar}"
  BENCH_JAR="${CANDOR_BENCH_JAR:-$PWD/benchmarks/target/benchmarks.jar}"
}

# A scratch folder for a benchmark run, removed at exit together with any portal still running.
# Usage: bench_work NAME (sets WORK).
bench_work() {
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/candor-$1.XXXXXX")"
  PORTAL_PID=""
  trap 'if [ -n "$PORTAL_PID" ]; then kill "$PORTAL_PID" 2>/dev/null; wait "$PORTAL_PID" 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT
}

# The first port on loopback from $1 that nothing answers on (other portals may run here). Sets PORT.
free_port() {
  PORT="$1"
  while (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; do PORT=$((PORT + 1)); done
}

# Runs the runnable bundle on this machine for a benchmark. Set BUNDLE, PORT and WORK first;
# its log goes to $WORK/portal.log. start_portal takes JVM options as arguments. The management
# listener (health, metrics) gets the first free port above PORT unless CANDOR_MANAGEMENT_PORT
# names one; it is exported as MANAGEMENT_PORT.
start_portal() {
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is taken by another program; stop it or change PORT in $0" >&2; exit 1
  fi
  if [ -z "${MANAGEMENT_PORT:-}" ]; then
    MANAGEMENT_PORT="${CANDOR_MANAGEMENT_PORT:-$((PORT + 1))}"
    while (exec 3<>"/dev/tcp/127.0.0.1/$MANAGEMENT_PORT") 2>/dev/null; do MANAGEMENT_PORT=$((MANAGEMENT_PORT + 1)); done
  fi
  export CANDOR_MANAGEMENT_PORT="$MANAGEMENT_PORT" MANAGEMENT_PORT
  "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector "$@" -jar "$BUNDLE" --port "$PORT" > "$WORK/portal.log" 2>&1 &
  PORTAL_PID=$!
  for _ in $(seq 1 900); do # 15 s on a quiet machine, several minutes on a saturated one
    grep -Eq "ready in [0-9]" "$WORK/portal.log" && return 0 # Payara's line; "already in use" must not match
    grep -q "Address already in use" "$WORK/portal.log" && break
    kill -0 "$PORTAL_PID" 2>/dev/null || break
    sleep 1
  done
  echo "the portal did not start (log: $WORK/portal.log)" >&2; exit 1
}
stop_portal() { kill "$PORTAL_PID"; wait "$PORTAL_PID" 2>/dev/null || true; PORTAL_PID=""; }
