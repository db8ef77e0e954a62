import { describe, expect, it } from "vitest";
import { cents } from "../../../platform/money";
import { monthKey } from "../../../platform/time";
import { movementGroup } from "./ledger";
import { decimalText, totalsByMonth } from "./reports";

describe("monthKey", () => {
  it("uses the organization's calendar, not UTC", () => {
    const lateOnMarch31 = new Date("2025-04-01T05:30:00Z"); // 22:30 on March 31 in Los Angeles
    expect(monthKey(lateOnMarch31, "America/Los_Angeles")).toBe("2025-03");
    expect(monthKey(lateOnMarch31, "UTC")).toBe("2025-04");
    expect(monthKey(lateOnMarch31, "Europe/Madrid")).toBe("2025-04");
  });
});

describe("totalsByMonth", () => {
  it("applies the ledger's totals to each month's movements, oldest month first", () => {
    const usd = "USD" as const;
    const lines = [
      {
        group: movementGroup("a", { kind: "donation", currency: usd, amount: cents(1_000) }),
        occurredAt: new Date("2025-02-10T18:00:00Z"),
      },
      {
        group: movementGroup("b", { kind: "donation", currency: usd, amount: cents(500) }),
        occurredAt: new Date("2025-01-20T18:00:00Z"),
      },
      {
        group: movementGroup("c", { kind: "disbursement", currency: usd, amount: cents(300) }),
        occurredAt: new Date("2025-02-11T18:00:00Z"),
      },
    ];
    const months = totalsByMonth(lines, "America/Los_Angeles");
    expect(
      months.map((m) => [m.month, m.totals.raisedCents, m.totals.spentCents, m.totals.gifts]),
    ).toEqual([
      ["2025-01", 500, 0, 1],
      ["2025-02", 1_000, 300, 1],
    ]);
  });
});

describe("CSV", () => {
  it("writes plain decimals in the currency's places", () => {
    expect(decimalText(cents(123_450), "USD")).toBe("1234.50");
    expect(decimalText(cents(-5), "USD")).toBe("-0.05");
    expect(decimalText(cents(0), "EUR")).toBe("0.00");
    expect(decimalText(cents(1_500), "JPY")).toBe("1500");
  });
});
