import { and, eq, type SQL } from "drizzle-orm";
import { actionAttendances } from "./actions.schema";

/**
 * The organization's attendance rows of people who came (checked in) that also meet `more`;
 * join actionEvents to ask about when the actions were.
 */
export const attendedWhere = (orgId: string, ...more: (SQL | undefined)[]) =>
  and(eq(actionAttendances.orgId, orgId), eq(actionAttendances.status, "attended"), ...more);
