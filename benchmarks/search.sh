#!/usr/bin/env bash
# Builds the benchmarks and runs the case-search benchmark at scale (see docs/benchmarks.md):
# seal a synthetic corpus to an investigator key, open and index it on every core, commit,
# measure the index on disk, then search it with the fixed query mix, on the encrypted index
# and on a plain Lucene directory.
# Usage: benchmarks/search.sh [cases, default 100000] [threads, default the cores] [queries per store, default 2000]
#        [stores, default encrypted,plain]
# The short JMH benchmarks of the same code (10,000 cases) run with:
#   java --add-modules jdk.incubator.vector -jar benchmarks/target/benchmarks.jar 'org.candor.bench.search.*' -p cases=10000
set -euo pipefail

cd "$(dirname "$0")/.."

. benchmarks/lib.sh
echo "Using JDK at $JAVA_HOME ($(java_major "$JAVA_HOME/bin/java")); $(uptime)"

mvn -q -B -Pbench -pl benchmarks -am package -DskipTests

# Lucene's vectorised code paths need the incubator module; the heap holds the sealed corpus
# (about 2 KiB per case) besides the index writer's buffer.
"$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector -Xmx3g -cp benchmarks/target/benchmarks.jar \
  org.candor.bench.search.SearchAtScale "$@"
