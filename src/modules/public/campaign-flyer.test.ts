import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newCase } from "../../../test/support/advocacy";
import { createOrg, createTestApp } from "../../../test/support/app";
import { give, newCampaign } from "../../../test/support/funds";
import { STORES } from "../../../test/support/stores";
import { appSuite, orgApp } from "../../../test/support/suites";
import { addTarget } from "../advocacy/add-target";
import { CallCampaignFieldsSchema, TargetFieldsSchema } from "../advocacy/call-campaign";
import { createCallCampaign } from "../advocacy/create-call-campaign";
import { advocacyCalls, pdfText, qrSafeUrl, renderFlyer } from "./campaign-flyer";
import { loadPublicCampaign } from "./public-campaign";

// The printable flyer: one letter page, both languages, a QR code that scans to the page.
// Checked the way a person would: rendered to an image (pdftoppm), read as text
// (pdftotext), and the QR code decoded from the pixels.

const hasPoppler = spawnSync("pdftoppm", ["-v"]).status === 0;
if (!hasPoppler) {
  console.warn(
    `\n${"!".repeat(80)}\n! Flyer tests SKIPPED: pdftoppm/pdftotext not found. Install poppler-utils (apt-get install -y poppler-utils).\n${"!".repeat(80)}\n`,
  );
}

type Rendered = { pages: number; size: string; text: string; png: string };

function inspect(pdf: Buffer, dir: string, name: string): Rendered {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  execFileSync("pdftoppm", ["-png", "-r", "110", "-singlefile", file, join(dir, name)]);
  const png = join(dir, `${name}.png`);
  if (process.env.AMPARO_SHOTS) {
    mkdirSync(process.env.AMPARO_SHOTS, { recursive: true });
    copyFileSync(png, join(process.env.AMPARO_SHOTS, `flyer-${name}.png`));
  }
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]),
    size: /Page size:\s+([^\n]+)/.exec(info)?.[1] ?? "",
    // Lines joined: a wrapped sentence reads as one.
    text: text.replace(/\s+/g, " "),
    png,
  };
}

function decodeQr(pngFile: string): string | null {
  const png = PNG.sync.read(readFileSync(pngFile));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

/** A folder for the describe block's PDFs and their pictures, removed after it. */
function pdfDir(): { path: string } {
  const dir = { path: "" };
  beforeAll(() => {
    dir.path = mkdtempSync(join(tmpdir(), "amparo-flyer-"));
  });
  afterAll(() => {
    if (dir.path) rmSync(dir.path, { recursive: true, force: true });
  });
  return dir;
}

describe.skipIf(!hasPoppler).each(STORES)("campaign flyer (%s)", (store) => {
  const s = appSuite(
    store,
    async (t) => ({ org: await createOrg(t, "Comité Inventado de Vendedores") }),
    { AMPARO_PUBLIC_URL: "https://amparo.example.org" },
  );
  const dir = pdfDir();

  it("is one letter page with both languages and a QR code to the public page", async () => {
    const c = await newCampaign(s.t, s.org.actor, {
      public: true,
      title: { es: "Fondo para Doña Inventada", en: "Fund for Doña Inventada" },
      story: {
        es: "Doña Inventada vende tamales en la esquina desde hace doce años. ¿Nos ayuda?",
        en: "Doña Inventada has sold tamales on the same corner for twelve years. Will you help?",
      },
      goalCents: 1_000_000,
      milestonesCents: [100_000, 500_000],
    });
    await give(s.t, s.org.actor, c.id, 150_000);
    await give(s.t, s.org.actor, c.id, 19_500);
    const res = await s.t.app.request(`/p/${s.org.slug}/c/${c.slug}/flyer.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("cache-control")).toBe("public, max-age=30");
    const pdf = Buffer.from(await res.arrayBuffer());
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");

    const out = inspect(pdf, dir.path, `basic-${store}`);
    expect(out.pages).toBe(1);
    expect(out.size).toContain("612 x 792");
    for (const expected of [
      "Comité Inventado de Vendedores",
      "Fondo para Doña Inventada",
      "Fund for Doña Inventada",
      "$1,695.00",
      "recaudados de una meta de $10,000.00",
      "raised of a $10,000.00 goal",
      "16 % de la meta",
      "16% of the goal",
      "2 donativos",
      "2 gifts",
      "ESPAÑOL",
      "ENGLISH",
      "desde hace doce años. ¿Nos ayuda?",
      "for twelve years. Will you help?",
      "Cómo donar",
      "How to give",
      "Le daremos un recibo.",
      "You will get a receipt.",
      "Escanee para ver la página",
      "Scan to see the page",
      `https://amparo.example.org/p/${s.org.slug}/c/${c.slug}`,
    ]) {
      expect(out.text, expected).toContain(expected);
    }
    expect(decodeQr(out.png)).toBe(`https://amparo.example.org/p/${s.org.slug}/c/${c.slug}`);
  });

  it("prints no QR code without a public address, whatever Host the request names", async () => {
    const bare = await createTestApp(store);
    try {
      const own = await createOrg(bare, "Comité Sin Dirección");
      const c = await newCampaign(bare, own.actor, { public: true });
      const res = await bare.app.request(`http://evil.example/p/${own.slug}/c/${c.slug}/flyer.pdf`);
      expect(res.status).toBe(200);
      const out = inspect(Buffer.from(await res.arrayBuffer()), dir.path, `no-address-${store}`);
      expect(out.pages).toBe(1);
      expect(decodeQr(out.png)).toBeNull();
      expect(out.text).not.toContain("evil.example");
      expect(out.text).toContain("Sin código QR: falta la dirección pública");
      expect(out.text).toContain(
        "No QR code: Amparo's public address (AMPARO_PUBLIC_URL) is not set",
      );
    } finally {
      await bare.close();
    }
  });

  it("prints a one-language story once and no progress until something is raised", async () => {
    const c = await newCampaign(s.t, s.org.actor, {
      public: true,
      title: { es: "Fondo solo en español", en: "" },
      story: { es: "Una historia inventada que solo se escribió en español.", en: null },
      goalCents: 500_000,
      milestonesCents: [],
    });
    const res = await s.t.app.request(`/p/${s.org.slug}/c/${c.slug}/flyer.pdf`);
    const out = inspect(Buffer.from(await res.arrayBuffer()), dir.path, `one-language-${store}`);
    const story = "Una historia inventada que solo se escribió en español.";
    expect(out.text.split(story).length - 1).toBe(1);
    expect(out.text).toContain("The story is written in Spanish, in the other column.");
    expect(out.text).toContain("Meta: $5,000.00 · Goal: $5,000.00");
    expect(out.text).not.toContain("$0.00");
    expect(out.text).not.toContain("0 % de la meta");
  });

  it("stays on one page with a very long title and story, numbers to call and online gifts", async () => {
    const c = await newCampaign(s.t, s.org.actor, {
      public: true,
      title: {
        es: "Fondo de defensa legal y de fianza para la familia Inventada del barrio de San Ejemplo, que necesita su ayuda",
        en: "Legal defense and bond fund for the Inventada family of the San Ejemplo neighborhood, who need your help",
      },
      story: {
        es: "Una historia inventada con muchos detalles. ".repeat(80),
        en: "An invented story with many details. ".repeat(80),
      },
    });
    const data = await loadPublicCampaign(s.t.database.db, s.org.slug, c.slug);
    if (!data) throw new Error("campaign should be public");
    const pdf = await renderFlyer(data, {
      url: `https://amparo.example.org/p/${s.org.slug}/c/${c.slug}`,
      online: true,
      calls: [
        { name: "Centro de Procesamiento Inventado", phone: "(555) 010-0199" },
        { name: "Oficina del Representante Inventado", phone: "(555) 010-0123" },
      ],
    });
    const out = inspect(pdf, dir.path, `long-${store}`);
    expect(out.pages).toBe(1);
    expect(out.text).toContain("Llame hoy · Call today");
    expect(out.text).toContain("(555) 010-0199");
    expect(out.text).toContain("(555) 010-0123");
    expect(out.text).toContain("Escanee para donar en línea");
    expect(out.text).toContain("Scan to give online");
    expect(out.text).toContain("Una historia inventada");
    expect(out.text).toContain("…");
    expect(decodeQr(out.png)).toBe(`https://amparo.example.org/p/${s.org.slug}/c/${c.slug}`);
  });
});

describe.skipIf(!hasPoppler).each(STORES)("flyer numbers to call (%s)", (store) => {
  const s = orgApp(store);
  const dir = pdfDir();

  it("prints the numbers of the case's public call-in campaigns, once each", async () => {
    const { kase: linked } = await newCase(s.t, s.org.actor, "Vecina Inventada", {
      status: "detained",
    });
    const fields = (kind: "call" | "visit", title: string) =>
      CallCampaignFieldsSchema.parse({
        caseId: linked.id,
        kind,
        titleEs: title,
        titleEn: title,
        askEs: "Pida su libertad.",
        askEn: "Ask for her release.",
        scriptEs: "Hola.",
        scriptEn: "Hello.",
        public: true,
      });
    const call = await createCallCampaign(s.t.deps, s.org.actor, fields("call", "Llamadas"));
    const visit = await createCallCampaign(s.t.deps, s.org.actor, fields("visit", "Visitas"));
    const office = (name: string, phones: string[]) => TargetFieldsSchema.parse({ name, phones });
    await addTarget(s.t.deps, s.org.actor, call.id, {
      from: "office",
      fields: office("Oficina Inventada", ["(555) 010-0111", "(555) 010-0112"]),
    });
    await addTarget(s.t.deps, s.org.actor, visit.id, {
      from: "office",
      fields: office("Centro de Visitas Inventado", ["(555) 010-0199"]),
    });
    const c = await newCampaign(s.t, s.org.actor, { public: true, caseId: linked.id });
    const data = await loadPublicCampaign(s.t.database.db, s.org.slug, c.slug);
    if (!data) throw new Error("campaign should be public");
    expect(advocacyCalls(data)).toEqual([
      { name: "Oficina Inventada", phone: "(555) 010-0111" },
      { name: "Oficina Inventada", phone: "(555) 010-0112" },
    ]);
    const res = await s.t.app.request(`/p/${s.org.slug}/c/${c.slug}/flyer.pdf`);
    const out = inspect(Buffer.from(await res.arrayBuffer()), dir.path, `calls-${store}`);
    expect(out.pages).toBe(1);
    expect(out.text).toContain("Llame hoy · Call today");
    expect(out.text).toContain("(555) 010-0111");
    expect(out.text).toContain("(555) 010-0112");
    expect(out.text).not.toContain("(555) 010-0199");
  });
});

describe("flyer text helpers", () => {
  it("percent-encodes anything non-ASCII in the QR code's URL", () => {
    expect(qrSafeUrl("https://amparo.example.org/p/año/c/niño")).toBe(
      "https://amparo.example.org/p/a%C3%B1o/c/ni%C3%B1o",
    );
    expect(qrSafeUrl("https://amparo.example.org/p/a/c/b")).toBe(
      "https://amparo.example.org/p/a/c/b",
    );
  });

  it("keeps what Helvetica can draw (Spanish included) and drops what it can't", () => {
    expect(pdfText("¡Ánimo! ¿Cuánto? Ñandú, pingüino — “ya” 5 €")).toBe(
      "¡Ánimo! ¿Cuánto? Ñandú, pingüino — “ya” 5 €",
    );
    expect(pdfText("Fuerza ✊🏽 Łódź\nfin")).toBe("Fuerza  ódz fin");
  });
});
