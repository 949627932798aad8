-- Plans the regulatory rules refused: kept, with the rule's message, so that the clinic and the
-- compliance officer can see what was attempted and why it was stopped. No plan or visit exists
-- for a refused attempt.
create table plan_refusal (
    id           uuid primary key,
    patient_id   uuid not null references patient (id),
    clinic_id    uuid not null references clinic (id),
    template_id  uuid not null references protocol_template (id),
    product_code varchar(40) not null,
    source_type  varchar(40) not null,
    route        varchar(40) not null,
    purpose      varchar(40) not null,
    jurisdiction varchar(8) not null,
    verdict      varchar(30) not null,
    message      varchar(2000) not null,
    refused_by   varchar(40) not null,
    refused_at   timestamptz not null default now()
);
create index plan_refusal_patient on plan_refusal (patient_id);
