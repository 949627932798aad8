create table signature_failure (
    id        bigserial primary key,
    username  varchar(40) not null,
    reason    varchar(200) not null,
    failed_at timestamptz not null default now(),
    cleared   boolean not null default false
);
create index signature_failure_user on signature_failure (username, failed_at);
