create table account (
    username      varchar(40) primary key,
    display_name  varchar(120) not null,
    password_hash varchar(200) not null,
    roles         varchar(200) not null,
    enabled       boolean not null default true,
    created_at    timestamptz not null default now()
);
