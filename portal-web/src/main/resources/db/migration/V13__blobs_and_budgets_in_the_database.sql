-- Blobs kept in the database when candor.blobs.store=database (blobstore.DatabaseBlobStore), so
-- that several instances need share nothing but the database. Only sealed OpenPGP messages are
-- stored here, as the file store holds them (docs/design.md property 1), in chunks of at most
-- 1 MiB so that no blob passes through memory whole. A blob with no length is still being written
-- and is never read; writer is a random key of the process that holds the blob (writing it, or
-- waiting for the transaction that records it) and is cleared when the writer lets go: a blob
-- whose writer is gone (its PostgreSQL advisory lock is free) and that no case item names is
-- swept. written_on is the UTC day, nothing finer (docs/design.md property 6).
create table stored_blob (
    id           varchar(32) not null primary key,
    length_bytes bigint,
    written_on   date        not null,
    writer       bigint
);

create index stored_blob_by_writer on stored_blob (writer);

create table stored_blob_chunk (
    blob_id varchar(32) not null references stored_blob (id) on delete cascade,
    seq     integer     not null,
    content bytea       not null,
    primary key (blob_id, seq)
);

-- Budgets shared by the instances on one PostgreSQL database (intake.IntakeThrottle,
-- contact.SignInThrottle): how many charges a budget took in a window (slot = epoch millisecond
-- divided by the window). Only the current and the previous window are kept; rows are deleted once
-- forget_after (epoch second) has passed. A bucket is named by a channel id or a fixed word,
-- never by anything about a person.
create table budget_window (
    bucket       varchar(64) not null,
    slot         bigint      not null,
    spent        integer     not null,
    forget_after bigint      not null,
    primary key (bucket, slot)
);

create index budget_window_by_expiry on budget_window (forget_after);
