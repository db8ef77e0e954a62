import { sql } from "drizzle-orm";
import { Hono } from "hono";
import type { Config } from "./config";
import type { Database } from "./db/client";
import { accountRoutes } from "./modules/accounts/account.routes";
import { accountsRoutes } from "./modules/accounts/accounts.routes";
import { organizationCount } from "./modules/accounts/setup-organization";
import { usersRoutes } from "./modules/accounts/users.routes";
import { actionAudiences, actionForMessages } from "./modules/actions";
import { actionsApi } from "./modules/actions/actions.api";
import { actionsPublicRoutes } from "./modules/actions/actions.public";
import { actionsRoutes } from "./modules/actions/actions.routes";
import { followHearingChange } from "./modules/actions/follow-hearing-change";
import { advocacyApi } from "./modules/advocacy/advocacy.api";
import { advocacyRoutes } from "./modules/advocacy/advocacy.routes";
import { advocacyTargetRoutes } from "./modules/advocacy/advocacy-targets.routes";
import { caseActivityRoutes } from "./modules/defense/case-activity.routes";
import { setCaseFunds } from "./modules/defense/case-funds";
import { casesApi } from "./modules/defense/cases.api";
import { casesRoutes } from "./modules/defense/cases.routes";
import { facilitiesRoutes } from "./modules/defense/facilities.routes";
import { setHearingFollower } from "./modules/defense/hearing-followers";
import { personCasesSection } from "./modules/defense/person-cases-section";
import { ballotsApi, electionsApi } from "./modules/elections/elections.api";
import { electionsRoutes } from "./modules/elections/elections.routes";
import { voteRoutes } from "./modules/elections/vote.routes";
import { bondsApi } from "./modules/funds/api/bonds.api";
import { fundsApi } from "./modules/funds/api/funds.api";
import { giftRefundApi } from "./modules/funds/api/gift-refund.api";
import { listCampaignsForCase } from "./modules/funds/campaigns/campaign-record";
import { fundsRoutes } from "./modules/funds/campaigns/funds.routes";
import { fundsActivityRoutes } from "./modules/funds/campaigns/funds-activity.routes";
import {
  fundsImportRoutes,
  giftUploadBodyLimit,
  isGiftUpload,
} from "./modules/funds/imports/funds-import.routes";
import { ledgerRoutes } from "./modules/funds/ledger/ledger.routes";
import { stripeWebhookRoutes } from "./modules/funds/online-giving/stripe.routes";
import { stripeConfigured } from "./modules/funds/online-giving/stripe-config";
import { homeRoutes } from "./modules/home/home.routes";
import { listenForActionMessages } from "./modules/messaging/action-message-listener";
import { consentSection } from "./modules/messaging/consent.page";
import { consentRoutes } from "./modules/messaging/consent.routes";
import { channelConsent } from "./modules/messaging/consent-summary";
import { listenForHearingMessages } from "./modules/messaging/hearing-message-listener";
import { messagingApi } from "./modules/messaging/messaging.api";
import { messagingRoutes } from "./modules/messaging/messaging.routes";
import { messagingPublicRoutes } from "./modules/messaging/messaging-public.routes";
import { ownRemindersRoutes } from "./modules/messaging/own-reminders.routes";
import { listenForStatedConsent } from "./modules/messaging/record-stated-consent";
import { outreachRoutes } from "./modules/outreach/outreach.routes";
import { setConsentSummaryReader } from "./modules/people/consent-summary";
import { peopleApi } from "./modules/people/people.api";
import { peopleRoutes } from "./modules/people/people.routes";
import { addPersonSection } from "./modules/people/person-sections";
import { advocacyPublicRoutes } from "./modules/public/called.routes";
import { checkoutFormAction, giveRoutes } from "./modules/public/give.routes";
import { publicPages } from "./modules/public/public.routes";
import { leadersRoutes } from "./modules/reviews/leaders.routes";
import { lessonsRoutes } from "./modules/reviews/lessons.routes";
import { openLessonsForPlan } from "./modules/reviews/open-lessons";
import { participationSection } from "./modules/reviews/participation-section";
import { reviewsApi } from "./modules/reviews/reviews.api";
import { reviewsRoutes } from "./modules/reviews/reviews.routes";
import { depositRoutes } from "./modules/supplies/deposits.routes";
import { driveEditRoutes } from "./modules/supplies/drive-edit.routes";
import { receiveRoutes } from "./modules/supplies/receive.routes";
import { suppliesApi } from "./modules/supplies/supplies.api";
import { suppliesPublicPages } from "./modules/supplies/supplies.public";
import { suppliesRoutes } from "./modules/supplies/supplies.routes";
import type { Deps } from "./platform/actor";
import { guardJsonBody } from "./platform/api";
import { apiRouter } from "./platform/api-router";
import { assetRoutes } from "./platform/assets";
import { anyone } from "./platform/authorize";
import { bodyLimit } from "./platform/body-limit";
import type { FieldCipher } from "./platform/crypto";
import { handleError } from "./platform/error-handler";
import { AppError } from "./platform/errors";
import { EventBus } from "./platform/events";
import type { AppEnv } from "./platform/http";
import { csrf, language, provide, securityHeaders, session } from "./platform/middleware";
import { OPENAPI_PATH, openApiDocument } from "./platform/openapi";

export const VERSION = "0.1.0";

export type AppDeps = {
  database: Database;
  cipher: FieldCipher;
  config: Config;
  /** The app's event bus; tests pass theirs to hear what operations emit. */
  bus?: EventBus;
};

/** Builds the whole app from the modules; tests call `app.request()` on it with no port. */
export function createApp({ database, cipher, config, bus = new EventBus() }: AppDeps) {
  const deps: Deps = { db: database.db, cipher, bus };
  const app = new Hono<AppEnv>();
  // The JSON API: one router, so the OpenAPI document lists every route it serves.
  const api = apiRouter();
  // The person page shows the actions a person came to and the roles they held (reviews).
  addPersonSection(personCasesSection, "top");
  addPersonSection(participationSection);
  // The case page lists the case's funds (funds sits above defense).
  setCaseFunds(listCampaignsForCase);
  // ...and the consent each of their contact points gave for messages (messaging).
  addPersonSection(consentSection);
  // Consent is messaging's alone (decision 094): it records what people's forms, imports
  // and API state, and people's API reads each person's consent per channel from it.
  listenForStatedConsent(deps);
  setConsentSummaryReader(channelConsent);
  // Confirmations, reminders and change notices to people going to an action (messaging
  // hears actions' events; actions' published lookup is passed in).
  const actionMessages = listenForActionMessages(deps, {
    lookup: (orgId, id) => actionForMessages(deps.db, orgId, id),
    audiences: (hostOrgId, id) => actionAudiences(deps.db, hostOrgId, id),
  });
  // A hearing added, moved or called off (defense): its family contacts and case team are
  // told at once and get their new reminders (messaging); court support linked to it moves
  // or is cancelled with it, in the same transaction (actions sits above defense), and
  // people going hear that through the action listener above.
  const hearingMessages = listenForHearingMessages(deps);
  setHearingFollower(followHearingChange);
  for (const routes of [
    peopleApi,
    fundsApi,
    bondsApi,
    giftRefundApi,
    suppliesApi,
    electionsApi,
    ballotsApi,
    actionsApi({ openLessons: openLessonsForPlan }),
    messagingApi,
    reviewsApi,
    casesApi,
    advocacyApi,
  ]) {
    api.route("/", routes);
  }
  let openapi: ReturnType<typeof openApiDocument> | undefined;
  let setUp = false;

  app.onError(handleError);
  // Outside securityHeaders: widens form-action on the give-online page only (see there).
  app.use(checkoutFormAction);
  app.use(securityHeaders);
  app.use(provide(deps, config));
  const defaultBodyLimit = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError("payload_too_large");
    },
  });
  // CSV gift imports take files up to 5 MB; everything else stays at 1 MB. GET and HEAD
  // carry no body: skipping them keeps bodyLimit from building a full Request (costly).
  app.use((c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD"
      ? next()
      : isGiftUpload(c.req.path)
        ? giftUploadBodyLimit(c, next)
        : defaultBodyLimit(c, next),
  );

  app.get("/healthz", anyone, async (c) => {
    await database.db.execute(sql`SELECT 1`);
    return c.json({ status: "ok" });
  });
  app.route("/", assetRoutes);
  app.get(OPENAPI_PATH, anyone, (c) => {
    openapi ??= openApiDocument(api, VERSION);
    return c.json(openapi);
  });
  app.use("/api/v1/*", guardJsonBody);
  app.route("/", api);
  app.route("/", stripeWebhookRoutes);
  app.route("/", messagingPublicRoutes);
  app.all("/api/*", () => {
    throw new AppError("not_found");
  });
  // Public pages: no session, served from cached bytes.
  const pages = publicPages({
    database,
    bus,
    publicUrl: config.publicUrl,
    onlineGiving: stripeConfigured(config),
  });
  app.route("/", pages.routes);
  app.route("/", giveRoutes);
  const supplyPages = suppliesPublicPages({ database, bus, publicUrl: config.publicUrl });
  app.route("/", supplyPages.routes);
  // Public action pages and calendars: rendered per request (the RSVP form), no session.
  app.route("/", actionsPublicRoutes({ database, bus, publicUrl: config.publicUrl }));

  app.use(session);
  app.use(language);
  app.use(csrf);
  // First run: until an organization exists, every page leads to setup
  // (the setup page's language switch still works).
  app.use(async (c, next) => {
    if (!setUp) setUp = (await organizationCount(database.db)) > 0;
    if (!setUp && c.req.path !== "/setup" && c.req.path !== "/lang") {
      return c.redirect("/setup", 303);
    }
    await next();
  });
  for (const routes of [
    accountsRoutes,
    usersRoutes,
    accountRoutes,
    ownRemindersRoutes,
    homeRoutes,
    peopleRoutes,
    messagingRoutes,
    consentRoutes,
    casesRoutes,
    caseActivityRoutes,
    facilitiesRoutes,
    fundsActivityRoutes,
    ledgerRoutes,
    fundsRoutes,
    fundsImportRoutes,
    advocacyRoutes,
    advocacyTargetRoutes,
    advocacyPublicRoutes,
    // Readiness lists the open lessons of earlier reviews of the same kind (reviews module).
    actionsRoutes({ openLessons: openLessonsForPlan }),
    supplyPages.pledgeRoutes,
    depositRoutes,
    suppliesRoutes,
    driveEditRoutes,
    receiveRoutes,
    // The ballot and public results: no session needed (the voting token is the credential).
    voteRoutes,
    outreachRoutes,
    reviewsRoutes,
    lessonsRoutes,
    leadersRoutes,
    electionsRoutes,
  ]) {
    app.route("/", routes);
  }
  app.notFound(() => {
    throw new AppError("not_found");
  });
  // main.ts puts serveStored in front of Hono: stored public pages go straight out.
  return Object.assign(app, {
    serveStored: pages.serveStored,
    deps,
    actionMessages,
    hearingMessages,
  });
}
