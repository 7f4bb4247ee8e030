-- Form tokens already used for a report (intake.FormTokens), so that a replayed form is refused
-- after a restart and on every instance sharing the database (docs/design.md properties 10 and 11).
-- A nonce is recorded in the transaction that creates the case: a crash cannot burn a token
-- without a case, nor make a case without burning it. The nonce is random and names nobody; the
-- row says only until which hour (rounded up) it must be kept, not when the form was sent, and
-- nothing links it to a case. Expired rows are deleted.
create table used_form_token (
    nonce        varchar(24) not null primary key,
    forget_after bigint      not null
);

create index used_form_token_by_expiry on used_form_token (forget_after);
