#!/usr/bin/env bash
# Fuzzes Candor's parsers of untrusted bytes with Jazzer, one target at a time (docs/benchmarks.md, "Fuzzing").
#
#   ./candor fuzz                     every target, 7 minutes each
#   ./candor fuzz TARGET [MINUTES] [MAVEN ARGS...]
#
# TARGET is a fuzz test's class name (OpenerFuzzTest) or its short name (opener), or "all"; "list" lists them.
# Runs at the lowest CPU priority. Findings are written into the test's committed seed folder
# (src/test/resources/<package>/<Test>Inputs/<method>/crash-*), where the normal test suite replays them; the
# corpus grown meanwhile stays in <module>/.cifuzz-corpus (not committed). Logs and a table of figures
# (executions, executions per second, coverage edges, findings; one row per run, appended) go to target/fuzz/.
# A finding does not end the run: it goes on, up to 20 distinct findings, for the whole time.
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$here"
# shellcheck source=../lib.sh
source benchmarks/lib.sh

targets=(
  "submission-crypto CiphertextInspectorFuzzTest"
  "submission-crypto OpenerFuzzTest"
  "submission-crypto RecipientKeyFuzzTest"
  "submission-crypto InvestigatorKeyFuzzTest"
  "submission-crypto WhistleblowerKeyFuzzTest"
  "submission-crypto ReplyCodeFuzzTest"
  "case-search CaseQueryParserFuzzTest"
  "portal-web SealedIntakeFuzzTest"
  "portal-web QuestionnaireJsonFuzzTest"
  "portal-web MessageContentsFuzzTest"
  "portal-web ReportContentsFuzzTest"
)

what="${1:-all}"
minutes="${2:-7}"
shift $(( $# < 2 ? $# : 2 ))
if [ "$what" = list ]; then
  printf '%s\n' "${targets[@]}" | awk '{print $2}'
  exit 0
fi
if ! [[ "$minutes" =~ ^[0-9]+$ ]] || [ "$minutes" -lt 1 ]; then
  echo "MINUTES must be a whole number of minutes, at least 1 (got: $minutes)" >&2
  exit 2
fi

chosen=()
for entry in "${targets[@]}"; do
  class="${entry#* }"
  short="$(echo "${class%FuzzTest}" | tr '[:upper:]' '[:lower:]')"
  if [ "$what" = all ] || [ "$what" = "$class" ] || [ "$what" = "$short" ]; then chosen+=("$entry"); fi
done
if [ ${#chosen[@]} -eq 0 ]; then
  echo "no fuzz target named '$what'; one of: all, $(printf '%s\n' "${targets[@]}" | awk '{print $2}' | tr '\n' ' ')" >&2
  exit 2
fi

out="$here/target/fuzz"
mkdir -p "$out"
table="$out/figures.md"
if [ ! -f "$table" ]; then
  {
    echo "| target | minutes | executions | exec/s | coverage (edges) | findings |"
    echo "|---|---|---|---|---|---|"
  } > "$table"
fi

status=0
for entry in "${chosen[@]}"; do
  module="${entry%% *}"
  class="${entry#* }"
  log="$out/$class.log"
  echo "fuzzing $class ($module) for $minutes min; log: $log"
  before="$(find "$module/src/test/resources" -path "*/${class}Inputs/*" -name 'crash-*' -o -path "*/${class}Inputs/*" -name 'timeout-*' 2>/dev/null | sort)"
  JAZZER_FUZZ=1 nice -n 19 mvn -B -ntp -Pfuzz -pl "$module" -am test \
    -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false -Dcandor.npm.skip=true \
    -Djazzer.max_duration="${minutes}m" -Djazzer.keep_going=20 "$@" > "$log" 2>&1
  rc=$?
  after="$(find "$module/src/test/resources" -path "*/${class}Inputs/*" -name 'crash-*' -o -path "*/${class}Inputs/*" -name 'timeout-*' 2>/dev/null | sort)"
  new="$(comm -13 <(echo "$before") <(echo "$after") | grep -c . || true)"
  done_line="$(grep -E '^#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|INITED)' "$log" | tail -n 1)"
  execs="$(echo "$done_line" | sed -n 's/^#\([0-9]*\).*/\1/p')"
  rate="$(echo "$done_line" | sed -n 's/.*exec\/s: \([0-9]*\).*/\1/p')"
  cov="$(echo "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')"
  if [ "$rc" -ne 0 ] && [ "$new" -eq 0 ]; then
    findings="run failed (rc=$rc), see log"
    status=1
  elif [ "$new" -gt 0 ]; then
    findings="$new: $(comm -13 <(echo "$before") <(echo "$after") | xargs -n1 basename | tr '\n' ' ')"
    status=1
  else
    findings="none"
  fi
  echo "| $class | $minutes | ${execs:-?} | ${rate:-?} | ${cov:-?} | $findings |" | tee -a "$table"
done
echo "figures: $table"
exit $status
