import { Hono } from "hono";
import { z } from "zod";
import { allow } from "../../platform/authorize";
import { AppError, type FieldErrors } from "../../platform/errors";
import {
  errorsByInput,
  formListItems,
  inputOfHead,
  parseWith,
  readForm,
} from "../../platform/form-input";
import { type AppContext, type AppEnv, render, requireUuidParam } from "../../platform/http";
import { emptyForm } from "../../platform/ui/forms";
import { pageView } from "../../platform/ui/view";
import { createFacility } from "./create-facility";
import { facilitiesText } from "./facilities.messages";
import { FacilitiesPage, FacilityFormPage } from "./facilities.pages";
import { type Facility, FacilityFieldsSchema } from "./facility";
import { getFacility, searchFacilities } from "./facility-record";
import { updateFacility } from "./update-facility";

export const facilitiesRoutes = new Hono<AppEnv>();

const view = pageView;

const toInput = (values: Record<string, string>) => ({
  name: values.name ?? "",
  address: values.address ?? "",
  phones: formListItems(values.phones),
  visitingHours: values.visiting_hours ?? "",
  notes: values.notes ?? "",
});

const toForm = (f: Facility) => ({
  name: f.name,
  address: f.address ?? "",
  phones: f.phones.join(", "),
  visiting_hours: f.visitingHours ?? "",
  notes: f.notes ?? "",
});

const FORM_NAMES: Record<string, string> = { visitingHours: "visiting_hours" };
function formErrors(errors: FieldErrors): FieldErrors {
  return errorsByInput(errors, inputOfHead(FORM_NAMES));
}

const QuerySchema = z.object({ q: z.string().max(200).catch("").default("") });
const NOTICES = { created: "created", saved: "saved" } as const;

facilitiesRoutes.get("/facilities", allow("facilities.read"), async (c) => {
  const auth = c.var.signedIn;
  const { q } = QuerySchema.parse(c.req.query());
  const done = c.req.query("done");
  const notice =
    done && done in NOTICES
      ? facilitiesText[c.get("lang")][NOTICES[done as keyof typeof NOTICES]]
      : undefined;
  const list = await searchFacilities(c.get("deps").db, auth.org.id, q.replaceAll("\u0000", ""));
  return render(c, <FacilitiesPage {...view(c)} facilities={list} q={q} notice={notice} />);
});

facilitiesRoutes.get("/facilities/new", allow("facilities.write"), (c) => {
  return render(c, <FacilityFormPage {...view(c)} form={emptyForm()} />);
});

facilitiesRoutes.post("/facilities", allow("facilities.write"), async (c) => {
  const auth = c.var.signedIn;
  const values = await readForm(c);
  const parsed = parseWith(FacilityFieldsSchema, toInput(values));
  if (!parsed.ok) {
    return render(
      c,
      <FacilityFormPage {...view(c)} form={{ values, errors: formErrors(parsed.errors) }} />,
      422,
    );
  }
  const f = await createFacility(c.get("deps"), auth.actor, parsed.data);
  return c.redirect(`/facilities?done=created#facility-${f.id}`, 303);
});

async function requireFacility(c: AppContext): Promise<Facility> {
  const auth = c.var.signedIn;
  const f = await getFacility(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!f) throw new AppError("not_found");
  return f;
}

facilitiesRoutes.get("/facilities/:id/edit", allow("facilities.write"), async (c) => {
  const f = await requireFacility(c);
  return render(c, <FacilityFormPage {...view(c)} facility={f} form={emptyForm(toForm(f))} />);
});

facilitiesRoutes.post("/facilities/:id", allow("facilities.write"), async (c) => {
  const auth = c.var.signedIn;
  const f = await requireFacility(c);
  const values = await readForm(c);
  const parsed = parseWith(FacilityFieldsSchema, toInput(values));
  if (!parsed.ok) {
    return render(
      c,
      <FacilityFormPage
        {...view(c)}
        facility={f}
        form={{ values, errors: formErrors(parsed.errors) }}
      />,
      422,
    );
  }
  await updateFacility(c.get("deps"), auth.actor, f.id, parsed.data);
  return c.redirect(`/facilities?done=saved#facility-${f.id}`, 303);
});
