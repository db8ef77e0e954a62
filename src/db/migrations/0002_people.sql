CREATE TABLE people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  display_name text NOT NULL,
  given_name text,
  family_name text,
  phone_numbers jsonb NOT NULL DEFAULT '[]'::jsonb,
  preferred_language text CHECK (preferred_language IN ('es', 'en')),
  engagement_level text NOT NULL DEFAULT 'contact'
    CHECK (engagement_level IN ('contact', 'supporter', 'active', 'core', 'leader')),
  tags text[] NOT NULL DEFAULT '{}',
  consent_email boolean NOT NULL DEFAULT false,
  consent_sms boolean NOT NULL DEFAULT false,
  notes text,
  -- AES-256-GCM ciphertexts (platform/crypto); the key never lives in the database.
  birthdate_enc text,
  home_address_enc text,
  -- Lower case, accents stripped: names, emails, phone digits. Written by the app.
  search_text text NOT NULL DEFAULT '',
  sort_name text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_org_sort_idx ON people (org_id, sort_name, id);
CREATE INDEX people_search_trgm_idx ON people USING gin (search_text gin_trgm_ops);
CREATE INDEX people_tags_idx ON people USING gin (tags);

-- Emails live in their own table so "one email, one person" is a unique index.
CREATE TABLE person_emails (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  address text NOT NULL,
  address_lower text NOT NULL,
  is_primary boolean NOT NULL DEFAULT false,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, address_lower)
);
CREATE INDEX person_emails_person_idx ON person_emails (person_id);
