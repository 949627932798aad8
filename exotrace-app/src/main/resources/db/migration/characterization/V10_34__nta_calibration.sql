-- Detection-volume calibrations of an NTA set-up from a measured particle standard (e.g. 100 nm
-- beads of stated concentration): the standard's file (kept, with its SHA-256), what it was, the
-- estimated effective detection volume with its uncertainty, the conditions it holds for and how
-- long it is valid. A concentration is computed only with one of these (or a volume typed and
-- flagged as uncalibrated).
create table nta_calibration_sequence (
    year integer primary key,
    last bigint not null
);

create table nta_calibration (
    id                          uuid primary key,
    code                        varchar(20) not null unique,
    source                      varchar(12) not null check (source in ('TRACKS', 'NANOSIGHT')),
    instrument                  varchar(200) not null,
    camera_level                integer,
    frame_rate_fps              double precision not null check (frame_rate_fps > 0),
    standard                    varchar(300) not null,
    stated_concentration_per_ml double precision not null check (stated_concentration_per_ml > 0),
    stated_uncertainty_percent  double precision check (stated_uncertainty_percent >= 0),
    dilution                    double precision not null check (dilution >= 1),
    measured_on                 date not null,
    valid_until                 date not null check (valid_until > measured_on),
    detection_volume_pl         double precision not null check (detection_volume_pl > 0),
    uncertainty_pl              double precision not null check (uncertainty_pl >= 0),
    mean_particles_per_frame    double precision not null,
    replicates                  text not null,
    warnings                    text not null,
    software                    varchar(200),
    filename                    varchar(255) not null,
    size_bytes                  bigint not null,
    sha256                      char(64) not null,
    content                     bytea not null,
    status                      varchar(12) not null check (status in ('ACTIVE', 'WITHDRAWN')),
    withdrawn_reason            varchar(1000),
    created_by                  varchar(40) not null,
    created_at                  timestamptz not null default now()
);

alter table nta_measurement add column calibration_id uuid references nta_calibration (id);
create index nta_measurement_calibration on nta_measurement (calibration_id) where calibration_id is not null;
