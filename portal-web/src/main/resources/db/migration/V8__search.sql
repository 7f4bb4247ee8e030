-- The desk's search index (docs/protocol.md, "Case search in the desk"). The index itself is an
-- encrypted Lucene folder; here is only its key, sealed to each investigator, and what was indexed.

-- One row per index: its id and the fingerprint of its key (an HMAC: it tells keys apart and
-- reveals nothing of the key).
create table search_index (
    id               uuid         primary key,
    created_on       date         not null,
    key_fingerprint  varchar(16)  not null
);

-- The index key, sealed (OpenPGP) to one investigator's public key; never stored in clear.
create table search_index_key (
    staff_id    uuid           primary key references staff_member (id) on delete cascade,
    index_id    uuid           not null references search_index (id) on delete cascade,
    sealed_key  varchar(8000)  not null,  -- Base64 of the OpenPGP message holding the 32 key bytes
    created_on  date           not null
);

-- What the index holds of each case: items, status and labels as indexed (workflow metadata that
-- case_file and case_label hold in clear anyway). No foreign key to case_file: a marker without
-- its case tells the desk to purge that case from the index.
create table search_indexed (
    case_id     uuid           primary key,
    index_id    uuid           not null,
    item_count  integer        not null,
    status      varchar(24)    not null,
    labels      varchar(1000)  not null  -- ' a b ': each label between spaces
);
