-- HMAC-SHA256 of the entry's hash under a key the database never holds (the audit anchor
-- directory's audit.key): whoever rewrites entries and recomputes their SHA-256 hashes cannot
-- recompute this. Entries written before anchoring have none; an adoption checkpoint covers them.
alter table audit_entry add column mac char(64);
