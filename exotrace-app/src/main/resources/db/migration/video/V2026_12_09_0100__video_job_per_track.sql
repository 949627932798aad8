-- Each sized track of a finished job, for the intensity-versus-size plot and its download: particle id,
-- positions, the per-track diffusion coefficient and its standard error, the diameter it gives and the
-- track's mean scattered intensity, as a gzip-compressed CSV (one row per track; tens of bytes a track
-- compressed). Written by the same update that marks the job done, so a failed job has none.
alter table video_job add column per_track_csv_gz bytea;
