#!/usr/bin/env bash
# Unlock-and-catch-up in the desk (see docs/benchmarks.md): runs SearchIT against Payara Micro on
# PostgreSQL and, at its end, stores N cases sealed to an investigator while the index is closed
# (database rows and blobs, as the intake leaves them), then times her unlock until all N are
# indexed and searchable. Needs what the integration tests need (PostgreSQL on localhost).
# Usage: benchmarks/search-catch-up.sh [cases, default 10000]
# The scratch database is CANDOR_IT_DB_NAME (default candor_it_bench); it is made anew.
set -euo pipefail

cd "$(dirname "$0")/.."
. benchmarks/lib.sh
CASES="${1:-10000}"
echo "Using JDK at $JAVA_HOME; $CASES cases; $(uptime)"

mvn -B -ntp -pl portal-web -am verify -Dtest=None -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SearchIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcandor.it.db.name="${CANDOR_IT_DB_NAME:-candor_it_bench}" -Dcandor.bench.catch-up-cases="$CASES" \
  -Darq.container.payara-micro.configuration.startupTimeoutInSeconds=900 \
  | grep -E "catch-up benchmark|Tests run:|BUILD|ERROR"
