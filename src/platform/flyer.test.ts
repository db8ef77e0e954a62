import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import jsQR from "jsqr";
import { PNG } from "pngjs";
import { afterAll, describe, expect, it } from "vitest";
import { buildFlyer, type FlyerSpec } from "./flyer";

// The shared flyer with no campaign in it (an action's or a drive's): both titles, both
// columns, the closing section, the numbers to call, and a QR code that scans to the URL.

const hasPoppler = spawnSync("pdftoppm", ["-v"]).status === 0;
const dir = mkdtempSync(join(tmpdir(), "amparo-flyer-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function read(pdf: Buffer, name: string) {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  const info = execFileSync("pdfinfo", [file], { encoding: "utf8" });
  const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" });
  execFileSync("pdftoppm", ["-png", "-r", "110", "-singlefile", file, join(dir, name)]);
  const png = PNG.sync.read(readFileSync(join(dir, `${name}.png`)));
  const qr = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
  return { pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]), text: text.replace(/\s+/g, " "), qr };
}

/** Comité Norte's flyer for its public page at `path`, printed and read back. */
async function printed(name: string, path: string, spec: Omit<FlyerSpec, "orgName" | "url">) {
  const url = `https://amparo.example/p/comite-norte/${path}`;
  return read(await buildFlyer({ orgName: "Comité Norte", url, ...spec }), name);
}

describe.skipIf(!hasPoppler)("shared flyer", () => {
  it("prints an action's flyer in both languages with a QR code to its page", async () => {
    const out = await printed("action", "e/vigilia-tribunal", {
      title: { es: "Vigilia frente al tribunal", en: "Vigil at the courthouse" },
      scan: { es: "Escanee para confirmar", en: "Scan to RSVP" },
      columns: {
        es: {
          text: "Acompañemos a la familia Rivera el jueves.",
          closing: { heading: "Cuándo", text: "Jueves 10 de diciembre, 8:00" },
        },
        en: { text: "Stand with the Rivera family on Thursday.", closing: undefined },
      },
      calls: [{ name: "Oficina de la jueza", phone: "(555) 010-2030" }],
    });
    expect(out.pages).toBe(1);
    for (const words of [
      "Comité Norte",
      "Vigilia frente al tribunal",
      "Vigil at the courthouse",
      "ESPAÑOL",
      "ENGLISH",
      "Acompañemos a la familia Rivera",
      "Stand with the Rivera family",
      "Cuándo",
      "Jueves 10 de diciembre",
      "Llame hoy · Call today",
      "(555) 010-2030",
      "Escanee para confirmar",
      "Scan to RSVP",
    ]) {
      expect(out.text).toContain(words);
    }
    expect(out.qr).toBe("https://amparo.example/p/comite-norte/e/vigilia-tribunal");
  });

  it("stays on one page without a text, an English title or calls", async () => {
    const out = await printed("drive", "s/colecta", {
      title: { es: "Colecta de invierno", en: "" },
      scan: { es: "Escanee para ver la página", en: "Scan to see the page" },
      columns: { es: { text: null }, en: { text: "   " } },
    });
    expect(out.pages).toBe(1);
    expect(out.text).toContain("Colecta de invierno");
    expect(out.text).not.toContain("Call today");
    expect(out.qr).toBe("https://amparo.example/p/comite-norte/s/colecta");
  });
});
