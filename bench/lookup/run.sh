#!/usr/bin/env bash
# Runs the lookup benchmarks (never part of `mvn verify`, which only compiles them).
#   bench/lookup/run.sh uniformity [perClass]   identical answers, medians, Mann-Whitney p (emulator)
#   bench/lookup/run.sh limits                  brute force and the per-contact / per-address limits
#   bench/lookup/run.sh coldstart [runs]        JVM start to first answered request, fresh processes
#   bench/lookup/run.sh warm [requests]         warm handler p50/p99 with in-memory fakes
#   bench/lookup/run.sh load spike [s]          rps per instance at p99 <= 100 ms over HTTP, 5 ms stores
#   bench/lookup/run.sh load abuse [s]          one client at 500 rps beside 50 ordinary users
#   bench/lookup/run.sh all
# The emulator is started by the benchmarks themselves (or AWS_ENDPOINT_URL is used), as in the tests.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
if [[ -z "${JAVA_HOME:-}" && -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
  export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
export PATH="${JAVA_HOME:+$JAVA_HOME/bin:}$PATH"

what="${1:-all}"
shift || true

# Package the module and everything it needs (no install: siblings resolve inside the reactor).
mvn -B -q -pl bench/lookup -am package -DskipTests -Dspotless.check.skip=true
mvn -B -q -pl bench/lookup -am dependency:build-classpath -Dmdep.outputFile=target/classpath.txt >/dev/null
# The plugin names our own modules by their ~/.m2 path even inside the reactor (and nothing is
# installed there, or an older build is): point them at the modules' freshly built classes.
module_dir() {
  case "$1" in
    local-runtime) echo infra/local/runtime ;;
    emulator) echo infra/local/emulator ;;
    *) echo "functions/$1" ;;
  esac
}
cp="bench/lookup/target/classes"
IFS=':' read -r -a entries < bench/lookup/target/classpath.txt || true
for entry in "${entries[@]}"; do
  if [[ "$entry" =~ /com/breachnotice/([a-z-]+)/[^/]+/[a-z-]+-[^/]*-tests\.jar$ ]]; then
    cp="$cp:$root/$(module_dir "${BASH_REMATCH[1]}")/target/test-classes"
  elif [[ "$entry" =~ /com/breachnotice/([a-z-]+)/ ]]; then
    cp="$cp:$root/$(module_dir "${BASH_REMATCH[1]}")/target/classes"
  else
    cp="$cp:$entry"
  fi
done

printf '%s' "$cp" > bench/lookup/target/run-classpath.txt

run() {
  java -cp "$cp" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@"
}

case "$what" in
  uniformity) run com.breachnotice.bench.lookup.UniformityBench "$@" ;;
  limits) run com.breachnotice.bench.lookup.LimitsBench "$@" ;;
  coldstart) run com.breachnotice.bench.lookup.ColdStartBench "$@" ;;
  warm) run com.breachnotice.lookup.WarmHandlerBench "$@" ;;
  load) run com.breachnotice.bench.lookup.LoadBench "$@" ;;
  all)
    run com.breachnotice.bench.lookup.LimitsBench
    run com.breachnotice.bench.lookup.UniformityBench
    run com.breachnotice.bench.lookup.ColdStartBench
    run com.breachnotice.lookup.WarmHandlerBench
    ;;
  classpath) echo "$cp" ;;
  *) echo "usage: $0 uniformity|limits|coldstart|warm|load|all [n]" >&2; exit 2 ;;
esac
