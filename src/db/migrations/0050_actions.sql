-- Actions: rallies, marches, vigils, court support... planned with roles, a run of show,
-- materials, chants and pairs; RSVPs and check-ins as attendances.
--
-- Co-hosting (docs/decisions/055-action-cohosts.md): an event belongs to its host
-- organization (action_events.org_id). Another organization on the same Amparo may be
-- a co-host; its organizers add their own members to the plan. Every plan row carries
-- the org_id of the organization whose member it names (the one that wrote it), so a
-- person id always belongs to the row's org_id, and each org's rows stay its own.
-- Scope: lawful organizing only. Nothing about officers, no lists of opponents.

CREATE TABLE action_settings (
  org_id uuid PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  -- Readiness wants one marshal per this many expected people.
  people_per_marshal integer NOT NULL DEFAULT 15 CHECK (people_per_marshal BETWEEN 1 AND 1000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE action_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  slug text NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND char_length(slug) <= 80),
  kind text NOT NULL CHECK (kind IN ('rally', 'march', 'vigil', 'court_support', 'fundraiser',
    'canvass', 'meeting', 'training', 'other')),
  title_es text NOT NULL,
  title_en text NOT NULL,
  description_es text,
  description_en text,
  -- Instants; time_zone (IANA) is where the action happens, used to show and edit times.
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  time_zone text NOT NULL,
  place_name text,
  place_address text,
  meeting_point text,
  expected_turnout integer CHECK (expected_turnout IS NULL OR expected_turnout BETWEEN 0 AND 1000000),
  public boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'planned', 'done', 'cancelled')),
  case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
  campaign_id uuid REFERENCES campaigns(id) ON DELETE SET NULL,
  -- Court support: a hearing (a 'hearing_scheduled' case event). Its time and court are
  -- read through the defense module when shown, so the action follows the hearing.
  hearing_id uuid REFERENCES case_events(id) ON DELETE SET NULL,
  -- Lower case, accents stripped (titles, place, slug). Written by the app.
  search_text text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_at >= starts_at),
  UNIQUE (org_id, slug),
  UNIQUE (org_id, id)
);
CREATE INDEX action_events_org_starts_idx ON action_events (org_id, starts_at DESC, id);
CREATE INDEX action_events_public_idx ON action_events (org_id, starts_at) WHERE public;
CREATE INDEX action_events_kind_idx ON action_events (org_id, kind, starts_at);
CREATE INDEX action_events_search_trgm_idx ON action_events USING gin (search_text gin_trgm_ops);

-- Co-hosts: another organization on this Amparo (cohost_org_id), or a group listed by name.
CREATE TABLE action_cohosts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES action_events(id) ON DELETE CASCADE,
  cohost_org_id uuid REFERENCES organizations(id) ON DELETE CASCADE,
  name text CHECK (name IS NULL OR char_length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (cohost_org_id IS NOT NULL OR name IS NOT NULL),
  CHECK (cohost_org_id IS NULL OR cohost_org_id <> org_id)
);
CREATE UNIQUE INDEX action_cohosts_org_uniq ON action_cohosts (event_id, cohost_org_id)
  WHERE cohost_org_id IS NOT NULL;
CREATE UNIQUE INDEX action_cohosts_name_uniq ON action_cohosts (event_id, lower(name))
  WHERE cohost_org_id IS NULL;
CREATE INDEX action_cohosts_cohost_idx ON action_cohosts (cohost_org_id);

-- Roles: several per person (lead, deputy, marshal, ... or a custom name).
CREATE TABLE action_roles (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES action_events(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('lead', 'deputy', 'marshal', 'chant_leader', 'outreach',
    'flyers', 'speaker', 'legal_observer', 'medic', 'media', 'logistics', 'custom')),
  custom_name text CHECK (custom_name IS NULL OR char_length(custom_name) BETWEEN 1 AND 100),
  notes text CHECK (notes IS NULL OR char_length(notes) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'custom') = (custom_name IS NOT NULL))
);
CREATE UNIQUE INDEX action_roles_uniq ON action_roles (event_id, person_id, role, coalesce(lower(custom_name), ''));
CREATE INDEX action_roles_person_idx ON action_roles (person_id);

-- Run of show: timed steps, each with an owner.
CREATE TABLE action_steps (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES action_events(id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
  owner_person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_steps_event_idx ON action_steps (event_id, at);

CREATE TABLE action_materials (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES action_events(id) ON DELETE CASCADE,
  item text NOT NULL CHECK (char_length(item) BETWEEN 1 AND 200),
  quantity integer NOT NULL DEFAULT 1 CHECK (quantity BETWEEN 1 AND 100000),
  bringer_person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'needed' CHECK (status IN ('needed', 'assigned', 'packed', 'brought')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX action_materials_event_idx ON action_materials (event_id, created_at);

-- Chant sheet: call and response in both languages (either may be missing), in order.
CREATE TABLE action_chants (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES action_events(id) ON DELETE CASCADE,
  position integer NOT NULL DEFAULT 0,
  call_es text,
  response_es text,
  call_en text,
  response_en text,
  leader_person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (call_es IS NOT NULL OR call_en IS NOT NULL)
);
CREATE INDEX action_chants_event_idx ON action_chants (event_id, position);

-- RSVPs and attendance. One row per event and person: a second check-in changes nothing.
CREATE TABLE action_attendances (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES action_events(id) ON DELETE CASCADE,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('invited', 'going', 'maybe', 'declined', 'attended', 'no_show')),
  checked_in_at timestamptz,
  source text NOT NULL DEFAULT 'staff' CHECK (source IN ('staff', 'public', 'api')),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (event_id, person_id)
);
CREATE INDEX action_attendances_person_idx ON action_attendances (person_id);
CREATE INDEX action_attendances_checkin_idx ON action_attendances (event_id, checked_in_at)
  WHERE checked_in_at IS NOT NULL;

-- Pairs: each newcomer stands next to one organizer.
CREATE TABLE action_pairs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL REFERENCES action_events(id) ON DELETE CASCADE,
  organizer_person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  newcomer_person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (organizer_person_id <> newcomer_person_id),
  UNIQUE (event_id, newcomer_person_id)
);
CREATE INDEX action_pairs_organizer_idx ON action_pairs (event_id, organizer_person_id);
