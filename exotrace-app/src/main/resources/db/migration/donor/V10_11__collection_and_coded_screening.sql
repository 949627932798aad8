-- Where and when a donor's material was collected: the screening windows are counted from the
-- collection date, and the jurisdiction chooses the panel. Donors registered before this
-- migration have neither (null): their collection date is recorded later with a reason, and a
-- null jurisdiction reads as the lab's jurisdiction from configuration (exotrace.lab.jurisdiction).
alter table donor
    add column collected_on date,
    add column collection_jurisdiction varchar(2);

-- Screening results name a catalog test and one of its results. Rows recorded before the catalog
-- keep their free-text test and NEGATIVE/POSITIVE/INDETERMINATE result, with no test code: they
-- stay on record as uncoded and never count toward eligibility. A result entered in error is
-- invalidated with a reason (and the correcting result linked), never deleted.
alter table donor_screening drop constraint donor_screening_result_check;
alter table donor_screening
    alter column result type varchar(30),
    add column test_code varchar(40) references screening_test (code),
    add column status varchar(12) not null default 'VALID' check (status in ('VALID', 'INVALIDATED')),
    add column invalidated_by varchar(40),
    add column invalidated_at timestamptz,
    add column invalidation_reason varchar(1000),
    add column corrected_by uuid references donor_screening (id),
    add constraint donor_screening_coded_result foreign key (test_code, result) references screening_test_result (test_code, code),
    add constraint donor_screening_uncoded_result check (test_code is not null or result in ('NEGATIVE', 'POSITIVE', 'INDETERMINATE')),
    add constraint donor_screening_invalidation check ((status = 'INVALIDATED') = (invalidation_reason is not null));
