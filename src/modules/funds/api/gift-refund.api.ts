import { z } from "zod";
import { jsonResponse, tokenApiRouter } from "../../../platform/api-router";
import { apiRoutes, withIdAndBody } from "../../../platform/api-routes";
import { requireUuidParam } from "../../../platform/http";
import { refundGift } from "../gifts/refund-gift";
import { stripeFor } from "../online-giving/stripe-config";

// POST /api/v1/gifts/{id}/refund: give a gift back (a Stripe card gift is refunded at
// Stripe too). The gift's ledger group is reversed; nothing is deleted.
export const giftRefundApi = tokenApiRouter("/api/v1/gifts/*");
const route = apiRoutes("campaigns");

giftRefundApi.openapi(
  route.post("/api/v1/gifts/{id}/refund", "funds.manage", {
    summary:
      "Refund a gift: its ledger entry is reversed; a card gift made through Stripe is refunded at Stripe first (409 stripe_refund_failed if Stripe refuses)",
    request: withIdAndBody(z.object({ memo: z.string().max(500).optional() }).strict()),
    responses: {
      201: jsonResponse(
        "Refunded",
        z.object({
          gift_id: z.uuid(),
          reversal_group_id: z.uuid(),
          stripe_refund_id: z.string().nullable(),
        }),
      ),
    },
  }),
  async (c) => {
    const id = requireUuidParam(c);
    const body = c.req.valid("json");
    const done = await refundGift(
      c.var.deps,
      c.var.actor,
      { giftId: id, memo: body.memo ?? null },
      stripeFor(c.var.config),
    );
    return c.json(
      {
        gift_id: id,
        reversal_group_id: done.reversalGroupId,
        stripe_refund_id: done.stripeRefundId,
      },
      201,
    );
  },
);
