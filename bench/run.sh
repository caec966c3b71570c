#!/usr/bin/env bash
# One command for the engine benchmark: compiles the tests' classpath (Flowable is a test dependency, never in
# target/sopan.jar) and runs id.sopan.bench.EngineBenchmark, which runs bench/pgbench.sh too. Options go to it,
# e.g. bench/run.sh --repeats 5 --cases 500; bench/run.sh --statements runs ActionStatements instead.
# The report is printed and written to target/bench/engine-<time>.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
MAIN=id.sopan.bench.EngineBenchmark
if [ "${1:-}" = "--statements" ]; then
  shift
  MAIN=id.sopan.bench.ActionStatements
fi
exec java -Xms256m -Xmx512m -Dsopan.bench.dir=bench -cp "$CP" "$MAIN" "$@"
