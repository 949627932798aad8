-- An administrator's password reset gives a temporary password that its holder must replace at the
-- next sign-in (until then the account cannot sign electronically or use the API), and the day the
-- password was last changed.
alter table account add column password_must_change boolean not null default false;
alter table account add column password_changed_at timestamptz;
