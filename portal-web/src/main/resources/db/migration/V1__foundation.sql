-- Candor's first schema: reporting channels, staff accounts and the first-run setup.
-- Written in the SQL that both H2 and PostgreSQL understand; dates are coarse on purpose.

create table channel (
    id          uuid         primary key,
    slug        varchar(64)  not null unique,
    published   boolean      not null,
    position    integer      not null,
    created_on  date         not null
);

create table channel_text (
    channel_id  uuid           not null references channel (id) on delete cascade,
    language    varchar(8)     not null,
    name        varchar(200)   not null,
    description varchar(4000)  not null,
    primary key (channel_id, language)
);

create table staff_member (
    id             uuid          primary key,
    username       varchar(64)   not null unique,
    display_name   varchar(200)  not null,
    password_hash  varchar(255)  not null,
    enabled        boolean       not null,
    created_on     date          not null
);

create table staff_role (
    staff_id  uuid         not null references staff_member (id) on delete cascade,
    role      varchar(16)  not null,
    primary key (staff_id, role)
);

-- Only a hash of each setup link's token is kept; the token itself goes to the console only.
create table setup_token (
    token_hash  varchar(64)               primary key,
    expires_at  timestamp with time zone  not null
);

-- One row; "completed" flips once, atomically, when the first administrator is created.
create table setup_state (
    id         integer  primary key,
    completed  boolean  not null
);
insert into setup_state (id, completed) values (1, false);
