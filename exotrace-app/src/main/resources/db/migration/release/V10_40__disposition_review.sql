-- A review of a released lot's disposition, opened by a change after release (a withdrawn donor
-- consent, an invalidated result, a quarantine) and closed by QA's signed outcome. At most one
-- review of a lot is open at a time; further causes join it.
create table disposition_review (
    id             uuid primary key,
    lot_id         uuid not null,
    lot_code       varchar(30) not null,
    opened_at      timestamptz not null,
    opened_by      varchar(40) not null,
    outcome        varchar(20),
    outcome_reason varchar(1000),
    decision_id    uuid references lot_decision (id),
    decided_by     varchar(40),
    decided_at     timestamptz,
    constraint disposition_review_outcome_known check (outcome is null or outcome in ('CONTINUE', 'QUARANTINE', 'RECALL')),
    constraint disposition_review_decided check ((outcome is null) = (decided_at is null) and (outcome is null) = (decided_by is null)
                                                 and (outcome is null) = (outcome_reason is null))
);
create unique index disposition_review_one_open on disposition_review (lot_id) where outcome is null;
create index disposition_review_lot on disposition_review (lot_id, opened_at);

-- What opened or joined a review, in the words and facts of the event that caused it.
create table disposition_review_cause (
    id          uuid primary key,
    review_id   uuid not null references disposition_review (id),
    kind        varchar(30) not null,
    subject     varchar(300),
    scope       varchar(30),
    occurred_on date not null,
    reason      varchar(1000),
    source_id   uuid,
    recorded_at timestamptz not null,
    recorded_by varchar(40) not null,
    constraint disposition_review_cause_kind check (kind in ('CONSENT_WITHDRAWN', 'RESULT_INVALIDATED', 'LOT_QUARANTINED'))
);
create index disposition_review_cause_review on disposition_review_cause (review_id, recorded_at);

-- Records are never deleted or overwritten; a review changes once, from open to decided.
create function disposition_review_immutable() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' then
        raise exception 'disposition reviews are never deleted';
    end if;
    if old.outcome is not null then
        raise exception 'a decided disposition review cannot change';
    end if;
    if new.id <> old.id or new.lot_id <> old.lot_id or new.opened_at <> old.opened_at or new.opened_by <> old.opened_by then
        raise exception 'only the outcome of a disposition review is recorded later';
    end if;
    return new;
end $$;
create trigger disposition_review_immutable before update or delete on disposition_review
    for each row execute function disposition_review_immutable();

create function disposition_review_cause_immutable() returns trigger language plpgsql as $$
begin
    raise exception 'causes of a disposition review are never changed or deleted';
end $$;
create trigger disposition_review_cause_immutable before update or delete on disposition_review_cause
    for each row execute function disposition_review_cause_immutable();
