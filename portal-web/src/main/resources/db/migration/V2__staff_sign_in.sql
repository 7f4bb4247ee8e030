-- Staff sign-in: second factor, throttling, recovery codes, invitations and investigator keys.

alter table staff_member add column totp_secret_sealed varchar(255);
alter table staff_member add column totp_last_step bigint;
alter table staff_member add column failed_sign_ins integer default 0 not null;
alter table staff_member add column throttled_until timestamp with time zone;

-- One-time codes that stand in for the second factor; only SHA-256 digests are kept.
create table staff_recovery_code (
    staff_id   uuid         not null references staff_member (id) on delete cascade,
    code_hash  varchar(64)  not null,
    primary key (staff_id, code_hash)
);

-- An administrator's invitation for one person and one role; only a digest of its token is kept.
create table staff_invitation (
    token_hash   varchar(64)               primary key,
    role         varchar(16)               not null,
    invited_by   uuid                      not null references staff_member (id),
    expires_at   timestamp with time zone  not null,
    accepted_by  uuid                      references staff_member (id)
);

-- An investigator's OpenPGP key: the public key, and the secret key locked under a passphrase
-- that only the investigator knows (Argon2id + AES-256-OCB, see docs/protocol.md).
create table investigator_key (
    staff_id        uuid            primary key references staff_member (id) on delete cascade,
    fingerprint     varchar(64)     not null,
    public_armored  varchar(32000)  not null,
    locked_secret   varchar(32000)  not null,
    origin          varchar(16)     not null,
    created_on      date            not null
);
