// After-commit signal that what a case shows on public pages has changed (whether it is
// public, its public story), for whoever caches rendered public pages: the funds campaign
// pages of that case. Nothing else about a case is ever public, so nothing else sends it.
export type CasePublicChange = { orgId: string; caseId: string };

declare module "../../platform/events" {
  interface AppEvents {
    "defense.case_public_changed": CasePublicChange;
  }
}
