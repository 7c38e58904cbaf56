-- Literature reviews (evidence synthesis) by a facility's researchers: imported references, two-reviewer screening
-- (PRISMA 2020), the extraction table and, from it, meta-analyses. All facility-owned, keyed (facility_id, ...).
-- Imports, references, decisions, resolutions and extractions are append-only: a reviewer's newer decision and a
-- corrected extraction are new rows that supersede the older ones, which stay as the review's history.

-- A review: its question, and the PRISMA numbers only the researcher knows (records removed by automation tools or
-- for other reasons, reports not retrieved, studies when several reports describe one study), validated at the edge.
CREATE TABLE literature_review (
  facility_id uuid NOT NULL REFERENCES facility (id),
  id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  question text CHECK (length(question) <= 2000),
  prisma_supplied jsonb NOT NULL DEFAULT '{}'::jsonb,
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, created_by) REFERENCES user_account (facility_id, id)
);

-- One import: what a database or register returned for the search (a RIS or CSV file), or the studies of the
-- evidence file that ships with Lancar ('preloaded').
CREATE TABLE literature_source (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  review_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
  kind text NOT NULL CHECK (kind IN ('database', 'register')),
  format text NOT NULL CHECK (format IN ('ris', 'csv', 'preloaded')),
  imported_by uuid NOT NULL,
  imported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, review_id) REFERENCES literature_review (facility_id, id),
  FOREIGN KEY (facility_id, imported_by) REFERENCES user_account (facility_id, id)
);
CREATE INDEX literature_source_review ON literature_source (facility_id, review_id, imported_at);

-- A record as imported. Duplicates across imports are found when the review is read, not stored, so a later
-- import can change which record of a group is kept. `evidence_study_id` names the evidence file's study for
-- preloaded records.
CREATE TABLE literature_reference (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  review_id uuid NOT NULL,
  source_id uuid NOT NULL,
  record_number integer NOT NULL CHECK (record_number >= 1),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 2000),
  authors jsonb NOT NULL DEFAULT '[]'::jsonb,
  year integer CHECK (year BETWEEN 1500 AND 2199),
  journal text CHECK (length(journal) <= 1000),
  doi text CHECK (length(doi) <= 300),
  abstract text CHECK (length(abstract) <= 20000),
  url text CHECK (length(url) <= 2000),
  keywords jsonb NOT NULL DEFAULT '[]'::jsonb,
  evidence_study_id text CHECK (length(evidence_study_id) <= 120),
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, review_id) REFERENCES literature_review (facility_id, id),
  FOREIGN KEY (facility_id, source_id) REFERENCES literature_source (facility_id, id)
);
CREATE INDEX literature_reference_review ON literature_reference (facility_id, review_id, source_id, record_number);
-- The evidence file is preloaded at most once per review.
CREATE UNIQUE INDEX literature_reference_evidence_once
  ON literature_reference (facility_id, review_id, evidence_study_id) WHERE evidence_study_id IS NOT NULL;

-- One reviewer's decision on one reference at one stage. Her newer decision supersedes the older one.
CREATE TABLE screening_decision (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  review_id uuid NOT NULL,
  reference_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('title_abstract', 'full_text')),
  reviewer_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('include', 'exclude', 'maybe')),
  reason text CHECK (length(reason) <= 500),
  decided_at timestamptz NOT NULL,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, review_id) REFERENCES literature_review (facility_id, id),
  FOREIGN KEY (facility_id, reference_id) REFERENCES literature_reference (facility_id, id),
  FOREIGN KEY (facility_id, reviewer_id) REFERENCES user_account (facility_id, id)
);
CREATE INDEX screening_decision_review ON screening_decision (facility_id, review_id, decided_at);

-- The final word on a conflict (a third reviewer or a consensus meeting); a newer resolution supersedes an older one.
CREATE TABLE screening_resolution (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  review_id uuid NOT NULL,
  reference_id uuid NOT NULL,
  stage text NOT NULL CHECK (stage IN ('title_abstract', 'full_text')),
  resolver_id uuid NOT NULL,
  decision text NOT NULL CHECK (decision IN ('include', 'exclude')),
  reason text CHECK (length(reason) <= 500),
  resolved_at timestamptz NOT NULL,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, review_id) REFERENCES literature_review (facility_id, id),
  FOREIGN KEY (facility_id, reference_id) REFERENCES literature_reference (facility_id, id),
  FOREIGN KEY (facility_id, resolver_id) REFERENCES user_account (facility_id, id)
);
CREATE INDEX screening_resolution_review ON screening_resolution (facility_id, review_id, resolved_at);

-- The extraction form of one reference (design, who massaged, co-interventions and, per outcome, the arm numbers
-- with which of them were derived rather than reported), validated at the edge. A correction is a new row that
-- supersedes the newest one.
CREATE TABLE extraction (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  review_id uuid NOT NULL,
  reference_id uuid NOT NULL,
  data jsonb NOT NULL,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL,
  supersedes uuid,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, review_id) REFERENCES literature_review (facility_id, id),
  FOREIGN KEY (facility_id, reference_id) REFERENCES literature_reference (facility_id, id),
  FOREIGN KEY (facility_id, recorded_by) REFERENCES user_account (facility_id, id),
  FOREIGN KEY (facility_id, supersedes) REFERENCES extraction (facility_id, id)
);
CREATE INDEX extraction_reference ON extraction (facility_id, review_id, reference_id, recorded_at);
-- One correction per version: two people correcting the same version at once cannot both win.
CREATE UNIQUE INDEX extraction_supersedes_once ON extraction (facility_id, supersedes) WHERE supersedes IS NOT NULL;

CREATE TRIGGER literature_source_append_only BEFORE UPDATE OR DELETE ON literature_source
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER literature_reference_append_only BEFORE UPDATE OR DELETE ON literature_reference
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER screening_decision_append_only BEFORE UPDATE OR DELETE ON screening_decision
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER screening_resolution_append_only BEFORE UPDATE OR DELETE ON screening_resolution
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER extraction_append_only BEFORE UPDATE OR DELETE ON extraction
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
