-- The particle concentration a release states, so that the clinic doses with the value QA released
-- and can say which it is: the measured result (its method and id) or, when the lot had no
-- measurement, the concentration declared on the lot.
alter table lot_decision add column released_concentration_per_ml double precision check (released_concentration_per_ml > 0);
alter table lot_decision add column released_concentration_measured boolean;
alter table lot_decision add column released_concentration_method varchar(200);
alter table lot_decision add column released_concentration_result_id uuid;

-- Releases signed before: the signed evaluation snapshot names the measured concentration
-- ("particle_concentration=3.6E9:PASS", in particles/mL, the default specification's unit).
update lot_decision
set released_concentration_per_ml = cast(substring(evaluation_snapshot from 'particle_concentration=([0-9][0-9.]*(?:E[+-]?[0-9]+)?):') as double precision),
    released_concentration_measured = true,
    released_concentration_method = 'measured (as signed in the release''s evaluation)'
where kind = 'RELEASE' and evaluation_snapshot ~ 'particle_concentration=[0-9][0-9.]*(E[+-]?[0-9]+)?:';
