import { describe, expect, it } from "vitest";
import { parseWith } from "../../../platform/form-input";
import { bondForm, giftForm, paymentForm, reverseForm } from "./activity-forms";

const ZONE = "America/Chicago";

describe("money forms on a campaign page", () => {
  it("reads a gift form into the operation's input", () => {
    const parsed = parseWith(giftForm("USD", ZONE), {
      gift_amount: "1,250.50",
      gift_method: "check",
      gift_received_on: "2025-03-15",
      gift_donor_name: "  Vecina Inventada ",
      gift_event_note: "",
      gift_show_name: "on",
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.data).toMatchObject({
      gift_amount: 125_050,
      gift_method: "check",
      gift_donor_name: "Vecina Inventada",
      gift_event_note: null,
      gift_show_name: true,
      gift_received_by: null,
    });
    expect(parsed.data.gift_received_on.toISOString()).toBe("2025-03-15T17:00:00.000Z");
  });

  it("names every problem under its own field, and never cuts text", () => {
    const parsed = parseWith(giftForm("USD", ZONE), {
      gift_amount: "-5",
      gift_method: "bitcoin",
      gift_received_on: "2025-02-30",
      gift_donor_name: "x".repeat(161),
      gift_event_note: "y".repeat(301),
    });
    expect(parsed).toEqual({
      ok: false,
      errors: {
        gift_amount: "amount_not_positive",
        gift_method: "invalid_choice",
        gift_received_on: "invalid_date",
        gift_donor_name: "too_long",
        gift_event_note: "too_long",
      },
    });
  });

  it("needs a payee and a known purpose; keeps memos to 500 characters", () => {
    expect(parseWith(paymentForm("MXN"), { pay_amount: "10", pay_payee: "  " })).toEqual({
      ok: false,
      errors: { pay_purpose: "invalid_choice", pay_payee: "required" },
    });
    const long = parseWith(paymentForm("USD"), {
      pay_amount: "10",
      pay_purpose: "legal_fees",
      pay_payee: "Despacho Inventado",
      pay_memo: "m".repeat(501),
    });
    expect(long).toEqual({ ok: false, errors: { pay_memo: "too_long" } });
    expect(parseWith(bondForm("JPY", ZONE), { bond_amount: "1.5" })).toEqual({
      ok: false,
      errors: { bond_amount: "amount_fractional" },
    });
    expect(parseWith(reverseForm, { memo: "z".repeat(501) })).toEqual({
      ok: false,
      errors: { memo: "too_long" },
    });
    expect(parseWith(reverseForm, {})).toEqual({ ok: true, data: { memo: null } });
  });
});
