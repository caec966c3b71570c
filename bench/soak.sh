#!/usr/bin/env bash
# Two nodes and crash safety (issue 8): two app nodes from target/sopan.jar on one fresh PostgreSQL database,
# 32 clients over both for 120 s (the SLA watch on both, some tasks made overdue), node 1 killed with SIGKILL in the
# middle and restarted; then counts by endpoint and status, invariant violations by name and `audit verify`.
# Options go to id.sopan.bench.nodes.SoakRun, e.g. bench/soak.sh --seconds 300 --kill-at 0 (no kill).
# The report is printed and written to target/soak/soak-<time>.txt (the nodes' logs beside it).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f target/sopan.jar ] || [ "${SOAK_BUILD:-}" = "1" ]; then
  mvn -B -q -DskipTests package
fi
mvn -B -q -DskipTests test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:$(cat target/bench-classpath.txt)"
exec java -Xms128m -Xmx512m -cp "$CP" id.sopan.bench.nodes.SoakRun "$@"
