-- Consent to messages lives in messaging's consent records alone (decision 094): the
-- people table's old yes/no columns go, after what they said is carried over.

-- Two more sources: a people CSV import and the people API's `consent`.
ALTER TABLE consent_records DROP CONSTRAINT consent_records_source_check;
ALTER TABLE consent_records ADD CONSTRAINT consent_records_source_check
  CHECK (source IN ('web_form', 'paper', 'verbal', 'sms_keyword', 'email_one_click', 'import', 'api'));

-- A "yes" becomes a grant for every purpose on each of the person's addresses, source
-- 'import', unless messaging already holds a record for that contact point and purpose (or
-- a stop): what messaging knows is newer and stays the truth.
INSERT INTO consent_records
  (org_id, person_id, channel, address, purpose, action, source, wording, language)
SELECT p.org_id, p.id, 'email', e.address_lower, pu.purpose, 'grant', 'import',
  'Acepta recibir correos (sí/no anterior de su ficha) / Agrees to receive email (the earlier yes/no on their record)',
  p.preferred_language
FROM people p
JOIN person_emails e ON e.org_id = p.org_id AND e.person_id = p.id
CROSS JOIN (VALUES ('hearing_reminders'), ('action_reminders'), ('broadcasts')) AS pu (purpose)
WHERE p.consent_email
  AND NOT EXISTS (
    SELECT 1 FROM consent_records c
    WHERE c.org_id = p.org_id AND c.channel = 'email' AND c.address = e.address_lower
      AND c.purpose IN (pu.purpose, 'all')
  );

-- Phones as E.164 the way messaging reads them for North American numbers (+ and digits
-- as written, or 10 digits, or 11 starting with 1); others can't be messaged anyway.
WITH phones AS (
  SELECT p.org_id, p.id AS person_id, p.preferred_language,
    CASE
      WHEN btrim(ph.value ->> 'number') LIKE '+%'
        THEN '+' || regexp_replace(ph.value ->> 'number', '[^0-9]', '', 'g')
      WHEN length(regexp_replace(ph.value ->> 'number', '[^0-9]', '', 'g')) = 10
        THEN '+1' || regexp_replace(ph.value ->> 'number', '[^0-9]', '', 'g')
      WHEN regexp_replace(ph.value ->> 'number', '[^0-9]', '', 'g') ~ '^1[0-9]{10}$'
        THEN '+' || regexp_replace(ph.value ->> 'number', '[^0-9]', '', 'g')
    END AS address
  FROM people p
  CROSS JOIN LATERAL jsonb_array_elements(p.phone_numbers) AS ph (value)
  WHERE p.consent_sms
)
INSERT INTO consent_records
  (org_id, person_id, channel, address, purpose, action, source, wording, language)
SELECT DISTINCT ph.org_id, ph.person_id, 'sms', ph.address, pu.purpose, 'grant', 'import',
  'Acepta recibir mensajes de texto (sí/no anterior de su ficha) / Agrees to receive text messages (the earlier yes/no on their record)',
  ph.preferred_language
FROM phones ph
CROSS JOIN (VALUES ('hearing_reminders'), ('action_reminders'), ('broadcasts')) AS pu (purpose)
WHERE ph.address IS NOT NULL
  AND NOT EXISTS (
    SELECT 1 FROM consent_records c
    WHERE c.org_id = ph.org_id AND c.channel = 'sms' AND c.address = ph.address
      AND c.purpose IN (pu.purpose, 'all')
  );

ALTER TABLE people DROP COLUMN consent_email;
ALTER TABLE people DROP COLUMN consent_sms;
