-- Actions: a co-host organization on this Amparo is invited, and sees the plan only once one
-- of its organizers accepts (decision 055). Co-hosts added before this migration had no
-- acceptance step and keep their access; a group that is not on Amparo (a name) has nothing
-- to accept.
ALTER TABLE action_cohosts
  ADD COLUMN status text NOT NULL DEFAULT 'accepted'
    CHECK (status IN ('invited', 'accepted', 'declined')),
  ADD COLUMN responded_at timestamptz,
  ADD COLUMN responded_by uuid REFERENCES users(id) ON DELETE SET NULL,
  ADD CONSTRAINT action_cohosts_named_accepted CHECK (cohost_org_id IS NOT NULL OR status = 'accepted');
-- The invitations an organization has to answer.
CREATE INDEX action_cohosts_invited_idx ON action_cohosts (cohost_org_id) WHERE status = 'invited';
