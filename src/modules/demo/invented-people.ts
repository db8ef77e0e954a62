import type { EngagementLevel } from "../people/person";

// Invented people for the demo and the benchmarks: common given names and surnames
// combined at random by a seeded generator. None of them is a real person.
const GIVEN_ES = [
  "María",
  "José",
  "Guadalupe",
  "Juan",
  "Rosa",
  "Luis",
  "Ana",
  "Carlos",
  "Lucía",
  "Jesús",
  "Sofía",
  "Miguel",
  "Elena",
  "Francisco",
  "Verónica",
  "Andrés",
  "Inés",
  "Raúl",
  "Mónica",
  "Óscar",
  "Beatriz",
  "Tomás",
  "Araceli",
  "Héctor",
  "Noemí",
  "Rubén",
  "Yolanda",
  "Ángel",
  "Pilar",
  "Joaquín",
];
const FAMILY_ES = [
  "Fernández",
  "García",
  "Hernández",
  "López",
  "Martínez",
  "Pérez",
  "Sánchez",
  "Ramírez",
  "Torres",
  "Flores",
  "Rivera",
  "Gómez",
  "Díaz",
  "Cruz",
  "Morales",
  "Reyes",
  "Gutiérrez",
  "Ortiz",
  "Chávez",
  "Ruiz",
  "Jiménez",
  "Mendoza",
  "Álvarez",
  "Castillo",
  "Vásquez",
  "Romero",
  "Núñez",
  "Peña",
  "Domínguez",
  "Muñoz",
];
const GIVEN_EN = [
  "Mary",
  "James",
  "Linda",
  "Robert",
  "Grace",
  "Michael",
  "Helen",
  "David",
  "Ruth",
  "Daniel",
  "Alice",
  "Samuel",
  "Nora",
  "Peter",
  "Emma",
  "Thomas",
  "Claire",
  "Henry",
  "Julia",
  "Walter",
];
const FAMILY_EN = [
  "Smith",
  "Johnson",
  "Brown",
  "Miller",
  "Wilson",
  "Moore",
  "Taylor",
  "Anderson",
  "Thomas",
  "Jackson",
  "White",
  "Harris",
  "Clark",
  "Lewis",
  "Walker",
  "Hall",
  "Young",
  "King",
  "Wright",
  "Green",
];
const TAGS = [
  "vendedores",
  "comité de padres",
  "inquilinos",
  "voluntaria",
  "traducción",
  "transporte",
  "cocina",
  "redes sociales",
];
const LEVELS: EngagementLevel[] = [
  "contact",
  "contact",
  "contact",
  "supporter",
  "supporter",
  "active",
  "active",
  "core",
  "leader",
];

/** Mulberry32: small, fast, and the same people for the same seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type InventedPerson = {
  displayName: string;
  givenName: string;
  familyName: string;
  emails: { address: string; primary: boolean }[];
  phones: { number: string; primary: boolean }[];
  preferredLanguage: "es" | "en";
  engagementLevel: EngagementLevel;
  tags: string[];
  consentEmail: boolean;
  consentSms: boolean;
};

const ascii = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();

export function inventPeople(count: number, seed = 7): InventedPerson[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const out: InventedPerson[] = [];
  for (let i = 0; i < count; i++) {
    const spanish = rnd() < 0.75;
    const given = pick(spanish ? GIVEN_ES : GIVEN_EN);
    const family = spanish ? `${pick(FAMILY_ES)} ${pick(FAMILY_ES)}` : pick(FAMILY_EN);
    const hasEmail = rnd() < 0.6;
    const hasPhone = rnd() < 0.8;
    // 555-01xx numbers are reserved for fiction; the rest of the digits vary.
    const phone = `(555) 01${String(i % 100).padStart(2, "0")}-${String(Math.floor(rnd() * 10000)).padStart(4, "0")}`;
    out.push({
      displayName: `${given} ${family.split(" ")[0]}`,
      givenName: given,
      familyName: family,
      emails: hasEmail
        ? [
            {
              address: `${ascii(given)}.${ascii(family).replace(/\s+/g, ".")}.${i}@example.org`,
              primary: true,
            },
          ]
        : [],
      phones: hasPhone ? [{ number: phone, primary: true }] : [],
      preferredLanguage: spanish ? "es" : "en",
      engagementLevel: pick(LEVELS),
      tags: rnd() < 0.5 ? [pick(TAGS)] : [],
      consentEmail: hasEmail && rnd() < 0.7,
      consentSms: hasPhone && rnd() < 0.6,
    });
  }
  return out;
}
