-- The ledger's balance check, cheaper (issue 8, decision 102). Migration 0020 checked a group
-- at commit once per ROW: once for the group and once more for each of its entries, so a
-- gift ran the same check three times, each reading the row through to_jsonb. Now:
-- * a new group is still checked at commit, once (deferred, per group): it has at least two
--   entries, they sum to zero and belong to the group's campaign;
-- * entries are checked once per STATEMENT (their groups, read from the statement's new
--   rows): every group an INSERT added entries to balances when the statement ends. A new
--   group's entries are written by one statement everywhere (ledger-store's writeGroup, the
--   gift writer's chunks, the one-statement gift), and an old group can't take an entry
--   that unbalances it, as before.
DROP TRIGGER ledger_entries_balanced ON ledger_entries;
DROP TRIGGER ledger_groups_balanced ON ledger_groups;
DROP FUNCTION ledger_group_balanced();

CREATE FUNCTION ledger_group_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint;
  total numeric;
  stray bigint;
BEGIN
  SELECT count(*), coalesce(sum(e.amount_cents), 0), count(*) FILTER (WHERE e.campaign_id <> NEW.campaign_id)
    INTO n, total, stray
    FROM ledger_entries e WHERE e.group_id = NEW.id;
  IF n < 2 OR total <> 0 OR stray > 0 THEN
    RAISE EXCEPTION 'ledger group % does not balance (% entries, sum %)', NEW.id, n, total
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER ledger_groups_balanced AFTER INSERT ON ledger_groups
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION ledger_group_balanced();

CREATE FUNCTION ledger_entries_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  bad record;
BEGIN
  SELECT g.id, count(e.id) AS n, coalesce(sum(e.amount_cents), 0) AS total
    INTO bad
    FROM (SELECT DISTINCT group_id FROM new_entries) AS touched
    JOIN ledger_groups g ON g.id = touched.group_id
    JOIN ledger_entries e ON e.group_id = g.id
    GROUP BY g.id
    HAVING count(*) < 2 OR sum(e.amount_cents) <> 0
      OR count(*) FILTER (WHERE e.campaign_id <> g.campaign_id) > 0
    LIMIT 1;
  IF FOUND THEN
    RAISE EXCEPTION 'ledger group % does not balance (% entries, sum %)', bad.id, bad.n, bad.total
      USING ERRCODE = '23514';
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER ledger_entries_balanced AFTER INSERT ON ledger_entries
  REFERENCING NEW TABLE AS new_entries
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entries_balanced();
