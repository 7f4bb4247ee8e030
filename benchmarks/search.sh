#!/usr/bin/env bash
# Builds the benchmarks and runs the case-search benchmarks briefly (see docs/benchmarks.md).
# Usage: benchmarks/search.sh [extra JMH options, e.g. -p cases=100000]
set -euo pipefail

cd "$(dirname "$0")/.."

. benchmarks/lib.sh
echo "Using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME/bin/java"))"

mvn -q -B -Pbench -pl benchmarks -am package -DskipTests

# Brief by default: one fork, short warm-up, 10,000 cases. Indexing runs one shot per store.
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar \
  'org.candor.bench.search.SearchQueryBenchmark' \
  -f 1 -wi 2 -w 5s -i 3 -r 10s -p cases=10000 -jvmArgs '--add-modules jdk.incubator.vector' "$@"

"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar \
  'org.candor.bench.search.SearchIndexingBenchmark' \
  -f 1 -wi 0 -i 1 -p cases=10000 -jvmArgs '--add-modules jdk.incubator.vector' "$@"
