-- The products the demonstration lab makes. Consent scopes are comma-separated ConsentScope names.
insert into product (code, name, form, intended_use, required_consent_scopes, ampoule_volume_ml, shelf_life_months) values
    ('HMSC-EXO-SERUM', 'Human MSC exosome serum', 'SERUM', 'COSMETIC', 'COSMETIC_USE,COMMERCIAL', 2.0, 24),
    ('HMSC-EXO-BULK', 'Human MSC exosome isolate (bulk)', 'BULK', 'COSMETIC', 'COSMETIC_USE,COMMERCIAL', null, 12),
    ('HMSC-EXO-INJ', 'Human MSC exosome injectable (investigational)', 'INJECTABLE_SOLUTION', 'CLINICAL', 'CLINICAL_USE', 1.0, 12),
    ('PLANT-EXO-GEL', 'Plant-derived vesicle gel', 'GEL', 'COSMETIC', '', 5.0, 18);
