-- Donor screening as data: a catalog of coded tests with their closed lists of results, and the
-- panels of required tests per source type and jurisdiction, each test with its sampling window
-- around the donor's collection. QA edits the panels in the app (audited); the catalog is seeded
-- here. Every entry cites what it relies on; UNVERIFIED marks what was not read in a primary source.

create table screening_test (
    code       varchar(40) primary key,
    name       varchar(120) not null unique,
    detects    varchar(300) not null,
    kind       varchar(10) not null check (kind in ('SEROLOGY', 'NAT')),
    source     varchar(1000) not null,
    sort_order integer not null
);

create table screening_test_result (
    test_code  varchar(40) not null references screening_test (code),
    code       varchar(30) not null,
    label      varchar(60) not null,
    meaning    varchar(12) not null check (meaning in ('NEGATIVE', 'POSITIVE', 'INCONCLUSIVE')),
    sort_order integer not null,
    primary key (test_code, code)
);

create table screening_panel (
    id           uuid primary key,
    source_type  varchar(30) not null,
    jurisdiction varchar(2) not null,
    source       varchar(1000) not null,
    version      integer not null,
    changed_by   varchar(40) not null,
    changed_at   timestamptz not null default now(),
    unique (source_type, jurisdiction)
);

-- A test removed from a panel stays here (removed_at set) so that the panel's history can be read
-- without the audit trail; at most one row per test is in force.
create table screening_panel_test (
    id             uuid primary key,
    panel_id       uuid not null references screening_panel (id),
    test_code      varchar(40) not null references screening_test (code),
    days_before    integer not null check (days_before between 0 and 365),
    days_after     integer not null check (days_after between 0 and 365),
    source         varchar(1000) not null,
    verified       boolean not null,
    added_by       varchar(40) not null,
    added_at       timestamptz not null default now(),
    removed_by     varchar(40),
    removed_at     timestamptz,
    removed_reason varchar(1000)
);
create unique index screening_panel_test_in_force on screening_panel_test (panel_id, test_code) where removed_at is null;

insert into screening_test (code, name, detects, kind, source, sort_order) values
('ANTI_HIV_1_2', 'anti-HIV-1/2', 'Antibodies to HIV-1 and HIV-2 (a combined antigen/antibody assay qualifies)', 'SEROLOGY',
 '21 CFR 1271.85(a); Commission Directive 2006/17/EC, Annex II 1.1 (Anti-HIV-1,2)', 10),
('HIV_1_NAT', 'HIV-1 NAT', 'HIV-1 RNA (nucleic acid amplification; a multiplex assay that includes HIV-1 qualifies)', 'NAT',
 'FDA, Testing Donors of HCT/Ps: Specific Requirements (screening NAT for HIV-1); Directive 2006/17/EC, Annex II 2.5 (NAT for HIV on the donation sample)', 20),
('HBSAG', 'HBsAg', 'Hepatitis B surface antigen', 'SEROLOGY',
 '21 CFR 1271.85(a); FDA, Testing Donors of HCT/Ps: Specific Requirements; Directive 2006/17/EC, Annex II 1.1', 30),
('ANTI_HBC', 'anti-HBc', 'Total antibody (IgG and IgM) to hepatitis B core antigen', 'SEROLOGY',
 'FDA, Testing Donors of HCT/Ps: Specific Requirements (total anti-HBc); Directive 2006/17/EC, Annex II 1.1 and 1.3', 40),
('HBV_NAT', 'HBV NAT', 'Hepatitis B virus DNA (nucleic acid amplification)', 'NAT',
 'FDA guidance, Use of Nucleic Acid Tests to Reduce the Risk of Transmission of Hepatitis B Virus from Donors of HCT/Ps (August 2016), incorporated in the guidance FDA-2022-D-0465 (January 2025); Directive 2006/17/EC, Annex II 2.5', 50),
('ANTI_HCV', 'anti-HCV', 'Antibodies to hepatitis C virus', 'SEROLOGY',
 '21 CFR 1271.85(a); Directive 2006/17/EC, Annex II 1.1 (Anti-HCV-Ab)', 60),
('HCV_NAT', 'HCV NAT', 'Hepatitis C virus RNA (nucleic acid amplification)', 'NAT',
 'FDA, Testing Donors of HCT/Ps: Specific Requirements (screening NAT for HCV); Directive 2006/17/EC, Annex II 2.5', 70),
('ANTI_HTLV_I_II', 'anti-HTLV-I/II', 'Antibodies to human T-lymphotropic virus types I and II', 'SEROLOGY',
 '21 CFR 1271.85(b) (viable, leukocyte-rich cells or tissue); Directive 2006/17/EC, Annex II 1.2 as amended by Directive 2012/39/EU (donors from high-prevalence areas)', 80),
('SYPHILIS', 'Syphilis (T. pallidum)', 'Antibodies to Treponema pallidum (a treponemal assay, or a validated algorithm that excludes active infection)', 'SEROLOGY',
 '21 CFR 1271.85(a); Directive 2006/17/EC, Annex II 1.1 and 1.4', 90),
('ANTI_CMV', 'anti-CMV', 'Total antibody to cytomegalovirus', 'SEROLOGY',
 '21 CFR 1271.85(b) (viable, leukocyte-rich cells or tissue); Directive 2006/17/EC, Annex II 1.5 (in certain circumstances)', 100),
('WNV_NAT', 'WNV NAT', 'West Nile virus RNA (nucleic acid amplification)', 'NAT',
 'UNVERIFIED: FDA guidance on NAT for West Nile virus in living donors of HCT/Ps (seasonal requirement), known from secondary sources only', 110),
('ANTI_T_CRUZI', 'anti-T. cruzi', 'Antibodies to Trypanosoma cruzi (Chagas disease)', 'SEROLOGY',
 'Directive 2006/17/EC, Annex II 1.5 (depending on the donor''s history)', 120),
('ANTI_TOXOPLASMA', 'anti-Toxoplasma', 'Antibodies to Toxoplasma gondii', 'SEROLOGY',
 'Directive 2006/17/EC, Annex II 1.5 (depending on the donor''s history)', 130),
('ANTI_EBV', 'anti-EBV', 'Antibodies to Epstein-Barr virus', 'SEROLOGY',
 'Directive 2006/17/EC, Annex II 1.5 (depending on the donor''s history)', 140);

-- Serology reads reactive or not; a NAT detects its target or not, and an invalid run decides nothing.
insert into screening_test_result (test_code, code, label, meaning, sort_order)
select t.code, r.code, r.label, r.meaning, r.sort_order
from screening_test t
join (values ('SEROLOGY', 'NON_REACTIVE', 'Non-reactive', 'NEGATIVE', 1),
             ('SEROLOGY', 'REACTIVE', 'Reactive', 'POSITIVE', 2),
             ('SEROLOGY', 'INDETERMINATE', 'Indeterminate', 'INCONCLUSIVE', 3),
             ('NAT', 'NOT_DETECTED', 'Not detected', 'NEGATIVE', 1),
             ('NAT', 'DETECTED', 'Detected', 'POSITIVE', 2),
             ('NAT', 'INVALID', 'Invalid run', 'INCONCLUSIVE', 3)) as r (kind, code, label, meaning, sort_order)
  on r.kind = t.kind;

-- The panels. Other human cells have none on purpose: what applies depends on the cells (blood,
-- leukocyte-rich or not), so QA writes that panel; until then such donors stay pending.
insert into screening_panel (id, source_type, jurisdiction, source, version, changed_by)
select gen_random_uuid(), s.source_type, j.jurisdiction, j.source, 1, 'system'
from (values ('UMBILICAL_CORD_MSC'), ('BONE_MARROW_MSC'), ('ADIPOSE_MSC')) as s (source_type)
cross join (values
  ('US', '21 CFR 1271.80 (timing of the donor specimen) and 1271.85 (tests by type of cells or tissue); FDA, Testing Donors of Human Cells, Tissues, and Cellular and Tissue-Based Products (HCT/P): Specific Requirements'),
  ('EU', 'Commission Directive 2006/17/EC, Annex II (laboratory tests required for donors other than of reproductive cells), as amended by Directive 2012/39/EU'),
  ('KR', 'UNVERIFIED: MFDS, Regulation on Cosmetics Safety Standards (화장품 안전기준 등에 관한 규정), Annex 3, safety standard for human cell and tissue culture media: donor eligibility testing (공여자 적격성검사); its list of tests was not read')
) as j (jurisdiction, source);

-- US: every donor (1271.85(a) and FDA's list of tests); donors of viable, leukocyte-rich cells
-- (bone marrow) also HTLV-I/II and CMV (1271.85(b)). Specimen within 7 days of recovery, bone
-- marrow up to 30 days before (1271.80(b)). The leukocyte-rich list was read in secondary sources only.
insert into screening_panel_test (id, panel_id, test_code, days_before, days_after, source, verified, added_by)
select gen_random_uuid(), p.id, t.test_code,
       case when p.source_type = 'BONE_MARROW_MSC' then 30 else 7 end, 7,
       t.source || case when p.source_type = 'BONE_MARROW_MSC'
           then '. Window: 21 CFR 1271.80(b)(1), bone marrow donor specimen up to 30 days before recovery (7 days after: the general rule of 1271.80(b))'
           else '. Window: 21 CFR 1271.80(b), specimen at recovery or up to 7 days before or after' end,
       not t.leukocyte_rich_only, 'system'
from screening_panel p
join (values
  ('ANTI_HIV_1_2', '21 CFR 1271.85(a): HIV type 1 and type 2 (anti-HIV-1 or combined anti-HIV-1/2)', false),
  ('HIV_1_NAT', 'FDA, Testing Donors of HCT/Ps: Specific Requirements: FDA-licensed screening NAT for HIV-1', false),
  ('HBSAG', '21 CFR 1271.85(a) and FDA, Testing Donors of HCT/Ps: Specific Requirements: HBsAg', false),
  ('ANTI_HBC', '21 CFR 1271.85(a) and FDA, Testing Donors of HCT/Ps: Specific Requirements: total anti-HBc (IgG and IgM)', false),
  ('HBV_NAT', 'FDA guidance, Use of Nucleic Acid Tests to Reduce the Risk of Transmission of HBV from Donors of HCT/Ps (August 2016; incorporated in FDA-2022-D-0465, January 2025)', false),
  ('ANTI_HCV', '21 CFR 1271.85(a) and FDA, Testing Donors of HCT/Ps: Specific Requirements: anti-HCV', false),
  ('HCV_NAT', 'FDA, Testing Donors of HCT/Ps: Specific Requirements: FDA-licensed screening NAT for HCV', false),
  ('SYPHILIS', '21 CFR 1271.85(a): Treponema pallidum', false),
  ('ANTI_HTLV_I_II', 'UNVERIFIED (the list for leukocyte-rich cells was read in a secondary source): 21 CFR 1271.85(b), HTLV types I and II for donors of viable, leukocyte-rich cells or tissue', true),
  ('ANTI_CMV', 'UNVERIFIED (the list for leukocyte-rich cells was read in a secondary source): 21 CFR 1271.85(b), cytomegalovirus for donors of viable, leukocyte-rich cells or tissue. Exotrace treats a reactive result as ineligible, which may be stricter than the rule (UNVERIFIED: release from CMV-reactive donors under an SOP, not modelled)', true)
) as t (test_code, source, leukocyte_rich_only)
  on t.leukocyte_rich_only = false or p.source_type = 'BONE_MARROW_MSC'
where p.jurisdiction = 'US';

-- EU: the minimum of Annex II 1.1 for every donor; HTLV-I of 1.2 applies to donors from
-- high-prevalence areas, which Exotrace does not record, so the seeded panels require it of every
-- donor (lab policy). Living donors: the donation sample at donation or within 7 days after
-- (2.5); NAT for HIV, HBV and HCV on that sample replaces the repeat sample after 180 days
-- (2.5, lab policy to choose NAT). Bone marrow: within 30 days before donation (2.6), no NAT
-- alternative: UNVERIFIED (2.6 read in a secondary source only).
insert into screening_panel_test (id, panel_id, test_code, days_before, days_after, source, verified, added_by)
select gen_random_uuid(), p.id, t.test_code,
       case when p.source_type = 'BONE_MARROW_MSC' then 30 else 0 end,
       case when p.source_type = 'BONE_MARROW_MSC' then 0 else 7 end,
       t.source || case when p.source_type = 'BONE_MARROW_MSC'
           then '. Window: Annex II 2.6, samples within 30 days before donation for allogeneic bone marrow donors (UNVERIFIED: 2.6 read in a secondary source, JPAC Red Book annex 7)'
           else '. Window: Annex II 2.5, living donors: sample at the time of donation or, if not possible, within 7 days after' end,
       p.source_type <> 'BONE_MARROW_MSC', 'system'
from screening_panel p
join (values
  ('ANTI_HIV_1_2', 'Directive 2006/17/EC, Annex II 1.1: HIV 1 and 2, Anti-HIV-1,2', false),
  ('HBSAG', 'Directive 2006/17/EC, Annex II 1.1: Hepatitis B, HBsAg', false),
  ('ANTI_HBC', 'Directive 2006/17/EC, Annex II 1.1: Hepatitis B, Anti-HBc (1.3: anti-HBc positive with HBsAg negative needs a risk assessment; Exotrace treats it as ineligible)', false),
  ('ANTI_HCV', 'Directive 2006/17/EC, Annex II 1.1: Hepatitis C, Anti-HCV-Ab', false),
  ('SYPHILIS', 'Directive 2006/17/EC, Annex II 1.1 and 1.4: a validated algorithm excluding active Treponema pallidum infection', false),
  ('ANTI_HTLV_I_II', 'Directive 2006/17/EC, Annex II 1.2 as amended by Directive 2012/39/EU: HTLV-I antibody for donors living in or originating from high-prevalence areas; required of every donor here because Exotrace does not record donor origin (lab policy)', false),
  ('HIV_1_NAT', 'Directive 2006/17/EC, Annex II 2.5: NAT for HIV on the donation sample, instead of a repeat sample after 180 days (lab policy to choose NAT)', true),
  ('HBV_NAT', 'Directive 2006/17/EC, Annex II 2.5: NAT for HBV on the donation sample, instead of a repeat sample after 180 days (lab policy to choose NAT)', true),
  ('HCV_NAT', 'Directive 2006/17/EC, Annex II 2.5: NAT for HCV on the donation sample, instead of a repeat sample after 180 days (lab policy to choose NAT)', true)
) as t (test_code, source, living_donor_nat)
  on t.living_donor_nat = false or p.source_type <> 'BONE_MARROW_MSC'
where p.jurisdiction = 'EU';

-- KR: UNVERIFIED throughout. The MFDS standard for human cell and tissue culture media in
-- cosmetics requires donor eligibility tests; the tests below are those an MFDS-funded study
-- (2006) made essential for tissue donors, with HTLV for leukocyte-rich cells (bone marrow) as in
-- the MFDS 2021 amendment for advanced biologics; the window is assumed, not read.
insert into screening_panel_test (id, panel_id, test_code, days_before, days_after, source, verified, added_by)
select gen_random_uuid(), p.id, t.test_code, 7, 7,
       'UNVERIFIED: ' || t.source || '. Window assumed (7 days before to 7 days after collection), not read in an MFDS text', false, 'system'
from screening_panel p
join (values
  ('ANTI_HIV_1_2', 'MFDS culture-medium safety standard, donor eligibility testing: HIV', false),
  ('HBSAG', 'MFDS culture-medium safety standard, donor eligibility testing: hepatitis B', false),
  ('ANTI_HCV', 'MFDS culture-medium safety standard, donor eligibility testing: hepatitis C', false),
  ('SYPHILIS', 'MFDS culture-medium safety standard, donor eligibility testing: syphilis (Treponema pallidum)', false),
  ('ANTI_HTLV_I_II', 'MFDS 2021 amendment of the regulation on advanced biopharmaceuticals (human cells): HTLV tested only for leukocyte-rich cells such as bone marrow (press report)', true)
) as t (test_code, source, leukocyte_rich_only)
  on t.leukocyte_rich_only = false or p.source_type = 'BONE_MARROW_MSC'
where p.jurisdiction = 'KR';
