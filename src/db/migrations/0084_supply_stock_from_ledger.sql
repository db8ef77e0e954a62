-- Supplies: stock and "still needed" are computed from the ledger at read time, never stored
-- (issue 11, decision 096). The running sums of migration 0074 (a row per need and drop-off
-- point updated in place by a trigger) go; the reads aggregate supply_movements through an
-- index that holds every column they touch, so PostgreSQL answers them with an index-only
-- scan in (drive, need, point) order and never visits the table's pages.
-- The append-only trigger of 0074 (no UPDATE on the ledger) stays.
DROP TRIGGER supply_movements_sums ON supply_movements;
DROP FUNCTION supply_stock_sums_add();
DROP TABLE supply_stock_sums;

CREATE INDEX supply_movements_sums_idx ON supply_movements (drive_id, need_id, point_id)
  INCLUDE (kind, quantity_milli, reverses);

-- Superseded: every read of the ledger by drive or need now starts from the drive (its id
-- is unique, so it also fixes the organization), and the index above leads with it.
DROP INDEX supply_movements_drive_idx;
