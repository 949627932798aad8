-- Which concentration a session's dose used, as the clinician read it: "measured by NTA, released
-- 2026-11-03, certificate CoA-2026-00003". Sessions recorded before have none.
alter table treatment_session add column concentration_basis varchar(300);
