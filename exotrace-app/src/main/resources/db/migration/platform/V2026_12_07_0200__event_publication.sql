-- Spring Modulith's event publication registry (spring-modulith-events-jdbc 2.1.1, schemas/v2/schema-postgresql.sql),
-- created until now by the library at start-up. The application's role cannot create tables, so the
-- schema is a migration; a database from an earlier build keeps the table it already has.
create table if not exists event_publication
(
    id                     uuid                     not null,
    listener_id            text                     not null,
    event_type             text                     not null,
    serialized_event       text                     not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 text,
    completion_attempts    int,
    last_resubmission_date timestamp with time zone,
    primary key (id)
);
create index if not exists event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);
