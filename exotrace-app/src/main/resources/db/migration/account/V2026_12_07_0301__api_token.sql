-- Personal API tokens (issue 10): random secrets, so a fast hash (SHA-256) is enough to keep them
-- out of the database; the prefix (the first characters of the token) finds the row and lets its
-- owner recognise it. Scoped to a subset of the owner's roles; revoked tokens stay on record.
create table api_token (
    id           uuid         primary key,
    username     varchar(40)  not null references account (username),
    name         varchar(80)  not null,
    prefix       varchar(16)  not null unique,
    secret_hash  char(64)     not null,
    roles        varchar(200) not null,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    revoked_at   timestamptz,
    revoked_by   varchar(40),
    last_used_at timestamptz
);
create index api_token_by_username on api_token (username);
