-- Reviews of finished actions, the lessons they teach the next plan of the same kind,
-- and follow-up items for the team.

CREATE TABLE event_reviews (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  event_id uuid NOT NULL,
  -- Copied from the action when written: lessons are tied to the kind.
  event_kind text NOT NULL,
  planned text CHECK (planned IS NULL OR char_length(planned) <= 5000),
  happened text CHECK (happened IS NULL OR char_length(happened) <= 5000),
  went_well text[] NOT NULL DEFAULT '{}',
  went_wrong text[] NOT NULL DEFAULT '{}',
  main_cause text CHECK (main_cause IS NULL OR char_length(main_cause) <= 500),
  secondary_causes text[] NOT NULL DEFAULT '{}',
  keep text[] NOT NULL DEFAULT '{}',
  change text[] NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, event_id),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, event_id) REFERENCES action_events (org_id, id) ON DELETE CASCADE
);

-- The organizers (accounts of the team) who wrote the review.
CREATE TABLE event_review_authors (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  review_id uuid NOT NULL,
  user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, review_id) REFERENCES event_reviews (org_id, id) ON DELETE CASCADE,
  UNIQUE (review_id, user_id)
);

-- A "change" item of a review, carried into every next plan of the same kind.
CREATE TABLE lessons (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  review_id uuid,
  event_kind text NOT NULL,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'adopted', 'closed')),
  closed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (org_id, id),
  FOREIGN KEY (org_id, review_id) REFERENCES event_reviews (org_id, id) ON DELETE SET NULL (review_id),
  CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX lessons_org_kind_idx ON lessons (org_id, event_kind, created_at) WHERE status <> 'closed';
CREATE UNIQUE INDEX lessons_review_text_uniq ON lessons (review_id, lower(text)) WHERE review_id IS NOT NULL;

-- How a plan handled a lesson: acknowledged, or adopted as a material, role or step.
CREATE TABLE lesson_uses (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  lesson_id uuid NOT NULL,
  event_id uuid NOT NULL,
  how text NOT NULL CHECK (how IN ('acknowledged', 'material', 'role', 'step')),
  created_by uuid REFERENCES users(id) ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, lesson_id) REFERENCES lessons (org_id, id) ON DELETE CASCADE,
  FOREIGN KEY (org_id, event_id) REFERENCES action_events (org_id, id) ON DELETE CASCADE,
  UNIQUE (lesson_id, event_id)
);
CREATE INDEX lesson_uses_event_idx ON lesson_uses (org_id, event_id);

-- Something to do after the action, by one person of the team, by a day.
CREATE TABLE follow_ups (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  org_id uuid NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  review_id uuid NOT NULL,
  text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 500),
  owner_user_id uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  due_on date NOT NULL,
  done_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (org_id, review_id) REFERENCES event_reviews (org_id, id) ON DELETE CASCADE
);
CREATE INDEX follow_ups_owner_open_idx ON follow_ups (org_id, owner_user_id, due_on) WHERE done_at IS NULL;
CREATE INDEX follow_ups_review_idx ON follow_ups (review_id);
