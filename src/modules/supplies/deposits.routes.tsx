import { desc, eq } from "drizzle-orm";
import { Hono } from "hono";
import { allow } from "../../platform/authorize";
import type { FieldErrors } from "../../platform/errors";
import { fieldErrorsOf, readForm } from "../../platform/form-input";
import { type AppContext, type AppEnv, render } from "../../platform/http";
import { parseAmount } from "../../platform/money";
import { dayInZone } from "../../platform/time";
import { searchCampaigns } from "../funds/campaigns/search-campaigns";
import { DepositsPage } from "./deposits.page";
import { recordDeposit } from "./record-deposit";
import { supplyDeposits } from "./supplies.schema";
import { notice, view } from "./supplies-http";

// Commissary and phone deposits: a form and the latest ones. The money itself is a funds
// disbursement (see record-deposit.ts).

export const depositRoutes = new Hono<AppEnv>();

async function page(
  c: AppContext,
  values: Record<string, string>,
  errors: FieldErrors,
  status: 200 | 422 = 200,
) {
  const auth = c.var.signedIn;
  const db = c.get("deps").db;
  const funds = (await searchCampaigns(db, auth.org.id, { q: "", page: 1, perPage: 100 })).campaigns
    .filter((f) => f.open)
    .map((f) => ({
      id: f.id,
      title: f.title[c.get("lang")] || f.title.es || f.title.en,
      currency: f.currency,
    }));
  const rows = await db
    .select()
    .from(supplyDeposits)
    .where(eq(supplyDeposits.orgId, auth.org.id))
    .orderBy(desc(supplyDeposits.depositedOn), desc(supplyDeposits.createdAt))
    .limit(30);
  return render(
    c,
    <DepositsPage
      {...view(c)}
      deposits={rows}
      funds={funds}
      form={{ values, errors }}
      notice={notice(c)}
    />,
    status,
  );
}

depositRoutes.get("/supplies/deposits", allow("supplies.deposit"), (c) =>
  page(
    c,
    { kind: "commissary", depositedOn: dayInZone(new Date(), c.var.signedIn.org.timeZone) },
    {},
  ),
);

depositRoutes.post("/supplies/deposits", allow("supplies.deposit"), async (c) => {
  const values = await readForm(c);
  const auth = c.var.signedIn;
  const funds = (
    await searchCampaigns(c.get("deps").db, auth.org.id, { q: "", page: 1, perPage: 100 })
  ).campaigns;
  const fund = funds.find((f) => f.id === values.campaignId);
  const amount = parseAmount(values.amount ?? "", fund?.currency ?? "USD");
  const errors: FieldErrors = {};
  if (!amount.ok) errors.amount = "invalid_amount";
  if (!fund) errors.campaignId = "invalid_choice";
  if (values.kind !== "commissary" && values.kind !== "phone") errors.kind = "invalid_choice";
  if (Object.keys(errors).length > 0 || !amount.ok) return page(c, values, errors, 422);
  try {
    await recordDeposit(c.get("deps"), c.var.actor, {
      campaignId: values.campaignId ?? "",
      kind: values.kind === "phone" ? "phone" : "commissary",
      amountCents: amount.cents,
      facility: values.facility ?? "",
      vendor: values.vendor ?? "",
      reference: values.reference ?? "",
      depositedOn: values.depositedOn ?? "",
    });
    return c.redirect("/supplies/deposits?done=deposit", 303);
  } catch (error) {
    return page(c, values, fieldErrorsOf(error), 422);
  }
});
