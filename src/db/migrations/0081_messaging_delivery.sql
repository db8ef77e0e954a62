-- Delivery status reported by the SMS provider after a send (Twilio's status callback):
-- what happened after the provider took the message. A final status is never replaced by
-- an earlier one arriving late.
ALTER TABLE outbox
  ADD COLUMN delivery_status text
    CHECK (delivery_status IN ('sent', 'delivered', 'undelivered', 'failed')),
  ADD COLUMN delivery_error text,
  ADD COLUMN delivery_at timestamptz;
