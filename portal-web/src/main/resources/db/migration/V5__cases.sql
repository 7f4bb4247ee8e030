-- Cases: workflow metadata in clear, every content as ciphertext in the blob store.
-- Dates are days, never times (DESIGN.md property 6). Nothing here names or traces a whistleblower.

create table case_file (
    id                          uuid            primary key,
    channel_id                  uuid            not null references channel (id),
    lookup_handle               varchar(64)     not null unique,  -- HMAC of the reply code's pre-handle
    sealed_in_browser           boolean         not null,
    status                      varchar(24)     not null,
    received_on                 date            not null,
    acknowledged_on             date,
    assessment_on               date,
    investigation_on            date,
    concluded_on                date,
    outcome                     varchar(24),
    last_activity_on            date            not null,
    whistleblower_key           varchar(32000)  not null,  -- locked by the code's lock secret
    whistleblower_fingerprint   varchar(64)     not null
);
create index case_file_by_channel on case_file (channel_id, status, received_on);

-- The investigators a case is sealed to, with the fingerprint of the key used.
create table case_recipient (
    case_id      uuid         not null references case_file (id) on delete cascade,
    staff_id     uuid         not null references staff_member (id),
    fingerprint  varchar(64)  not null,
    primary key (case_id, staff_id)
);
create index case_recipient_by_staff on case_recipient (staff_id);

-- What a case holds, in order: the report, its attachments, messages, notes. Each item is one
-- sealed blob; its kind and coarse date are all that is kept in clear.
create table case_item (
    id                uuid         primary key,
    case_id           uuid         not null references case_file (id) on delete cascade,
    position          integer      not null,
    kind              varchar(32)  not null,
    author_staff_id   uuid         references staff_member (id),
    created_on        date         not null,
    blob_id           varchar(32)  not null,
    ciphertext_bytes  bigint       not null,
    unique (case_id, position)
);
