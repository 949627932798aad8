-- A test may be derived: its value is the product of its factors (other tests' codes or a quantity
-- of the lot, e.g. 'particle_concentration × lot.fill_volume') and is never typed.
-- A particle concentration test may name the largest fold difference allowed between the measured
-- value and the concentration declared on the lot; a larger disagreement blocks release.
alter table specification_test add column derivation varchar(300);
alter table specification_test add column declared_tolerance double precision check (declared_tolerance > 1);
