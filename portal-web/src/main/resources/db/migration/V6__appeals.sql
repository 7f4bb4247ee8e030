-- Redress requests (appeals): one per case, with coarse dates and the decision's kind only.
-- The appeal's reasons and oversight's grounds are sealed case items (APPEAL, APPEAL_DECISION).
create table appeal (
    case_id      uuid         primary key references case_file (id) on delete cascade,
    filed_on     date         not null,
    state        varchar(16)  not null,
    decision     varchar(24),
    decided_on   date,
    check (state in ('PENDING', 'DECIDED')),
    check ((state = 'PENDING' and decision is null and decided_on is null)
        or (state = 'DECIDED' and decision is not null and decided_on is not null))
);
create index appeal_by_state on appeal (state, filed_on);
