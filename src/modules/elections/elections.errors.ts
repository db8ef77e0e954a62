import { defineErrors } from "../../platform/define-errors";

// Error codes and field error keys that only the elections module gives. Voters read some
// of these: impersonal Spanish, right for "tú" and "usted" alike.
export const electionsErrors = defineErrors("elections", {
  codes: {
    election_locked: {
      status: 409,
      es: "La votación ya se abrió: la boleta, los cargos y las candidaturas ya no se pueden cambiar.",
      en: "Voting has opened: the ballot, its offices and candidates can't change any more.",
    },
    election_not_open: {
      status: 409,
      es: "La votación no está abierta: primero hay que abrirla.",
      en: "Voting isn't open: open it first.",
    },
    credentials_issued: {
      status: 409,
      es: "Los enlaces de votación ya se generaron y solo se muestran una vez. No se cambió nada.",
      en: "The voting links were already made, and they are shown only once. Nothing changed.",
    },
    voting_not_open: {
      status: 409,
      es: "La votación todavía no empieza. Vuelva a intentarlo a la hora de apertura.",
      en: "Voting hasn't started yet. Please try again when it opens.",
    },
    voting_closed: {
      status: 409,
      es: "La votación ya cerró. Ya no se reciben boletas.",
      en: "Voting has closed. No more ballots are accepted.",
    },
    already_voted: {
      status: 409,
      es: "Este enlace de votación ya se usó: cada persona vota una sola vez. Su voto anterior se guardó y cuenta.",
      en: "This voting link was already used: each person votes once. The earlier vote was saved and counts.",
    },
  },
  fields: {
    irv_one_seat: {
      es: "La segunda vuelta instantánea elige un solo puesto. Para varios, use voto único transferible.",
      en: "Instant-runoff elects one seat. For several, use single transferable vote.",
    },
    duplicate_candidate: {
      es: "La misma persona aparece dos veces.",
      en: "The same person appears twice.",
    },
    unknown_candidate: {
      es: "Esa persona no es candidata para este cargo.",
      en: "That person isn't a candidate for this office.",
    },
    unknown_office: {
      es: "Ese cargo no está en esta boleta.",
      en: "That office isn't on this ballot.",
    },
    too_many_marks: {
      es: "Hay más marcas de las permitidas para este cargo.",
      en: "More marks than this office allows.",
    },
    not_a_person: {
      es: "Alguna candidatura no es una persona de la organización.",
      en: "A candidate isn't a person in the organization.",
    },
    not_on_roll: {
      es: "Esa persona no está en el padrón de esta votación.",
      en: "That person isn't on this election's roll.",
    },
  },
});

declare module "../../platform/errors" {
  interface ModuleErrorCodes {
    elections: typeof electionsErrors.codes;
  }
  interface ModuleFieldErrorKeys {
    elections: typeof electionsErrors.fields;
  }
}
