-- Gifts from outside: CSV imports of crowdfunding exports, and Stripe webhook events.

-- An uploaded CSV, parsed and kept server-side between the preview and the commit, so the
-- commit only names an id and never trusts rows sent back by the browser. The raw rows
-- (donor names included) are emptied once the import is committed; previews left
-- uncommitted are removed after a week (funds/upload-gift-import.ts).
CREATE TABLE gift_imports (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  campaign_id uuid NOT NULL,
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  file_name text NOT NULL,
  -- How the bytes were read: 'utf-8', or a fallback named in the preview.
  encoding text NOT NULL CHECK (encoding IN ('utf-8', 'windows-1252', 'utf-16le', 'utf-16be')),
  -- The UTF-8 text already held U+FFFD: characters were lost before it reached us.
  lossy boolean NOT NULL DEFAULT false,
  -- ["Date", "Donation Amount", ...] as in the file's first line.
  headers jsonb NOT NULL,
  -- [{"line": 2, "cells": ["2025-03-01", "25.00", ...]}, ...]
  rows jsonb NOT NULL,
  -- {"columns": {"amount": 1, ...}, "dateOrder": "auto", "source": "gofundme", "method": "card"}
  mapping jsonb NOT NULL,
  status text NOT NULL DEFAULT 'previewed' CHECK (status IN ('previewed', 'committed')),
  -- Counts once committed: {"recorded": 10, "recordedCents": 50000, "skipped": 2}
  result jsonb,
  committed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, campaign_id) REFERENCES campaigns (org_id, id),
  CHECK ((status = 'committed') = (committed_at IS NOT NULL))
);
CREATE INDEX gift_imports_campaign_idx ON gift_imports (org_id, campaign_id, created_at DESC);

-- Every Stripe event that recorded (or found) a gift, written in the same transaction as
-- the gift: a repeated delivery finds its event id here and adds nothing.
CREATE TABLE stripe_events (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id text NOT NULL UNIQUE,
  type text NOT NULL,
  gift_id uuid REFERENCES gifts(id) ON DELETE SET NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX stripe_events_org_idx ON stripe_events (org_id, received_at DESC);
