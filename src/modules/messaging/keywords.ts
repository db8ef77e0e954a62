import { fold } from "../../platform/text";

// Inbound SMS keywords (CTIA / carrier practice, plus the Spanish forms people send).
// Only a message that is the keyword alone counts: "no puedo parar de reír" is not a stop.

export type Keyword = "stop" | "start" | "help";

// Each language's keywords: a keyword in Spanish is answered in Spanish.
const KEYWORDS: Record<"en" | "es", Record<Keyword, string[]>> = {
  en: {
    stop: ["stop", "stopall", "unsubscribe", "cancel", "end", "quit", "revoke", "optout"],
    start: ["start", "unstop", "yes"],
    help: ["help", "info"],
  },
  es: {
    stop: [
      "alto",
      "parar",
      "pare",
      "para",
      "baja",
      "darse de baja",
      "cancelar",
      "detener",
      "no mas",
      "basta",
    ],
    start: ["alta", "iniciar", "comenzar", "reanudar"],
    help: ["ayuda", "informacion"],
  },
};

const table = new Map<string, Keyword>(
  (["stop", "start", "help"] as const).flatMap((k) => [
    ...KEYWORDS.en[k].map((w) => [w, k] as const),
    ...KEYWORDS.es[k].map((w) => [w, k] as const),
  ]),
);

const SPANISH = new Set(Object.values(KEYWORDS.es).flat());

function words(body: string): string {
  return fold(body)
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 4)
    .join(" ");
}

/** The keyword a whole inbound message is, or null ("ALTO!", " Baja. ", "NO MÁS" count). */
export function parseKeyword(body: string): Keyword | null {
  return table.get(words(body)) ?? null;
}

/** The language to answer a keyword in: Spanish for ALTO/AYUDA..., else English. */
export function keywordLanguage(body: string): "es" | "en" {
  return SPANISH.has(words(body)) ? "es" : "en";
}
