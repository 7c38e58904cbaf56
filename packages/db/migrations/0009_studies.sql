-- Research studies on the programme's own records: what a researcher defines (design, arms, outcomes, time points,
-- eligibility) and the mothers enrolled in it. Facility-owned, keyed (facility_id, ...).

-- A study. `definition` is the StudyDefinition (packages/domain research/study-design.ts), checked before it is
-- stored. `allocation` is the concealed randomisation sequence of a randomised study: it stays in the database and
-- is never sent to any client (whoever can see upcoming allocations can choose whom to enrol next). It grows when a
-- stratum runs out, existing blocks kept as they are.
CREATE TABLE study (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  definition jsonb NOT NULL,
  status text NOT NULL CHECK (status IN ('draft', 'recruiting', 'closed')),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  allocation jsonb,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, created_by) REFERENCES user_account (facility_id, id)
);

-- A mother enrolled in a study, in the order of enrolment within her stratum. `position` is her place in the
-- stratum's allocation sequence: the unique key on it means two enrolments at the same moment can never take the
-- same allocation (the second fails and is retried). `arm_id` is null in a one-group (pre-post) study.
-- Enrolment is permanent: a mother who withdraws stays enrolled (intention to treat).
CREATE TABLE study_enrolment (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  study_id uuid NOT NULL,
  mother_id uuid NOT NULL,
  stratum_key text NOT NULL CHECK (length(stratum_key) BETWEEN 1 AND 200),
  position integer NOT NULL CHECK (position >= 0),
  arm_id text CHECK (length(arm_id) BETWEEN 1 AND 60),
  enrolled_by uuid NOT NULL,
  enrolled_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  UNIQUE (facility_id, study_id, mother_id),
  UNIQUE (facility_id, study_id, stratum_key, position),
  FOREIGN KEY (facility_id, study_id) REFERENCES study (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id),
  FOREIGN KEY (facility_id, enrolled_by) REFERENCES user_account (facility_id, id)
);
CREATE INDEX study_enrolment_study ON study_enrolment (facility_id, study_id, enrolled_at);

CREATE TRIGGER study_enrolment_append_only BEFORE UPDATE OR DELETE ON study_enrolment
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER study_never_deleted BEFORE DELETE ON study
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
