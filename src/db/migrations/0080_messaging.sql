-- Messaging: consent per contact point, the outbox, broadcasts, sending settings.

-- Per organization: the hours messages may go out (NULL start/end = any time) and the
-- broadcast size above which a second organizer must approve.
CREATE TABLE messaging_settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,
  window_start text CHECK (window_start ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  window_end text CHECK (window_end ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  approval_limit integer NOT NULL DEFAULT 500 CHECK (approval_limit >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((window_start IS NULL) = (window_end IS NULL))
);

-- Append-only: a change of mind is a new row. Current consent = the latest row.
-- purpose 'all' is the global stop (revoke) and START (grant).
CREATE TABLE consent_records (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  seq bigserial NOT NULL,
  person_id uuid REFERENCES people(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  address text NOT NULL,
  purpose text NOT NULL
    CHECK (purpose IN ('hearing_reminders', 'action_reminders', 'broadcasts', 'all')),
  action text NOT NULL CHECK (action IN ('grant', 'revoke')),
  source text NOT NULL
    CHECK (source IN ('web_form', 'paper', 'verbal', 'sms_keyword', 'email_one_click')),
  wording text,
  language text CHECK (language IN ('es', 'en')),
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX consent_records_point_idx ON consent_records (org_id, channel, address, seq);
CREATE INDEX consent_records_person_idx ON consent_records (person_id);

-- A hard bounce marks the contact point: nothing more is sent to it.
CREATE TABLE contact_bounces (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  address text NOT NULL,
  reason text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, channel, address)
);

CREATE TABLE broadcasts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  segment jsonb NOT NULL,
  subject_es text,
  subject_en text,
  body_es text NOT NULL,
  body_en text NOT NULL,
  recipients integer NOT NULL,
  excluded jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'queued')),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
  queued_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX broadcasts_org_idx ON broadcasts (org_id, created_at DESC);

-- One row per message. The idempotency key (purpose + target + occurrence) makes queueing
-- the same reminder twice a no-op. A worker claims due rows with FOR UPDATE SKIP LOCKED
-- and a fresh claim token; only the holder of the token may mark the row.
CREATE TABLE outbox (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  idempotency_key text NOT NULL,
  purpose text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'sms')),
  address text NOT NULL,
  person_id uuid REFERENCES people(id) ON DELETE CASCADE,
  language text NOT NULL CHECK (language IN ('es', 'en')),
  subject text,
  body text NOT NULL,
  -- What the message is about, re-checked at send time ({"hearing": id, "at": iso}, ...).
  about jsonb NOT NULL DEFAULT '{}'::jsonb,
  essential boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'queued'
    CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'cancelled')),
  send_after timestamptz NOT NULL DEFAULT now(),
  attempts integer NOT NULL DEFAULT 0,
  claim_token uuid,
  claimed_until timestamptz,
  provider_id text,
  outcome text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX outbox_due_idx ON outbox (send_after) WHERE status IN ('queued', 'sending');
CREATE INDEX outbox_org_status_idx ON outbox (org_id, status, created_at DESC);
CREATE INDEX outbox_provider_idx ON outbox (provider_id) WHERE provider_id IS NOT NULL;
