-- Governance: retention (extensions, legal holds, the run's claim) and the figures the
-- transparency page publishes. Nothing here holds report contents or anything about a
-- whistleblower; dates are days (DESIGN.md properties 1, 6 and 9).

-- Whether a channel's figures appear on the public transparency page; the administrator's choice.
alter table channel add column published_in_transparency boolean default false not null;

-- What an investigator decided about a case's retention. The reason is a fixed category, never
-- free text: a note, if any, is a sealed INTERNAL_NOTE item of the case. The row goes with the case.
create table case_retention (
    case_id            uuid         primary key references case_file (id) on delete cascade,
    extended_until     date,
    extension_reason   varchar(32),
    legal_hold         boolean      default false not null,
    hold_reason        varchar(32),
    hold_since         date
);
create index case_retention_by_hold on case_retention (legal_hold);

-- Retention counts from the conclusion, or from the last activity of a case never concluded.
create index case_file_by_retention on case_file (channel_id, concluded_on, last_activity_on);

-- The figures of a deleted case, written in the transaction that deletes it and kept for the
-- transparency page. No case id, no exact day: the quarter of receipt and of deletion, the days
-- a step took, and the kinds. Live cases are counted from their own rows.
create table case_stats (
    id                   uuid         primary key,
    channel_id           uuid         not null references channel (id),
    received_quarter     date         not null,
    days_to_acknowledge  integer,
    acknowledged_in_time boolean      not null,
    days_to_feedback     integer,
    feedback_in_time     boolean      not null,
    outcome              varchar(24),
    appeal_state         varchar(16),
    appeal_decision      varchar(24),
    deleted_quarter      date         not null
);
create index case_stats_by_channel on case_stats (channel_id, received_quarter);

-- One row per scheduled job: which instance holds it and until when (an update-where claim, so
-- that one instance runs a pass when several share the database), and the last run's figures.
create table governance_job (
    name            varchar(32)   primary key,
    claimed_by      varchar(64),
    claimed_until   timestamp with time zone,
    last_started_at timestamp with time zone,
    last_ended_at   timestamp with time zone,
    last_deleted    integer       default 0 not null,
    last_failed     integer       default 0 not null,
    last_swept      integer       default 0 not null
);
insert into governance_job (name) values ('retention');
