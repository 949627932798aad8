-- Protocol templates (shipped ones have no clinic; a clinic's copies name it) and treatment plans
-- made from them, with their scheduled sessions and follow-up visits.
create table protocol_template (
    id                  uuid primary key,
    code                varchar(40) not null,
    name                varchar(200) not null,
    indication          varchar(200) not null,
    investigational     boolean not null,
    route               varchar(40) not null,
    sessions            integer not null check (sessions between 1 and 100),
    interval_days       integer not null check (interval_days between 0 and 365),
    follow_up_days      varchar(200) not null,
    primary_endpoint    varchar(300) not null,
    secondary_endpoints varchar(1000),
    delivery            varchar(1000),
    evidence            varchar(1000) not null,
    clinic_id           uuid references clinic (id),
    copied_from         uuid references protocol_template (id),
    created_by          varchar(40) not null,
    created_at          timestamptz not null default now(),
    unique (clinic_id, code)
);

create table treatment_plan (
    id                 uuid primary key,
    patient_id         uuid not null references patient (id),
    clinic_id          uuid not null references clinic (id),
    template_id        uuid not null references protocol_template (id),
    product_code       varchar(40) not null,
    source_type        varchar(40) not null,
    route              varchar(40) not null,
    purpose            varchar(40) not null,
    trial_id           varchar(100),
    start_on           date not null,
    compliance_verdict varchar(30),
    compliance_message varchar(2000) not null,
    created_by         varchar(40) not null,
    created_at         timestamptz not null default now()
);
create index treatment_plan_patient on treatment_plan (patient_id);

create table plan_visit (
    id       uuid primary key,
    plan_id  uuid not null references treatment_plan (id),
    kind     varchar(12) not null check (kind in ('SESSION', 'FOLLOW_UP')),
    number   integer not null,
    due_on   date not null,
    unique (plan_id, kind, number)
);

insert into protocol_template (id, code, name, indication, investigational, route, sessions, interval_days, follow_up_days,
    primary_endpoint, secondary_endpoints, delivery, evidence, created_by) values
(gen_random_uuid(), 'ACNE-SCAR-CO2', 'Atrophic acne scars: fractional CO2 then exosome gel (split-face)', 'atrophic acne scars', false,
 'TOPICAL_AFTER_FRACTIONAL_CO2', 3, 28, '28', 'ECCA per side', 'erythema index; downtime days; GAIS; adverse events',
 'Fractional CO2 laser x3, then ASC exosome gel on one side; record energy (mJ), density and passes', 'Kwon 2020, split-face, n = 25: ECCA reduction 32.5% vs 19.9%', 'system'),
(gen_random_uuid(), 'PHOTOAGING-MN', 'Photoaging: microneedling with exosomes (split-face vs saline)', 'photoaging', false,
 'TOPICAL_AFTER_MICRONEEDLING', 3, 21, '42', 'GAIS', 'wrinkle depth; Cutometer R2/R5/R7; Corneometer',
 'Microneedling, needle depth (mm) recorded; ASC exosomes on one side, saline on the other', 'ASC exosomes + microneedling, split-face vs saline, n = 28', 'system'),
(gen_random_uuid(), 'HYPERPIG-HOME', 'Hyperpigmentation: exosome cream at home (split-face vs placebo)', 'hyperpigmentation', false,
 'TOPICAL_INTACT_SKIN', 1, 0, '14,28,56', 'Mexameter melanin index', null,
 'Exosome cream twice daily for 8 weeks on one side, placebo on the other', 'Cho 2020, n = 21', 'system'),
(gen_random_uuid(), 'MELASMA-MN', 'Melasma: microneedling with exosomes', 'melasma', false,
 'TOPICAL_AFTER_MICRONEEDLING', 5, 28, '28,84', 'mMASI', 'GAIS; Mexameter melanin index; DLQI',
 '4-5 sessions every 4 weeks (or 6 every 2 weeks); needle depth recorded', 'Microneedling + exosome studies in melasma (clinical.md)', 'system'),
(gen_random_uuid(), 'AGA-INTRADERMAL', 'Androgenetic alopecia: intradermal exosomes', 'androgenetic alopecia', false,
 'INTRADERMAL_INJECTION', 7, 28, '28', 'hair density per cm2 at a marked site', 'shaft diameter',
 'Intradermal every 4 weeks for 24 weeks (alternative: microneedling 0.3-0.5 mm + topical on days 1, 15, 45, 75, 105)', 'Exosome studies in androgenetic alopecia (clinical.md)', 'system'),
(gen_random_uuid(), 'POST-RESURFACING', 'Healing after ablative resurfacing: topical exosomes from day 0', 'post-resurfacing healing', false,
 'TOPICAL_AFTER_FRACTIONAL_CO2', 1, 0, '7,14,21', 'days to re-epithelialization', 'erythema course',
 'Topical exosomes from day 0 after ablative laser', 'Retrospective n = 101: re-epithelialization 10.7 vs 15.8 days', 'system'),
(gen_random_uuid(), 'AD-REDNESS-EP', 'Atopic dermatitis facial redness: electroporation-assisted exosomes', 'atopic dermatitis', false,
 'ELECTROPORATION', 6, 7, '28', 'erythema index', 'EASI head/neck; vIGA-AD; POEM; DLQI; TEWL; Corneometer',
 'Electroporation-assisted exosomes weekly x6', 'Electroporation-assisted exosome study in AD facial redness (clinical.md)', 'system'),
(gen_random_uuid(), 'SCAR-POSTOP', 'Postoperative scars: non-ablative fractional laser with an exosome booster', 'postoperative scars', false,
 'TOPICAL_AFTER_NONABLATIVE_LASER', 5, 14, '28', 'POSAS observer and patient totals', 'Vancouver Scar Scale',
 'Non-ablative fractional laser +/- exosome booster, 5 sessions every 2 weeks', 'Postoperative scar study (clinical.md)', 'system'),
(gen_random_uuid(), 'PSORIASIS-INV', 'Psoriasis (investigational: no human exosome study found)', 'psoriasis', true,
 'TOPICAL_INTACT_SKIN', 8, 7, '28', 'PASI', 'DLQI',
 'No published human protocol: set by the investigator', 'No human exosome clinical study was found for psoriasis (clinical.md)', 'system'),
(gen_random_uuid(), 'WOUND-INV', 'Chronic wounds (investigational: no human exosome study found)', 'chronic wounds', true,
 'TOPICAL_INTACT_SKIN', 6, 7, '28', 'wound area', null,
 'No published human protocol: set by the investigator', 'No human exosome clinical study was found for chronic wounds (clinical.md)', 'system');
