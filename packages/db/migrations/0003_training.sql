-- Companion training: lessons read and knowledge tests taken on the companion's phone (synced like household
-- records), group training events with participants whose answer sheets a facilitator may enter from paper, and
-- the skill check a midwife or cadre observes. Facility-keyed and append-only like the rest.

CREATE TABLE training_session (
  facility_id uuid NOT NULL REFERENCES facility (id),
  id uuid NOT NULL,
  held_on date NOT NULL,
  place text NOT NULL CHECK (length(place) BETWEEN 1 AND 200),
  facilitators text NOT NULL CHECK (length(facilitators) BETWEEN 1 AND 300),
  notes text CHECK (length(notes) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id)
);

-- Someone at a group training: an existing companion account, or a walk-in known by name (and maybe a phone), who
-- can be invited as a companion later.
CREATE TABLE training_participant (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  session_id uuid NOT NULL,
  user_id uuid,
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  phone text CHECK (phone ~ '^[0-9]{7,15}$'),
  attended boolean NOT NULL DEFAULT true,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, session_id) REFERENCES training_session (facility_id, id),
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id)
);
CREATE UNIQUE INDEX training_participant_user ON training_participant (facility_id, session_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX training_participant_session ON training_participant (facility_id, session_id);

-- Attendance can be corrected, and a walk-in can be linked once to the companion account they were invited to;
-- everything else is append-only.
CREATE FUNCTION lancar_training_participant_attendance_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.facility_id <> OLD.facility_id OR NEW.id <> OLD.id OR NEW.session_id <> OLD.session_id
     OR (OLD.user_id IS NOT NULL AND NEW.user_id IS DISTINCT FROM OLD.user_id) OR NEW.display_name <> OLD.display_name
     OR NEW.phone IS DISTINCT FROM OLD.phone THEN
    RAISE EXCEPTION 'only attendance of a training participant can change' USING ERRCODE = 'restrict_violation';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER training_participant_update BEFORE UPDATE ON training_participant
  FOR EACH ROW EXECUTE FUNCTION lancar_training_participant_attendance_only();
CREATE TRIGGER training_participant_never_deleted BEFORE DELETE ON training_participant
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();

-- A knowledge test taken once: on the companion's phone (user_id) or on paper at a group training
-- (participant_id). `score` is null for an incomplete sheet: blanks are never counted as wrong answers.
-- A corrected paper sheet is a new row that supersedes the old one.
CREATE TABLE quiz_attempt (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid,
  participant_id uuid,
  phase text NOT NULL CHECK (phase IN ('pre', 'post')),
  item_bank_version integer NOT NULL,
  answers jsonb NOT NULL,
  correct integer NOT NULL CHECK (correct >= 0),
  answered integer NOT NULL CHECK (answered >= 0),
  total integer NOT NULL CHECK (total > 0),
  score smallint CHECK (score BETWEEN 0 AND 100),
  complete boolean NOT NULL,
  source text NOT NULL CHECK (source IN ('phone', 'paper')),
  taken_at timestamptz NOT NULL,
  recorded_by uuid NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  supersedes uuid,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id),
  FOREIGN KEY (facility_id, participant_id) REFERENCES training_participant (facility_id, id),
  FOREIGN KEY (facility_id, supersedes) REFERENCES quiz_attempt (facility_id, id),
  CHECK ((user_id IS NULL) <> (participant_id IS NULL)),
  CHECK (complete = (score IS NOT NULL))
);
CREATE INDEX quiz_attempt_user ON quiz_attempt (facility_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX quiz_attempt_participant ON quiz_attempt (facility_id, participant_id) WHERE participant_id IS NOT NULL;

CREATE TABLE lesson_progress (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  lesson_id text NOT NULL CHECK (length(lesson_id) BETWEEN 1 AND 80),
  lessons_version integer NOT NULL,
  completed_at timestamptz NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id)
);
CREATE INDEX lesson_progress_user ON lesson_progress (facility_id, user_id);

-- The midwife's (or cadre's) observation of a return demonstration.
CREATE TABLE skill_check (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid,
  participant_id uuid,
  observed_by uuid NOT NULL,
  observed_at timestamptz NOT NULL,
  checklist_version integer NOT NULL,
  results jsonb NOT NULL,
  passed boolean NOT NULL,
  notes text CHECK (length(notes) <= 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id),
  FOREIGN KEY (facility_id, participant_id) REFERENCES training_participant (facility_id, id),
  CHECK ((user_id IS NULL) <> (participant_id IS NULL))
);
CREATE INDEX skill_check_user ON skill_check (facility_id, user_id) WHERE user_id IS NOT NULL;

CREATE TRIGGER quiz_attempt_append_only BEFORE UPDATE OR DELETE ON quiz_attempt
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER lesson_progress_append_only BEFORE UPDATE OR DELETE ON lesson_progress
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER skill_check_append_only BEFORE UPDATE OR DELETE ON skill_check
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER training_session_never_deleted BEFORE DELETE ON training_session
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
