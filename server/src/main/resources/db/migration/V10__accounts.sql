-- Accounts (issue #3). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create table accounts (
    id                        varchar(32)  primary key,
    email                     varchar(320) not null,
    display_name              varchar(100),
    password_hash             varchar(255) not null,
    role                      varchar(16)  not null,
    state                     varchar(32)  not null,
    created_at                timestamp with time zone not null,
    failed_logins             integer      not null default 0,
    failure_window_started_at timestamp with time zone,
    locked_until              timestamp with time zone
);

create unique index accounts_email on accounts (email);
create index accounts_state_created on accounts (state, created_at);
