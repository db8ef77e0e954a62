import type { AttendanceStatus } from "./action";

// Events this module sends on the app's bus after a commit (platform/events.ts).
// "actions.changed": the public pages of the organization (and its calendar) may be stale.
// "actions.rsvp": someone's answer to an action was recorded (public form, staff, API).
// "actions.moved": the time or the place of an action changed (people going are told).
// "actions.cancelled": an action was cancelled.
// Ids only: listeners read what they need through the module's published functions.

export type ActionChange = "time" | "place";

declare module "../../platform/events" {
  interface AppEvents {
    "actions.changed": { orgId: string; eventId: string };
    "actions.rsvp": {
      orgId: string;
      eventId: string;
      personId: string;
      status: AttendanceStatus;
      /** The public form's consent box, ticked: the contact points typed and the words shown. */
      consent?: { contacts: string[]; wording: string; language: "es" | "en" };
    };
    "actions.moved": { orgId: string; eventId: string; changes: ActionChange[] };
    "actions.cancelled": { orgId: string; eventId: string };
  }
}
