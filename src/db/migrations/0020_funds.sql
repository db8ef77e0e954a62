-- Funds: campaigns, an append-only double-entry ledger, gifts, disbursements, bonds.
-- Balances are never stored: they are computed from ledger_entries (funds/ledger.ts).

-- One row per organization at most; no row means the defaults.
CREATE TABLE funds_settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,
  -- Above this amount, a disbursement must be approved by someone other than its requester.
  approval_threshold_cents bigint NOT NULL DEFAULT 50000 CHECK (approval_threshold_cents >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE campaigns (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  slug text NOT NULL,
  title_es text NOT NULL,
  title_en text NOT NULL,
  story_es text,
  story_en text,
  goal_cents bigint NOT NULL CHECK (goal_cents > 0),
  currency text NOT NULL DEFAULT 'USD' CHECK (currency IN ('USD', 'MXN', 'EUR', 'JPY')),
  -- Ascending steps on the way to the goal, e.g. {100000, 500000}.
  milestones_cents bigint[] NOT NULL DEFAULT '{}',
  -- A case may be deleted with its person (right to be forgotten); the money stays.
  case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
  open boolean NOT NULL DEFAULT true,
  public boolean NOT NULL DEFAULT false,
  -- Lower case, accents stripped (titles, slug). Written by the app.
  search_text text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, slug),
  -- Lets the tables below reference (org_id, campaign_id): a row can't point across orgs.
  UNIQUE (org_id, id)
);
CREATE INDEX campaigns_org_created_idx ON campaigns (org_id, created_at DESC, id);

-- A movement: a group of entries that sums to zero. Never updated, never deleted;
-- a correction is a new group with reverses_group_id set.
CREATE TABLE ledger_groups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('donation', 'refund', 'disbursement', 'bond_posted',
    'bond_returned', 'bond_forfeited')),
  -- At most one reversal per group, enforced here as well as in the domain.
  reverses_group_id uuid UNIQUE REFERENCES ledger_groups(id),
  -- The bond a bond_* group (or its reversal) is about.
  bond_id uuid,
  idempotency_key text,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  memo text,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns (org_id, id),
  -- NULL keys are distinct, so only groups that carry a key are deduplicated.
  UNIQUE (org_id, idempotency_key),
  CHECK ((kind LIKE 'bond\_%') = (bond_id IS NOT NULL))
);
CREATE INDEX ledger_groups_campaign_idx ON ledger_groups (campaign_id, occurred_at, id);

CREATE TABLE ledger_entries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  group_id uuid NOT NULL REFERENCES ledger_groups(id),
  campaign_id uuid NOT NULL,
  account text NOT NULL CHECK (account IN ('fund', 'bonds_receivable', 'outside')),
  amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns (org_id, id)
);
CREATE INDEX ledger_entries_group_idx ON ledger_entries (group_id);
CREATE INDEX ledger_entries_campaign_idx ON ledger_entries (campaign_id);

-- Checked at commit, once every entry of the transaction is in: each group sums to zero,
-- has entries, and they belong to the group's campaign.
CREATE FUNCTION ledger_group_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  -- The column that holds the group id is the trigger's argument: id or group_id.
  gid uuid := (to_jsonb(NEW) ->> TG_ARGV[0])::uuid;
  n bigint;
  total numeric;
  stray bigint;
BEGIN
  SELECT count(*), coalesce(sum(e.amount_cents), 0), count(*) FILTER (WHERE e.campaign_id <> g.campaign_id)
    INTO n, total, stray
    FROM ledger_groups g LEFT JOIN ledger_entries e ON e.group_id = g.id
    WHERE g.id = gid AND e.id IS NOT NULL;
  IF n < 2 OR total <> 0 OR stray > 0 THEN
    RAISE EXCEPTION 'ledger group % does not balance (% entries, sum %)', gid, n, total
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_group_balanced('group_id');
CREATE CONSTRAINT TRIGGER ledger_groups_balanced AFTER INSERT ON ledger_groups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_group_balanced('id');

-- Append-only: no edits, and no deletes except as part of deleting a whole organization
-- (a cascade runs inside the foreign key's own trigger, so its depth is above 1).
CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' OR pg_trigger_depth() <= 1 THEN
    RAISE EXCEPTION 'the ledger is append-only: record a reversal instead'
      USING ERRCODE = '55000';
  END IF;
  RETURN OLD;
END $$;
CREATE TRIGGER ledger_groups_append_only BEFORE UPDATE OR DELETE ON ledger_groups
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();
CREATE TRIGGER ledger_entries_append_only BEFORE UPDATE OR DELETE ON ledger_entries
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

CREATE TABLE gifts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL,
  group_id uuid NOT NULL UNIQUE REFERENCES ledger_groups(id),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL CHECK (currency IN ('USD', 'MXN', 'EUR', 'JPY')),
  method text NOT NULL CHECK (method IN ('cash', 'check', 'card', 'transfer', 'other')),
  received_at timestamptz NOT NULL,
  donor_name text,
  -- Donors are anonymous on public pages unless the gift says otherwise.
  anonymous boolean NOT NULL DEFAULT true,
  -- Where the gift came from ('manual', 'api', 'stripe', an import...) and its id there:
  -- a re-import or a repeated webhook finds the same (source, external_id) and adds nothing.
  source text NOT NULL DEFAULT 'manual',
  external_id text,
  event_note text,
  received_by_user_id uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns (org_id, id),
  UNIQUE (org_id, source, external_id)
);
CREATE INDEX gifts_campaign_idx ON gifts (campaign_id, received_at DESC);

CREATE TABLE disbursements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL CHECK (currency IN ('USD', 'MXN', 'EUR', 'JPY')),
  payee text NOT NULL,
  purpose text NOT NULL CHECK (purpose IN ('legal_fees', 'bond', 'family_support', 'other')),
  memo text,
  -- requested -> approved -> paid, or rejected; a paid one whose payment is reversed is cancelled.
  status text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'approved', 'paid', 'rejected', 'cancelled')),
  requested_by uuid REFERENCES users(id) ON DELETE SET NULL,
  approved_by uuid REFERENCES users(id) ON DELETE SET NULL,
  approved_at timestamptz,
  decided_by uuid REFERENCES users(id) ON DELETE SET NULL,
  paid_group_id uuid UNIQUE REFERENCES ledger_groups(id),
  paid_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns (org_id, id),
  CHECK (status NOT IN ('paid', 'cancelled') OR paid_group_id IS NOT NULL)
);
CREATE INDEX disbursements_campaign_idx ON disbursements (campaign_id, created_at DESC);
CREATE INDEX disbursements_open_idx ON disbursements (org_id, status)
  WHERE status IN ('requested', 'approved');

CREATE TABLE bonds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL,
  principal_cents bigint NOT NULL CHECK (principal_cents > 0),
  currency text NOT NULL CHECK (currency IN ('USD', 'MXN', 'EUR', 'JPY')),
  -- voided: the posting itself was reversed as a mistake.
  status text NOT NULL DEFAULT 'outstanding'
    CHECK (status IN ('outstanding', 'returned', 'forfeited', 'voided')),
  posted_group_id uuid NOT NULL UNIQUE REFERENCES ledger_groups(id),
  posted_at timestamptz NOT NULL,
  settled_group_id uuid UNIQUE REFERENCES ledger_groups(id),
  settled_at timestamptz,
  interest_cents bigint CHECK (interest_cents >= 0),
  memo text,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns (org_id, id),
  CHECK ((status IN ('returned', 'forfeited')) = (settled_group_id IS NOT NULL))
);
CREATE INDEX bonds_campaign_idx ON bonds (campaign_id, posted_at DESC);

-- The group is written first (it carries the bond id), the bond right after: checked at commit.
ALTER TABLE ledger_groups ADD CONSTRAINT ledger_groups_bond_fk
  FOREIGN KEY (bond_id) REFERENCES bonds(id) DEFERRABLE INITIALLY DEFERRED;
