-- A donor who stops being eligible after release (a reactive or inconclusive screening result, or a
-- negative one invalidated) opens a disposition review of every released lot made from them.
alter table disposition_review_cause drop constraint disposition_review_cause_kind;
alter table disposition_review_cause add constraint disposition_review_cause_kind
    check (kind in ('CONSENT_WITHDRAWN', 'RESULT_INVALIDATED', 'LOT_QUARANTINED', 'DONOR_INELIGIBLE'));
