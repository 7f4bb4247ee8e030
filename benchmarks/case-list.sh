#!/usr/bin/env bash
# Case list response time with 100,000 cases on PostgreSQL. Creates a scratch database, applies the portal's
# Flyway migrations with psql, inserts synthetic metadata (benchmarks/case-list.sql), then times the statements
# the desk runs for one list page (count + page + labels of the page, as CaseListSql writes them) with pgbench,
# one client, for each of four views. Prints p50/p99 in milliseconds per view. Figures go to docs/benchmarks.md.
# Usage: benchmarks/case-list.sh [seconds per view, default 20]. Needs psql and pgbench; PGHOST/PGUSER as usual
# (default: local server, user postgres).
set -euo pipefail

SECONDS_PER_VIEW="${1:-20}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DB=candor_bench_case_list
export PGUSER="${PGUSER:-postgres}" PGHOST="${PGHOST:-127.0.0.1}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
for migration in $(ls "$ROOT"/portal-web/src/main/resources/db/migration/V*.sql | sort -V); do
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$migration" >/dev/null
done
echo "inserting 100,000 cases ..."
/usr/bin/time -f "  %e s" psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/benchmarks/case-list.sql"
psql -At -d "$DB" -c "select 'cases: ' || count(*) from case_file" -c "select 'recipient rows: ' || count(*) from case_recipient"

STAFF="00000001-0000-4000-8000-000000000000"   # receives all 100,000 cases
DUE="case when c.status = 'RECEIVED' then cast(c.received_on + interval '7' day as date) when c.status = 'CONCLUDED' then null else cast(c.acknowledged_on + interval '3' month as date) end"
MINE="c.id in (select r.case_id from case_recipient r where r.staff_id = cast('$STAFF' as uuid))"
COLUMNS="c.id, c.channel_id, c.status, c.received_on, $DUE as due_on"

view() { # name, extra where, order, offset
  cat > "$WORK/$1.sql" <<SQL
select count(*) from case_file c where $MINE $2;
select $COLUMNS from case_file c where $MINE $2 $3 limit 50 offset $4;
select case_id, label from case_label where case_id in (select p.id from (select $COLUMNS from case_file c where $MINE $2 $3 limit 50 offset $4) p) order by label;
SQL
}
view default "" "order by due_on nulls last, c.received_on, c.id" 0
view newest_page_40 "" "order by c.received_on desc, c.id" 1950
view urgent "and $DUE <= current_date + 7" "order by due_on nulls last, c.received_on, c.id" 0
view label_finance_open "and c.id in (select l.case_id from case_label l where l.label = 'finance') and c.status = 'IN_INVESTIGATION'" "order by due_on nulls last, c.received_on, c.id" 0

printf "%-22s %8s %8s %8s\n" view runs "p50 ms" "p99 ms"
for name in default newest_page_40 urgent label_finance_open; do
  (cd "$WORK" && pgbench -n -c 1 -T "$SECONDS_PER_VIEW" -f "$name.sql" --log --log-prefix="log-$name" "$DB" >/dev/null)
  cat "$WORK"/log-"$name".* | awk '{print $3}' | sort -n > "$WORK/$name.us"
  awk -v name="$name" '{v[NR]=$1} END {p50=v[int(NR*0.5)+1]; p99=v[int(NR*0.99)+1]; printf "%-22s %8d %8.1f %8.1f\n", name, NR, p50/1000, p99/1000}' "$WORK/$name.us"
done
psql -q -d postgres -c "drop database $DB with (force)"
