-- The desk: labels on cases, and the indexes that keep the case list fast with 100,000 cases
-- (docs/benchmarks.md, "Case list"). Labels are workflow metadata in clear, like the status; they
-- are short words and never report contents.

create table case_label (
    case_id  uuid         not null references case_file (id) on delete cascade,
    label    varchar(40)  not null,
    primary key (case_id, label)
);
create index case_label_by_label on case_label (label, case_id);

-- The list reads an investigator's cases through case_recipient (staff_id), then the case rows by
-- id; this index lets it read both columns without visiting the table.
create index case_recipient_by_staff_case on case_recipient (staff_id, case_id);
-- Newest/oldest first and the deadline order scan received_on.
create index case_file_by_received on case_file (received_on, id);
create index case_file_by_status on case_file (status, received_on);
