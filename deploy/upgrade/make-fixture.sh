#!/usr/bin/env bash
# Makes the upgrade fixture of a release: that release's own bundle, on the local PostgreSQL
# (127.0.0.1:5432, trust authentication), lived through by MakeReleaseFixtureIT; the database as
# SQL, the data folder and what its people know land in
# deploy/src/test/resources/upgrade/<tag>/, where UpgradeIT starts from them.
#
#   deploy/upgrade/make-fixture.sh v0.1.0
#
# Needs what the tests need (JDK 21+, Maven, Chromium and its driver, pg_dump).
set -euo pipefail
tag="${1:?usage: make-fixture.sh TAG}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out="$here/deploy/src/test/resources/upgrade/$tag"
checkout="$(mktemp -d -t candor-release.XXXXXX)"
trap 'git -C "$here" worktree remove --force "$checkout" >/dev/null 2>&1 || true' EXIT

git -C "$here" worktree add --detach "$checkout" "$tag" >/dev/null
cp "$here/deploy/upgrade/MakeReleaseFixtureIT.java" "$checkout/deploy/src/test/java/org/candor/deploy/"
rm -rf "$out"
cd "$checkout"
CANDOR_FIXTURE_OUT="$out" CANDOR_DB_URL="jdbc:postgresql://127.0.0.1:5432/candor_release_fixture" CANDOR_DB_USER=postgres CANDOR_DB_PASSWORD= \
  mvn -B -ntp verify -pl deploy -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dfailsafe.failIfNoSpecifiedTests=false -Dit.test=MakeReleaseFixtureIT
echo "The fixture of $tag is in $out"
