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
# shellcheck source=bin/lib/find-jdk.sh
source "$root/bin/lib/find-jdk.sh"
use_jdk bench/lookup/run.sh

what="${1:-all}"
shift || true
case "$what" in
  uniformity | limits | coldstart | warm | load | all | classpath) ;;
  *) echo "usage: $0 uniformity|limits|coldstart|warm|load|all [n]" >&2; exit 2 ;;
esac

require_maven bench/lookup/run.sh
# One reactor build packages the module and everything it needs and writes its class path
# (target/classpath.txt, see pom.xml); nothing is installed, so siblings resolve inside the reactor.
# Maven prints its errors on stdout: sent to stderr, they survive `run.sh classpath > file`.
mvn -B -q -pl bench/lookup -am package -DskipTests -Djacoco.skip=true -Dspotless.check.skip=true >&2
if [[ ! -s bench/lookup/target/classpath.txt ]]; then
  echo "bench/lookup/run.sh: the build wrote no bench/lookup/target/classpath.txt" >&2
  exit 1
fi
# The reactor names our modules by their packaged jars: use their classes directories instead, which
# ColdStartBench's -Dcoldstart.alternate swaps for an A/B run.
cp="$root/bench/lookup/target/classes"
IFS=':' read -r -a entries < bench/lookup/target/classpath.txt || true
for entry in "${entries[@]}"; do
  if [[ "$entry" == "$root"/*/target/*-tests.jar ]]; then
    cp="$cp:${entry%/target/*}/target/test-classes"
  elif [[ "$entry" == "$root"/*/target/*.jar ]]; then
    cp="$cp:${entry%/target/*}/target/classes"
  else
    cp="$cp:$entry"
  fi
done

printf '%s' "$cp" > bench/lookup/target/run-classpath.txt

run() {
  java -cp "$cp" -Dbreachnotice.log.level=warn -Dbreachnotice.log.target=SYSTEM_ERR "$@"
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
