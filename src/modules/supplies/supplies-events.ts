// What the supplies module tells the rest of the app, after commit (platform/operation.ts).
declare module "../../platform/events" {
  interface AppEvents {
    /** Anything on a drive's public page may have changed: needs, pledges, stock, points. */
    "supplies.drive_changed": { orgId: string; driveId: string };
  }
}

export const DRIVE_CHANGED = "supplies.drive_changed" as const;
