import { fold } from "../../platform/text";

// Inbound SMS keywords (CTIA / carrier practice, plus the Spanish forms people send).
// Only a message that is the keyword alone counts: "no puedo parar de reír" is not a stop.

export type Keyword = "stop" | "start" | "help";

const STOP = [
  "stop",
  "stopall",
  "unsubscribe",
  "cancel",
  "end",
  "quit",
  "revoke",
  "optout",
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
];
const START = ["start", "unstop", "yes", "alta", "iniciar", "comenzar", "reanudar"];
const HELP = ["help", "info", "ayuda", "informacion"];

const table = new Map<string, Keyword>([
  ...STOP.map((k) => [k, "stop"] as const),
  ...START.map((k) => [k, "start"] as const),
  ...HELP.map((k) => [k, "help"] as const),
]);

const SPANISH = new Set([
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
  "alta",
  "iniciar",
  "comenzar",
  "reanudar",
  "ayuda",
  "informacion",
]);

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
