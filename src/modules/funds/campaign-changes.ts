// After-commit signal that a campaign or its ledger changed, for whoever caches what a
// campaign shows (the public page's rendered bytes). Sent on the app's event bus.
export type CampaignChange = { orgId: string; campaignId: string };

declare module "../../platform/events" {
  interface AppEvents {
    "funds.campaign_changed": CampaignChange;
  }
}
