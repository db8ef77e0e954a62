// Pure: what a gift can be. Each list is the one source for its type, the table column,
// the forms' and the API's validation (the migration's CHECK is compared by the drift test).

export const GIFT_METHODS = ["cash", "check", "card", "transfer", "other"] as const;
export type GiftMethod = (typeof GIFT_METHODS)[number];
