-- Supplies: the ledger's sums per need and drop-off point, kept by the database itself.
-- Every row inserted into supply_movements adds its signed quantity (a reversal counts
-- negative) to the sums of its need and point in the same statement, so the public page
-- and the receiving screen read at most (needs x points) rows instead of grouping a drive's
-- whole ledger on every render. The movements stay the truth: supply_stock_sums is derived
-- from them, and the tests hold it to a full recount (decision 070).
CREATE TABLE supply_stock_sums (
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  drive_id uuid NOT NULL,
  need_id uuid NOT NULL,
  -- NULL: movements recorded without a drop-off point.
  point_id uuid,
  received_milli bigint NOT NULL DEFAULT 0,
  delivered_milli bigint NOT NULL DEFAULT 0,
  discarded_milli bigint NOT NULL DEFAULT 0,
  movements integer NOT NULL DEFAULT 0,
  FOREIGN KEY (org_id, drive_id) REFERENCES supply_drives (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, need_id) REFERENCES supply_needs (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, point_id) REFERENCES supply_drop_off_points (org_id, id) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (need_id, point_id)
);
CREATE INDEX supply_stock_sums_drive_idx ON supply_stock_sums (org_id, drive_id);

CREATE FUNCTION supply_stock_sums_add() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  q bigint := CASE WHEN NEW.reverses IS NULL THEN NEW.quantity_milli ELSE -NEW.quantity_milli END;
BEGIN
  INSERT INTO supply_stock_sums AS s
    (org_id, drive_id, need_id, point_id, received_milli, delivered_milli, discarded_milli, movements)
  VALUES (NEW.org_id, NEW.drive_id, NEW.need_id, NEW.point_id,
    CASE WHEN NEW.kind = 'received' THEN q ELSE 0 END,
    CASE WHEN NEW.kind = 'delivered' THEN q ELSE 0 END,
    CASE WHEN NEW.kind = 'discarded' THEN q ELSE 0 END,
    1)
  ON CONFLICT (need_id, point_id) DO UPDATE SET
    received_milli = s.received_milli + EXCLUDED.received_milli,
    delivered_milli = s.delivered_milli + EXCLUDED.delivered_milli,
    discarded_milli = s.discarded_milli + EXCLUDED.discarded_milli,
    movements = s.movements + 1;
  RETURN NULL;
END $$;

CREATE TRIGGER supply_movements_sums AFTER INSERT ON supply_movements
  FOR EACH ROW EXECUTE FUNCTION supply_stock_sums_add();

-- The ledger is append-only: a row that changed would leave its sums behind.
CREATE FUNCTION supply_movements_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'supply_movements is append-only: record a reversal instead';
END $$;
CREATE TRIGGER supply_movements_no_update BEFORE UPDATE ON supply_movements
  FOR EACH ROW EXECUTE FUNCTION supply_movements_append_only();

-- What was recorded before this migration.
INSERT INTO supply_stock_sums
  (org_id, drive_id, need_id, point_id, received_milli, delivered_milli, discarded_milli, movements)
SELECT org_id, drive_id, need_id, point_id,
  COALESCE(SUM(CASE WHEN reverses IS NULL THEN quantity_milli ELSE -quantity_milli END)
    FILTER (WHERE kind = 'received'), 0),
  COALESCE(SUM(CASE WHEN reverses IS NULL THEN quantity_milli ELSE -quantity_milli END)
    FILTER (WHERE kind = 'delivered'), 0),
  COALESCE(SUM(CASE WHEN reverses IS NULL THEN quantity_milli ELSE -quantity_milli END)
    FILTER (WHERE kind = 'discarded'), 0),
  count(*)
FROM supply_movements
GROUP BY org_id, drive_id, need_id, point_id;
