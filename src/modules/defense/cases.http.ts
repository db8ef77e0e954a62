import { z } from "zod";
import { AppError } from "../../platform/errors";
import { type AppContext, requireAuth, requireUuidParam } from "../../platform/http";
import { canSeeCaseSensitive } from "../../platform/permissions";
import type { Case } from "./case";
import { getCase, isOnCaseTeam } from "./case-record";
import { casesText } from "./defense.messages";
import { CASE_STATUSES, type CaseStatus } from "./defense.schema";

// Helpers the case routes share: the page context, the case from the URL, notices.

export const view = (c: AppContext) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c),
});

/** The case named in the URL (404 for another organization's), and whether the user sees its sensitive fields. */
export async function requireCase(c: AppContext): Promise<{ kase: Case; seesSensitive: boolean }> {
  const auth = requireAuth(c);
  const db = c.get("deps").db;
  const kase = await getCase(db, auth.org.id, requireUuidParam(c));
  if (!kase) throw new AppError("not_found");
  const onTeam = kase.team.some((m) => m.userId === auth.user.id);
  return { kase, seesSensitive: canSeeCaseSensitive(auth.role, onTeam) };
}

export async function seesSensitive(c: AppContext, caseId: string): Promise<boolean> {
  const auth = requireAuth(c);
  if (auth.role === "owner") return canSeeCaseSensitive(auth.role, false);
  return canSeeCaseSensitive(
    auth.role,
    await isOnCaseTeam(c.get("deps").db, auth.org.id, caseId, auth.user.id),
  );
}

const NOTICES = {
  created: "created",
  saved: "saved",
  event: "event_saved",
  event_deleted: "event_deleted",
  family: "family_saved",
  family_removed: "family_removed",
  team: "team_saved",
} as const;

export function notice(c: AppContext): string | undefined {
  const t = casesText[c.get("lang")];
  const key = c.req.query("done");
  const status = c.req.query("status");
  if (key === "event" && status && (CASE_STATUSES as string[]).includes(status)) {
    return t.event_saved_status(t[`status_${status as CaseStatus}`]);
  }
  return key && key in NOTICES ? t[NOTICES[key as keyof typeof NOTICES]] : undefined;
}

/** Query strings are forgiving: anything odd falls back to the default. */
export const DashboardQuerySchema = z.object({
  q: z
    .string()
    .max(200)
    .transform((v) => v.replaceAll("\u0000", ""))
    .catch("")
    .default(""),
  status: z
    .enum(["active", "all", ...CASE_STATUSES] as ["active", "all", ...CaseStatus[]])
    .catch("active")
    .default("active"),
});

export const PersonParamSchema = z.object({
  person: z.uuid().optional().catch(undefined),
  q: z
    .string()
    .max(200)
    .transform((v) => v.replaceAll("\u0000", ""))
    .catch("")
    .default(""),
});
