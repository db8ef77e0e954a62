import type { AppContext } from "../../platform/http";
import { requireUuidParam } from "../../platform/http";
import { requireEvent } from "./actions-port";

// What the review page and the plan's lessons page share.

/** How a page is shown again after a post: a message, and the status it answers with. */
export type PageOutcome = { notice?: string; status?: 200 | 409 | 422 };

/** Who is signed in, the database, and the organization's action in the URL (or a 404). */
export async function routeEvent(c: AppContext) {
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const event = await requireEvent(db, auth.org.id, requireUuidParam(c));
  return { auth, db, event };
}
