-- Elections (src/modules/elections). Secrecy by design: election_voters (who may vote,
-- who has voted) and election_ballots (what was voted) share no column but the election,
-- no foreign key, no sequence, and no timestamp finer than the minute. Ballot ids are
-- random; the close rewrites the ballots in id order (random) so the heap keeps no trace
-- of the order they were cast in. docs/decisions/063-elections.md.
CREATE TABLE elections (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  title_es text NOT NULL,
  title_en text NOT NULL,
  description_es text NOT NULL DEFAULT '',
  description_en text NOT NULL DEFAULT '',
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL CHECK (closes_at > opens_at),
  eligible_levels text[] NOT NULL DEFAULT '{}',
  eligible_tags text[] NOT NULL DEFAULT '{}',
  -- Only people in the database before this instant are on the roll.
  eligibility_cutoff timestamptz,
  ballot_tracker boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'open', 'closed')),
  roll_size integer,
  credentials_issued boolean NOT NULL DEFAULT false,
  opened_at timestamptz,
  closed_at timestamptz,
  -- Random, fixed at the close, published: seeds the draw for ties that survive every round.
  tally_seed text,
  results jsonb,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX elections_org_idx ON elections (org_id, opens_at DESC);

CREATE TABLE election_offices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  election_id uuid NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
  position integer NOT NULL,
  name_es text NOT NULL,
  name_en text NOT NULL,
  seats integer NOT NULL CHECK (seats BETWEEN 1 AND 50),
  method text NOT NULL CHECK (method IN ('plurality', 'approval', 'irv', 'stv')),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX election_offices_election_idx ON election_offices (election_id, position);

CREATE TABLE election_candidates (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  election_id uuid NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
  office_id uuid NOT NULL REFERENCES election_offices(id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  -- The name as it appears on the ballot and in the published results.
  ballot_name text NOT NULL,
  statement_es text NOT NULL DEFAULT '',
  statement_en text NOT NULL DEFAULT '',
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (office_id, person_id)
);
CREATE INDEX election_candidates_election_idx ON election_candidates (election_id);

-- The roll, frozen at the opening: one row per eligible person, one credential each.
CREATE TABLE election_voters (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  election_id uuid NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
  person_id uuid NOT NULL,
  language text NOT NULL DEFAULT 'es' CHECK (language IN ('es', 'en')),
  -- SHA-256 of the voting link's token; the token itself is shown once and never stored.
  token_hash text UNIQUE,
  -- How this voter voted, never when: null (not yet), 'online' or 'paper'.
  voted text CHECK (voted IN ('online', 'paper')),
  created_at timestamptz NOT NULL DEFAULT date_trunc('minute', now()),
  UNIQUE (election_id, person_id)
);

CREATE TABLE election_ballots (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  election_id uuid NOT NULL REFERENCES elections(id) ON DELETE CASCADE,
  receipt text NOT NULL,
  -- { office_id: [candidate_id, ...in the voter's order] }
  choices jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT date_trunc('minute', now()),
  UNIQUE (election_id, receipt)
);
