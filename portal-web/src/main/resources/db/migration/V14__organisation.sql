-- Who runs the portal (organisation.OrganisationProfile): one row, set by an administrator and
-- shown on every public page. Nothing here is secret; the intake host reads it (deploy/postgresql/roles.sql).
create table organisation (
    id             smallint       not null primary key,
    name           varchar(200)   not null,
    contact        varchar(500)   not null,
    privacy_notice varchar(20000) not null,
    logo           bytea,
    logo_type      varchar(20),
    constraint organisation_one_row check (id = 1)
);

insert into organisation (id, name, contact, privacy_notice) values (1, '', '', '');
