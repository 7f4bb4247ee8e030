#!/usr/bin/env bash
# Builds the benchmarks and runs the case-search benchmarks briefly (see docs/benchmarks.md).
# Usage: benchmarks/search.sh [extra JMH options, e.g. -p cases=100000]
set -euo pipefail

cd "$(dirname "$0")/.."

java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ] && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]; then
    echo "$JAVA_HOME"; return
  fi
  if command -v java >/dev/null 2>&1 && [ "$(java_major java)" -ge 21 ]; then
    dirname "$(dirname "$(readlink -f "$(command -v java)")")"; return
  fi
  local best="" best_major=0 d m
  for d in /usr/lib/jvm/*; do
    [ -x "$d/bin/java" ] || continue
    m=$(java_major "$d/bin/java")
    if [ -n "$m" ] && [ "$m" -gt "$best_major" ]; then best="$d"; best_major=$m; fi
  done
  if [ "$best_major" -ge 21 ]; then echo "$best"; return; fi
  echo "No JDK 21 or newer found (set JAVA_HOME)." >&2
  exit 1
}

JAVA_HOME="$(find_jdk)"
export JAVA_HOME
echo "Using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME/bin/java"))"

mvn -q -B -Pbench -pl benchmarks -am package -DskipTests

# Brief by default: one fork, short warm-up, 10,000 cases. Indexing runs one shot per store.
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar \
  'org.candor.bench.search.SearchQueryBenchmark' \
  -f 1 -wi 2 -w 5s -i 3 -r 10s -p cases=10000 -jvmArgs '--add-modules jdk.incubator.vector' "$@"

"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar \
  'org.candor.bench.search.SearchIndexingBenchmark' \
  -f 1 -wi 0 -i 1 -p cases=10000 -jvmArgs '--add-modules jdk.incubator.vector' "$@"
