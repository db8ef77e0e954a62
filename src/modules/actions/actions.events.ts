// Events this module sends on the app's bus after a commit (platform/events.ts).
// "actions.changed": the public pages of the organization (and its calendar) may be stale.

declare module "../../platform/events" {
  interface AppEvents {
    "actions.changed": { orgId: string; eventId: string };
  }
}

export {};
