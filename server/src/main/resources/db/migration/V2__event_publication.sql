-- Spring Modulith's event publication registry (schema v2 of spring-modulith-events-jdbc 2.1).
-- Runs unchanged on H2 (PostgreSQL mode, DATABASE_TO_LOWER) and PostgreSQL: the registry's SQL
-- names the table and columns unquoted in upper case, which both fold to these lower-case names.
--
-- One row per event and @ApplicationModuleListener, inserted in the publisher's transaction and
-- deleted when the listener's transaction committed (spring.modulith.events.completion-mode=delete),
-- so the table holds only publications in flight or left behind by a crash or a failing listener
-- (platform.events.EventResubmission resubmits those). Rows are few: no index beyond the key
-- (every write on the happy path goes by id; the resubmission scans are over what is left).
-- serialized_event is varchar without a length (unbounded on PostgreSQL, 1 MiB on H2): H2 maps
-- text to a CLOB, which the registry's "serialized_event = ?" could not compare.
create table event_publication (
    id                     uuid         not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       varchar      not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(20),
    completion_attempts    integer,
    last_resubmission_date timestamp with time zone
);
