-- The worklist reads each clinic's plans with their visits; until now plans were only looked up by patient.
create index treatment_plan_clinic on treatment_plan (clinic_id);
