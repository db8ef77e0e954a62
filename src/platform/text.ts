// Text shared by every module's search and forms. Pure: no I/O.

/** Lower case with accents stripped, for search: "María Fernández" -> "maria fernandez". */
export function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Only the digits of a phone number, for search and matching: "(555) 010-2030" -> "5550102030". */
export function phoneDigits(phone: string): string {
  return phone.replace(/\D/g, "");
}
