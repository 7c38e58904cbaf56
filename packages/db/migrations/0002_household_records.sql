-- Household records and offline sync: what mothers and companions log on their phones, the midwife's care plan
-- (which massage protocol), the alerts those records raise, and the log that makes every pushed mutation apply
-- exactly once. All facility-owned, keyed (facility_id, ...), append-only.

-- One counter per facility, bumped in the same transaction as every change a phone may pull. Holding its row lock
-- until commit orders the changes of one facility by commit, so a pull never skips a change committed late.
CREATE TABLE facility_sync (
  facility_id uuid PRIMARY KEY REFERENCES facility (id),
  seq bigint NOT NULL DEFAULT 0
);

-- The massage protocol a midwife assigned to a mother. The newest row is the current plan.
CREATE TABLE care_plan (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  mother_id uuid NOT NULL,
  protocol_id text NOT NULL CHECK (length(protocol_id) BETWEEN 1 AND 80),
  -- The day the protocol is continued to, when the midwife extends it (e.g. to day 14); NULL: as the protocol says.
  extended_to_day smallint CHECK (extended_to_day BETWEEN 1 AND 42),
  assigned_by uuid,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id)
);
CREATE INDEX care_plan_mother ON care_plan (facility_id, mother_id, assigned_at);
CREATE INDEX care_plan_seq ON care_plan (facility_id, seq);

-- Everything a household logs: massage sessions, feeds, expressed milk, nappies, weights, the mother's state,
-- the daily adequacy checklist, danger reports. A correction or a removal is a new row that supersedes the old one.
CREATE TABLE household_entry (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  mother_id uuid NOT NULL,
  baby_id uuid,
  kind text NOT NULL CHECK (kind IN ('massage_session', 'feed', 'expression', 'nappy', 'weight', 'mother_state',
                                     'adequacy_check', 'danger_report', 'void')),
  -- Clinical time as the phone recorded it, and the phone's UTC offset then (WIB +420, WITA +480, WIT +540).
  occurred_at timestamptz NOT NULL,
  tz_offset_min smallint NOT NULL CHECK (tz_offset_min BETWEEN -720 AND 840),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  supersedes uuid,
  data jsonb NOT NULL,
  schema_version smallint NOT NULL DEFAULT 1,
  seq bigint NOT NULL,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id),
  FOREIGN KEY (facility_id, baby_id) REFERENCES baby (facility_id, id),
  FOREIGN KEY (facility_id, supersedes) REFERENCES household_entry (facility_id, id)
);
CREATE INDEX household_entry_mother ON household_entry (facility_id, mother_id, occurred_at);
CREATE INDEX household_entry_seq ON household_entry (facility_id, seq);

-- Every mutation a phone pushed, applied or refused, so a mutation sent again is answered the same way and never
-- applied twice.
CREATE TABLE sync_mutation (
  facility_id uuid NOT NULL,
  mutation_id uuid NOT NULL,
  device_id text NOT NULL CHECK (length(device_id) BETWEEN 1 AND 100),
  user_id uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL CHECK (status IN ('applied', 'rejected')),
  problem jsonb,
  PRIMARY KEY (facility_id, mutation_id)
);

-- A danger sign found in a household's records, for the midwife. Raised once per sign and triggering record.
CREATE TABLE alert (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  mother_id uuid NOT NULL,
  sign_id text NOT NULL CHECK (length(sign_id) BETWEEN 1 AND 80),
  severity text NOT NULL CHECK (severity IN ('immediate', 'soon')),
  entry_id uuid,
  raised_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id)
);
CREATE UNIQUE INDEX alert_once ON alert (facility_id, mother_id, sign_id, entry_id);
CREATE INDEX alert_seq ON alert (facility_id, seq);

CREATE TRIGGER household_entry_append_only BEFORE UPDATE OR DELETE ON household_entry
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER care_plan_append_only BEFORE UPDATE OR DELETE ON care_plan
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER sync_mutation_append_only BEFORE UPDATE OR DELETE ON sync_mutation
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
