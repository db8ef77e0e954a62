import type { Db } from "../../db/client";
import type { Bilingual } from "../../platform/bilingual";

// The case page lists the funds raised for the case and shares their public pages. Funds
// sits above defense (a campaign links to a case), so defense only declares what it needs
// and app.ts registers funds' published read (as people's addPersonSection does).

export type CaseFund = {
  id: string;
  slug: string;
  title: Bilingual;
  public: boolean;
  open: boolean;
};

export type CaseFundsFn = (db: Db, orgId: string, caseId: string) => Promise<CaseFund[]>;

let registered: CaseFundsFn = async () => [];

/** Registered once at the composition root; registering again replaces it. */
export function setCaseFunds(fn: CaseFundsFn): void {
  registered = fn;
}

/** The case's fund campaigns, oldest first; none when the funds module isn't wired in. */
export const caseFundsOf: CaseFundsFn = (db, orgId, caseId) => registered(db, orgId, caseId);
