#!/usr/bin/env bash
# Seals and opens a 1 GiB file with Candor and with gpg to the same recipient (median of several runs, wall time
# and peak memory), measures the heap of sealing 2 GiB with a 64 MiB heap, and runs the crypto JMH benchmarks
# briefly. Figures are recorded in docs/benchmarks.md. Usage: benchmarks/crypto.sh [runs, default 3]
set -euo pipefail

RUNS="${1:-3}"
SIZE_MIB="${CANDOR_BENCH_MIB:-1024}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

. "$(dirname "$0")/lib.sh"
JAVA="$JAVA_HOME/bin/java"
command -v gpg >/dev/null || { echo "crypto.sh: gpg is not installed" >&2; exit 1; }
echo "JDK: $("$JAVA" -version 2>&1 | head -1); $(gpg --version | head -1); $(nproc) cores"

(cd "$ROOT" && mvn -q -B -Pbench -pl benchmarks -am package -DskipTests)
JAR="$ROOT/benchmarks/target/benchmarks.jar"
TOOL=("$JAVA" -cp "$JAR" org.candor.bench.crypto.CryptoFileTool)

WORK="$(mktemp -d "${TMPDIR:-/tmp}/candor-bench.XXXXXX")"
export GNUPGHOME="$WORK/gnupg"
cleanup() { gpgconf --kill gpg-agent >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
mkdir -m 700 "$GNUPGHOME"
PASS="candor benchmark passphrase"

FPR="$("${TOOL[@]}" keygen "$WORK")"
gpg --batch --pinentry-mode loopback --passphrase "$PASS" --import "$WORK/secret.asc" 2>/dev/null
head -c "$((SIZE_MIB * 1048576))" /dev/urandom > "$WORK/plain"

TIMEV=""
if [ -x /usr/bin/time ]; then TIMEV=/usr/bin/time; fi

# measure NAME command...: appends "seconds peak_kib" to $WORK/NAME.txt
measure() {
  local name="$1"; shift
  sync
  if [ -n "$TIMEV" ]; then
    "$TIMEV" -v -o "$WORK/time.txt" "$@" >/dev/null
    local wall rss
    wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt" | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')"
    rss="$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")"
    echo "$wall $rss" >> "$WORK/$name.txt"
  else
    local start end
    start="$(date +%s.%N)"; "$@" >/dev/null; end="$(date +%s.%N)"
    echo "$(echo "$end - $start" | bc) 0" >> "$WORK/$name.txt"
  fi
}

GPG=(gpg --quiet --batch --yes --pinentry-mode loopback --passphrase "$PASS" --trust-model always)
for run in $(seq "$RUNS"); do
  measure candor-seal "${TOOL[@]}" seal "$WORK/public.asc" "$WORK/plain" "$WORK/candor.pgp"
  measure gpg-encrypt "${GPG[@]}" --compress-algo none --recipient "$FPR" --output "$WORK/gpg.pgp" --encrypt "$WORK/plain"
  measure candor-open "${TOOL[@]}" open "$WORK/key.candor" "$WORK/gpg.pgp" "$WORK/candor.out"
  measure gpg-decrypt "${GPG[@]}" --output "$WORK/gpg.out" --decrypt "$WORK/candor.pgp"
  cmp -s "$WORK/plain" "$WORK/candor.out" || { echo "Candor opened something else" >&2; exit 1; }
  cmp -s "$WORK/plain" "$WORK/gpg.out" || { echo "gpg decrypted something else" >&2; exit 1; }
  rm -f "$WORK/candor.out" "$WORK/gpg.out"
done

echo
echo "$SIZE_MIB MiB, $RUNS runs each (Candor opens gpg's ciphertext, gpg decrypts Candor's):"
printf '%-12s %10s %10s %12s\n' operation "median s" "MiB/s" "peak RSS MiB"
for name in candor-seal gpg-encrypt candor-open gpg-decrypt; do
  sort -n "$WORK/$name.txt" | awk -v name="$name" -v mib="$SIZE_MIB" '
    { wall[NR] = $1; if ($2 > rss) rss = $2 }
    END { m = (NR % 2) ? wall[(NR + 1) / 2] : (wall[NR / 2] + wall[NR / 2 + 1]) / 2;
          printf "%-12s %10.2f %10.0f %12.0f\n", name, m, mib / m, rss / 1024 }'
done

echo
echo "Sealing 2048 MiB with -Xmx64m (SerialGC):"
${TIMEV:+$TIMEV -v -o "$WORK/time.txt"} "$JAVA" -Xmx64m -XX:+UseSerialGC -cp "$JAR" org.candor.bench.crypto.CryptoFileTool \
  seal-generated "$WORK/public.asc" 2048
echo "peak RSS $(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt") KiB"

rm -f "$WORK/plain" "$WORK/candor.pgp" "$WORK/gpg.pgp"
echo
echo "JMH (brief: 1 fork, 2 warm-up and 3 measured iterations of 2 s):"
"$JAVA" -jar "$JAR" 'org.candor.bench.crypto.*' -f 1 -wi 2 -i 3 -w 2s -r 2s -foe true -o "$WORK/jmh.txt" >/dev/null 2>&1 \
  || echo "JMH run failed; its log follows"
sed -n '/^Benchmark /,$p' "$WORK/jmh.txt" 2>/dev/null || true
