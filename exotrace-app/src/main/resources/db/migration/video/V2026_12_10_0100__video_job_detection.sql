-- The detection choices an analyst may state on a video upload when the automatic ones misjudge the
-- video (issue 12), as `exotrace nta video --particles, --feature-diameter-px, --threshold-sigma`.
-- Null leaves the choice to the library, as for every job stored before: the polarity decided from
-- the first frames, the feature diameter chosen from the frames, the default threshold (5 noise SDs).
-- The library checks the limits (an odd diameter of 3 to 99 px, a threshold of 1 to 100 SDs) before a
-- row is written; the constraints here only keep the meaning of the columns.
alter table video_job
  add column particles varchar(6) check (particles in ('BRIGHT', 'DARK')),
  add column feature_diameter_px integer check (feature_diameter_px > 0),
  add column threshold_sigma double precision check (threshold_sigma > 0);
