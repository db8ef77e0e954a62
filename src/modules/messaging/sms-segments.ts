// How many SMS segments a text takes. Pure.
// GSM-7 (3GPP TS 23.038): 160 septets in one segment, 153 per part when split; characters
// from the extension table take two septets and are never split across parts. Anything
// outside GSM-7 (á, í, ó, ú, emoji...) makes the whole message UCS-2: 70 code units, 67
// per part. Spanish "días" is UCS-2; "mañana" and "él" fit GSM-7.

const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM_EXTENDED = "^{}\\[~]|€\f";
const basic = new Set(GSM_BASIC);
const extended = new Set(GSM_EXTENDED);

export type SmsEncoding = "gsm7" | "ucs2";
export type SmsCount = { encoding: SmsEncoding; segments: number; units: number };

export function smsEncoding(text: string): SmsEncoding {
  for (const ch of text) if (!basic.has(ch) && !extended.has(ch)) return "ucs2";
  return "gsm7";
}

export function countSms(text: string): SmsCount {
  const encoding = smsEncoding(text);
  // Each character's cost in units (septets or UTF-16 code units).
  const costs: number[] = [];
  for (const ch of text) {
    costs.push(encoding === "gsm7" ? (extended.has(ch) ? 2 : 1) : ch.length);
  }
  const units = costs.reduce((a, b) => a + b, 0);
  const single = encoding === "gsm7" ? 160 : 70;
  const part = encoding === "gsm7" ? 153 : 67;
  if (units === 0) return { encoding, segments: 0, units };
  if (units <= single) return { encoding, segments: 1, units };
  // Pack greedily: an escape pair or a surrogate pair stays whole in one part.
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > part) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { encoding, segments, units };
}
