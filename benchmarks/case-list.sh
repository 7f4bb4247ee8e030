#!/usr/bin/env bash
# Case list response time with 100,000 cases on PostgreSQL. Creates a scratch database, applies the portal's
# Flyway migrations up to V9 with psql, inserts synthetic metadata (benchmarks/case-list.sql), applies the later
# migrations (V10 backfills next_deadline_on for the 100,000 cases: its time is printed), then times the statements
# the desk runs for one list page (count + page + labels of the page, as CaseListSql writes them) with pgbench,
# one client, for each view. Prints p50/p99 in milliseconds per view. Figures go to docs/benchmarks.md.
# Usage: benchmarks/case-list.sh [seconds per view, default 20]. Needs psql and pgbench; PGHOST/PGUSER as usual
# (default: local server, user postgres).
set -euo pipefail

SECONDS_PER_VIEW="${1:-20}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DB=candor_bench_case_list
export PGUSER="${PGUSER:-postgres}" PGHOST="${PGHOST:-127.0.0.1}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

MIGRATIONS="$ROOT/portal-web/src/main/resources/db/migration"
version() { basename "$1" | sed 's/^V\([0-9]*\)__.*/\1/'; }
psql -q -d postgres -c "drop database if exists $DB with (force)" -c "create database $DB"
for migration in $(ls "$MIGRATIONS"/V*.sql | sort -V); do
  [ "$(version "$migration")" -lt 10 ] || continue
  psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$migration" >/dev/null
done
echo "inserting 100,000 cases ..."
/usr/bin/time -f "  %e s" psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$ROOT/benchmarks/case-list.sql"
for migration in $(ls "$MIGRATIONS"/V*.sql | sort -V); do
  [ "$(version "$migration")" -ge 10 ] || continue
  echo "migrating with $(basename "$migration") ..."
  /usr/bin/time -f "  %e s" psql -q -v ON_ERROR_STOP=1 -d "$DB" -f "$migration" >/dev/null
done
psql -q -d "$DB" -c "vacuum analyze"   # the state autovacuum reaches after the migration's update
psql -At -d "$DB" -c "select 'cases: ' || count(*) from case_file" -c "select 'recipient rows: ' || count(*) from case_recipient"

STAFF="00000001-0000-4000-8000-000000000000"   # receives all 100,000 cases
MINE="c.id in (select r.case_id from case_recipient r where r.staff_id = cast('$STAFF' as uuid))"
COLUMNS="c.id, c.channel_id, c.status, c.received_on, c.next_deadline_on as due_on, c.last_activity_on, c.next_actor, case when c.last_whistleblower_item > coalesce(rd.read_item, -1) then 1 else 0 end as unread"
READS="left join case_read rd on rd.case_id = c.id and rd.staff_id = cast('$STAFF' as uuid)"
URGENT_ORDER="order by c.next_deadline_on nulls last, c.received_on, c.id"
CHANNEL="cast('00000003-0000-4000-8000-0000000000cc' as uuid)"

view() { # name, extra where, order, offset; without a filter the count reads case_recipient alone, as CaseListSql does
  local count="select count(*) from case_file c where $MINE $2;"
  case "$2" in *rd.*) count="select count(*) from case_file c $READS where $MINE $2;" ;; esac
  [ -n "$2" ] || count="select count(*) from (select r.case_id from case_recipient r where r.staff_id = cast('$STAFF' as uuid)) mine;"
  cat > "$WORK/$1.sql" <<SQL
$count
select $COLUMNS from case_file c $READS where $MINE $2 $3 limit 50 offset $4;
select case_id, label from case_label where case_id in (select p.id from (select $COLUMNS from case_file c $READS where $MINE $2 $3 limit 50 offset $4) p) order by label;
SQL
}
view default "" "$URGENT_ORDER" 0
view default_page_2 "" "$URGENT_ORDER" 50
view newest_page_40 "" "order by c.received_on desc, c.id" 1950
view oldest "" "order by c.received_on, c.id" 0
view urgent "and c.next_deadline_on <= current_date + 7" "$URGENT_ORDER" 0
view overdue "and c.next_deadline_on < current_date" "$URGENT_ORDER" 0
view due_soon "and c.next_deadline_on between current_date and current_date + 7" "$URGENT_ORDER" 0
view no_deadline "and c.next_deadline_on is null" "$URGENT_ORDER" 0
view status_received "and c.status = 'RECEIVED'" "$URGENT_ORDER" 0
view channel "and c.channel_id = $CHANNEL" "$URGENT_ORDER" 0
view waiting "and c.next_actor = 'INVESTIGATORS'" "$URGENT_ORDER" 0
view unread "and c.last_whistleblower_item > coalesce(rd.read_item, -1)" "$URGENT_ORDER" 0
view label_finance_open "and c.id in (select l.case_id from case_label l where l.label = 'finance') and c.status = 'IN_INVESTIGATION'" "$URGENT_ORDER" 0

VIEWS="default default_page_2 newest_page_40 oldest urgent overdue due_soon no_deadline status_received channel waiting unread label_finance_open"
if [ -n "${CANDOR_BENCH_EXPLAIN:-}" ]; then # print the plans of every view's page and count, then stop
  for name in $VIEWS; do
    echo "== $name"
    sed -n '1,2p' "$WORK/$name.sql" | sed 's/^/explain (analyze, costs off) /' | psql -d "$DB" -f - | grep -v '^$'
  done
  echo "database $DB kept for further plans"
  exit 0
fi
printf "%-22s %8s %8s %8s\n" view runs "p50 ms" "p99 ms"
for name in $VIEWS; do
  (cd "$WORK" && pgbench -n -c 1 -T "$SECONDS_PER_VIEW" -f "$name.sql" --log --log-prefix="log-$name" "$DB" >/dev/null)
  cat "$WORK"/log-"$name".* | awk '{print $3}' | sort -n > "$WORK/$name.us"
  awk -v name="$name" '{v[NR]=$1} END {p50=v[int(NR*0.5)+1]; p99=v[int(NR*0.99)+1]; printf "%-22s %8d %8.1f %8.1f\n", name, NR, p50/1000, p99/1000}' "$WORK/$name.us"
done
psql -q -d postgres -c "drop database $DB with (force)"
