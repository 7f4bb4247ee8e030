-- Candor: the database role of the internet-facing intake host (docs/operations.md, "Split hosts").
--
-- The desk host connects as the role that owns the schema and runs the migrations. The intake host
-- connects as a role of its own that may insert reports, messages and appeals and read what the
-- intake pages need, and nothing more: no schema change, no staff secret (password hashes, TOTP
-- seeds, recovery codes, invitations, setup tokens, locked secret keys), no audit row beyond the
-- signed head the public transparency page shows, no deletion of cases.
--
-- Run it as a PostgreSQL superuser (or the schema's owner, for the grants) AFTER the desk host has
-- migrated the schema, and again after every upgrade: it first takes back every privilege the
-- intake role holds on the schema's tables, then grants exactly the list below, so a table a new
-- release adds stays closed to the intake until this script says otherwise. It is safe to run again.
--
--   psql -d candor -v intake_role=candor_intake -f roles.sql
--   (then, once: psql -d candor -c '\password candor_intake')
--
-- Variables (psql -v name=value):
--   intake_role      the intake's role, made here (LOGIN, nothing else) when missing; default candor_intake
--   intake_password  its password; when not given, an existing password is kept (set it with \password)
--   schema           the schema the migrations made; default public
--
-- Every grant below names the code that needs it. To open a new table to the intake, add its line in
-- the section that fits and say why; never grant a whole table that mixes public and secret columns.

\set ON_ERROR_STOP on
\if :{?intake_role}
\else
  \set intake_role candor_intake
\endif
\if :{?schema}
\else
  \set schema public
\endif

-- Before the migrations there is nothing to grant, and the owner of the schema is not known yet.
select count(*) = 0 as no_schema from pg_tables where schemaname = :'schema' and tablename = 'flyway_schema_history' \gset
\if :no_schema
  do $$ begin raise exception 'the schema has no Candor tables yet: start the desk host once (it migrates), then run this script'; end $$;
\endif

-- The role: it can sign in, and do nothing a role could do by itself.
select format('create role %I login', :'intake_role')
    where not exists (select 1 from pg_roles where rolname = :'intake_role') \gexec
alter role :"intake_role" login nosuperuser nocreatedb nocreaterole noinherit noreplication nobypassrls;
\if :{?intake_password}
  alter role :"intake_role" password :'intake_password';
\endif

-- The database: the intake connects, and may make no temporary table; no other role may create
-- objects in the schema (PostgreSQL before 15 let every role create tables in "public").
select format('revoke all on database %I from public', current_database()) \gexec
select format('grant connect on database %I to %I', current_database(), :'intake_role') \gexec
select format('grant connect, temporary on database %I to %I', current_database(),
              (select tableowner from pg_tables where schemaname = :'schema' and tablename = 'flyway_schema_history')) \gexec
revoke create on schema :"schema" from public;
revoke all on schema :"schema" from :"intake_role";
grant usage on schema :"schema" to :"intake_role";

-- Start from nothing: table privileges (and with them every column privilege) taken back.
revoke all on all tables in schema :"schema" from :"intake_role";
revoke all on all sequences in schema :"schema" from :"intake_role";
revoke all on all functions in schema :"schema" from :"intake_role";

set search_path = :"schema";

-- Schema version: the intake does not migrate; it checks the version at start (SchemaMigrations).
grant select on flyway_schema_history to :"intake_role";

-- Channels: the public list, questionnaires, upload limits and recipients (channel.*, intake pages).
grant select on channel, channel_text, channel_recipient to :"intake_role";

-- Who runs the portal: name, logo, contact and privacy notice on every public page
-- (organisation.OrganisationProfile). Public by nature.
grant select on organisation to :"intake_role";

-- Who may be sealed to: an account's id, whether it is enabled, and its roles (StaffRepository
-- .isEnabledHolder, .enabledHolders). Never username, display name, password hash, TOTP seed,
-- counters of failed sign-ins.
grant select (id, enabled) on staff_member to :"intake_role";
grant select on staff_role to :"intake_role";

-- Investigators' public keys, to seal reports and messages to (JpaRecipientKeys); never the locked
-- secret key.
grant select (staff_id, public_armored) on investigator_key to :"intake_role";

-- Cases: a report makes a case, its readers and its items (CaseStore.create); a reply code finds its
-- case by the lookup handle and opens the whistleblower key stored in it (ContactSignIn); a
-- message adds items and moves the last activity (CaseStore.append), after locking the case's row
-- (select ... for update needs an update right, which is one of these columns); it also records
-- that the whistleblower wrote last, so that the desk's list shows whose turn it is (CaseFile.itemAdded).
grant select, insert on case_file to :"intake_role";
grant update (last_activity_on, last_whistleblower_item, next_actor) on case_file to :"intake_role";
grant select, insert on case_recipient, case_item to :"intake_role";

-- Appeals: the whistleblower files one (Appeals.file) and sees its state and decision.
grant select, insert on appeal to :"intake_role";

-- Retention: the whistleblower's status page says until when the case is kept (RetentionNotices,
-- through CaseRetention.state); the notice does not say whether it is an extension or a hold.
grant select on case_retention to :"intake_role";

-- Used form tokens: recorded with the case, expired ones forgotten (FormTokens).
grant select, insert, delete on used_form_token to :"intake_role";

-- The public transparency page: figures of published channels, from live cases (above) and from
-- deleted cases' contents-free rows; and the audit log's signed head, by these columns only
-- (AuditLog.publishedHead): no actor, action, subject or details.
grant select on case_stats to :"intake_role";
grant select on audit_head to :"intake_role";
grant select (seq, recorded_at, key_id, entry_hash, signature) on audit_entry to :"intake_role";
-- The blob store in the database (candor.blobs.store=database): the intake writes the ciphertext
-- of reports, files and messages, reads it back for the whistleblower, and removes its own
-- aborted or abandoned uploads (the chunks go with their blob).
grant select, insert, delete on stored_blob to :"intake_role";
grant update (length_bytes, writer) on stored_blob to :"intake_role";
grant select, insert on stored_blob_chunk to :"intake_role";
-- The budgets shared by the instances (intake pressure, failed sign-ins).
grant select, insert, update, delete on budget_window to :"intake_role";

-- Nothing else: setup_state, setup_token, staff_recovery_code, staff_invitation, case_label, case_read,
-- governance_job, search_index and search_indexed stay closed to the intake, as do
-- update and delete on every case, item, appeal and channel, and the whole audit log for writing.

reset search_path;

-- What the intake may now do, table by table (column grants listed apart).
select table_name, string_agg(privilege_type, ', ' order by privilege_type) as intake_may
    from information_schema.role_table_grants where grantee = :'intake_role' group by table_name order by table_name;
select table_name, privilege_type, string_agg(column_name, ', ' order by column_name) as only_columns
    from information_schema.role_column_grants where grantee = :'intake_role'
    and (table_name, privilege_type) not in (select table_name, privilege_type from information_schema.role_table_grants
                                             where grantee = :'intake_role')
    group by table_name, privilege_type order by table_name;
