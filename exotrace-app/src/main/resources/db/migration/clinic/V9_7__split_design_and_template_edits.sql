-- Split-face designs: a template is either whole-area (PARALLEL) or SPLIT_FACE, the latter naming
-- what the other side receives. A split-face plan keeps the design and comparator it was made with
-- (a later template edit does not change it), the side that receives the exosome product, whether
-- that side was randomized, the clinician who assesses blinded to it, and a SHA-256 commitment to
-- the allocation and a random salt, written to the audit trail at planning, which proves later that
-- the allocation was fixed then. The salt stays on the plan (never in the API) until unblinding.
alter table protocol_template
    add column design     varchar(12) not null default 'PARALLEL' check (design in ('PARALLEL', 'SPLIT_FACE')),
    add column comparator varchar(200),
    add column changed_by varchar(40),
    add column changed_at timestamptz,
    add constraint protocol_template_split_names_comparator check (design = 'PARALLEL' or comparator is not null);

update protocol_template set design = 'SPLIT_FACE', comparator = 'fractional CO2 laser alone'
 where clinic_id is null and code = 'ACNE-SCAR-CO2';
update protocol_template set design = 'SPLIT_FACE', comparator = 'saline'
 where clinic_id is null and code = 'PHOTOAGING-MN';
update protocol_template set design = 'SPLIT_FACE', comparator = 'placebo cream'
 where clinic_id is null and code = 'HYPERPIG-HOME';
-- Clinics' copies made before this migration follow the template they were copied from.
update protocol_template c set design = s.design, comparator = s.comparator
  from protocol_template s where c.copied_from = s.id and s.clinic_id is null and s.design = 'SPLIT_FACE';

alter table treatment_plan
    add column design                varchar(12) not null default 'PARALLEL' check (design in ('PARALLEL', 'SPLIT_FACE')),
    add column treated_side          varchar(5) check (treated_side in ('LEFT', 'RIGHT')),
    add column comparator            varchar(200),
    add column randomized            boolean,
    add column blinded_assessor      varchar(40),
    add column allocation_salt       char(64),
    add column allocation_commitment char(64),
    add constraint treatment_plan_split_is_allocated check (design = 'PARALLEL' or (treated_side is not null and comparator is not null
        and randomized is not null and allocation_salt is not null and allocation_commitment is not null)),
    add constraint treatment_plan_parallel_has_no_allocation check (design = 'SPLIT_FACE' or (treated_side is null and blinded_assessor is null));
