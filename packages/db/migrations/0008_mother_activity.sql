-- What the caseload shows about each mother from her household's entries (last sync, newest checklist and weight,
-- massage sessions per day of life), kept up to date by the sync push that brings the entries. Derived data: it is
-- rebuilt from household_entry whenever a row is missing (after this migration, a restore, the demo), so it is
-- not in backups. Reading it instead of the entries makes a caseload page of 2,000 mothers one small query.
CREATE TABLE mother_activity (
  facility_id uuid NOT NULL,
  mother_id uuid NOT NULL,
  last_sync_at timestamptz,
  adequacy text CHECK (adequacy IN ('adequate', 'not_adequate', 'incomplete')),
  adequacy_day integer,
  weight_g integer,
  weight_baby_id uuid,
  -- {"<day of life>": <sessions done>}, safety stops and superseded entries left out.
  massage_done_by_day jsonb NOT NULL DEFAULT '{}'::jsonb,
  refreshed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, mother_id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id)
);

