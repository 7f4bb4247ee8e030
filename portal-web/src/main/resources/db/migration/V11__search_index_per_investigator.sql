-- One search index per investigator (docs/protocol.md, "Case search in the desk"; docs/design.md
-- property 7): each index holds only cases sealed to its investigator, and its key is sealed to
-- that investigator alone. The single shared index of V8, whose key was sealed to every
-- investigator, is given up: its sealed key copies and its markers are dropped here, and the desk
-- deletes its files at start-up (docs/operations.md, "Upgrading the search index"). Each
-- investigator's own index is built from their cases by the catch-up after their next unlock.

drop table search_indexed;
drop table search_index_key;
drop table search_index;

-- One row per investigator's index: the fingerprint of its key (an HMAC: it tells keys apart and
-- reveals nothing of the key) and the key itself sealed (OpenPGP) to that investigator's public
-- key only. The index folder is named by the id.
create table search_index (
    id               uuid           primary key,
    staff_id         uuid           not null unique references staff_member (id) on delete cascade,
    created_on       date           not null,
    key_fingerprint  varchar(16)    not null,
    sealed_key       varchar(8000)  not null  -- Base64 of the OpenPGP message holding the 32 key bytes
);

-- What each index holds of each case: items, status and labels as indexed (workflow metadata that
-- case_file and case_label hold in clear anyway). No foreign key to case_file: a marker without
-- its case, or whose case is no longer sealed to the index's investigator, tells the desk to purge
-- that case from that index.
create table search_indexed (
    index_id    uuid           not null references search_index (id) on delete cascade,
    case_id     uuid           not null,
    item_count  integer        not null,
    status      varchar(24)    not null,
    labels      varchar(1000)  not null,  -- ' a b ': each label between spaces
    primary key (index_id, case_id)
);
create index search_indexed_by_case on search_indexed (case_id);
