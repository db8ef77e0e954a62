import { eq, sql } from "drizzle-orm";
import type { Db } from "../../db/client";
import { builtOnce } from "../../db/prepared";
import { organizations } from "../../platform/platform.schema";
import { messagingSettings } from "./messaging.schema";
import { DEFAULT_SEND_WINDOW, type SendWindow } from "./schedule";

export type SendSettings = {
  orgName: string;
  defaultLanguage: "es" | "en";
  timeZone: string;
  window: SendWindow;
  approvalLimit: number;
};
export const DEFAULT_APPROVAL_LIMIT = 500;

// Read for every claim of the outbox: built once (db/prepared.ts, decision 104).
const settingsRow = builtOnce((db) =>
  db
    .select({
      orgName: organizations.name,
      defaultLanguage: organizations.defaultLanguage,
      timeZone: organizations.timeZone,
      settingsId: messagingSettings.id,
      start: messagingSettings.windowStart,
      end: messagingSettings.windowEnd,
      approvalLimit: messagingSettings.approvalLimit,
    })
    .from(organizations)
    .leftJoin(messagingSettings, eq(messagingSettings.orgId, organizations.id))
    .where(eq(organizations.id, sql.placeholder("orgId"))),
);

/** The organization's zone, sending window and approval limit (defaults until changed). */
export async function getSendSettings(db: Db, orgId: string): Promise<SendSettings | null> {
  const [row] = await settingsRow(db, { orgId });
  if (!row) return null;
  const org = {
    orgName: row.orgName,
    defaultLanguage: row.defaultLanguage,
    timeZone: row.timeZone,
  };
  if (!row.settingsId) {
    return { ...org, window: DEFAULT_SEND_WINDOW, approvalLimit: DEFAULT_APPROVAL_LIMIT };
  }
  return {
    ...org,
    window: row.start && row.end ? { start: row.start, end: row.end } : null,
    approvalLimit: row.approvalLimit ?? DEFAULT_APPROVAL_LIMIT,
  };
}
