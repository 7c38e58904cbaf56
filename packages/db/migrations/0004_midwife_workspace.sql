-- The midwife's workspace: alerts become tasks, postnatal visits, and messages to households.
-- All facility-owned, keyed (facility_id, ...), append-only: a task moves on by adding an action, a visit is
-- corrected by a row that supersedes it, a message is never edited.

-- Alerts from rules that look at time rather than at one record (no massage for 2 days, no sync for 3 days,
-- "not adequate" 3 days in a row) have no triggering entry; `episode` names the stretch they are about (for
-- example 'since:2026-11-20'), so one stretch raises one alert. `rule_version` is the version of the alert rules
-- that raised it.
ALTER TABLE alert ADD COLUMN episode text CHECK (length(episode) BETWEEN 1 AND 80);
ALTER TABLE alert ADD COLUMN rule_version integer;
CREATE UNIQUE INDEX alert_episode_once ON alert (facility_id, mother_id, sign_id, episode) WHERE episode IS NOT NULL;
CREATE INDEX alert_mother ON alert (facility_id, mother_id, raised_at);

-- What a midwife did about an alert. The newest action is the task's state: acknowledged (seen, on it), acted
-- (what she did, e.g. called, visited, referred), closed (with the outcome).
CREATE TABLE alert_action (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  alert_id uuid NOT NULL,
  mother_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('acknowledged', 'acted', 'closed')),
  action_taken text CHECK (action_taken IN ('phoned', 'home_visit', 'facility_visit', 'referred', 'advised', 'other')),
  outcome text CHECK (outcome IN ('resolved', 'referred', 'improving', 'no_problem_found', 'other')),
  note text CHECK (length(note) <= 1000),
  acted_by uuid NOT NULL,
  acted_at timestamptz NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, alert_id) REFERENCES alert (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id),
  FOREIGN KEY (facility_id, acted_by) REFERENCES user_account (facility_id, id)
);
CREATE INDEX alert_action_alert ON alert_action (facility_id, alert_id, acted_at);

-- A postnatal visit by the midwife (KF1: 6-48 hours, KF2: days 3-7, KF3: days 8-28, KF4: days 29-42), what she
-- observed, and notes. A correction is a new row that supersedes the old one.
CREATE TABLE visit (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  mother_id uuid NOT NULL,
  visit_code text NOT NULL CHECK (visit_code IN ('KF1', 'KF2', 'KF3', 'KF4', 'other')),
  visited_at timestamptz NOT NULL,
  place text NOT NULL CHECK (place IN ('home', 'facility', 'phone')),
  -- What was observed, validated at the edge: mother's temperature, breasts, baby's weight and jaundice, a feed.
  observations jsonb NOT NULL DEFAULT '{}'::jsonb,
  notes text CHECK (length(notes) <= 2000),
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  supersedes uuid,
  voided boolean NOT NULL DEFAULT false,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id),
  FOREIGN KEY (facility_id, supersedes) REFERENCES visit (facility_id, id)
);
CREATE INDEX visit_mother ON visit (facility_id, mother_id, visited_at);

-- A short message from the midwife to a household; the phones pull it with the other changes (seq).
CREATE TABLE household_message (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  mother_id uuid NOT NULL,
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 500),
  sent_by uuid NOT NULL,
  sent_at timestamptz NOT NULL DEFAULT now(),
  seq bigint NOT NULL,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id),
  FOREIGN KEY (facility_id, sent_by) REFERENCES user_account (facility_id, id)
);
CREATE INDEX household_message_mother ON household_message (facility_id, mother_id, sent_at);
CREATE INDEX household_message_seq ON household_message (facility_id, seq);

CREATE TRIGGER alert_action_append_only BEFORE UPDATE OR DELETE ON alert_action
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER visit_append_only BEFORE UPDATE OR DELETE ON visit
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER household_message_append_only BEFORE UPDATE OR DELETE ON household_message
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
