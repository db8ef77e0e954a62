-- Defense cases: facilities directory, cases, family links, case team, timeline.

CREATE TABLE facilities (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name text NOT NULL,
  address text,
  phones jsonb NOT NULL DEFAULT '[]'::jsonb,
  visiting_hours text,
  notes text,
  -- Lower case, accents stripped (name, address). Written by the app.
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX facilities_org_name_idx ON facilities (org_id, name, id);
CREATE INDEX facilities_search_trgm_idx ON facilities USING gin (search_text gin_trgm_ops);

CREATE TABLE cases (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  -- Deleting a person (right to be forgotten) deletes their case with them.
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'open'
    CHECK (status IN ('open', 'detained', 'released', 'removed', 'closed')),
  facility_id uuid REFERENCES facilities(id) ON DELETE SET NULL,
  detained_on date,
  lawyer_name text,
  lawyer_contact text,
  bond_cents bigint CHECK (bond_cents IS NULL OR bond_cents > 0),
  bond_currency text NOT NULL DEFAULT 'USD',
  needs text,
  public boolean NOT NULL DEFAULT false,
  public_story_es text,
  public_story_en text,
  -- AES-256-GCM ciphertexts (platform/crypto), bound to "cases:<id>:<field>".
  a_number_enc text,
  birthdate_enc text,
  notes_enc text,
  -- Lower case, accents stripped (person's display name, lawyer). Written by the app.
  search_text text NOT NULL DEFAULT '',
  -- Last change to the case or its timeline: "no update in 30 days".
  last_activity_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cases_org_status_idx ON cases (org_id, status, last_activity_at);
CREATE INDEX cases_person_idx ON cases (person_id);
CREATE INDEX cases_facility_idx ON cases (facility_id);
CREATE INDEX cases_search_trgm_idx ON cases USING gin (search_text gin_trgm_ops);

-- Family contacts: people in the database, with how they relate to the detained person.
CREATE TABLE case_family (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  relationship text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, person_id)
);
CREATE INDEX case_family_person_idx ON case_family (person_id);

-- The users who may see the case's sensitive fields (owners always may).
CREATE TABLE case_team (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (case_id, user_id)
);
CREATE INDEX case_team_user_idx ON case_team (user_id);

-- The timeline. `occurred_at` is when it happened (or, for a scheduled hearing, when it will).
CREATE TABLE case_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind text NOT NULL CHECK (kind IN ('detained', 'transferred', 'hearing_scheduled',
    'hearing_held', 'bond_set', 'bond_posted', 'released', 'removed', 'note')),
  occurred_at timestamptz NOT NULL,
  facility_id uuid REFERENCES facilities(id) ON DELETE SET NULL,
  from_facility_id uuid REFERENCES facilities(id) ON DELETE SET NULL,
  hearing_kind text,
  court text,
  outcome text,
  amount_cents bigint CHECK (amount_cents IS NULL OR amount_cents > 0),
  currency text,
  note text,
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX case_events_case_idx ON case_events (case_id, occurred_at DESC);
CREATE INDEX case_events_hearings_idx ON case_events (org_id, kind, occurred_at);
