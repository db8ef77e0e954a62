-- One value encrypted under the instance's field key, so a start with the wrong key (a
-- backup restored without its key file) is refused before anything is read or written.
-- Instance-wide, not per organization: the key is the instance's.
CREATE TABLE IF NOT EXISTS key_check (
  id smallint PRIMARY KEY DEFAULT 1 CHECK (id = 1),
  sealed text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
