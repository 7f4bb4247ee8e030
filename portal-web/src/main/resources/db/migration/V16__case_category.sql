-- The category of a case: the key of the option the whistleblower chose for the one single-choice
-- question a channel marks as its category (for example the kind of wrongdoing). It is the only
-- answer kept in clear (docs/design.md property 1), so that investigators can sort and filter
-- reports by it; the report form tells the whistleblower so. An option's key, never free text and
-- never an option's label; null when the channel marks no category or the question was not answered.
alter table case_file add column category varchar(64);

-- The desk's category filter, alone or with its channel: a range of this index.
create index case_file_by_category on case_file (category, channel_id);
