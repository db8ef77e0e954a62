import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { allow } from "../../../platform/authorize";
import { common } from "../../../platform/common.messages";
import { AppError, type FieldErrors, notFound } from "../../../platform/errors";
import { fieldErrorsOf, parseWith, readForm } from "../../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../../platform/http";
import { formatNumber } from "../../../platform/i18n";
import { emptyForm, type FormState } from "../../../platform/ui/forms";
import { getCampaign } from "../campaigns/campaign-record";
import { getCampaignTotals } from "../campaigns/campaign-totals";
import { view } from "../campaigns/funds.routes";
import { GIFT_METHODS } from "../gifts/gift";
import { discardGiftImport } from "./discard-gift-import";
import { importText } from "./funds-import.messages";
import { ImportDonePage, importPath, importPreviewPath, UploadPage } from "./funds-import.pages";
import {
  CsvFileError,
  DATE_ORDERS,
  GIFT_FIELDS,
  type GiftCsvMapping,
  type GiftField,
  MAX_IMPORT_ROWS,
  MAX_UPLOAD_BYTES,
  SOURCE_LABEL,
} from "./gift-csv";
import { GiftImportPreviewPage, mappingToForm } from "./gift-import-preview.page";
import { computePreview, getGiftImport, mappingDigest } from "./gift-import-record";
import { importGifts } from "./import-gifts";
import { updateGiftImportMapping } from "./update-gift-import-mapping";
import { uploadGiftImport } from "./upload-gift-import";
import "../funds.errors";

export const fundsImportRoutes = new Hono<AppEnv>();

/** The upload takes files up to 5 MB: app.ts gives this path this body limit, not the usual one. */
export const isGiftUpload = (path: string) => /^\/funds\/[^/]+\/import$/.test(path);
export const giftUploadBodyLimit = bodyLimit({
  // The multipart envelope around the file needs a little room of its own.
  maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
  onError: () => {
    throw new AppError("file_too_large");
  },
});

const column = z
  .union([
    z.literal("").transform(() => null),
    z
      .string()
      .regex(/^\d{1,4}$/, "invalid_choice")
      .transform(Number),
  ])
  .default(null);
const MappingFormSchema = z.object({
  ...(Object.fromEntries(GIFT_FIELDS.map((f) => [`col_${f}`, column])) as Record<
    `col_${GiftField}`,
    typeof column
  >),
  date_order: z.enum(DATE_ORDERS, "invalid_choice"),
  method: z.enum(GIFT_METHODS, "invalid_choice"),
  source: z.string("required").trim().toLowerCase().regex(SOURCE_LABEL, "invalid_slug"),
});

function formToMapping(data: z.infer<typeof MappingFormSchema>): GiftCsvMapping {
  const columns = Object.fromEntries(GIFT_FIELDS.map((f) => [f, data[`col_${f}`]])) as Record<
    GiftField,
    number | null
  >;
  return { columns, dateOrder: data.date_order, method: data.method, source: data.source };
}

async function requireCampaign(c: AppContext) {
  const auth = c.var.signedIn;
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw notFound();
  return { auth, campaign };
}

async function requireImport(c: AppContext) {
  const { auth, campaign } = await requireCampaign(c);
  const imp = await getGiftImport(
    c.get("deps").db,
    auth.org.id,
    campaign.id,
    requireUuidParam(c, "importId"),
  );
  if (!imp) throw notFound();
  return { auth, campaign, imp };
}

type Loaded = Awaited<ReturnType<typeof requireImport>>;

/** The preview as the server computes it now; `form` and `alert` when something failed. */
async function showPreview(
  c: AppContext,
  { auth, campaign, imp }: Loaded,
  failed: { form?: FormState; alert?: string; status?: 409 | 422 } = {},
) {
  const preview = await computePreview(
    c.get("deps").db,
    auth.org.id,
    imp,
    campaign,
    auth.org.timeZone,
  );
  return render(
    c,
    <GiftImportPreviewPage
      {...view(c)}
      campaign={campaign}
      imp={imp}
      preview={preview}
      digest={mappingDigest(imp.mapping)}
      form={failed.form ?? emptyForm(mappingToForm(imp.mapping))}
      alert={failed.alert}
    />,
    failed.status ?? 200,
  );
}

async function showDone(c: AppContext, { auth, campaign, imp }: Loaded, replayed: boolean) {
  const totals = await getCampaignTotals(c.get("deps").db, auth.org.id, campaign.id);
  if (!totals || !imp.result) throw notFound();
  return render(
    c,
    <ImportDonePage
      {...view(c)}
      campaign={campaign}
      result={imp.result}
      replayed={replayed}
      totals={totals}
    />,
  );
}

fundsImportRoutes.get("/funds/:id/import", allow("funds.import"), async (c) => {
  const { campaign } = await requireCampaign(c);
  const notice =
    c.req.query("done") === "discarded" ? importText[c.get("lang")].discarded : undefined;
  return render(c, <UploadPage {...view(c)} campaign={campaign} notice={notice} />);
});

fundsImportRoutes.post("/funds/:id/import", allow("funds.import"), async (c) => {
  const { auth, campaign } = await requireCampaign(c);
  const t = importText[c.get("lang")];
  const again = (alert: string) =>
    render(c, <UploadPage {...view(c)} campaign={campaign} alert={alert} />, 422);
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) return again(t.no_file);
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError("file_too_large");
  try {
    const { id } = await uploadGiftImport(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return c.redirect(importPreviewPath(campaign.id, id), 303);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    if (error.problem === "too_many_rows") {
      return again(t.file_too_many_rows(formatNumber(MAX_IMPORT_ROWS, c.get("lang"))));
    }
    return again(t[`file_${error.problem}`]);
  }
});

fundsImportRoutes.get("/funds/:id/imports/:importId", allow("funds.import"), async (c) => {
  const loaded = await requireImport(c);
  if (loaded.imp.status === "committed") return showDone(c, loaded, c.req.query("again") === "1");
  return showPreview(c, loaded);
});

fundsImportRoutes.post("/funds/:id/imports/:importId", allow("funds.import"), async (c) => {
  const loaded = await requireImport(c);
  const { auth, campaign, imp } = loaded;
  const values = await readForm(c);
  const parsed = parseWith(MappingFormSchema, values);
  const again = (errors: FieldErrors) =>
    showPreview(c, loaded, { form: { values, errors }, status: 422 });
  if (!parsed.ok) return again(parsed.errors);
  try {
    await updateGiftImportMapping(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      importId: imp.id,
      mapping: formToMapping(parsed.data),
    });
  } catch (error) {
    return again(fieldErrorsOf(error));
  }
  return c.redirect(`${importPreviewPath(campaign.id, imp.id)}#rows`, 303);
});

fundsImportRoutes.post("/funds/:id/imports/:importId/commit", allow("funds.import"), async (c) => {
  const loaded = await requireImport(c);
  const { auth, campaign, imp } = loaded;
  const values = await readForm(c);
  try {
    const result = await importGifts(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      importId: imp.id,
      mappingDigest: values.digest ?? "",
      timeZone: auth.org.timeZone,
    });
    const done = importPreviewPath(campaign.id, imp.id);
    return c.redirect(result.replayed ? `${done}?again=1` : done, 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code !== "import_has_problems" && error.code !== "preview_changed") throw error;
    const alert = common[c.get("lang")][`error_${error.code}`];
    const fresh = await getGiftImport(c.get("deps").db, auth.org.id, campaign.id, imp.id);
    if (!fresh) throw notFound();
    return showPreview(c, { ...loaded, imp: fresh }, { alert, status: error.status as 409 | 422 });
  }
});

fundsImportRoutes.post("/funds/:id/imports/:importId/discard", allow("funds.import"), async (c) => {
  const { auth, campaign, imp } = await requireImport(c);
  await discardGiftImport(c.get("deps"), auth.actor, { campaignId: campaign.id, importId: imp.id });
  return c.redirect(`${importPath(campaign.id)}?done=discarded`, 303);
});
