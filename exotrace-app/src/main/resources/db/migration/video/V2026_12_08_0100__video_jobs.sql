-- Sizing a lot from raw NTA video: the uploaded video (a PostgreSQL large object written in the same
-- transaction as this row, so a job is either wholly stored or not at all), the camera settings it is
-- tracked with, the background job's state and progress in frames, what detection and linking found,
-- a drawing of one frame with its detections and tracks, and the NTA measurement the tracks became.
create table video_job (
    id             uuid primary key,
    lot_id         uuid not null,
    status         varchar(12) not null check (status in ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
    frames_done    integer not null default 0 check (frames_done >= 0),
    frames_total   integer check (frames_total >= 0),
    stage          varchar(200),
    filename       varchar(255) not null,
    size_bytes     bigint not null,
    sha256         char(64) not null,
    file_oid       oid not null,
    pixel_size_nm  double precision not null,
    fps            double precision not null,
    temperature_c  double precision not null,
    exposure_ms    double precision,
    instrument     varchar(200),
    measured_at    timestamptz not null,
    retest_reason  varchar(1000),
    tracking       text,
    overlay_png    bytea,
    measurement_id uuid,
    error          varchar(2000),
    submitted_by   varchar(40) not null,
    submitted_at   timestamptz not null default now(),
    started_at     timestamptz,
    finished_at    timestamptz
);
create index video_job_lot on video_job (lot_id, submitted_at desc);
create index video_job_pending on video_job (status) where status in ('QUEUED', 'RUNNING');
