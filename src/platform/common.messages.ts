import type { CoreErrorCode, CoreFieldErrorKey, ErrorCode, FieldErrorKey } from "./errors";
import { type Catalog, defineMessages } from "./i18n";

type ErrorTexts = Record<`error_${CoreErrorCode}`, string>;
type FieldTexts = Record<`field_${CoreFieldErrorKey}`, string>;
// A module's own codes (defineErrors, platform/define-errors.ts) add their texts here when
// the module loads, so `common[lang].field_x` finds them as it finds the shared ones.
type DeclaredTexts = Record<`error_${ErrorCode}` | `field_${FieldErrorKey}`, string>;

const esErrors: ErrorTexts = {
  error_bad_request: "No pudimos entender lo que se envió. Revisa e inténtalo otra vez.",
  error_validation_failed: "Revisa los campos marcados.",
  error_unauthorized: "Inicia sesión para continuar.",
  error_session_expired: "Tu sesión venció. Vuelve a iniciar sesión; no se perdió nada guardado.",
  error_forbidden: "Tu rol no permite hacer esto. Pide ayuda a una persona dueña de la cuenta.",
  error_csrf_failed:
    "El formulario venció o vino de otro sitio. Recarga la página e inténtalo otra vez.",
  error_not_found: "No encontramos esa página o ese registro.",
  error_conflict: "Esto choca con algo ya guardado.",
  error_already_set_up: "Amparo ya está configurado. Inicia sesión.",
  error_rate_limited: "Demasiados intentos. Espera unos minutos e inténtalo otra vez.",
  error_payload_too_large: "Lo que enviaste es demasiado grande.",
  error_unsupported_media_type: "Envía el cuerpo como JSON (Content-Type: application/json).",
  error_insufficient_funds:
    "No alcanza el dinero disponible en esta campaña para ese movimiento. No se registró nada.",
  error_self_approval:
    "Por encima del límite de aprobación, otra persona del equipo tiene que aprobar lo que tú pediste.",
  error_bond_settled: "Esta fianza ya se cerró (devuelta o perdida). No se registró nada.",
  error_already_reversed: "Este movimiento ya se corrigió con una reversión.",
  error_not_reversible:
    "Una reversión no se puede revertir. Si fue un error, registra el movimiento otra vez.",
  error_wrong_status: "Este pago ya no está en ese paso. Recarga la página para ver su estado.",
  error_idempotency_key_reused:
    "Esa clave de idempotencia ya se usó para un donativo de otra campaña.",
  error_file_too_large:
    "El archivo pesa más de 5 MB. Divídelo en partes más pequeñas (por ejemplo, por mes) y súbelas una por una. No se guardó nada.",
  error_import_has_problems:
    "El archivo tiene líneas con problemas. Corrígelas y vuelve a subirlo; no se registró nada.",
  error_preview_changed:
    "La vista previa cambió (quizás en otra pestaña). Revísala otra vez antes de registrar; no se registró nada.",
  error_invalid_signature: "La firma del webhook no es válida. No se registró nada.",
  // elections (voters may read these: impersonal Spanish, good for "tú" and "usted")
  error_election_locked:
    "La votación ya se abrió: la boleta, los cargos y las candidaturas ya no se pueden cambiar.",
  error_election_not_open: "La votación no está abierta: primero hay que abrirla.",
  error_credentials_issued:
    "Los enlaces de votación ya se generaron y solo se muestran una vez. No se cambió nada.",
  error_voting_not_open:
    "La votación todavía no empieza. Vuelva a intentarlo a la hora de apertura.",
  error_voting_closed: "La votación ya cerró. Ya no se reciben boletas.",
  error_already_voted:
    "Este enlace de votación ya se usó: cada persona vota una sola vez. Su voto anterior se guardó y cuenta.",
  error_approval_required:
    "Este envío supera el límite de la organización: otra persona organizadora tiene que aprobarlo.",
  error_no_recipients:
    "Nadie de este grupo puede recibir el mensaje (sin permiso, dados de baja o sin contacto). Cambia el grupo.",
};
const enErrors: ErrorTexts = {
  error_bad_request: "We couldn't read what was sent. Check it and try again.",
  error_validation_failed: "Please check the highlighted fields.",
  error_unauthorized: "Sign in to continue.",
  error_session_expired: "Your session expired. Sign in again; nothing saved was lost.",
  error_forbidden: "Your role doesn't allow this. Ask an owner of the account for help.",
  error_csrf_failed: "The form expired or came from another site. Reload the page and try again.",
  error_not_found: "We couldn't find that page or record.",
  error_conflict: "This clashes with something already saved.",
  error_already_set_up: "Amparo is already set up. Please sign in.",
  error_rate_limited: "Too many attempts. Wait a few minutes and try again.",
  error_payload_too_large: "What you sent is too large.",
  error_unsupported_media_type: "Send the body as JSON (Content-Type: application/json).",
  error_insufficient_funds:
    "This campaign doesn't have enough money available for that. Nothing was recorded.",
  error_self_approval:
    "Above the approval threshold, someone else on the team must approve what you requested.",
  error_bond_settled: "This bond is already closed (returned or forfeited). Nothing was recorded.",
  error_already_reversed: "This movement was already corrected with a reversal.",
  error_not_reversible:
    "A reversal can't be reversed. If it was a mistake, record the movement again.",
  error_wrong_status: "This payment is no longer at that step. Reload the page to see its status.",
  error_idempotency_key_reused:
    "That idempotency key was already used for a gift to another campaign.",
  error_file_too_large:
    "The file is larger than 5 MB. Split it into smaller files (for example, by month) and upload them one at a time. Nothing was saved.",
  error_import_has_problems:
    "Some lines of the file have problems. Fix them and upload it again; nothing was recorded.",
  error_preview_changed:
    "The preview changed (perhaps in another tab). Look at it again before recording; nothing was recorded.",
  error_invalid_signature: "The webhook signature isn't valid. Nothing was recorded.",
  error_election_locked:
    "Voting has opened: the ballot, its offices and candidates can't change any more.",
  error_election_not_open: "Voting isn't open: open it first.",
  error_credentials_issued:
    "The voting links were already made, and they are shown only once. Nothing changed.",
  error_voting_not_open: "Voting hasn't started yet. Please try again when it opens.",
  error_voting_closed: "Voting has closed. No more ballots are accepted.",
  error_already_voted:
    "This voting link was already used: each person votes once. The earlier vote was saved and counts.",
  error_approval_required:
    "This send is above the organization's limit: another organizer has to approve it.",
  error_no_recipients:
    "Nobody in this group can receive it (no consent, unsubscribed or no contact). Change the group.",
};
const esFields: FieldTexts = {
  field_required: "Este campo es obligatorio.",
  field_too_long: "Es demasiado largo.",
  field_invalid_email: "Escribe un correo válido, como nombre@ejemplo.org.",
  field_invalid_phone: "Escribe un teléfono válido: de 7 a 15 dígitos.",
  field_invalid_choice: "Elige una de las opciones.",
  field_invalid_date: "Escribe una fecha válida (AAAA-MM-DD).",
  field_invalid_slug: "Usa solo letras minúsculas, números y guiones (3 a 40).",
  field_invalid_time_zone: "Elige una zona horaria de la lista.",
  field_password_too_short: "La contraseña necesita al menos 10 caracteres.",
  field_passwords_differ: "Las contraseñas no coinciden.",
  field_slug_taken: "Ese identificador ya está en uso.",
  field_wrong_type: "El valor no tiene el tipo correcto.",
  field_unknown_field: "Este campo no existe.",
  field_invalid_amount: "Escribe una cantidad mayor que cero, por ejemplo 1,500.00.",
  field_amount_not_positive: "La cantidad tiene que ser mayor que cero.",
  field_amount_fractional: "Usa como máximo dos decimales (centavos), por ejemplo 20.50.",
  field_amount_too_large: "Esa cantidad es demasiado grande. Revisa los ceros.",
  field_amount_not_a_number: "Escribe solo la cantidad en números, por ejemplo 1,500.00.",
  field_currency_mismatch: "La moneda no coincide con la de la campaña.",
  field_currency_locked: "La campaña ya tiene movimientos: su moneda ya no se puede cambiar.",
  field_milestones_invalid:
    "Escribe metas intermedias de menor a mayor, todas por debajo de la meta final.",
  field_case_not_found: "No encontramos ese caso en tu organización.",
  field_not_a_member: "Elige a alguien del equipo.",
  field_too_many: "Hay demasiados. Quita alguno antes de agregar otro.",
  field_invalid_contact:
    "Escribe un correo o un teléfono con código de país o de área, por ejemplo +1 415 555 0123.",
  field_not_their_contact:
    "Ese correo o teléfono no es de esta persona. Agrégalo primero a su ficha.",
  field_placeholder_mismatch:
    "Los dos idiomas tienen que usar los mismos campos entre llaves, por ejemplo {name} en ambos.",
  field_unknown_placeholder: "Ese campo entre llaves no existe. Usa {name} u {org}.",
  field_invalid_clock: "Escribe la hora como HH:MM, por ejemplo 08:00.",
  field_invalid: "Este valor no es válido.",
  field_closes_before_opens: "El cierre tiene que ser después de la apertura.",
  field_irv_one_seat:
    "La segunda vuelta instantánea elige un solo puesto. Para varios, use voto único transferible.",
  field_duplicate_candidate: "La misma persona aparece dos veces.",
  field_unknown_candidate: "Esa persona no es candidata para este cargo.",
  field_unknown_office: "Ese cargo no está en esta boleta.",
  field_too_many_marks: "Hay más marcas de las permitidas para este cargo.",
  field_not_a_person: "Alguna candidatura no es una persona de la organización.",
  field_not_on_roll: "Esa persona no está en el padrón de esta votación.",
};
const enFields: FieldTexts = {
  field_required: "This field is required.",
  field_too_long: "This is too long.",
  field_invalid_email: "Enter a valid email, like name@example.org.",
  field_invalid_phone: "Enter a valid phone number: 7 to 15 digits.",
  field_invalid_choice: "Choose one of the options.",
  field_invalid_date: "Enter a valid date (YYYY-MM-DD).",
  field_invalid_slug: "Use only lowercase letters, numbers and dashes (3 to 40).",
  field_invalid_time_zone: "Choose a time zone from the list.",
  field_password_too_short: "The password needs at least 10 characters.",
  field_passwords_differ: "The passwords don't match.",
  field_slug_taken: "That identifier is already in use.",
  field_wrong_type: "The value has the wrong type.",
  field_unknown_field: "This field doesn't exist.",
  field_invalid_amount: "Enter an amount greater than zero, for example 1,500.00.",
  field_amount_not_positive: "The amount must be greater than zero.",
  field_amount_fractional: "Use at most two decimals (cents), for example 20.50.",
  field_amount_too_large: "That amount is too large. Check the zeros.",
  field_amount_not_a_number: "Enter just the amount in numbers, for example 1,500.00.",
  field_currency_mismatch: "The currency doesn't match the campaign's.",
  field_currency_locked: "This campaign already has movements: its currency can't change now.",
  field_milestones_invalid: "Enter milestones from smallest to largest, all below the final goal.",
  field_case_not_found: "We couldn't find that case in your organization.",
  field_not_a_member: "Choose someone on the team.",
  field_too_many: "There are too many. Remove one before adding another.",
  field_invalid_contact:
    "Enter an email or a phone number with its area or country code, like +1 415 555 0123.",
  field_not_their_contact: "That email or phone isn't this person's. Add it to their record first.",
  field_placeholder_mismatch:
    "Both languages must use the same fields in braces, for example {name} in both.",
  field_unknown_placeholder: "That field in braces doesn't exist. Use {name} or {org}.",
  field_invalid_clock: "Write the time as HH:MM, for example 08:00.",
  field_invalid: "This value isn't valid.",
  field_closes_before_opens: "The close must come after the opening.",
  field_irv_one_seat: "Instant-runoff elects one seat. For several, use single transferable vote.",
  field_duplicate_candidate: "The same person appears twice.",
  field_unknown_candidate: "That person isn't a candidate for this office.",
  field_unknown_office: "That office isn't on this ballot.",
  field_too_many_marks: "More marks than this office allows.",
  field_not_a_person: "A candidate isn't a person in the organization.",
  field_not_on_roll: "That person isn't on this election's roll.",
};

const commonCatalog = defineMessages("common", {
  es: {
    ...esErrors,
    ...esFields,
    app_name: "Amparo",
    skip_to_content: "Saltar al contenido",
    nav_home: "Inicio",
    nav_people: "Personas",
    nav_cases: "Casos",
    nav_funds: "Fondos",
    nav_advocacy: "Incidencia",
    nav_actions: "Acciones",
    nav_supplies: "Colectas",
    nav_outreach: "Volanteo",
    nav_leaders: "Liderazgo",
    nav_messages: "Mensajes",
    nav_elections: "Elecciones",
    nav_users: "Equipo",
    nav_main: "Navegación principal",
    nav_menu: "Menú",
    sign_out: "Cerrar sesión",
    language: "Idioma",
    switch_to_other: "English",
    switch_to_other_label: "Ver en inglés",
    save: "Guardar",
    cancel: "Cancelar",
    back: "Volver",
    search: "Buscar",
    previous: "Anterior",
    next: "Siguiente",
    optional: "opcional",
    error_title: "Algo no salió bien",
    not_found_title: "No encontrado",
    go_home: "Ir al inicio",
    server_error:
      "Tuvimos un problema. Lo que ya estaba guardado está a salvo. Inténtalo otra vez.",
    signed_in_as: (name: string, org: string) => `${name} · ${org}`,
    page_of: (page: number, pages: number) => `Página ${page} de ${pages}`,
    role_owner: "Dueña/o",
    role_organizer: "Organizador/a",
    role_member: "Miembro",
    role_viewer: "Solo lectura",
    yes: "Sí",
    no: "No",
  },
  en: {
    ...enErrors,
    ...enFields,
    app_name: "Amparo",
    skip_to_content: "Skip to content",
    nav_home: "Home",
    nav_people: "People",
    nav_cases: "Cases",
    nav_funds: "Funds",
    nav_advocacy: "Advocacy",
    nav_actions: "Actions",
    nav_supplies: "Supplies",
    nav_outreach: "Outreach",
    nav_leaders: "Leaders",
    nav_messages: "Messages",
    nav_elections: "Elections",
    nav_users: "Team",
    nav_main: "Main navigation",
    nav_menu: "Menu",
    sign_out: "Sign out",
    language: "Language",
    switch_to_other: "Español",
    switch_to_other_label: "View in Spanish",
    save: "Save",
    cancel: "Cancel",
    back: "Back",
    search: "Search",
    previous: "Previous",
    next: "Next",
    optional: "optional",
    error_title: "Something went wrong",
    not_found_title: "Not found",
    go_home: "Go home",
    server_error: "We had a problem. What was already saved is safe. Please try again.",
    signed_in_as: (name: string, org: string) => `${name} · ${org}`,
    page_of: (page: number, pages: number) => `Page ${page} of ${pages}`,
    role_owner: "Owner",
    role_organizer: "Organizer",
    role_member: "Member",
    role_viewer: "Viewer",
    yes: "Yes",
    no: "No",
  },
});

export const common = commonCatalog as Catalog<(typeof commonCatalog)["es"] & DeclaredTexts>;
