import { z } from "zod";
import { requiredText, slugText } from "../../platform/fields";

// Form and CLI input for organizations and accounts. Messages are field-error keys.
export const TIME_ZONES = [
  "America/Los_Angeles",
  "America/Denver",
  "America/Phoenix",
  "America/Chicago",
  "America/New_York",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "America/Mexico_City",
  "America/Tijuana",
  "America/Guatemala",
  "America/El_Salvador",
  "America/Tegucigalpa",
  "UTC",
] as const;

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}

export const EmailSchema = requiredText(254).pipe(z.email("invalid_email"));

export const PasswordSchema = z
  .string("required")
  .min(10, "password_too_short")
  .max(200, "too_long");

export const OrganizationSchema = z.object({
  org_name: requiredText(120),
  slug: slugText().regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, "invalid_slug"),
  time_zone: z.string("required").trim().refine(isTimeZone, "invalid_time_zone"),
  default_language: z.enum(["es", "en"], "invalid_choice"),
});

export const OwnerSchema = z.object({
  owner_name: requiredText(120),
  email: EmailSchema,
  password: PasswordSchema,
});

export const SetupSchema = OrganizationSchema.extend(OwnerSchema.shape);
export type SetupInput = z.infer<typeof SetupSchema>;

export const SignInSchema = z.object({
  email: requiredText(254),
  password: z.string("required").min(1, "required").max(200, "too_long"),
});

export const InviteSchema = z.object({
  email: EmailSchema,
  role: z.enum(["owner", "organizer", "member", "viewer"], "invalid_choice"),
});

export const AcceptInviteSchema = z.object({
  name: requiredText(120),
  password: PasswordSchema,
});
