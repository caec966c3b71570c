#!/usr/bin/env bash
# The database's commit limit: pgbench with one single-row UPDATE per transaction on a small table, at 1 and 4
# clients, against the same PostgreSQL the engine benchmark uses. Prints one line per client count:
#   pgbench clients=N tps=X load=...
# Usage: bench/pgbench.sh [seconds per client count, default 30]
# Connection: PGHOST, PGPORT, PGUSER as for psql (default 127.0.0.1, 5432, postgres); database "test" is used
# only to create and drop the scratch database.
set -euo pipefail
SECONDS_PER_RUN="${1:-30}"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"
PGBENCH="${PGBENCH:-$(command -v pgbench || echo /usr/bin/pgbench)}"
DB="bench_pgbench_$$"
SCRIPT="$(mktemp)"
cleanup() {
  rm -f "$SCRIPT"
  psql -q -X -d test -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null 2>&1 || true
}
trap cleanup EXIT

psql -q -X -d test -c "CREATE DATABASE $DB"
psql -q -X -d "$DB" <<'SQL'
CREATE TABLE bench_counter (id INT PRIMARY KEY, n BIGINT NOT NULL DEFAULT 0);
INSERT INTO bench_counter (id) SELECT generate_series(1, 100);
VACUUM ANALYZE bench_counter;
SQL
# One single-row UPDATE per transaction (pgbench commits each script run).
cat > "$SCRIPT" <<'SQL'
\set id random(1, 100)
UPDATE bench_counter SET n = n + 1 WHERE id = :id;
SQL

for clients in 1 4; do
  out=$("$PGBENCH" -n -M prepared -f "$SCRIPT" -c "$clients" -j "$clients" -T "$SECONDS_PER_RUN" "$DB" 2>&1)
  tps=$(printf '%s\n' "$out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -n 1)
  if [ -z "$tps" ]; then
    printf '%s\n' "$out" >&2
    exit 1
  fi
  echo "pgbench clients=$clients tps=$tps load=$(cut -d' ' -f1-3 /proc/loadavg)"
done
