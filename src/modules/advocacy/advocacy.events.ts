// After-commit signal that what a case's public advocacy section shows has changed (a
// campaign's text, flags or targets), for whoever caches rendered public pages: the funds
// campaign pages of that case. Counted calls are not shown publicly, so counting one
// sends nothing. Sent on the app's event bus.
export type AdvocacyChange = { orgId: string; caseId: string };

declare module "../../platform/events" {
  interface AppEvents {
    "advocacy.changed": AdvocacyChange;
  }
}
