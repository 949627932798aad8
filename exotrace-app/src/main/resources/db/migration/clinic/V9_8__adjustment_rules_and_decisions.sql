-- Adjustment rules of a protocol template, as data: when an endpoint has not responded by a week
-- of the course, suggest an adjustment (a shorter interval, microneedling-assisted delivery, another
-- route, a review, stopping). The criterion is either a named response of the instrument
-- ('EASI-50', 'PASI-75': fires when the latest assessment does not meet it) or a percent
-- improvement from baseline below which the rule fires. Weeks count from the endpoint's baseline.
-- A rule that proposes a route is offered only where the regulatory rules permit that route.
-- A clinic's copy of a template carries the rules of the template it was copied from.
create table adjustment_rule (
    id                uuid primary key,
    template_id       uuid not null references protocol_template (id),
    code              varchar(40) not null,
    instrument        varchar(30) not null,
    response_name     varchar(60),
    improvement_below numeric(5, 1),
    by_week           integer not null check (by_week between 1 and 104),
    kind              varchar(20) not null check (kind in ('SHORTER_INTERVAL', 'ADD_MICRONEEDLING', 'CHANGE_ROUTE', 'REVIEW', 'STOP')),
    proposed_route    varchar(40),
    text              varchar(1000) not null,
    unique (template_id, code),
    check ((response_name is null) <> (improvement_below is null)),
    check ((kind in ('ADD_MICRONEEDLING', 'CHANGE_ROUTE')) = (proposed_route is not null))
);

-- The clinician's decision on a suggestion for a plan: accepted, or overridden with a reason. The
-- suggestion's text as it was shown is kept with the decision. One decision per plan and rule.
create table adjustment_decision (
    id          uuid primary key,
    plan_id     uuid not null references treatment_plan (id),
    rule_code   varchar(40) not null,
    kind        varchar(20) not null,
    decision    varchar(12) not null check (decision in ('ACCEPTED', 'OVERRIDDEN')),
    reason      varchar(1000),
    suggestion  varchar(2000) not null,
    decided_by  varchar(40) not null,
    decided_at  timestamptz not null default now(),
    unique (plan_id, rule_code),
    check (decision = 'ACCEPTED' or reason is not null)
);

insert into adjustment_rule (id, template_id, code, instrument, response_name, improvement_below, by_week, kind, proposed_route, text)
select gen_random_uuid(), t.id, r.code, r.instrument, r.response_name, r.improvement_below, r.by_week, r.kind, r.proposed_route, r.text
  from protocol_template t
  join (values
    ('AD-REDNESS-EP', 'EASI50-W8-INTERVAL', 'EASI', 'EASI-50', null::numeric, 8, 'SHORTER_INTERVAL', null,
     'Consider a shorter interval between sessions (for example twice weekly instead of weekly) for the remaining sessions.'),
    ('AD-REDNESS-EP', 'EASI50-W8-MICRONEEDLING', 'EASI', 'EASI-50', null::numeric, 8, 'ADD_MICRONEEDLING', 'TOPICAL_AFTER_MICRONEEDLING',
     'Consider microneedling-assisted delivery (topical exosomes right after microneedling) instead of electroporation, where permitted.'),
    ('MELASMA-MN', 'MMASI25-W12-REVIEW', 'MMASI', null, 25.0, 12, 'REVIEW', null,
     'mMASI improved by less than 25 %: review the diagnosis (dermal or mixed melasma), sun protection and adherence before more sessions.'),
    ('PSORIASIS-INV', 'PASI75-W12-REVIEW', 'PASI', 'PASI-75', null::numeric, 12, 'REVIEW', null,
     'PASI-75 not reached: review the investigational course with the investigator and consider an established psoriasis treatment.'),
    ('PSORIASIS-INV', 'PASI50-W12-STOP', 'PASI', null, 50.0, 12, 'STOP', null,
     'PASI improved by less than 50 %: consider stopping the investigational course.'),
    -- One POSAS-O point is at least 1/60 of any baseline (about 1.7 %), so below 1 % means no improvement at all.
    ('SCAR-POSTOP', 'POSAS-W8-REVIEW', 'POSAS_OBSERVER', null, 1.0, 8, 'REVIEW', null,
     'No improvement of the POSAS observer score: review the laser settings and the scar (hypertrophy, infection, tension) before continuing.')
  ) as r (template, code, instrument, response_name, improvement_below, by_week, kind, proposed_route, text)
    on t.code = r.template and t.clinic_id is null;

-- Clinics' copies made before this migration carry the rules of the template they were copied from.
insert into adjustment_rule (id, template_id, code, instrument, response_name, improvement_below, by_week, kind, proposed_route, text)
select gen_random_uuid(), c.id, r.code, r.instrument, r.response_name, r.improvement_below, r.by_week, r.kind, r.proposed_route, r.text
  from protocol_template c join adjustment_rule r on r.template_id = c.copied_from
 where c.clinic_id is not null;
