-- Funds at scale (decision 084): totals and month figures come from the database, not from
-- loading every ledger group into the app. Balances stay derived from the ledger: a
-- checkpoint is an immutable sum of the groups recorded up to a moment (`upto`, on
-- created_at), per month of the organization's time zone, kind and account. Totals are
-- the newest checkpoint plus the groups recorded after it. A checkpoint is written once,
-- never updated; a newer one is built from the previous one plus the groups in between.

-- The ledger in the order it was recorded (paging, and the groups after a checkpoint).
CREATE INDEX ledger_groups_campaign_created_idx ON ledger_groups (campaign_id, created_at, id);

CREATE TABLE ledger_checkpoints (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL,
  -- Covers the campaign's groups with created_at <= upto, and only them.
  upto timestamptz NOT NULL,
  -- Months are those of this zone ('YYYY-MM' of occurred_at there).
  time_zone text NOT NULL,
  month text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('donation', 'refund', 'disbursement', 'bond_posted',
    'bond_returned', 'bond_forfeited')),
  account text NOT NULL CHECK (account IN ('fund', 'bonds_receivable', 'outside')),
  amount_cents bigint NOT NULL,
  -- How many entries were positive and negative (a donation's fund entry is positive, its
  -- reversal's negative: this counts gifts).
  positive bigint NOT NULL CHECK (positive >= 0),
  negative bigint NOT NULL CHECK (negative >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (campaign_id, time_zone, upto, month, kind, account),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns (org_id, id)
);

CREATE TRIGGER ledger_checkpoints_append_only BEFORE UPDATE OR DELETE ON ledger_checkpoints
  FOR EACH ROW EXECUTE FUNCTION ledger_append_only();

-- The campaign page's newest gifts (received_at, then created_at) without sorting them all.
CREATE INDEX gifts_campaign_received_idx ON gifts (campaign_id, received_at DESC, created_at DESC);
DROP INDEX gifts_campaign_idx;
