-- Recent failed sign-ins per account and per client address (issue 10): the count since the first
-- failure of the current run (a whole quiet window resets it), the time before which a further
-- attempt is refused (a delay that doubles per failure), and the lockout's end. One row per subject;
-- the sign-in path reads both of its rows with one primary-key query.
create table login_throttle (
    subject_kind    varchar(8)   not null check (subject_kind in ('ACCOUNT', 'ADDRESS')),
    subject         varchar(100) not null,
    failures        integer      not null,
    first_failure_at timestamptz not null,
    last_failure_at timestamptz  not null,
    delayed_until   timestamptz,
    locked_until    timestamptz,
    primary key (subject_kind, subject)
);
