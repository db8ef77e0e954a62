-- Advocacy: call-in and visit campaigns tied to a defense case, the places they ask
-- people to call or visit, and anonymous per-day counts of "I called".
--
-- Scope (DESIGN "Scope"): a target is a detention facility or a public office (an
-- official's office, a field office's front desk). Targets hold office data only: name,
-- phones, address, hours. No officer names, no locations of enforcement activity,
-- nothing that follows or identifies officers.

CREATE TABLE call_campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  -- Scripts usually name the detained person: deleting the case (right to be forgotten)
  -- deletes its campaigns with it.
  case_id uuid NOT NULL REFERENCES cases(id) ON DELETE CASCADE,
  kind text NOT NULL DEFAULT 'call' CHECK (kind IN ('call', 'visit')),
  title_es text NOT NULL,
  title_en text NOT NULL,
  ask_es text NOT NULL,
  ask_en text NOT NULL,
  script_es text NOT NULL,
  script_en text NOT NULL,
  open boolean NOT NULL DEFAULT true,
  public boolean NOT NULL DEFAULT false,
  -- Lower case, accents stripped (both titles). Written by the app.
  search_text text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  -- Lets the tables below reference (org_id, call_campaign_id): a row can't point across orgs.
  UNIQUE (org_id, id)
);
CREATE INDEX call_campaigns_org_created_idx ON call_campaigns (org_id, created_at DESC, id);
CREATE INDEX call_campaigns_org_case_idx ON call_campaigns (org_id, case_id);
CREATE INDEX call_campaigns_search_trgm_idx ON call_campaigns USING gin (search_text gin_trgm_ops);

-- Office data copied when the target is added (from the facilities directory or typed in),
-- so the public page never reads another module's tables and the directory's private
-- notes are never copied. facility_id only remembers where a copy came from.
CREATE TABLE advocacy_targets (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  call_campaign_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('facility', 'office')),
  facility_id uuid REFERENCES facilities(id) ON DELETE SET NULL,
  name text NOT NULL,
  phones jsonb NOT NULL DEFAULT '[]'::jsonb,
  address text,
  hours text,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, call_campaign_id) REFERENCES call_campaigns (org_id, id) ON DELETE CASCADE
);
CREATE INDEX advocacy_targets_campaign_idx ON advocacy_targets (org_id, call_campaign_id, position);

-- One row per campaign and day (in the organization's time zone). No personal data:
-- not who called, not from where, not at what time of day.
CREATE TABLE advocacy_call_counts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  call_campaign_id uuid NOT NULL,
  day date NOT NULL,
  count integer NOT NULL DEFAULT 0 CHECK (count >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, call_campaign_id) REFERENCES call_campaigns (org_id, id) ON DELETE CASCADE,
  UNIQUE (org_id, call_campaign_id, day)
);
