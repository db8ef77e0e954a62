import { parse } from "csv-parse/sync";
import { type FieldErrors, fieldsFromZod } from "../../platform/errors";
import type { ImportRow } from "./import-people";
import { peopleErrors } from "./people.errors";
import { PersonFieldsSchema } from "./person";

export type CsvProblem = { line: number; fields: FieldErrors };
export type CsvResult = { rows: ImportRow[]; problems: CsvProblem[]; ignoredColumns: string[] };

const KNOWN = [
  "display_name",
  "given_name",
  "family_name",
  "email",
  "phone",
  "preferred_language",
  "engagement_level",
  "tags",
  "consent_email",
  "consent_sms",
  "notes",
] as const;

const truthy = (v: string | undefined) => /^(1|true|yes|y|si|sí|x)$/i.test((v ?? "").trim());
const list = (v: string | undefined) =>
  (v ?? "")
    .split(/[;,|]/)
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * Reads a people CSV (header row required; column names as in the API). Every
 * row is validated before anything is written, and each problem names its line.
 * consent_email / consent_sms say the person agreed to messages on that channel: the
 * import records it in messaging for every purpose, source "import" (decision 094).
 */
export function parsePeopleCsv(text: string): CsvResult {
  if (text.includes("\uFFFD")) {
    return { rows: [], problems: [{ line: 0, fields: { file: "invalid" } }], ignoredColumns: [] };
  }
  const records: Record<string, string>[] = parse(text.replace(/^\uFEFF/, ""), {
    columns: (header: string[]) => header.map((h) => h.trim().toLowerCase().replace(/\s+/g, "_")),
    skip_empty_lines: true,
    trim: true,
    relax_column_count: true,
  });
  const problems: CsvProblem[] = [];
  const rows: ImportRow[] = [];
  const seenEmails = new Map<string, number>();
  const ignoredColumns = Object.keys(records[0] ?? {}).filter(
    (k) => !(KNOWN as readonly string[]).includes(k),
  );
  records.forEach((record, index) => {
    const line = index + 2; // line 1 is the header
    const displayName =
      record.display_name || [record.given_name, record.family_name].filter(Boolean).join(" ");
    const parsed = PersonFieldsSchema.safeParse({
      displayName,
      givenName: record.given_name ?? "",
      familyName: record.family_name ?? "",
      emails: list(record.email).map((address) => ({ address, primary: false })),
      phones: list(record.phone).map((number) => ({ number, primary: false })),
      preferredLanguage: record.preferred_language ? record.preferred_language.toLowerCase() : null,
      engagementLevel: record.engagement_level ? record.engagement_level.toLowerCase() : "contact",
      tags: list(record.tags),
      notes: record.notes ?? "",
    });
    if (!parsed.success) {
      problems.push({ line, fields: fieldsFromZod(parsed.error) });
      return;
    }
    for (const email of parsed.data.emails) {
      const key = email.address.toLowerCase();
      const first = seenEmails.get(key);
      if (first) problems.push({ line, fields: { emails: peopleErrors.field.duplicate_email } });
      else seenEmails.set(key, line);
    }
    const consent = { email: truthy(record.consent_email), sms: truthy(record.consent_sms) };
    rows.push(consent.email || consent.sms ? { ...parsed.data, consent } : parsed.data);
  });
  return { rows, problems, ignoredColumns };
}
