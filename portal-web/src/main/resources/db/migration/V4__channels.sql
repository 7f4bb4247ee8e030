-- Channels grow what an administrator sets up: recipients, a questionnaire, retention and
-- upload limits, and a version for optimistic locking of concurrent edits.
-- Written in the SQL that both H2 and PostgreSQL understand. Defaults keep rows written before
-- this migration valid: a year's retention, no uploads, no question.

alter table channel add column version bigint default 0 not null;
alter table channel add column retention_days integer default 365 not null;
alter table channel add column uploads_allowed boolean default false not null;
alter table channel add column max_file_bytes bigint default 104857600 not null;
alter table channel add column max_files integer default 10 not null;
alter table channel add column max_total_bytes bigint default 524288000 not null;

-- The questionnaire is one JSON document (see QuestionnaireJson for why): configuration only,
-- never an answer. Its size is bounded by the questionnaire's own limits.
alter table channel add column questionnaire varchar(1000000) default '{"format":1,"fields":[]}' not null;

alter table channel add constraint channel_retention_range check (retention_days between 30 and 3650);
alter table channel add constraint channel_upload_limits check (
    max_file_bytes > 0 and max_files > 0 and max_total_bytes >= max_file_bytes);

-- The investigators who receive a channel's reports. staff_id is the text form of the staff
-- member's id: the ORM binds a UUID that is not an entity id as text, which a uuid column on
-- PostgreSQL refuses, so there is no foreign key; the channel checks each id against the
-- enabled investigators whenever it is used, and staff accounts are disabled, never deleted.
create table channel_recipient (
    channel_id  uuid         not null references channel (id) on delete cascade,
    staff_id    varchar(36)  not null,
    primary key (channel_id, staff_id)
);
create index channel_recipient_staff on channel_recipient (staff_id);
