-- The deadline a case has pending, stored so that the desk's list sorts and filters on an index
-- instead of computing it for every case on every page (docs/benchmarks.md, "Case list"). The
-- case aggregate keeps it up to date (CaseFile, rule in Deadlines.next); null once concluded.

alter table case_file add column next_deadline_on date;

-- Cases stored before this column existed, by the same rule: acknowledge within 7 days of receipt;
-- feedback within 3 months of the acknowledgement (or of the end of the 7 days without one); none
-- once concluded. Day and month interval arithmetic agree on H2 and PostgreSQL, month ends included
-- (31 January + 3 months is 30 April, as java.time's plusMonths).
update case_file set next_deadline_on = case
    when status = 'RECEIVED' then cast(received_on + interval '7' day as date)
    when status = 'CONCLUDED' then null
    else cast(coalesce(acknowledged_on, cast(received_on + interval '7' day as date)) + interval '3' month as date)
    end;

-- "Most urgent first" reads this index in order (ascending puts the nulls, the concluded cases,
-- last, as the list wants them) and stops after a page; "overdue", "due soon" and "no deadline"
-- are ranges of it (next_deadline_on < today, between today and a week ahead, is null).
create index case_file_by_next_deadline on case_file (next_deadline_on, received_on, id);
-- A status filter in the same order ("received, most urgent first") reads this one instead of
-- skipping the other statuses' entries of the index above.
create index case_file_by_status_next_deadline on case_file (status, next_deadline_on, received_on, id);
