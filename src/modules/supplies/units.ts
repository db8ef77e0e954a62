// Unit names with their plurals, for "12 paquetes" / "1 pack". Pure.
import type { Lang } from "../../platform/i18n";
import type { BaseUnit } from "./quantity";
import { formatQuantity, type Milli } from "./quantity";

const NAMES: Record<Lang, Record<BaseUnit, readonly [string, string]>> = {
  es: {
    piece: ["pieza", "piezas"],
    pair: ["par", "pares"],
    pack: ["paquete", "paquetes"],
    box: ["caja", "cajas"],
    bottle: ["botella", "botellas"],
    card: ["tarjeta", "tarjetas"],
    kg: ["kg", "kg"],
    lb: ["lb", "lb"],
    l: ["litro", "litros"],
    gal: ["galón", "galones"],
  },
  en: {
    piece: ["piece", "pieces"],
    pair: ["pair", "pairs"],
    pack: ["pack", "packs"],
    box: ["box", "boxes"],
    bottle: ["bottle", "bottles"],
    card: ["card", "cards"],
    kg: ["kg", "kg"],
    lb: ["lb", "lb"],
    l: ["liter", "liters"],
    gal: ["gallon", "gallons"],
  },
};

export function unitName(unit: BaseUnit, lang: Lang, plural = false): string {
  return NAMES[lang][unit][plural ? 1 : 0];
}

/** "12 paquetes", "1 pack", "2,5 kg". */
export function amountText(q: Milli, unit: BaseUnit, lang: Lang): string {
  return `${formatQuantity(q, lang)} ${unitName(unit, lang, q !== 1000)}`;
}

/** "Pañales (talla 3)": the item in the language, with its size or variant. */
export function itemLabel(
  item: { es: string; en: string },
  variant: string | null,
  lang: Lang,
): string {
  const name = item[lang].trim() || item.es;
  return variant ? `${name} (${variant})` : name;
}
