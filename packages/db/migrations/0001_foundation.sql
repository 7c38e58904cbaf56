-- Lancar foundation schema: facilities, accounts, sessions, mothers, babies, companions, audit.
-- Rules (docs/decisions/0002-postgres-everywhere-pglite-embedded.md):
--  * every facility-owned table has PRIMARY KEY (facility_id, id) and foreign keys that include facility_id,
--    so the tables can be distributed on facility_id (Citus) without changing a query;
--  * ids are UUIDs made by the client (UUIDv7), never sequences;
--  * clinical rows are never deleted: removal is a void marker, enforced by triggers below;
--  * "directory" tables (login_name, activation_code, login_throttle) are looked up before the facility is
--    known and are keyed by what is looked up; they hold no health data.

CREATE TABLE facility (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('puskesmas', 'hospital', 'clinic', 'other')),
  district text NOT NULL CHECK (length(district) BETWEEN 1 AND 120),
  province text NOT NULL CHECK (length(province) BETWEEN 1 AND 120),
  phone text CHECK (phone ~ '^[0-9]{7,15}$'),
  is_demo boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE user_account (
  facility_id uuid NOT NULL REFERENCES facility (id),
  id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('companion', 'mother', 'midwife', 'cadre', 'facility_admin', 'researcher', 'system_admin')),
  display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 120),
  username text CHECK (username ~ '^[a-z][a-z0-9._-]{2,31}$'),
  phone text CHECK (phone ~ '^[0-9]{7,15}$'),
  -- PHC string ($scrypt$ln=17,r=8,p=1$salt$hash); NULL until the person sets a password with an activation code.
  password_hash text,
  status text NOT NULL CHECK (status IN ('pending', 'active', 'disabled')),
  locale text NOT NULL DEFAULT 'id' CHECK (locale IN ('id', 'en')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (facility_id, id),
  CHECK (status <> 'active' OR password_hash IS NOT NULL)
);

-- What a person types to log in (a username, or "tel:<digits>"), pointing at the account.
CREATE TABLE login_name (
  name text PRIMARY KEY,
  facility_id uuid NOT NULL,
  user_id uuid NOT NULL,
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id)
);
CREATE INDEX login_name_user ON login_name (facility_id, user_id);

-- Server-side sessions: the cookie carries facility id, session id and a secret; only the secret's hash is stored.
CREATE TABLE auth_session (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  user_id uuid NOT NULL,
  token_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  user_agent text,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id)
);
CREATE INDEX auth_session_user ON auth_session (facility_id, user_id) WHERE revoked_at IS NULL;

-- Activation codes are typed on a phone that does not know its facility yet, so they are keyed by the code's hash.
CREATE TABLE activation_code (
  code_hash text PRIMARY KEY,
  facility_id uuid NOT NULL,
  user_id uuid NOT NULL,
  issued_by uuid,
  issued_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  revoked_at timestamptz,
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id)
);
CREATE INDEX activation_code_user ON activation_code (facility_id, user_id);

-- Failed logins per login name and per client address, shared by every server process.
CREATE TABLE login_throttle (
  key text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

CREATE TABLE mother (
  facility_id uuid NOT NULL REFERENCES facility (id),
  id uuid NOT NULL,
  user_id uuid,
  -- What researchers see instead of her identity.
  pseudonym text NOT NULL CHECK (pseudonym ~ '^P-[0-9A-Z]{6}$'),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 120),
  nik text CHECK (nik ~ '^[0-9]{16}$'),
  phone text CHECK (phone ~ '^[0-9]{7,15}$'),
  village text CHECK (length(village) <= 120),
  address text CHECK (length(address) <= 500),
  date_of_birth date,
  delivered_at timestamptz,
  delivery_mode text CHECK (delivery_mode IN ('vaginal', 'caesarean')),
  parity text CHECK (parity IN ('primipara', 'multipara')),
  gestational_age_weeks smallint CHECK (gestational_age_weeks BETWEEN 20 AND 45),
  consent_care boolean NOT NULL,
  consent_research boolean NOT NULL DEFAULT false,
  version integer NOT NULL DEFAULT 1,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  voided_at timestamptz,
  void_reason text,
  PRIMARY KEY (facility_id, id),
  UNIQUE (facility_id, pseudonym),
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id)
);
CREATE UNIQUE INDEX mother_user ON mother (facility_id, user_id) WHERE user_id IS NOT NULL;

CREATE TABLE baby (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  mother_id uuid NOT NULL,
  name text CHECK (length(name) <= 120),
  sex text NOT NULL CHECK (sex IN ('female', 'male', 'unknown')),
  birth_weight_g integer CHECK (birth_weight_g BETWEEN 300 AND 7000),
  birth_order smallint NOT NULL DEFAULT 1 CHECK (birth_order BETWEEN 1 AND 5),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  voided_at timestamptz,
  void_reason text,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id)
);
CREATE INDEX baby_mother ON baby (facility_id, mother_id);

-- A companion (husband, family member, cadre) linked to the mother whose household they support.
CREATE TABLE companion_link (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  mother_id uuid NOT NULL,
  user_id uuid NOT NULL,
  relationship text NOT NULL CHECK (relationship IN ('husband', 'family', 'cadre', 'other')),
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  ended_at timestamptz,
  PRIMARY KEY (facility_id, id),
  FOREIGN KEY (facility_id, mother_id) REFERENCES mother (facility_id, id),
  FOREIGN KEY (facility_id, user_id) REFERENCES user_account (facility_id, id)
);
CREATE UNIQUE INDEX companion_link_active ON companion_link (facility_id, mother_id, user_id) WHERE ended_at IS NULL;
CREATE INDEX companion_link_user ON companion_link (facility_id, user_id) WHERE ended_at IS NULL;

-- Who touched a mother's identifiable data, what they did, when and why. Append-only.
CREATE TABLE audit_event (
  facility_id uuid NOT NULL,
  id uuid NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid,
  actor_role text,
  action text NOT NULL CHECK (action IN ('read', 'list', 'create', 'update', 'export', 'login', 'logout', 'activate', 'issue_code')),
  subject_type text NOT NULL,
  subject_id uuid,
  purpose text NOT NULL CHECK (purpose IN ('care', 'self', 'household', 'administration', 'research', 'system')),
  detail jsonb,
  PRIMARY KEY (facility_id, id)
);
CREATE INDEX audit_event_at ON audit_event (facility_id, at);
CREATE INDEX audit_event_subject ON audit_event (facility_id, subject_id);

CREATE FUNCTION lancar_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are never % (clinical and audit records are append-only; use a void marker)',
    TG_TABLE_NAME, lower(TG_OP) USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER mother_never_deleted BEFORE DELETE ON mother
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER baby_never_deleted BEFORE DELETE ON baby
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
CREATE TRIGGER companion_link_never_deleted BEFORE DELETE ON companion_link
  FOR EACH ROW EXECUTE FUNCTION lancar_refuse_change();
