-- The audit log (DESIGN.md property 8): a hash chain of entries, each signed by the portal.
-- docs/protocol.md ("Audit log") defines how entry_hash and signature are computed.
-- No report contents and nothing about a whistleblower is ever stored here.

create table audit_entry (
    seq           bigint                    primary key,  -- 1, 2, 3, ... without gaps
    recorded_at   timestamp with time zone  not null,     -- UTC, to the microsecond
    actor_kind    varchar(16)               not null,     -- staff, system, anonymous
    actor_id      varchar(36),                            -- staff account id; null otherwise
    actor_name    varchar(64),                            -- staff sign-in name; null otherwise
    action        varchar(40)               not null,
    subject_kind  varchar(32),
    subject_id    varchar(64),
    details       varchar(2000)             not null,     -- canonical "key=value" lines, sorted
    key_id        varchar(32)               not null,     -- which signing key signed it
    prev_hash     varchar(64)               not null,     -- hex; 64 zeros for the first entry
    entry_hash    varchar(64)               not null,     -- hex SHA-256
    signature     varchar(128)              not null      -- hex Ed25519 signature of entry_hash
);

create index audit_entry_recorded_at on audit_entry (recorded_at);
create index audit_entry_action on audit_entry (action);

-- One row: the end of the chain. Appending locks it (select ... for update), so appends from
-- several portal instances queue up and the chain never forks.
create table audit_head (
    id         integer      primary key,
    last_seq   bigint       not null,
    last_hash  varchar(64)  not null
);
insert into audit_head (id, last_seq, last_hash)
    values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
