-- Funds: a disbursement purpose for money put on a detained member's commissary or phone
-- account (recorded by the supplies module as a deposit; see 0070_supplies.sql).
ALTER TABLE disbursements DROP CONSTRAINT disbursements_purpose_check;
ALTER TABLE disbursements ADD CONSTRAINT disbursements_purpose_check
  CHECK (purpose IN ('legal_fees', 'bond', 'family_support', 'detention_accounts', 'other'));
