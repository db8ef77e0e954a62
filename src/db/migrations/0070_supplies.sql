-- Supplies: drives that collect goods (food, water, clothing, hygiene kits, phone cards) for
-- people at shelters and the families of detained members; what each drive needs, who
-- pledged what, and an append-only ledger of goods received, delivered and discarded.
-- Stock and "still needed" are never stored: they are computed from supply_movements
-- (supplies/stock.ts). Whom a drive serves is private: only the public text is shown.

-- One row per organization at most; no row means the defaults.
CREATE TABLE supply_settings (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL UNIQUE REFERENCES organizations(id) ON DELETE CASCADE,
  -- A pledge stops counting toward "still needed" this many days after it was made.
  pledge_expiry_days integer NOT NULL DEFAULT 7 CHECK (pledge_expiry_days BETWEEN 1 AND 90),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The reusable catalog: the same "diapers size 3" across drives.
CREATE TABLE supply_items (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name_es text NOT NULL,
  name_en text NOT NULL,
  base_unit text NOT NULL CHECK (base_unit IN ('piece', 'pair', 'pack', 'box', 'bottle', 'card', 'kg', 'lb', 'l', 'gal')),
  -- "Paquete de 24" = 24 pieces: a pack is only a way to count, stock is in base units.
  pack_name_es text,
  pack_name_en text,
  pack_size integer CHECK (pack_size IS NULL OR pack_size > 1),
  -- Lower case, accents stripped (both names); the catalog's natural key with the unit.
  name_key text NOT NULL,
  search_text text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  UNIQUE (org_id, name_key, base_unit)
);
CREATE INDEX supply_items_search_trgm_idx ON supply_items USING gin (search_text gin_trgm_ops);

-- A kit (a hygiene kit) is an item made of other items.
CREATE TABLE supply_kit_parts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kit_item_id uuid NOT NULL,
  part_item_id uuid NOT NULL,
  quantity_milli bigint NOT NULL CHECK (quantity_milli > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, kit_item_id) REFERENCES supply_items (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, part_item_id) REFERENCES supply_items (org_id, id) ON DELETE CASCADE,
  UNIQUE (kit_item_id, part_item_id),
  CHECK (kit_item_id <> part_item_id)
);

CREATE TABLE supply_drives (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  slug text NOT NULL,
  title_es text NOT NULL,
  title_en text NOT NULL,
  description_es text,
  description_en text,
  -- Whom it serves, never shown publicly: a shelter (named only here, for the team) or the
  -- family of a case (linked; the case keeps the person's details).
  serves text NOT NULL DEFAULT 'other' CHECK (serves IN ('shelter', 'family', 'other')),
  serves_note text,
  case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
  starts_on date,
  ends_on date,
  open boolean NOT NULL DEFAULT true,
  public boolean NOT NULL DEFAULT false,
  search_text text NOT NULL DEFAULT '',
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, slug),
  UNIQUE (org_id, id),
  CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX supply_drives_org_created_idx ON supply_drives (org_id, created_at DESC, id);

CREATE TABLE supply_drop_off_points (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  drive_id uuid NOT NULL,
  name text NOT NULL,
  address text,
  -- [{ "day": 1..7 (ISO, Monday = 1), "opens": "HH:MM", "closes": "HH:MM" }], wall-clock
  -- times in the organization's time zone.
  hours jsonb NOT NULL DEFAULT '[]'::jsonb,
  active boolean NOT NULL DEFAULT true,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, drive_id) REFERENCES supply_drives (org_id, id) ON DELETE CASCADE,
  UNIQUE (org_id, id)
);
CREATE INDEX supply_points_drive_idx ON supply_drop_off_points (org_id, drive_id, position);

CREATE TABLE supply_needs (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  drive_id uuid NOT NULL,
  item_id uuid NOT NULL,
  variant text,
  condition text NOT NULL DEFAULT 'any' CHECK (condition IN ('new_only', 'any')),
  quantity_milli bigint NOT NULL CHECK (quantity_milli > 0),
  urgent boolean NOT NULL DEFAULT false,
  needed_by date,
  position integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, drive_id) REFERENCES supply_drives (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, item_id) REFERENCES supply_items (org_id, id),
  UNIQUE (org_id, id)
);
CREATE INDEX supply_needs_drive_idx ON supply_needs (org_id, drive_id, position);

-- "We don't accept used mattresses": per drive, or per drop-off point.
CREATE TABLE supply_not_accepted (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  drive_id uuid NOT NULL,
  point_id uuid,
  text_es text NOT NULL,
  text_en text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, drive_id) REFERENCES supply_drives (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, point_id) REFERENCES supply_drop_off_points (org_id, id) ON DELETE CASCADE
);
CREATE INDEX supply_not_accepted_drive_idx ON supply_not_accepted (org_id, drive_id);

CREATE TABLE supply_pledges (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  drive_id uuid NOT NULL,
  need_id uuid NOT NULL,
  -- Deleting the person (right to be forgotten) keeps the count, drops the link.
  person_id uuid REFERENCES people(id) ON DELETE SET NULL,
  point_id uuid,
  quantity_milli bigint NOT NULL CHECK (quantity_milli > 0),
  due_on date,
  expires_at timestamptz NOT NULL,
  cancelled_at timestamptz,
  source text NOT NULL CHECK (source IN ('public', 'staff', 'api')),
  -- Same person, need, quantity and point: a double tap within a minute is one pledge.
  fingerprint text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, drive_id) REFERENCES supply_drives (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, need_id) REFERENCES supply_needs (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, point_id) REFERENCES supply_drop_off_points (org_id, id),
  UNIQUE (org_id, id)
);
CREATE INDEX supply_pledges_drive_idx ON supply_pledges (org_id, drive_id, expires_at);
CREATE INDEX supply_pledges_fingerprint_idx ON supply_pledges (org_id, fingerprint, created_at);

-- Append-only: rows are never updated or deleted; a correction is a row that reverses one.
CREATE TABLE supply_movements (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  drive_id uuid NOT NULL,
  need_id uuid NOT NULL,
  point_id uuid,
  kind text NOT NULL CHECK (kind IN ('received', 'delivered', 'discarded')),
  quantity_milli bigint NOT NULL CHECK (quantity_milli > 0),
  reverses uuid UNIQUE REFERENCES supply_movements(id),
  pledge_id uuid,
  -- delivered: pickup / delivery / shipped; discarded: expired / damaged / other.
  method text CHECK (method IS NULL OR method IN ('pickup', 'delivery', 'shipped', 'expired', 'damaged', 'other')),
  -- The volunteer who received (or handed over) the goods.
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  occurred_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, drive_id) REFERENCES supply_drives (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, need_id) REFERENCES supply_needs (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, point_id) REFERENCES supply_drop_off_points (org_id, id),
  FOREIGN KEY (org_id, pledge_id) REFERENCES supply_pledges (org_id, id)
);
CREATE INDEX supply_movements_drive_idx ON supply_movements (org_id, drive_id, need_id);

-- Money put on a detained member's commissary or phone account. The money itself moves on
-- the funds ledger (a disbursement with this purpose); this row keeps what the volunteer
-- needs to find the deposit again: facility, vendor, the last four characters of the
-- reference. The A-number stays in the case's protected fields.
CREATE TABLE supply_deposits (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  case_id uuid REFERENCES cases(id) ON DELETE SET NULL,
  kind text NOT NULL CHECK (kind IN ('commissary', 'phone')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  currency text NOT NULL CHECK (currency IN ('USD', 'MXN', 'EUR', 'JPY')),
  facility text NOT NULL,
  vendor text NOT NULL,
  reference_last4 text CHECK (reference_last4 IS NULL OR char_length(reference_last4) <= 4),
  deposited_on date NOT NULL,
  disbursement_id uuid NOT NULL,
  recorded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX supply_deposits_case_idx ON supply_deposits (org_id, case_id, deposited_on DESC);
