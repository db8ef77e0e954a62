import { z } from "zod";
import { optionalText, phoneList, requiredText } from "../../platform/fields";
import { fold } from "../../platform/text";

// Pure domain: a place where people are held (or an office advocacy calls). No I/O.
export const FACILITY_LIMITS = {
  name: 200,
  address: 500,
  phone: 40,
  phones: 5,
  hours: 1000,
  notes: 5000,
};

export type Facility = {
  id: string;
  name: string;
  address: string | null;
  phones: string[];
  visitingHours: string | null;
  notes: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export const FacilityFieldsSchema = z.object({
  name: requiredText(FACILITY_LIMITS.name),
  address: optionalText(FACILITY_LIMITS.address),
  phones: phoneList(FACILITY_LIMITS.phone, FACILITY_LIMITS.phones),
  visitingHours: optionalText(FACILITY_LIMITS.hours),
  notes: optionalText(FACILITY_LIMITS.notes),
});
export type FacilityFields = z.infer<typeof FacilityFieldsSchema>;

export function facilitySearchText(f: Pick<FacilityFields, "name" | "address">): string {
  return fold([f.name, f.address ?? ""].filter(Boolean).join(" "));
}
