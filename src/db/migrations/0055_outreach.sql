-- Outreach: flyering and canvass shifts, standalone or linked to an action.
-- How the conversations went is kept as counts only: people who were not interested are
-- never recorded by name (DESIGN "Scope"). Sign-ups link to people.

CREATE TABLE outreach_shifts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  -- Same organization as the shift (composite key); the shift stays if the action goes.
  event_id uuid,
  kind text NOT NULL CHECK (kind IN ('flyering', 'canvassing')),
  area text NOT NULL CHECK (char_length(area) BETWEEN 1 AND 200),
  -- Instants; time_zone (IANA) is where the shift happens, used to show and edit times.
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  time_zone text NOT NULL,
  flyers integer NOT NULL DEFAULT 0 CHECK (flyers BETWEEN 0 AND 100000),
  conversations integer NOT NULL DEFAULT 0 CHECK (conversations BETWEEN 0 AND 100000),
  receptive integer NOT NULL DEFAULT 0 CHECK (receptive >= 0),
  neutral integer NOT NULL DEFAULT 0 CHECK (neutral >= 0),
  not_interested integer NOT NULL DEFAULT 0 CHECK (not_interested >= 0),
  notes text CHECK (notes IS NULL OR char_length(notes) <= 2000),
  -- Lower case, accents stripped (area, notes). Written by the app.
  search_text text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (receptive + neutral + not_interested <= conversations),
  CHECK (ends_at > starts_at),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, event_id) REFERENCES action_events (org_id, id) ON DELETE SET NULL (event_id)
);
CREATE INDEX outreach_shifts_org_starts_idx ON outreach_shifts (org_id, starts_at DESC, id);
CREATE INDEX outreach_shifts_event_idx ON outreach_shifts (org_id, event_id) WHERE event_id IS NOT NULL;

-- Who was on the shift, and who signed up during it: both link to people.
CREATE TABLE outreach_shift_people (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  shift_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  part text NOT NULL CHECK (part IN ('team', 'sign_up')),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, shift_id) REFERENCES outreach_shifts (org_id, id) ON DELETE CASCADE,
  UNIQUE (shift_id, part, person_id)
);
CREATE INDEX outreach_shift_people_person_idx ON outreach_shift_people (person_id);
