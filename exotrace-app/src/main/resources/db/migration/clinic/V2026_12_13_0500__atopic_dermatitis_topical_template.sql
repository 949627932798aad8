-- Atopic dermatitis on intact skin: the exosome serum applied after each visit's cleansing, without a device, so that a
-- clinic can compare a topical course with the electroporation protocol (AD-REDNESS-EP) on the same schedule. No human
-- study of topical exosomes on intact atopic skin was found, hence investigational; the demo research cohort uses it.
insert into protocol_template (id, code, name, indication, investigational, route, sessions, interval_days, follow_up_days,
    primary_endpoint, secondary_endpoints, delivery, evidence, created_by) values
(gen_random_uuid(), 'AD-TOPICAL', 'Atopic dermatitis: topical exosome serum on intact skin (investigational)', 'atopic dermatitis', true,
 'TOPICAL_INTACT_SKIN', 6, 7, '28', 'SCORAD', 'EASI; POEM; DLQI; adverse events',
 'Exosome serum applied in clinic weekly x6 on intact skin, no device; same schedule as AD-REDNESS-EP',
 'No human study of topical exosomes on intact skin in atopic dermatitis was found: set by the investigator', 'system');
