import type { FieldErrors } from "../../platform/errors";
import { errorsByInput, formListItems, inputOfHead } from "../../platform/form-input";
import type { CallCampaign, Target } from "./call-campaign";

// The HTML forms' flat strings <-> the domain's fields.
const FORM_NAMES: Record<string, string> = {
  caseId: "case_id",
  titleEs: "title_es",
  titleEn: "title_en",
  askEs: "ask_es",
  askEn: "ask_en",
  scriptEs: "script_es",
  scriptEn: "script_en",
};

/** "phones.2" -> "phones", "titleEs" -> "title_es": the form shows one message per input. */
export function formErrors(errors: FieldErrors): FieldErrors {
  return errorsByInput(errors, inputOfHead(FORM_NAMES));
}

export function formToCampaignInput(values: Record<string, string>): Record<string, unknown> {
  return {
    caseId: values.case_id ?? "",
    kind: values.kind || "call",
    titleEs: values.title_es ?? "",
    titleEn: values.title_en ?? "",
    askEs: values.ask_es ?? "",
    askEn: values.ask_en ?? "",
    scriptEs: values.script_es ?? "",
    scriptEn: values.script_en ?? "",
    open: values.open === "on",
    public: values.public === "on",
  };
}

export function campaignToForm(c: CallCampaign): Record<string, string> {
  return {
    case_id: c.caseId,
    kind: c.kind,
    title_es: c.title.es,
    title_en: c.title.en,
    ask_es: c.ask.es,
    ask_en: c.ask.en,
    script_es: c.script.es,
    script_en: c.script.en,
    open: c.open ? "on" : "",
    public: c.public ? "on" : "",
  };
}

export function formToTargetInput(values: Record<string, string>): Record<string, unknown> {
  return {
    kind: "office",
    name: values.name ?? "",
    phones: formListItems(values.phones),
    address: values.address ?? "",
    hours: values.hours ?? "",
  };
}

export function targetToForm(t: Target): Record<string, string> {
  return {
    name: t.name,
    phones: t.phones.join(", "),
    address: t.address ?? "",
    hours: t.hours ?? "",
  };
}
