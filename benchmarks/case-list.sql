-- Synthetic cases for the case-list benchmark (benchmarks/case-list.sh): metadata only, no blobs.
-- 100,000 cases in 10 channels over three years; investigator 1 receives every channel (the worst
-- case: all 100,000 are hers), investigators 2..20 one channel each; a fifth of the cases carry a label.
-- Statuses follow age: old cases are mostly concluded, recent ones open.

insert into staff_member (id, username, display_name, password_hash, enabled, created_on)
select cast(lpad(to_hex(n), 8, '0') || '-0000-4000-8000-000000000000' as uuid), 'bench-' || n, 'Bench ' || n, 'x', true,
       date '2023-01-01'
from generate_series(1, 20) n;

insert into channel (id, slug, published, position, created_on)
select cast(lpad(to_hex(n), 8, '0') || '-0000-4000-8000-0000000000cc' as uuid), 'bench-' || n, true, n, date '2023-01-01'
from generate_series(1, 10) n;

insert into case_file (id, channel_id, lookup_handle, sealed_in_browser, status, received_on, acknowledged_on,
                       assessment_on, investigation_on, concluded_on, outcome, last_activity_on, whistleblower_key,
                       whistleblower_fingerprint)
select cast(md5('case' || n) as uuid),
       cast(lpad(to_hex(1 + n % 10), 8, '0') || '-0000-4000-8000-0000000000cc' as uuid),
       md5('handle' || n) || md5('h2' || n),
       n % 3 = 0,
       s.status,
       r.received,
       case when s.status = 'RECEIVED' then null else r.received + 3 end,
       case when s.status in ('IN_ASSESSMENT', 'IN_INVESTIGATION', 'CONCLUDED') then r.received + 10 end,
       case when s.status in ('IN_INVESTIGATION', 'CONCLUDED') then r.received + 20 end,
       case when s.status = 'CONCLUDED' then r.received + 60 end,
       case when s.status = 'CONCLUDED' then 'SUBSTANTIATED' end,
       r.received,
       'k', 'f'
from generate_series(1, 100000) n
cross join lateral (select current_date - (n % 1095) as received) r
cross join lateral (select case
        when n % 1095 < 10 then 'RECEIVED'
        when n % 1095 < 40 then 'ACKNOWLEDGED'
        when n % 1095 < 80 then 'IN_ASSESSMENT'
        when n % 1095 < 150 then 'IN_INVESTIGATION'
        when n % 97 = 0 then 'IN_INVESTIGATION'
        else 'CONCLUDED' end as status) s;

insert into case_recipient (case_id, staff_id, fingerprint)
select c.id, cast('00000001-0000-4000-8000-000000000000' as uuid), 'f' from case_file c;
insert into case_recipient (case_id, staff_id, fingerprint)
select c.id, cast(lpad(to_hex(2 + abs(hashtext(c.channel_id::text)) % 19), 8, '0')
       || '-0000-4000-8000-000000000000' as uuid), 'f'
from case_file c;

insert into case_label (case_id, label)
select c.id, (array['finance', 'hr', 'safety', 'urgent', 'legal'])[1 + (abs(hashtext(c.id::text)) % 5)]
from case_file c where abs(hashtext(c.id::text)) % 5 = 0;

analyze;
