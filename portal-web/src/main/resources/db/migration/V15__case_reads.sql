-- The desk's list for hundreds of open cases: who acts next, and what an investigator has not read.
--
-- Positions are the order of a case's items (case_item.position), not times: "unread" compares
-- the position of the whistleblower's latest item with the latest one an investigator had in
-- front of them when they last opened the case. No time of reading is kept (docs/design.md
-- property 6); the audit log already says who opened which case and when, for oversight, but its
-- instants cannot be compared with the items' days, and reading it per row would not stay fast.

-- The position of the latest item the whistleblower wrote (the report, a message, an appeal), and
-- of the latest reply the investigators sent them (a reply, the outcome's grounds).
alter table case_file add column last_whistleblower_item integer default 0 not null;
alter table case_file add column last_reply_item integer;
-- Who acts next: INVESTIGATORS (to acknowledge, or to answer the whistleblower's latest word),
-- WHISTLEBLOWER (the investigators answered last), null once concluded. Kept by the case aggregate.
alter table case_file add column next_actor varchar(16);

update case_file set last_whistleblower_item = coalesce((select max(i.position) from case_item i
    where i.case_id = case_file.id and i.kind in ('REPORT', 'WHISTLEBLOWER_MESSAGE', 'APPEAL')), 0);
update case_file set last_reply_item = (select max(i.position) from case_item i
    where i.case_id = case_file.id and i.kind in ('INVESTIGATOR_REPLY', 'OUTCOME_GROUNDS'));
update case_file set next_actor = case
    when status = 'CONCLUDED' then null
    when status = 'RECEIVED' then 'INVESTIGATORS'
    when last_reply_item is null or last_reply_item < last_whistleblower_item then 'INVESTIGATORS'
    else 'WHISTLEBLOWER'
    end;

-- "Waiting for me", most urgent first: a range of this index, read in order.
create index case_file_by_next_actor on case_file (next_actor, next_deadline_on, received_on, id);

-- What each investigator had read of a case when they last opened it: the position of the
-- latest item then. One row per investigator and case, looked up by its key from the list.
create table case_read (
    staff_id   uuid     not null references staff_member (id),
    case_id    uuid     not null references case_file (id) on delete cascade,
    read_item  integer  not null,
    primary key (staff_id, case_id)
);
