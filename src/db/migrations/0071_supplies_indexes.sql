-- Supplies: what the public page and the receiving screen read on every render, found by
-- index instead of a pass over a drive's whole ledger.

-- "Last updated" on the public page: the newest movement of a drive.
CREATE INDEX supply_movements_drive_created_idx ON supply_movements (drive_id, created_at DESC);
-- What has arrived for each pledge (most movements carry none).
CREATE INDEX supply_movements_pledge_idx ON supply_movements (pledge_id) WHERE pledge_id IS NOT NULL;
-- Quantities fit a 32-bit sum term (at most 1,000,000 units in thousandths): the sums cast
-- each term to int, which PostgreSQL adds in a 64-bit accumulator instead of numeric.
ALTER TABLE supply_movements ADD CONSTRAINT supply_movements_quantity_fits
  CHECK (quantity_milli <= 1000000000);
ALTER TABLE supply_needs ADD CONSTRAINT supply_needs_quantity_fits
  CHECK (quantity_milli <= 1000000000);
ALTER TABLE supply_pledges ADD CONSTRAINT supply_pledges_quantity_fits
  CHECK (quantity_milli <= 1000000000);
