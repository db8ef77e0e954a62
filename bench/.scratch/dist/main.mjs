// src/main.ts
import { serve } from "@hono/node-server";

// src/app.ts
import { sql as sql20 } from "drizzle-orm";
import { Hono as Hono20 } from "hono";
import { bodyLimit as bodyLimit2 } from "hono/body-limit";

// src/modules/accounts/accounts.routes.tsx
import { getConnInfo } from "@hono/node-server/conninfo";
import { eq as eq5 } from "drizzle-orm";
import { Hono } from "hono";
import { deleteCookie, setCookie as setCookie2 } from "hono/cookie";

// src/platform/i18n.ts
var registry = /* @__PURE__ */ new Map();
function defineMessages(name, catalog) {
  registry.set(name, catalog);
  return catalog;
}
function isLang(value) {
  return value === "es" || value === "en";
}
function langFromAcceptLanguage(header) {
  if (!header) return null;
  const ranked = header.split(",").map((part) => {
    const [tag = "", ...params] = part.trim().split(";");
    const q = params.find((p) => p.trim().startsWith("q="));
    return { tag: tag.toLowerCase().split("-")[0], q: q ? Number(q.trim().slice(2)) : 1 };
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q);
  for (const r of ranked) if (isLang(r.tag)) return r.tag;
  return null;
}
function formatDate(date4, lang, timeZone) {
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    dateStyle: "medium",
    timeZone
  }).format(date4);
}
function formatDateTime(date4, lang, timeZone) {
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone
  }).format(date4);
}
function formatNumber(n, lang) {
  return new Intl.NumberFormat(lang === "es" ? "es-US" : "en-US").format(n);
}

// src/platform/common.messages.ts
var esErrors = {
  error_bad_request: "No pudimos entender lo que se envi\xF3. Revisa e int\xE9ntalo otra vez.",
  error_validation_failed: "Revisa los campos marcados.",
  error_unauthorized: "Inicia sesi\xF3n para continuar.",
  error_session_expired: "Tu sesi\xF3n venci\xF3. Vuelve a iniciar sesi\xF3n; no se perdi\xF3 nada guardado.",
  error_forbidden: "Tu rol no permite hacer esto. Pide ayuda a una persona due\xF1a de la cuenta.",
  error_csrf_failed: "El formulario venci\xF3 o vino de otro sitio. Recarga la p\xE1gina e int\xE9ntalo otra vez.",
  error_not_found: "No encontramos esa p\xE1gina o ese registro.",
  error_conflict: "Esto choca con algo ya guardado.",
  error_already_set_up: "Amparo ya est\xE1 configurado. Inicia sesi\xF3n.",
  error_rate_limited: "Demasiados intentos. Espera unos minutos e int\xE9ntalo otra vez.",
  error_payload_too_large: "Lo que enviaste es demasiado grande.",
  error_insufficient_funds: "No alcanza el dinero disponible en esta campa\xF1a para ese movimiento. No se registr\xF3 nada.",
  error_self_approval: "Por encima del l\xEDmite de aprobaci\xF3n, otra persona del equipo tiene que aprobar lo que t\xFA pediste.",
  error_bond_settled: "Esta fianza ya se cerr\xF3 (devuelta o perdida). No se registr\xF3 nada.",
  error_already_reversed: "Este movimiento ya se corrigi\xF3 con una reversi\xF3n.",
  error_not_reversible: "Una reversi\xF3n no se puede revertir. Si fue un error, registra el movimiento otra vez.",
  error_wrong_status: "Este pago ya no est\xE1 en ese paso. Recarga la p\xE1gina para ver su estado.",
  error_idempotency_key_reused: "Esa clave de idempotencia ya se us\xF3 para un donativo de otra campa\xF1a.",
  error_file_too_large: "El archivo pesa m\xE1s de 5 MB. Div\xEDdelo en partes m\xE1s peque\xF1as (por ejemplo, por mes) y s\xFAbelas una por una. No se guard\xF3 nada.",
  error_import_has_problems: "El archivo tiene l\xEDneas con problemas. Corr\xEDgelas y vuelve a subirlo; no se registr\xF3 nada.",
  error_preview_changed: "La vista previa cambi\xF3 (quiz\xE1s en otra pesta\xF1a). Rev\xEDsala otra vez antes de registrar; no se registr\xF3 nada.",
  error_invalid_signature: "La firma del webhook no es v\xE1lida. No se registr\xF3 nada."
};
var enErrors = {
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
  error_insufficient_funds: "This campaign doesn't have enough money available for that. Nothing was recorded.",
  error_self_approval: "Above the approval threshold, someone else on the team must approve what you requested.",
  error_bond_settled: "This bond is already closed (returned or forfeited). Nothing was recorded.",
  error_already_reversed: "This movement was already corrected with a reversal.",
  error_not_reversible: "A reversal can't be reversed. If it was a mistake, record the movement again.",
  error_wrong_status: "This payment is no longer at that step. Reload the page to see its status.",
  error_idempotency_key_reused: "That idempotency key was already used for a gift to another campaign.",
  error_file_too_large: "The file is larger than 5 MB. Split it into smaller files (for example, by month) and upload them one at a time. Nothing was saved.",
  error_import_has_problems: "Some lines of the file have problems. Fix them and upload it again; nothing was recorded.",
  error_preview_changed: "The preview changed (perhaps in another tab). Look at it again before recording; nothing was recorded.",
  error_invalid_signature: "The webhook signature isn't valid. Nothing was recorded."
};
var esFields = {
  field_required: "Este campo es obligatorio.",
  field_too_long: "Es demasiado largo.",
  field_invalid_email: "Escribe un correo v\xE1lido, como nombre@ejemplo.org.",
  field_invalid_phone: "Escribe un tel\xE9fono v\xE1lido: de 7 a 15 d\xEDgitos.",
  field_invalid_choice: "Elige una de las opciones.",
  field_invalid_date: "Escribe una fecha v\xE1lida (AAAA-MM-DD).",
  field_invalid_slug: "Usa solo letras min\xFAsculas, n\xFAmeros y guiones (3 a 40).",
  field_invalid_time_zone: "Elige una zona horaria de la lista.",
  field_password_too_short: "La contrase\xF1a necesita al menos 10 caracteres.",
  field_passwords_differ: "Las contrase\xF1as no coinciden.",
  field_duplicate_email: "Ya hay una persona con este correo en tu organizaci\xF3n.",
  field_slug_taken: "Ese identificador ya est\xE1 en uso.",
  field_wrong_type: "El valor no tiene el tipo correcto.",
  field_unknown_field: "Este campo no existe.",
  field_invalid_a_number: "El n\xFAmero A (A-number) tiene 8 o 9 d\xEDgitos, por ejemplo A-012-345-678. Sin letras.",
  field_invalid_amount: "Escribe una cantidad mayor que cero, por ejemplo 1,500.00.",
  field_amount_not_positive: "La cantidad tiene que ser mayor que cero.",
  field_amount_fractional: "Usa como m\xE1ximo dos decimales (centavos), por ejemplo 20.50.",
  field_amount_too_large: "Esa cantidad es demasiado grande. Revisa los ceros.",
  field_amount_not_a_number: "Escribe solo la cantidad en n\xFAmeros, por ejemplo 1,500.00.",
  field_currency_mismatch: "La moneda no coincide con la de la campa\xF1a.",
  field_currency_locked: "La campa\xF1a ya tiene movimientos: su moneda ya no se puede cambiar.",
  field_milestones_invalid: "Escribe metas intermedias de menor a mayor, todas por debajo de la meta final.",
  field_case_not_found: "No encontramos ese caso en tu organizaci\xF3n.",
  field_not_a_member: "Elige a alguien del equipo.",
  field_too_many: "Hay demasiados. Quita alguno antes de agregar otro.",
  field_invalid: "Este valor no es v\xE1lido."
};
var enFields = {
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
  field_duplicate_email: "Someone in your organization already has this email.",
  field_slug_taken: "That identifier is already in use.",
  field_wrong_type: "The value has the wrong type.",
  field_unknown_field: "This field doesn't exist.",
  field_invalid_a_number: "An A-number has 8 or 9 digits, for example A-012-345-678. No letters.",
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
  field_invalid: "This value isn't valid."
};
var common = defineMessages("common", {
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
    nav_users: "Equipo",
    nav_main: "Navegaci\xF3n principal",
    sign_out: "Cerrar sesi\xF3n",
    language: "Idioma",
    switch_to_other: "English",
    switch_to_other_label: "Ver en ingl\xE9s",
    save: "Guardar",
    cancel: "Cancelar",
    back: "Volver",
    search: "Buscar",
    previous: "Anterior",
    next: "Siguiente",
    optional: "opcional",
    error_title: "Algo no sali\xF3 bien",
    not_found_title: "No encontrado",
    go_home: "Ir al inicio",
    server_error: "Tuvimos un problema. Lo que ya estaba guardado est\xE1 a salvo. Int\xE9ntalo otra vez.",
    signed_in_as: (name, org) => `${name} \xB7 ${org}`,
    page_of: (page2, pages) => `P\xE1gina ${page2} de ${pages}`,
    role_owner: "Due\xF1a/o",
    role_organizer: "Organizador/a",
    role_member: "Miembro",
    role_viewer: "Solo lectura",
    yes: "S\xED",
    no: "No"
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
    nav_users: "Team",
    nav_main: "Main navigation",
    sign_out: "Sign out",
    language: "Language",
    switch_to_other: "Espa\xF1ol",
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
    signed_in_as: (name, org) => `${name} \xB7 ${org}`,
    page_of: (page2, pages) => `Page ${page2} of ${pages}`,
    role_owner: "Owner",
    role_organizer: "Organizer",
    role_member: "Member",
    role_viewer: "Viewer",
    yes: "Yes",
    no: "No"
  }
});

// src/platform/errors.ts
var STATUS = {
  bad_request: 400,
  validation_failed: 422,
  unauthorized: 401,
  session_expired: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  conflict: 409,
  already_set_up: 409,
  rate_limited: 429,
  payload_too_large: 413,
  insufficient_funds: 409,
  self_approval: 403,
  bond_settled: 409,
  already_reversed: 409,
  not_reversible: 409,
  wrong_status: 409,
  idempotency_key_reused: 409,
  file_too_large: 413,
  import_has_problems: 422,
  preview_changed: 409,
  invalid_signature: 400
};
var AppError = class extends Error {
  constructor(code, fields, retryAfterSeconds) {
    super(code);
    this.code = code;
    this.fields = fields;
    this.retryAfterSeconds = retryAfterSeconds;
    this.status = STATUS[code];
  }
  code;
  fields;
  retryAfterSeconds;
  status;
};
var notFound = () => new AppError("not_found");
var invalid = (fields) => new AppError("validation_failed", fields);
function fieldsFromZod(error) {
  const fields = {};
  for (const issue of error.issues) {
    const name = issue.path.length ? issue.path.map(String).join(".") : "_";
    if (issue.code === "unrecognized_keys") {
      for (const key2 of issue.keys) fields[[...issue.path, key2].join(".")] ??= "unknown_field";
      continue;
    }
    fields[name] ??= keyForIssue(issue);
  }
  return fields;
}
function keyForIssue(issue) {
  const present = issue.input !== void 0 && issue.input !== null;
  if (issue.code === "invalid_type" && present && issue.message === "required") return "wrong_type";
  if (issue.message && isFieldErrorKey(issue.message)) return issue.message;
  switch (issue.code) {
    case "too_big":
      return "too_long";
    case "too_small":
      return "required";
    case "invalid_type":
      return issue.input === void 0 || issue.input === null ? "required" : "wrong_type";
    case "invalid_value":
      return "invalid_choice";
    default:
      return "invalid";
  }
}
var FIELD_KEYS = /* @__PURE__ */ new Set([
  "required",
  "too_long",
  "invalid_email",
  "invalid_phone",
  "invalid_choice",
  "invalid_date",
  "invalid_slug",
  "invalid_time_zone",
  "password_too_short",
  "passwords_differ",
  "duplicate_email",
  "slug_taken",
  "wrong_type",
  "unknown_field",
  "invalid_a_number",
  "invalid_amount",
  "amount_not_positive",
  "amount_fractional",
  "amount_too_large",
  "amount_not_a_number",
  "currency_mismatch",
  "currency_locked",
  "milestones_invalid",
  "case_not_found",
  "not_a_member",
  "too_many",
  "invalid"
]);
function isFieldErrorKey(text10) {
  return FIELD_KEYS.has(text10);
}
function isUniqueViolation(error, constraint) {
  const e = findPgError(error);
  return !!e && e.code === "23505" && (!constraint || e.constraint === constraint);
}
function findPgError(error) {
  let current = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const e = current;
    if (typeof e.code === "string" && /^[0-9A-Z]{5}$/.test(e.code)) return e;
    current = e.cause;
  }
  return null;
}

// src/platform/form-input.ts
var MAX_FIELD = 2e4;
async function readForm(c) {
  const body = await c.req.parseBody();
  const values = {};
  for (const [key2, value] of Object.entries(body)) {
    if (key2 === "_csrf" || typeof value !== "string") continue;
    values[key2] = value.slice(0, MAX_FIELD).replaceAll("\0", "");
  }
  return values;
}
function parseWith(schema, input) {
  const result = schema.safeParse(input, { reportInput: true });
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldsFromZod(result.error) };
}

// src/platform/http.ts
async function render(c, node, status2 = 200) {
  return c.html(`<!DOCTYPE html>${await node}`, status2);
}
function requireAuth(c) {
  const auth = c.get("auth");
  if (!auth) throw new AppError("unauthorized");
  return auth;
}
function safeNext(value, fallback = "/") {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//"))
    return fallback;
  if (value.includes("\\") || /[\u0000-\u001f\u007f]/.test(value)) return fallback;
  return value;
}
var UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function requireUuidParam(c, name = "id") {
  const value = c.req.param(name);
  if (!value || !UUID.test(value)) throw new AppError("not_found");
  return value.toLowerCase();
}

// src/platform/middleware.ts
import { timingSafeEqual } from "node:crypto";
import { getCookie, setCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";

// src/platform/crypto.ts
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
var VERSION = "v1";
function loadKey(options) {
  if (options.secretKey) return decodeKey(options.secretKey, "AMPARO_SECRET_KEY");
  const file = join(options.dataDir, "secret.key");
  if (!existsSync(file)) {
    mkdirSync(options.dataDir, { recursive: true });
    writeFileSync(file, `${randomBytes(32).toString("base64")}
`, { mode: 384, flag: "wx" });
  }
  chmodSync(file, 384);
  return decodeKey(readFileSync(file, "utf8").trim(), file);
}
function decodeKey(text10, where) {
  const key2 = Buffer.from(text10.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  if (key2.length !== 32) throw new Error(`${where}: the key must be 32 bytes (base64)`);
  return key2;
}
function createCipher(key2) {
  const fingerprintKey = createHmac("sha256", key2).update("amparo:fingerprint:v1").digest();
  return {
    fingerprint(value, context) {
      return createHmac("sha256", fingerprintKey).update(context).update("\0").update(value).digest("base64url");
    },
    encrypt(plain, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key2, iv);
      cipher.setAAD(Buffer.from(context));
      const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
      const packed = Buffer.concat([iv, cipher.getAuthTag(), body]);
      return `${VERSION}.${packed.toString("base64url")}`;
    },
    decrypt(box, context) {
      const [version, data] = box.split(".");
      if (version !== VERSION || !data) throw new Error("unknown ciphertext format");
      const packed = Buffer.from(data, "base64url");
      const decipher = createDecipheriv("aes-256-gcm", key2, packed.subarray(0, 12));
      decipher.setAuthTag(packed.subarray(12, 28));
      decipher.setAAD(Buffer.from(context));
      return Buffer.concat([decipher.update(packed.subarray(28)), decipher.final()]).toString(
        "utf8"
      );
    }
  };
}
function newSecret(bytes = 32) {
  const secret = randomBytes(bytes).toString("base64url");
  return { secret, hash: sha256(secret) };
}
function sha256(text10) {
  return createHash("sha256").update(text10).digest("hex");
}

// src/platform/sessions.ts
import { and, eq, sql } from "drizzle-orm";

// src/platform/platform.schema.ts
import { integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
var createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
var organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: text("name").notNull(),
  slug: text("slug").notNull(),
  defaultLanguage: text("default_language").$type().notNull(),
  timeZone: text("time_zone").notNull(),
  createdAt: createdAt()
});
var users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  emailLower: text("email_lower").notNull(),
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  language: text("language").$type(),
  createdAt: createdAt()
});
var ROLES = ["owner", "organizer", "member", "viewer"];
var memberships = pgTable("memberships", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull(),
  userId: uuid("user_id").notNull(),
  role: text("role").$type().notNull(),
  createdAt: createdAt()
});
var sessions = pgTable("sessions", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull(),
  userId: uuid("user_id").notNull(),
  tokenHash: text("token_hash").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt()
});
var invitations = pgTable("invitations", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull(),
  emailLower: text("email_lower").notNull(),
  role: text("role").$type().notNull(),
  tokenHash: text("token_hash").notNull(),
  invitedBy: uuid("invited_by").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  acceptedAt: timestamp("accepted_at", { withTimezone: true }),
  createdAt: createdAt()
});
var apiTokens = pgTable("api_tokens", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull(),
  userId: uuid("user_id").notNull(),
  tokenHash: text("token_hash").notNull(),
  label: text("label").notNull().default(""),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  createdAt: createdAt()
});
var auditEvents = pgTable("audit_events", {
  id: uuid("id").primaryKey().defaultRandom(),
  orgId: uuid("org_id").notNull(),
  actorUserId: uuid("actor_user_id"),
  action: text("action").notNull(),
  subjectType: text("subject_type").notNull(),
  subjectId: uuid("subject_id"),
  detail: jsonb("detail").$type().notNull().default({}),
  createdAt: createdAt()
});
var rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  hits: integer("hits").notNull()
});

// src/platform/sessions.ts
var SESSION_COOKIE = "amparo_session";
var SESSION_DAYS = 14;
async function createSession(db, userId, orgId) {
  const { secret, hash: hash2 } = newSecret();
  const expiresAt = new Date(Date.now() + SESSION_DAYS * 864e5);
  await db.insert(sessions).values({ userId, orgId, tokenHash: hash2, expiresAt });
  await db.delete(sessions).where(sql`${sessions.expiresAt} < now() - interval '1 day'`);
  return secret;
}
async function loadSession(db, token) {
  if (!token || token.length > 100) return { status: "none" };
  const rows = await db.select({
    sessionId: sessions.id,
    expiresAt: sessions.expiresAt,
    userId: users.id,
    userName: users.name,
    email: users.email,
    language: users.language,
    orgId: organizations.id,
    orgName: organizations.name,
    slug: organizations.slug,
    timeZone: organizations.timeZone,
    role: memberships.role
  }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).innerJoin(organizations, eq(organizations.id, sessions.orgId)).innerJoin(
    memberships,
    and(eq(memberships.userId, sessions.userId), eq(memberships.orgId, sessions.orgId))
  ).where(eq(sessions.tokenHash, sha256(token))).limit(1);
  const row = rows[0];
  if (!row) return { status: "none" };
  if (row.expiresAt.getTime() <= Date.now()) return { status: "expired" };
  return {
    status: "ok",
    auth: {
      sessionId: row.sessionId,
      user: { id: row.userId, name: row.userName, email: row.email, language: row.language },
      org: { id: row.orgId, name: row.orgName, slug: row.slug, timeZone: row.timeZone },
      role: row.role,
      actor: { orgId: row.orgId, userId: row.userId, role: row.role }
    }
  };
}
async function destroySession(db, sessionId) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

// src/platform/middleware.ts
var CSRF_COOKIE = "amparo_csrf";
var LANG_COOKIE = "amparo_lang";
var CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "object-src 'none'"
].join("; ");
var SECURITY_HEADERS = {
  "Content-Security-Policy": CSP,
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "no-referrer",
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Resource-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()"
};
var securityHeaders = createMiddleware(async (c, next) => {
  await next();
  const headers = c.res.headers;
  try {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) headers.set(name, value);
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "no-store");
  } catch {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
    if (!c.res.headers.has("Cache-Control")) c.header("Cache-Control", "no-store");
  }
});
function provide(deps, config) {
  return createMiddleware(async (c, next) => {
    c.set("deps", deps);
    c.set("config", config);
    c.set("api", c.req.path.startsWith("/api/"));
    c.set("auth", null);
    await next();
  });
}
function isSecure(c, config) {
  if (config.secureCookies !== "auto") return config.secureCookies;
  return c.req.url.startsWith("https:") || c.req.header("x-forwarded-proto") === "https";
}
var session = createMiddleware(async (c, next) => {
  const found = await loadSession(c.get("deps").db, getCookie(c, SESSION_COOKIE));
  c.set("auth", found.status === "ok" ? found.auth : null);
  c.set("sessionExpired", found.status === "expired");
  await next();
});
var language = createMiddleware(async (c, next) => {
  const cookie = getCookie(c, LANG_COOKIE);
  c.set(
    "lang",
    c.get("auth")?.user.language ?? (isLang(cookie) ? cookie : null) ?? langFromAcceptLanguage(c.req.header("accept-language")) ?? "es"
  );
  await next();
});
var csrf = createMiddleware(async (c, next) => {
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) {
    token = newSecret().secret;
    setCookie(c, CSRF_COOKIE, token, {
      httpOnly: true,
      sameSite: "Lax",
      path: "/",
      secure: isSecure(c, c.get("config"))
    });
  }
  c.set("csrf", token);
  const method = c.req.method;
  if (method !== "GET" && method !== "HEAD" && method !== "OPTIONS" && !c.get("api")) {
    const origin = c.req.header("origin");
    if (origin && origin !== "null" && new URL(c.req.url).host !== safeHost(origin)) {
      throw new AppError("csrf_failed");
    }
    const body = await c.req.parseBody().catch(() => ({}));
    const sent = body._csrf;
    if (typeof sent !== "string" || !equal(sent, getCookie(c, CSRF_COOKIE) ?? "")) {
      throw new AppError("csrf_failed");
    }
  }
  await next();
});
function safeHost(origin) {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
function equal(a, b) {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && x.length > 0 && timingSafeEqual(x, y);
}

// src/platform/ui/forms.tsx
import { jsx, jsxs } from "hono/jsx/jsx-runtime";
var emptyForm = (values = {}) => ({
  values,
  errors: {}
});
function Field(props) {
  const t = common[props.lang];
  const error = props.form.errors[props.name];
  const id = `f-${props.name}`;
  const describedBy = [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].filter(Boolean).join(" ");
  return /* @__PURE__ */ jsxs("div", { class: `field ${error ? "has-error" : ""}`, children: [
    /* @__PURE__ */ jsxs("label", { for: id, children: [
      props.label,
      !props.required && /* @__PURE__ */ jsxs("span", { class: "optional", children: [
        " (",
        t.optional,
        ")"
      ] })
    ] }),
    props.hint && /* @__PURE__ */ jsx("p", { class: "hint", id: `${id}-hint`, children: props.hint }),
    error && /* @__PURE__ */ jsx("p", { class: "error", id: `${id}-error`, children: t[`field_${error}`] }),
    /* @__PURE__ */ jsx(
      "input",
      {
        id,
        name: props.name,
        type: props.type ?? "text",
        value: props.type === "password" ? "" : props.form.values[props.name] ?? "",
        required: props.required,
        autocomplete: props.autocomplete,
        maxlength: props.maxlength,
        inputmode: props.inputmode,
        "aria-invalid": error ? "true" : void 0,
        "aria-describedby": describedBy || void 0
      }
    )
  ] });
}
function TextArea(props) {
  const t = common[props.lang];
  const error = props.form.errors[props.name];
  const id = `f-${props.name}`;
  return /* @__PURE__ */ jsxs("div", { class: `field ${error ? "has-error" : ""}`, children: [
    /* @__PURE__ */ jsxs("label", { for: id, children: [
      props.label,
      !props.required && /* @__PURE__ */ jsxs("span", { class: "optional", children: [
        " (",
        t.optional,
        ")"
      ] })
    ] }),
    props.hint && /* @__PURE__ */ jsx("p", { class: "hint", id: `${id}-hint`, children: props.hint }),
    error && /* @__PURE__ */ jsx("p", { class: "error", id: `${id}-error`, children: t[`field_${error}`] }),
    /* @__PURE__ */ jsx(
      "textarea",
      {
        id,
        name: props.name,
        rows: 4,
        maxlength: props.maxlength,
        "aria-invalid": error ? "true" : void 0,
        "aria-describedby": [props.hint ? `${id}-hint` : "", error ? `${id}-error` : ""].join(" ").trim() || void 0,
        children: props.form.values[props.name] ?? ""
      }
    )
  ] });
}
function Select(props) {
  const error = props.form.errors[props.name];
  const id = `f-${props.name}`;
  const current = props.form.values[props.name] ?? "";
  return /* @__PURE__ */ jsxs("div", { class: `field ${error ? "has-error" : ""}`, children: [
    /* @__PURE__ */ jsx("label", { for: id, children: props.label }),
    error && /* @__PURE__ */ jsx("p", { class: "error", id: `${id}-error`, children: common[props.lang][`field_${error}`] }),
    /* @__PURE__ */ jsx(
      "select",
      {
        id,
        name: props.name,
        "aria-invalid": error ? "true" : void 0,
        "aria-describedby": error ? `${id}-error` : void 0,
        children: props.options.map((o) => /* @__PURE__ */ jsx("option", { value: o.value, selected: o.value === current, children: o.label }))
      }
    )
  ] });
}
function Checkbox(props) {
  const id = `f-${props.name}`;
  return /* @__PURE__ */ jsxs("div", { class: "check", children: [
    /* @__PURE__ */ jsx(
      "input",
      {
        type: "checkbox",
        id,
        name: props.name,
        value: "on",
        checked: props.form.values[props.name] === "on"
      }
    ),
    /* @__PURE__ */ jsx("label", { for: id, children: props.label })
  ] });
}
function FormAlert(props) {
  if (!props.message && Object.keys(props.form.errors).length === 0) return null;
  return /* @__PURE__ */ jsx("div", { class: "alert alert-error", role: "alert", children: props.message ?? common[props.lang].error_validation_failed });
}
function Csrf(props) {
  return /* @__PURE__ */ jsx("input", { type: "hidden", name: "_csrf", value: props.token });
}
function Actions(props) {
  return /* @__PURE__ */ jsx("div", { class: "form-actions", children: props.children });
}

// src/modules/accounts/account-schemas.ts
import { z } from "zod";
var TIME_ZONES = [
  "America/Los_Angeles",
  "America/Denver",
  "America/Phoenix",
  "America/Chicago",
  "America/New_York",
  "America/Anchorage",
  "Pacific/Honolulu",
  "America/Puerto_Rico",
  "America/Mexico_City",
  "America/Tijuana",
  "America/Guatemala",
  "America/El_Salvador",
  "America/Tegucigalpa",
  "UTC"
];
function isTimeZone(value) {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.length > 0;
  } catch {
    return false;
  }
}
var text2 = (max) => z.string("required").trim().min(1, "required").max(max, "too_long");
var EmailSchema = z.string("required").trim().min(1, "required").max(254, "too_long").pipe(z.email("invalid_email"));
var PasswordSchema = z.string("required").min(10, "password_too_short").max(200, "too_long");
var OrganizationSchema = z.object({
  org_name: text2(120),
  slug: z.string("required").trim().toLowerCase().min(1, "required").regex(/^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/, "invalid_slug"),
  time_zone: z.string("required").trim().refine(isTimeZone, "invalid_time_zone"),
  default_language: z.enum(["es", "en"], "invalid_choice")
});
var OwnerSchema = z.object({
  owner_name: text2(120),
  email: EmailSchema,
  password: PasswordSchema
});
var SetupSchema = OrganizationSchema.extend(OwnerSchema.shape);
var SignInSchema = z.object({
  email: z.string("required").trim().min(1, "required").max(254, "too_long"),
  password: z.string("required").min(1, "required").max(200, "too_long")
});
var InviteSchema = z.object({
  email: EmailSchema,
  role: z.enum(["owner", "organizer", "member", "viewer"], "invalid_choice")
});
var AcceptInviteSchema = z.object({
  name: text2(120),
  password: PasswordSchema
});

// src/modules/accounts/accounts.messages.ts
var accountsText = defineMessages("accounts", {
  es: {
    setup_title: "Configura Amparo",
    setup_lede: "Crea tu organizaci\xF3n y la primera cuenta. Despu\xE9s podr\xE1s invitar a tu equipo. Solo se hace una vez.",
    org_section: "Tu organizaci\xF3n",
    org_name: "Nombre de la organizaci\xF3n",
    org_name_hint: "Por ejemplo: Comit\xE9 de Vecinos Unidos",
    slug: "Identificador corto",
    slug_hint: "Aparece en las p\xE1ginas p\xFAblicas: letras min\xFAsculas, n\xFAmeros y guiones.",
    time_zone: "Zona horaria",
    default_language: "Idioma principal",
    owner_section: "Tu cuenta",
    owner_name: "Tu nombre",
    owner_name_hint: "Puede ser un seud\xF3nimo.",
    email: "Correo electr\xF3nico",
    password: "Contrase\xF1a",
    password_hint: "Al menos 10 caracteres. Una frase larga es m\xE1s f\xE1cil de recordar.",
    setup_submit: "Crear organizaci\xF3n",
    lang_es: "Espa\xF1ol",
    lang_en: "Ingl\xE9s",
    signin_title: "Iniciar sesi\xF3n",
    signin_lede: "Entra para ver a tu gente, tus casos y tus acciones.",
    signin_submit: "Entrar",
    signin_failed: "El correo o la contrase\xF1a no son correctos.",
    signed_out: "Cerraste sesi\xF3n.",
    session_expired: "Tu sesi\xF3n venci\xF3. Vuelve a entrar; no se perdi\xF3 nada guardado.",
    users_title: "Equipo",
    users_lede: "Qui\xE9nes usan Amparo en tu organizaci\xF3n y qu\xE9 puede hacer cada rol.",
    invite_title: "Invitar a alguien",
    invite_hint: "Amparo no env\xEDa correos: copia el enlace y comp\xE1rtelo por un canal seguro. Vence en 7 d\xEDas.",
    role: "Rol",
    invite_submit: "Crear invitaci\xF3n",
    invite_created: "Invitaci\xF3n creada. Comparte este enlace solo con esa persona:",
    pending_invites: "Invitaciones pendientes",
    expires: (date4) => `Vence: ${date4}`,
    members: "Miembros del equipo",
    change_role: "Cambiar rol",
    role_changed: "Rol actualizado.",
    last_owner: "La organizaci\xF3n necesita al menos una persona due\xF1a.",
    role_help_owner: "Todo, incluido el equipo y los datos sensibles.",
    role_help_organizer: "Personas, datos sensibles y tokens de la API.",
    role_help_member: "Ver y agregar personas.",
    role_help_viewer: "Solo ver.",
    accept_title: (org) => `\xDAnete a ${org}`,
    accept_lede_new: "Crea tu cuenta para entrar al equipo.",
    accept_lede_existing: "Ya tienes cuenta: escribe tu contrase\xF1a para unirte.",
    your_name: "Tu nombre",
    accept_submit: "Unirme",
    invite_invalid: "Este enlace de invitaci\xF3n no es v\xE1lido, ya se us\xF3 o venci\xF3."
  },
  en: {
    setup_title: "Set up Amparo",
    setup_lede: "Create your organization and the first account. Then you can invite your team. You only do this once.",
    org_section: "Your organization",
    org_name: "Organization name",
    org_name_hint: "For example: United Neighbors Committee",
    slug: "Short identifier",
    slug_hint: "Shown on public pages: lowercase letters, numbers and dashes.",
    time_zone: "Time zone",
    default_language: "Main language",
    owner_section: "Your account",
    owner_name: "Your name",
    owner_name_hint: "A pseudonym is fine.",
    email: "Email",
    password: "Password",
    password_hint: "At least 10 characters. A long phrase is easier to remember.",
    setup_submit: "Create organization",
    lang_es: "Spanish",
    lang_en: "English",
    signin_title: "Sign in",
    signin_lede: "Sign in to see your people, your cases and your actions.",
    signin_submit: "Sign in",
    signin_failed: "The email or password isn't right.",
    signed_out: "You signed out.",
    session_expired: "Your session expired. Sign in again; nothing saved was lost.",
    users_title: "Team",
    users_lede: "Who uses Amparo in your organization and what each role can do.",
    invite_title: "Invite someone",
    invite_hint: "Amparo sends no email: copy the link and share it over a safe channel. It expires in 7 days.",
    role: "Role",
    invite_submit: "Create invitation",
    invite_created: "Invitation created. Share this link only with that person:",
    pending_invites: "Pending invitations",
    expires: (date4) => `Expires: ${date4}`,
    members: "Team members",
    change_role: "Change role",
    role_changed: "Role updated.",
    last_owner: "The organization needs at least one owner.",
    role_help_owner: "Everything, including the team and sensitive data.",
    role_help_organizer: "People, sensitive data and API tokens.",
    role_help_member: "See and add people.",
    role_help_viewer: "View only.",
    accept_title: (org) => `Join ${org}`,
    accept_lede_new: "Create your account to join the team.",
    accept_lede_existing: "You already have an account: enter your password to join.",
    your_name: "Your name",
    accept_submit: "Join",
    invite_invalid: "This invitation link isn't valid, was already used, or expired."
  }
});

// src/platform/permissions.ts
var PERMISSIONS = {
  "people.read": ["owner", "organizer", "member", "viewer"],
  "people.write": ["owner", "organizer", "member"],
  "people.delete": ["owner", "organizer"],
  "people.sensitive": ["owner", "organizer"],
  "users.manage": ["owner"],
  "tokens.create": ["owner", "organizer"],
  // Defense cases. Sensitive case fields need more than a role: see canSeeCaseSensitive.
  "cases.read": ["owner", "organizer", "member"],
  "cases.write": ["owner", "organizer"],
  "facilities.read": ["owner", "organizer", "member", "viewer"],
  "facilities.write": ["owner", "organizer", "member"],
  // Funds. Above the threshold an approver must also differ from the requester.
  "funds.read": ["owner", "organizer", "member", "viewer"],
  "funds.gifts": ["owner", "organizer", "member"],
  "funds.manage": ["owner", "organizer"],
  // CSV imports of crowdfunding exports: many gifts at once.
  "funds.import": ["owner", "organizer"],
  "funds.approve": ["owner", "organizer"],
  "funds.settings": ["owner"],
  // Advocacy: call-in and visit campaigns for a case (members see them, as they see cases).
  "advocacy.read": ["owner", "organizer", "member"],
  "advocacy.write": ["owner", "organizer"]
};
function can(role, permission) {
  return PERMISSIONS[permission].includes(role);
}
function requirePermission(role, permission) {
  if (!can(role, permission)) throw new AppError("forbidden");
}
function canSeeCaseSensitive(role, onCaseTeam) {
  return can(role, "cases.read") && (role === "owner" || onCaseTeam);
}

// src/platform/ui/layout.tsx
import { jsx as jsx2, jsxs as jsxs2 } from "hono/jsx/jsx-runtime";
function Page(props) {
  const t = common[props.lang];
  const auth = props.auth;
  return /* @__PURE__ */ jsxs2("html", { lang: props.lang, children: [
    /* @__PURE__ */ jsxs2("head", { children: [
      /* @__PURE__ */ jsx2("meta", { charset: "utf-8" }),
      /* @__PURE__ */ jsx2("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      /* @__PURE__ */ jsx2("meta", { name: "referrer", content: "no-referrer" }),
      /* @__PURE__ */ jsx2("meta", { name: "htmx-config", content: '{"includeIndicatorStyles":false,"allowEval":false}' }),
      /* @__PURE__ */ jsx2("title", { children: `${props.title} \xB7 ${auth?.org.name ?? t.app_name}` }),
      /* @__PURE__ */ jsx2("link", { rel: "stylesheet", href: "/assets/app.css" }),
      /* @__PURE__ */ jsx2("link", { rel: "icon", href: "/assets/favicon.svg", type: "image/svg+xml" }),
      /* @__PURE__ */ jsx2("script", { src: "/assets/htmx.min.js", defer: true })
    ] }),
    /* @__PURE__ */ jsxs2("body", { children: [
      /* @__PURE__ */ jsx2("a", { class: "skip", href: "#main", children: t.skip_to_content }),
      /* @__PURE__ */ jsxs2("header", { class: "topbar", children: [
        /* @__PURE__ */ jsxs2("div", { class: "topbar-inner", children: [
          /* @__PURE__ */ jsxs2("a", { class: "brand", href: "/", children: [
            /* @__PURE__ */ jsx2(Logo, {}),
            /* @__PURE__ */ jsx2("span", { children: auth?.org.name ?? t.app_name })
          ] }),
          /* @__PURE__ */ jsxs2("div", { class: "topbar-tools", children: [
            /* @__PURE__ */ jsx2(LanguageSwitch, { lang: props.lang, csrf: props.csrf, path: props.path }),
            auth && /* @__PURE__ */ jsxs2("form", { method: "post", action: "/logout", class: "inline", children: [
              /* @__PURE__ */ jsx2("input", { type: "hidden", name: "_csrf", value: props.csrf }),
              /* @__PURE__ */ jsxs2("button", { type: "submit", class: "signout", children: [
                /* @__PURE__ */ jsx2(SignOutIcon, {}),
                /* @__PURE__ */ jsx2("span", { class: "signout-label", children: t.sign_out })
              ] })
            ] })
          ] })
        ] }),
        auth && /* @__PURE__ */ jsxs2("nav", { class: "mainnav", "aria-label": t.nav_main, children: [
          /* @__PURE__ */ jsx2(NavLink, { href: "/", current: props.section === "home", children: t.nav_home }),
          /* @__PURE__ */ jsx2(NavLink, { href: "/people", current: props.section === "people", children: t.nav_people }),
          can(auth.role, "cases.read") && /* @__PURE__ */ jsx2(NavLink, { href: "/cases", current: props.section === "cases", children: t.nav_cases }),
          can(auth.role, "funds.read") && /* @__PURE__ */ jsx2(NavLink, { href: "/funds", current: props.section === "funds", children: t.nav_funds }),
          can(auth.role, "advocacy.read") && /* @__PURE__ */ jsx2(NavLink, { href: "/advocacy", current: props.section === "advocacy", children: t.nav_advocacy }),
          can(auth.role, "users.manage") && /* @__PURE__ */ jsx2(NavLink, { href: "/users", current: props.section === "users", children: t.nav_users })
        ] })
      ] }),
      /* @__PURE__ */ jsx2("main", { id: "main", class: "container", children: props.children }),
      auth && /* @__PURE__ */ jsx2("footer", { class: "footer container", children: /* @__PURE__ */ jsx2("p", { children: t.signed_in_as(auth.user.name, auth.org.name) }) })
    ] })
  ] });
}
function NavLink(props) {
  return /* @__PURE__ */ jsx2("a", { href: props.href, "aria-current": props.current ? "page" : void 0, children: props.children });
}
function LanguageSwitch(props) {
  const t = common[props.lang];
  return /* @__PURE__ */ jsxs2("form", { method: "post", action: "/lang", class: "inline", children: [
    /* @__PURE__ */ jsx2("input", { type: "hidden", name: "_csrf", value: props.csrf }),
    /* @__PURE__ */ jsx2("input", { type: "hidden", name: "lang", value: props.lang === "es" ? "en" : "es" }),
    /* @__PURE__ */ jsx2("input", { type: "hidden", name: "next", value: props.path }),
    /* @__PURE__ */ jsx2(
      "button",
      {
        type: "submit",
        class: "lang-switch",
        lang: props.lang === "es" ? "en" : "es",
        title: t.switch_to_other_label,
        children: t.switch_to_other
      }
    )
  ] });
}
function SignOutIcon() {
  return /* @__PURE__ */ jsxs2(
    "svg",
    {
      viewBox: "0 0 24 24",
      width: "22",
      height: "22",
      "aria-hidden": "true",
      fill: "none",
      stroke: "currentColor",
      "stroke-width": "2",
      "stroke-linecap": "round",
      "stroke-linejoin": "round",
      children: [
        /* @__PURE__ */ jsx2("path", { d: "M10 4H6a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h4" }),
        /* @__PURE__ */ jsx2("path", { d: "M15 8l4 4-4 4" }),
        /* @__PURE__ */ jsx2("path", { d: "M19 12H10" })
      ]
    }
  );
}
function Logo() {
  return /* @__PURE__ */ jsxs2("svg", { class: "logo", viewBox: "0 0 32 32", width: "28", height: "28", "aria-hidden": "true", children: [
    /* @__PURE__ */ jsx2("rect", { width: "32", height: "32", rx: "8", fill: "currentColor" }),
    /* @__PURE__ */ jsx2("path", { d: "M16 7 L25 12 V18 C25 22 21 25 16 26 C11 25 7 22 7 18 V12 Z", fill: "#fff" }),
    /* @__PURE__ */ jsx2("path", { d: "M12 17 L15 20 L21 13", stroke: "currentColor", "stroke-width": "2.5", fill: "none" })
  ] });
}
function Panel(props) {
  return /* @__PURE__ */ jsxs2("section", { class: `panel ${props.class ?? ""}`, children: [
    props.title && /* @__PURE__ */ jsx2("h2", { class: "panel-title", children: props.title }),
    props.children
  ] });
}

// src/modules/accounts/accounts.pages.tsx
import { jsx as jsx3, jsxs as jsxs3 } from "hono/jsx/jsx-runtime";
function SetupPage(props) {
  const t = accountsText[props.lang];
  const { form, lang } = props;
  return /* @__PURE__ */ jsx3(Page, { title: t.setup_title, lang, csrf: props.csrf, path: props.path, auth: null, children: /* @__PURE__ */ jsxs3("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx3("h1", { children: t.setup_title }),
    /* @__PURE__ */ jsx3("p", { class: "lede", children: t.setup_lede }),
    /* @__PURE__ */ jsx3(FormAlert, { form, lang }),
    /* @__PURE__ */ jsxs3("form", { method: "post", action: "/setup", class: "panel", novalidate: true, children: [
      /* @__PURE__ */ jsx3(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsxs3("fieldset", { children: [
        /* @__PURE__ */ jsx3("legend", { children: t.org_section }),
        /* @__PURE__ */ jsx3(
          Field,
          {
            name: "org_name",
            label: t.org_name,
            hint: t.org_name_hint,
            form,
            lang,
            required: true,
            maxlength: 120
          }
        ),
        /* @__PURE__ */ jsx3(
          Field,
          {
            name: "slug",
            label: t.slug,
            hint: t.slug_hint,
            form,
            lang,
            required: true,
            maxlength: 40,
            autocomplete: "off"
          }
        ),
        /* @__PURE__ */ jsx3(
          Select,
          {
            name: "time_zone",
            label: t.time_zone,
            form,
            lang,
            required: true,
            options: TIME_ZONES.map((z23) => ({ value: z23, label: z23.replace(/_/g, " ") }))
          }
        ),
        /* @__PURE__ */ jsx3(
          Select,
          {
            name: "default_language",
            label: t.default_language,
            form,
            lang,
            required: true,
            options: [
              { value: "es", label: t.lang_es },
              { value: "en", label: t.lang_en }
            ]
          }
        )
      ] }),
      /* @__PURE__ */ jsxs3("fieldset", { children: [
        /* @__PURE__ */ jsx3("legend", { children: t.owner_section }),
        /* @__PURE__ */ jsx3(
          Field,
          {
            name: "owner_name",
            label: t.owner_name,
            hint: t.owner_name_hint,
            form,
            lang,
            required: true,
            maxlength: 120,
            autocomplete: "name"
          }
        ),
        /* @__PURE__ */ jsx3(
          Field,
          {
            name: "email",
            type: "email",
            label: t.email,
            form,
            lang,
            required: true,
            autocomplete: "email"
          }
        ),
        /* @__PURE__ */ jsx3(
          Field,
          {
            name: "password",
            type: "password",
            label: t.password,
            hint: t.password_hint,
            form,
            lang,
            required: true,
            autocomplete: "new-password"
          }
        )
      ] }),
      /* @__PURE__ */ jsx3(Actions, { children: /* @__PURE__ */ jsx3("button", { type: "submit", class: "primary", children: t.setup_submit }) })
    ] })
  ] }) });
}
function SignInPage(props) {
  const t = accountsText[props.lang];
  const { form, lang } = props;
  return /* @__PURE__ */ jsx3(Page, { title: t.signin_title, lang, csrf: props.csrf, path: props.path, auth: null, children: /* @__PURE__ */ jsxs3("div", { class: "auth-card", children: [
    /* @__PURE__ */ jsx3("h1", { children: t.signin_title }),
    /* @__PURE__ */ jsx3("p", { class: "lede", children: t.signin_lede }),
    props.notice && /* @__PURE__ */ jsx3("div", { class: "alert alert-info", role: "status", children: props.notice }),
    /* @__PURE__ */ jsx3(
      FormAlert,
      {
        form,
        lang,
        message: typeof props.failed === "string" ? props.failed : props.failed ? t.signin_failed : void 0
      }
    ),
    /* @__PURE__ */ jsxs3("form", { method: "post", action: "/login", class: "panel", novalidate: true, children: [
      /* @__PURE__ */ jsx3(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsx3(
        Field,
        {
          name: "email",
          type: "email",
          label: t.email,
          form,
          lang,
          required: true,
          autocomplete: "username"
        }
      ),
      /* @__PURE__ */ jsx3(
        Field,
        {
          name: "password",
          type: "password",
          label: t.password,
          form,
          lang,
          required: true,
          autocomplete: "current-password"
        }
      ),
      /* @__PURE__ */ jsx3(Actions, { children: /* @__PURE__ */ jsx3("button", { type: "submit", class: "primary", children: t.signin_submit }) })
    ] })
  ] }) });
}
function AcceptInvitePage(props) {
  const t = accountsText[props.lang];
  const { form, lang } = props;
  return /* @__PURE__ */ jsx3(
    Page,
    {
      title: t.accept_title(props.orgName),
      lang,
      csrf: props.csrf,
      path: props.path,
      auth: null,
      children: /* @__PURE__ */ jsxs3("div", { class: "auth-card", children: [
        /* @__PURE__ */ jsx3("h1", { children: t.accept_title(props.orgName) }),
        /* @__PURE__ */ jsx3("p", { class: "lede", children: props.existing ? t.accept_lede_existing : t.accept_lede_new }),
        /* @__PURE__ */ jsx3(FormAlert, { form, lang }),
        /* @__PURE__ */ jsxs3("form", { method: "post", action: `/invite/${props.token}`, class: "panel", novalidate: true, children: [
          /* @__PURE__ */ jsx3(Csrf, { token: props.csrf }),
          props.existing ? /* @__PURE__ */ jsx3("input", { type: "hidden", name: "name", value: "-" }) : /* @__PURE__ */ jsx3(
            Field,
            {
              name: "name",
              label: t.your_name,
              hint: t.owner_name_hint,
              form,
              lang,
              required: true,
              maxlength: 120,
              autocomplete: "name"
            }
          ),
          /* @__PURE__ */ jsx3(
            Field,
            {
              name: "password",
              type: "password",
              label: t.password,
              hint: props.existing ? void 0 : t.password_hint,
              form,
              lang,
              required: true,
              autocomplete: props.existing ? "current-password" : "new-password"
            }
          ),
          /* @__PURE__ */ jsx3(Actions, { children: /* @__PURE__ */ jsx3("button", { type: "submit", class: "primary", children: t.accept_submit }) })
        ] })
      ] })
    }
  );
}
function InviteInvalidPage(props) {
  const t = accountsText[props.lang];
  return /* @__PURE__ */ jsx3(Page, { title: t.signin_title, lang: props.lang, csrf: props.csrf, path: props.path, auth: null, children: /* @__PURE__ */ jsxs3("div", { class: "panel narrow center", children: [
    /* @__PURE__ */ jsx3("h1", { class: "h-sentence", children: t.invite_invalid }),
    /* @__PURE__ */ jsx3("a", { class: "button secondary", href: "/login", children: t.signin_title })
  ] }) });
}

// src/modules/accounts/invitations.ts
import { and as and2, eq as eq2, gt, isNull } from "drizzle-orm";

// src/platform/audit.ts
async function audit(tx, actor, action, subject, detail = {}) {
  await tx.insert(auditEvents).values({
    orgId: actor.orgId,
    actorUserId: actor.userId,
    action,
    subjectType: subject.type,
    subjectId: subject.id ?? null,
    detail
  });
}

// src/platform/passwords.ts
import { hash, verify } from "@node-rs/argon2";
var OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 };
function hashPassword(password) {
  return hash(password, OPTIONS);
}
async function verifyPassword(stored, password) {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
var dummy;
function dummyHash() {
  dummy ??= hashPassword("not-a-real-password-0000");
  return dummy;
}

// src/modules/accounts/invitations.ts
var INVITE_DAYS = 7;
async function inviteUser(db, actor, input) {
  const { secret, hash: hash2 } = newSecret();
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 864e5);
  await db.transaction(async (tx) => {
    const [inv] = await tx.insert(invitations).values({
      orgId: actor.orgId,
      emailLower: input.email.toLowerCase(),
      role: input.role,
      tokenHash: hash2,
      invitedBy: actor.userId ?? "",
      expiresAt
    }).returning({ id: invitations.id });
    await audit(
      tx,
      actor,
      "invitation.created",
      { type: "invitation", id: inv?.id },
      {
        role: input.role
      }
    );
  });
  return { token: secret, expiresAt };
}
async function getOpenInvitation(db, token) {
  if (token.length > 100) return null;
  const [row] = await db.select({
    id: invitations.id,
    orgId: invitations.orgId,
    orgName: organizations.name,
    emailLower: invitations.emailLower,
    role: invitations.role
  }).from(invitations).innerJoin(organizations, eq2(organizations.id, invitations.orgId)).where(
    and2(
      eq2(invitations.tokenHash, sha256(token)),
      isNull(invitations.acceptedAt),
      gt(invitations.expiresAt, /* @__PURE__ */ new Date())
    )
  );
  if (!row) return null;
  const [user] = await db.select({ id: users.id }).from(users).where(eq2(users.emailLower, row.emailLower));
  return { ...row, existingUserId: user?.id ?? null };
}
async function acceptInvitation(db, token, input) {
  const invitation = await getOpenInvitation(db, token);
  if (!invitation) throw new AppError("not_found");
  if (invitation.existingUserId) {
    const [user] = await db.select({ hash: users.passwordHash }).from(users).where(eq2(users.id, invitation.existingUserId));
    if (!user || !await verifyPassword(user.hash, input.password)) {
      throw invalid({ password: "invalid" });
    }
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const claimed = await tx.update(invitations).set({ acceptedAt: /* @__PURE__ */ new Date() }).where(and2(eq2(invitations.id, invitation.id), isNull(invitations.acceptedAt))).returning({ id: invitations.id });
    if (claimed.length === 0) throw new AppError("not_found");
    let userId = invitation.existingUserId;
    if (!userId) {
      const [user] = await tx.insert(users).values({
        email: invitation.emailLower,
        emailLower: invitation.emailLower,
        name: input.name,
        passwordHash
      }).returning({ id: users.id });
      userId = user?.id ?? null;
    }
    if (!userId) throw new Error("insert returned nothing");
    await tx.insert(memberships).values({ orgId: invitation.orgId, userId, role: invitation.role }).onConflictDoNothing();
    await audit(
      tx,
      { orgId: invitation.orgId, userId, role: invitation.role },
      "invitation.accepted",
      { type: "invitation", id: invitation.id }
    );
    return { userId, orgId: invitation.orgId };
  });
}

// src/modules/accounts/setup-organization.ts
import { eq as eq3, sql as sql2 } from "drizzle-orm";
async function setupOrganization(db, input, options) {
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      if (options.onlyIfFirst) {
        await tx.execute(sql2`LOCK TABLE organizations IN SHARE ROW EXCLUSIVE MODE`);
        const [row] = await tx.select({ n: sql2`count(*)::int` }).from(organizations);
        if ((row?.n ?? 0) > 0) throw new AppError("already_set_up");
      }
      const [org] = await tx.insert(organizations).values({
        name: input.org_name,
        slug: input.slug,
        defaultLanguage: input.default_language,
        timeZone: input.time_zone
      }).returning({ id: organizations.id, slug: organizations.slug });
      if (!org) throw new Error("insert returned nothing");
      const emailLower = input.email.toLowerCase();
      const [existing] = await tx.select({ id: users.id }).from(users).where(eq3(users.emailLower, emailLower));
      const userId = existing?.id ?? (await tx.insert(users).values({
        email: input.email,
        emailLower,
        name: input.owner_name,
        passwordHash,
        language: input.default_language
      }).returning({ id: users.id }))[0]?.id;
      if (!userId) throw new Error("insert returned nothing");
      await tx.insert(memberships).values({ orgId: org.id, userId, role: "owner" });
      await audit(tx, { orgId: org.id, userId, role: "owner" }, "organization.created", {
        type: "organization",
        id: org.id
      });
      return { orgId: org.id, userId, slug: org.slug };
    });
  } catch (error) {
    if (isUniqueViolation(error, "organizations_slug_key")) throw invalid({ slug: "slug_taken" });
    throw error;
  }
}
async function organizationCount(db) {
  const [row] = await db.select({ n: sql2`count(*)::int` }).from(organizations);
  return row?.n ?? 0;
}

// src/modules/accounts/sign-in.ts
import { asc, eq as eq4 } from "drizzle-orm";

// src/platform/rate-limit.ts
import { sql as sql3 } from "drizzle-orm";
async function hit(db, key2, limit, windowSeconds) {
  const res = await db.execute(sql3`
    INSERT INTO rate_limits (key, window_start, hits) VALUES (${key2}, now(), 1)
    ON CONFLICT (key) DO UPDATE SET
      window_start = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
        THEN now() ELSE rate_limits.window_start END,
      hits = CASE WHEN rate_limits.window_start < now() - make_interval(secs => ${windowSeconds})
        THEN 1 ELSE rate_limits.hits + 1 END
    RETURNING hits, extract(epoch FROM now() - window_start)::int AS age`);
  const row = res.rows[0] ?? { hits: 1, age: 0 };
  return {
    allowed: row.hits <= limit,
    retryAfterSeconds: Math.max(1, windowSeconds - Number(row.age))
  };
}
async function reset(db, key2) {
  await db.execute(sql3`DELETE FROM rate_limits WHERE key = ${key2}`);
}
async function refund(db, key2) {
  await db.execute(sql3`UPDATE rate_limits SET hits = GREATEST(hits - 1, 0) WHERE key = ${key2}`);
}

// src/modules/accounts/sign-in.ts
var SIGN_IN_LIMITS = {
  perAccount: { limit: 5, windowSeconds: 15 * 60 },
  perAddress: { limit: 30, windowSeconds: 15 * 60 }
};
async function signIn(db, input, address) {
  const emailLower = input.email.trim().toLowerCase();
  const accountKey = `signin:acct:${sha256(emailLower)}`;
  const addressKey = `signin:addr:${sha256(address)}`;
  for (const [key2, rule] of [
    [accountKey, SIGN_IN_LIMITS.perAccount],
    [addressKey, SIGN_IN_LIMITS.perAddress]
  ]) {
    const r = await hit(db, key2, rule.limit, rule.windowSeconds);
    if (!r.allowed) throw new AppError("rate_limited", void 0, r.retryAfterSeconds);
  }
  const [user] = await db.select({ id: users.id, passwordHash: users.passwordHash }).from(users).where(eq4(users.emailLower, emailLower));
  const ok = await verifyPassword(user?.passwordHash ?? await dummyHash(), input.password);
  if (!user || !ok) return { ok: false, reason: "invalid" };
  const [membership] = await db.select({ orgId: memberships.orgId, role: memberships.role }).from(memberships).where(eq4(memberships.userId, user.id)).orderBy(asc(memberships.createdAt)).limit(1);
  if (!membership) return { ok: false, reason: "invalid" };
  await reset(db, accountKey);
  await refund(db, addressKey);
  const token = await createSession(db, user.id, membership.orgId);
  await audit(
    db,
    { orgId: membership.orgId, userId: user.id, role: membership.role },
    "user.signed_in",
    { type: "user", id: user.id }
  );
  return { ok: true, token, userId: user.id, orgId: membership.orgId };
}

// src/modules/accounts/accounts.routes.tsx
import { jsx as jsx4 } from "hono/jsx/jsx-runtime";
var accountsRoutes = new Hono();
var base = (c) => ({ lang: c.get("lang"), csrf: c.get("csrf"), path: c.req.path });
function startSession(c, token) {
  setCookie2(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
    secure: isSecure(c, c.get("config")),
    maxAge: SESSION_DAYS * 86400
  });
}
function clientAddress(c) {
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
accountsRoutes.get("/setup", async (c) => {
  if (await organizationCount(c.get("deps").db) > 0) return c.redirect("/login", 303);
  const lang = c.get("lang");
  return render(
    c,
    /* @__PURE__ */ jsx4(
      SetupPage,
      {
        ...base(c),
        form: emptyForm({ time_zone: "America/Los_Angeles", default_language: lang })
      }
    )
  );
});
accountsRoutes.post("/setup", async (c) => {
  if (await organizationCount(c.get("deps").db) > 0) throw new AppError("already_set_up");
  const values = await readForm(c);
  const parsed = parseWith(SetupSchema, values);
  if (!parsed.ok)
    return render(c, /* @__PURE__ */ jsx4(SetupPage, { ...base(c), form: { values, errors: parsed.errors } }), 422);
  try {
    const created = await setupOrganization(c.get("deps").db, parsed.data, { onlyIfFirst: true });
    const result = await signIn(c.get("deps").db, parsed.data, clientAddress(c));
    if (result.ok) startSession(c, result.token);
    return c.redirect(result.ok && created ? "/" : "/login", 303);
  } catch (error) {
    if (error instanceof AppError && error.code === "validation_failed" && error.fields) {
      return render(c, /* @__PURE__ */ jsx4(SetupPage, { ...base(c), form: { values, errors: error.fields } }), 422);
    }
    throw error;
  }
});
accountsRoutes.get("/login", async (c) => {
  if (await organizationCount(c.get("deps").db) === 0) return c.redirect("/setup", 303);
  if (c.get("auth")) return c.redirect("/", 303);
  const t = accountsText[c.get("lang")];
  const notice5 = c.req.query("expired") || c.get("sessionExpired") ? t.session_expired : c.req.query("out") ? t.signed_out : void 0;
  return render(c, /* @__PURE__ */ jsx4(SignInPage, { ...base(c), form: emptyForm(), notice: notice5 }));
});
accountsRoutes.post("/login", async (c) => {
  const values = await readForm(c);
  const parsed = parseWith(SignInSchema, values);
  const form = { values: { email: values.email ?? "" }, errors: parsed.ok ? {} : parsed.errors };
  if (!parsed.ok) return render(c, /* @__PURE__ */ jsx4(SignInPage, { ...base(c), form }), 422);
  let result;
  try {
    result = await signIn(c.get("deps").db, parsed.data, clientAddress(c));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "rate_limited") throw error;
    c.header("Retry-After", String(error.retryAfterSeconds ?? 60));
    const message = common[c.get("lang")].error_rate_limited;
    return render(c, /* @__PURE__ */ jsx4(SignInPage, { ...base(c), form, failed: message }), 429);
  }
  if (!result.ok) return render(c, /* @__PURE__ */ jsx4(SignInPage, { ...base(c), form, failed: true }), 401);
  startSession(c, result.token);
  return c.redirect("/", 303);
});
accountsRoutes.post("/logout", async (c) => {
  const auth = c.get("auth");
  if (auth) await destroySession(c.get("deps").db, auth.sessionId);
  deleteCookie(c, SESSION_COOKIE, { path: "/" });
  return c.redirect("/login?out=1", 303);
});
accountsRoutes.post("/lang", async (c) => {
  const values = await readForm(c);
  if (!isLang(values.lang)) throw new AppError("bad_request");
  setCookie2(c, LANG_COOKIE, values.lang, {
    path: "/",
    sameSite: "Lax",
    maxAge: 365 * 86400,
    secure: isSecure(c, c.get("config"))
  });
  const auth = c.get("auth");
  if (auth) {
    await c.get("deps").db.update(users).set({ language: values.lang }).where(eq5(users.id, auth.user.id));
  }
  return c.redirect(safeNext(values.next), 303);
});
accountsRoutes.get("/invite/:token", async (c) => {
  const invitation = await getOpenInvitation(c.get("deps").db, c.req.param("token"));
  if (!invitation) return render(c, /* @__PURE__ */ jsx4(InviteInvalidPage, { ...base(c) }), 404);
  c.header("Referrer-Policy", "no-referrer");
  return render(
    c,
    /* @__PURE__ */ jsx4(
      AcceptInvitePage,
      {
        ...base(c),
        path: "/",
        token: c.req.param("token"),
        form: emptyForm(),
        orgName: invitation.orgName,
        existing: !!invitation.existingUserId
      }
    )
  );
});
accountsRoutes.post("/invite/:token", async (c) => {
  const token = c.req.param("token");
  const db = c.get("deps").db;
  const invitation = await getOpenInvitation(db, token);
  if (!invitation) return render(c, /* @__PURE__ */ jsx4(InviteInvalidPage, { ...base(c) }), 404);
  const values = await readForm(c);
  const page2 = (errors) => render(
    c,
    /* @__PURE__ */ jsx4(
      AcceptInvitePage,
      {
        ...base(c),
        path: "/",
        token,
        form: { values: { name: values.name ?? "" }, errors },
        orgName: invitation.orgName,
        existing: !!invitation.existingUserId
      }
    ),
    422
  );
  const parsed = parseWith(AcceptInviteSchema, values);
  if (!parsed.ok) return page2(parsed.errors);
  try {
    const joined = await acceptInvitation(db, token, parsed.data);
    startSession(c, await createSession(db, joined.userId, joined.orgId));
    return c.redirect("/", 303);
  } catch (error) {
    if (error instanceof AppError && error.fields) return page2(error.fields);
    throw error;
  }
});

// src/modules/accounts/users.routes.tsx
import { Hono as Hono2 } from "hono";

// src/modules/accounts/members.ts
import { and as and3, asc as asc2, desc, eq as eq6, gt as gt2, isNull as isNull2 } from "drizzle-orm";
async function listMembers(db, actor) {
  return db.select({
    userId: users.id,
    name: users.name,
    email: users.email,
    role: memberships.role,
    since: memberships.createdAt
  }).from(memberships).innerJoin(users, eq6(users.id, memberships.userId)).where(eq6(memberships.orgId, actor.orgId)).orderBy(asc2(users.name));
}
async function listPendingInvitations(db, actor) {
  return db.select({
    id: invitations.id,
    email: invitations.emailLower,
    role: invitations.role,
    expiresAt: invitations.expiresAt
  }).from(invitations).where(
    and3(
      eq6(invitations.orgId, actor.orgId),
      isNull2(invitations.acceptedAt),
      gt2(invitations.expiresAt, /* @__PURE__ */ new Date())
    )
  ).orderBy(desc(invitations.createdAt));
}
async function changeRole(db, actor, userId, role) {
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ role: memberships.role }).from(memberships).where(and3(eq6(memberships.orgId, actor.orgId), eq6(memberships.userId, userId)));
    if (!current) throw new AppError("not_found");
    if (current.role === "owner" && role !== "owner") {
      const owners = await tx.select({ id: memberships.id }).from(memberships).where(and3(eq6(memberships.orgId, actor.orgId), eq6(memberships.role, "owner")));
      if (owners.length <= 1) throw new AppError("conflict");
    }
    await tx.update(memberships).set({ role }).where(and3(eq6(memberships.orgId, actor.orgId), eq6(memberships.userId, userId)));
    await audit(
      tx,
      actor,
      "membership.role_changed",
      { type: "user", id: userId },
      {
        from: current.role,
        to: role
      }
    );
  });
}

// src/modules/accounts/users.pages.tsx
import { Fragment, jsx as jsx5, jsxs as jsxs4 } from "hono/jsx/jsx-runtime";
function UsersPage(props) {
  const t = accountsText[props.lang];
  const c = common[props.lang];
  const roleOptions = ROLES.map((r) => ({ value: r, label: c[`role_${r}`] }));
  return /* @__PURE__ */ jsxs4(
    Page,
    {
      title: t.users_title,
      lang: props.lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "users",
      children: [
        /* @__PURE__ */ jsx5("div", { class: "page-head", children: /* @__PURE__ */ jsx5("h1", { children: t.users_title }) }),
        /* @__PURE__ */ jsx5("p", { class: "lede", children: t.users_lede }),
        props.notice && /* @__PURE__ */ jsx5("div", { class: "alert alert-ok", role: "status", children: props.notice }),
        props.problem && /* @__PURE__ */ jsx5("div", { class: "alert alert-error", role: "alert", children: props.problem }),
        props.inviteLink && /* @__PURE__ */ jsxs4("div", { class: "alert alert-ok", role: "status", children: [
          /* @__PURE__ */ jsx5("p", { children: t.invite_created }),
          /* @__PURE__ */ jsx5("code", { class: "token", children: props.inviteLink })
        ] }),
        /* @__PURE__ */ jsxs4(Panel, { title: t.invite_title, children: [
          /* @__PURE__ */ jsx5("p", { class: "hint", children: t.invite_hint }),
          /* @__PURE__ */ jsx5(FormAlert, { form: props.form, lang: props.lang }),
          /* @__PURE__ */ jsxs4("form", { method: "post", action: "/users/invite", novalidate: true, children: [
            /* @__PURE__ */ jsx5(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsxs4("div", { class: "grid-2", children: [
              /* @__PURE__ */ jsx5(
                Field,
                {
                  name: "email",
                  type: "email",
                  label: t.email,
                  form: props.form,
                  lang: props.lang,
                  required: true
                }
              ),
              /* @__PURE__ */ jsx5(
                Select,
                {
                  name: "role",
                  label: t.role,
                  form: props.form,
                  lang: props.lang,
                  required: true,
                  options: roleOptions
                }
              )
            ] }),
            /* @__PURE__ */ jsx5(Actions, { children: /* @__PURE__ */ jsx5("button", { type: "submit", class: "primary", children: t.invite_submit }) })
          ] })
        ] }),
        /* @__PURE__ */ jsx5(Panel, { title: t.members, children: /* @__PURE__ */ jsx5("ul", { class: "list", children: props.members.map((m) => /* @__PURE__ */ jsxs4("li", { class: "list-item", children: [
          /* @__PURE__ */ jsx5("span", { class: "title", children: m.name }),
          /* @__PURE__ */ jsx5("span", { class: "badge", children: c[`role_${m.role}`] }),
          /* @__PURE__ */ jsx5("span", { class: "meta", children: m.email }),
          m.userId !== props.auth.user.id && /* @__PURE__ */ jsxs4("form", { method: "post", action: `/users/${m.userId}/role`, class: "meta role-form", children: [
            /* @__PURE__ */ jsx5(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsx5("label", { for: `role-${m.userId}`, class: "muted", children: t.change_role }),
            " ",
            /* @__PURE__ */ jsx5("select", { id: `role-${m.userId}`, name: "role", children: ROLES.map((r) => /* @__PURE__ */ jsx5("option", { value: r, selected: r === m.role, children: c[`role_${r}`] })) }),
            " ",
            /* @__PURE__ */ jsx5("button", { type: "submit", class: "secondary", children: c.save })
          ] })
        ] })) }) }),
        props.pending.length > 0 && /* @__PURE__ */ jsx5(Panel, { title: t.pending_invites, children: /* @__PURE__ */ jsx5("ul", { class: "list", children: props.pending.map((p) => /* @__PURE__ */ jsxs4("li", { class: "list-item", children: [
          /* @__PURE__ */ jsx5("span", { class: "title", children: p.email }),
          /* @__PURE__ */ jsx5("span", { class: "badge", children: c[`role_${p.role}`] }),
          /* @__PURE__ */ jsx5("span", { class: "meta", children: t.expires(formatDate(p.expiresAt, props.lang, props.auth.org.timeZone)) })
        ] })) }) }),
        /* @__PURE__ */ jsx5(Panel, { title: t.role, children: /* @__PURE__ */ jsx5("dl", { class: "facts glossary", children: ROLES.map((r) => /* @__PURE__ */ jsxs4(Fragment, { children: [
          /* @__PURE__ */ jsx5("dt", { children: c[`role_${r}`] }),
          /* @__PURE__ */ jsx5("dd", { children: t[`role_help_${r}`] })
        ] })) }) })
      ]
    }
  );
}

// src/modules/accounts/users.routes.tsx
import { jsx as jsx6 } from "hono/jsx/jsx-runtime";
var usersRoutes = new Hono2();
async function page(c, extra, status2 = 200) {
  const auth = requireAuth(c);
  const db = c.get("deps").db;
  return render(
    c,
    /* @__PURE__ */ jsx6(
      UsersPage,
      {
        lang: c.get("lang"),
        csrf: c.get("csrf"),
        path: "/users",
        auth,
        members: await listMembers(db, auth.actor),
        pending: await listPendingInvitations(db, auth.actor),
        form: extra.form ?? emptyForm({ role: "member" }),
        inviteLink: extra.inviteLink,
        notice: extra.notice,
        problem: extra.problem
      }
    ),
    status2
  );
}
usersRoutes.get("/users", async (c) => {
  requirePermission(requireAuth(c).role, "users.manage");
  return page(c, {
    notice: c.req.query("saved") ? accountsText[c.get("lang")].role_changed : void 0
  });
});
usersRoutes.post("/users/invite", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "users.manage");
  const values = await readForm(c);
  const parsed = parseWith(InviteSchema, values);
  if (!parsed.ok) return page(c, { form: { values, errors: parsed.errors } }, 422);
  const { token } = await inviteUser(c.get("deps").db, auth.actor, parsed.data);
  const origin = new URL(c.req.url).origin;
  return page(c, { inviteLink: `${origin}/invite/${token}` });
});
usersRoutes.post("/users/:id/role", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "users.manage");
  const values = await readForm(c);
  const parsed = parseWith(InviteSchema.shape.role, values.role);
  if (!parsed.ok) throw new AppError("bad_request");
  try {
    await changeRole(c.get("deps").db, auth.actor, requireUuidParam(c), parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "conflict") {
      return page(c, { problem: accountsText[c.get("lang")].last_owner }, 409);
    }
    throw error;
  }
  return c.redirect("/users?saved=1", 303);
});

// src/modules/advocacy/advocacy.public.tsx
import { getConnInfo as getConnInfo2 } from "@hono/node-server/conninfo";
import { Hono as Hono3 } from "hono";
import { getCookie as getCookie2 } from "hono/cookie";

// src/modules/accounts/organization-record.ts
import { eq as eq7 } from "drizzle-orm";
var SLUG = /^[a-z0-9][a-z0-9-]{1,38}[a-z0-9]$/;
async function getOrganizationBySlug(db, slug) {
  const wanted = slug.toLowerCase();
  if (!SLUG.test(wanted)) return null;
  const [row] = await db.select({
    id: organizations.id,
    name: organizations.name,
    slug: organizations.slug,
    defaultLanguage: organizations.defaultLanguage,
    timeZone: organizations.timeZone
  }).from(organizations).where(eq7(organizations.slug, wanted));
  return row ?? null;
}

// src/modules/flyers/public-language.ts
function publicLang(input) {
  if (isLang(input.query)) return { lang: input.query, fromQuery: true };
  if (isLang(input.cookie)) return { lang: input.cookie, fromQuery: false };
  return { lang: langFromAcceptLanguage(input.acceptLanguage), fromQuery: false };
}

// src/modules/flyers/public.messages.ts
var publicText = defineMessages("public", {
  es: {
    switch_to_other: "English",
    switch_to_other_label: "Read this page in English",
    raised_of_goal: (goal) => `recaudados de una meta de ${goal}`,
    progress_label: (raised, goal, percent) => `Se han recaudado ${raised} de una meta de ${goal} (${percent} %)`,
    percent_of_goal: (percent) => `${percent} % de la meta`,
    gifts_count: (n, formatted) => n === 1 ? "1 donativo" : `${formatted} donativos`,
    next_milestone: (target, toGo) => `Pr\xF3xima meta: ${target}. Faltan ${toGo}.`,
    next_goal: (toGo) => `Faltan ${toGo} para llegar a la meta.`,
    goal_reached: "\xA1Llegamos a la meta! Gracias a cada persona que dio.",
    milestone_marks: "Las rayas marcan las metas intermedias.",
    story_heading: "La historia",
    case_heading: "Sobre el caso",
    money_heading: "A d\xF3nde fue el dinero",
    money_intro: "Cada donativo y cada gasto quedan anotados en nuestro libro de cuentas.",
    purpose_legal_fees: "Honorarios de abogados",
    purpose_bond: "Pagos de fianza",
    purpose_family_support: "Apoyo a la familia",
    purpose_other: "Otros gastos",
    on_bond: "Depositado como fianza (se recupera al terminar el caso)",
    forfeited: "Fianza perdida",
    available: "Disponible para el caso",
    nothing_yet: "Todav\xEDa no se ha recibido ning\xFAn donativo. Puede ser la primera persona en dar.",
    give_heading: "C\xF3mo donar",
    give_online: "Donar en l\xEDnea",
    give_cash: (org) => `En efectivo: entr\xE9guelo a cualquier integrante de ${org} en nuestros eventos. Le daremos un recibo.`,
    give_check: (org) => `Con cheque: a nombre de ${org}, con el nombre de esta campa\xF1a en la nota.`,
    give_private: "Su nombre no aparece en esta p\xE1gina. Solo mostramos cu\xE1ntos donativos hemos recibido.",
    closed_note: "Esta campa\xF1a ya no recibe donativos. Gracias a todas las personas que dieron.",
    act_heading: "Tome acci\xF3n",
    share_heading: "Comparta esta p\xE1gina",
    share_hint: "Copie este enlace y env\xEDelo por mensaje o por correo:",
    flyer_link: "Descargar el volante para imprimir (PDF)",
    footer: (org) => `P\xE1gina p\xFAblica de ${org}.`,
    privacy_note: "Esta p\xE1gina no usa cookies de rastreo ni servicios de terceros."
  },
  en: {
    switch_to_other: "Espa\xF1ol",
    switch_to_other_label: "Lea esta p\xE1gina en espa\xF1ol",
    raised_of_goal: (goal) => `raised of a ${goal} goal`,
    progress_label: (raised, goal, percent) => `${raised} raised of a ${goal} goal (${percent}%)`,
    percent_of_goal: (percent) => `${percent}% of the goal`,
    gifts_count: (n, formatted) => n === 1 ? "1 gift" : `${formatted} gifts`,
    next_milestone: (target, toGo) => `Next milestone: ${target}. ${toGo} to go.`,
    next_goal: (toGo) => `${toGo} to go to reach the goal.`,
    goal_reached: "We reached the goal! Thank you to everyone who gave.",
    milestone_marks: "The marks show the milestones on the way.",
    story_heading: "The story",
    case_heading: "About the case",
    money_heading: "Where the money went",
    money_intro: "Every gift and every payment is written down in our ledger.",
    purpose_legal_fees: "Legal fees",
    purpose_bond: "Bond payments",
    purpose_family_support: "Family support",
    purpose_other: "Other costs",
    on_bond: "Posted as bond (comes back when the case ends)",
    forfeited: "Bond lost",
    available: "Available for the case",
    nothing_yet: "No gifts have come in yet. You can be the first to give.",
    give_heading: "How to give",
    give_online: "Give online",
    give_cash: (org) => `Cash: hand it to any member of ${org} at our events. You will get a receipt.`,
    give_check: (org) => `By check: payable to ${org}, with this campaign's name in the memo.`,
    give_private: "Your name is not shown on this page. We only show how many gifts came in.",
    closed_note: "This campaign is no longer taking gifts. Thank you to everyone who gave.",
    act_heading: "Take action",
    share_heading: "Share this page",
    share_hint: "Copy this link and send it by text or email:",
    flyer_link: "Download the printable flyer (PDF)",
    footer: (org) => `Public page of ${org}.`,
    privacy_note: "This page uses no tracking cookies and no third-party services."
  }
});

// src/modules/flyers/public-layout.tsx
import { jsx as jsx7, jsxs as jsxs5 } from "hono/jsx/jsx-runtime";
function PublicLayout(props) {
  const t = publicText[props.lang];
  const other = props.lang === "es" ? "en" : "es";
  return /* @__PURE__ */ jsxs5("html", { lang: props.lang, children: [
    /* @__PURE__ */ jsxs5("head", { children: [
      /* @__PURE__ */ jsx7("meta", { charset: "utf-8" }),
      /* @__PURE__ */ jsx7("meta", { name: "viewport", content: "width=device-width, initial-scale=1" }),
      /* @__PURE__ */ jsx7("meta", { name: "referrer", content: "no-referrer" }),
      /* @__PURE__ */ jsx7("title", { children: `${props.title} \xB7 ${props.orgName}` }),
      /* @__PURE__ */ jsx7("meta", { name: "description", content: props.description }),
      /* @__PURE__ */ jsx7("link", { rel: "canonical", href: `${props.url}?lang=${props.lang}` }),
      /* @__PURE__ */ jsx7("link", { rel: "alternate", hreflang: other, href: `${props.url}?lang=${other}` }),
      /* @__PURE__ */ jsx7("link", { rel: "stylesheet", href: "/assets/public.css" }),
      /* @__PURE__ */ jsx7("link", { rel: "icon", href: "/assets/favicon.svg", type: "image/svg+xml" })
    ] }),
    /* @__PURE__ */ jsxs5("body", { children: [
      /* @__PURE__ */ jsx7("header", { class: "pub-top", children: /* @__PURE__ */ jsxs5("div", { class: "pub-wrap pub-top-inner", children: [
        /* @__PURE__ */ jsx7("span", { class: "pub-org", children: props.orgName }),
        /* @__PURE__ */ jsx7(
          "a",
          {
            class: "pub-lang",
            href: `?lang=${other}`,
            hreflang: other,
            lang: other,
            "aria-label": t.switch_to_other_label,
            children: t.switch_to_other
          }
        )
      ] }) }),
      /* @__PURE__ */ jsx7("main", { id: "main", class: "pub-wrap", children: props.children }),
      /* @__PURE__ */ jsxs5("footer", { class: "pub-foot pub-wrap", children: [
        /* @__PURE__ */ jsx7("p", { children: t.footer(props.orgName) }),
        /* @__PURE__ */ jsx7("p", { children: t.privacy_note })
      ] })
    ] })
  ] });
}
function Paragraphs(props) {
  return /* @__PURE__ */ jsx7("div", { class: "pub-text", lang: props.lang, children: props.text.split(/\n\s*\n/).map((p) => /* @__PURE__ */ jsx7("p", { children: p.trim() })) });
}

// src/modules/advocacy/advocacy-public.messages.ts
var advocacyPublicText = defineMessages("advocacy-public", {
  es: {
    section_title: "C\xF3mo puede ayudar hoy",
    where_call: "A d\xF3nde llamar",
    where_visit: "A d\xF3nde ir",
    call: "Llamar al",
    call_number: (phone, place) => `Llamar al ${phone} (${place})`,
    address: "Direcci\xF3n",
    hours: "Horario",
    script_title: "Qu\xE9 decir",
    script_other: "Ver el guion en ingl\xE9s",
    called_call: "Ya llam\xE9",
    called_visit: "Ya fui de visita",
    called_hint: "Cuando termine, toque el bot\xF3n: solo sumamos uno al conteo. No guardamos ning\xFAn dato suyo.",
    thanks_call: "\xA1Gracias! Su llamada qued\xF3 contada.",
    thanks_visit: "\xA1Gracias! Su visita qued\xF3 contada.",
    thanks_title: "\xA1Gracias!",
    thanks_generic: "Lo sumamos al conteo. No guardamos ning\xFAn dato suyo.",
    limit_title: "Gracias por insistir",
    limit_body: "Ya contamos 10 llamadas desde esta conexi\xF3n en la \xFAltima hora para esta campa\xF1a. Si hizo m\xE1s, vuelva a marcarlas dentro de un rato.",
    back: "Volver a la campa\xF1a",
    confirm_call: "Gracias por llamar. Toque el bot\xF3n para sumar su llamada al conteo. No guardamos ning\xFAn dato suyo: ni su nombre, ni su n\xFAmero, ni su direcci\xF3n de internet.",
    confirm_visit: "Gracias por ir. Toque el bot\xF3n para sumar su visita al conteo. No guardamos ning\xFAn dato suyo: ni su nombre, ni su n\xFAmero, ni su direcci\xF3n de internet.",
    confirm_call_button: "S\xED, ya llam\xE9",
    confirm_visit_button: "S\xED, ya fui",
    not_yet: "Todav\xEDa no: volver a la campa\xF1a"
  },
  en: {
    section_title: "How you can help today",
    where_call: "Where to call",
    where_visit: "Where to go",
    call: "Dial",
    call_number: (phone, place) => `Dial ${phone} (${place})`,
    address: "Address",
    hours: "Hours",
    script_title: "What to say",
    script_other: "See the script in Spanish",
    called_call: "I called",
    called_visit: "I visited",
    called_hint: "When you're done, tap the button: we only add one to the count. We keep no data about you.",
    thanks_call: "Thank you! Your call was counted.",
    thanks_visit: "Thank you! Your visit was counted.",
    thanks_title: "Thank you!",
    thanks_generic: "We added it to the count. We keep no data about you.",
    limit_title: "Thank you for keeping at it",
    limit_body: "We've already counted 10 calls from this connection in the last hour for this campaign. If you made more, mark them again in a little while.",
    back: "Back to the campaign",
    confirm_call: "Thank you for calling. Tap the button to add your call to the count. We keep no data about you: not your name, your number or your internet address.",
    confirm_visit: "Thank you for going. Tap the button to add your visit to the count. We keep no data about you: not your name, your number or your internet address.",
    confirm_call_button: "Yes, I called",
    confirm_visit_button: "Yes, I went",
    not_yet: "Not yet: back to the campaign"
  }
});

// src/modules/advocacy/advocacy-section.tsx
import { Fragment as Fragment2, jsx as jsx8, jsxs as jsxs6 } from "hono/jsx/jsx-runtime";
var campaignPath = (orgSlug, campaignSlug, lang) => `/p/${orgSlug}/c/${campaignSlug}?lang=${lang}`;
var confirmPath = (orgSlug, campaignSlug, id, lang) => `/p/${orgSlug}/c/${campaignSlug}/advocacy/${id}?lang=${lang}`;
var calledAction = (orgSlug, id) => `/p/${orgSlug}/advocacy/${id}/called`;
function AdvocacySection(props) {
  if (props.items.length === 0) return null;
  const t = advocacyPublicText[props.lang];
  return /* @__PURE__ */ jsxs6("section", { "aria-labelledby": "advocacy", class: "pub-advocacy", children: [
    /* @__PURE__ */ jsx8("h2", { id: "advocacy", children: t.section_title }),
    props.items.map((item) => /* @__PURE__ */ jsx8(Item, { ...props, item }))
  ] });
}
function Item(props) {
  const { item, lang } = props;
  const t = advocacyPublicText[lang];
  const other = lang === "es" ? "en" : "es";
  const visit = item.kind === "visit";
  const thanked = props.thanked === item.id;
  return /* @__PURE__ */ jsxs6("article", { class: "pub-adv", id: `advocacy-${item.id}`, children: [
    /* @__PURE__ */ jsx8("h3", { children: item.title[lang] }),
    /* @__PURE__ */ jsx8("p", { class: "pub-adv-text", children: item.ask[lang] }),
    /* @__PURE__ */ jsx8("h4", { children: visit ? t.where_visit : t.where_call }),
    /* @__PURE__ */ jsx8("ul", { class: "pub-adv-targets", children: item.targets.map((target) => /* @__PURE__ */ jsxs6("li", { children: [
      /* @__PURE__ */ jsx8("p", { class: "pub-adv-name", children: target.name }),
      target.phones.map((phone) => /* @__PURE__ */ jsx8("p", { class: "pub-adv-call", children: /* @__PURE__ */ jsxs6(
        "a",
        {
          class: "pub-button",
          href: phone.tel,
          "aria-label": t.call_number(phone.display, target.name),
          children: [
            t.call,
            /* @__PURE__ */ jsx8("span", { class: "pub-adv-number", children: phone.display })
          ]
        }
      ) })),
      (target.address || target.hours) && /* @__PURE__ */ jsxs6("dl", { class: "pub-adv-facts", children: [
        target.address && /* @__PURE__ */ jsxs6(Fragment2, { children: [
          /* @__PURE__ */ jsx8("dt", { children: t.address }),
          /* @__PURE__ */ jsx8("dd", { children: target.address })
        ] }),
        target.hours && /* @__PURE__ */ jsxs6(Fragment2, { children: [
          /* @__PURE__ */ jsx8("dt", { children: t.hours }),
          /* @__PURE__ */ jsx8("dd", { children: target.hours })
        ] })
      ] })
    ] })) }),
    /* @__PURE__ */ jsx8("h4", { children: t.script_title }),
    /* @__PURE__ */ jsx8("blockquote", { class: "pub-adv-script", children: item.script[lang] }),
    /* @__PURE__ */ jsxs6("details", { class: "pub-adv-other", children: [
      /* @__PURE__ */ jsx8("summary", { children: t.script_other }),
      /* @__PURE__ */ jsx8("blockquote", { class: "pub-adv-script", lang: other, children: item.script[other] })
    ] }),
    /* @__PURE__ */ jsx8(
      "p",
      {
        id: `called-${item.id}`,
        class: `pub-adv-thanks${thanked ? " is-shown" : ""}`,
        role: thanked ? "status" : void 0,
        tabindex: -1,
        children: visit ? t.thanks_visit : t.thanks_call
      }
    ),
    /* @__PURE__ */ jsx8(CalledButton, { ...props }),
    /* @__PURE__ */ jsx8("p", { class: "pub-muted", children: t.called_hint })
  ] });
}
function CalledButton(props) {
  const t = advocacyPublicText[props.lang];
  const label = props.item.kind === "visit" ? t.called_visit : t.called_call;
  if (!props.csrf) {
    return /* @__PURE__ */ jsx8("p", { children: /* @__PURE__ */ jsx8(
      "a",
      {
        class: "pub-adv-done",
        href: confirmPath(props.orgSlug, props.campaignSlug, props.item.id, props.lang),
        children: label
      }
    ) });
  }
  return /* @__PURE__ */ jsxs6("form", { method: "post", action: calledAction(props.orgSlug, props.item.id), class: "pub-adv-form", children: [
    /* @__PURE__ */ jsx8("input", { type: "hidden", name: "_csrf", value: props.csrf }),
    /* @__PURE__ */ jsx8(
      "input",
      {
        type: "hidden",
        name: "next",
        value: campaignPath(props.orgSlug, props.campaignSlug, props.lang)
      }
    ),
    /* @__PURE__ */ jsx8("button", { type: "submit", class: "pub-adv-done", children: label })
  ] });
}

// src/modules/advocacy/count-call.ts
import { and as and10, eq as eq14, sql as sql8 } from "drizzle-orm";

// src/modules/advocacy/advocacy.schema.ts
import {
  boolean,
  date,
  integer as integer2,
  jsonb as jsonb2,
  pgTable as pgTable2,
  text as text3,
  timestamp as timestamp2,
  unique,
  uuid as uuid2
} from "drizzle-orm/pg-core";
var CALL_CAMPAIGN_KINDS = ["call", "visit"];
var TARGET_KINDS = ["facility", "office"];
var createdAt2 = () => timestamp2("created_at", { withTimezone: true }).notNull().defaultNow();
var updatedAt = () => timestamp2("updated_at", { withTimezone: true }).notNull().defaultNow();
var callCampaigns = pgTable2(
  "call_campaigns",
  {
    id: uuid2("id").primaryKey().defaultRandom(),
    orgId: uuid2("org_id").notNull(),
    caseId: uuid2("case_id").notNull(),
    kind: text3("kind").$type().notNull().default("call"),
    titleEs: text3("title_es").notNull(),
    titleEn: text3("title_en").notNull(),
    askEs: text3("ask_es").notNull(),
    askEn: text3("ask_en").notNull(),
    scriptEs: text3("script_es").notNull(),
    scriptEn: text3("script_en").notNull(),
    open: boolean("open").notNull().default(true),
    public: boolean("public").notNull().default(false),
    searchText: text3("search_text").notNull().default(""),
    createdBy: uuid2("created_by"),
    createdAt: createdAt2(),
    updatedAt: updatedAt()
  },
  (t) => [unique().on(t.orgId, t.id)]
);
var advocacyTargets = pgTable2("advocacy_targets", {
  id: uuid2("id").primaryKey().defaultRandom(),
  orgId: uuid2("org_id").notNull(),
  callCampaignId: uuid2("call_campaign_id").notNull(),
  kind: text3("kind").$type().notNull(),
  facilityId: uuid2("facility_id"),
  name: text3("name").notNull(),
  phones: jsonb2("phones").$type().notNull().default([]),
  address: text3("address"),
  hours: text3("hours"),
  position: integer2("position").notNull().default(0),
  createdAt: createdAt2(),
  updatedAt: updatedAt()
});
var advocacyCallCounts = pgTable2(
  "advocacy_call_counts",
  {
    id: uuid2("id").primaryKey().defaultRandom(),
    orgId: uuid2("org_id").notNull(),
    callCampaignId: uuid2("call_campaign_id").notNull(),
    day: date("day", { mode: "string" }).notNull(),
    count: integer2("count").notNull().default(0),
    createdAt: createdAt2()
  },
  (t) => [unique().on(t.orgId, t.callCampaignId, t.day)]
);

// src/modules/advocacy/call-campaign.ts
import { z as z3 } from "zod";

// src/modules/people/person.ts
import { z as z2 } from "zod";

// src/modules/people/people.schema.ts
import { boolean as boolean2, integer as integer3, jsonb as jsonb3, pgTable as pgTable3, text as text4, timestamp as timestamp3, uuid as uuid3 } from "drizzle-orm/pg-core";
var ENGAGEMENT_LEVELS = [
  "contact",
  "supporter",
  "active",
  "core",
  "leader"
];
var people = pgTable3("people", {
  id: uuid3("id").primaryKey().defaultRandom(),
  orgId: uuid3("org_id").notNull(),
  displayName: text4("display_name").notNull(),
  givenName: text4("given_name"),
  familyName: text4("family_name"),
  phoneNumbers: jsonb3("phone_numbers").$type().notNull().default([]),
  preferredLanguage: text4("preferred_language").$type(),
  engagementLevel: text4("engagement_level").$type().notNull().default("contact"),
  tags: text4("tags").array().notNull().default([]),
  consentEmail: boolean2("consent_email").notNull().default(false),
  consentSms: boolean2("consent_sms").notNull().default(false),
  notes: text4("notes"),
  birthdateEnc: text4("birthdate_enc"),
  homeAddressEnc: text4("home_address_enc"),
  searchText: text4("search_text").notNull().default(""),
  sortName: text4("sort_name").notNull().default(""),
  createdAt: timestamp3("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp3("updated_at", { withTimezone: true }).notNull().defaultNow()
});
var personEmails = pgTable3("person_emails", {
  id: uuid3("id").primaryKey().defaultRandom(),
  orgId: uuid3("org_id").notNull(),
  personId: uuid3("person_id").notNull(),
  address: text4("address").notNull(),
  addressLower: text4("address_lower").notNull(),
  isPrimary: boolean2("is_primary").notNull().default(false),
  position: integer3("position").notNull().default(0),
  createdAt: timestamp3("created_at", { withTimezone: true }).notNull().defaultNow()
});

// src/modules/people/person.ts
var LIMITS = {
  name: 120,
  notes: 5e3,
  address: 500,
  tag: 40,
  tags: 30,
  emails: 5,
  phones: 5
};
function fold(text10) {
  return text10.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
function phoneDigits(phone) {
  return phone.replace(/\D/g, "");
}
function isValidPhone(phone) {
  return /^\+?[\d\s().-]+$/.test(phone) && phoneDigits(phone).length >= 7 && phoneDigits(phone).length <= 15;
}
function isValidBirthdate(value, today2 = /* @__PURE__ */ new Date()) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date4 = /* @__PURE__ */ new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date4.getTime()) && date4.toISOString().slice(0, 10) === value && date4.getUTCFullYear() >= 1900 && date4 <= today2;
}
function searchTextFor(p) {
  return fold(
    [
      p.displayName,
      p.givenName ?? "",
      p.familyName ?? "",
      ...p.emails.map((e) => e.address),
      ...p.phones.map((ph) => phoneDigits(ph.number))
    ].filter(Boolean).join(" ")
  );
}
function sortNameFor(displayName) {
  return fold(displayName).trim();
}
function searchTerms(query) {
  const folded = fold(query).trim();
  if (!folded) return [];
  const phoneish = /^[\d\s().+-]+$/.test(folded) && phoneDigits(folded).length >= 3;
  if (phoneish) return [phoneDigits(folded)];
  return folded.split(/\s+/).map((t) => t.replace(/[^\p{L}\p{N}@._+-]/gu, "")).map((t) => /^[\d().+-]+$/.test(t) && phoneDigits(t).length >= 3 ? phoneDigits(t) : t).filter((t) => t.length > 0).slice(0, 6);
}
function likePattern(term) {
  return `%${term.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}
function withOnePrimary(items) {
  if (items.length === 0) return items;
  const index = Math.max(
    0,
    items.findIndex((i) => i.primary)
  );
  const ordered = [items[index], ...items.filter((_, i) => i !== index)];
  return ordered.map((item, i) => ({ ...item, primary: i === 0 }));
}
function uniqueBy(items, key2) {
  const seen = /* @__PURE__ */ new Set();
  return items.filter((item) => !seen.has(key2(item)) && !!seen.add(key2(item)));
}
function normalizeTags(tags2) {
  const seen = /* @__PURE__ */ new Set();
  const out = [];
  for (const raw of tags2) {
    const tag = raw.trim().replace(/\s+/g, " ");
    if (!tag || seen.has(fold(tag))) continue;
    seen.add(fold(tag));
    out.push(tag);
  }
  return out;
}
var optionalText = (max) => z2.string("wrong_type").max(max, "too_long").transform((v) => v.trim() || null).nullable().optional().transform((v) => v ?? null);
var PersonFieldsSchema = z2.object({
  displayName: z2.string("required").trim().min(1, "required").max(LIMITS.name, "too_long"),
  givenName: optionalText(LIMITS.name),
  familyName: optionalText(LIMITS.name),
  emails: z2.array(
    z2.object({
      address: z2.string("wrong_type").trim().max(254, "too_long").pipe(z2.email("invalid_email")),
      primary: z2.boolean("wrong_type").default(false)
    }),
    "wrong_type"
  ).max(LIMITS.emails, "too_long").default([]).transform((emails) => withOnePrimary(uniqueBy(emails, (e) => e.address.toLowerCase()))),
  phones: z2.array(
    z2.object({
      number: z2.string("wrong_type").trim().max(40, "too_long").refine(isValidPhone, "invalid_phone"),
      primary: z2.boolean("wrong_type").default(false)
    }),
    "wrong_type"
  ).max(LIMITS.phones, "too_long").default([]).transform(withOnePrimary),
  preferredLanguage: z2.enum(["es", "en"], "invalid_choice").nullable().default(null),
  engagementLevel: z2.enum(ENGAGEMENT_LEVELS, "invalid_choice").default("contact"),
  tags: z2.array(z2.string("wrong_type").max(LIMITS.tag, "too_long"), "wrong_type").max(LIMITS.tags, "too_long").default([]).transform(normalizeTags),
  consentEmail: z2.boolean("wrong_type").default(false),
  consentSms: z2.boolean("wrong_type").default(false),
  notes: optionalText(LIMITS.notes),
  birthdate: z2.string("wrong_type").trim().refine((v) => v === "" || isValidBirthdate(v), "invalid_date").transform((v) => v || null).nullable().default(null),
  homeAddress: optionalText(LIMITS.address)
});

// src/modules/advocacy/call-campaign.ts
var LIMITS2 = {
  title: 160,
  ask: 1e3,
  script: 5e3,
  targetName: 200,
  address: 500,
  hours: 1e3,
  phone: 40,
  phones: 5,
  targets: 20
};
var requiredText = (max) => z3.string("required").trim().min(1, "required").max(max, "too_long");
var optionalText2 = (max) => z3.string("wrong_type").max(max, "too_long").transform((v) => v.trim() || null).nullable().optional().transform((v) => v ?? null);
var CallCampaignFieldsSchema = z3.object({
  caseId: z3.uuid("case_not_found"),
  kind: z3.enum(CALL_CAMPAIGN_KINDS, "invalid_choice").default("call"),
  titleEs: requiredText(LIMITS2.title),
  titleEn: requiredText(LIMITS2.title),
  askEs: requiredText(LIMITS2.ask),
  askEn: requiredText(LIMITS2.ask),
  scriptEs: requiredText(LIMITS2.script),
  scriptEn: requiredText(LIMITS2.script),
  open: z3.boolean("wrong_type").default(true),
  public: z3.boolean("wrong_type").default(false)
});
var TargetFieldsSchema = z3.object({
  kind: z3.enum(TARGET_KINDS, "invalid_choice").default("office"),
  name: requiredText(LIMITS2.targetName),
  phones: z3.array(
    z3.string("wrong_type").trim().max(LIMITS2.phone, "too_long").refine(isValidPhone, "invalid_phone"),
    "wrong_type"
  ).max(LIMITS2.phones, "too_long").default([]).transform((phones) => [...new Set(phones)]),
  address: optionalText2(LIMITS2.address),
  hours: optionalText2(LIMITS2.hours)
});
function campaignSearchText(f) {
  return fold(`${f.titleEs} ${f.titleEn}`);
}
function telHref(phone) {
  const typed = phone.trim();
  if (!isValidPhone(typed)) return null;
  return `tel:${typed.startsWith("+") ? "+" : ""}${typed.replace(/\D/g, "")}`;
}
function dayInZone(instant2, timeZone) {
  const parts2 = new Intl.DateTimeFormat("en-US", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit"
  }).formatToParts(instant2);
  const get = (type) => parts2.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
function daysEnding(last, n) {
  const [y, m, d] = last.split("-").map(Number);
  return Array.from(
    { length: n },
    (_, i) => new Date(Date.UTC(y, m - 1, d - (n - 1 - i))).toISOString().slice(0, 10)
  );
}
function fillDays(days, rows) {
  const byDay = new Map(rows.map((r) => [r.day, r.count]));
  return days.map((day) => ({ day, count: byDay.get(day) ?? 0 }));
}
var CALL_RATE_LIMIT = { limit: 10, windowSeconds: 60 * 60 };
var UUID2 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
var isUuid = (value) => UUID2.test(value);

// src/modules/advocacy/call-campaign-record.ts
import { and as and9, asc as asc6, desc as desc3, eq as eq13, gte as gte2, inArray as inArray5, lte, sql as sql7 } from "drizzle-orm";

// src/modules/defense/case-dashboard.ts
import { and as and6, asc as asc4, desc as desc2, eq as eq10, gte, inArray as inArray3, lt, ne, or, sql as sql6 } from "drizzle-orm";

// src/modules/people/person-names.ts
import { and as and4, eq as eq8, inArray, sql as sql4 } from "drizzle-orm";
async function getPersonNames(db, orgId, ids) {
  const unique3 = [...new Set(ids)];
  if (unique3.length === 0) return /* @__PURE__ */ new Map();
  const rows = await db.select({ id: people.id, displayName: people.displayName }).from(people).where(and4(eq8(people.orgId, orgId), inArray(people.id, unique3)));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}
async function findPersonIds(db, orgId, q, limit = 500) {
  const terms = searchTerms(q);
  if (terms.length === 0) return [];
  const rows = await db.select({ id: people.id }).from(people).where(
    and4(
      eq8(people.orgId, orgId),
      ...terms.map((term) => sql4`${people.searchText} LIKE ${likePattern(term)}`)
    )
  ).limit(limit);
  return rows.map((r) => r.id);
}

// src/modules/defense/case.ts
import { z as z4 } from "zod";

// src/modules/funds/money.ts
var CURRENCIES = ["USD", "MXN", "EUR", "JPY"];
var CURRENCY_DECIMALS = {
  USD: 2,
  MXN: 2,
  EUR: 2,
  JPY: 0
};
var MAX_MAJOR_UNITS = 1e8;
var InvalidCentsError = class extends Error {
  constructor(value) {
    super(`Not a safe integer number of cents: ${String(value)}`);
    this.value = value;
    this.name = "InvalidCentsError";
  }
  value;
  code = "invalid_cents";
};
function isCurrency(value) {
  return CURRENCIES.includes(value);
}
function cents(n) {
  if (!Number.isSafeInteger(n)) throw new InvalidCentsError(n);
  return n === 0 ? 0 : n;
}
function negateCents(a) {
  return cents(-a);
}
function maxCents(currency2) {
  return cents(MAX_MAJOR_UNITS * 10 ** CURRENCY_DECIMALS[currency2]);
}
var SYMBOLS = {
  USD: ["US$", "USD", "$"],
  MXN: ["MX$", "MXN", "$"],
  EUR: ["EUR", "\u20AC"],
  JPY: ["JPY", "\xA5", "\uFFE5", "\u5186"]
};
var NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;
function stripSymbol(text10, currency2) {
  const upper = text10.toUpperCase();
  for (const symbol of SYMBOLS[currency2]) {
    if (upper.startsWith(symbol)) return text10.slice(symbol.length).trim();
    if (upper.endsWith(symbol)) return text10.slice(0, -symbol.length).trim();
  }
  return text10;
}
function stripSign(text10) {
  if (text10.startsWith("-") || text10.startsWith("+")) {
    return { signed: true, negative: text10.startsWith("-"), rest: text10.slice(1).trim() };
  }
  return { signed: false, negative: false, rest: text10 };
}
function parseAmount(text10, currency2, options = {}) {
  const trimmed = text10.trim();
  if (trimmed === "") return { ok: false, reason: "empty" };
  const outer = stripSign(trimmed);
  const inner = stripSign(stripSymbol(outer.rest, currency2));
  const negative = outer.negative || inner.negative;
  if (outer.signed && inner.signed) return { ok: false, reason: "not_a_number" };
  const match = NUMBER.exec(inner.rest);
  const whole = match?.[1];
  const fraction = match?.[2];
  if (!match || whole === void 0 && !fraction) return { ok: false, reason: "not_a_number" };
  const decimals = CURRENCY_DECIMALS[currency2];
  const digits = fraction ?? "";
  if (digits.length > decimals) return { ok: false, reason: "fractional_cent" };
  const minor = BigInt((whole ?? "0").replaceAll(",", "") + digits.padEnd(decimals, "0"));
  if (negative && minor !== 0n) return { ok: false, reason: "not_positive" };
  if (minor === 0n && !options.allowZero) return { ok: false, reason: "not_positive" };
  if (minor > BigInt(maxCents(currency2))) return { ok: false, reason: "too_large" };
  return { ok: true, cents: cents(Number(minor)) };
}
var LOCALES = { es: "es-US", en: "en-US" };
var formatters = /* @__PURE__ */ new Map();
function formatter(currency2, lang) {
  const key2 = `${lang}:${currency2}`;
  let f = formatters.get(key2);
  if (!f) {
    const decimals = CURRENCY_DECIMALS[currency2];
    f = new Intl.NumberFormat(LOCALES[lang], {
      style: "currency",
      currency: currency2,
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals
    });
    formatters.set(key2, f);
  }
  return f;
}
function formatMoney(amount, currency2, lang) {
  return formatter(currency2, lang).format(amount / 10 ** CURRENCY_DECIMALS[currency2]);
}

// src/modules/defense/a-number.ts
function parseANumber(input) {
  const compact = input.normalize("NFKC").trim().replace(/[\s.\-–—]/g, "");
  const digits = compact.replace(/^a/i, "");
  if (!/^\d{8,9}$/.test(digits)) return { ok: false };
  const value = digits.padStart(9, "0");
  if (/^0+$/.test(value)) return { ok: false };
  return { ok: true, value };
}
function formatANumber(stored) {
  if (!/^\d{9}$/.test(stored)) return stored;
  return `A-${stored.slice(0, 3)}-${stored.slice(3, 6)}-${stored.slice(6)}`;
}

// src/modules/defense/defense.schema.ts
import { bigint, boolean as boolean3, date as date2, jsonb as jsonb4, pgTable as pgTable4, text as text5, timestamp as timestamp4, uuid as uuid4 } from "drizzle-orm/pg-core";
var CASE_STATUSES = [
  "open",
  "detained",
  "released",
  "removed",
  "closed"
];
var CASE_EVENT_KINDS = [
  "detained",
  "transferred",
  "hearing_scheduled",
  "hearing_held",
  "bond_set",
  "bond_posted",
  "released",
  "removed",
  "note"
];
var createdAt3 = () => timestamp4("created_at", { withTimezone: true }).notNull().defaultNow();
var updatedAt2 = () => timestamp4("updated_at", { withTimezone: true }).notNull().defaultNow();
var facilities = pgTable4("facilities", {
  id: uuid4("id").primaryKey().defaultRandom(),
  orgId: uuid4("org_id").notNull(),
  name: text5("name").notNull(),
  address: text5("address"),
  phones: jsonb4("phones").$type().notNull().default([]),
  visitingHours: text5("visiting_hours"),
  notes: text5("notes"),
  searchText: text5("search_text").notNull().default(""),
  createdAt: createdAt3(),
  updatedAt: updatedAt2()
});
var cases = pgTable4("cases", {
  id: uuid4("id").primaryKey().defaultRandom(),
  orgId: uuid4("org_id").notNull(),
  personId: uuid4("person_id").notNull(),
  status: text5("status").$type().notNull().default("open"),
  facilityId: uuid4("facility_id"),
  detainedOn: date2("detained_on", { mode: "string" }),
  lawyerName: text5("lawyer_name"),
  lawyerContact: text5("lawyer_contact"),
  bondCents: bigint("bond_cents", { mode: "number" }),
  bondCurrency: text5("bond_currency").notNull().default("USD"),
  needs: text5("needs"),
  public: boolean3("public").notNull().default(false),
  publicStoryEs: text5("public_story_es"),
  publicStoryEn: text5("public_story_en"),
  aNumberEnc: text5("a_number_enc"),
  birthdateEnc: text5("birthdate_enc"),
  notesEnc: text5("notes_enc"),
  searchText: text5("search_text").notNull().default(""),
  lastActivityAt: timestamp4("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
  createdBy: uuid4("created_by"),
  createdAt: createdAt3(),
  updatedAt: updatedAt2()
});
var caseFamily = pgTable4("case_family", {
  id: uuid4("id").primaryKey().defaultRandom(),
  orgId: uuid4("org_id").notNull(),
  caseId: uuid4("case_id").notNull(),
  personId: uuid4("person_id").notNull(),
  relationship: text5("relationship").notNull(),
  createdAt: createdAt3()
});
var caseTeam = pgTable4("case_team", {
  id: uuid4("id").primaryKey().defaultRandom(),
  orgId: uuid4("org_id").notNull(),
  caseId: uuid4("case_id").notNull(),
  userId: uuid4("user_id").notNull(),
  createdAt: createdAt3()
});
var caseEvents = pgTable4("case_events", {
  id: uuid4("id").primaryKey().defaultRandom(),
  orgId: uuid4("org_id").notNull(),
  caseId: uuid4("case_id").notNull(),
  kind: text5("kind").$type().notNull(),
  occurredAt: timestamp4("occurred_at", { withTimezone: true }).notNull(),
  facilityId: uuid4("facility_id"),
  fromFacilityId: uuid4("from_facility_id"),
  hearingKind: text5("hearing_kind"),
  court: text5("court"),
  outcome: text5("outcome"),
  amountCents: bigint("amount_cents", { mode: "number" }),
  currency: text5("currency"),
  note: text5("note"),
  recordedBy: uuid4("recorded_by"),
  createdAt: createdAt3()
});

// src/modules/defense/zoned-time.ts
var parts = (date4, timeZone) => {
  const out = {};
  for (const p of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit"
  }).formatToParts(date4)) {
    if (p.type !== "literal") out[p.type] = Number(p.value);
  }
  return out;
};
function offsetAt(instant2, timeZone) {
  const p = parts(new Date(instant2), timeZone);
  const asUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
  return asUtc - Math.floor(instant2 / 1e3) * 1e3;
}
function isValidDate(value) {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = /* @__PURE__ */ new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}
function isValidTime(value) {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}
function zonedToInstant(date4, time, timeZone) {
  if (!isValidDate(date4) || !isValidTime(time)) return null;
  const [y, m, d] = date4.split("-").map(Number);
  const [hh, mm] = time.split(":").map(Number);
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(guess, timeZone);
  if (second !== guess) guess = Math.min(guess, second);
  return new Date(guess);
}
function instantToZoned(instant2, timeZone) {
  const p = parts(instant2, timeZone);
  const two3 = (n) => String(n).padStart(2, "0");
  return {
    date: `${p.year}-${two3(p.month)}-${two3(p.day)}`,
    time: `${two3(p.hour)}:${two3(p.minute)}`
  };
}

// src/modules/defense/case.ts
var CASE_LIMITS = {
  name: 200,
  contact: 300,
  needs: 5e3,
  story: 5e3,
  notes: 2e4,
  relationship: 80
};
var optionalText3 = (max) => z4.string("wrong_type").max(max, "too_long").transform((v) => v.trim() || null).nullable().optional().transform((v) => v ?? null);
var sensitiveText = (max) => z4.string("wrong_type").max(max, "too_long").transform((v) => v.trim() || null).nullable().optional();
function isPastOrToday(date4, today2 = /* @__PURE__ */ new Date()) {
  return isValidDate(date4) && date4 >= "1900-01-01" && date4 <= today2.toISOString().slice(0, 10);
}
var pastDate = z4.string("wrong_type").trim().refine((v) => v === "" || isPastOrToday(v, new Date(Date.now() + 864e5)), "invalid_date");
var CaseFieldsSchema = z4.object({
  personId: z4.uuid("invalid_choice"),
  status: z4.enum(CASE_STATUSES, "invalid_choice").default("open"),
  facilityId: z4.uuid("invalid_choice").nullable().default(null),
  detainedOn: pastDate.transform((v) => v || null).nullable().default(null),
  lawyerName: optionalText3(CASE_LIMITS.name),
  lawyerContact: optionalText3(CASE_LIMITS.contact),
  bondCents: z4.number("wrong_type").int("invalid_amount").positive("invalid_amount").nullable().default(null),
  bondCurrency: z4.enum(CURRENCIES, "invalid_choice").default("USD"),
  needs: optionalText3(CASE_LIMITS.needs),
  public: z4.boolean("wrong_type").default(false),
  publicStoryEs: optionalText3(CASE_LIMITS.story),
  publicStoryEn: optionalText3(CASE_LIMITS.story),
  aNumber: z4.string("wrong_type").max(40, "invalid_a_number").transform((v, ctx) => {
    if (v.trim() === "") return null;
    const parsed = parseANumber(v);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: "custom", message: "invalid_a_number" });
    return z4.NEVER;
  }).nullable().optional(),
  birthdate: z4.string("wrong_type").trim().refine((v) => v === "" || isPastOrToday(v), "invalid_date").transform((v) => v || null).nullable().optional(),
  notes: sensitiveText(CASE_LIMITS.notes)
}).superRefine((v, ctx) => {
  if (v.bondCents !== null && v.bondCents > maxCents(v.bondCurrency)) {
    ctx.addIssue({ code: "custom", path: ["bondCents"], message: "invalid_amount" });
  }
});
function caseSearchText(input) {
  return fold([input.personDisplayName, input.lawyerName ?? ""].filter(Boolean).join(" "));
}
var STALE_DAYS = 30;
var HEARING_WINDOW_DAYS = 14;

// src/modules/defense/facility-record.ts
import { and as and5, asc as asc3, eq as eq9, inArray as inArray2, sql as sql5 } from "drizzle-orm";
var columns = {
  id: facilities.id,
  name: facilities.name,
  address: facilities.address,
  phones: facilities.phones,
  visitingHours: facilities.visitingHours,
  notes: facilities.notes,
  createdAt: facilities.createdAt,
  updatedAt: facilities.updatedAt
};
async function getFacility(db, orgId, id) {
  const [row] = await db.select(columns).from(facilities).where(and5(eq9(facilities.orgId, orgId), eq9(facilities.id, id)));
  return row ?? null;
}
async function searchFacilities(db, orgId, q, limit = 200) {
  const conditions = [eq9(facilities.orgId, orgId)];
  for (const term of searchTerms(q)) {
    conditions.push(sql5`${facilities.searchText} LIKE ${likePattern(term)}`);
  }
  return db.select(columns).from(facilities).where(and5(...conditions)).orderBy(asc3(facilities.name), asc3(facilities.id)).limit(limit);
}
async function facilityNames(db, orgId, ids) {
  const unique3 = [...new Set(ids.filter((id) => !!id))];
  if (unique3.length === 0) return /* @__PURE__ */ new Map();
  const rows = await db.select({ id: facilities.id, name: facilities.name }).from(facilities).where(and5(eq9(facilities.orgId, orgId), inArray2(facilities.id, unique3)));
  return new Map(rows.map((r) => [r.id, r.name]));
}
async function requireOwnFacilities(db, orgId, ids) {
  const wanted = ids.filter((v) => !!v);
  const known = await facilityNames(db, orgId, wanted);
  if (wanted.some((id) => !known.has(id))) throw notFound();
}

// src/modules/defense/case-dashboard.ts
var DAY = 864e5;
async function listCases(db, orgId, query) {
  const conditions = [eq10(cases.orgId, orgId)];
  if (query.filter === "active") conditions.push(ne(cases.status, "closed"));
  else if (query.filter !== "all") conditions.push(eq10(cases.status, query.filter));
  const terms = searchTerms(query.q);
  if (terms.length > 0) {
    const own = and6(...terms.map((t) => sql6`${cases.searchText} LIKE ${likePattern(t)}`));
    const personIds = await findPersonIds(db, orgId, query.q);
    conditions.push(personIds.length ? or(own, inArray3(cases.personId, personIds)) : own);
  }
  const rows = await db.select({
    id: cases.id,
    personId: cases.personId,
    status: cases.status,
    facilityId: cases.facilityId,
    lawyerName: cases.lawyerName,
    lastActivityAt: cases.lastActivityAt,
    nextHearingAt: sql6`(
        SELECT min(${caseEvents.occurredAt}) FROM ${caseEvents}
        WHERE ${caseEvents.caseId} = ${cases.id} AND ${caseEvents.orgId} = ${cases.orgId}
          AND ${caseEvents.kind} = 'hearing_scheduled' AND ${caseEvents.occurredAt} >= now())`.mapWith(
      (v) => v === null ? null : new Date(v)
    )
  }).from(cases).where(and6(...conditions)).orderBy(desc2(cases.lastActivityAt), asc4(cases.id)).limit(query.limit ?? 200);
  return withNames(db, orgId, rows);
}
async function withNames(db, orgId, rows) {
  const people2 = await getPersonNames(
    db,
    orgId,
    rows.map((r) => r.personId)
  );
  const places = await facilityNames(
    db,
    orgId,
    rows.map((r) => r.facilityId)
  );
  return rows.map(({ facilityId, ...r }) => ({
    id: r.id,
    personId: r.personId,
    personDisplayName: people2.get(r.personId) ?? "",
    status: r.status,
    facilityName: facilityId ? places.get(facilityId) ?? null : null,
    lawyerName: r.lawyerName,
    nextHearingAt: r.nextHearingAt,
    lastActivityAt: r.lastActivityAt
  }));
}
async function upcomingHearings(db, orgId, options = {}) {
  const from = options.from ?? /* @__PURE__ */ new Date();
  const to = new Date(from.getTime() + (options.days ?? HEARING_WINDOW_DAYS) * DAY);
  const rows = await db.select({
    eventId: caseEvents.id,
    caseId: caseEvents.caseId,
    personId: cases.personId,
    at: caseEvents.occurredAt,
    hearingKind: caseEvents.hearingKind,
    court: caseEvents.court
  }).from(caseEvents).innerJoin(cases, and6(eq10(cases.id, caseEvents.caseId), eq10(cases.orgId, caseEvents.orgId))).where(
    and6(
      eq10(caseEvents.orgId, orgId),
      eq10(caseEvents.kind, "hearing_scheduled"),
      gte(caseEvents.occurredAt, from),
      lt(caseEvents.occurredAt, to),
      ne(cases.status, "closed")
    )
  ).orderBy(asc4(caseEvents.occurredAt)).limit(options.limit ?? 100);
  const names = await getPersonNames(
    db,
    orgId,
    rows.map((r) => r.personId)
  );
  return rows.map(({ personId, ...r }) => ({
    ...r,
    personDisplayName: names.get(personId) ?? ""
  }));
}
async function staleCases(db, orgId, options = {}) {
  const cutoff = new Date(
    (options.now ?? /* @__PURE__ */ new Date()).getTime() - (options.days ?? STALE_DAYS) * DAY
  );
  const rows = await db.select({
    id: cases.id,
    personId: cases.personId,
    status: cases.status,
    facilityId: cases.facilityId,
    lawyerName: cases.lawyerName,
    lastActivityAt: cases.lastActivityAt
  }).from(cases).where(
    and6(eq10(cases.orgId, orgId), ne(cases.status, "closed"), lt(cases.lastActivityAt, cutoff))
  ).orderBy(asc4(cases.lastActivityAt)).limit(options.limit ?? 100);
  return withNames(
    db,
    orgId,
    rows.map((r) => ({ ...r, nextHearingAt: null }))
  );
}
async function countActiveCases(db, orgId) {
  const [row] = await db.select({ n: sql6`count(*)`.mapWith(Number) }).from(cases).where(and6(eq10(cases.orgId, orgId), ne(cases.status, "closed")));
  return row?.n ?? 0;
}

// src/modules/defense/case-lookup.ts
import { and as and8, eq as eq12 } from "drizzle-orm";

// src/modules/people/person-record.ts
import { and as and7, asc as asc5, eq as eq11, inArray as inArray4 } from "drizzle-orm";
var personColumns = {
  id: people.id,
  displayName: people.displayName,
  givenName: people.givenName,
  familyName: people.familyName,
  phones: people.phoneNumbers,
  preferredLanguage: people.preferredLanguage,
  engagementLevel: people.engagementLevel,
  tags: people.tags,
  consentEmail: people.consentEmail,
  consentSms: people.consentSms,
  notes: people.notes,
  birthdateEnc: people.birthdateEnc,
  homeAddressEnc: people.homeAddressEnc,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt
};
async function toPeople(db, orgId, rows) {
  if (rows.length === 0) return [];
  const emails = await db.select({
    personId: personEmails.personId,
    address: personEmails.address,
    primary: personEmails.isPrimary
  }).from(personEmails).where(
    and7(
      eq11(personEmails.orgId, orgId),
      inArray4(
        personEmails.personId,
        rows.map((r) => r.id)
      )
    )
  ).orderBy(asc5(personEmails.position));
  return rows.map(({ birthdateEnc, homeAddressEnc, ...row }) => ({
    ...row,
    emails: emails.filter((e) => e.personId === row.id).map((e) => ({ address: e.address, primary: e.primary })),
    hasBirthdate: birthdateEnc !== null,
    hasHomeAddress: homeAddressEnc !== null
  }));
}
async function getPerson(db, orgId, id) {
  const rows = await db.select(personColumns).from(people).where(and7(eq11(people.orgId, orgId), eq11(people.id, id)));
  const [person] = await toPeople(db, orgId, rows);
  return person ?? null;
}
var sensitiveContext = (id, field) => `people:${id}:${field}`;
function encryptSensitive(cipher, id, input) {
  return {
    birthdateEnc: input.birthdate ? cipher.encrypt(input.birthdate, sensitiveContext(id, "birthdate")) : null,
    homeAddressEnc: input.homeAddress ? cipher.encrypt(input.homeAddress, sensitiveContext(id, "home_address")) : null
  };
}

// src/modules/defense/case-lookup.ts
var UUID3 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
async function getCaseSummary(db, orgId, caseId) {
  if (!UUID3.test(caseId)) return null;
  const [row] = await db.select({
    id: cases.id,
    personId: cases.personId,
    status: cases.status,
    public: cases.public,
    publicStoryEs: cases.publicStoryEs,
    publicStoryEn: cases.publicStoryEn
  }).from(cases).where(and8(eq12(cases.orgId, orgId), eq12(cases.id, caseId)));
  if (!row) return null;
  const person = await getPerson(db, orgId, row.personId);
  return {
    id: row.id,
    personId: row.personId,
    personDisplayName: person?.displayName ?? "",
    status: row.status,
    public: row.public,
    publicStory: { es: row.publicStoryEs, en: row.publicStoryEn }
  };
}

// src/modules/advocacy/call-campaign-record.ts
function callCampaignFromRow(row) {
  return {
    id: row.id,
    caseId: row.caseId,
    kind: row.kind,
    title: { es: row.titleEs, en: row.titleEn },
    ask: { es: row.askEs, en: row.askEn },
    script: { es: row.scriptEs, en: row.scriptEn },
    open: row.open,
    public: row.public,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  };
}
async function getCallCampaign(db, orgId, id) {
  if (!isUuid(id)) return null;
  const [row] = await db.select().from(callCampaigns).where(and9(eq13(callCampaigns.orgId, orgId), eq13(callCampaigns.id, id)));
  return row ? callCampaignFromRow(row) : null;
}
var targetColumns = {
  id: advocacyTargets.id,
  kind: advocacyTargets.kind,
  facilityId: advocacyTargets.facilityId,
  name: advocacyTargets.name,
  phones: advocacyTargets.phones,
  address: advocacyTargets.address,
  hours: advocacyTargets.hours,
  position: advocacyTargets.position,
  updatedAt: advocacyTargets.updatedAt
};
async function listTargets(db, orgId, campaignId) {
  return db.select(targetColumns).from(advocacyTargets).where(and9(eq13(advocacyTargets.orgId, orgId), eq13(advocacyTargets.callCampaignId, campaignId))).orderBy(
    asc6(advocacyTargets.position),
    asc6(advocacyTargets.createdAt),
    asc6(advocacyTargets.id)
  );
}
async function getTarget(db, orgId, campaignId, id) {
  if (!isUuid(id)) return null;
  const [row] = await db.select(targetColumns).from(advocacyTargets).where(
    and9(
      eq13(advocacyTargets.orgId, orgId),
      eq13(advocacyTargets.callCampaignId, campaignId),
      eq13(advocacyTargets.id, id)
    )
  );
  return row ?? null;
}
async function listCallCampaigns(db, orgId, query) {
  const conditions = [eq13(callCampaigns.orgId, orgId)];
  if (query.caseId) conditions.push(eq13(callCampaigns.caseId, query.caseId));
  const terms = searchTerms(query.q);
  if (terms.length > 0) {
    const own = and9(...terms.map((t) => sql7`${callCampaigns.searchText} LIKE ${likePattern(t)}`));
    const caseIds = (await listCases(db, orgId, { q: query.q, filter: "all" })).map((c) => c.id);
    conditions.push(
      caseIds.length ? sql7`(${own} OR ${inArray5(callCampaigns.caseId, caseIds)})` : own
    );
  }
  const rows = await db.select({
    campaign: callCampaigns,
    targets: sql7`(SELECT count(*) FROM ${advocacyTargets}
        WHERE ${advocacyTargets.orgId} = ${callCampaigns.orgId}
          AND ${advocacyTargets.callCampaignId} = ${callCampaigns.id})`.mapWith(Number),
    calls: sql7`(SELECT coalesce(sum(${advocacyCallCounts.count}), 0)
        FROM ${advocacyCallCounts}
        WHERE ${advocacyCallCounts.orgId} = ${callCampaigns.orgId}
          AND ${advocacyCallCounts.callCampaignId} = ${callCampaigns.id})`.mapWith(Number)
  }).from(callCampaigns).where(and9(...conditions)).orderBy(desc3(callCampaigns.createdAt), asc6(callCampaigns.id)).limit(query.limit ?? 200);
  const names = await caseNames(
    db,
    orgId,
    rows.map((r) => r.campaign.caseId)
  );
  return rows.map((r) => ({
    ...callCampaignFromRow(r.campaign),
    personDisplayName: names.get(r.campaign.caseId) ?? "",
    targets: r.targets,
    calls: r.calls
  }));
}
async function caseNames(db, orgId, caseIds) {
  const out = /* @__PURE__ */ new Map();
  for (const id of new Set(caseIds)) {
    const summary2 = await getCaseSummary(db, orgId, id);
    if (summary2) out.set(id, summary2.personDisplayName);
  }
  return out;
}
async function callsOnDays(db, orgId, campaignId, days) {
  const first = days[0];
  const last = days[days.length - 1];
  if (!first || !last) return [];
  return db.select({ day: advocacyCallCounts.day, count: advocacyCallCounts.count }).from(advocacyCallCounts).where(
    and9(
      eq13(advocacyCallCounts.orgId, orgId),
      eq13(advocacyCallCounts.callCampaignId, campaignId),
      gte2(advocacyCallCounts.day, first),
      lte(advocacyCallCounts.day, last)
    )
  ).orderBy(asc6(advocacyCallCounts.day));
}
async function totalCalls(db, orgId, campaignId) {
  const [row] = await db.select({ n: sql7`coalesce(sum(${advocacyCallCounts.count}), 0)`.mapWith(Number) }).from(advocacyCallCounts).where(
    and9(eq13(advocacyCallCounts.orgId, orgId), eq13(advocacyCallCounts.callCampaignId, campaignId))
  );
  return row?.n ?? 0;
}
async function orgTimeZone(db, orgId) {
  const [row] = await db.select({ timeZone: organizations.timeZone }).from(organizations).where(eq13(organizations.id, orgId));
  return row?.timeZone ?? "UTC";
}

// src/modules/advocacy/count-call.ts
async function countCall(deps, tap) {
  if (!isUuid(tap.campaignId)) throw notFound();
  const at = tap.at ?? /* @__PURE__ */ new Date();
  return deps.db.transaction(async (tx) => {
    const [campaign] = await tx.select({ id: callCampaigns.id }).from(callCampaigns).where(
      and10(
        eq14(callCampaigns.orgId, tap.orgId),
        eq14(callCampaigns.id, tap.campaignId),
        eq14(callCampaigns.public, true),
        eq14(callCampaigns.open, true)
      )
    );
    if (!campaign) throw notFound();
    const visitor = deps.cipher.fingerprint(tap.address, "advocacy:called");
    const limit = await hit(
      tx,
      `advocacy:called:${tap.campaignId}:${visitor}`,
      CALL_RATE_LIMIT.limit,
      CALL_RATE_LIMIT.windowSeconds
    );
    if (!limit.allowed) throw new AppError("rate_limited", void 0, limit.retryAfterSeconds);
    const day = dayInZone(at, await orgTimeZone(tx, tap.orgId));
    const [row] = await tx.insert(advocacyCallCounts).values({ orgId: tap.orgId, callCampaignId: tap.campaignId, day, count: 1 }).onConflictDoUpdate({
      target: [
        advocacyCallCounts.orgId,
        advocacyCallCounts.callCampaignId,
        advocacyCallCounts.day
      ],
      set: { count: sql8`${advocacyCallCounts.count} + 1` }
    }).returning({ day: advocacyCallCounts.day, count: advocacyCallCounts.count });
    if (!row) throw new Error("upsert returned nothing");
    return row;
  });
}

// src/modules/advocacy/public-advocacy.ts
import { and as and11, asc as asc7, eq as eq15, inArray as inArray6 } from "drizzle-orm";
async function getPublicAdvocacy(db, orgId, caseId) {
  if (!isUuid(orgId) || !isUuid(caseId)) return [];
  const campaigns2 = await db.select().from(callCampaigns).where(
    and11(
      eq15(callCampaigns.orgId, orgId),
      eq15(callCampaigns.caseId, caseId),
      eq15(callCampaigns.public, true),
      eq15(callCampaigns.open, true)
    )
  ).orderBy(asc7(callCampaigns.createdAt), asc7(callCampaigns.id));
  if (campaigns2.length === 0) return [];
  const targets = await db.select({ ...targetColumns, campaignId: advocacyTargets.callCampaignId }).from(advocacyTargets).where(
    and11(
      eq15(advocacyTargets.orgId, orgId),
      inArray6(
        advocacyTargets.callCampaignId,
        campaigns2.map((c) => c.id)
      )
    )
  ).orderBy(
    asc7(advocacyTargets.position),
    asc7(advocacyTargets.createdAt),
    asc7(advocacyTargets.id)
  );
  return campaigns2.map((c) => ({
    id: c.id,
    kind: c.kind,
    title: { es: c.titleEs, en: c.titleEn },
    ask: { es: c.askEs, en: c.askEn },
    script: { es: c.scriptEs, en: c.scriptEn },
    targets: targets.filter((t) => t.campaignId === c.id).map((t) => ({
      kind: t.kind,
      name: t.name,
      phones: t.phones.flatMap((display) => {
        const tel = telHref(display);
        return tel ? [{ display, tel }] : [];
      }),
      address: t.address,
      hours: t.hours
    }))
  })).filter((c) => c.targets.length > 0);
}
async function getPublicCallCampaign(db, orgId, id) {
  if (!isUuid(orgId) || !isUuid(id)) return null;
  const [row] = await db.select({
    id: callCampaigns.id,
    kind: callCampaigns.kind,
    titleEs: callCampaigns.titleEs,
    titleEn: callCampaigns.titleEn
  }).from(callCampaigns).where(
    and11(
      eq15(callCampaigns.orgId, orgId),
      eq15(callCampaigns.id, id),
      eq15(callCampaigns.public, true),
      eq15(callCampaigns.open, true)
    )
  );
  return row ? { id: row.id, kind: row.kind, title: { es: row.titleEs, en: row.titleEn } } : null;
}

// src/modules/advocacy/advocacy.public.tsx
import { jsx as jsx9, jsxs as jsxs7 } from "hono/jsx/jsx-runtime";
var advocacyPublicRoutes = new Hono3();
var SLUG2 = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;
function clientAddress2(c) {
  try {
    return getConnInfo2(c).remote.address ?? "unknown";
  } catch {
    return "unknown";
  }
}
function publicNext(value, orgSlug) {
  const next = safeNext(value, "");
  return next.startsWith(`/p/${orgSlug}/`) && next.length <= 2e3 ? next : null;
}
function withCalledFlag(next, campaignId) {
  const url = new URL(next, "http://amparo.invalid");
  url.searchParams.set("called", campaignId);
  url.hash = `called-${campaignId}`;
  return `${url.pathname}${url.search}${url.hash}`;
}
advocacyPublicRoutes.get("/p/:org/c/:slug/advocacy/:id", async (c) => {
  const db = c.get("deps").db;
  const slug = (c.req.param("slug") ?? "").toLowerCase();
  const org = await getOrganizationBySlug(db, c.req.param("org") ?? "");
  if (!org || !SLUG2.test(slug)) throw notFound();
  const item = await getPublicCallCampaign(db, org.id, requireUuidParam(c));
  if (!item) throw notFound();
  const lang = publicLang({
    query: c.req.query("lang"),
    cookie: getCookie2(c, LANG_COOKIE),
    acceptLanguage: c.req.header("accept-language")
  }).lang ?? org.defaultLanguage;
  const t = advocacyPublicText[lang];
  const visit = item.kind === "visit";
  const back = campaignPath(org.slug, slug, lang);
  return render(
    c,
    /* @__PURE__ */ jsx9(
      PublicLayout,
      {
        lang,
        title: item.title[lang],
        description: item.title[lang],
        orgName: org.name,
        url: `/p/${org.slug}/c/${slug}/advocacy/${item.id}`,
        children: /* @__PURE__ */ jsxs7("article", { class: "pub-adv pub-adv-confirm", children: [
          /* @__PURE__ */ jsx9("h1", { children: item.title[lang] }),
          /* @__PURE__ */ jsx9("p", { children: visit ? t.confirm_visit : t.confirm_call }),
          /* @__PURE__ */ jsxs7("form", { method: "post", action: calledAction(org.slug, item.id), class: "pub-adv-form", children: [
            /* @__PURE__ */ jsx9("input", { type: "hidden", name: "_csrf", value: c.get("csrf") }),
            /* @__PURE__ */ jsx9("input", { type: "hidden", name: "next", value: back }),
            /* @__PURE__ */ jsx9("button", { type: "submit", class: "pub-button", children: visit ? t.confirm_visit_button : t.confirm_call_button })
          ] }),
          /* @__PURE__ */ jsx9("p", { children: /* @__PURE__ */ jsx9("a", { href: back, children: t.not_yet }) })
        ] })
      }
    )
  );
});
advocacyPublicRoutes.post("/p/:org/advocacy/:id/called", async (c) => {
  const db = c.get("deps").db;
  const org = await getOrganizationBySlug(db, c.req.param("org") ?? "");
  if (!org) throw notFound();
  const campaignId = requireUuidParam(c);
  const values = await readForm(c);
  const next = publicNext(values.next, org.slug);
  const lang = langOf(next) ?? c.get("lang");
  try {
    await countCall(c.get("deps"), { orgId: org.id, campaignId, address: clientAddress2(c) });
  } catch (error) {
    if (error instanceof AppError && error.code === "rate_limited") {
      if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
      return render(c, /* @__PURE__ */ jsx9(Notice, { c, lang, next, kind: "limit" }), 429);
    }
    throw error;
  }
  if (!next) return render(c, /* @__PURE__ */ jsx9(Notice, { c, lang, next: null, kind: "thanks" }));
  return c.redirect(withCalledFlag(next, campaignId), 303);
});
function langOf(next) {
  if (!next) return null;
  const lang = new URL(next, "http://amparo.invalid").searchParams.get("lang");
  return isLang(lang) ? lang : null;
}
function withoutLang(path) {
  const url = new URL(path, "http://amparo.invalid");
  url.searchParams.delete("lang");
  return `${url.pathname}${url.search}`;
}
function Notice(props) {
  const t = advocacyPublicText[props.lang];
  const title2 = props.kind === "limit" ? t.limit_title : t.thanks_title;
  return /* @__PURE__ */ jsx9(
    Page,
    {
      title: title2,
      lang: props.lang,
      csrf: props.c.get("csrf"),
      path: props.next ? withoutLang(props.next) : "/",
      auth: null,
      children: /* @__PURE__ */ jsxs7("div", { class: "panel narrow center", children: [
        /* @__PURE__ */ jsx9("h1", { children: title2 }),
        /* @__PURE__ */ jsx9("p", { role: props.kind === "limit" ? "alert" : "status", children: props.kind === "limit" ? t.limit_body : t.thanks_generic }),
        props.next && /* @__PURE__ */ jsx9("a", { class: "button secondary", href: props.next, children: t.back })
      ] })
    }
  );
}

// src/modules/advocacy/advocacy.routes.tsx
import { Hono as Hono4 } from "hono";
import { z as z5 } from "zod";

// src/modules/advocacy/advocacy.messages.ts
var advocacyText = defineMessages("advocacy", {
  es: {
    title: "Incidencia",
    lede: "Campa\xF1as de llamadas y visitas por un caso: a qui\xE9n llamar, qu\xE9 decir y cu\xE1nta gente ya lo hizo.",
    add: "Nueva campa\xF1a de llamadas",
    search_label: "Buscar por t\xEDtulo o por la persona del caso",
    empty_title: "Todav\xEDa no hay campa\xF1as de llamadas",
    empty_body: "Crea una para pedirle a la gente que llame o visite un centro de detenci\xF3n o la oficina de un funcionario por un caso.",
    no_results: "Ninguna campa\xF1a coincide con esa b\xFAsqueda.",
    clear_search: "Borrar la b\xFAsqueda",
    for_case: (name) => `Solo las campa\xF1as del caso de ${name}`,
    see_all: "Ver todas",
    status_open: "Abierta",
    status_closed: "Cerrada",
    badge_public: "P\xFAblica",
    badge_private: "Solo el equipo",
    kind_call: "Llamadas",
    kind_visit: "Visitas",
    targets_one: "1 lugar",
    targets_many: (n) => `${n} lugares`,
    counted_one: "1 contada",
    counted_many: (n) => `${n} contadas`,
    case_of: (name) => `Caso de ${name}`,
    // Form
    new_title: "Nueva campa\xF1a de llamadas",
    edit_title: (title2) => `Editar: ${title2}`,
    case: "Caso",
    case_hint: "La campa\xF1a se muestra en la p\xE1gina p\xFAblica de la campa\xF1a de fondos de este caso.",
    no_cases_title: "Primero abre un caso",
    no_cases_body: "Cada campa\xF1a de llamadas es por un caso de defensa.",
    go_cases: "Ir a los casos",
    kind: "Tipo",
    kind_call_option: "Llamadas: que la gente llame por tel\xE9fono",
    kind_visit_option: "Visitas: que la gente vaya en persona",
    title_es: "T\xEDtulo en espa\xF1ol",
    title_en: "T\xEDtulo en ingl\xE9s",
    ask_es: "La petici\xF3n, en espa\xF1ol",
    ask_en: "La petici\xF3n, en ingl\xE9s",
    ask_hint: "Qu\xE9 pedimos, en una o dos frases: por ejemplo, que la liberen bajo palabra.",
    script_es: "Guion en espa\xF1ol",
    script_en: "Guion en ingl\xE9s",
    script_hint: "Lo que la gente dice al llamar. Puede ser p\xFAblico: no pongas el n\xFAmero A ni datos privados.",
    open_label: "Abierta: la gente todav\xEDa puede llamar o ir",
    public_label: "Mostrarla en la p\xE1gina p\xFAblica",
    create_submit: "Crear la campa\xF1a",
    created: "Campa\xF1a creada. Ahora agrega a d\xF3nde llamar.",
    saved: "Cambios guardados.",
    // Campaign page
    edit: "Editar",
    the_ask: "La petici\xF3n",
    script: "Guion",
    in_es: "En espa\xF1ol",
    in_en: "En ingl\xE9s",
    where_title: "A d\xF3nde llamar o ir",
    targets_none: "Todav\xEDa no hay a d\xF3nde llamar. Mientras no haya, la campa\xF1a no aparece en la p\xE1gina p\xFAblica.",
    add_target: "Agregar a d\xF3nde llamar",
    target_facility: "Centro de detenci\xF3n",
    target_office: "Oficina p\xFAblica",
    copied_from_directory: "Copiado del directorio de centros.",
    refresh_target: "Volver a copiar del directorio",
    edit_target: "Editar",
    remove_target: "Quitar",
    address: "Direcci\xF3n",
    phones: "Tel\xE9fonos",
    hours: "Horario",
    counts_call: "Llamadas por d\xEDa",
    counts_visit: "Visitas por d\xEDa",
    stat_today: "Hoy",
    stat_total: "En total",
    counts_hint: "La gente las marca con el bot\xF3n \xABYa llam\xE9\xBB de la p\xE1gina p\xFAblica. No guardamos qui\xE9n llam\xF3 ni desde d\xF3nde.",
    chart_title: (list) => `Conteo de los \xFAltimos 14 d\xEDas: ${list}`,
    see_numbers: "Ver los n\xFAmeros",
    day: "D\xEDa",
    count: "Conteo",
    shown_public: "Se muestra en la p\xE1gina p\xFAblica de cada campa\xF1a de fondos de este caso.",
    shown_private: "Solo la ve tu equipo. M\xE1rcala como p\xFAblica para que aparezca en la p\xE1gina p\xFAblica.",
    shown_closed: "Cerrada: ya no aparece en la p\xE1gina p\xFAblica ni cuenta llamadas.",
    // Targets
    new_target_title: "Agregar a d\xF3nde llamar",
    from_directory_title: "Desde el directorio de centros",
    from_directory_hint: "Copiamos el nombre, la direcci\xF3n, los tel\xE9fonos y el horario (no las notas). Si luego cambian en el directorio, puedes volver a copiarlos.",
    facility: "Centro del directorio",
    add_facility_submit: "Agregar este centro",
    directory_empty: "El directorio de centros est\xE1 vac\xEDo.",
    directory_add: "Agregar un centro al directorio",
    office_title: "Una oficina",
    office_hint: "La oficina de un funcionario o de una dependencia p\xFAblica. Solo datos de la oficina: nada sobre agentes ni operativos.",
    name: "Nombre de la oficina o del centro",
    phones_hint: "Si hay varios, sep\xE1ralos con comas.",
    hours_label: "Horario de atenci\xF3n o de visitas",
    add_office_submit: "Agregar esta oficina",
    edit_target_title: (name) => `Editar: ${name}`,
    target_added: "Listo: ya aparece en la campa\xF1a.",
    target_saved: "Cambios guardados.",
    target_refreshed: "Copiado otra vez del directorio.",
    target_removed: "Quitado de la campa\xF1a.",
    remove_title: (name) => `\xBFQuitar \xAB${name}\xBB de la campa\xF1a?`,
    remove_body: "Deja de aparecer en la p\xE1gina p\xFAblica. Las llamadas ya contadas se quedan.",
    remove_confirm: "S\xED, quitarlo"
  },
  en: {
    title: "Advocacy",
    lede: "Call-in and visit campaigns for a case: who to call, what to say, and how many people already did.",
    add: "New call campaign",
    search_label: "Search by title or the person on the case",
    empty_title: "No call campaigns yet",
    empty_body: "Create one to ask people to call or visit a detention facility or an official's office about a case.",
    no_results: "No campaign matches that search.",
    clear_search: "Clear the search",
    for_case: (name) => `Only campaigns for ${name}'s case`,
    see_all: "See all",
    status_open: "Open",
    status_closed: "Closed",
    badge_public: "Public",
    badge_private: "Team only",
    kind_call: "Call-in",
    kind_visit: "Visits",
    targets_one: "1 place",
    targets_many: (n) => `${n} places`,
    counted_one: "1 counted",
    counted_many: (n) => `${n} counted`,
    case_of: (name) => `${name}'s case`,
    new_title: "New call campaign",
    edit_title: (title2) => `Edit: ${title2}`,
    case: "Case",
    case_hint: "The campaign appears on the public page of this case's fundraising campaign.",
    no_cases_title: "Open a case first",
    no_cases_body: "Every call campaign is for a defense case.",
    go_cases: "Go to cases",
    kind: "Kind",
    kind_call_option: "Call-in: people phone in",
    kind_visit_option: "Visits: people go in person",
    title_es: "Title in Spanish",
    title_en: "Title in English",
    ask_es: "The ask, in Spanish",
    ask_en: "The ask, in English",
    ask_hint: "What we ask for, in a sentence or two: for example, release on parole.",
    script_es: "Script in Spanish",
    script_en: "Script in English",
    script_hint: "What people say when they call. It may be public: don't include the A-number or anything private.",
    open_label: "Open: people can still call or go",
    public_label: "Show it on the public page",
    create_submit: "Create the campaign",
    created: "Campaign created. Now add where to call.",
    saved: "Changes saved.",
    edit: "Edit",
    the_ask: "The ask",
    script: "Script",
    in_es: "In Spanish",
    in_en: "In English",
    where_title: "Where to call or go",
    targets_none: "Nowhere to call yet. Until there is, the campaign doesn't appear on the public page.",
    add_target: "Add where to call",
    target_facility: "Detention facility",
    target_office: "Public office",
    copied_from_directory: "Copied from the facilities directory.",
    refresh_target: "Copy again from the directory",
    edit_target: "Edit",
    remove_target: "Remove",
    address: "Address",
    phones: "Phones",
    hours: "Hours",
    counts_call: "Calls per day",
    counts_visit: "Visits per day",
    stat_today: "Today",
    stat_total: "In total",
    counts_hint: "People mark them with the \u201CI called\u201D button on the public page. We don't keep who called or from where.",
    chart_title: (list) => `Count for the last 14 days: ${list}`,
    see_numbers: "See the numbers",
    day: "Day",
    count: "Count",
    shown_public: "Shown on the public page of every fundraising campaign for this case.",
    shown_private: "Only your team sees it. Mark it public to show it on the public page.",
    shown_closed: "Closed: it no longer appears on the public page or counts calls.",
    new_target_title: "Add where to call",
    from_directory_title: "From the facilities directory",
    from_directory_hint: "We copy the name, address, phones and hours (not the notes). If they change in the directory later, you can copy them again.",
    facility: "Facility from the directory",
    add_facility_submit: "Add this facility",
    directory_empty: "The facilities directory is empty.",
    directory_add: "Add a facility to the directory",
    office_title: "An office",
    office_hint: "An official's or a public agency's office. Office data only: nothing about officers or enforcement operations.",
    name: "Name of the office or facility",
    phones_hint: "If there are several, separate them with commas.",
    hours_label: "Office or visiting hours",
    add_office_submit: "Add this office",
    edit_target_title: (name) => `Edit: ${name}`,
    target_added: "Done: it now appears in the campaign.",
    target_saved: "Changes saved.",
    target_refreshed: "Copied again from the directory.",
    target_removed: "Removed from the campaign.",
    remove_title: (name) => `Remove \u201C${name}\u201D from the campaign?`,
    remove_body: "It stops appearing on the public page. Calls already counted stay.",
    remove_confirm: "Yes, remove it"
  }
});

// src/modules/advocacy/advocacy-forms.ts
var FORM_NAMES = {
  caseId: "case_id",
  titleEs: "title_es",
  titleEn: "title_en",
  askEs: "ask_es",
  askEn: "ask_en",
  scriptEs: "script_es",
  scriptEn: "script_en"
};
function formErrors(errors) {
  const out = {};
  for (const [path, key2] of Object.entries(errors)) {
    const head = path.split(".")[0] ?? "";
    out[FORM_NAMES[head] ?? head] ??= key2;
  }
  return out;
}
function formToCampaignInput(values) {
  return {
    caseId: values.case_id ?? "",
    kind: values.kind || "call",
    titleEs: values.title_es ?? "",
    titleEn: values.title_en ?? "",
    askEs: values.ask_es ?? "",
    askEn: values.ask_en ?? "",
    scriptEs: values.script_es ?? "",
    scriptEn: values.script_en ?? "",
    open: values.open === "on",
    public: values.public === "on"
  };
}
function campaignToForm(c) {
  return {
    case_id: c.caseId,
    kind: c.kind,
    title_es: c.title.es,
    title_en: c.title.en,
    ask_es: c.ask.es,
    ask_en: c.ask.en,
    script_es: c.script.es,
    script_en: c.script.en,
    open: c.open ? "on" : "",
    public: c.public ? "on" : ""
  };
}
var splitList = (value) => (value ?? "").split(/[,;\n]/).map((v) => v.trim()).filter(Boolean);
function formToTargetInput(values) {
  return {
    kind: "office",
    name: values.name ?? "",
    phones: splitList(values.phones),
    address: values.address ?? "",
    hours: values.hours ?? ""
  };
}
function targetToForm(t) {
  return {
    name: t.name,
    phones: t.phones.join(", "),
    address: t.address ?? "",
    hours: t.hours ?? ""
  };
}

// src/modules/advocacy/advocacy-ui.tsx
import { jsx as jsx10, jsxs as jsxs8 } from "hono/jsx/jsx-runtime";
function Badges(props) {
  const t = advocacyText[props.lang];
  const c = props.campaign;
  return /* @__PURE__ */ jsxs8("span", { class: "advocacy-badges", children: [
    /* @__PURE__ */ jsx10("span", { class: `badge ${c.open ? "advocacy-open" : "advocacy-closed"}`, children: c.open ? t.status_open : t.status_closed }),
    " ",
    /* @__PURE__ */ jsx10("span", { class: `badge ${c.public ? "case-public" : ""}`, children: c.public ? t.badge_public : t.badge_private }),
    " ",
    /* @__PURE__ */ jsx10("span", { class: "badge", children: c.kind === "visit" ? t.kind_visit : t.kind_call })
  ] });
}
function Notice2(props) {
  if (!props.text) return null;
  return /* @__PURE__ */ jsx10("div", { class: "alert alert-ok", role: "status", children: props.text });
}
var countText = (n, lang, one, many) => n === 1 ? one : many(formatNumber(n, lang));

// src/modules/advocacy/advocacy-list.page.tsx
import { Fragment as Fragment3, jsx as jsx11, jsxs as jsxs9 } from "hono/jsx/jsx-runtime";
function AdvocacyListPage(props) {
  const t = advocacyText[props.lang];
  const writer = can(props.auth.role, "advocacy.write");
  const newHref = props.forCase ? `/advocacy/new?case=${props.forCase.id}` : "/advocacy/new";
  return /* @__PURE__ */ jsxs9(Page, { ...props, title: t.title, section: "advocacy", children: [
    /* @__PURE__ */ jsxs9("div", { class: "page-head", children: [
      /* @__PURE__ */ jsx11("h1", { children: t.title }),
      writer && /* @__PURE__ */ jsx11("a", { class: "button", href: newHref, children: t.add })
    ] }),
    /* @__PURE__ */ jsx11("p", { class: "lede", children: t.lede }),
    /* @__PURE__ */ jsx11(Notice2, { text: props.notice }),
    props.forCase && /* @__PURE__ */ jsxs9("p", { class: "alert alert-info", children: [
      t.for_case(props.forCase.name),
      " \xB7 ",
      /* @__PURE__ */ jsx11("a", { href: "/advocacy", children: t.see_all })
    ] }),
    /* @__PURE__ */ jsx11("search", { children: /* @__PURE__ */ jsxs9("form", { method: "get", action: "/advocacy", class: "searchbar", children: [
      props.forCase && /* @__PURE__ */ jsx11("input", { type: "hidden", name: "case", value: props.forCase.id }),
      /* @__PURE__ */ jsxs9("div", { class: "field", children: [
        /* @__PURE__ */ jsx11("label", { for: "f-q", children: t.search_label }),
        /* @__PURE__ */ jsx11(
          "input",
          {
            id: "f-q",
            name: "q",
            type: "search",
            value: props.q,
            maxlength: 200,
            autocomplete: "off"
          }
        )
      ] }),
      /* @__PURE__ */ jsx11("button", { type: "submit", class: "secondary", children: common[props.lang].search })
    ] }) }),
    props.items.length === 0 ? /* @__PURE__ */ jsx11("div", { class: "empty", children: props.q ? /* @__PURE__ */ jsxs9(Fragment3, { children: [
      /* @__PURE__ */ jsx11("h2", { children: t.no_results }),
      /* @__PURE__ */ jsx11("a", { class: "button secondary", href: "/advocacy", children: t.clear_search })
    ] }) : /* @__PURE__ */ jsxs9(Fragment3, { children: [
      /* @__PURE__ */ jsx11("h2", { children: t.empty_title }),
      /* @__PURE__ */ jsx11("p", { children: t.empty_body }),
      writer && /* @__PURE__ */ jsx11("a", { class: "button", href: newHref, children: t.add })
    ] }) }) : /* @__PURE__ */ jsx11("ul", { class: "list", children: props.items.map((item) => /* @__PURE__ */ jsxs9("li", { class: "list-item", children: [
      /* @__PURE__ */ jsx11("a", { class: "title", href: `/advocacy/${item.id}`, children: item.title[props.lang] }),
      /* @__PURE__ */ jsx11(Badges, { campaign: item, lang: props.lang }),
      /* @__PURE__ */ jsx11("span", { class: "meta", children: [
        t.case_of(item.personDisplayName),
        countText(item.targets, props.lang, t.targets_one, t.targets_many),
        countText(item.calls, props.lang, t.counted_one, t.counted_many)
      ].join(" \xB7 ") })
    ] })) })
  ] });
}

// src/modules/advocacy/calls-chart.tsx
import { jsx as jsx12, jsxs as jsxs10 } from "hono/jsx/jsx-runtime";
var ACCENT = "#0b6760";
var AXIS = "#8a9199";
var INK = "#1c2024";
function shortDay(day, lang) {
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    day: "numeric",
    month: "short",
    timeZone: "UTC"
  }).format(/* @__PURE__ */ new Date(`${day}T12:00:00Z`));
}
function CallsChart(props) {
  const t = advocacyText[props.lang];
  const { days, lang } = props;
  const max = Math.max(1, ...days.map((d) => d.count));
  const slot = 24;
  const barWidth = 16;
  const top = 14;
  const chartHeight = 100;
  const base2 = top + chartHeight;
  const width = days.length * slot + 4;
  const height = base2 + 20;
  const bar = (n) => n > 0 ? Math.max(2, n / max * chartHeight) : 0;
  const titleId = `${props.id}-title`;
  const label = days.map((d) => `${shortDay(d.day, lang)}: ${formatNumber(d.count, lang)}`);
  return /* @__PURE__ */ jsxs10("figure", { class: "calls-chart", children: [
    /* @__PURE__ */ jsxs10(
      "svg",
      {
        viewBox: `0 0 ${width} ${height}`,
        role: "img",
        "aria-labelledby": titleId,
        class: "calls-chart-svg",
        children: [
          /* @__PURE__ */ jsx12("title", { id: titleId, children: t.chart_title(label.join(", ")) }),
          /* @__PURE__ */ jsx12("line", { x1: "0", y1: base2, x2: width, y2: base2, stroke: AXIS, "stroke-width": "1" }),
          days.map((d, i) => {
            const x = 4 + i * slot;
            const h = bar(d.count);
            const day = Number(d.day.slice(8, 10));
            return /* @__PURE__ */ jsxs10("g", { children: [
              h > 0 && /* @__PURE__ */ jsx12("rect", { x, y: base2 - h, width: barWidth, height: h, rx: "2", fill: ACCENT }),
              d.count > 0 && /* @__PURE__ */ jsx12(
                "text",
                {
                  x: x + barWidth / 2,
                  y: base2 - h - 3,
                  "text-anchor": "middle",
                  "font-size": "9",
                  fill: INK,
                  children: String(d.count)
                }
              ),
              /* @__PURE__ */ jsx12(
                "text",
                {
                  x: x + barWidth / 2,
                  y: base2 + 14,
                  "text-anchor": "middle",
                  "font-size": "10",
                  fill: INK,
                  children: String(day)
                }
              )
            ] });
          })
        ]
      }
    ),
    /* @__PURE__ */ jsxs10("details", { class: "calls-numbers", children: [
      /* @__PURE__ */ jsx12("summary", { children: t.see_numbers }),
      /* @__PURE__ */ jsxs10("table", { class: "calls-table", children: [
        /* @__PURE__ */ jsx12("thead", { children: /* @__PURE__ */ jsxs10("tr", { children: [
          /* @__PURE__ */ jsx12("th", { scope: "col", children: t.day }),
          /* @__PURE__ */ jsx12("th", { scope: "col", children: t.count })
        ] }) }),
        /* @__PURE__ */ jsx12("tbody", { children: [...days].reverse().map((d) => /* @__PURE__ */ jsxs10("tr", { children: [
          /* @__PURE__ */ jsx12("th", { scope: "row", children: shortDay(d.day, lang) }),
          /* @__PURE__ */ jsx12("td", { children: formatNumber(d.count, lang) })
        ] })) })
      ] })
    ] })
  ] });
}

// src/modules/advocacy/call-campaign.page.tsx
import { Fragment as Fragment4, jsx as jsx13, jsxs as jsxs11 } from "hono/jsx/jsx-runtime";
function CallCampaignPage(props) {
  const t = advocacyText[props.lang];
  const { campaign: c, lang } = props;
  const writer = can(props.auth.role, "advocacy.write");
  const today2 = props.days[props.days.length - 1]?.count ?? 0;
  return /* @__PURE__ */ jsxs11(Page, { ...props, title: c.title[lang], section: "advocacy", children: [
    /* @__PURE__ */ jsx13("p", { children: /* @__PURE__ */ jsxs11("a", { href: "/advocacy", children: [
      "\u2190 ",
      t.title
    ] }) }),
    /* @__PURE__ */ jsxs11("div", { class: "page-head", children: [
      /* @__PURE__ */ jsxs11("div", { children: [
        /* @__PURE__ */ jsx13("h1", { children: c.title[lang] }),
        /* @__PURE__ */ jsx13(Badges, { campaign: c, lang })
      ] }),
      writer && /* @__PURE__ */ jsx13("a", { class: "button secondary", href: `/advocacy/${c.id}/edit`, children: t.edit })
    ] }),
    /* @__PURE__ */ jsx13(Notice2, { text: props.notice }),
    /* @__PURE__ */ jsx13("p", { children: /* @__PURE__ */ jsx13("a", { href: `/cases/${c.caseId}`, children: t.case_of(props.personDisplayName) }) }),
    /* @__PURE__ */ jsx13("p", { class: "muted", children: !c.open ? t.shown_closed : c.public ? t.shown_public : t.shown_private }),
    /* @__PURE__ */ jsxs11(Panel, { title: c.kind === "visit" ? t.counts_visit : t.counts_call, children: [
      /* @__PURE__ */ jsxs11("div", { class: "stats", children: [
        /* @__PURE__ */ jsxs11("div", { class: "stat", children: [
          /* @__PURE__ */ jsx13("div", { class: "n", children: formatNumber(today2, lang) }),
          /* @__PURE__ */ jsx13("div", { class: "l", children: t.stat_today })
        ] }),
        /* @__PURE__ */ jsxs11("div", { class: "stat", children: [
          /* @__PURE__ */ jsx13("div", { class: "n", children: formatNumber(props.total, lang) }),
          /* @__PURE__ */ jsx13("div", { class: "l", children: t.stat_total })
        ] })
      ] }),
      /* @__PURE__ */ jsx13(CallsChart, { days: props.days, lang, id: `calls-${c.id}` }),
      /* @__PURE__ */ jsx13("p", { class: "hint", children: t.counts_hint })
    ] }),
    /* @__PURE__ */ jsxs11(Panel, { title: t.where_title, children: [
      props.targets.length === 0 ? /* @__PURE__ */ jsx13("p", { class: "alert alert-info", children: t.targets_none }) : /* @__PURE__ */ jsx13("ul", { class: "list", children: props.targets.map((target) => /* @__PURE__ */ jsx13(TargetItem, { ...props, target, writer })) }),
      writer && props.targets.length < LIMITS2.targets && /* @__PURE__ */ jsx13("p", { children: /* @__PURE__ */ jsx13("a", { class: "button secondary", href: `/advocacy/${c.id}/targets/new`, children: t.add_target }) })
    ] }),
    /* @__PURE__ */ jsx13(Panel, { title: t.the_ask, children: /* @__PURE__ */ jsx13(Bilingual, { ...props, es: c.ask.es, en: c.ask.en }) }),
    /* @__PURE__ */ jsx13(Panel, { title: t.script, children: /* @__PURE__ */ jsx13(Bilingual, { ...props, es: c.script.es, en: c.script.en }) })
  ] });
}
function Bilingual(props) {
  const t = advocacyText[props.lang];
  return /* @__PURE__ */ jsxs11("dl", { class: "facts advocacy-bilingual", children: [
    /* @__PURE__ */ jsx13("dt", { children: t.in_es }),
    /* @__PURE__ */ jsx13("dd", { class: "prewrap", lang: "es", children: props.es }),
    /* @__PURE__ */ jsx13("dt", { children: t.in_en }),
    /* @__PURE__ */ jsx13("dd", { class: "prewrap", lang: "en", children: props.en })
  ] });
}
function TargetItem(props) {
  const t = advocacyText[props.lang];
  const { target, campaign } = props;
  const base2 = `/advocacy/${campaign.id}/targets/${target.id}`;
  return /* @__PURE__ */ jsxs11("li", { class: "list-item advocacy-target", id: `target-${target.id}`, children: [
    /* @__PURE__ */ jsx13("h3", { class: "title", children: target.name }),
    /* @__PURE__ */ jsx13("span", { class: "badge", children: target.kind === "facility" ? t.target_facility : t.target_office }),
    /* @__PURE__ */ jsxs11("dl", { class: "facts", children: [
      target.phones.length > 0 && /* @__PURE__ */ jsxs11(Fragment4, { children: [
        /* @__PURE__ */ jsx13("dt", { children: t.phones }),
        /* @__PURE__ */ jsx13("dd", { children: target.phones.map((p, i) => /* @__PURE__ */ jsxs11(Fragment4, { children: [
          i > 0 && ", ",
          /* @__PURE__ */ jsx13("a", { href: telHref(p) ?? void 0, children: p })
        ] })) })
      ] }),
      target.address && /* @__PURE__ */ jsxs11(Fragment4, { children: [
        /* @__PURE__ */ jsx13("dt", { children: t.address }),
        /* @__PURE__ */ jsx13("dd", { class: "prewrap", children: target.address })
      ] }),
      target.hours && /* @__PURE__ */ jsxs11(Fragment4, { children: [
        /* @__PURE__ */ jsx13("dt", { children: t.hours }),
        /* @__PURE__ */ jsx13("dd", { class: "prewrap", children: target.hours })
      ] })
    ] }),
    target.facilityId && /* @__PURE__ */ jsx13("p", { class: "hint", children: t.copied_from_directory }),
    props.writer && /* @__PURE__ */ jsxs11("div", { class: "advocacy-target-actions", children: [
      /* @__PURE__ */ jsxs11("a", { class: "button secondary", href: `${base2}/edit`, children: [
        t.edit_target,
        /* @__PURE__ */ jsxs11("span", { class: "visually-hidden", children: [
          " ",
          target.name
        ] })
      ] }),
      target.facilityId && /* @__PURE__ */ jsxs11("form", { method: "post", action: `${base2}/refresh`, class: "inline", children: [
        /* @__PURE__ */ jsx13(Csrf, { token: props.csrf }),
        /* @__PURE__ */ jsxs11("button", { type: "submit", class: "secondary", children: [
          t.refresh_target,
          /* @__PURE__ */ jsxs11("span", { class: "visually-hidden", children: [
            " ",
            target.name
          ] })
        ] })
      ] }),
      /* @__PURE__ */ jsxs11("a", { class: "danger-link", href: `${base2}/delete`, children: [
        t.remove_target,
        /* @__PURE__ */ jsxs11("span", { class: "visually-hidden", children: [
          " ",
          target.name
        ] })
      ] })
    ] })
  ] });
}

// src/modules/advocacy/call-campaign-form.page.tsx
import { jsx as jsx14, jsxs as jsxs12 } from "hono/jsx/jsx-runtime";
function CallCampaignFormPage(props) {
  const t = advocacyText[props.lang];
  const { form, lang } = props;
  const title2 = props.campaign ? t.edit_title(props.campaign.title) : t.new_title;
  const back = props.campaign ? `/advocacy/${props.campaign.id}` : "/advocacy";
  if (props.cases.length === 0) {
    return /* @__PURE__ */ jsx14(Page, { ...props, title: title2, section: "advocacy", children: /* @__PURE__ */ jsxs12("div", { class: "narrow", children: [
      /* @__PURE__ */ jsx14("h1", { children: title2 }),
      /* @__PURE__ */ jsxs12("div", { class: "empty", children: [
        /* @__PURE__ */ jsx14("h2", { children: t.no_cases_title }),
        /* @__PURE__ */ jsx14("p", { children: t.no_cases_body }),
        /* @__PURE__ */ jsx14("a", { class: "button", href: "/cases", children: t.go_cases })
      ] })
    ] }) });
  }
  const text10 = (name, label, max) => /* @__PURE__ */ jsx14(Field, { name, label, form, lang, required: true, maxlength: max });
  const area = (name, label, max, hint) => /* @__PURE__ */ jsx14(
    TextArea,
    {
      name,
      label,
      hint,
      form,
      lang,
      required: true,
      maxlength: max
    }
  );
  return /* @__PURE__ */ jsx14(Page, { ...props, title: title2, section: "advocacy", children: /* @__PURE__ */ jsxs12("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx14("p", { children: /* @__PURE__ */ jsxs12("a", { href: back, children: [
      "\u2190 ",
      props.campaign ? props.campaign.title : t.title
    ] }) }),
    /* @__PURE__ */ jsx14("h1", { children: title2 }),
    /* @__PURE__ */ jsx14(FormAlert, { form, lang }),
    /* @__PURE__ */ jsxs12(
      "form",
      {
        method: "post",
        action: props.campaign ? `/advocacy/${props.campaign.id}` : "/advocacy",
        novalidate: true,
        children: [
          /* @__PURE__ */ jsx14(Csrf, { token: props.csrf }),
          /* @__PURE__ */ jsxs12("div", { class: "panel", children: [
            /* @__PURE__ */ jsx14(
              Select,
              {
                name: "case_id",
                label: t.case,
                form,
                lang,
                required: true,
                options: [
                  { value: "", label: "\u2014" },
                  ...props.cases.map((c) => ({ value: c.id, label: c.name }))
                ]
              }
            ),
            /* @__PURE__ */ jsx14("p", { class: "hint", children: t.case_hint }),
            /* @__PURE__ */ jsx14(
              Select,
              {
                name: "kind",
                label: t.kind,
                form,
                lang,
                required: true,
                options: [
                  { value: "call", label: t.kind_call_option },
                  { value: "visit", label: t.kind_visit_option }
                ]
              }
            )
          ] }),
          /* @__PURE__ */ jsxs12("div", { class: "panel", children: [
            text10("title_es", t.title_es, LIMITS2.title),
            area("ask_es", t.ask_es, LIMITS2.ask, t.ask_hint),
            area("script_es", t.script_es, LIMITS2.script, t.script_hint)
          ] }),
          /* @__PURE__ */ jsxs12("div", { class: "panel", children: [
            text10("title_en", t.title_en, LIMITS2.title),
            area("ask_en", t.ask_en, LIMITS2.ask, t.ask_hint),
            area("script_en", t.script_en, LIMITS2.script, t.script_hint)
          ] }),
          /* @__PURE__ */ jsxs12("div", { class: "panel", children: [
            /* @__PURE__ */ jsx14(Checkbox, { name: "open", label: t.open_label, form }),
            /* @__PURE__ */ jsx14(Checkbox, { name: "public", label: t.public_label, form })
          ] }),
          /* @__PURE__ */ jsxs12(Actions, { children: [
            /* @__PURE__ */ jsx14("button", { type: "submit", class: "primary", children: props.campaign ? common[lang].save : t.create_submit }),
            /* @__PURE__ */ jsx14("a", { href: back, children: common[lang].cancel })
          ] })
        ]
      }
    )
  ] }) });
}

// src/modules/advocacy/create-call-campaign.ts
import { randomUUID } from "node:crypto";

// src/modules/advocacy/advocacy-changes.ts
var listeners = /* @__PURE__ */ new Set();
function onAdvocacyChanged(listener) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
function advocacyChanged(change) {
  for (const listener of listeners) {
    try {
      listener(change);
    } catch {
    }
  }
}

// src/modules/advocacy/create-call-campaign.ts
async function createCallCampaign(deps, actor, input) {
  if (!await getCaseSummary(deps.db, actor.orgId, input.caseId)) {
    throw invalid({ caseId: "case_not_found" });
  }
  const id = randomUUID();
  await deps.db.transaction(async (tx) => {
    await tx.insert(callCampaigns).values({
      id,
      orgId: actor.orgId,
      caseId: input.caseId,
      kind: input.kind,
      titleEs: input.titleEs,
      titleEn: input.titleEn,
      askEs: input.askEs,
      askEn: input.askEn,
      scriptEs: input.scriptEs,
      scriptEn: input.scriptEn,
      open: input.open,
      public: input.public,
      searchText: campaignSearchText(input),
      createdBy: actor.userId
    });
    await audit(
      tx,
      actor,
      "call_campaign.created",
      { type: "call_campaign", id },
      { case_id: input.caseId, kind: input.kind, public: input.public }
    );
  });
  advocacyChanged({ orgId: actor.orgId, caseId: input.caseId });
  const campaign = await getCallCampaign(deps.db, actor.orgId, id);
  if (!campaign) throw new Error("created call campaign vanished");
  return campaign;
}

// src/modules/advocacy/update-call-campaign.ts
import { and as and12, eq as eq16 } from "drizzle-orm";
async function updateCallCampaign(deps, actor, id, input) {
  if (!await getCaseSummary(deps.db, actor.orgId, input.caseId)) {
    throw invalid({ caseId: "case_not_found" });
  }
  const previousCase = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(callCampaigns).where(and12(eq16(callCampaigns.orgId, actor.orgId), eq16(callCampaigns.id, id))).for("update");
    if (!row) throw notFound();
    const current = callCampaignFromRow(row);
    await tx.update(callCampaigns).set({
      caseId: input.caseId,
      kind: input.kind,
      titleEs: input.titleEs,
      titleEn: input.titleEn,
      askEs: input.askEs,
      askEn: input.askEn,
      scriptEs: input.scriptEs,
      scriptEn: input.scriptEn,
      open: input.open,
      public: input.public,
      searchText: campaignSearchText(input),
      updatedAt: /* @__PURE__ */ new Date()
    }).where(and12(eq16(callCampaigns.orgId, actor.orgId), eq16(callCampaigns.id, id)));
    await audit(
      tx,
      actor,
      "call_campaign.updated",
      { type: "call_campaign", id },
      { fields: changedFields(current, input) }
    );
    return current.caseId;
  });
  advocacyChanged({ orgId: actor.orgId, caseId: input.caseId });
  if (previousCase !== input.caseId) advocacyChanged({ orgId: actor.orgId, caseId: previousCase });
  const campaign = await getCallCampaign(deps.db, actor.orgId, id);
  if (!campaign) throw notFound();
  return campaign;
}
function changedFields(current, next) {
  const pairs = [
    ["case_id", current.caseId, next.caseId],
    ["kind", current.kind, next.kind],
    ["title", current.title, { es: next.titleEs, en: next.titleEn }],
    ["ask", current.ask, { es: next.askEs, en: next.askEn }],
    ["script", current.script, { es: next.scriptEs, en: next.scriptEn }],
    ["open", current.open, next.open],
    ["public", current.public, next.public]
  ];
  return pairs.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([k]) => k);
}

// src/modules/advocacy/advocacy.routes.tsx
import { jsx as jsx15 } from "hono/jsx/jsx-runtime";
var advocacyRoutes = new Hono4();
var view = (c) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c)
});
async function requireCallCampaign(c, param = "id") {
  const auth = requireAuth(c);
  const found = await getCallCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c, param));
  if (!found) throw new AppError("not_found");
  return found;
}
var NOTICES = {
  created: "created",
  saved: "saved",
  target_added: "target_added",
  target_saved: "target_saved",
  target_refreshed: "target_refreshed",
  target_removed: "target_removed"
};
function notice(c) {
  const key2 = c.req.query("done");
  return key2 && key2 in NOTICES ? advocacyText[c.get("lang")][NOTICES[key2]] : void 0;
}
var QuerySchema = z5.object({
  q: z5.string().max(200).catch("").default(""),
  case: z5.string().max(60).catch("").default("")
});
advocacyRoutes.get("/advocacy", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.read");
  const query = QuerySchema.parse(c.req.query());
  const db = c.get("deps").db;
  const q = query.q.replaceAll("\0", "");
  let forCase = null;
  if (query.case) {
    const summary2 = await getCaseSummary(db, auth.org.id, query.case);
    if (!summary2) throw new AppError("not_found");
    forCase = { id: summary2.id, name: summary2.personDisplayName };
  }
  const items = await listCallCampaigns(db, auth.org.id, { q, caseId: forCase?.id });
  return render(
    c,
    /* @__PURE__ */ jsx15(AdvocacyListPage, { ...view(c), items, q, forCase, notice: notice(c) })
  );
});
async function caseOptions(c) {
  const auth = requireAuth(c);
  const cases2 = await listCases(c.get("deps").db, auth.org.id, { q: "", filter: "all" });
  return cases2.map((k) => ({ id: k.id, name: k.personDisplayName }));
}
async function formPage(c, form, campaign, status2 = 200) {
  const lang = c.get("lang");
  return render(
    c,
    /* @__PURE__ */ jsx15(
      CallCampaignFormPage,
      {
        ...view(c),
        form,
        cases: await caseOptions(c),
        campaign: campaign && { id: campaign.id, title: campaign.title[lang] }
      }
    ),
    status2
  );
}
advocacyRoutes.get("/advocacy/new", async (c) => {
  requirePermission(requireAuth(c).role, "advocacy.write");
  const preset = c.req.query("case") ?? "";
  return formPage(
    c,
    emptyForm({ case_id: isUuid(preset) ? preset.toLowerCase() : "", kind: "call", open: "on" })
  );
});
advocacyRoutes.post("/advocacy", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.write");
  const values = await readForm(c);
  const again2 = (errors) => formPage(c, { values, errors: formErrors(errors) }, void 0, 422);
  const parsed = parseWith(CallCampaignFieldsSchema, formToCampaignInput(values));
  if (!parsed.ok) return again2(parsed.errors);
  try {
    const created = await createCallCampaign(c.get("deps"), auth.actor, parsed.data);
    return c.redirect(`/advocacy/${created.id}?done=created`, 303);
  } catch (error) {
    if (error instanceof AppError && error.fields) return again2(error.fields);
    throw error;
  }
});
advocacyRoutes.get("/advocacy/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.read");
  const campaign = await requireCallCampaign(c);
  const db = c.get("deps").db;
  const days = daysEnding(dayInZone(/* @__PURE__ */ new Date(), auth.org.timeZone), 14);
  const summary2 = await getCaseSummary(db, auth.org.id, campaign.caseId);
  return render(
    c,
    /* @__PURE__ */ jsx15(
      CallCampaignPage,
      {
        ...view(c),
        campaign,
        personDisplayName: summary2?.personDisplayName ?? "",
        targets: await listTargets(db, auth.org.id, campaign.id),
        days: fillDays(days, await callsOnDays(db, auth.org.id, campaign.id, days)),
        total: await totalCalls(db, auth.org.id, campaign.id),
        notice: notice(c)
      }
    )
  );
});
advocacyRoutes.get("/advocacy/:id/edit", async (c) => {
  requirePermission(requireAuth(c).role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  return formPage(c, emptyForm(campaignToForm(campaign)), campaign);
});
advocacyRoutes.post("/advocacy/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  const values = await readForm(c);
  const again2 = (errors) => formPage(c, { values, errors: formErrors(errors) }, campaign, 422);
  const parsed = parseWith(CallCampaignFieldsSchema, formToCampaignInput(values));
  if (!parsed.ok) return again2(parsed.errors);
  try {
    await updateCallCampaign(c.get("deps"), auth.actor, campaign.id, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.fields) return again2(error.fields);
    throw error;
  }
  return c.redirect(`/advocacy/${campaign.id}?done=saved`, 303);
});

// src/modules/advocacy/advocacy-targets.routes.tsx
import { Hono as Hono5 } from "hono";

// src/modules/advocacy/add-target.ts
import { and as and14, eq as eq18, sql as sql9 } from "drizzle-orm";

// src/modules/advocacy/lock-call-campaign.ts
import { and as and13, eq as eq17 } from "drizzle-orm";
async function lockCallCampaign(tx, orgId, id) {
  if (!isUuid(id)) throw notFound();
  const [row] = await tx.select({ id: callCampaigns.id, caseId: callCampaigns.caseId }).from(callCampaigns).where(and13(eq17(callCampaigns.orgId, orgId), eq17(callCampaigns.id, id))).for("update");
  if (!row) throw notFound();
  return row;
}

// src/modules/advocacy/add-target.ts
async function addTarget(deps, actor, campaignId, source) {
  const fields = source.from === "facility" ? await fromDirectory(deps, actor, source) : source.fields;
  const { id, caseId } = await deps.db.transaction(async (tx) => {
    const campaign = await lockCallCampaign(tx, actor.orgId, campaignId);
    const [stats] = await tx.select({
      n: sql9`count(*)`.mapWith(Number),
      last: sql9`coalesce(max(${advocacyTargets.position}), -1)`.mapWith(Number)
    }).from(advocacyTargets).where(
      and14(eq18(advocacyTargets.orgId, actor.orgId), eq18(advocacyTargets.callCampaignId, campaignId))
    );
    if ((stats?.n ?? 0) >= LIMITS2.targets) throw invalid({ name: "too_many" });
    const [row] = await tx.insert(advocacyTargets).values({
      orgId: actor.orgId,
      callCampaignId: campaignId,
      kind: fields.kind,
      facilityId: source.from === "facility" ? source.facilityId : null,
      name: fields.name,
      phones: fields.phones,
      address: fields.address,
      hours: fields.hours,
      position: (stats?.last ?? -1) + 1
    }).returning({ id: advocacyTargets.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(
      tx,
      actor,
      "advocacy_target.added",
      { type: "advocacy_target", id: row.id },
      { call_campaign_id: campaignId, kind: fields.kind, from: source.from }
    );
    return { id: row.id, caseId: campaign.caseId };
  });
  advocacyChanged({ orgId: actor.orgId, caseId });
  const target = await getTarget(deps.db, actor.orgId, campaignId, id);
  if (!target) throw notFound();
  return target;
}
async function fromDirectory(deps, actor, source) {
  const facility = await getFacilitySafe(deps, actor.orgId, source.facilityId);
  if (!facility) throw invalid({ facility_id: "invalid_choice" });
  const parsed = TargetFieldsSchema.safeParse({
    kind: "facility",
    name: facility.name.slice(0, LIMITS2.targetName),
    phones: facility.phones.slice(0, LIMITS2.phones),
    address: facility.address?.slice(0, LIMITS2.address) ?? null,
    hours: facility.visitingHours?.slice(0, LIMITS2.hours) ?? null
  });
  if (!parsed.success) throw invalid({ facility_id: "invalid" });
  return parsed.data;
}
function getFacilitySafe(deps, orgId, id) {
  return isUuid(id) ? getFacility(deps.db, orgId, id) : Promise.resolve(null);
}

// src/modules/advocacy/remove-target.ts
import { and as and15, eq as eq19 } from "drizzle-orm";
async function removeTarget(deps, actor, campaignId, targetId) {
  if (!isUuid(targetId)) throw notFound();
  const caseId = await deps.db.transaction(async (tx) => {
    const campaign = await lockCallCampaign(tx, actor.orgId, campaignId);
    const removed = await tx.delete(advocacyTargets).where(
      and15(
        eq19(advocacyTargets.orgId, actor.orgId),
        eq19(advocacyTargets.callCampaignId, campaignId),
        eq19(advocacyTargets.id, targetId)
      )
    ).returning({ id: advocacyTargets.id });
    if (removed.length === 0) throw notFound();
    await audit(
      tx,
      actor,
      "advocacy_target.removed",
      { type: "advocacy_target", id: targetId },
      { call_campaign_id: campaignId }
    );
    return campaign.caseId;
  });
  advocacyChanged({ orgId: actor.orgId, caseId });
}

// src/modules/advocacy/target-pages.tsx
import { Fragment as Fragment5, jsx as jsx16, jsxs as jsxs13 } from "hono/jsx/jsx-runtime";
function OfficeFields(props) {
  const t = advocacyText[props.lang];
  const { form, lang } = props;
  return /* @__PURE__ */ jsxs13(Fragment5, { children: [
    /* @__PURE__ */ jsx16(
      Field,
      {
        name: "name",
        label: t.name,
        form,
        lang,
        required: true,
        maxlength: LIMITS2.targetName
      }
    ),
    /* @__PURE__ */ jsx16(
      Field,
      {
        name: "phones",
        label: t.phones,
        hint: t.phones_hint,
        form,
        lang,
        type: "tel",
        inputmode: "tel",
        autocomplete: "off"
      }
    ),
    /* @__PURE__ */ jsx16(
      TextArea,
      {
        name: "address",
        label: t.address,
        form,
        lang,
        maxlength: LIMITS2.address
      }
    ),
    /* @__PURE__ */ jsx16(
      TextArea,
      {
        name: "hours",
        label: t.hours_label,
        form,
        lang,
        maxlength: LIMITS2.hours
      }
    )
  ] });
}
function NewTargetPage(props) {
  const t = advocacyText[props.lang];
  const { lang, campaign } = props;
  const action = `/advocacy/${campaign.id}/targets`;
  return /* @__PURE__ */ jsx16(Page, { ...props, title: t.new_target_title, section: "advocacy", children: /* @__PURE__ */ jsxs13("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx16("p", { children: /* @__PURE__ */ jsxs13("a", { href: `/advocacy/${campaign.id}`, children: [
      "\u2190 ",
      campaign.title
    ] }) }),
    /* @__PURE__ */ jsx16("h1", { children: t.new_target_title }),
    /* @__PURE__ */ jsxs13(Panel, { title: t.from_directory_title, children: [
      /* @__PURE__ */ jsx16("p", { class: "hint", children: t.from_directory_hint }),
      props.facilities.length === 0 ? /* @__PURE__ */ jsxs13("p", { children: [
        t.directory_empty,
        " ",
        /* @__PURE__ */ jsx16("a", { href: "/facilities/new", children: t.directory_add })
      ] }) : /* @__PURE__ */ jsxs13("form", { method: "post", action, novalidate: true, children: [
        /* @__PURE__ */ jsx16(Csrf, { token: props.csrf }),
        /* @__PURE__ */ jsx16("input", { type: "hidden", name: "source", value: "facility" }),
        /* @__PURE__ */ jsx16(FormAlert, { form: props.directoryForm, lang }),
        /* @__PURE__ */ jsx16(
          Select,
          {
            name: "facility_id",
            label: t.facility,
            form: props.directoryForm,
            lang,
            required: true,
            options: [
              { value: "", label: "\u2014" },
              ...props.facilities.map((f) => ({ value: f.id, label: f.name }))
            ]
          }
        ),
        /* @__PURE__ */ jsx16(Actions, { children: /* @__PURE__ */ jsx16("button", { type: "submit", class: "primary", children: t.add_facility_submit }) })
      ] })
    ] }),
    /* @__PURE__ */ jsxs13(Panel, { title: t.office_title, children: [
      /* @__PURE__ */ jsx16("p", { class: "hint", children: t.office_hint }),
      /* @__PURE__ */ jsxs13("form", { method: "post", action, novalidate: true, children: [
        /* @__PURE__ */ jsx16(Csrf, { token: props.csrf }),
        /* @__PURE__ */ jsx16("input", { type: "hidden", name: "source", value: "office" }),
        /* @__PURE__ */ jsx16(FormAlert, { form: props.officeForm, lang }),
        /* @__PURE__ */ jsx16(OfficeFields, { ...props, form: props.officeForm }),
        /* @__PURE__ */ jsxs13(Actions, { children: [
          /* @__PURE__ */ jsx16("button", { type: "submit", class: "primary", children: t.add_office_submit }),
          /* @__PURE__ */ jsx16("a", { href: `/advocacy/${campaign.id}`, children: common[lang].cancel })
        ] })
      ] })
    ] })
  ] }) });
}
function EditTargetPage(props) {
  const t = advocacyText[props.lang];
  const { lang, campaign } = props;
  const title2 = t.edit_target_title(props.target.name);
  return /* @__PURE__ */ jsx16(Page, { ...props, title: title2, section: "advocacy", children: /* @__PURE__ */ jsxs13("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx16("p", { children: /* @__PURE__ */ jsxs13("a", { href: `/advocacy/${campaign.id}`, children: [
      "\u2190 ",
      campaign.title
    ] }) }),
    /* @__PURE__ */ jsx16("h1", { children: title2 }),
    /* @__PURE__ */ jsx16(FormAlert, { form: props.form, lang }),
    /* @__PURE__ */ jsxs13(
      "form",
      {
        method: "post",
        action: `/advocacy/${campaign.id}/targets/${props.target.id}`,
        novalidate: true,
        children: [
          /* @__PURE__ */ jsx16(Csrf, { token: props.csrf }),
          /* @__PURE__ */ jsxs13("div", { class: "panel", children: [
            /* @__PURE__ */ jsx16("p", { class: "hint", children: t.office_hint }),
            /* @__PURE__ */ jsx16(OfficeFields, { ...props, form: props.form })
          ] }),
          /* @__PURE__ */ jsxs13(Actions, { children: [
            /* @__PURE__ */ jsx16("button", { type: "submit", class: "primary", children: common[lang].save }),
            /* @__PURE__ */ jsx16("a", { href: `/advocacy/${campaign.id}`, children: common[lang].cancel })
          ] })
        ]
      }
    )
  ] }) });
}
function RemoveTargetPage(props) {
  const t = advocacyText[props.lang];
  const { lang, campaign } = props;
  const title2 = t.remove_title(props.target.name);
  return /* @__PURE__ */ jsx16(Page, { ...props, title: title2, section: "advocacy", children: /* @__PURE__ */ jsxs13("div", { class: "panel narrow danger-zone", children: [
    /* @__PURE__ */ jsx16("h1", { class: "h-sentence", children: title2 }),
    /* @__PURE__ */ jsx16("p", { children: t.remove_body }),
    /* @__PURE__ */ jsxs13("form", { method: "post", action: `/advocacy/${campaign.id}/targets/${props.target.id}/delete`, children: [
      /* @__PURE__ */ jsx16(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsxs13(Actions, { children: [
        /* @__PURE__ */ jsx16("button", { type: "submit", class: "danger", children: t.remove_confirm }),
        /* @__PURE__ */ jsx16("a", { href: `/advocacy/${campaign.id}`, children: common[lang].cancel })
      ] })
    ] })
  ] }) });
}

// src/modules/advocacy/update-target.ts
import { and as and16, eq as eq20 } from "drizzle-orm";
async function updateTarget(deps, actor, campaignId, targetId, fields) {
  return write(deps, actor, campaignId, targetId, "advocacy_target.updated", fields);
}
async function refreshTarget(deps, actor, campaignId, targetId) {
  const current = await getTarget(deps.db, actor.orgId, campaignId, targetId);
  if (!current?.facilityId) throw notFound();
  const fields = await fromDirectory(deps, actor, { facilityId: current.facilityId });
  return write(deps, actor, campaignId, targetId, "advocacy_target.refreshed", fields);
}
async function write(deps, actor, campaignId, targetId, action, fields) {
  if (!isUuid(targetId)) throw notFound();
  const caseId = await deps.db.transaction(async (tx) => {
    const campaign = await lockCallCampaign(tx, actor.orgId, campaignId);
    const updated = await tx.update(advocacyTargets).set({
      name: fields.name,
      phones: fields.phones,
      address: fields.address,
      hours: fields.hours,
      updatedAt: /* @__PURE__ */ new Date()
    }).where(
      and16(
        eq20(advocacyTargets.orgId, actor.orgId),
        eq20(advocacyTargets.callCampaignId, campaignId),
        eq20(advocacyTargets.id, targetId)
      )
    ).returning({ id: advocacyTargets.id });
    if (updated.length === 0) throw notFound();
    await audit(
      tx,
      actor,
      action,
      { type: "advocacy_target", id: targetId },
      {
        call_campaign_id: campaignId
      }
    );
    return campaign.caseId;
  });
  advocacyChanged({ orgId: actor.orgId, caseId });
  const target = await getTarget(deps.db, actor.orgId, campaignId, targetId);
  if (!target) throw notFound();
  return target;
}

// src/modules/advocacy/advocacy-targets.routes.tsx
import { jsx as jsx17 } from "hono/jsx/jsx-runtime";
var advocacyTargetRoutes = new Hono5();
var ref = (c, campaign) => ({
  id: campaign.id,
  title: campaign.title[c.get("lang")]
});
async function requireTarget(c, campaign) {
  const auth = requireAuth(c);
  const id = requireUuidParam(c, "targetId");
  const target = await getTarget(c.get("deps").db, auth.org.id, campaign.id, id);
  if (!target) throw new AppError("not_found");
  return target;
}
async function newTargetPage(c, campaign, forms, status2 = 200) {
  const auth = requireAuth(c);
  const facilities2 = await searchFacilities(c.get("deps").db, auth.org.id, "");
  return render(
    c,
    /* @__PURE__ */ jsx17(
      NewTargetPage,
      {
        ...view(c),
        campaign: ref(c, campaign),
        facilities: facilities2.map((f) => ({ id: f.id, name: f.name })),
        directoryForm: forms.directory ?? emptyForm(),
        officeForm: forms.office ?? emptyForm()
      }
    ),
    status2
  );
}
advocacyTargetRoutes.get("/advocacy/:id/targets/new", async (c) => {
  requirePermission(requireAuth(c).role, "advocacy.write");
  return newTargetPage(c, await requireCallCampaign(c), {});
});
advocacyTargetRoutes.post("/advocacy/:id/targets", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  const values = await readForm(c);
  const fromDirectory2 = values.source === "facility";
  const again2 = (errors) => newTargetPage(
    c,
    campaign,
    fromDirectory2 ? { directory: { values, errors } } : { office: { values, errors: formErrors(errors) } },
    422
  );
  try {
    if (fromDirectory2) {
      if (!values.facility_id) return again2({ facility_id: "required" });
      await addTarget(c.get("deps"), auth.actor, campaign.id, {
        from: "facility",
        facilityId: values.facility_id
      });
    } else {
      const parsed = parseWith(TargetFieldsSchema, formToTargetInput(values));
      if (!parsed.ok) return again2(parsed.errors);
      await addTarget(c.get("deps"), auth.actor, campaign.id, {
        from: "office",
        fields: parsed.data
      });
    }
  } catch (error) {
    if (error instanceof AppError && error.fields) return again2(error.fields);
    throw error;
  }
  return c.redirect(`/advocacy/${campaign.id}?done=target_added`, 303);
});
advocacyTargetRoutes.get("/advocacy/:id/targets/:targetId/edit", async (c) => {
  requirePermission(requireAuth(c).role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  const target = await requireTarget(c, campaign);
  return render(
    c,
    /* @__PURE__ */ jsx17(
      EditTargetPage,
      {
        ...view(c),
        campaign: ref(c, campaign),
        target,
        form: emptyForm(targetToForm(target))
      }
    )
  );
});
advocacyTargetRoutes.post("/advocacy/:id/targets/:targetId", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  const target = await requireTarget(c, campaign);
  const values = await readForm(c);
  const parsed = parseWith(TargetFieldsSchema, formToTargetInput(values));
  if (!parsed.ok) {
    return render(
      c,
      /* @__PURE__ */ jsx17(
        EditTargetPage,
        {
          ...view(c),
          campaign: ref(c, campaign),
          target,
          form: { values, errors: formErrors(parsed.errors) }
        }
      ),
      422
    );
  }
  await updateTarget(c.get("deps"), auth.actor, campaign.id, target.id, parsed.data);
  return c.redirect(`/advocacy/${campaign.id}?done=target_saved#target-${target.id}`, 303);
});
advocacyTargetRoutes.post("/advocacy/:id/targets/:targetId/refresh", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  const target = await requireTarget(c, campaign);
  await refreshTarget(c.get("deps"), auth.actor, campaign.id, target.id);
  return c.redirect(`/advocacy/${campaign.id}?done=target_refreshed#target-${target.id}`, 303);
});
advocacyTargetRoutes.get("/advocacy/:id/targets/:targetId/delete", async (c) => {
  requirePermission(requireAuth(c).role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  const target = await requireTarget(c, campaign);
  return render(c, /* @__PURE__ */ jsx17(RemoveTargetPage, { ...view(c), campaign: ref(c, campaign), target }));
});
advocacyTargetRoutes.post("/advocacy/:id/targets/:targetId/delete", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "advocacy.write");
  const campaign = await requireCallCampaign(c);
  const target = await requireTarget(c, campaign);
  await removeTarget(c.get("deps"), auth.actor, campaign.id, target.id);
  return c.redirect(`/advocacy/${campaign.id}?done=target_removed`, 303);
});

// src/modules/defense/case-activity.routes.tsx
import { Hono as Hono6 } from "hono";
import { z as z9 } from "zod";

// src/modules/people/search-people.ts
import { and as and17, arrayContains, asc as asc8, eq as eq21, sql as sql10 } from "drizzle-orm";
async function searchPeople(db, actor, query) {
  const conditions = [eq21(people.orgId, actor.orgId)];
  const terms = searchTerms(query.q ?? "");
  for (const term of terms) {
    conditions.push(sql10`${people.searchText} LIKE ${likePattern(term)}`);
  }
  if (query.tag) conditions.push(arrayContains(people.tags, [query.tag]));
  if (query.level) conditions.push(eq21(people.engagementLevel, query.level));
  const where = and17(...conditions);
  const offset = (query.page - 1) * query.perPage;
  let rows;
  let total;
  if (terms.length > 0 || query.tag) {
    const page2 = sql10`(WITH matches AS MATERIALIZED (
        SELECT ${people.id} AS id, ${people.sortName} AS sort_name FROM ${people} WHERE ${where})
      SELECT id, sort_name, (SELECT count(*) FROM matches) AS total FROM matches
      ORDER BY sort_name, id LIMIT ${query.perPage} OFFSET ${offset}) AS page`;
    const found = await db.select({ ...personColumns, total: sql10`page.total`.mapWith(Number) }).from(people).innerJoin(page2, sql10`page.id = ${people.id}`).where(eq21(people.orgId, actor.orgId)).orderBy(sql10`page.sort_name`, sql10`page.id`);
    total = found[0]?.total ?? (query.page > 1 ? await db.$count(people, where) : 0);
    rows = found.map(({ total: _, ...r }) => r);
  } else {
    rows = await listPage(db, where, query.perPage, offset);
    total = await db.$count(people, where);
  }
  return {
    people: await toPeople(db, actor.orgId, rows),
    total,
    page: query.page,
    perPage: query.perPage
  };
}
function listPage(db, where, limit, offset) {
  return db.select(personColumns).from(people).where(where).orderBy(asc8(people.sortName), asc8(people.id)).limit(limit).offset(offset);
}
async function listTags(db, actor) {
  const rows = await db.execute(
    sql10`SELECT DISTINCT unnest(tags) AS tag FROM people WHERE org_id = ${actor.orgId} ORDER BY 1 LIMIT 200`
  );
  return rows.rows.map((r) => r.tag);
}

// src/modules/defense/add-family-contact.ts
import { and as and18, eq as eq22 } from "drizzle-orm";
import { z as z6 } from "zod";
var FamilyContactSchema = z6.object({
  personId: z6.uuid("required"),
  relationship: z6.string("required").trim().min(1, "required").max(CASE_LIMITS.relationship, "too_long")
});
async function addFamilyContact(deps, actor, caseId, input) {
  const [row] = await deps.db.select({ personId: cases.personId }).from(cases).where(and18(eq22(cases.orgId, actor.orgId), eq22(cases.id, caseId)));
  if (!row) throw notFound();
  if (!await getPerson(deps.db, actor.orgId, input.personId)) throw notFound();
  if (row.personId === input.personId) throw invalid({ personId: "invalid_choice" });
  await deps.db.transaction(async (tx) => {
    await tx.insert(caseFamily).values({ orgId: actor.orgId, caseId, ...input }).onConflictDoUpdate({
      target: [caseFamily.caseId, caseFamily.personId],
      set: { relationship: input.relationship }
    });
    await tx.update(cases).set({ lastActivityAt: /* @__PURE__ */ new Date() }).where(and18(eq22(cases.orgId, actor.orgId), eq22(cases.id, caseId)));
    await audit(
      tx,
      actor,
      "case.family_added",
      { type: "case", id: caseId },
      { person_id: input.personId }
    );
  });
}

// src/modules/defense/case-event.ts
import { z as z7 } from "zod";
var HEARING_KINDS = ["master", "individual", "bond", "other"];
var EVENT_LIMITS = { court: 200, outcome: 1e3, note: 5e3 };
var optionalText4 = (max) => z7.string("wrong_type").max(max, "too_long").transform((v) => v.trim() || null).nullable().optional().transform((v) => v ?? null);
var CaseEventInputSchema = z7.object({
  kind: z7.enum(
    [
      "detained",
      "transferred",
      "hearing_scheduled",
      "hearing_held",
      "bond_set",
      "bond_posted",
      "released",
      "removed",
      "note"
    ],
    "invalid_choice"
  ),
  occurredAt: z7.date("invalid_date"),
  facilityId: z7.uuid("invalid_choice").nullable().default(null),
  fromFacilityId: z7.uuid("invalid_choice").nullable().default(null),
  hearingKind: z7.enum(HEARING_KINDS, "invalid_choice").nullable().default(null),
  court: optionalText4(EVENT_LIMITS.court),
  outcome: optionalText4(EVENT_LIMITS.outcome),
  amountCents: z7.number("wrong_type").int("invalid_amount").positive("invalid_amount").nullable().default(null),
  currency: z7.enum(CURRENCIES, "invalid_choice").nullable().default(null),
  note: optionalText4(EVENT_LIMITS.note)
}).superRefine((e, ctx) => {
  const need = (path, ok, message = "required") => {
    if (!ok) ctx.addIssue({ code: "custom", path: [path], message });
  };
  if (e.kind === "transferred") need("facilityId", e.facilityId !== null);
  if (e.kind === "transferred" && e.facilityId && e.facilityId === e.fromFacilityId) {
    need("facilityId", false, "invalid_choice");
  }
  if (e.kind === "bond_set") need("amountCents", e.amountCents !== null);
  if (e.kind === "note") need("note", e.note !== null);
  if (e.amountCents !== null && e.amountCents > maxCents(e.currency ?? "USD")) {
    need("amountCents", false, "invalid_amount");
  }
});
var EVENT_FIELDS = {
  detained: ["facilityId"],
  transferred: ["fromFacilityId", "facilityId"],
  hearing_scheduled: ["hearingKind", "court"],
  hearing_held: ["hearingKind", "court", "outcome"],
  bond_set: ["amount"],
  bond_posted: ["amount"],
  released: [],
  removed: [],
  note: []
};
function onlyKindFields(e) {
  const keep = new Set(EVENT_FIELDS[e.kind]);
  return {
    ...e,
    facilityId: keep.has("facilityId") ? e.facilityId : null,
    fromFacilityId: keep.has("fromFacilityId") ? e.fromFacilityId : null,
    hearingKind: keep.has("hearingKind") ? e.hearingKind : null,
    court: keep.has("court") ? e.court : null,
    outcome: keep.has("outcome") ? e.outcome : null,
    amountCents: keep.has("amount") ? e.amountCents : null,
    currency: keep.has("amount") && e.amountCents !== null ? e.currency ?? "USD" : null
  };
}
var STATUS_FOR_EVENT = {
  detained: "detained",
  transferred: "detained",
  released: "released",
  removed: "removed"
};
var STATUS_EVENT_KINDS = Object.keys(STATUS_FOR_EVENT);
var FACILITY_EVENT_KINDS = ["detained", "transferred"];
function effectOfEvent(state, event, context) {
  const change = {};
  const newest = (latest) => latest === null || event.occurredAt >= latest;
  const status2 = STATUS_FOR_EVENT[event.kind];
  if (status2 && newest(context.latestStatusAt) && status2 !== state.status) change.status = status2;
  if (FACILITY_EVENT_KINDS.includes(event.kind) && event.facilityId && newest(context.latestFacilityAt) && event.facilityId !== state.facilityId) {
    change.facilityId = event.facilityId;
  }
  if (event.kind === "detained" && state.detainedOn === null) change.detainedOn = context.localDate;
  if (event.kind === "bond_set" && event.amountCents !== null) {
    change.bondCents = event.amountCents;
    change.bondCurrency = event.currency ?? "USD";
  }
  return change;
}

// src/modules/defense/case-events.messages.ts
var eventsText = defineMessages("case_events", {
  es: {
    kind_detained: "Detenci\xF3n",
    kind_transferred: "Traslado",
    kind_hearing_scheduled: "Audiencia programada",
    kind_hearing_held: "Audiencia realizada",
    kind_bond_set: "Fianza fijada",
    kind_bond_posted: "Fianza pagada",
    kind_released: "Liberaci\xF3n",
    kind_removed: "Deportaci\xF3n",
    kind_note: "Nota",
    new_title: (kind, name) => `${kind} \xB7 ${name}`,
    date: "Fecha",
    time: "Hora",
    when_hint: "Hora del lugar donde est\xE1 tu organizaci\xF3n.",
    hearing_when_hint: "Fecha y hora de la audiencia, hora del lugar donde est\xE1 tu organizaci\xF3n.",
    facility: "Centro de detenci\xF3n",
    from_facility: "Desde",
    to_facility: "Hacia",
    from_unknown: "No s\xE9 / el actual",
    hearing_kind: "Tipo de audiencia",
    hearing_master: "Audiencia preliminar (master calendar)",
    hearing_individual: "Audiencia individual (de fondo)",
    hearing_bond: "Audiencia de fianza",
    hearing_other: "Otra",
    court: "Corte",
    court_hint: "Corte de inmigraci\xF3n, sala o juez(a).",
    outcome: "Resultado",
    amount: "Monto",
    note: "Nota",
    note_hint: "Visible para quien puede ver el caso. Lo confidencial va en las notas protegidas del caso.",
    submit: "Anotar",
    transfer_line: (from, to) => `De ${from} a ${to}`,
    to_line: (to) => `A ${to}`,
    unknown_facility: "un centro sin registrar",
    delete: "Quitar",
    delete_title: "\xBFQuitar esta anotaci\xF3n de la cronolog\xEDa?",
    delete_body: "Lo que la anotaci\xF3n cambi\xF3 en el caso (situaci\xF3n, centro, fianza) no se deshace: corr\xEDgelo en el caso si hace falta.",
    delete_confirm: "S\xED, quitar"
  },
  en: {
    kind_detained: "Detained",
    kind_transferred: "Transferred",
    kind_hearing_scheduled: "Hearing scheduled",
    kind_hearing_held: "Hearing held",
    kind_bond_set: "Bond set",
    kind_bond_posted: "Bond posted",
    kind_released: "Released",
    kind_removed: "Removed (deported)",
    kind_note: "Note",
    new_title: (kind, name) => `${kind} \xB7 ${name}`,
    date: "Date",
    time: "Time",
    when_hint: "Local time where your organization is.",
    hearing_when_hint: "Date and time of the hearing, local time where your organization is.",
    facility: "Detention facility",
    from_facility: "From",
    to_facility: "To",
    from_unknown: "Don't know / the current one",
    hearing_kind: "Kind of hearing",
    hearing_master: "Master calendar hearing",
    hearing_individual: "Individual (merits) hearing",
    hearing_bond: "Bond hearing",
    hearing_other: "Other",
    court: "Court",
    court_hint: "Immigration court, courtroom or judge.",
    outcome: "Outcome",
    amount: "Amount",
    note: "Note",
    note_hint: "Visible to everyone who can see the case. Confidential things go in the case's protected notes.",
    submit: "Record",
    transfer_line: (from, to) => `From ${from} to ${to}`,
    to_line: (to) => `To ${to}`,
    unknown_facility: "an unlisted facility",
    delete: "Remove",
    delete_title: "Remove this entry from the timeline?",
    delete_body: "What the entry changed on the case (status, facility, bond) stays: fix the case itself if needed.",
    delete_confirm: "Yes, remove"
  }
});

// src/modules/defense/case-form.ts
var currencyOf = (value) => value && isCurrency(value) ? value : "USD";
function amountFrom(text10, currency2) {
  if (!text10?.trim()) return { cents: null };
  const parsed = parseAmount(text10, currency2);
  return parsed.ok ? { cents: parsed.cents } : { error: "invalid_amount" };
}
function formToCaseInput(values, options) {
  const errors = {};
  const currency2 = currencyOf(values.bond_currency);
  const bond = amountFrom(values.bond_amount, currency2);
  if ("error" in bond && bond.error) errors.bond_amount = bond.error;
  return {
    errors,
    input: {
      personId: values.person_id ?? "",
      status: values.status || "open",
      facilityId: values.facility_id || null,
      detainedOn: values.detained_on ?? "",
      lawyerName: values.lawyer_name ?? "",
      lawyerContact: values.lawyer_contact ?? "",
      bondCents: "cents" in bond ? bond.cents : null,
      bondCurrency: currency2,
      needs: values.needs ?? "",
      public: values.public === "on",
      publicStoryEs: values.public_story_es ?? "",
      publicStoryEn: values.public_story_en ?? "",
      ...options.withSensitive ? {
        aNumber: values.a_number ?? "",
        birthdate: values.birthdate ?? "",
        notes: values.notes ?? ""
      } : {}
    }
  };
}
var CASE_FORM_NAMES = {
  personId: "person_id",
  facilityId: "facility_id",
  detainedOn: "detained_on",
  lawyerName: "lawyer_name",
  lawyerContact: "lawyer_contact",
  bondCents: "bond_amount",
  bondCurrency: "bond_currency",
  publicStoryEs: "public_story_es",
  publicStoryEn: "public_story_en",
  aNumber: "a_number"
};
var EVENT_FORM_NAMES = {
  occurredAt: "date",
  facilityId: "facility_id",
  fromFacilityId: "from_facility_id",
  hearingKind: "hearing_kind",
  amountCents: "amount"
};
function rename(errors, names) {
  const out = {};
  for (const [path, key2] of Object.entries(errors)) {
    const head = path.split(".")[0] ?? "";
    out[names[head] ?? head] ??= key2;
  }
  return out;
}
var caseErrorsForForm = (e) => rename(e, CASE_FORM_NAMES);
var eventErrorsForForm = (e) => rename(e, EVENT_FORM_NAMES);
function caseToForm(c, sensitive) {
  return {
    person_id: c.personId,
    status: c.status,
    facility_id: c.facility?.id ?? "",
    detained_on: c.detainedOn ?? "",
    lawyer_name: c.lawyerName ?? "",
    lawyer_contact: c.lawyerContact ?? "",
    bond_amount: c.bondCents === null ? "" : formatMoney(c.bondCents, c.bondCurrency, "en").replace(/[^\d.,]/g, ""),
    bond_currency: c.bondCurrency,
    needs: c.needs ?? "",
    public: c.public ? "on" : "",
    public_story_es: c.publicStory.es ?? "",
    public_story_en: c.publicStory.en ?? "",
    a_number: sensitive?.aNumber ?? "",
    birthdate: sensitive?.birthdate ?? "",
    notes: sensitive?.notes ?? ""
  };
}
function formToEventInput(values, kind, timeZone) {
  const errors = {};
  const occurredAt = zonedToInstant(values.date ?? "", values.time || "12:00", timeZone);
  if (!occurredAt) errors.date = values.date ? "invalid_date" : "required";
  const currency2 = currencyOf(values.currency);
  const amount = amountFrom(values.amount, currency2);
  if ("error" in amount && amount.error) errors.amount = amount.error;
  return {
    errors,
    input: {
      kind,
      // A stand-in when the date is bad, so the other fields are still checked.
      occurredAt: occurredAt ?? /* @__PURE__ */ new Date(0),
      facilityId: values.facility_id || null,
      fromFacilityId: values.from_facility_id || null,
      hearingKind: values.hearing_kind || null,
      court: values.court ?? "",
      outcome: values.outcome ?? "",
      amountCents: "cents" in amount ? amount.cents : null,
      currency: currency2,
      note: values.note ?? ""
    }
  };
}
function eventFormDefaults(kind, timeZone, now = /* @__PURE__ */ new Date()) {
  if (kind === "hearing_scheduled") return { date: "", time: "09:00", currency: "USD" };
  const { date: date4, time } = instantToZoned(now, timeZone);
  return { date: date4, time, currency: "USD" };
}
var CURRENCY_OPTIONS = CURRENCIES.map((c) => ({ value: c, label: c }));

// src/modules/defense/defense.messages.ts
var casesText = defineMessages("cases", {
  es: {
    title: "Casos de defensa",
    lede: "Cada persona detenida, su audiencia pr\xF3xima y lo que necesita su familia.",
    open_case: "Abrir un caso",
    open_defense_case: "Abrir un caso de defensa",
    open_case_for: (name) => `Abrir un caso para ${name}`,
    stat_active: "Casos abiertos",
    stat_hearings: "Audiencias en 14 d\xEDas",
    stat_stale: "Sin novedades en 30 d\xEDas",
    hearings_title: "Audiencias en los pr\xF3ximos 14 d\xEDas",
    hearings_none: "No hay audiencias programadas en los pr\xF3ximos 14 d\xEDas.",
    stale_title: "Casos sin novedades en 30 d\xEDas",
    stale_hint: "Llama a la familia o a la abogada y anota lo que sepas.",
    search_label: "Buscar por nombre, tel\xE9fono o abogada/o",
    search_placeholder: "Ej.: maria, 555 01",
    filter_label: "Mostrar",
    filter_active: "Todos menos cerrados",
    filter_all: "Todos",
    found: (n) => `${n} casos`,
    found_one: "1 caso",
    empty_title: "Todav\xEDa no hay casos",
    empty_body: "Cuando detengan a alguien del grupo, abre un caso desde su p\xE1gina o con el bot\xF3n de arriba.",
    no_results: "Ning\xFAn caso coincide con esa b\xFAsqueda.",
    no_results_hint: "Prueba con menos palabras o sin acentos.",
    clear_search: "Borrar la b\xFAsqueda",
    status: "Situaci\xF3n",
    status_open: "Abierto",
    status_detained: "En detenci\xF3n",
    status_released: "En libertad",
    status_removed: "Deportaci\xF3n",
    status_closed: "Cerrado",
    person: "Persona",
    facility: "Centro de detenci\xF3n",
    facility_none: "Sin centro",
    facility_add_hint: "\xBFNo est\xE1 en la lista?",
    facility_add: "Agr\xE9galo al directorio",
    detained_on: "Fecha de la detenci\xF3n",
    lawyer: "Abogada/o",
    lawyer_name: "Nombre de la abogada o abogado",
    lawyer_contact: "Contacto de la abogada o abogado",
    lawyer_contact_hint: "Tel\xE9fono, correo o despacho.",
    bond: "Fianza",
    bond_amount: "Monto de la fianza",
    bond_amount_hint: "D\xE9jalo vac\xEDo si todav\xEDa no la fijan.",
    currency: "Moneda",
    next_hearing: "Pr\xF3xima audiencia",
    next_hearing_none: "Ninguna programada",
    needs: "Necesidades de la familia",
    needs_hint: "Renta, despensa, cuidado de ni\xF1as y ni\xF1os, transporte a las visitas\u2026",
    last_update: (date4) => `\xDAltima novedad: ${date4}`,
    details: "Datos del caso",
    family: "Familia",
    family_none: "Nadie vinculado todav\xEDa.",
    family_add: "Vincular a un familiar",
    family_add_title: (name) => `Vincular un familiar al caso de ${name}`,
    family_search: "Busca a la persona (debe estar en Personas)",
    relationship: "Parentesco",
    relationship_hint: "Ej.: hija, esposo, hermana, vecina.",
    family_link: "Vincular",
    family_remove: "Quitar",
    family_remove_title: (name) => `\xBFQuitar a ${name} de la familia del caso?`,
    family_remove_body: "La persona sigue en Personas; solo se quita el v\xEDnculo con este caso.",
    family_remove_confirm: "S\xED, quitar",
    family_no_match: "Nadie coincide. Agr\xE9gala primero en Personas.",
    add_person: "Agregar persona",
    team: "Equipo del caso",
    team_hint: "Solo el equipo del caso y las due\xF1as o due\xF1os de la organizaci\xF3n ven el n\xFAmero A, la fecha de nacimiento y las notas.",
    team_none: "Nadie todav\xEDa.",
    team_edit: "Cambiar el equipo",
    team_edit_title: (name) => `Equipo del caso de ${name}`,
    team_saved: "Equipo actualizado.",
    sensitive_title: "Datos protegidos (cifrados)",
    sensitive_hint: "Opcionales. Se guardan cifrados y cada vez que alguien los consulta queda registrado.",
    a_number: "N\xFAmero A (A-number)",
    a_number_hint: "8 o 9 d\xEDgitos, como aparece en los papeles: A-012-345-678.",
    birthdate: "Fecha de nacimiento",
    notes: "Notas del caso",
    notes_hint: "Lo que solo debe saber el equipo del caso.",
    sensitive_saved: "Guardado y cifrado",
    sensitive_empty: "No registrado",
    show_sensitive: "Mostrar datos protegidos",
    sensitive_logged: "Consultaste estos datos; qued\xF3 registrado en la bit\xE1cora.",
    sensitive_no_access: "Solo el equipo del caso y las due\xF1as o due\xF1os de la organizaci\xF3n pueden verlos.",
    public_title: "P\xE1gina p\xFAblica",
    public_flag: "Mostrar este caso en la p\xE1gina p\xFAblica de la campa\xF1a",
    public_hint: "La p\xE1gina p\xFAblica nunca muestra el n\xFAmero A, los traslados ni las notas: solo la historia que escribas aqu\xED.",
    public_yes: "Se muestra en p\xFAblico",
    public_no: "No es p\xFAblico",
    public_story_es: "Historia p\xFAblica en espa\xF1ol",
    public_story_en: "Historia p\xFAblica en ingl\xE9s",
    story_missing: "Falta escribirla",
    timeline: "Cronolog\xEDa",
    timeline_empty: "Todav\xEDa no hay nada anotado. Empieza por la detenci\xF3n.",
    record: "Anotar en la cronolog\xEDa",
    recorded_by: (name, date4) => `Anotado por ${name} el ${date4}`,
    recorded_on: (date4) => `Anotado el ${date4}`,
    new_title: "Abrir un caso",
    choose_person: "\xBFPara qui\xE9n es el caso?",
    choose_person_hint: "Busca a la persona en tu base. Si no est\xE1, agr\xE9gala primero (basta un seud\xF3nimo).",
    choose: "Elegir",
    create_submit: "Abrir el caso",
    edit: "Editar el caso",
    edit_title: (name) => `Editar el caso de ${name}`,
    case_of: (name) => `Caso de ${name}`,
    created: "Caso abierto.",
    saved: "Cambios guardados.",
    event_saved: "Anotado en la cronolog\xEDa.",
    event_saved_status: (status2) => `Anotado. La situaci\xF3n del caso ahora es: ${status2}.`,
    event_deleted: "Se quit\xF3 de la cronolog\xEDa.",
    family_saved: "Familiar vinculado.",
    family_removed: "Se quit\xF3 el v\xEDnculo.",
    none: "\u2014"
  },
  en: {
    title: "Defense cases",
    lede: "Everyone detained, their next hearing, and what their family needs.",
    open_case: "Open a case",
    open_defense_case: "Open a defense case",
    open_case_for: (name) => `Open a case for ${name}`,
    stat_active: "Open cases",
    stat_hearings: "Hearings in 14 days",
    stat_stale: "No update in 30 days",
    hearings_title: "Hearings in the next 14 days",
    hearings_none: "No hearings scheduled in the next 14 days.",
    stale_title: "Cases with no update in 30 days",
    stale_hint: "Call the family or the lawyer and write down what you learn.",
    search_label: "Search by name, phone or lawyer",
    search_placeholder: "E.g. maria, 555 01",
    filter_label: "Show",
    filter_active: "All but closed",
    filter_all: "All",
    found: (n) => `${n} cases`,
    found_one: "1 case",
    empty_title: "No cases yet",
    empty_body: "When someone in your group is detained, open a case from their page or with the button above.",
    no_results: "No case matches that search.",
    no_results_hint: "Try fewer words.",
    clear_search: "Clear the search",
    status: "Status",
    status_open: "Open",
    status_detained: "Detained",
    status_released: "Released",
    status_removed: "Removed (deported)",
    status_closed: "Closed",
    person: "Person",
    facility: "Detention facility",
    facility_none: "No facility",
    facility_add_hint: "Not in the list?",
    facility_add: "Add it to the directory",
    detained_on: "Date detained",
    lawyer: "Lawyer",
    lawyer_name: "Lawyer's name",
    lawyer_contact: "Lawyer's contact",
    lawyer_contact_hint: "Phone, email or office.",
    bond: "Bond",
    bond_amount: "Bond amount",
    bond_amount_hint: "Leave it empty if no bond has been set yet.",
    currency: "Currency",
    next_hearing: "Next hearing",
    next_hearing_none: "None scheduled",
    needs: "Family's needs",
    needs_hint: "Rent, groceries, childcare, rides to visits\u2026",
    last_update: (date4) => `Last update: ${date4}`,
    details: "Case details",
    family: "Family",
    family_none: "No one linked yet.",
    family_add: "Link a family member",
    family_add_title: (name) => `Link a family member to ${name}'s case`,
    family_search: "Find the person (they must be in People)",
    relationship: "Relationship",
    relationship_hint: "E.g. daughter, husband, sister, neighbor.",
    family_link: "Link",
    family_remove: "Remove",
    family_remove_title: (name) => `Remove ${name} from the case's family?`,
    family_remove_body: "The person stays in People; only the link to this case is removed.",
    family_remove_confirm: "Yes, remove",
    family_no_match: "No one matches. Add them in People first.",
    add_person: "Add person",
    team: "Case team",
    team_hint: "Only the case team and the organization's owners see the A-number, date of birth and notes.",
    team_none: "No one yet.",
    team_edit: "Change the team",
    team_edit_title: (name) => `Team for ${name}'s case`,
    team_saved: "Team updated.",
    sensitive_title: "Protected details (encrypted)",
    sensitive_hint: "Optional. Stored encrypted, and every time someone views them it is logged.",
    a_number: "A-number",
    a_number_hint: "8 or 9 digits, as printed on the papers: A-012-345-678.",
    birthdate: "Date of birth",
    notes: "Case notes",
    notes_hint: "What only the case team should know.",
    sensitive_saved: "Saved and encrypted",
    sensitive_empty: "Not recorded",
    show_sensitive: "Show protected details",
    sensitive_logged: "You viewed these details; it was logged.",
    sensitive_no_access: "Only the case team and the organization's owners can see them.",
    public_title: "Public page",
    public_flag: "Show this case on the campaign's public page",
    public_hint: "The public page never shows the A-number, transfers or notes: only the story you write here.",
    public_yes: "Shown in public",
    public_no: "Not public",
    public_story_es: "Public story in Spanish",
    public_story_en: "Public story in English",
    story_missing: "Not written yet",
    timeline: "Timeline",
    timeline_empty: "Nothing recorded yet. Start with the detention.",
    record: "Record on the timeline",
    recorded_by: (name, date4) => `Recorded by ${name} on ${date4}`,
    recorded_on: (date4) => `Recorded on ${date4}`,
    new_title: "Open a case",
    choose_person: "Who is the case for?",
    choose_person_hint: "Find the person in your database. If they're not there, add them first (a pseudonym is enough).",
    choose: "Choose",
    create_submit: "Open the case",
    edit: "Edit the case",
    edit_title: (name) => `Edit ${name}'s case`,
    case_of: (name) => `${name}'s case`,
    created: "Case opened.",
    saved: "Changes saved.",
    event_saved: "Recorded on the timeline.",
    event_saved_status: (status2) => `Recorded. The case's status is now: ${status2}.`,
    event_deleted: "Removed from the timeline.",
    family_saved: "Family member linked.",
    family_removed: "Link removed.",
    none: "\u2014"
  }
});

// src/modules/defense/case-ui.tsx
import { jsx as jsx18, jsxs as jsxs14 } from "hono/jsx/jsx-runtime";
function StatusBadge(props) {
  return /* @__PURE__ */ jsx18("span", { class: `badge case-${props.status}`, children: casesText[props.lang][`status_${props.status}`] });
}
function hearingKindLabel(kind, lang) {
  const t = eventsText[lang];
  switch (kind) {
    case "master":
      return t.hearing_master;
    case "individual":
      return t.hearing_individual;
    case "bond":
      return t.hearing_bond;
    case "other":
      return t.hearing_other;
    default:
      return null;
  }
}
function hearingLine(h, lang, timeZone) {
  return [formatDateTime(h.at, lang, timeZone), hearingKindLabel(h.hearingKind, lang), h.court].filter(Boolean).join(" \xB7 ");
}
function CaseList(props) {
  const t = casesText[props.lang];
  return /* @__PURE__ */ jsx18("ul", { class: "list", children: props.items.map((c) => /* @__PURE__ */ jsxs14("li", { class: "list-item", children: [
    /* @__PURE__ */ jsx18("a", { class: "title", href: `/cases/${c.id}`, children: c.personDisplayName }),
    /* @__PURE__ */ jsx18(StatusBadge, { status: c.status, lang: props.lang }),
    /* @__PURE__ */ jsx18("span", { class: "meta", children: [
      c.facilityName,
      c.nextHearingAt ? `${t.next_hearing}: ${formatDate(c.nextHearingAt, props.lang, props.timeZone)}` : "",
      t.last_update(formatDate(c.lastActivityAt, props.lang, props.timeZone))
    ].filter(Boolean).join(" \xB7 ") })
  ] })) });
}
function HearingList(props) {
  return /* @__PURE__ */ jsx18("ul", { class: "list", children: props.items.map((h) => /* @__PURE__ */ jsxs14("li", { class: "list-item", children: [
    /* @__PURE__ */ jsx18("a", { class: "title", href: `/cases/${h.caseId}`, children: h.personDisplayName }),
    /* @__PURE__ */ jsx18("span", { class: "meta", children: hearingLine(h, props.lang, props.timeZone) })
  ] })) });
}
function eventDetail(e, lang) {
  const t = eventsText[lang];
  const place = (f) => f?.name ? f.name : t.unknown_facility;
  const lines = [];
  if (e.kind === "transferred") {
    lines.push(
      e.fromFacility ? t.transfer_line(place(e.fromFacility), place(e.facility)) : t.to_line(place(e.facility))
    );
  } else if (e.facility) {
    lines.push(e.facility.name);
  }
  const kind = hearingKindLabel(e.hearingKind, lang);
  if (kind) lines.push(kind);
  if (e.court) lines.push(`${t.court}: ${e.court}`);
  if (e.outcome) lines.push(`${t.outcome}: ${e.outcome}`);
  if (e.amountCents !== null && e.currency)
    lines.push(formatMoney(e.amountCents, e.currency, lang));
  return lines;
}

// src/modules/defense/case-event-form.page.tsx
import { jsx as jsx19, jsxs as jsxs15 } from "hono/jsx/jsx-runtime";
function CaseEventFormPage(props) {
  const t = eventsText[props.lang];
  const { form, lang, kind } = props;
  const fields = new Set(EVENT_FIELDS[kind]);
  const title2 = t.new_title(t[`kind_${kind}`], props.kase.personDisplayName);
  const facilityOptions3 = props.facilities.map((f) => ({ value: f.id, label: f.name }));
  return /* @__PURE__ */ jsx19(Page, { ...props, title: title2, section: "cases", children: /* @__PURE__ */ jsxs15("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx19("p", { children: /* @__PURE__ */ jsxs15("a", { href: `/cases/${props.kase.id}`, children: [
      "\u2190 ",
      casesText[lang].case_of(props.kase.personDisplayName)
    ] }) }),
    /* @__PURE__ */ jsx19("h1", { children: title2 }),
    /* @__PURE__ */ jsx19(FormAlert, { form, lang }),
    /* @__PURE__ */ jsxs15("form", { method: "post", action: `/cases/${props.kase.id}/events`, novalidate: true, children: [
      /* @__PURE__ */ jsx19(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsx19("input", { type: "hidden", name: "kind", value: kind }),
      /* @__PURE__ */ jsxs15("div", { class: "panel", children: [
        /* @__PURE__ */ jsx19("p", { class: "hint", children: kind === "hearing_scheduled" ? t.hearing_when_hint : t.when_hint }),
        /* @__PURE__ */ jsxs15("div", { class: "grid-2", children: [
          /* @__PURE__ */ jsx19(Field, { name: "date", type: "date", label: t.date, form, lang, required: true }),
          /* @__PURE__ */ jsx19(Field, { name: "time", type: "time", label: t.time, form, lang })
        ] }),
        fields.has("fromFacilityId") && /* @__PURE__ */ jsx19(
          Select,
          {
            name: "from_facility_id",
            label: t.from_facility,
            form,
            lang,
            options: [{ value: "", label: t.from_unknown }, ...facilityOptions3]
          }
        ),
        fields.has("facilityId") && /* @__PURE__ */ jsx19(
          Select,
          {
            name: "facility_id",
            label: kind === "transferred" ? t.to_facility : t.facility,
            form,
            lang,
            options: [{ value: "", label: casesText[lang].facility_none }, ...facilityOptions3]
          }
        ),
        fields.has("facilityId") && /* @__PURE__ */ jsxs15("p", { class: "hint", children: [
          casesText[lang].facility_add_hint,
          " ",
          /* @__PURE__ */ jsx19("a", { href: "/facilities/new", children: casesText[lang].facility_add })
        ] }),
        fields.has("hearingKind") && /* @__PURE__ */ jsx19(
          Select,
          {
            name: "hearing_kind",
            label: t.hearing_kind,
            form,
            lang,
            options: HEARING_KINDS.map((h) => ({
              value: h,
              label: hearingKindLabel(h, lang) ?? h
            }))
          }
        ),
        fields.has("court") && /* @__PURE__ */ jsx19(
          Field,
          {
            name: "court",
            label: t.court,
            hint: t.court_hint,
            form,
            lang,
            maxlength: EVENT_LIMITS.court
          }
        ),
        fields.has("outcome") && /* @__PURE__ */ jsx19(
          TextArea,
          {
            name: "outcome",
            label: t.outcome,
            form,
            lang,
            maxlength: EVENT_LIMITS.outcome
          }
        ),
        fields.has("amount") && /* @__PURE__ */ jsxs15("div", { class: "grid-2", children: [
          /* @__PURE__ */ jsx19(
            Field,
            {
              name: "amount",
              label: t.amount,
              form,
              lang,
              required: kind === "bond_set",
              inputmode: "numeric",
              autocomplete: "off"
            }
          ),
          /* @__PURE__ */ jsx19(
            Select,
            {
              name: "currency",
              label: casesText[lang].currency,
              form,
              lang,
              options: CURRENCY_OPTIONS
            }
          )
        ] }),
        /* @__PURE__ */ jsx19(
          TextArea,
          {
            name: "note",
            label: t.note,
            hint: t.note_hint,
            form,
            lang,
            required: kind === "note",
            maxlength: EVENT_LIMITS.note
          }
        )
      ] }),
      /* @__PURE__ */ jsxs15(Actions, { children: [
        /* @__PURE__ */ jsx19("button", { type: "submit", class: "primary", children: t.submit }),
        /* @__PURE__ */ jsx19("a", { href: `/cases/${props.kase.id}`, children: common[lang].cancel })
      ] })
    ] })
  ] }) });
}

// src/modules/defense/case-form.page.tsx
import { jsx as jsx20, jsxs as jsxs16 } from "hono/jsx/jsx-runtime";
function CaseFormPage(props) {
  const t = casesText[props.lang];
  const { form, lang } = props;
  const title2 = props.caseId ? t.edit_title(props.person.displayName) : t.open_case_for(props.person.displayName);
  const back = props.caseId ? `/cases/${props.caseId}` : `/people/${props.person.id}`;
  return /* @__PURE__ */ jsx20(Page, { ...props, title: title2, section: "cases", children: /* @__PURE__ */ jsxs16("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx20("h1", { children: title2 }),
    /* @__PURE__ */ jsx20(FormAlert, { form, lang }),
    /* @__PURE__ */ jsxs16("form", { method: "post", action: props.caseId ? `/cases/${props.caseId}` : "/cases", novalidate: true, children: [
      /* @__PURE__ */ jsx20(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsx20("input", { type: "hidden", name: "person_id", value: props.person.id }),
      /* @__PURE__ */ jsxs16("div", { class: "panel", children: [
        /* @__PURE__ */ jsx20(
          Select,
          {
            name: "status",
            label: t.status,
            form,
            lang,
            options: CASE_STATUSES.map((s) => ({ value: s, label: t[`status_${s}`] }))
          }
        ),
        /* @__PURE__ */ jsx20(
          Select,
          {
            name: "facility_id",
            label: t.facility,
            form,
            lang,
            options: [
              { value: "", label: t.facility_none },
              ...props.facilities.map((f) => ({ value: f.id, label: f.name }))
            ]
          }
        ),
        /* @__PURE__ */ jsxs16("p", { class: "hint", children: [
          t.facility_add_hint,
          " ",
          /* @__PURE__ */ jsx20("a", { href: "/facilities/new", children: t.facility_add })
        ] }),
        /* @__PURE__ */ jsx20(Field, { name: "detained_on", type: "date", label: t.detained_on, form, lang })
      ] }),
      /* @__PURE__ */ jsxs16("div", { class: "panel", children: [
        /* @__PURE__ */ jsx20("h2", { class: "panel-title", children: t.lawyer }),
        /* @__PURE__ */ jsx20(
          Field,
          {
            name: "lawyer_name",
            label: t.lawyer_name,
            form,
            lang,
            maxlength: CASE_LIMITS.name,
            autocomplete: "off"
          }
        ),
        /* @__PURE__ */ jsx20(
          Field,
          {
            name: "lawyer_contact",
            label: t.lawyer_contact,
            hint: t.lawyer_contact_hint,
            form,
            lang,
            maxlength: CASE_LIMITS.contact,
            autocomplete: "off"
          }
        ),
        /* @__PURE__ */ jsxs16("div", { class: "grid-2", children: [
          /* @__PURE__ */ jsx20(
            Field,
            {
              name: "bond_amount",
              label: t.bond_amount,
              hint: t.bond_amount_hint,
              form,
              lang,
              inputmode: "numeric",
              autocomplete: "off"
            }
          ),
          /* @__PURE__ */ jsx20(
            Select,
            {
              name: "bond_currency",
              label: t.currency,
              form,
              lang,
              options: CURRENCY_OPTIONS
            }
          )
        ] }),
        /* @__PURE__ */ jsx20(
          TextArea,
          {
            name: "needs",
            label: t.needs,
            hint: t.needs_hint,
            form,
            lang,
            maxlength: CASE_LIMITS.needs
          }
        )
      ] }),
      props.withSensitive && /* @__PURE__ */ jsxs16("div", { class: "panel sensitive", children: [
        /* @__PURE__ */ jsx20("h2", { class: "panel-title", children: t.sensitive_title }),
        /* @__PURE__ */ jsx20("p", { class: "hint", children: t.sensitive_hint }),
        /* @__PURE__ */ jsx20(
          Field,
          {
            name: "a_number",
            label: t.a_number,
            hint: t.a_number_hint,
            form,
            lang,
            maxlength: 40,
            autocomplete: "off"
          }
        ),
        /* @__PURE__ */ jsx20(
          Field,
          {
            name: "birthdate",
            type: "date",
            label: t.birthdate,
            form,
            lang,
            autocomplete: "off"
          }
        ),
        /* @__PURE__ */ jsx20(
          TextArea,
          {
            name: "notes",
            label: t.notes,
            hint: t.notes_hint,
            form,
            lang,
            maxlength: CASE_LIMITS.notes
          }
        )
      ] }),
      /* @__PURE__ */ jsxs16("div", { class: "panel", children: [
        /* @__PURE__ */ jsx20("h2", { class: "panel-title", children: t.public_title }),
        /* @__PURE__ */ jsx20("p", { class: "hint", children: t.public_hint }),
        /* @__PURE__ */ jsx20(Checkbox, { name: "public", label: t.public_flag, form }),
        /* @__PURE__ */ jsx20(
          TextArea,
          {
            name: "public_story_es",
            label: t.public_story_es,
            form,
            lang,
            maxlength: CASE_LIMITS.story
          }
        ),
        /* @__PURE__ */ jsx20(
          TextArea,
          {
            name: "public_story_en",
            label: t.public_story_en,
            form,
            lang,
            maxlength: CASE_LIMITS.story
          }
        )
      ] }),
      /* @__PURE__ */ jsxs16(Actions, { children: [
        /* @__PURE__ */ jsx20("button", { type: "submit", class: "primary", children: props.caseId ? common[lang].save : t.create_submit }),
        /* @__PURE__ */ jsx20("a", { href: back, children: common[lang].cancel })
      ] })
    ] })
  ] }) });
}
function ChoosePersonPage(props) {
  const t = casesText[props.lang];
  return /* @__PURE__ */ jsx20(Page, { ...props, title: t.new_title, section: "cases", children: /* @__PURE__ */ jsxs16("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx20("h1", { children: t.choose_person }),
    /* @__PURE__ */ jsx20("p", { class: "hint", children: t.choose_person_hint }),
    /* @__PURE__ */ jsx20(
      PersonSearch,
      {
        action: "/cases/new",
        q: props.q,
        label: t.search_label,
        button: common[props.lang].search
      }
    ),
    props.q !== "" && props.people.length === 0 && /* @__PURE__ */ jsxs16("div", { class: "empty", children: [
      /* @__PURE__ */ jsx20("p", { children: t.family_no_match }),
      props.canAddPeople && /* @__PURE__ */ jsx20("a", { class: "button", href: "/people/new", children: t.add_person })
    ] }),
    props.people.length > 0 && /* @__PURE__ */ jsx20("ul", { class: "list", children: props.people.map((p) => /* @__PURE__ */ jsxs16("li", { class: "list-item", children: [
      /* @__PURE__ */ jsx20("a", { class: "title", href: `/cases/new?person=${p.id}`, children: p.displayName }),
      /* @__PURE__ */ jsx20("span", { class: "meta", children: t.choose })
    ] })) })
  ] }) });
}
function PersonSearch(props) {
  return /* @__PURE__ */ jsx20("search", { children: /* @__PURE__ */ jsxs16("form", { method: "get", action: props.action, class: "searchbar", children: [
    /* @__PURE__ */ jsxs16("div", { class: "field", children: [
      /* @__PURE__ */ jsx20("label", { for: "f-q", children: props.label }),
      /* @__PURE__ */ jsx20(
        "input",
        {
          id: "f-q",
          name: "q",
          type: "search",
          value: props.q,
          maxlength: 200,
          autocomplete: "off"
        }
      )
    ] }),
    /* @__PURE__ */ jsx20("button", { type: "submit", class: "secondary", children: props.button })
  ] }) });
}

// src/modules/defense/case-extras.pages.tsx
import { jsx as jsx21, jsxs as jsxs17 } from "hono/jsx/jsx-runtime";
function AddFamilyPage(props) {
  const t = casesText[props.lang];
  const { lang, kase } = props;
  const title2 = t.family_add_title(kase.personDisplayName);
  return /* @__PURE__ */ jsx21(Page, { ...props, title: title2, section: "cases", children: /* @__PURE__ */ jsxs17("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx21("p", { children: /* @__PURE__ */ jsxs17("a", { href: `/cases/${kase.id}`, children: [
      "\u2190 ",
      t.case_of(kase.personDisplayName)
    ] }) }),
    /* @__PURE__ */ jsx21("h1", { children: title2 }),
    /* @__PURE__ */ jsx21(FormAlert, { form: props.form, lang }),
    /* @__PURE__ */ jsx21(
      PersonSearch,
      {
        action: `/cases/${kase.id}/family/new`,
        q: props.q,
        label: t.family_search,
        button: common[lang].search
      }
    ),
    props.q !== "" && props.people.length === 0 && /* @__PURE__ */ jsxs17("div", { class: "empty", children: [
      /* @__PURE__ */ jsx21("p", { children: t.family_no_match }),
      /* @__PURE__ */ jsx21("a", { class: "button", href: "/people/new", children: t.add_person })
    ] }),
    /* @__PURE__ */ jsx21("ul", { class: "list", children: props.people.map((p, i) => /* @__PURE__ */ jsx21("li", { class: "list-item", children: /* @__PURE__ */ jsxs17("form", { method: "post", action: `/cases/${kase.id}/family`, children: [
      /* @__PURE__ */ jsx21(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsx21("input", { type: "hidden", name: "person_id", value: p.id }),
      /* @__PURE__ */ jsx21("strong", { class: "family-candidate", children: p.displayName }),
      /* @__PURE__ */ jsx21(
        RelationshipField,
        {
          lang,
          index: i,
          name: p.displayName,
          form: props.form,
          personId: p.id
        }
      ),
      /* @__PURE__ */ jsxs17("button", { type: "submit", class: "secondary", children: [
        t.family_link,
        /* @__PURE__ */ jsxs17("span", { class: "visually-hidden", children: [
          " ",
          p.displayName
        ] })
      ] })
    ] }) })) })
  ] }) });
}
function RelationshipField(props) {
  const t = casesText[props.lang];
  const mine = props.form.values.person_id === props.personId;
  const id = `f-relationship-${props.index}`;
  const error = mine ? props.form.errors.relationship : void 0;
  return /* @__PURE__ */ jsxs17("div", { class: `field ${error ? "has-error" : ""}`, children: [
    /* @__PURE__ */ jsxs17("label", { for: id, children: [
      t.relationship,
      /* @__PURE__ */ jsxs17("span", { class: "visually-hidden", children: [
        " (",
        props.name,
        ")"
      ] })
    ] }),
    /* @__PURE__ */ jsx21("p", { class: "hint", id: `${id}-hint`, children: t.relationship_hint }),
    error && /* @__PURE__ */ jsx21("p", { class: "error", id: `${id}-error`, children: common[props.lang][`field_${error}`] }),
    /* @__PURE__ */ jsx21(
      "input",
      {
        id,
        name: "relationship",
        type: "text",
        value: mine ? props.form.values.relationship ?? "" : "",
        maxlength: CASE_LIMITS.relationship,
        autocomplete: "off",
        "aria-invalid": error ? "true" : void 0,
        "aria-describedby": `${id}-hint${error ? ` ${id}-error` : ""}`
      }
    )
  ] });
}
function CaseTeamPage(props) {
  const t = casesText[props.lang];
  const c = common[props.lang];
  const { kase } = props;
  const title2 = t.team_edit_title(kase.personDisplayName);
  return /* @__PURE__ */ jsx21(Page, { ...props, title: title2, section: "cases", children: /* @__PURE__ */ jsxs17("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx21("h1", { children: title2 }),
    /* @__PURE__ */ jsx21("p", { class: "hint", children: t.team_hint }),
    /* @__PURE__ */ jsxs17("form", { method: "post", action: `/cases/${kase.id}/team`, children: [
      /* @__PURE__ */ jsx21(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsxs17("fieldset", { class: "panel", children: [
        /* @__PURE__ */ jsx21("legend", { children: t.team }),
        props.candidates.map((u) => /* @__PURE__ */ jsxs17("div", { class: "check", children: [
          /* @__PURE__ */ jsx21(
            "input",
            {
              type: "checkbox",
              id: `f-user-${u.userId}`,
              name: "user_id",
              value: u.userId,
              checked: props.selected.includes(u.userId)
            }
          ),
          /* @__PURE__ */ jsxs17("label", { for: `f-user-${u.userId}`, children: [
            u.name,
            " ",
            /* @__PURE__ */ jsxs17("span", { class: "muted", children: [
              "(",
              c[`role_${u.role}`],
              ")"
            ] })
          ] })
        ] }))
      ] }),
      /* @__PURE__ */ jsxs17(Actions, { children: [
        /* @__PURE__ */ jsx21("button", { type: "submit", class: "primary", children: c.save }),
        /* @__PURE__ */ jsx21("a", { href: `/cases/${kase.id}`, children: c.cancel })
      ] })
    ] })
  ] }) });
}
function ConfirmPage(props) {
  return /* @__PURE__ */ jsx21(Page, { ...props, title: props.title, section: "cases", children: /* @__PURE__ */ jsxs17("div", { class: "panel narrow danger-zone", children: [
    /* @__PURE__ */ jsx21("h1", { children: props.title }),
    /* @__PURE__ */ jsx21("p", { children: props.body }),
    /* @__PURE__ */ jsxs17("form", { method: "post", action: props.action, class: "form-actions", children: [
      /* @__PURE__ */ jsx21(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsx21("button", { type: "submit", class: "danger", children: props.confirm }),
      /* @__PURE__ */ jsx21("a", { href: props.back, children: common[props.lang].cancel })
    ] })
  ] }) });
}

// src/modules/defense/case-record.ts
import { and as and19, asc as asc9, eq as eq23, gte as gte3, inArray as inArray7, sql as sql11 } from "drizzle-orm";
var caseSensitiveContext = (id, field) => `cases:${id}:${field}`;
async function getCase(db, orgId, id) {
  const [row] = await db.select().from(cases).where(and19(eq23(cases.orgId, orgId), eq23(cases.id, id)));
  if (!row) return null;
  const [team, familyRows, hearing] = [
    await db.select({ userId: caseTeam.userId, name: users.name }).from(caseTeam).innerJoin(users, eq23(users.id, caseTeam.userId)).where(and19(eq23(caseTeam.orgId, orgId), eq23(caseTeam.caseId, id))).orderBy(asc9(users.name)),
    await db.select({ personId: caseFamily.personId, relationship: caseFamily.relationship }).from(caseFamily).where(and19(eq23(caseFamily.orgId, orgId), eq23(caseFamily.caseId, id))).orderBy(asc9(caseFamily.createdAt)),
    await db.select({
      at: caseEvents.occurredAt,
      hearingKind: caseEvents.hearingKind,
      court: caseEvents.court
    }).from(caseEvents).where(
      and19(
        eq23(caseEvents.orgId, orgId),
        eq23(caseEvents.caseId, id),
        eq23(caseEvents.kind, "hearing_scheduled"),
        gte3(caseEvents.occurredAt, sql11`now()`)
      )
    ).orderBy(asc9(caseEvents.occurredAt)).limit(1)
  ];
  const names = await getPersonNames(db, orgId, [
    row.personId,
    ...familyRows.map((f) => f.personId)
  ]);
  const facilities2 = await facilityNames(db, orgId, [row.facilityId]);
  return {
    id: row.id,
    personId: row.personId,
    personDisplayName: names.get(row.personId) ?? "",
    status: row.status,
    facility: row.facilityId ? { id: row.facilityId, name: facilities2.get(row.facilityId) ?? "" } : null,
    detainedOn: row.detainedOn,
    lawyerName: row.lawyerName,
    lawyerContact: row.lawyerContact,
    bondCents: row.bondCents === null ? null : cents(row.bondCents),
    bondCurrency: row.bondCurrency,
    needs: row.needs,
    public: row.public,
    publicStory: { es: row.publicStoryEs, en: row.publicStoryEn },
    hasANumber: row.aNumberEnc !== null,
    hasBirthdate: row.birthdateEnc !== null,
    hasNotes: row.notesEnc !== null,
    team,
    family: familyRows.filter((f) => names.has(f.personId)).map((f) => ({ ...f, displayName: names.get(f.personId) ?? "" })),
    nextHearing: hearing[0] ?? null,
    lastActivityAt: row.lastActivityAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  };
}
async function isOnCaseTeam(db, orgId, caseId, userId) {
  if (!userId) return false;
  const [row] = await db.select({ id: caseTeam.id }).from(caseTeam).where(
    and19(eq23(caseTeam.orgId, orgId), eq23(caseTeam.caseId, caseId), eq23(caseTeam.userId, userId))
  );
  return !!row;
}
async function actorSeesSensitive(db, actor, caseId) {
  if (actor.role === "owner") return canSeeCaseSensitive(actor.role, false);
  return canSeeCaseSensitive(actor.role, await isOnCaseTeam(db, actor.orgId, caseId, actor.userId));
}
async function teamCandidates(db, orgId) {
  return db.select({ userId: users.id, name: users.name, role: memberships.role }).from(memberships).innerJoin(users, eq23(users.id, memberships.userId)).where(
    and19(eq23(memberships.orgId, orgId), inArray7(memberships.role, [...PERMISSIONS["cases.read"]]))
  ).orderBy(asc9(users.name));
}

// src/modules/defense/case-timeline.ts
import { and as and20, desc as desc4, eq as eq24, inArray as inArray8 } from "drizzle-orm";
async function getCaseEvent(db, orgId, caseId, eventId) {
  const [row] = await db.select({ id: caseEvents.id, kind: caseEvents.kind }).from(caseEvents).where(
    and20(eq24(caseEvents.orgId, orgId), eq24(caseEvents.caseId, caseId), eq24(caseEvents.id, eventId))
  );
  return row ?? null;
}
async function listCaseEvents(db, orgId, caseId) {
  const rows = await db.select().from(caseEvents).where(and20(eq24(caseEvents.orgId, orgId), eq24(caseEvents.caseId, caseId))).orderBy(desc4(caseEvents.occurredAt), desc4(caseEvents.createdAt)).limit(500);
  const facilities2 = await facilityNames(
    db,
    orgId,
    rows.flatMap((r) => [r.facilityId, r.fromFacilityId])
  );
  const userIds = [...new Set(rows.map((r) => r.recordedBy).filter((v) => !!v))];
  const people2 = userIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray8(users.id, userIds)) : [];
  const userNames = new Map(people2.map((u) => [u.id, u.name]));
  const facility = (id) => id ? { id, name: facilities2.get(id) ?? "" } : null;
  return rows.map((r) => ({
    id: r.id,
    caseId: r.caseId,
    kind: r.kind,
    occurredAt: r.occurredAt,
    facility: facility(r.facilityId),
    fromFacility: facility(r.fromFacilityId),
    hearingKind: r.hearingKind,
    court: r.court,
    outcome: r.outcome,
    amountCents: r.amountCents === null ? null : cents(r.amountCents),
    currency: r.currency,
    note: r.note,
    recordedBy: r.recordedBy ? { id: r.recordedBy, name: userNames.get(r.recordedBy) ?? "" } : null,
    createdAt: r.createdAt
  }));
}

// src/modules/defense/cases.http.ts
import { z as z8 } from "zod";
var view2 = (c) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c)
});
async function requireCase(c) {
  const auth = requireAuth(c);
  const db = c.get("deps").db;
  const kase = await getCase(db, auth.org.id, requireUuidParam(c));
  if (!kase) throw new AppError("not_found");
  const onTeam = kase.team.some((m) => m.userId === auth.user.id);
  return { kase, seesSensitive: canSeeCaseSensitive(auth.role, onTeam) };
}
var NOTICES2 = {
  created: "created",
  saved: "saved",
  event: "event_saved",
  event_deleted: "event_deleted",
  family: "family_saved",
  family_removed: "family_removed",
  team: "team_saved"
};
function notice2(c) {
  const t = casesText[c.get("lang")];
  const key2 = c.req.query("done");
  const status2 = c.req.query("status");
  if (key2 === "event" && status2 && CASE_STATUSES.includes(status2)) {
    return t.event_saved_status(t[`status_${status2}`]);
  }
  return key2 && key2 in NOTICES2 ? t[NOTICES2[key2]] : void 0;
}
var DashboardQuerySchema = z8.object({
  q: z8.string().max(200).transform((v) => v.replaceAll("\0", "")).catch("").default(""),
  status: z8.enum(["active", "all", ...CASE_STATUSES]).catch("active").default("active")
});
var PersonParamSchema = z8.object({
  person: z8.uuid().optional().catch(void 0),
  q: z8.string().max(200).transform((v) => v.replaceAll("\0", "")).catch("").default("")
});

// src/modules/defense/delete-case-event.ts
import { and as and21, eq as eq25 } from "drizzle-orm";
async function deleteCaseEvent(deps, actor, caseId, eventId) {
  await deps.db.transaction(async (tx) => {
    const rows = await tx.delete(caseEvents).where(
      and21(
        eq25(caseEvents.orgId, actor.orgId),
        eq25(caseEvents.caseId, caseId),
        eq25(caseEvents.id, eventId)
      )
    ).returning({ kind: caseEvents.kind });
    const [row] = rows;
    if (!row) throw notFound();
    await tx.update(cases).set({ lastActivityAt: /* @__PURE__ */ new Date() }).where(and21(eq25(cases.orgId, actor.orgId), eq25(cases.id, caseId)));
    await audit(
      tx,
      actor,
      "case.event_deleted",
      { type: "case", id: caseId },
      { event_id: eventId, kind: row.kind }
    );
  });
}

// src/modules/defense/record-case-event.ts
import { and as and22, desc as desc5, eq as eq26, inArray as inArray9 } from "drizzle-orm";
async function recordCaseEvent(deps, actor, caseId, raw) {
  const input = onlyKindFields(raw);
  await requireOwnFacilities(deps.db, actor.orgId, [input.facilityId, input.fromFacilityId]);
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select({
      status: cases.status,
      facilityId: cases.facilityId,
      detainedOn: cases.detainedOn,
      bondCents: cases.bondCents,
      bondCurrency: cases.bondCurrency
    }).from(cases).where(and22(eq26(cases.orgId, actor.orgId), eq26(cases.id, caseId))).for("update");
    if (!row) throw notFound();
    const [org] = await tx.select({ timeZone: organizations.timeZone }).from(organizations).where(eq26(organizations.id, actor.orgId));
    const latest = async (kinds) => {
      const [e] = await tx.select({ at: caseEvents.occurredAt }).from(caseEvents).where(
        and22(
          eq26(caseEvents.orgId, actor.orgId),
          eq26(caseEvents.caseId, caseId),
          inArray9(caseEvents.kind, kinds)
        )
      ).orderBy(desc5(caseEvents.occurredAt)).limit(1);
      return e?.at ?? null;
    };
    const state = {
      status: row.status,
      facilityId: row.facilityId,
      detainedOn: row.detainedOn,
      bondCents: row.bondCents === null ? null : cents(row.bondCents),
      bondCurrency: row.bondCurrency
    };
    const change = effectOfEvent(state, input, {
      latestStatusAt: await latest(STATUS_EVENT_KINDS),
      latestFacilityAt: await latest(FACILITY_EVENT_KINDS),
      localDate: instantToZoned(input.occurredAt, org?.timeZone ?? "UTC").date
    });
    const fromFacilityId = input.kind === "transferred" ? input.fromFacilityId ?? row.facilityId : null;
    const [event] = await tx.insert(caseEvents).values({
      orgId: actor.orgId,
      caseId,
      kind: input.kind,
      occurredAt: input.occurredAt,
      facilityId: input.facilityId,
      fromFacilityId: fromFacilityId === input.facilityId ? null : fromFacilityId,
      hearingKind: input.hearingKind,
      court: input.court,
      outcome: input.outcome,
      amountCents: input.amountCents,
      currency: input.currency,
      note: input.note,
      recordedBy: actor.userId
    }).returning({ id: caseEvents.id });
    if (!event) throw new Error("insert returned nothing");
    await tx.update(cases).set({
      ...change,
      lastActivityAt: /* @__PURE__ */ new Date(),
      updatedAt: /* @__PURE__ */ new Date()
    }).where(and22(eq26(cases.orgId, actor.orgId), eq26(cases.id, caseId)));
    await audit(
      tx,
      actor,
      "case.event_recorded",
      { type: "case", id: caseId },
      { event_id: event.id, kind: input.kind, changed: Object.keys(change) }
    );
    return event.id;
  });
}

// src/modules/defense/remove-family-contact.ts
import { and as and23, eq as eq27 } from "drizzle-orm";
async function removeFamilyContact(deps, actor, caseId, personId) {
  await deps.db.transaction(async (tx) => {
    const rows = await tx.delete(caseFamily).where(
      and23(
        eq27(caseFamily.orgId, actor.orgId),
        eq27(caseFamily.caseId, caseId),
        eq27(caseFamily.personId, personId)
      )
    ).returning({ id: caseFamily.id });
    if (rows.length === 0) throw notFound();
    await audit(
      tx,
      actor,
      "case.family_removed",
      { type: "case", id: caseId },
      { person_id: personId }
    );
  });
}

// src/modules/defense/set-case-team.ts
import { and as and24, eq as eq28 } from "drizzle-orm";
async function setCaseTeam(deps, actor, caseId, userIds) {
  const [exists] = await deps.db.select({ id: cases.id }).from(cases).where(and24(eq28(cases.orgId, actor.orgId), eq28(cases.id, caseId)));
  if (!exists) throw notFound();
  if (!await actorSeesSensitive(deps.db, actor, caseId)) throw new AppError("forbidden");
  const allowed = new Set((await teamCandidates(deps.db, actor.orgId)).map((u) => u.userId));
  const wanted = [...new Set(userIds)];
  if (wanted.some((id) => !allowed.has(id))) throw notFound();
  await deps.db.transaction(async (tx) => {
    const before = (await tx.select({ userId: caseTeam.userId }).from(caseTeam).where(and24(eq28(caseTeam.orgId, actor.orgId), eq28(caseTeam.caseId, caseId)))).map((r) => r.userId);
    await tx.delete(caseTeam).where(and24(eq28(caseTeam.orgId, actor.orgId), eq28(caseTeam.caseId, caseId)));
    if (wanted.length > 0) {
      await tx.insert(caseTeam).values(wanted.map((userId) => ({ orgId: actor.orgId, caseId, userId })));
    }
    await audit(
      tx,
      actor,
      "case.team_changed",
      { type: "case", id: caseId },
      {
        added: wanted.filter((id) => !before.includes(id)),
        removed: before.filter((id) => !wanted.includes(id))
      }
    );
  });
}

// src/modules/defense/case-activity.routes.tsx
import { jsx as jsx22 } from "hono/jsx/jsx-runtime";
var caseActivityRoutes = new Hono6();
var KindSchema = z9.enum(CASE_EVENT_KINDS);
var facilityOptions = (c) => searchFacilities(c.get("deps").db, requireAuth(c).org.id, "", 500);
caseActivityRoutes.get("/cases/:id/events/new", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { kase } = await requireCase(c);
  const kind = KindSchema.safeParse(c.req.query("kind"));
  if (!kind.success) return c.redirect(`/cases/${kase.id}`, 303);
  return render(
    c,
    /* @__PURE__ */ jsx22(
      CaseEventFormPage,
      {
        ...view2(c),
        path: `/cases/${kase.id}/events/new?kind=${kind.data}`,
        kind: kind.data,
        kase,
        facilities: await facilityOptions(c),
        form: emptyForm(eventFormDefaults(kind.data, auth.org.timeZone))
      }
    )
  );
});
caseActivityRoutes.post("/cases/:id/events", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { kase } = await requireCase(c);
  const values = await readForm(c);
  const kind = KindSchema.safeParse(values.kind);
  if (!kind.success) throw new AppError("bad_request");
  const { input, errors } = formToEventInput(values, kind.data, auth.org.timeZone);
  const parsed = parseWith(CaseEventInputSchema, input);
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return render(
      c,
      /* @__PURE__ */ jsx22(
        CaseEventFormPage,
        {
          ...view2(c),
          kind: kind.data,
          kase,
          facilities: await facilityOptions(c),
          form: {
            values,
            errors: { ...eventErrorsForForm(parsed.ok ? {} : parsed.errors), ...errors }
          }
        }
      ),
      422
    );
  }
  await recordCaseEvent(c.get("deps"), auth.actor, kase.id, parsed.data);
  const { kase: after } = await requireCase(c);
  const status2 = after.status !== kase.status ? `&status=${after.status}` : "";
  return c.redirect(`/cases/${kase.id}?done=event${status2}`, 303);
});
caseActivityRoutes.get("/cases/:id/events/:eventId/delete", async (c) => {
  requirePermission(requireAuth(c).role, "cases.write");
  const { kase } = await requireCase(c);
  const eventId = requireUuidParam(c, "eventId");
  if (!await getCaseEvent(c.get("deps").db, requireAuth(c).org.id, kase.id, eventId)) {
    throw new AppError("not_found");
  }
  const t = eventsText[c.get("lang")];
  return render(
    c,
    /* @__PURE__ */ jsx22(
      ConfirmPage,
      {
        ...view2(c),
        title: t.delete_title,
        body: t.delete_body,
        action: `/cases/${kase.id}/events/${eventId}/delete`,
        confirm: t.delete_confirm,
        back: `/cases/${kase.id}#event-${eventId}`
      }
    )
  );
});
caseActivityRoutes.post("/cases/:id/events/:eventId/delete", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { kase } = await requireCase(c);
  await deleteCaseEvent(c.get("deps"), auth.actor, kase.id, requireUuidParam(c, "eventId"));
  return c.redirect(`/cases/${kase.id}?done=event_deleted`, 303);
});
async function familyPage(c, form, status2 = 200) {
  const auth = requireAuth(c);
  const { kase } = await requireCase(c);
  const { q } = PersonParamSchema.parse(c.req.query());
  const linked = /* @__PURE__ */ new Set([kase.personId, ...kase.family.map((f) => f.personId)]);
  let people2 = q ? (await searchPeople(c.get("deps").db, auth.actor, { q, page: 1, perPage: 20 })).people : [];
  const sentFor = form.values.person_id;
  if (status2 === 422 && sentFor) {
    const names = await getPersonNames(c.get("deps").db, auth.org.id, [sentFor]);
    people2 = names.has(sentFor) ? [{ id: sentFor, displayName: names.get(sentFor) ?? "" }] : [];
  }
  const url = new URL(c.req.url);
  return render(
    c,
    /* @__PURE__ */ jsx22(
      AddFamilyPage,
      {
        ...view2(c),
        path: `/cases/${kase.id}/family/new${url.search}`,
        kase,
        q,
        people: people2.filter((p) => !linked.has(p.id)).map((p) => ({ id: p.id, displayName: p.displayName })),
        form
      }
    ),
    status2
  );
}
caseActivityRoutes.get("/cases/:id/family/new", async (c) => {
  requirePermission(requireAuth(c).role, "cases.write");
  return familyPage(c, emptyForm());
});
caseActivityRoutes.post("/cases/:id/family", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { kase } = await requireCase(c);
  const values = await readForm(c);
  const parsed = parseWith(FamilyContactSchema, {
    personId: values.person_id ?? "",
    relationship: values.relationship ?? ""
  });
  if (!parsed.ok) {
    if (parsed.errors.personId) throw new AppError("not_found");
    return familyPage(c, { values, errors: parsed.errors }, 422);
  }
  await addFamilyContact(c.get("deps"), auth.actor, kase.id, parsed.data);
  return c.redirect(`/cases/${kase.id}?done=family`, 303);
});
caseActivityRoutes.get("/cases/:id/family/:personId/remove", async (c) => {
  requirePermission(requireAuth(c).role, "cases.write");
  const { kase } = await requireCase(c);
  const personId = requireUuidParam(c, "personId");
  const member = kase.family.find((f) => f.personId === personId);
  if (!member) throw new AppError("not_found");
  const t = casesText[c.get("lang")];
  return render(
    c,
    /* @__PURE__ */ jsx22(
      ConfirmPage,
      {
        ...view2(c),
        title: t.family_remove_title(member.displayName),
        body: t.family_remove_body,
        action: `/cases/${kase.id}/family/${personId}/remove`,
        confirm: t.family_remove_confirm,
        back: `/cases/${kase.id}`
      }
    )
  );
});
caseActivityRoutes.post("/cases/:id/family/:personId/remove", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { kase } = await requireCase(c);
  await removeFamilyContact(c.get("deps"), auth.actor, kase.id, requireUuidParam(c, "personId"));
  return c.redirect(`/cases/${kase.id}?done=family_removed`, 303);
});
caseActivityRoutes.get("/cases/:id/team", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.read");
  const { kase, seesSensitive } = await requireCase(c);
  if (!seesSensitive) throw new AppError("forbidden");
  return render(
    c,
    /* @__PURE__ */ jsx22(
      CaseTeamPage,
      {
        ...view2(c),
        kase,
        candidates: await teamCandidates(c.get("deps").db, auth.org.id),
        selected: kase.team.map((m) => m.userId)
      }
    )
  );
});
caseActivityRoutes.post("/cases/:id/team", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.read");
  const { kase } = await requireCase(c);
  const body = await c.req.parseBody({ all: true });
  const raw = body.user_id;
  const ids = (Array.isArray(raw) ? raw : raw === void 0 ? [] : [raw]).filter(
    (v) => typeof v === "string"
  );
  if (ids.some((id) => !z9.uuid().safeParse(id).success)) throw new AppError("not_found");
  await setCaseTeam(c.get("deps"), auth.actor, kase.id, ids);
  return c.redirect(`/cases/${kase.id}?done=team`, 303);
});

// src/modules/defense/cases.api.ts
import { Hono as Hono7 } from "hono";
import { z as z11 } from "zod";

// src/platform/api.ts
import { createMiddleware as createMiddleware2 } from "hono/factory";

// src/modules/accounts/api-tokens.ts
import { and as and25, eq as eq29, isNull as isNull3 } from "drizzle-orm";
var PREFIX = "amp_";
async function actorForToken(db, token) {
  if (!token.startsWith(PREFIX) || token.length > 100) return null;
  const [row] = await db.select({ orgId: apiTokens.orgId, userId: apiTokens.userId, role: memberships.role }).from(apiTokens).innerJoin(
    memberships,
    and25(eq29(memberships.orgId, apiTokens.orgId), eq29(memberships.userId, apiTokens.userId))
  ).where(and25(eq29(apiTokens.tokenHash, sha256(token)), isNull3(apiTokens.revokedAt)));
  return row ?? null;
}

// src/platform/api.ts
var requireToken = createMiddleware2(async (c, next) => {
  const header = c.req.header("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  const actor = match?.[1] ? await actorForToken(c.get("deps").db, match[1]) : null;
  if (!actor) {
    c.header("WWW-Authenticate", 'Bearer realm="amparo"');
    throw new AppError("unauthorized");
  }
  c.set("actor", actor);
  await next();
});
async function readJson(c, schema) {
  let body;
  try {
    body = await c.req.json();
  } catch {
    throw new AppError("bad_request");
  }
  const nul = pathOfNul(body);
  if (nul !== null) throw new AppError("validation_failed", { [nul || "_"]: "invalid" });
  const parsed = schema.safeParse(body, { reportInput: true });
  if (!parsed.success) throw new AppError("validation_failed", fieldsFromZod(parsed.error));
  return parsed.data;
}
function pathOfNul(value, path = []) {
  if (typeof value === "string") return value.includes("\0") ? path.join(".") : null;
  if (!value || typeof value !== "object") return null;
  for (const [key2, item] of Object.entries(value)) {
    if (key2.includes("\0")) return path.join(".");
    const found = pathOfNul(item, [...path, key2]);
    if (found !== null) return found;
  }
  return null;
}

// src/modules/defense/cases.api-schema.ts
import { z as z10 } from "zod";
var status = z10.enum(CASE_STATUSES, "invalid_choice");
var nullableText = z10.string("wrong_type").nullable();
var currency = z10.enum(CURRENCIES, "invalid_choice");
var ApiCaseInputSchema = z10.strictObject({
  person_id: z10.string("required"),
  status: status.optional(),
  facility_id: z10.string("wrong_type").nullable().optional(),
  detained_on: nullableText.optional().describe("YYYY-MM-DD"),
  lawyer_name: nullableText.optional(),
  lawyer_contact: nullableText.optional(),
  bond_cents: z10.number("wrong_type").nullable().optional().describe("Integer minor units"),
  bond_currency: currency.optional(),
  needs: nullableText.optional(),
  public: z10.boolean("wrong_type").optional(),
  public_story: z10.strictObject({ es: nullableText.optional(), en: nullableText.optional() }, "wrong_type").optional(),
  a_number: nullableText.optional().describe("8 or 9 digits, 'A-' and dashes allowed; stored encrypted, zero-padded"),
  birthdate: nullableText.optional().describe("YYYY-MM-DD; stored encrypted"),
  notes: nullableText.optional().describe("Stored encrypted")
});
var ApiCasePatchSchema = ApiCaseInputSchema.omit({ person_id: true }).partial();
var facilityRef = z10.object({ id: z10.uuid(), name: z10.string() }).nullable();
var ApiCaseSchema = z10.object({
  id: z10.uuid(),
  person_id: z10.uuid(),
  person_display_name: z10.string(),
  status,
  facility: facilityRef,
  detained_on: z10.string().nullable(),
  lawyer_name: z10.string().nullable(),
  lawyer_contact: z10.string().nullable(),
  bond_cents: z10.number().int().nullable(),
  bond_currency: currency,
  next_hearing: z10.object({
    at: z10.iso.datetime(),
    hearing_kind: z10.string().nullable(),
    court: z10.string().nullable()
  }).nullable(),
  needs: z10.string().nullable(),
  public: z10.boolean(),
  public_story: z10.object({ es: z10.string().nullable(), en: z10.string().nullable() }),
  family: z10.array(
    z10.object({ person_id: z10.uuid(), display_name: z10.string(), relationship: z10.string() })
  ),
  team: z10.array(z10.object({ user_id: z10.uuid(), name: z10.string() })),
  has_a_number: z10.boolean(),
  has_birthdate: z10.boolean(),
  has_notes: z10.boolean(),
  sensitive: z10.object({
    a_number: z10.string().nullable(),
    birthdate: z10.string().nullable(),
    notes: z10.string().nullable()
  }).optional().describe("Only with ?include=sensitive, for owners and the case team; each read is audited"),
  created_date: z10.iso.datetime(),
  modified_date: z10.iso.datetime(),
  last_activity_date: z10.iso.datetime()
});
var ApiCaseListSchema = z10.object({
  cases: z10.array(ApiCaseSchema.omit({ sensitive: true }))
});
var ApiCaseEventInputSchema = z10.strictObject({
  kind: z10.enum(CASE_EVENT_KINDS, "invalid_choice"),
  occurred_at: z10.iso.datetime({ offset: true, message: "invalid_date" }).describe("When it happened; for hearing_scheduled, when the hearing will be"),
  facility_id: z10.string("wrong_type").nullable().optional().describe("detained: where; transferred: to"),
  from_facility_id: z10.string("wrong_type").nullable().optional(),
  hearing_kind: z10.enum(HEARING_KINDS, "invalid_choice").nullable().optional(),
  court: nullableText.optional(),
  outcome: nullableText.optional(),
  amount_cents: z10.number("wrong_type").nullable().optional(),
  currency: currency.optional(),
  note: nullableText.optional()
});
var ApiCaseEventSchema = z10.object({
  id: z10.uuid(),
  kind: z10.enum(CASE_EVENT_KINDS),
  occurred_at: z10.iso.datetime(),
  facility: facilityRef,
  from_facility: facilityRef,
  hearing_kind: z10.string().nullable(),
  court: z10.string().nullable(),
  outcome: z10.string().nullable(),
  amount_cents: z10.number().int().nullable(),
  currency: z10.string().nullable(),
  note: z10.string().nullable(),
  recorded_by: z10.object({ id: z10.uuid(), name: z10.string() }).nullable(),
  created_date: z10.iso.datetime()
});
var ApiCaseEventListSchema = z10.object({ events: z10.array(ApiCaseEventSchema) });
function apiToCaseFields(input) {
  const out = {};
  const set = (key2, value) => {
    if (value !== void 0) out[key2] = value;
  };
  set("personId", input.person_id);
  set("status", input.status);
  set("facilityId", input.facility_id);
  set("detainedOn", input.detained_on === null ? "" : input.detained_on);
  set("lawyerName", input.lawyer_name);
  set("lawyerContact", input.lawyer_contact);
  set("bondCents", input.bond_cents);
  set("bondCurrency", input.bond_currency);
  set("needs", input.needs);
  set("public", input.public);
  set("publicStoryEs", input.public_story?.es);
  set("publicStoryEn", input.public_story?.en);
  set("aNumber", input.a_number);
  set("birthdate", input.birthdate);
  set("notes", input.notes);
  return out;
}
var API_NAMES = {
  personId: "person_id",
  facilityId: "facility_id",
  detainedOn: "detained_on",
  lawyerName: "lawyer_name",
  lawyerContact: "lawyer_contact",
  bondCents: "bond_cents",
  bondCurrency: "bond_currency",
  publicStoryEs: "public_story.es",
  publicStoryEn: "public_story.en",
  aNumber: "a_number",
  occurredAt: "occurred_at",
  fromFacilityId: "from_facility_id",
  hearingKind: "hearing_kind",
  amountCents: "amount_cents"
};
function fieldPathToApi(path) {
  const [head = "", ...rest] = path.split(".");
  return [API_NAMES[head] ?? head, ...rest].join(".");
}
function caseToFields(k) {
  return {
    personId: k.personId,
    status: k.status,
    facilityId: k.facility?.id ?? null,
    detainedOn: k.detainedOn ?? "",
    lawyerName: k.lawyerName,
    lawyerContact: k.lawyerContact,
    bondCents: k.bondCents,
    bondCurrency: k.bondCurrency,
    needs: k.needs,
    public: k.public,
    publicStoryEs: k.publicStory.es,
    publicStoryEn: k.publicStory.en
  };
}
function caseToApi(k, sensitive) {
  return {
    id: k.id,
    person_id: k.personId,
    person_display_name: k.personDisplayName,
    status: k.status,
    facility: k.facility,
    detained_on: k.detainedOn,
    lawyer_name: k.lawyerName,
    lawyer_contact: k.lawyerContact,
    bond_cents: k.bondCents,
    bond_currency: k.bondCurrency,
    next_hearing: k.nextHearing ? {
      at: k.nextHearing.at.toISOString(),
      hearing_kind: k.nextHearing.hearingKind,
      court: k.nextHearing.court
    } : null,
    needs: k.needs,
    public: k.public,
    public_story: k.publicStory,
    family: k.family.map((f) => ({
      person_id: f.personId,
      display_name: f.displayName,
      relationship: f.relationship
    })),
    team: k.team.map((m) => ({ user_id: m.userId, name: m.name })),
    has_a_number: k.hasANumber,
    has_birthdate: k.hasBirthdate,
    has_notes: k.hasNotes,
    ...sensitive ? {
      sensitive: {
        a_number: sensitive.aNumber,
        birthdate: sensitive.birthdate,
        notes: sensitive.notes
      }
    } : {},
    created_date: k.createdAt.toISOString(),
    modified_date: k.updatedAt.toISOString(),
    last_activity_date: k.lastActivityAt.toISOString()
  };
}
function eventToApi(e) {
  return {
    id: e.id,
    kind: e.kind,
    occurred_at: e.occurredAt.toISOString(),
    facility: e.facility,
    from_facility: e.fromFacility,
    hearing_kind: e.hearingKind,
    court: e.court,
    outcome: e.outcome,
    amount_cents: e.amountCents,
    currency: e.currency,
    note: e.note,
    recorded_by: e.recordedBy,
    created_date: e.createdAt.toISOString()
  };
}

// src/modules/defense/create-case.ts
import { randomUUID as randomUUID2 } from "node:crypto";

// src/modules/defense/case-crypto.ts
function encryptCaseSensitive(cipher, id, input) {
  const box = (value, field) => value === void 0 ? void 0 : value === null ? null : cipher.encrypt(value, caseSensitiveContext(id, field));
  const out = {};
  const a = box(input.aNumber, "a_number");
  const b = box(input.birthdate, "birthdate");
  const n = box(input.notes, "notes");
  if (a !== void 0) out.aNumberEnc = a;
  if (b !== void 0) out.birthdateEnc = b;
  if (n !== void 0) out.notesEnc = n;
  return out;
}
function sensitiveFieldsIn(input) {
  return ["aNumber", "birthdate", "notes"].filter((k) => input[k] !== void 0);
}

// src/modules/defense/create-case.ts
async function createCase(deps, actor, input) {
  const person = await getPerson(deps.db, actor.orgId, input.personId);
  if (!person) throw notFound();
  await requireOwnFacilities(deps.db, actor.orgId, [input.facilityId]);
  const id = randomUUID2();
  await deps.db.transaction(async (tx) => {
    await tx.insert(cases).values({
      id,
      orgId: actor.orgId,
      personId: input.personId,
      status: input.status,
      facilityId: input.facilityId,
      detainedOn: input.detainedOn,
      lawyerName: input.lawyerName,
      lawyerContact: input.lawyerContact,
      bondCents: input.bondCents,
      bondCurrency: input.bondCurrency,
      needs: input.needs,
      public: input.public,
      publicStoryEs: input.publicStoryEs,
      publicStoryEn: input.publicStoryEn,
      ...encryptCaseSensitive(deps.cipher, id, input),
      searchText: caseSearchText({
        personDisplayName: person.displayName,
        lawyerName: input.lawyerName
      }),
      createdBy: actor.userId
    });
    if (actor.userId) {
      await tx.insert(caseTeam).values({ orgId: actor.orgId, caseId: id, userId: actor.userId });
    }
    await audit(
      tx,
      actor,
      "case.created",
      { type: "case", id },
      { person_id: input.personId, sensitive_fields: sensitiveFieldsIn(input) }
    );
  });
  const created = await getCase(deps.db, actor.orgId, id);
  if (!created) throw notFound();
  return created;
}

// src/modules/defense/read-case-sensitive.ts
import { and as and26, eq as eq30 } from "drizzle-orm";
async function readCaseSensitive(deps, actor, id, purpose = "view") {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ a: cases.aNumberEnc, b: cases.birthdateEnc, n: cases.notesEnc }).from(cases).where(and26(eq30(cases.orgId, actor.orgId), eq30(cases.id, id)));
    if (!row) throw notFound();
    if (!await actorSeesSensitive(tx, actor, id)) throw new AppError("forbidden");
    await audit(
      tx,
      actor,
      "case.sensitive_read",
      { type: "case", id },
      { fields: ["a_number", "birthdate", "notes"], purpose }
    );
    const open = (box, field) => box === null ? null : deps.cipher.decrypt(box, caseSensitiveContext(id, field));
    return {
      aNumber: open(row.a, "a_number"),
      birthdate: open(row.b, "birthdate"),
      notes: open(row.n, "notes")
    };
  });
}

// src/modules/defense/update-case.ts
import { and as and27, eq as eq31 } from "drizzle-orm";
async function updateCase(deps, actor, id, patch) {
  const current = await getCase(deps.db, actor.orgId, id);
  if (!current) throw notFound();
  const sensitive = sensitiveFieldsIn(patch);
  if (sensitive.length > 0 && !await actorSeesSensitive(deps.db, actor, id)) {
    throw new AppError("forbidden");
  }
  if (patch.facilityId) await requireOwnFacilities(deps.db, actor.orgId, [patch.facilityId]);
  const set = Object.fromEntries(
    Object.entries({
      status: patch.status,
      facilityId: patch.facilityId,
      detainedOn: patch.detainedOn,
      lawyerName: patch.lawyerName,
      lawyerContact: patch.lawyerContact,
      bondCents: patch.bondCents,
      bondCurrency: patch.bondCurrency,
      needs: patch.needs,
      public: patch.public,
      publicStoryEs: patch.publicStoryEs,
      publicStoryEn: patch.publicStoryEn
    }).filter(([, v]) => v !== void 0)
  );
  const changed = [...Object.keys(set), ...sensitive];
  await deps.db.transaction(async (tx) => {
    await tx.update(cases).set({
      ...set,
      ...encryptCaseSensitive(deps.cipher, id, patch),
      searchText: caseSearchText({
        personDisplayName: current.personDisplayName,
        lawyerName: patch.lawyerName !== void 0 ? patch.lawyerName : current.lawyerName
      }),
      updatedAt: /* @__PURE__ */ new Date(),
      lastActivityAt: /* @__PURE__ */ new Date()
    }).where(and27(eq31(cases.orgId, actor.orgId), eq31(cases.id, id)));
    await audit(tx, actor, "case.updated", { type: "case", id }, { fields: changed });
  });
  const updated = await getCase(deps.db, actor.orgId, id);
  if (!updated) throw notFound();
  return updated;
}

// src/modules/defense/cases.api.ts
var casesApi = new Hono7();
casesApi.use("/api/v1/cases", requireToken);
casesApi.use("/api/v1/cases/*", requireToken);
function validate(schema, input) {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const fields = {};
  for (const [path, key2] of Object.entries(fieldsFromZod(parsed.error)))
    fields[fieldPathToApi(path)] = key2;
  throw new AppError("validation_failed", fields);
}
async function requireApiCase(c) {
  const actor = c.get("actor");
  const kase = await getCase(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!kase) throw new AppError("not_found");
  return kase;
}
casesApi.get("/api/v1/cases", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.read");
  const query = DashboardQuerySchema.parse(c.req.query());
  const items = await listCases(c.get("deps").db, actor.orgId, {
    q: query.q,
    filter: query.status
  });
  return c.json({
    cases: items.map((k) => ({
      id: k.id,
      person_id: k.personId,
      person_display_name: k.personDisplayName,
      status: k.status,
      facility_name: k.facilityName,
      next_hearing_at: k.nextHearingAt?.toISOString() ?? null,
      last_activity_date: k.lastActivityAt.toISOString()
    }))
  });
});
casesApi.post("/api/v1/cases", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.write");
  const body = await readJson(c, ApiCaseInputSchema);
  const fields = validate(CaseFieldsSchema, apiToCaseFields(body));
  const kase = await createCase(c.get("deps"), actor, fields);
  return c.json(caseToApi(kase), 201);
});
casesApi.get("/api/v1/cases/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.read");
  const kase = await requireApiCase(c);
  const include = (c.req.query("include") ?? "").split(",");
  if (!include.includes("sensitive")) return c.json(caseToApi(kase));
  if (!await actorSeesSensitive(c.get("deps").db, actor, kase.id)) {
    throw new AppError("forbidden");
  }
  const sensitive = await readCaseSensitive(c.get("deps"), actor, kase.id, "api");
  return c.json(caseToApi(kase, sensitive));
});
casesApi.patch("/api/v1/cases/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.write");
  const kase = await requireApiCase(c);
  const body = await readJson(c, ApiCasePatchSchema);
  const sent = apiToCaseFields(body);
  const merged = validate(CaseFieldsSchema, { ...caseToFields(kase), ...sent });
  const patch = Object.fromEntries(
    Object.keys(sent).map((k) => [k, merged[k]])
  );
  const { personId: _ignored, ...rest } = patch;
  const updated = await updateCase(c.get("deps"), actor, kase.id, rest);
  return c.json(caseToApi(updated));
});
casesApi.get("/api/v1/cases/:id/events", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.read");
  const kase = await requireApiCase(c);
  const events = await listCaseEvents(c.get("deps").db, actor.orgId, kase.id);
  return c.json({ events: events.map(eventToApi) });
});
casesApi.post("/api/v1/cases/:id/events", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "cases.write");
  const kase = await requireApiCase(c);
  const body = await readJson(c, ApiCaseEventInputSchema);
  const input = validate(CaseEventInputSchema, {
    kind: body.kind,
    occurredAt: new Date(body.occurred_at),
    facilityId: body.facility_id ?? null,
    fromFacilityId: body.from_facility_id ?? null,
    hearingKind: body.hearing_kind ?? null,
    court: body.court,
    outcome: body.outcome,
    amountCents: body.amount_cents ?? null,
    currency: body.currency ?? null,
    note: body.note
  });
  const id = await recordCaseEvent(c.get("deps"), actor, kase.id, input);
  const event = (await listCaseEvents(c.get("deps").db, actor.orgId, kase.id)).find(
    (e) => e.id === id
  );
  if (!event) throw new AppError("not_found");
  return c.json(eventToApi(event), 201);
});
var idParam = { name: "id", in: "path", schema: z11.uuid() };
var casesOpenApi = [
  {
    method: "get",
    path: "/api/v1/cases",
    summary: "List defense cases (default: all but closed); search by name, phone or lawyer",
    tags: ["cases"],
    params: [
      { name: "q", in: "query", schema: z11.string().max(200) },
      {
        name: "status",
        in: "query",
        schema: z11.enum(["active", "all", "open", "detained", "released", "removed", "closed"])
      }
    ],
    responses: { "200": { description: "Cases", schema: ApiCaseListSchema } }
  },
  {
    method: "post",
    path: "/api/v1/cases",
    summary: "Open a case for a person; the token's user joins the case team",
    tags: ["cases"],
    body: ApiCaseInputSchema,
    responses: { "201": { description: "Created", schema: ApiCaseSchema } }
  },
  {
    method: "get",
    path: "/api/v1/cases/{id}",
    summary: "Get a case. With include=sensitive (owners and the case team only) the decrypted A-number, date of birth and notes are added, and the read is audited",
    tags: ["cases"],
    params: [idParam, { name: "include", in: "query", schema: z11.enum(["sensitive"]) }],
    responses: { "200": { description: "The case", schema: ApiCaseSchema } }
  },
  {
    method: "patch",
    path: "/api/v1/cases/{id}",
    summary: "Change some fields of a case (sensitive fields: owners and the case team only)",
    tags: ["cases"],
    params: [idParam],
    body: ApiCasePatchSchema,
    responses: { "200": { description: "The updated case", schema: ApiCaseSchema } }
  },
  {
    method: "get",
    path: "/api/v1/cases/{id}/events",
    summary: "The case's timeline, newest first",
    tags: ["cases"],
    params: [idParam],
    responses: { "200": { description: "Timeline", schema: ApiCaseEventListSchema } }
  },
  {
    method: "post",
    path: "/api/v1/cases/{id}/events",
    summary: "Record a timeline event; detained/transferred/released/removed update the status (and facility) when newest",
    tags: ["cases"],
    params: [idParam],
    body: ApiCaseEventInputSchema,
    responses: { "201": { description: "Recorded", schema: ApiCaseEventSchema } }
  }
];

// src/modules/defense/cases.routes.tsx
import { Hono as Hono8 } from "hono";

// src/modules/defense/case.page.tsx
import { Fragment as Fragment6, jsx as jsx23, jsxs as jsxs18 } from "hono/jsx/jsx-runtime";
var showDate = (date4, lang) => formatDate(/* @__PURE__ */ new Date(`${date4}T12:00:00Z`), lang, "UTC");
function CasePage(props) {
  const t = casesText[props.lang];
  const { kase: k, lang, auth } = props;
  const tz = auth.org.timeZone;
  const writer = can(auth.role, "cases.write");
  return /* @__PURE__ */ jsxs18(Page, { ...props, title: t.case_of(k.personDisplayName), section: "cases", children: [
    /* @__PURE__ */ jsx23("p", { children: /* @__PURE__ */ jsxs18("a", { href: "/cases", children: [
      "\u2190 ",
      t.title
    ] }) }),
    /* @__PURE__ */ jsxs18("div", { class: "page-head", children: [
      /* @__PURE__ */ jsxs18("div", { children: [
        /* @__PURE__ */ jsx23("h1", { children: t.case_of(k.personDisplayName) }),
        /* @__PURE__ */ jsx23(StatusBadge, { status: k.status, lang })
      ] }),
      writer && /* @__PURE__ */ jsx23("a", { class: "button secondary", href: `/cases/${k.id}/edit`, children: t.edit })
    ] }),
    props.notice && /* @__PURE__ */ jsx23("div", { class: "alert alert-ok", role: "status", children: props.notice }),
    /* @__PURE__ */ jsxs18(Panel, { title: t.details, children: [
      /* @__PURE__ */ jsxs18("dl", { class: "facts", children: [
        /* @__PURE__ */ jsx23("dt", { children: t.person }),
        /* @__PURE__ */ jsx23("dd", { children: /* @__PURE__ */ jsx23("a", { href: `/people/${k.personId}`, children: k.personDisplayName }) }),
        /* @__PURE__ */ jsx23("dt", { children: t.next_hearing }),
        /* @__PURE__ */ jsx23("dd", { children: k.nextHearing ? hearingLine(k.nextHearing, lang, tz) : t.next_hearing_none }),
        /* @__PURE__ */ jsx23("dt", { children: t.facility }),
        /* @__PURE__ */ jsx23("dd", { children: k.facility ? /* @__PURE__ */ jsx23("a", { href: `/facilities?q=${encodeURIComponent(k.facility.name)}`, children: k.facility.name }) : t.none }),
        /* @__PURE__ */ jsx23("dt", { children: t.detained_on }),
        /* @__PURE__ */ jsx23("dd", { children: k.detainedOn ? showDate(k.detainedOn, lang) : t.none }),
        /* @__PURE__ */ jsx23("dt", { children: t.lawyer }),
        /* @__PURE__ */ jsx23("dd", { children: [k.lawyerName, k.lawyerContact].filter(Boolean).join(" \xB7 ") || t.none }),
        /* @__PURE__ */ jsx23("dt", { children: t.bond }),
        /* @__PURE__ */ jsx23("dd", { children: k.bondCents !== null ? formatMoney(k.bondCents, k.bondCurrency, lang) : t.none }),
        /* @__PURE__ */ jsx23("dt", { children: t.needs }),
        /* @__PURE__ */ jsx23("dd", { class: "prewrap", children: k.needs ?? t.none })
      ] }),
      /* @__PURE__ */ jsx23("p", { class: "muted", children: t.last_update(formatDateTime(k.lastActivityAt, lang, tz)) })
    ] }),
    /* @__PURE__ */ jsx23(Timeline, { ...props, writer }),
    /* @__PURE__ */ jsxs18(Panel, { title: t.family, children: [
      k.family.length ? /* @__PURE__ */ jsx23("ul", { class: "list", children: k.family.map((f) => /* @__PURE__ */ jsxs18("li", { class: "list-item", children: [
        /* @__PURE__ */ jsx23("a", { class: "title", href: `/people/${f.personId}`, children: f.displayName }),
        /* @__PURE__ */ jsx23("span", { class: "meta", children: f.relationship }),
        writer && /* @__PURE__ */ jsxs18("a", { href: `/cases/${k.id}/family/${f.personId}/remove`, class: "muted", children: [
          t.family_remove,
          /* @__PURE__ */ jsxs18("span", { class: "visually-hidden", children: [
            " ",
            f.displayName
          ] })
        ] })
      ] })) }) : /* @__PURE__ */ jsx23("p", { class: "muted", children: t.family_none }),
      writer && /* @__PURE__ */ jsx23("p", { children: /* @__PURE__ */ jsx23("a", { class: "button secondary", href: `/cases/${k.id}/family/new`, children: t.family_add }) })
    ] }),
    /* @__PURE__ */ jsxs18(Panel, { title: t.team, children: [
      /* @__PURE__ */ jsx23("p", { class: "hint", children: t.team_hint }),
      /* @__PURE__ */ jsx23("p", { children: k.team.length ? k.team.map((m) => m.name).join(", ") : t.team_none }),
      props.seesSensitive && /* @__PURE__ */ jsx23("p", { children: /* @__PURE__ */ jsx23("a", { class: "button secondary", href: `/cases/${k.id}/team`, children: t.team_edit }) })
    ] }),
    /* @__PURE__ */ jsx23(SensitivePanel, { ...props }),
    /* @__PURE__ */ jsxs18(Panel, { title: t.public_title, children: [
      /* @__PURE__ */ jsx23("p", { children: /* @__PURE__ */ jsx23("span", { class: `badge ${k.public ? "case-public" : ""}`, children: k.public ? t.public_yes : t.public_no }) }),
      /* @__PURE__ */ jsx23("p", { class: "hint", children: t.public_hint }),
      /* @__PURE__ */ jsxs18("dl", { class: "facts", children: [
        /* @__PURE__ */ jsx23("dt", { children: t.public_story_es }),
        /* @__PURE__ */ jsx23("dd", { class: "prewrap", lang: "es", children: k.publicStory.es ?? t.story_missing }),
        /* @__PURE__ */ jsx23("dt", { children: t.public_story_en }),
        /* @__PURE__ */ jsx23("dd", { class: "prewrap", lang: "en", children: k.publicStory.en ?? t.story_missing })
      ] })
    ] })
  ] });
}
function Timeline(props) {
  const t = casesText[props.lang];
  const te = eventsText[props.lang];
  const { kase: k, lang } = props;
  const tz = props.auth.org.timeZone;
  return /* @__PURE__ */ jsxs18(Panel, { title: t.timeline, children: [
    props.writer && /* @__PURE__ */ jsxs18("form", { method: "get", action: `/cases/${k.id}/events/new`, class: "searchbar record-event", children: [
      /* @__PURE__ */ jsxs18("div", { class: "field", children: [
        /* @__PURE__ */ jsx23("label", { for: "f-kind", children: t.record }),
        /* @__PURE__ */ jsx23("select", { id: "f-kind", name: "kind", children: CASE_EVENT_KINDS.map((kind) => /* @__PURE__ */ jsx23("option", { value: kind, children: te[`kind_${kind}`] })) })
      ] }),
      /* @__PURE__ */ jsx23("button", { type: "submit", class: "secondary", children: te.submit })
    ] }),
    props.events.length === 0 ? /* @__PURE__ */ jsx23("p", { class: "muted", children: t.timeline_empty }) : /* @__PURE__ */ jsx23("ol", { class: "list timeline", children: props.events.map((e) => /* @__PURE__ */ jsxs18("li", { class: "list-item", id: `event-${e.id}`, children: [
      /* @__PURE__ */ jsx23("span", { class: "title", children: te[`kind_${e.kind}`] }),
      /* @__PURE__ */ jsx23("time", { datetime: e.occurredAt.toISOString(), children: formatDateTime(e.occurredAt, lang, tz) }),
      eventDetail(e, lang).map((line) => /* @__PURE__ */ jsx23("span", { class: "meta", children: line })),
      e.note && /* @__PURE__ */ jsx23("p", { class: "prewrap", children: e.note }),
      /* @__PURE__ */ jsx23("span", { class: "meta", children: e.recordedBy?.name ? t.recorded_by(e.recordedBy.name, formatDateTime(e.createdAt, lang, tz)) : t.recorded_on(formatDateTime(e.createdAt, lang, tz)) }),
      props.writer && /* @__PURE__ */ jsxs18("a", { class: "muted", href: `/cases/${k.id}/events/${e.id}/delete`, children: [
        te.delete,
        /* @__PURE__ */ jsxs18("span", { class: "visually-hidden", children: [
          " ",
          te[`kind_${e.kind}`]
        ] })
      ] })
    ] })) })
  ] });
}
function SensitivePanel(props) {
  const t = casesText[props.lang];
  const { kase: k, sensitive: s } = props;
  const saved = (has) => has ? t.sensitive_saved : t.sensitive_empty;
  const any = k.hasANumber || k.hasBirthdate || k.hasNotes;
  return /* @__PURE__ */ jsx23(Panel, { title: t.sensitive_title, class: "sensitive", children: s ? /* @__PURE__ */ jsxs18(Fragment6, { children: [
    /* @__PURE__ */ jsxs18("dl", { class: "facts", children: [
      /* @__PURE__ */ jsx23("dt", { children: t.a_number }),
      /* @__PURE__ */ jsx23("dd", { children: s.aNumber ? formatANumber(s.aNumber) : t.sensitive_empty }),
      /* @__PURE__ */ jsx23("dt", { children: t.birthdate }),
      /* @__PURE__ */ jsx23("dd", { children: s.birthdate ? showDate(s.birthdate, props.lang) : t.sensitive_empty }),
      /* @__PURE__ */ jsx23("dt", { children: t.notes }),
      /* @__PURE__ */ jsx23("dd", { class: "prewrap", children: s.notes ?? t.sensitive_empty })
    ] }),
    /* @__PURE__ */ jsx23("p", { class: "hint", children: t.sensitive_logged })
  ] }) : /* @__PURE__ */ jsxs18(Fragment6, { children: [
    /* @__PURE__ */ jsxs18("dl", { class: "facts", children: [
      /* @__PURE__ */ jsx23("dt", { children: t.a_number }),
      /* @__PURE__ */ jsx23("dd", { children: saved(k.hasANumber) }),
      /* @__PURE__ */ jsx23("dt", { children: t.birthdate }),
      /* @__PURE__ */ jsx23("dd", { children: saved(k.hasBirthdate) }),
      /* @__PURE__ */ jsx23("dt", { children: t.notes }),
      /* @__PURE__ */ jsx23("dd", { children: saved(k.hasNotes) })
    ] }),
    props.seesSensitive ? any && /* @__PURE__ */ jsxs18("form", { method: "post", action: `/cases/${k.id}/sensitive`, children: [
      /* @__PURE__ */ jsx23(Csrf, { token: props.csrf }),
      /* @__PURE__ */ jsx23("p", { class: "hint", children: t.sensitive_hint }),
      /* @__PURE__ */ jsx23("button", { type: "submit", class: "secondary", children: t.show_sensitive })
    ] }) : /* @__PURE__ */ jsx23("p", { class: "hint", children: t.sensitive_no_access })
  ] }) });
}

// src/modules/defense/facilities.messages.ts
var facilitiesText = defineMessages("facilities", {
  es: {
    title: "Centros de detenci\xF3n",
    lede: "El directorio de tu organizaci\xF3n: direcci\xF3n, tel\xE9fonos y horarios de visita. Los casos y las campa\xF1as de llamadas lo usan.",
    add: "Agregar un centro",
    new_title: "Nuevo centro",
    edit_title: (name) => `Editar: ${name}`,
    search_label: "Buscar por nombre o direcci\xF3n",
    empty_title: "El directorio est\xE1 vac\xEDo",
    empty_body: "Agrega el primer centro: con el nombre basta para empezar.",
    no_results: "Ning\xFAn centro coincide con esa b\xFAsqueda.",
    clear_search: "Borrar la b\xFAsqueda",
    name: "Nombre",
    address: "Direcci\xF3n",
    phones: "Tel\xE9fonos",
    phones_hint: "Si hay varios, sep\xE1ralos con comas.",
    visiting_hours: "Horario de visitas",
    notes: "Notas",
    notes_hint: "Qu\xE9 llevar, c\xF3mo agendar una visita, qu\xE9 identificaci\xF3n piden\u2026",
    create_submit: "Guardar el centro",
    created: "Centro agregado.",
    saved: "Cambios guardados.",
    edit: "Editar",
    back_to_cases: "Volver a los casos"
  },
  en: {
    title: "Detention facilities",
    lede: "Your organization's directory: address, phones and visiting hours. Cases and call campaigns use it.",
    add: "Add a facility",
    new_title: "New facility",
    edit_title: (name) => `Edit: ${name}`,
    search_label: "Search by name or address",
    empty_title: "The directory is empty",
    empty_body: "Add the first facility: a name is enough to start.",
    no_results: "No facility matches that search.",
    clear_search: "Clear the search",
    name: "Name",
    address: "Address",
    phones: "Phones",
    phones_hint: "If there are several, separate them with commas.",
    visiting_hours: "Visiting hours",
    notes: "Notes",
    notes_hint: "What to bring, how to book a visit, which ID they ask for\u2026",
    create_submit: "Save the facility",
    created: "Facility added.",
    saved: "Changes saved.",
    edit: "Edit",
    back_to_cases: "Back to cases"
  }
});

// src/modules/defense/cases-dashboard.page.tsx
import { Fragment as Fragment7, jsx as jsx24, jsxs as jsxs19 } from "hono/jsx/jsx-runtime";
function CasesDashboardPage(props) {
  const t = casesText[props.lang];
  const { lang, auth } = props;
  const tz = auth.org.timeZone;
  const filtering = props.q !== "" || props.filter !== "active";
  const stats = [
    [props.activeCount, t.stat_active, "#results"],
    [props.hearings.length, t.stat_hearings, "#hearings"],
    [props.stale.length, t.stat_stale, "#stale"]
  ];
  return /* @__PURE__ */ jsxs19(Page, { ...props, title: t.title, section: "cases", children: [
    /* @__PURE__ */ jsxs19("div", { class: "page-head", children: [
      /* @__PURE__ */ jsx24("h1", { children: t.title }),
      can(auth.role, "cases.write") && /* @__PURE__ */ jsx24("a", { class: "button", href: "/cases/new", children: t.open_case })
    ] }),
    /* @__PURE__ */ jsx24("p", { class: "lede", children: t.lede }),
    props.notice && /* @__PURE__ */ jsx24("div", { class: "alert alert-ok", role: "status", children: props.notice }),
    /* @__PURE__ */ jsx24("div", { class: "stats", children: stats.map(([n, label, href]) => /* @__PURE__ */ jsxs19("a", { class: "stat", href, children: [
      /* @__PURE__ */ jsx24("div", { class: "n", children: formatNumber(n, lang) }),
      /* @__PURE__ */ jsx24("div", { class: "l", children: label })
    ] })) }),
    /* @__PURE__ */ jsx24("section", { id: "hearings", children: /* @__PURE__ */ jsx24(Panel, { title: t.hearings_title, children: props.hearings.length ? /* @__PURE__ */ jsx24(HearingList, { items: props.hearings, lang, timeZone: tz }) : /* @__PURE__ */ jsx24("p", { class: "muted", children: t.hearings_none }) }) }),
    props.stale.length > 0 && /* @__PURE__ */ jsx24("section", { id: "stale", children: /* @__PURE__ */ jsxs19(Panel, { title: t.stale_title, children: [
      /* @__PURE__ */ jsx24("p", { class: "hint", children: t.stale_hint }),
      /* @__PURE__ */ jsx24(CaseList, { items: props.stale, lang, timeZone: tz })
    ] }) }),
    /* @__PURE__ */ jsx24("search", { children: /* @__PURE__ */ jsxs19("form", { method: "get", action: "/cases", class: "searchbar", children: [
      /* @__PURE__ */ jsxs19("div", { class: "field", children: [
        /* @__PURE__ */ jsx24("label", { for: "f-q", children: t.search_label }),
        /* @__PURE__ */ jsx24(
          "input",
          {
            id: "f-q",
            name: "q",
            type: "search",
            value: props.q,
            placeholder: t.search_placeholder,
            maxlength: 200,
            autocomplete: "off"
          }
        )
      ] }),
      /* @__PURE__ */ jsxs19("div", { class: "field", children: [
        /* @__PURE__ */ jsx24("label", { for: "f-status", children: t.filter_label }),
        /* @__PURE__ */ jsxs19("select", { id: "f-status", name: "status", children: [
          /* @__PURE__ */ jsx24("option", { value: "active", selected: props.filter === "active", children: t.filter_active }),
          CASE_STATUSES.map((s) => /* @__PURE__ */ jsx24("option", { value: s, selected: props.filter === s, children: t[`status_${s}`] })),
          /* @__PURE__ */ jsx24("option", { value: "all", selected: props.filter === "all", children: t.filter_all })
        ] })
      ] }),
      /* @__PURE__ */ jsx24("button", { type: "submit", class: "secondary", children: common[lang].search })
    ] }) }),
    /* @__PURE__ */ jsx24("div", { id: "results", class: "results", children: props.cases.length === 0 ? /* @__PURE__ */ jsx24("div", { class: "empty", children: filtering ? /* @__PURE__ */ jsxs19(Fragment7, { children: [
      /* @__PURE__ */ jsx24("h2", { children: t.no_results }),
      /* @__PURE__ */ jsx24("p", { children: t.no_results_hint }),
      /* @__PURE__ */ jsx24("a", { class: "button secondary", href: "/cases", children: t.clear_search })
    ] }) : /* @__PURE__ */ jsxs19(Fragment7, { children: [
      /* @__PURE__ */ jsx24("h2", { children: t.empty_title }),
      /* @__PURE__ */ jsx24("p", { children: t.empty_body }),
      can(auth.role, "cases.write") && /* @__PURE__ */ jsx24("a", { class: "button", href: "/cases/new", children: t.open_case })
    ] }) }) : /* @__PURE__ */ jsxs19(Fragment7, { children: [
      /* @__PURE__ */ jsx24("p", { class: "count", role: "status", children: props.cases.length === 1 ? t.found_one : t.found(formatNumber(props.cases.length, lang)) }),
      /* @__PURE__ */ jsx24(CaseList, { items: props.cases, lang, timeZone: tz })
    ] }) }),
    /* @__PURE__ */ jsx24("p", { children: /* @__PURE__ */ jsxs19("a", { href: "/facilities", children: [
      facilitiesText[lang].title,
      " \u2192"
    ] }) })
  ] });
}

// src/modules/defense/cases.routes.tsx
import { jsx as jsx25 } from "hono/jsx/jsx-runtime";
var casesRoutes = new Hono8();
var facilityOptions2 = (c) => searchFacilities(c.get("deps").db, requireAuth(c).org.id, "", 500);
casesRoutes.get("/cases", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.read");
  const query = DashboardQuerySchema.parse(c.req.query());
  const db = c.get("deps").db;
  const url = new URL(c.req.url);
  return render(
    c,
    /* @__PURE__ */ jsx25(
      CasesDashboardPage,
      {
        ...view2(c),
        path: `${url.pathname}${url.search}`,
        q: query.q,
        filter: query.status,
        cases: await listCases(db, auth.org.id, { q: query.q, filter: query.status }),
        hearings: await upcomingHearings(db, auth.org.id),
        stale: await staleCases(db, auth.org.id),
        activeCount: await countActiveCases(db, auth.org.id),
        notice: notice2(c)
      }
    )
  );
});
casesRoutes.get("/cases/new", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { person: personId, q } = PersonParamSchema.parse(c.req.query());
  const db = c.get("deps").db;
  if (!personId) {
    const found = q ? (await searchPeople(db, auth.actor, { q, page: 1, perPage: 20 })).people : [];
    const url = new URL(c.req.url);
    return render(
      c,
      /* @__PURE__ */ jsx25(
        ChoosePersonPage,
        {
          ...view2(c),
          path: `${url.pathname}${url.search}`,
          q,
          people: found,
          canAddPeople: can(auth.role, "people.write")
        }
      )
    );
  }
  const person = await getPerson(db, auth.org.id, personId);
  if (!person) throw new AppError("not_found");
  return render(
    c,
    /* @__PURE__ */ jsx25(
      CaseFormPage,
      {
        ...view2(c),
        path: `/cases/new?person=${person.id}`,
        person,
        facilities: await facilityOptions2(c),
        form: emptyForm({ person_id: person.id, status: "open", bond_currency: "USD" }),
        withSensitive: true
      }
    )
  );
});
casesRoutes.post("/cases", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const values = await readForm(c);
  const personId = values.person_id ?? "";
  const person = /^[0-9a-f-]{36}$/i.test(personId) ? await getPerson(c.get("deps").db, auth.org.id, personId) : null;
  if (!person) throw new AppError("not_found");
  const { input, errors } = formToCaseInput(values, { withSensitive: true });
  const parsed = parseWith(CaseFieldsSchema, input);
  const again2 = async (fieldErrors) => render(
    c,
    /* @__PURE__ */ jsx25(
      CaseFormPage,
      {
        ...view2(c),
        person,
        facilities: await facilityOptions2(c),
        form: { values, errors: { ...caseErrorsForForm(fieldErrors), ...errors } },
        withSensitive: true
      }
    ),
    422
  );
  if (!parsed.ok || Object.keys(errors).length > 0) return again2(parsed.ok ? {} : parsed.errors);
  const created = await createCase(c.get("deps"), auth.actor, parsed.data);
  return c.redirect(`/cases/${created.id}?done=created`, 303);
});
casesRoutes.get("/cases/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.read");
  const { kase, seesSensitive } = await requireCase(c);
  const events = await listCaseEvents(c.get("deps").db, auth.org.id, kase.id);
  return render(
    c,
    /* @__PURE__ */ jsx25(
      CasePage,
      {
        ...view2(c),
        kase,
        events,
        seesSensitive,
        notice: notice2(c)
      }
    )
  );
});
casesRoutes.post("/cases/:id/sensitive", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.read");
  const { kase, seesSensitive } = await requireCase(c);
  if (!seesSensitive) throw new AppError("forbidden");
  const sensitive = await readCaseSensitive(c.get("deps"), auth.actor, kase.id);
  const events = await listCaseEvents(c.get("deps").db, auth.org.id, kase.id);
  return render(
    c,
    /* @__PURE__ */ jsx25(
      CasePage,
      {
        ...view2(c),
        path: `/cases/${kase.id}`,
        kase,
        events,
        seesSensitive: true,
        sensitive
      }
    )
  );
});
casesRoutes.get("/cases/:id/edit", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { kase, seesSensitive } = await requireCase(c);
  const sensitive = seesSensitive && (kase.hasANumber || kase.hasBirthdate || kase.hasNotes) ? await readCaseSensitive(c.get("deps"), auth.actor, kase.id, "edit") : void 0;
  return render(
    c,
    /* @__PURE__ */ jsx25(
      CaseFormPage,
      {
        ...view2(c),
        caseId: kase.id,
        person: { id: kase.personId, displayName: kase.personDisplayName },
        facilities: await facilityOptions2(c),
        form: emptyForm(caseToForm(kase, sensitive)),
        withSensitive: seesSensitive
      }
    )
  );
});
casesRoutes.post("/cases/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "cases.write");
  const { kase, seesSensitive } = await requireCase(c);
  const values = { ...await readForm(c), person_id: kase.personId };
  const { input, errors } = formToCaseInput(values, { withSensitive: seesSensitive });
  const parsed = parseWith(CaseFieldsSchema, input);
  if (!parsed.ok || Object.keys(errors).length > 0) {
    return render(
      c,
      /* @__PURE__ */ jsx25(
        CaseFormPage,
        {
          ...view2(c),
          caseId: kase.id,
          person: { id: kase.personId, displayName: kase.personDisplayName },
          facilities: await facilityOptions2(c),
          form: {
            values,
            errors: { ...caseErrorsForForm(parsed.ok ? {} : parsed.errors), ...errors }
          },
          withSensitive: seesSensitive
        }
      ),
      422
    );
  }
  const { personId: _p, aNumber, birthdate, notes, ...rest } = parsed.data;
  await updateCase(
    c.get("deps"),
    auth.actor,
    kase.id,
    seesSensitive ? { ...rest, aNumber, birthdate, notes } : rest
  );
  return c.redirect(`/cases/${kase.id}?done=saved`, 303);
});

// src/modules/defense/facilities.routes.tsx
import { Hono as Hono9 } from "hono";
import { z as z13 } from "zod";

// src/modules/defense/facility.ts
import { z as z12 } from "zod";
var FACILITY_LIMITS = {
  name: 200,
  address: 500,
  phone: 40,
  phones: 5,
  hours: 1e3,
  notes: 5e3
};
var optionalText5 = (max) => z12.string("wrong_type").max(max, "too_long").transform((v) => v.trim() || null).nullable().optional().transform((v) => v ?? null);
var FacilityFieldsSchema = z12.object({
  name: z12.string("required").trim().min(1, "required").max(FACILITY_LIMITS.name, "too_long"),
  address: optionalText5(FACILITY_LIMITS.address),
  phones: z12.array(
    z12.string("wrong_type").trim().max(FACILITY_LIMITS.phone, "too_long").refine(isValidPhone, "invalid_phone"),
    "wrong_type"
  ).max(FACILITY_LIMITS.phones, "too_long").default([]).transform((phones) => [...new Set(phones)]),
  visitingHours: optionalText5(FACILITY_LIMITS.hours),
  notes: optionalText5(FACILITY_LIMITS.notes)
});
function facilitySearchText(f) {
  return fold([f.name, f.address ?? ""].filter(Boolean).join(" "));
}

// src/modules/defense/create-facility.ts
async function createFacility(deps, actor, input) {
  const id = await deps.db.transaction(async (tx) => {
    const [row] = await tx.insert(facilities).values({ orgId: actor.orgId, ...input, searchText: facilitySearchText(input) }).returning({ id: facilities.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, actor, "facility.created", { type: "facility", id: row.id });
    return row.id;
  });
  const facility = await getFacility(deps.db, actor.orgId, id);
  if (!facility) throw notFound();
  return facility;
}

// src/modules/defense/facilities.pages.tsx
import { Fragment as Fragment8, jsx as jsx26, jsxs as jsxs20 } from "hono/jsx/jsx-runtime";
function FacilitiesPage(props) {
  const t = facilitiesText[props.lang];
  const writer = can(props.auth.role, "facilities.write");
  return /* @__PURE__ */ jsxs20(Page, { ...props, title: t.title, section: "cases", children: [
    /* @__PURE__ */ jsx26("p", { children: /* @__PURE__ */ jsxs20("a", { href: "/cases", children: [
      "\u2190 ",
      t.back_to_cases
    ] }) }),
    /* @__PURE__ */ jsxs20("div", { class: "page-head", children: [
      /* @__PURE__ */ jsx26("h1", { children: t.title }),
      writer && /* @__PURE__ */ jsx26("a", { class: "button", href: "/facilities/new", children: t.add })
    ] }),
    /* @__PURE__ */ jsx26("p", { class: "lede", children: t.lede }),
    props.notice && /* @__PURE__ */ jsx26("div", { class: "alert alert-ok", role: "status", children: props.notice }),
    /* @__PURE__ */ jsx26("search", { children: /* @__PURE__ */ jsxs20("form", { method: "get", action: "/facilities", class: "searchbar", children: [
      /* @__PURE__ */ jsxs20("div", { class: "field", children: [
        /* @__PURE__ */ jsx26("label", { for: "f-q", children: t.search_label }),
        /* @__PURE__ */ jsx26(
          "input",
          {
            id: "f-q",
            name: "q",
            type: "search",
            value: props.q,
            maxlength: 200,
            autocomplete: "off"
          }
        )
      ] }),
      /* @__PURE__ */ jsx26("button", { type: "submit", class: "secondary", children: common[props.lang].search })
    ] }) }),
    props.facilities.length === 0 ? /* @__PURE__ */ jsx26("div", { class: "empty", children: props.q ? /* @__PURE__ */ jsxs20(Fragment8, { children: [
      /* @__PURE__ */ jsx26("h2", { children: t.no_results }),
      /* @__PURE__ */ jsx26("a", { class: "button secondary", href: "/facilities", children: t.clear_search })
    ] }) : /* @__PURE__ */ jsxs20(Fragment8, { children: [
      /* @__PURE__ */ jsx26("h2", { children: t.empty_title }),
      /* @__PURE__ */ jsx26("p", { children: t.empty_body }),
      writer && /* @__PURE__ */ jsx26("a", { class: "button", href: "/facilities/new", children: t.add })
    ] }) }) : /* @__PURE__ */ jsx26("ul", { class: "list", children: props.facilities.map((f) => /* @__PURE__ */ jsxs20("li", { class: "list-item facility", id: `facility-${f.id}`, children: [
      /* @__PURE__ */ jsx26("h2", { class: "title", children: f.name }),
      /* @__PURE__ */ jsxs20("dl", { class: "facts", children: [
        f.address && /* @__PURE__ */ jsxs20(Fragment8, { children: [
          /* @__PURE__ */ jsx26("dt", { children: t.address }),
          /* @__PURE__ */ jsx26("dd", { children: f.address })
        ] }),
        f.phones.length > 0 && /* @__PURE__ */ jsxs20(Fragment8, { children: [
          /* @__PURE__ */ jsx26("dt", { children: t.phones }),
          /* @__PURE__ */ jsx26("dd", { children: f.phones.map((p, i) => /* @__PURE__ */ jsxs20(Fragment8, { children: [
            i > 0 && ", ",
            /* @__PURE__ */ jsx26("a", { href: `tel:${p.replace(/[^\d+]/g, "")}`, children: p })
          ] })) })
        ] }),
        f.visitingHours && /* @__PURE__ */ jsxs20(Fragment8, { children: [
          /* @__PURE__ */ jsx26("dt", { children: t.visiting_hours }),
          /* @__PURE__ */ jsx26("dd", { class: "prewrap", children: f.visitingHours })
        ] }),
        f.notes && /* @__PURE__ */ jsxs20(Fragment8, { children: [
          /* @__PURE__ */ jsx26("dt", { children: t.notes }),
          /* @__PURE__ */ jsx26("dd", { class: "prewrap", children: f.notes })
        ] })
      ] }),
      writer && /* @__PURE__ */ jsxs20("a", { class: "button secondary", href: `/facilities/${f.id}/edit`, children: [
        t.edit,
        /* @__PURE__ */ jsxs20("span", { class: "visually-hidden", children: [
          " ",
          f.name
        ] })
      ] })
    ] })) })
  ] });
}
function FacilityFormPage(props) {
  const t = facilitiesText[props.lang];
  const { form, lang } = props;
  const title2 = props.facility ? t.edit_title(props.facility.name) : t.new_title;
  return /* @__PURE__ */ jsx26(Page, { ...props, title: title2, section: "cases", children: /* @__PURE__ */ jsxs20("div", { class: "narrow", children: [
    /* @__PURE__ */ jsx26("h1", { children: title2 }),
    /* @__PURE__ */ jsx26(FormAlert, { form, lang }),
    /* @__PURE__ */ jsxs20(
      "form",
      {
        method: "post",
        action: props.facility ? `/facilities/${props.facility.id}` : "/facilities",
        novalidate: true,
        children: [
          /* @__PURE__ */ jsx26(Csrf, { token: props.csrf }),
          /* @__PURE__ */ jsxs20("div", { class: "panel", children: [
            /* @__PURE__ */ jsx26(
              Field,
              {
                name: "name",
                label: t.name,
                form,
                lang,
                required: true,
                maxlength: FACILITY_LIMITS.name
              }
            ),
            /* @__PURE__ */ jsx26(
              TextArea,
              {
                name: "address",
                label: t.address,
                form,
                lang,
                maxlength: FACILITY_LIMITS.address
              }
            ),
            /* @__PURE__ */ jsx26(
              Field,
              {
                name: "phones",
                label: t.phones,
                hint: t.phones_hint,
                form,
                lang,
                inputmode: "tel",
                autocomplete: "off"
              }
            ),
            /* @__PURE__ */ jsx26(
              TextArea,
              {
                name: "visiting_hours",
                label: t.visiting_hours,
                form,
                lang,
                maxlength: FACILITY_LIMITS.hours
              }
            ),
            /* @__PURE__ */ jsx26(
              TextArea,
              {
                name: "notes",
                label: t.notes,
                hint: t.notes_hint,
                form,
                lang,
                maxlength: FACILITY_LIMITS.notes
              }
            )
          ] }),
          /* @__PURE__ */ jsxs20(Actions, { children: [
            /* @__PURE__ */ jsx26("button", { type: "submit", class: "primary", children: props.facility ? common[lang].save : t.create_submit }),
            /* @__PURE__ */ jsx26("a", { href: "/facilities", children: common[lang].cancel })
          ] })
        ]
      }
    )
  ] }) });
}

// src/modules/defense/update-facility.ts
import { and as and28, eq as eq32 } from "drizzle-orm";
async function updateFacility(deps, actor, id, input) {
  await deps.db.transaction(async (tx) => {
    const rows = await tx.update(facilities).set({ ...input, searchText: facilitySearchText(input), updatedAt: /* @__PURE__ */ new Date() }).where(and28(eq32(facilities.orgId, actor.orgId), eq32(facilities.id, id))).returning({ id: facilities.id });
    if (rows.length === 0) throw notFound();
    await audit(tx, actor, "facility.updated", { type: "facility", id });
  });
  const facility = await getFacility(deps.db, actor.orgId, id);
  if (!facility) throw notFound();
  return facility;
}

// src/modules/defense/facilities.routes.tsx
import { jsx as jsx27 } from "hono/jsx/jsx-runtime";
var facilitiesRoutes = new Hono9();
var view3 = (c) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c)
});
var splitList2 = (value) => (value ?? "").split(/[,;\n]/).map((v) => v.trim()).filter(Boolean);
var toInput = (values) => ({
  name: values.name ?? "",
  address: values.address ?? "",
  phones: splitList2(values.phones),
  visitingHours: values.visiting_hours ?? "",
  notes: values.notes ?? ""
});
var toForm = (f) => ({
  name: f.name,
  address: f.address ?? "",
  phones: f.phones.join(", "),
  visiting_hours: f.visitingHours ?? "",
  notes: f.notes ?? ""
});
var FORM_NAMES2 = { visitingHours: "visiting_hours" };
function formErrors2(errors) {
  const out = {};
  for (const [path, key2] of Object.entries(errors)) {
    const head = path.split(".")[0] ?? "";
    out[FORM_NAMES2[head] ?? head] ??= key2;
  }
  return out;
}
var QuerySchema2 = z13.object({ q: z13.string().max(200).catch("").default("") });
var NOTICES3 = { created: "created", saved: "saved" };
facilitiesRoutes.get("/facilities", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "facilities.read");
  const { q } = QuerySchema2.parse(c.req.query());
  const done2 = c.req.query("done");
  const notice5 = done2 && done2 in NOTICES3 ? facilitiesText[c.get("lang")][NOTICES3[done2]] : void 0;
  const list = await searchFacilities(c.get("deps").db, auth.org.id, q.replaceAll("\0", ""));
  return render(c, /* @__PURE__ */ jsx27(FacilitiesPage, { ...view3(c), facilities: list, q, notice: notice5 }));
});
facilitiesRoutes.get("/facilities/new", (c) => {
  requirePermission(requireAuth(c).role, "facilities.write");
  return render(c, /* @__PURE__ */ jsx27(FacilityFormPage, { ...view3(c), form: emptyForm() }));
});
facilitiesRoutes.post("/facilities", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "facilities.write");
  const values = await readForm(c);
  const parsed = parseWith(FacilityFieldsSchema, toInput(values));
  if (!parsed.ok) {
    return render(
      c,
      /* @__PURE__ */ jsx27(FacilityFormPage, { ...view3(c), form: { values, errors: formErrors2(parsed.errors) } }),
      422
    );
  }
  const f = await createFacility(c.get("deps"), auth.actor, parsed.data);
  return c.redirect(`/facilities?done=created#facility-${f.id}`, 303);
});
async function requireFacility(c) {
  const auth = requireAuth(c);
  const f = await getFacility(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!f) throw new AppError("not_found");
  return f;
}
facilitiesRoutes.get("/facilities/:id/edit", async (c) => {
  requirePermission(requireAuth(c).role, "facilities.write");
  const f = await requireFacility(c);
  return render(c, /* @__PURE__ */ jsx27(FacilityFormPage, { ...view3(c), facility: f, form: emptyForm(toForm(f)) }));
});
facilitiesRoutes.post("/facilities/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "facilities.write");
  const f = await requireFacility(c);
  const values = await readForm(c);
  const parsed = parseWith(FacilityFieldsSchema, toInput(values));
  if (!parsed.ok) {
    return render(
      c,
      /* @__PURE__ */ jsx27(
        FacilityFormPage,
        {
          ...view3(c),
          facility: f,
          form: { values, errors: formErrors2(parsed.errors) }
        }
      ),
      422
    );
  }
  await updateFacility(c.get("deps"), auth.actor, f.id, parsed.data);
  return c.redirect(`/facilities?done=saved#facility-${f.id}`, 303);
});

// src/modules/flyers/public.routes.tsx
import { Hono as Hono10 } from "hono";
import { getCookie as getCookie3 } from "hono/cookie";

// src/platform/page-cache.ts
import { createHash as createHash2, randomUUID as randomUUID3 } from "node:crypto";
import { sql as sql12 } from "drizzle-orm";
function etagOf(body) {
  return `"${createHash2("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}
function matchesEtag(ifNoneMatch, etag) {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").map((t) => t.trim().replace(/^W\//, "")).some((t) => t === "*" || t === etag);
}
var PageCache = class {
  entries = /* @__PURE__ */ new Map();
  inflight = /* @__PURE__ */ new Map();
  /** tag -> the invalidation counter when it was last invalidated. */
  invalidatedAt = /* @__PURE__ */ new Map();
  counter = 0;
  /** Everything rendered before this counter is stale (clear()). */
  clearedAt = 0;
  maxEntries;
  maxAgeMs;
  now;
  constructor(options = {}) {
    this.maxEntries = options.maxEntries ?? 1e3;
    this.maxAgeMs = options.maxAgeMs ?? 5 * 6e4;
    this.now = options.now ?? Date.now;
  }
  get size() {
    return this.entries.size;
  }
  /** The stored page, or null when there is none or it is too old. */
  get(key2) {
    const entry2 = this.entries.get(key2);
    if (!entry2) return null;
    if (this.now() - entry2.storedAt > this.maxAgeMs) {
      this.entries.delete(key2);
      return null;
    }
    return entry2;
  }
  /**
   * The stored page, or renders it once (concurrent misses share one render). `render`
   * returns null for what must not be stored (a 404). A render that overlaps an
   * invalidation of one of its tags is returned but not stored: it may hold old data.
   */
  async getOrRender(key2, render2) {
    const hit2 = this.get(key2);
    if (hit2) return hit2;
    const running = this.inflight.get(key2);
    if (running) return running;
    const started = this.counter;
    const work = (async () => {
      const rendered = await render2();
      if (!rendered) return null;
      const body = typeof rendered.body === "string" ? Buffer.from(rendered.body, "utf8") : rendered.body;
      const page2 = {
        body,
        contentType: rendered.contentType,
        headers: { ...rendered.headers },
        etag: etagOf(body),
        tags: [...rendered.tags],
        storedAt: this.now()
      };
      if (this.freshSince(page2.tags, started)) this.store(key2, page2);
      return page2;
    })();
    this.inflight.set(key2, work);
    try {
      return await work;
    } finally {
      this.inflight.delete(key2);
    }
  }
  /** Drops every page built from this tag, and keeps renders already running from storing. */
  invalidate(tag) {
    this.counter += 1;
    this.invalidatedAt.set(tag, this.counter);
    for (const [key2, entry2] of this.entries) {
      if (entry2.tags.includes(tag)) this.entries.delete(key2);
    }
    if (this.inflight.size === 0) this.invalidatedAt.clear();
  }
  /** Drops everything (e.g. notifications may have been missed). */
  clear() {
    this.counter += 1;
    this.clearedAt = this.counter;
    this.entries.clear();
    if (this.inflight.size === 0) this.invalidatedAt.clear();
  }
  freshSince(tags2, started) {
    if (this.clearedAt > started) return false;
    return tags2.every((t) => (this.invalidatedAt.get(t) ?? 0) <= started);
  }
  store(key2, page2) {
    this.entries.delete(key2);
    this.entries.set(key2, page2);
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === void 0) break;
      this.entries.delete(oldest);
    }
  }
};
var CacheRelay = class {
  constructor(database, cache, channel, onStop = () => {
  }) {
    this.database = database;
    this.cache = cache;
    this.channel = channel;
    this.onStop = onStop;
  }
  database;
  cache;
  channel;
  onStop;
  instance = randomUUID3();
  pending = /* @__PURE__ */ new Set();
  flushing = null;
  listener = null;
  stopped = false;
  /** Starts listening; safe to call without awaiting (errors are swallowed and retried). */
  async start() {
    this.listener = await this.database.listen(this.channel, {
      message: (payload) => this.receive(payload),
      reset: () => this.cache.clear(),
      closed: () => {
        this.stopped = true;
        this.onStop();
      }
    });
  }
  invalidate(tag) {
    this.cache.invalidate(tag);
    if (this.stopped) return;
    this.pending.add(tag);
    if (!this.flushing) this.flushing = this.flushSoon();
  }
  /** Resolves once everything invalidated so far has been sent. */
  async flushed() {
    while (this.flushing) await this.flushing;
  }
  async stop() {
    this.stopped = true;
    await this.listener?.stop();
  }
  async flushSoon() {
    await new Promise((resolve2) => setImmediate(resolve2));
    try {
      while (this.pending.size > 0 && !this.stopped) {
        const tags2 = [...this.pending];
        this.pending = /* @__PURE__ */ new Set();
        for (const payload of packPayloads(this.instance, tags2)) {
          await this.notify(payload);
        }
      }
    } finally {
      this.pending.clear();
      this.flushing = null;
    }
  }
  async notify(payload) {
    try {
      await this.database.db.execute(sql12`SELECT pg_notify(${this.channel}, ${payload})`);
    } catch {
    }
  }
  receive(payload) {
    const [from, ...tags2] = payload.split(" ");
    if (from === this.instance) return;
    for (const tag of tags2) if (tag) this.cache.invalidate(tag);
  }
};
var MAX_PAYLOAD = 7e3;
function packPayloads(instance, tags2) {
  const out = [];
  let current = instance;
  for (const tag of tags2) {
    if (current.length + 1 + tag.length > MAX_PAYLOAD && current !== instance) {
      out.push(current);
      current = instance;
    }
    current += ` ${tag}`;
  }
  if (current !== instance) out.push(current);
  return out;
}

// src/modules/funds/campaign-changes.ts
var listeners2 = /* @__PURE__ */ new Set();
function onCampaignChanged(listener) {
  listeners2.add(listener);
  return () => {
    listeners2.delete(listener);
  };
}
function campaignChanged(change) {
  for (const listener of listeners2) {
    try {
      listener(change);
    } catch {
    }
  }
}

// src/modules/funds/campaign.ts
import { z as z14 } from "zod";
var LIMITS3 = { slug: 40, title: 160, story: 1e4, milestones: 10, memo: 500 };
function fold2(text10) {
  return text10.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}
function searchTextFor2(c) {
  return fold2([c.title.es, c.title.en, c.slug].join(" "));
}
function amountProblem(value, currency2) {
  if (typeof value !== "number" || Number.isNaN(value)) return "amount_not_a_number";
  if (!Number.isFinite(value)) return "amount_too_large";
  if (!Number.isInteger(value)) return "amount_fractional";
  if (value <= 0) return "amount_not_positive";
  if (value > maxCents(currency2)) return "amount_too_large";
  return null;
}
function milestonesProblem(milestones, goal) {
  if (milestones.length > LIMITS3.milestones) return true;
  return milestones.some((m, i) => m <= 0 || m >= goal || i > 0 && m <= (milestones[i - 1] ?? 0));
}
var SLUG3 = /^[a-z0-9](?:[a-z0-9-]{1,38})[a-z0-9]$/;
var title = z14.string("required").trim().min(1, "required").max(LIMITS3.title, "too_long");
var story = z14.string("wrong_type").max(LIMITS3.story, "too_long").transform((v) => v.trim() || null).nullable().optional().transform((v) => v ?? null);
var CampaignFieldsSchema = z14.object({
  slug: z14.string("required").trim().toLowerCase().min(1, "required").refine((v) => SLUG3.test(v) && !v.includes("--"), "invalid_slug"),
  title: z14.object({ es: title, en: title }, "required"),
  story: z14.object({ es: story, en: story }, "wrong_type").default({ es: null, en: null }),
  goalCents: z14.number("amount_not_a_number"),
  currency: z14.enum(CURRENCIES, "invalid_choice").default("USD"),
  milestonesCents: z14.array(z14.number("amount_not_a_number"), "wrong_type").default([]),
  caseId: z14.uuid("case_not_found").nullable().default(null),
  open: z14.boolean("wrong_type").default(true),
  public: z14.boolean("wrong_type").default(false)
}).superRefine((v, ctx) => {
  const goal = amountProblem(v.goalCents, v.currency);
  if (goal) ctx.addIssue({ code: "custom", path: ["goalCents"], message: goal });
  const each = v.milestonesCents.map((m) => amountProblem(m, v.currency)).find(Boolean);
  if (each) ctx.addIssue({ code: "custom", path: ["milestonesCents"], message: each });
  else if (!goal && milestonesProblem(v.milestonesCents, v.goalCents)) {
    ctx.addIssue({ code: "custom", path: ["milestonesCents"], message: "milestones_invalid" });
  }
}).transform((v) => ({
  ...v,
  goalCents: cents(v.goalCents),
  milestonesCents: v.milestonesCents.map(cents)
}));
function progress(raised, goal, milestones) {
  const percent = goal > 0 ? Math.min(100, Math.max(0, Math.floor(raised * 100 / goal))) : 0;
  const target = [...milestones, goal].find((m) => m > raised);
  if (target === void 0) return { percent, next: null };
  return { percent, next: { target, toGo: cents(target - raised), isGoal: target === goal } };
}

// src/modules/funds/funds.schema.ts
import { bigint as bigint2, boolean as boolean4, pgTable as pgTable5, text as text6, timestamp as timestamp5, unique as unique2, uuid as uuid5 } from "drizzle-orm/pg-core";
var GIFT_METHODS = ["cash", "check", "card", "transfer", "other"];
var DISBURSEMENT_PURPOSES = [
  "legal_fees",
  "bond",
  "family_support",
  "other"
];
var createdAt4 = () => timestamp5("created_at", { withTimezone: true }).notNull().defaultNow();
var updatedAt3 = () => timestamp5("updated_at", { withTimezone: true }).notNull().defaultNow();
var money = (name) => bigint2(name, { mode: "number" });
var fundsSettings = pgTable5("funds_settings", {
  id: uuid5("id").primaryKey().defaultRandom(),
  orgId: uuid5("org_id").notNull().unique(),
  approvalThresholdCents: money("approval_threshold_cents").notNull().default(5e4),
  createdAt: createdAt4(),
  updatedAt: updatedAt3()
});
var campaigns = pgTable5(
  "campaigns",
  {
    id: uuid5("id").primaryKey().defaultRandom(),
    orgId: uuid5("org_id").notNull(),
    slug: text6("slug").notNull(),
    titleEs: text6("title_es").notNull(),
    titleEn: text6("title_en").notNull(),
    storyEs: text6("story_es"),
    storyEn: text6("story_en"),
    goalCents: money("goal_cents").notNull(),
    currency: text6("currency").$type().notNull().default("USD"),
    milestonesCents: money("milestones_cents").array().notNull().default([]),
    caseId: uuid5("case_id"),
    open: boolean4("open").notNull().default(true),
    public: boolean4("public").notNull().default(false),
    searchText: text6("search_text").notNull().default(""),
    createdBy: uuid5("created_by"),
    createdAt: createdAt4(),
    updatedAt: updatedAt3()
  },
  (t) => [unique2().on(t.orgId, t.slug), unique2().on(t.orgId, t.id)]
);
var ledgerGroups = pgTable5(
  "ledger_groups",
  {
    id: uuid5("id").primaryKey().defaultRandom(),
    orgId: uuid5("org_id").notNull(),
    campaignId: uuid5("campaign_id").notNull(),
    kind: text6("kind").$type().notNull(),
    reversesGroupId: uuid5("reverses_group_id").unique(),
    bondId: uuid5("bond_id"),
    idempotencyKey: text6("idempotency_key"),
    createdBy: uuid5("created_by"),
    occurredAt: timestamp5("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    memo: text6("memo"),
    createdAt: createdAt4()
  },
  (t) => [unique2().on(t.orgId, t.idempotencyKey)]
);
var ledgerEntries = pgTable5("ledger_entries", {
  id: uuid5("id").primaryKey().defaultRandom(),
  orgId: uuid5("org_id").notNull(),
  groupId: uuid5("group_id").notNull(),
  campaignId: uuid5("campaign_id").notNull(),
  account: text6("account").$type().notNull(),
  amountCents: money("amount_cents").notNull(),
  createdAt: createdAt4()
});
var gifts = pgTable5(
  "gifts",
  {
    id: uuid5("id").primaryKey().defaultRandom(),
    orgId: uuid5("org_id").notNull(),
    campaignId: uuid5("campaign_id").notNull(),
    groupId: uuid5("group_id").notNull().unique(),
    amountCents: money("amount_cents").notNull(),
    currency: text6("currency").$type().notNull(),
    method: text6("method").$type().notNull(),
    receivedAt: timestamp5("received_at", { withTimezone: true }).notNull(),
    donorName: text6("donor_name"),
    anonymous: boolean4("anonymous").notNull().default(true),
    source: text6("source").notNull().default("manual"),
    externalId: text6("external_id"),
    eventNote: text6("event_note"),
    receivedByUserId: uuid5("received_by_user_id"),
    createdAt: createdAt4()
  },
  (t) => [unique2().on(t.orgId, t.source, t.externalId)]
);
var disbursements = pgTable5("disbursements", {
  id: uuid5("id").primaryKey().defaultRandom(),
  orgId: uuid5("org_id").notNull(),
  campaignId: uuid5("campaign_id").notNull(),
  amountCents: money("amount_cents").notNull(),
  currency: text6("currency").$type().notNull(),
  payee: text6("payee").notNull(),
  purpose: text6("purpose").$type().notNull(),
  memo: text6("memo"),
  status: text6("status").$type().notNull().default("requested"),
  requestedBy: uuid5("requested_by"),
  approvedBy: uuid5("approved_by"),
  approvedAt: timestamp5("approved_at", { withTimezone: true }),
  decidedBy: uuid5("decided_by"),
  paidGroupId: uuid5("paid_group_id").unique(),
  paidAt: timestamp5("paid_at", { withTimezone: true }),
  createdAt: createdAt4(),
  updatedAt: updatedAt3()
});
var bonds = pgTable5("bonds", {
  id: uuid5("id").primaryKey().defaultRandom(),
  orgId: uuid5("org_id").notNull(),
  campaignId: uuid5("campaign_id").notNull(),
  principalCents: money("principal_cents").notNull(),
  currency: text6("currency").$type().notNull(),
  status: text6("status").$type().notNull().default("outstanding"),
  postedGroupId: uuid5("posted_group_id").notNull().unique(),
  postedAt: timestamp5("posted_at", { withTimezone: true }).notNull(),
  settledGroupId: uuid5("settled_group_id").unique(),
  settledAt: timestamp5("settled_at", { withTimezone: true }),
  interestCents: money("interest_cents"),
  memo: text6("memo"),
  createdBy: uuid5("created_by"),
  createdAt: createdAt4(),
  updatedAt: updatedAt3()
});

// src/modules/funds/campaign-record.ts
import { and as and29, eq as eq33 } from "drizzle-orm";
var UUID4 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function campaignFromRow(row) {
  return {
    id: row.id,
    slug: row.slug,
    title: { es: row.titleEs, en: row.titleEn },
    story: { es: row.storyEs, en: row.storyEn },
    goalCents: cents(row.goalCents),
    currency: row.currency,
    milestonesCents: row.milestonesCents.map((m) => cents(Number(m))),
    caseId: row.caseId,
    open: row.open,
    public: row.public,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt
  };
}
async function getCampaign(db, orgId, id) {
  if (!UUID4.test(id)) return null;
  const [row] = await db.select().from(campaigns).where(and29(eq33(campaigns.orgId, orgId), eq33(campaigns.id, id)));
  return row ? campaignFromRow(row) : null;
}
async function getCampaignBySlug(db, orgId, slug) {
  const [row] = await db.select().from(campaigns).where(and29(eq33(campaigns.orgId, orgId), eq33(campaigns.slug, slug.toLowerCase())));
  return row ? campaignFromRow(row) : null;
}
async function lockCampaign(tx, orgId, id, mode) {
  if (!UUID4.test(id)) return null;
  const [row] = await tx.select().from(campaigns).where(and29(eq33(campaigns.orgId, orgId), eq33(campaigns.id, id))).for(mode);
  return row ? campaignFromRow(row) : null;
}

// src/modules/funds/campaign-totals.ts
import { and as and31, eq as eq35, sql as sql13 } from "drizzle-orm";

// src/modules/funds/ledger.ts
var ACCOUNTS = ["fund", "bonds_receivable", "outside"];
var entry = (account, amount) => ({ account, amount: cents(amount) });
function rawEntries(m) {
  switch (m.kind) {
    case "donation":
      return [entry("outside", -m.amount), entry("fund", m.amount)];
    case "refund":
    case "disbursement":
      return [entry("fund", -m.amount), entry("outside", m.amount)];
    case "bond_posted":
      return [entry("fund", -m.amount), entry("bonds_receivable", m.amount)];
    case "bond_returned": {
      const { principal: p, interest: i } = m;
      return [entry("bonds_receivable", -p), entry("outside", -i), entry("fund", p + i)];
    }
    case "bond_forfeited":
      return [entry("bonds_receivable", -m.principal), entry("outside", m.principal)];
  }
}
function movementEntries(m) {
  return rawEntries(m).filter((e) => e.amount !== 0);
}
function movementGroup(id, movement, idempotencyKey) {
  const group = { id, movement, entries: movementEntries(movement) };
  return idempotencyKey === void 0 ? group : { ...group, idempotencyKey };
}
function reversal(group, id, idempotencyKey) {
  const entries = group.entries.map((e) => ({ account: e.account, amount: negateCents(e.amount) }));
  const reversed = { id, movement: group.movement, entries, reverses: group.id };
  return idempotencyKey === void 0 ? reversed : { ...reversed, idempotencyKey };
}
function balances(groups) {
  const sums = { fund: 0, bonds_receivable: 0, outside: 0 };
  for (const g of groups) for (const e of g.entries) sums[e.account] += e.amount;
  return {
    fund: cents(sums.fund),
    bonds_receivable: cents(sums.bonds_receivable),
    outside: cents(sums.outside)
  };
}
function campaignTotals(groups) {
  const t = { donated: 0, refunded: 0, interest: 0, spent: 0, forfeited: 0, gifts: 0 };
  const all = [...groups];
  for (const g of all) {
    const sign = g.reverses === void 0 ? 1 : -1;
    const m = g.movement;
    if (m.kind === "donation") {
      t.donated += sign * m.amount;
      t.gifts += sign;
    } else if (m.kind === "refund") t.refunded += sign * m.amount;
    else if (m.kind === "disbursement") t.spent += sign * m.amount;
    else if (m.kind === "bond_returned") t.interest += sign * m.interest;
    else if (m.kind === "bond_forfeited") t.forfeited += sign * m.principal;
  }
  const b = balances(all);
  return {
    raisedCents: cents(t.donated - t.refunded),
    donatedCents: cents(t.donated),
    refundedCents: cents(t.refunded),
    interestCents: cents(t.interest),
    availableCents: b.fund,
    onBondCents: b.bonds_receivable,
    spentCents: cents(t.spent),
    forfeitedCents: cents(t.forfeited),
    gifts: t.gifts
  };
}
function copyState(s) {
  return {
    currency: s.currency,
    balances: { ...s.balances },
    groups: new Map(s.groups),
    reversedBy: new Map(s.reversedBy),
    bonds: new Map(s.bonds),
    keys: new Map(s.keys)
  };
}
function applyGroup(s, g) {
  for (const e of g.entries) s.balances[e.account] = cents(s.balances[e.account] + e.amount);
  s.groups.set(g.id, g);
  if (g.idempotencyKey !== void 0) s.keys.set(g.idempotencyKey, g.id);
  if (g.reverses !== void 0) s.reversedBy.set(g.reverses, g.id);
  const m = g.movement;
  if (m.kind === "bond_posted" && g.reverses === void 0) {
    s.bonds.set(m.bondId, { principal: m.amount, status: "outstanding", postedGroupId: g.id });
  } else if (m.kind === "bond_posted") {
    s.bonds.delete(m.bondId);
  } else if (m.kind === "bond_returned" || m.kind === "bond_forfeited") {
    const bond = s.bonds.get(m.bondId);
    const settled = m.kind === "bond_returned" ? "returned" : "forfeited";
    if (bond) s.bonds.set(m.bondId, { ...bond, status: g.reverses ? "outstanding" : settled });
  }
}
function emptyLedger(currency2) {
  return copyState({
    currency: currency2,
    balances: balances([]),
    groups: /* @__PURE__ */ new Map(),
    reversedBy: /* @__PURE__ */ new Map(),
    bonds: /* @__PURE__ */ new Map(),
    keys: /* @__PURE__ */ new Map()
  });
}
function ledgerState(currency2, groups) {
  const s = copyState(emptyLedger(currency2));
  for (const g of groups) applyGroup(s, g);
  return s;
}
function checkFund(state, entries) {
  const needed = -entries.reduce((sum, e) => e.account === "fund" ? sum + e.amount : sum, 0);
  if (needed <= state.balances.fund) return null;
  return {
    code: "insufficient_funds",
    availableCents: state.balances.fund,
    neededCents: cents(needed)
  };
}
function checkMovement(state, m) {
  if (m.currency !== state.currency) {
    return { code: "currency_mismatch", expected: state.currency, got: m.currency };
  }
  if (m.kind === "bond_returned" || m.kind === "bond_forfeited") {
    if (m.principal <= 0) return { code: "amount_not_positive", field: "principal" };
    if (m.kind === "bond_returned" && m.interest < 0) {
      return { code: "amount_not_positive", field: "interest" };
    }
    const bond = state.bonds.get(m.bondId);
    if (!bond) return { code: "bond_not_outstanding", bondId: m.bondId };
    if (bond.status !== "outstanding") {
      return { code: "bond_already_settled", bondId: m.bondId, status: bond.status };
    }
    if (bond.principal === m.principal) return null;
    return {
      code: "bond_amount_mismatch",
      bondId: m.bondId,
      expectedCents: bond.principal,
      gotCents: m.principal
    };
  }
  if (m.amount <= 0) return { code: "amount_not_positive", field: "amount" };
  if (m.kind === "bond_posted" && state.bonds.has(m.bondId)) {
    return { code: "bond_id_in_use", bondId: m.bondId };
  }
  return checkFund(state, movementEntries(m));
}
function checkReversal(state, groupId) {
  const g = state.groups.get(groupId);
  if (!g) return { code: "group_not_found", groupId };
  if (g.reverses !== void 0) return { code: "reversal_not_reversible", groupId };
  const reversalId = state.reversedBy.get(groupId);
  if (reversalId !== void 0) return { code: "group_already_reversed", groupId, reversalId };
  const m = g.movement;
  if (m.kind === "bond_posted") {
    const bond = state.bonds.get(m.bondId);
    if (bond && bond.status !== "outstanding") {
      return { code: "bond_already_settled", bondId: m.bondId, status: bond.status };
    }
  }
  return checkFund(state, reversal(g, "").entries);
}
function decide(state, op) {
  const seen = op.idempotencyKey === void 0 ? void 0 : state.keys.get(op.idempotencyKey);
  if (seen !== void 0) return { status: "duplicate", groupId: seen };
  if (state.groups.has(op.id)) {
    return { status: "refused", error: { code: "duplicate_group_id", groupId: op.id } };
  }
  const error = op.op === "record" ? checkMovement(state, op.movement) : checkReversal(state, op.groupId);
  if (error) return { status: "refused", error };
  const group = op.op === "record" ? movementGroup(op.id, op.movement, op.idempotencyKey) : reversal(state.groups.get(op.groupId), op.id, op.idempotencyKey);
  return { status: "applied", group };
}

// src/modules/funds/ledger-store.ts
import { and as and30, asc as asc10, eq as eq34, inArray as inArray10 } from "drizzle-orm";

// src/modules/funds/stored-ledger.ts
function sumOf(entries, account, sign) {
  let total = 0;
  for (const e of entries) if (e.account === account) total += e.amount;
  return cents(sign * total);
}
function movementOf(row, entries, currency2) {
  const sign = row.reversesGroupId ? -1 : 1;
  const bondId = row.bondId ?? "";
  switch (row.kind) {
    case "donation":
      return { kind: "donation", currency: currency2, amount: sumOf(entries, "fund", sign) };
    case "refund":
    case "disbursement":
      return { kind: row.kind, currency: currency2, amount: sumOf(entries, "outside", sign) };
    case "bond_posted":
      return {
        kind: "bond_posted",
        currency: currency2,
        bondId,
        amount: sumOf(entries, "bonds_receivable", sign)
      };
    case "bond_returned":
      return {
        kind: "bond_returned",
        currency: currency2,
        bondId,
        principal: cents(-sumOf(entries, "bonds_receivable", sign)),
        interest: cents(-sumOf(entries, "outside", sign))
      };
    case "bond_forfeited":
      return {
        kind: "bond_forfeited",
        currency: currency2,
        bondId,
        principal: cents(-sumOf(entries, "bonds_receivable", sign))
      };
  }
}
function entriesByGroup(entryRows) {
  const byGroup = /* @__PURE__ */ new Map();
  for (const e of entryRows) {
    const list = byGroup.get(e.groupId) ?? [];
    list.push({ account: e.account, amount: cents(e.amountCents) });
    byGroup.set(e.groupId, list);
  }
  return byGroup;
}
function groupFromRow(row, entries, currency2) {
  const group = { id: row.id, movement: movementOf(row, entries, currency2), entries };
  return {
    ...group,
    ...row.reversesGroupId ? { reverses: row.reversesGroupId } : {},
    ...row.idempotencyKey ? { idempotencyKey: row.idempotencyKey } : {}
  };
}
function bondIdOf(m) {
  return m.kind === "bond_posted" || m.kind === "bond_returned" || m.kind === "bond_forfeited" ? m.bondId : null;
}

// src/modules/funds/ledger-store.ts
var groupColumns = {
  id: ledgerGroups.id,
  campaignId: ledgerGroups.campaignId,
  kind: ledgerGroups.kind,
  reversesGroupId: ledgerGroups.reversesGroupId,
  bondId: ledgerGroups.bondId,
  idempotencyKey: ledgerGroups.idempotencyKey
};
async function loadGroups(db, orgId, campaign) {
  const byCampaign = await loadGroupsFor(db, orgId, [campaign]);
  return byCampaign.get(campaign.id) ?? [];
}
async function loadLedger(db, orgId, list) {
  if (list.length === 0) return [];
  const ids = list.map((c) => c.id);
  const rows = await db.select({
    ...groupColumns,
    occurredAt: ledgerGroups.occurredAt,
    memo: ledgerGroups.memo,
    createdAt: ledgerGroups.createdAt,
    createdByName: users.name
  }).from(ledgerGroups).leftJoin(users, eq34(users.id, ledgerGroups.createdBy)).where(and30(eq34(ledgerGroups.orgId, orgId), inArray10(ledgerGroups.campaignId, ids))).orderBy(asc10(ledgerGroups.createdAt), asc10(ledgerGroups.id));
  const entries = await db.select({
    groupId: ledgerEntries.groupId,
    account: ledgerEntries.account,
    amountCents: ledgerEntries.amountCents
  }).from(ledgerEntries).where(and30(eq34(ledgerEntries.orgId, orgId), inArray10(ledgerEntries.campaignId, ids))).orderBy(asc10(ledgerEntries.account));
  const currency2 = new Map(list.map((c) => [c.id, c.currency]));
  const byGroup = entriesByGroup(entries);
  const reversedBy = /* @__PURE__ */ new Map();
  for (const r of rows) if (r.reversesGroupId) reversedBy.set(r.reversesGroupId, r.id);
  return rows.map((r) => {
    return {
      group: groupFromRow(r, byGroup.get(r.id) ?? [], currency2.get(r.campaignId) ?? "USD"),
      campaignId: r.campaignId,
      occurredAt: r.occurredAt,
      memo: r.memo,
      createdAt: r.createdAt,
      createdByName: r.createdByName,
      reversedBy: reversedBy.get(r.id) ?? null
    };
  });
}
async function loadGroupsFor(db, orgId, list) {
  const out = new Map(list.map((c) => [c.id, []]));
  for (const line of await loadLedger(db, orgId, list)) out.get(line.campaignId)?.push(line.group);
  return out;
}
async function loadState(tx, orgId, campaign) {
  return ledgerState(campaign.currency, await loadGroups(tx, orgId, campaign));
}
async function writeGroup(tx, actor, campaignId, group, extra = {}) {
  await tx.insert(ledgerGroups).values({
    id: group.id,
    orgId: actor.orgId,
    campaignId,
    kind: group.movement.kind,
    reversesGroupId: group.reverses ?? null,
    bondId: bondIdOf(group.movement),
    idempotencyKey: group.idempotencyKey ?? null,
    createdBy: actor.userId,
    occurredAt: extra.occurredAt ?? /* @__PURE__ */ new Date(),
    memo: extra.memo ?? null
  });
  await tx.insert(ledgerEntries).values(
    group.entries.map((e) => ({
      orgId: actor.orgId,
      groupId: group.id,
      campaignId,
      account: e.account,
      amountCents: e.amount
    }))
  );
}
function refusal(error) {
  switch (error.code) {
    case "amount_not_positive":
      return new AppError("validation_failed", { [error.field]: "amount_not_positive" });
    case "currency_mismatch":
      return new AppError("validation_failed", { currency: "currency_mismatch" });
    case "insufficient_funds":
      return new AppError("insufficient_funds");
    case "bond_already_settled":
      return new AppError("bond_settled");
    case "bond_not_outstanding":
      return new AppError("not_found");
    case "bond_amount_mismatch":
      return new AppError("validation_failed", { principal: "invalid_amount" });
    case "group_not_found":
      return new AppError("not_found");
    case "group_already_reversed":
      return new AppError("already_reversed");
    case "reversal_not_reversible":
      return new AppError("not_reversible");
    case "bond_id_in_use":
    case "duplicate_group_id":
      return new AppError("conflict");
  }
}

// src/modules/funds/campaign-totals.ts
async function getCampaignTotals(db, orgId, campaignId) {
  const campaign = await getCampaign(db, orgId, campaignId);
  if (!campaign) return null;
  return campaignTotals(await loadGroups(db, orgId, campaign));
}
async function totalsForCampaigns(db, orgId, list) {
  const groups = await loadGroupsFor(db, orgId, list);
  return new Map(list.map((c) => [c.id, campaignTotals(groups.get(c.id) ?? [])]));
}
async function spendingByPurpose(db, orgId, campaignId) {
  const rows = await db.select({
    purpose: disbursements.purpose,
    total: sql13`sum(${disbursements.amountCents})`
  }).from(disbursements).where(
    and31(
      eq35(disbursements.orgId, orgId),
      eq35(disbursements.campaignId, campaignId),
      eq35(disbursements.status, "paid")
    )
  ).groupBy(disbursements.purpose);
  const out = Object.fromEntries(DISBURSEMENT_PURPOSES.map((p) => [p, cents(0)]));
  for (const r of rows) out[r.purpose] = cents(Number(r.total));
  return out;
}

// src/modules/flyers/public-campaign.ts
async function loadPublicCampaign(db, orgSlug, slug) {
  const org = await getOrganizationBySlug(db, orgSlug);
  if (!org) return null;
  const campaign = await getCampaignBySlug(db, org.id, slug);
  if (!campaign?.public) return null;
  const totals = await getCampaignTotals(db, org.id, campaign.id);
  if (!totals) return null;
  const spending = await spendingByPurpose(db, org.id, campaign.id);
  const linked = campaign.caseId ? await getCaseSummary(db, org.id, campaign.caseId) : null;
  const story2 = linked?.public ? linked.publicStory : null;
  const advocacy = linked ? await getPublicAdvocacy(db, org.id, linked.id) : [];
  return {
    org: { id: org.id, name: org.name, slug: org.slug, defaultLanguage: org.defaultLanguage },
    campaign: {
      id: campaign.id,
      slug: campaign.slug,
      title: campaign.title,
      story: campaign.story,
      goalCents: campaign.goalCents,
      currency: campaign.currency,
      milestonesCents: campaign.milestonesCents,
      open: campaign.open
    },
    totals: {
      raisedCents: totals.raisedCents,
      availableCents: totals.availableCents,
      onBondCents: totals.onBondCents,
      spentCents: totals.spentCents,
      forfeitedCents: totals.forfeitedCents,
      gifts: totals.gifts
    },
    spending,
    caseId: linked?.id ?? null,
    caseStory: story2 && (story2.es || story2.en) ? story2 : null,
    advocacy
  };
}
function inLang(text10, lang) {
  const mine = text10[lang]?.trim();
  if (mine) return { text: mine, lang };
  const other = lang === "es" ? "en" : "es";
  const theirs = text10[other]?.trim();
  return theirs ? { text: theirs, lang: other } : null;
}

// src/modules/flyers/campaign-public.page.tsx
import { Fragment as Fragment9, jsx as jsx28, jsxs as jsxs21 } from "hono/jsx/jsx-runtime";
var COLOURS = {
  legal_fees: "#084e49",
  bond: "#3d7ea6",
  family_support: "#8a5a9e",
  other: "#6b7178",
  on_bond: "#c46a12",
  forfeited: "#9c2b23",
  available: "#6fb8ad"
};
function CampaignPublicPage(props) {
  const { data, lang } = props;
  const { campaign, org } = data;
  const t = publicText[lang];
  const story2 = inLang(campaign.story, lang);
  const caseStory = data.caseStory ? inLang(data.caseStory, lang) : null;
  const description = summary(story2?.text ?? campaign.title[lang], 200);
  return /* @__PURE__ */ jsx28(
    PublicLayout,
    {
      lang,
      title: campaign.title[lang],
      description,
      orgName: org.name,
      url: props.url,
      children: /* @__PURE__ */ jsxs21("article", { class: "pub-campaign", children: [
        /* @__PURE__ */ jsx28("h1", { children: campaign.title[lang] }),
        /* @__PURE__ */ jsx28(Progress, { data, lang }),
        story2 && /* @__PURE__ */ jsxs21("section", { "aria-labelledby": "story", children: [
          /* @__PURE__ */ jsx28("h2", { id: "story", children: t.story_heading }),
          /* @__PURE__ */ jsx28(Paragraphs, { text: story2.text, lang: story2.lang === lang ? void 0 : story2.lang })
        ] }),
        caseStory && /* @__PURE__ */ jsxs21("section", { "aria-labelledby": "case", children: [
          /* @__PURE__ */ jsx28("h2", { id: "case", children: t.case_heading }),
          /* @__PURE__ */ jsx28(
            Paragraphs,
            {
              text: caseStory.text,
              lang: caseStory.lang === lang ? void 0 : caseStory.lang
            }
          )
        ] }),
        /* @__PURE__ */ jsx28(Give, { data, lang, giveUrl: props.giveUrl }),
        /* @__PURE__ */ jsx28(
          AdvocacySection,
          {
            items: data.advocacy,
            lang,
            orgSlug: org.slug,
            campaignSlug: campaign.slug
          }
        ),
        /* @__PURE__ */ jsx28(MoneyWent, { data, lang }),
        /* @__PURE__ */ jsxs21("section", { "aria-labelledby": "share", class: "pub-share", children: [
          /* @__PURE__ */ jsx28("h2", { id: "share", children: t.share_heading }),
          /* @__PURE__ */ jsx28("p", { children: t.share_hint }),
          /* @__PURE__ */ jsx28("p", { class: "pub-url", children: /* @__PURE__ */ jsx28("a", { href: `${props.url}?lang=${lang}`, children: props.url }) }),
          /* @__PURE__ */ jsx28("p", { children: /* @__PURE__ */ jsx28("a", { href: `${props.url}/flyer.pdf`, type: "application/pdf", children: t.flyer_link }) })
        ] })
      ] })
    }
  );
}
function Progress(props) {
  const { campaign, totals } = props.data;
  const lang = props.lang;
  const t = publicText[lang];
  const money2 = (n) => formatMoney(cents(n), campaign.currency, lang);
  const p = progress(totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  const at = (amount) => Math.min(100, amount * 100 / campaign.goalCents);
  const filled = Math.min(100, totals.raisedCents * 100 / campaign.goalCents);
  return /* @__PURE__ */ jsxs21("section", { class: "pub-progress", children: [
    /* @__PURE__ */ jsxs21("p", { class: "pub-raised", children: [
      /* @__PURE__ */ jsx28("strong", { children: money2(totals.raisedCents) }),
      " ",
      /* @__PURE__ */ jsx28("span", { children: t.raised_of_goal(money2(campaign.goalCents)) })
    ] }),
    /* @__PURE__ */ jsxs21(
      "svg",
      {
        class: "pub-meter",
        viewBox: "0 0 100 10",
        preserveAspectRatio: "none",
        role: "img",
        "aria-label": t.progress_label(
          money2(totals.raisedCents),
          money2(campaign.goalCents),
          String(p.percent)
        ),
        children: [
          /* @__PURE__ */ jsx28("rect", { x: "0", y: "0", width: "100", height: "10", fill: "#dfe3de" }),
          /* @__PURE__ */ jsx28("rect", { x: "0", y: "0", width: filled.toFixed(2), height: "10", fill: "#0b6760" }),
          campaign.milestonesCents.map((m) => /* @__PURE__ */ jsx28(
            "rect",
            {
              x: (at(m) - 0.3).toFixed(2),
              y: "0",
              width: "0.6",
              height: "10",
              fill: m <= totals.raisedCents ? "#ffffff" : "#1c2024"
            }
          ))
        ]
      }
    ),
    /* @__PURE__ */ jsxs21("p", { class: "pub-counts", children: [
      /* @__PURE__ */ jsx28("span", { children: t.percent_of_goal(String(p.percent)) }),
      totals.gifts > 0 && /* @__PURE__ */ jsx28("span", { children: t.gifts_count(totals.gifts, formatNumber(totals.gifts, lang)) })
    ] }),
    /* @__PURE__ */ jsxs21("p", { class: "pub-next", children: [
      p.next === null ? t.goal_reached : p.next.isGoal ? t.next_goal(money2(p.next.toGo)) : t.next_milestone(money2(p.next.target), money2(p.next.toGo)),
      campaign.milestonesCents.length > 0 && ` ${t.milestone_marks}`
    ] })
  ] });
}
function Give(props) {
  const { campaign, org } = props.data;
  const t = publicText[props.lang];
  if (!campaign.open) {
    return /* @__PURE__ */ jsxs21("section", { "aria-labelledby": "give", class: "pub-give", children: [
      /* @__PURE__ */ jsx28("h2", { id: "give", children: t.give_heading }),
      /* @__PURE__ */ jsx28("p", { children: t.closed_note })
    ] });
  }
  return /* @__PURE__ */ jsxs21("section", { "aria-labelledby": "give", class: "pub-give", children: [
    /* @__PURE__ */ jsx28("h2", { id: "give", children: t.give_heading }),
    props.giveUrl && /* @__PURE__ */ jsx28("p", { children: /* @__PURE__ */ jsx28("a", { class: "pub-button", href: props.giveUrl, children: t.give_online }) }),
    /* @__PURE__ */ jsxs21("ul", { class: "pub-ways", children: [
      /* @__PURE__ */ jsx28("li", { children: t.give_cash(org.name) }),
      /* @__PURE__ */ jsx28("li", { children: t.give_check(org.name) })
    ] }),
    /* @__PURE__ */ jsx28("p", { class: "pub-muted", children: t.give_private })
  ] });
}
function MoneyWent(props) {
  const { campaign, totals, spending } = props.data;
  const lang = props.lang;
  const t = publicText[lang];
  const money2 = (n) => formatMoney(cents(n), campaign.currency, lang);
  const slices = [
    ...DISBURSEMENT_PURPOSES.map((p) => ({
      key: p,
      label: t[`purpose_${p}`],
      amount: spending[p]
    })),
    { key: "on_bond", label: t.on_bond, amount: totals.onBondCents },
    { key: "forfeited", label: t.forfeited, amount: totals.forfeitedCents },
    { key: "available", label: t.available, amount: totals.availableCents }
  ].filter((s) => s.amount > 0);
  const total = slices.reduce((sum, s) => sum + s.amount, 0);
  let x = 0;
  return /* @__PURE__ */ jsxs21("section", { "aria-labelledby": "money", class: "pub-money", children: [
    /* @__PURE__ */ jsx28("h2", { id: "money", children: t.money_heading }),
    total === 0 ? /* @__PURE__ */ jsx28("p", { children: t.nothing_yet }) : /* @__PURE__ */ jsxs21(Fragment9, { children: [
      /* @__PURE__ */ jsx28("p", { children: t.money_intro }),
      /* @__PURE__ */ jsx28("svg", { class: "pub-split", viewBox: "0 0 100 10", preserveAspectRatio: "none", "aria-hidden": "true", children: slices.map((s) => {
        const width = s.amount * 100 / total;
        const rect = /* @__PURE__ */ jsx28("rect", { x: x.toFixed(2), y: "0", width: width.toFixed(2), height: "10", fill: COLOURS[s.key] });
        x += width;
        return rect;
      }) }),
      /* @__PURE__ */ jsx28("ul", { class: "pub-legend", children: slices.map((s) => /* @__PURE__ */ jsxs21("li", { children: [
        /* @__PURE__ */ jsx28("svg", { class: "pub-swatch", viewBox: "0 0 10 10", "aria-hidden": "true", children: /* @__PURE__ */ jsx28("rect", { width: "10", height: "10", fill: COLOURS[s.key] }) }),
        /* @__PURE__ */ jsx28("span", { class: "pub-legend-label", children: s.label }),
        /* @__PURE__ */ jsx28("span", { class: "pub-legend-amount", children: money2(s.amount) })
      ] })) })
    ] })
  ] });
}
function summary(text10, max) {
  const flat = text10.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  return `${cut.slice(0, cut.lastIndexOf(" ") > 0 ? cut.lastIndexOf(" ") : max)}\u2026`;
}

// src/modules/flyers/flyer.ts
import PDFDocument from "pdfkit";
import QRCode from "qrcode";

// src/modules/flyers/flyer.messages.ts
var flyerText = defineMessages("flyer", {
  es: {
    language: "Espa\xF1ol",
    raised_of_goal: (goal) => `recaudados de una meta de ${goal}`,
    percent_of_goal: (percent) => `${percent} % de la meta`,
    gifts_count: (n, formatted) => n === 1 ? "1 donativo" : `${formatted} donativos`,
    goal_reached: "\xA1Llegamos a la meta!",
    give_heading: "C\xF3mo donar",
    give_cash: "En efectivo o con cheque: con cualquier persona de nuestro equipo. Le daremos un recibo.",
    closed: "Esta campa\xF1a ya no recibe donativos. \xA1Gracias!",
    call_heading: "Llame hoy",
    scan: "Escanee para ver la p\xE1gina",
    scan_give: "Escanee para donar en l\xEDnea"
  },
  en: {
    language: "English",
    raised_of_goal: (goal) => `raised of a ${goal} goal`,
    percent_of_goal: (percent) => `${percent}% of the goal`,
    gifts_count: (n, formatted) => n === 1 ? "1 gift" : `${formatted} gifts`,
    goal_reached: "We reached the goal!",
    give_heading: "How to give",
    give_cash: "Cash or check: with anyone on our team. You will get a receipt.",
    closed: "This campaign is no longer taking gifts. Thank you!",
    call_heading: "Call today",
    scan: "Scan to see the page",
    scan_give: "Scan to give online"
  }
});

// src/modules/flyers/flyer.ts
var PAGE = { width: 612, height: 792 };
var MARGIN = 40;
var WIDTH = PAGE.width - 2 * MARGIN;
var GAP = 28;
var COLUMN = (WIDTH - GAP) / 2;
var QR_SIZE = 160;
var BAND_PAD = 12;
var BOTTOM_TOP = PAGE.height - MARGIN - QR_SIZE - 2 * BAND_PAD;
var BODY_SIZE = 13;
var INK2 = "#1c2024";
var MUTED = "#4f5862";
var ACCENT2 = "#0b6760";
var ACCENT_STRONG = "#084e49";
var TRACK = "#dfe3de";
var SOFT = "#e3f1ef";
function renderFlyer(data, options) {
  const { campaign, org, totals } = data;
  const url = qrSafeUrl(options.url);
  const doc = new PDFDocument({
    size: "LETTER",
    margin: 0,
    info: {
      Title: pdfText(`${campaign.title.es} / ${campaign.title.en}`),
      Author: pdfText(org.name),
      Creator: "Amparo",
      Producer: "Amparo"
    }
  });
  const chunks = [];
  const done2 = new Promise((resolve2, reject) => {
    doc.on("data", (chunk) => chunks.push(chunk));
    doc.on("end", () => resolve2(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  doc.rect(0, 0, PAGE.width, 46).fill(ACCENT_STRONG);
  doc.font("Helvetica-Bold").fontSize(15).fillColor("#ffffff");
  doc.text(pdfText(org.name), MARGIN, 16, { width: WIDTH - 130, lineBreak: false, ellipsis: true });
  doc.font("Helvetica").fontSize(11);
  doc.text("Espa\xF1ol \xB7 English", MARGIN, 18, { width: WIDTH, align: "right", lineBreak: false });
  let y = 66;
  const titleEs = pdfText(campaign.title.es);
  const titleEn = pdfText(campaign.title.en);
  y = fitText(doc, titleEs, { y, size: 38, min: 24, maxHeight: 132, color: INK2 });
  if (titleEn.toLowerCase() !== titleEs.toLowerCase()) {
    y = fitText(doc, titleEn, { y: y + 2, size: 24, min: 16, maxHeight: 64, color: MUTED });
  }
  y += 12;
  const money2 = (n, lang) => formatMoney(cents(n), campaign.currency, lang);
  const p = progress(totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  doc.font("Helvetica-Bold").fontSize(30).fillColor(ACCENT_STRONG);
  const raised = pdfText(money2(totals.raisedCents, "en"));
  doc.text(raised, MARGIN, y, { lineBreak: false });
  const raisedWidth = doc.widthOfString(raised);
  doc.font("Helvetica").fontSize(12).fillColor(INK2);
  const goalX = MARGIN + raisedWidth + 12;
  doc.text(pdfText(flyerText.es.raised_of_goal(money2(campaign.goalCents, "es"))), goalX, y + 2, {
    width: PAGE.width - MARGIN - goalX
  });
  doc.fillColor(MUTED);
  doc.text(pdfText(flyerText.en.raised_of_goal(money2(campaign.goalCents, "en"))), goalX, y + 17, {
    width: PAGE.width - MARGIN - goalX
  });
  y += 42;
  drawBar(doc, y, totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  y += 30;
  doc.font("Helvetica-Bold").fontSize(12).fillColor(INK2);
  const percent = String(p.percent);
  const reached = p.next === null;
  const left = reached ? `${flyerText.es.goal_reached} \xB7 ${flyerText.en.goal_reached}` : `${flyerText.es.percent_of_goal(percent)} \xB7 ${flyerText.en.percent_of_goal(percent)}`;
  doc.text(pdfText(left), MARGIN, y, { width: WIDTH, lineBreak: false });
  const gifts2 = [
    flyerText.es.gifts_count(totals.gifts, formatNumber(totals.gifts, "es")),
    flyerText.en.gifts_count(totals.gifts, formatNumber(totals.gifts, "en"))
  ].join(" \xB7 ");
  if (totals.gifts > 0) {
    doc.text(pdfText(gifts2), MARGIN, y, { width: WIDTH, align: "right", lineBreak: false });
  }
  y += 24;
  doc.moveTo(MARGIN, y).lineTo(PAGE.width - MARGIN, y).lineWidth(1).stroke(TRACK);
  y += 14;
  const calls = (options.calls ?? advocacyCalls(data)).slice(0, 4);
  const callsTop = calls.length === 0 ? BOTTOM_TOP : BOTTOM_TOP - 16 - callsHeight(calls.length);
  const langs = ["es", "en"];
  for (const [i, lang] of langs.entries()) {
    column(doc, data, lang, MARGIN + i * (COLUMN + GAP), y, callsTop - 8);
  }
  if (calls.length > 0) drawCalls(doc, calls, callsTop);
  const bandHeight = QR_SIZE + 2 * BAND_PAD;
  doc.roundedRect(MARGIN, BOTTOM_TOP, WIDTH, bandHeight, 12).fill(SOFT);
  const qrY = BOTTOM_TOP + BAND_PAD;
  drawQr(doc, url, MARGIN + BAND_PAD, qrY, QR_SIZE);
  const textX = MARGIN + BAND_PAD + QR_SIZE + 22;
  const textWidth = PAGE.width - MARGIN - BAND_PAD - textX;
  const scan = options.online && campaign.open ? "scan_give" : "scan";
  doc.font("Helvetica-Bold").fontSize(22).fillColor(INK2);
  doc.text(pdfText(flyerText.es[scan]), textX, qrY + 24, { width: textWidth });
  doc.fillColor(MUTED).text(pdfText(flyerText.en[scan]), textX, doc.y + 4, { width: textWidth });
  const urlSize = Math.max(8, Math.min(13, textWidth / (url.length * 0.6)));
  doc.font("Courier-Bold").fontSize(urlSize).fillColor(ACCENT_STRONG);
  doc.text(url, textX, doc.y + 14, { width: textWidth });
  doc.end();
  return done2;
}
function advocacyCalls(data) {
  const seen = /* @__PURE__ */ new Set();
  const calls = [];
  for (const item of data.advocacy) {
    if (item.kind === "visit") continue;
    for (const target of item.targets) {
      for (const phone of target.phones) {
        if (seen.has(phone.tel)) continue;
        seen.add(phone.tel);
        calls.push({ name: target.name, phone: phone.display });
      }
    }
  }
  return calls;
}
function column(doc, data, lang, x, top, bottom) {
  const t = flyerText[lang];
  const { campaign } = data;
  const give = pdfText(campaign.open ? t.give_cash : t.closed);
  const body = { width: COLUMN, lineGap: 2.5 };
  doc.font("Helvetica-Bold").fontSize(16);
  const headingHeight = doc.heightOfString(t.give_heading, body);
  doc.font("Helvetica").fontSize(BODY_SIZE);
  const tail = 14 + headingHeight + 4 + doc.heightOfString(give, body);
  doc.font("Helvetica-Bold").fontSize(11).fillColor(ACCENT2).text(t.language.toUpperCase(), x, top, {
    width: COLUMN
  });
  let y = doc.y + 6;
  const story2 = inLang(campaign.story, lang);
  if (story2) {
    doc.font("Helvetica").fontSize(BODY_SIZE).fillColor(INK2);
    const text10 = shorten(doc, pdfText(story2.text.replace(/\s+/g, " ")), bottom - tail - y, body);
    if (text10) {
      doc.text(text10, x, y, body);
      y = doc.y + 14;
    }
  }
  doc.font("Helvetica-Bold").fontSize(16).fillColor(ACCENT_STRONG).text(t.give_heading, x, y, body);
  doc.font("Helvetica").fontSize(BODY_SIZE).fillColor(INK2).text(give, x, doc.y + 4, body);
}
var callsHeight = (n) => 26 + Math.ceil(n / 2) * 40;
function drawCalls(doc, calls, top) {
  doc.font("Helvetica-Bold").fontSize(16).fillColor(ACCENT_STRONG);
  doc.text(`${flyerText.es.call_heading} \xB7 ${flyerText.en.call_heading}`, MARGIN, top, {
    width: WIDTH
  });
  const rowTop = doc.y + 4;
  for (const [i, call] of calls.entries()) {
    const x = MARGIN + i % 2 * (COLUMN + GAP);
    const y = rowTop + Math.floor(i / 2) * 40;
    doc.font("Helvetica").fontSize(11).fillColor(MUTED);
    doc.text(pdfText(call.name), x, y, { width: COLUMN, lineBreak: false, ellipsis: true });
    doc.font("Helvetica-Bold").fontSize(17).fillColor(INK2);
    doc.text(pdfText(call.phone), x, y + 14, { width: COLUMN, lineBreak: false });
  }
}
function fitText(doc, text10, o) {
  const options = { width: WIDTH, lineGap: 0 };
  let size = o.size;
  doc.font("Helvetica-Bold");
  while (size > o.min && doc.fontSize(size).heightOfString(text10, options) > o.maxHeight) size -= 2;
  doc.fontSize(size).fillColor(o.color);
  const fitted = shorten(doc, text10, o.maxHeight, options);
  doc.text(fitted, MARGIN, o.y, options);
  return doc.y;
}
function shorten(doc, text10, height, options) {
  if (height <= 0) return "";
  if (doc.heightOfString(text10, options) <= height) return text10;
  const words2 = text10.split(" ");
  let lo = 0;
  let hi = words2.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const candidate = `${words2.slice(0, mid).join(" ")}\u2026`;
    if (doc.heightOfString(candidate, options) <= height) lo = mid;
    else hi = mid - 1;
  }
  return lo === 0 ? "" : `${words2.slice(0, lo).join(" ").replace(/[,;:.]$/, "")}\u2026`;
}
function drawBar(doc, y, raised, goal, milestones) {
  const height = 22;
  doc.roundedRect(MARGIN, y, WIDTH, height, 6).fill(TRACK);
  const filled = Math.max(0, Math.min(1, raised / goal)) * WIDTH;
  if (filled > 0) {
    doc.save();
    doc.roundedRect(MARGIN, y, WIDTH, height, 6).clip();
    doc.rect(MARGIN, y, filled, height).fill(ACCENT2);
    doc.restore();
  }
  for (const m of milestones) {
    const x = MARGIN + Math.min(1, m / goal) * WIDTH;
    doc.rect(x - 1, y, 2, height).fill(m <= raised ? "#ffffff" : INK2);
  }
}
function drawQr(doc, text10, x, y, size) {
  const qr = QRCode.create(text10, { errorCorrectionLevel: "M" });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  doc.rect(x, y, size, size).fill("#ffffff");
  for (let row = 0; row < n; row++) {
    let col = 0;
    while (col < n) {
      if (!qr.modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < n && qr.modules.get(row, col)) col += 1;
      doc.rect(x + (start + 4) * cell, y + (row + 4) * cell, (col - start) * cell, cell);
    }
  }
  doc.fill("#000000");
}
function qrSafeUrl(url) {
  return new URL(url).href.replace(/[^\x21-\x7e]/g, (ch) => encodeURIComponent(ch));
}
var CP1252_EXTRA = "\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178";
function pdfText(text10) {
  let out = "";
  for (const ch of text10) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 32 && code <= 126 || code >= 160 && code <= 255 || CP1252_EXTRA.includes(ch)) {
      out += ch;
    } else if (ch === "\n" || ch === "	") {
      out += " ";
    } else {
      out += ch.normalize("NFKD").replace(/[^\x20-\x7e]/g, "");
    }
  }
  return out;
}

// src/modules/flyers/public.routes.tsx
import { jsx as jsx29 } from "hono/jsx/jsx-runtime";
var PUBLIC_PAGES_CHANNEL = "amparo_public_pages";
var MAX_AGE_MS = 6e4;
var SLUG4 = /^[a-z0-9][a-z0-9-]{0,38}[a-z0-9]$/;
var HTML = "text/html; charset=utf-8";
function givePath(orgSlug, campaignSlug) {
  return `/p/${orgSlug}/c/${campaignSlug}/give`;
}
function publicPages(options) {
  const { db } = options.database;
  const cache = new PageCache({ maxEntries: 2e3, maxAgeMs: MAX_AGE_MS });
  const relay = new CacheRelay(options.database, cache, PUBLIC_PAGES_CHANNEL, () => {
    for (const off of unsubscribe) off();
  });
  const unsubscribe = [
    onCampaignChanged((change) => relay.invalidate(tagOf(change.campaignId))),
    onAdvocacyChanged((change) => relay.invalidate(caseTagOf(change.caseId)))
  ];
  relay.start().catch((error) => {
    console.warn(
      `[amparo] public pages: not listening for changes from other instances (${error.name}); pages refresh within ${MAX_AGE_MS / 1e3} s`
    );
  });
  const routes = new Hono10();
  routes.get("/p/:org/c/:slug/flyer.pdf", async (c) => {
    const { org, slug } = requireSlugs(c);
    const base2 = baseUrl(c, options.publicUrl);
    const page2 = await cache.getOrRender(key(base2, org, slug, "pdf"), async () => {
      const data = await loadPublicCampaign(db, org, slug);
      if (!data) return null;
      const body = await renderFlyer(data, { url: pageUrl(base2, data), online: options.onlineGiving });
      return {
        body,
        contentType: "application/pdf",
        headers: {
          "Content-Disposition": `inline; filename="${data.org.slug}-${data.campaign.slug}.pdf"`
        },
        tags: tagsOf(data)
      };
    });
    return send(c, page2, false);
  });
  routes.get("/p/:org/c/:slug", async (c) => {
    const { org, slug } = requireSlugs(c);
    const chosen = publicLang({
      query: c.req.query("lang"),
      cookie: getCookie3(c, LANG_COOKIE),
      acceptLanguage: c.req.header("accept-language")
    });
    const base2 = baseUrl(c, options.publicUrl);
    const page2 = await cache.getOrRender(
      key(base2, org, slug, chosen.lang ?? "default"),
      () => renderPage(db, org, slug, chosen.lang, base2, options.onlineGiving)
    );
    return send(c, page2, !chosen.fromQuery);
  });
  return { routes, cache, relay };
}
async function renderPage(db, orgSlug, slug, chosen, base2, onlineGiving) {
  const data = await loadPublicCampaign(db, orgSlug, slug);
  if (!data) return null;
  const lang = chosen ?? data.org.defaultLanguage;
  const html = await /* @__PURE__ */ jsx29(
    CampaignPublicPage,
    {
      data,
      lang,
      url: pageUrl(base2, data),
      giveUrl: onlineGiving ? givePath(data.org.slug, data.campaign.slug) : null
    }
  );
  return {
    body: `<!DOCTYPE html>${html}`,
    contentType: HTML,
    headers: { "Content-Language": lang },
    tags: tagsOf(data)
  };
}
function send(c, page2, varies) {
  if (!page2) throw new AppError("not_found");
  const headers = {
    ...page2.headers,
    "Content-Type": page2.contentType,
    "Cache-Control": "public, max-age=30",
    ETag: page2.etag
  };
  if (varies) headers.Vary = "Accept-Language, Cookie";
  if (matchesEtag(c.req.header("if-none-match"), page2.etag)) return c.body(null, 304, headers);
  return c.body(page2.body, 200, headers);
}
function requireSlugs(c) {
  const org = (c.req.param("org") ?? "").toLowerCase();
  const slug = (c.req.param("slug") ?? "").toLowerCase();
  if (!SLUG4.test(org) || !SLUG4.test(slug)) throw new AppError("not_found");
  return { org, slug };
}
function baseUrl(c, configured) {
  if (configured) return configured;
  const url = new URL(c.req.url);
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${forwarded === "https" ? "https:" : url.protocol}//${url.host}`;
}
var key = (base2, org, slug, variant) => `${base2}|${org}|${slug}|${variant}`;
var tagOf = (campaignId) => `campaign:${campaignId}`;
var caseTagOf = (caseId) => `case:${caseId}`;
var tagsOf = (data) => [
  tagOf(data.campaign.id),
  `org:${data.org.id}`,
  ...data.caseId ? [caseTagOf(data.caseId)] : []
];
var pageUrl = (base2, data) => `${base2}/p/${data.org.slug}/c/${data.campaign.slug}`;

// src/modules/funds/funds.api.ts
import { Hono as Hono11 } from "hono";
import { z as z16 } from "zod";

// src/modules/funds/approve-disbursement.ts
import { and as and33, eq as eq38 } from "drizzle-orm";

// src/modules/funds/disbursement.ts
var DEFAULT_APPROVAL_THRESHOLD_CENTS = 5e4;
var FROM = {
  approve: ["requested"],
  reject: ["requested", "approved"],
  pay: ["approved"]
};
function canTakeStep(status2, step) {
  return FROM[step].includes(status2);
}
function needsSecondPerson(amountCents, thresholdCents) {
  return amountCents > thresholdCents;
}
function approvalProblem(d, approverId, thresholdCents) {
  if (!canTakeStep(d.status, "approve")) return "wrong_status";
  if (!needsSecondPerson(d.amountCents, thresholdCents)) return null;
  if (approverId === null || approverId === d.requestedBy) return "self_approval";
  return null;
}

// src/modules/funds/disbursement-record.ts
import { aliasedTable, and as and32, asc as asc11, desc as desc6, eq as eq36, inArray as inArray11 } from "drizzle-orm";
var requester = aliasedTable(users, "requester");
var approver = aliasedTable(users, "approver");
var select = (db) => db.select({ row: disbursements, requestedByName: requester.name, approvedByName: approver.name }).from(disbursements).leftJoin(requester, eq36(requester.id, disbursements.requestedBy)).leftJoin(approver, eq36(approver.id, disbursements.approvedBy));
function fromRow(r) {
  const { row } = r;
  return {
    id: row.id,
    campaignId: row.campaignId,
    amountCents: cents(row.amountCents),
    currency: row.currency,
    payee: row.payee,
    purpose: row.purpose,
    memo: row.memo,
    status: row.status,
    requestedBy: row.requestedBy,
    requestedByName: r.requestedByName,
    approvedBy: row.approvedBy,
    approvedByName: r.approvedByName,
    approvedAt: row.approvedAt,
    paidGroupId: row.paidGroupId,
    paidAt: row.paidAt,
    createdAt: row.createdAt
  };
}
async function getDisbursement(db, orgId, id) {
  const [row] = await select(db).where(
    and32(eq36(disbursements.orgId, orgId), eq36(disbursements.id, id))
  );
  return row ? fromRow(row) : null;
}
async function listDisbursements(db, orgId, campaignId) {
  const rows = await select(db).where(and32(eq36(disbursements.orgId, orgId), eq36(disbursements.campaignId, campaignId))).orderBy(desc6(disbursements.createdAt)).limit(100);
  return rows.map(fromRow);
}
async function pendingDisbursements(db, orgId, limit = 10) {
  const rows = await select(db).where(
    and32(eq36(disbursements.orgId, orgId), inArray11(disbursements.status, ["requested", "approved"]))
  ).orderBy(asc11(disbursements.createdAt)).limit(limit);
  if (rows.length === 0) return [];
  const titles = await db.select({ id: campaigns.id, es: campaigns.titleEs, en: campaigns.titleEn }).from(campaigns).where(
    and32(
      eq36(campaigns.orgId, orgId),
      inArray11(campaigns.id, [...new Set(rows.map((r) => r.row.campaignId))])
    )
  );
  const byId = new Map(titles.map((t) => [t.id, { es: t.es, en: t.en }]));
  return rows.map((r) => ({
    ...fromRow(r),
    campaignTitle: byId.get(r.row.campaignId) ?? { es: "", en: "" }
  }));
}

// src/modules/funds/funds-settings.ts
import { eq as eq37 } from "drizzle-orm";
async function getApprovalThreshold(db, orgId) {
  const [row] = await db.select({ threshold: fundsSettings.approvalThresholdCents }).from(fundsSettings).where(eq37(fundsSettings.orgId, orgId));
  return cents(row?.threshold ?? DEFAULT_APPROVAL_THRESHOLD_CENTS);
}

// src/modules/funds/approve-disbursement.ts
async function approveDisbursement(deps, actor, id) {
  const threshold = await getApprovalThreshold(deps.db, actor.orgId);
  const campaignId = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(disbursements).where(and33(eq38(disbursements.orgId, actor.orgId), eq38(disbursements.id, id))).for("update");
    if (!row) throw notFound();
    const problem = approvalProblem(row, actor.userId, threshold);
    if (problem) throw new AppError(problem);
    const now = /* @__PURE__ */ new Date();
    await tx.update(disbursements).set({ status: "approved", approvedBy: actor.userId, approvedAt: now, updatedAt: now }).where(eq38(disbursements.id, id));
    await audit(
      tx,
      actor,
      "disbursement.approved",
      { type: "disbursement", id },
      {
        campaign_id: row.campaignId
      }
    );
    return row.campaignId;
  });
  campaignChanged({ orgId: actor.orgId, campaignId });
  const approved = await getDisbursement(deps.db, actor.orgId, id);
  if (!approved) throw notFound();
  return approved;
}

// src/modules/funds/create-campaign.ts
import { randomUUID as randomUUID4 } from "node:crypto";
async function createCampaign(deps, actor, input) {
  if (input.caseId && !await getCaseSummary(deps.db, actor.orgId, input.caseId)) {
    throw invalid({ caseId: "case_not_found" });
  }
  const id = randomUUID4();
  try {
    await deps.db.transaction(async (tx) => {
      await tx.insert(campaigns).values({
        id,
        orgId: actor.orgId,
        slug: input.slug,
        titleEs: input.title.es,
        titleEn: input.title.en,
        storyEs: input.story.es,
        storyEn: input.story.en,
        goalCents: input.goalCents,
        currency: input.currency,
        milestonesCents: input.milestonesCents,
        caseId: input.caseId,
        open: input.open,
        public: input.public,
        searchText: searchTextFor2(input),
        createdBy: actor.userId
      });
      await audit(tx, actor, "campaign.created", { type: "campaign", id }, { slug: input.slug });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ slug: "slug_taken" });
    throw error;
  }
  campaignChanged({ orgId: actor.orgId, campaignId: id });
  const campaign = await getCampaign(deps.db, actor.orgId, id);
  if (!campaign) throw new Error("created campaign vanished");
  return campaign;
}

// src/modules/funds/settle-bond.ts
import { randomUUID as randomUUID5 } from "node:crypto";
import { eq as eq40 } from "drizzle-orm";

// src/modules/funds/bond-record.ts
import { and as and34, desc as desc7, eq as eq39 } from "drizzle-orm";
function fromRow2(row) {
  return {
    id: row.id,
    campaignId: row.campaignId,
    principalCents: cents(row.principalCents),
    currency: row.currency,
    status: row.status,
    postedGroupId: row.postedGroupId,
    postedAt: row.postedAt,
    settledGroupId: row.settledGroupId,
    settledAt: row.settledAt,
    interestCents: row.interestCents === null ? null : cents(row.interestCents),
    memo: row.memo,
    createdAt: row.createdAt
  };
}
async function getBond(db, orgId, id) {
  const [row] = await db.select().from(bonds).where(and34(eq39(bonds.orgId, orgId), eq39(bonds.id, id)));
  return row ? fromRow2(row) : null;
}
async function lockBond(tx, orgId, id) {
  const [row] = await tx.select().from(bonds).where(and34(eq39(bonds.orgId, orgId), eq39(bonds.id, id))).for("update");
  return row ? fromRow2(row) : null;
}
async function listBonds(db, orgId, campaignId) {
  const rows = await db.select().from(bonds).where(and34(eq39(bonds.orgId, orgId), eq39(bonds.campaignId, campaignId))).orderBy(desc7(bonds.postedAt), desc7(bonds.createdAt));
  return rows.map(fromRow2);
}

// src/modules/funds/settle-bond.ts
async function settleBond(deps, actor, id, how, options) {
  const found = await getBond(deps.db, actor.orgId, id);
  if (!found) throw notFound();
  await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.orgId, found.campaignId, "update");
    if (!campaign) throw notFound();
    const bond = await lockBond(tx, actor.orgId, id);
    if (!bond) throw notFound();
    if (bond.status !== "outstanding") throw new AppError("bond_settled");
    if (how.kind === "bond_returned" && how.interest > maxCents(bond.currency)) {
      throw invalid({ interest: "amount_too_large" });
    }
    const movement = how.kind === "bond_returned" ? {
      kind: "bond_returned",
      currency: bond.currency,
      bondId: bond.id,
      principal: bond.principalCents,
      interest: how.interest
    } : {
      kind: "bond_forfeited",
      currency: bond.currency,
      bondId: bond.id,
      principal: bond.principalCents
    };
    const state = await loadState(tx, actor.orgId, campaign);
    const outcome = decide(state, { op: "record", id: randomUUID5(), movement });
    if (outcome.status !== "applied") {
      throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
    }
    const settledAt = options.settledAt ?? /* @__PURE__ */ new Date();
    await writeGroup(tx, actor, campaign.id, outcome.group, {
      occurredAt: settledAt,
      memo: options.memo?.trim() || null
    });
    await tx.update(bonds).set({
      status: how.kind === "bond_returned" ? "returned" : "forfeited",
      settledGroupId: outcome.group.id,
      settledAt,
      interestCents: how.kind === "bond_returned" ? how.interest : null,
      updatedAt: /* @__PURE__ */ new Date()
    }).where(eq40(bonds.id, id));
    const action = how.kind === "bond_returned" ? "bond.returned" : "bond.forfeited";
    await audit(tx, actor, action, { type: "bond", id }, { campaign_id: campaign.id });
  });
  campaignChanged({ orgId: actor.orgId, campaignId: found.campaignId });
  const settled = await getBond(deps.db, actor.orgId, id);
  if (!settled) throw notFound();
  return settled;
}

// src/modules/funds/forfeit-bond.ts
async function forfeitBond(deps, actor, id, input = {}) {
  return settleBond(
    deps,
    actor,
    id,
    { kind: "bond_forfeited" },
    {
      settledAt: input.forfeitedAt ?? null,
      memo: input.memo ?? null
    }
  );
}

// src/modules/funds/funds.api-schema.ts
import { z as z15 } from "zod";
var minorUnits = (description, minimum = 1) => z15.unknown().superRefine((v, ctx) => {
  if (v === void 0 || v === null) ctx.addIssue({ code: "custom", message: "required" });
  else if (typeof v !== "number") {
    ctx.addIssue({ code: "custom", message: "amount_not_a_number" });
  }
}).transform((v) => v).meta({ type: "integer", minimum, description });
var text7 = (max) => z15.string("wrong_type").max(max, "too_long");
var instant = z15.iso.datetime({ offset: true, message: "invalid_date" }).describe("ISO 8601 date-time with offset");
var ApiErrorSchema = z15.object({
  error: z15.object({
    code: z15.string(),
    message: z15.string(),
    fields: z15.record(z15.string(), z15.object({ code: z15.string(), message: z15.string() })).optional()
  })
});
var ApiCampaignInputSchema = z15.strictObject({
  slug: z15.string("required"),
  title: z15.strictObject({ es: z15.string("required"), en: z15.string("required") }, "required"),
  story: z15.strictObject(
    {
      es: z15.string("wrong_type").nullable().optional(),
      en: z15.string("wrong_type").nullable().optional()
    },
    "wrong_type"
  ).optional(),
  goal_cents: minorUnits("The goal, in minor units (cents)"),
  currency: z15.enum(CURRENCIES, "invalid_choice").optional().describe("Default USD"),
  milestones_cents: z15.array(minorUnits("A milestone, in minor units"), "wrong_type").optional().describe("Ascending, each below the goal"),
  case_id: z15.uuid("case_not_found").nullable().optional(),
  open: z15.boolean("wrong_type").optional(),
  public: z15.boolean("wrong_type").optional()
});
var ApiCampaignPatchSchema = ApiCampaignInputSchema.partial();
var TotalsSchema = z15.object({
  raised_cents: z15.int(),
  available_cents: z15.int(),
  on_bond_cents: z15.int(),
  spent_cents: z15.int(),
  gifts: z15.int()
});
var ApiCampaignSchema = z15.object({
  id: z15.uuid(),
  slug: z15.string(),
  title: z15.object({ es: z15.string(), en: z15.string() }),
  story: z15.object({ es: z15.string().nullable(), en: z15.string().nullable() }),
  goal_cents: z15.int(),
  currency: z15.enum(CURRENCIES),
  milestones_cents: z15.array(z15.int()),
  case_id: z15.uuid().nullable(),
  open: z15.boolean(),
  public: z15.boolean(),
  totals: TotalsSchema,
  created_date: z15.iso.datetime(),
  modified_date: z15.iso.datetime()
});
var ApiDonationInputSchema = z15.strictObject({
  amount_cents: minorUnits("The gift, in minor units (cents)"),
  currency: z15.enum(CURRENCIES, "invalid_choice").optional().describe("Must be the campaign's"),
  method: z15.enum(GIFT_METHODS, "invalid_choice"),
  received_at: instant.optional(),
  donor_name: text7(160).nullable().optional(),
  anonymous: z15.boolean("wrong_type").optional().describe("Default true: no name on public pages"),
  source: z15.string("wrong_type").regex(/^[a-z0-9][a-z0-9_.:-]{0,39}$/, "invalid").optional().describe("Where the gift comes from; default api"),
  external_id: text7(200).min(1, "required").nullable().optional().describe("Unique per source"),
  event_note: text7(300).nullable().optional(),
  memo: text7(500).nullable().optional()
});
var ApiDonationSchema = z15.object({
  id: z15.uuid(),
  campaign_id: z15.uuid(),
  amount_cents: z15.int(),
  currency: z15.enum(CURRENCIES),
  method: z15.enum(GIFT_METHODS),
  received_at: z15.iso.datetime(),
  donor_name: z15.string().nullable(),
  anonymous: z15.boolean(),
  source: z15.string(),
  external_id: z15.string().nullable(),
  event_note: z15.string().nullable(),
  reversed: z15.boolean(),
  ledger_group_id: z15.uuid(),
  created_date: z15.iso.datetime()
});
var ApiLedgerSchema = z15.object({
  campaign_id: z15.uuid(),
  currency: z15.enum(CURRENCIES),
  entries: z15.array(
    z15.object({
      group_id: z15.uuid(),
      kind: z15.string(),
      reverses_group_id: z15.uuid().nullable(),
      reversed_by_group_id: z15.uuid().nullable(),
      account: z15.enum(ACCOUNTS),
      amount_cents: z15.int(),
      occurred_at: z15.iso.datetime(),
      memo: z15.string().nullable()
    })
  ),
  page: z15.int(),
  per_page: z15.int(),
  total_records: z15.int()
});
var ApiDisbursementInputSchema = z15.strictObject({
  amount_cents: minorUnits("The payment, in minor units (cents)"),
  currency: z15.enum(CURRENCIES, "invalid_choice").optional(),
  payee: z15.string("required"),
  purpose: z15.enum(DISBURSEMENT_PURPOSES, "invalid_choice"),
  memo: text7(500).nullable().optional()
});
var ApiDisbursementSchema = z15.object({
  id: z15.uuid(),
  campaign_id: z15.uuid(),
  amount_cents: z15.int(),
  currency: z15.enum(CURRENCIES),
  payee: z15.string(),
  purpose: z15.enum(DISBURSEMENT_PURPOSES),
  memo: z15.string().nullable(),
  status: z15.enum(["requested", "approved", "paid", "rejected", "cancelled"]),
  requested_by: z15.uuid().nullable(),
  approved_by: z15.uuid().nullable(),
  approved_at: z15.iso.datetime().nullable(),
  paid_at: z15.iso.datetime().nullable(),
  ledger_group_id: z15.uuid().nullable(),
  created_date: z15.iso.datetime()
});
var ApiPayInputSchema = z15.strictObject({ paid_at: instant.optional() });
var ApiBondInputSchema = z15.strictObject({
  amount_cents: minorUnits("The bond, in minor units (cents)"),
  currency: z15.enum(CURRENCIES, "invalid_choice").optional(),
  posted_at: instant.optional(),
  memo: text7(500).nullable().optional()
});
var ApiBondReturnSchema = z15.strictObject({
  interest_cents: minorUnits("Interest returned on top of the principal", 0).optional(),
  returned_at: instant.optional(),
  memo: text7(500).nullable().optional()
});
var ApiBondForfeitSchema = z15.strictObject({
  forfeited_at: instant.optional(),
  memo: text7(500).nullable().optional()
});
var ApiBondSchema = z15.object({
  id: z15.uuid(),
  campaign_id: z15.uuid(),
  principal_cents: z15.int(),
  currency: z15.enum(CURRENCIES),
  status: z15.enum(["outstanding", "returned", "forfeited", "voided"]),
  interest_cents: z15.int().nullable(),
  posted_at: z15.iso.datetime(),
  settled_at: z15.iso.datetime().nullable(),
  memo: z15.string().nullable(),
  posted_group_id: z15.uuid(),
  settled_group_id: z15.uuid().nullable()
});
var iso = (d) => d ? d.toISOString() : null;
function totalsToApi(t) {
  return {
    raised_cents: t.raisedCents,
    available_cents: t.availableCents,
    on_bond_cents: t.onBondCents,
    spent_cents: t.spentCents,
    gifts: t.gifts
  };
}
function campaignToApi(c, t) {
  return {
    id: c.id,
    slug: c.slug,
    title: c.title,
    story: c.story,
    goal_cents: c.goalCents,
    currency: c.currency,
    milestones_cents: c.milestonesCents,
    case_id: c.caseId,
    open: c.open,
    public: c.public,
    totals: totalsToApi(t),
    created_date: c.createdAt.toISOString(),
    modified_date: c.updatedAt.toISOString()
  };
}
function apiToCampaignFields(b) {
  const out = {};
  const set = (key2, value) => {
    if (value !== void 0) out[key2] = value;
  };
  set("slug", b.slug);
  set("title", b.title);
  set("story", b.story ? { es: b.story.es ?? null, en: b.story.en ?? null } : void 0);
  set("goalCents", b.goal_cents);
  set("currency", b.currency);
  set("milestonesCents", b.milestones_cents);
  set("caseId", b.case_id);
  set("open", b.open);
  set("public", b.public);
  return out;
}
function campaignToFields(c) {
  return {
    slug: c.slug,
    title: c.title,
    story: c.story,
    goalCents: c.goalCents,
    currency: c.currency,
    milestonesCents: c.milestonesCents,
    caseId: c.caseId,
    open: c.open,
    public: c.public
  };
}
function giftToApi(g) {
  return {
    id: g.id,
    campaign_id: g.campaignId,
    amount_cents: g.amountCents,
    currency: g.currency,
    method: g.method,
    received_at: g.receivedAt.toISOString(),
    donor_name: g.donorName,
    anonymous: g.anonymous,
    source: g.source,
    external_id: g.externalId,
    event_note: g.eventNote,
    reversed: g.reversed,
    ledger_group_id: g.groupId,
    created_date: g.createdAt.toISOString()
  };
}
function ledgerLineToApi(line) {
  return line.group.entries.map((e) => ({
    group_id: line.group.id,
    kind: line.group.movement.kind,
    reverses_group_id: line.group.reverses ?? null,
    reversed_by_group_id: line.reversedBy,
    account: e.account,
    amount_cents: e.amount,
    occurred_at: line.occurredAt.toISOString(),
    memo: line.memo
  }));
}
function disbursementToApi(d) {
  return {
    id: d.id,
    campaign_id: d.campaignId,
    amount_cents: d.amountCents,
    currency: d.currency,
    payee: d.payee,
    purpose: d.purpose,
    memo: d.memo,
    status: d.status,
    requested_by: d.requestedBy,
    approved_by: d.approvedBy,
    approved_at: iso(d.approvedAt),
    paid_at: iso(d.paidAt),
    ledger_group_id: d.paidGroupId,
    created_date: d.createdAt.toISOString()
  };
}
function bondToApi(b) {
  return {
    id: b.id,
    campaign_id: b.campaignId,
    principal_cents: b.principalCents,
    currency: b.currency,
    status: b.status,
    interest_cents: b.interestCents,
    posted_at: b.postedAt.toISOString(),
    settled_at: iso(b.settledAt),
    memo: b.memo,
    posted_group_id: b.postedGroupId,
    settled_group_id: b.settledGroupId
  };
}
var API_NAMES2 = {
  amount: "amount_cents",
  principal: "amount_cents",
  interest: "interest_cents",
  goalCents: "goal_cents",
  milestonesCents: "milestones_cents",
  caseId: "case_id",
  receivedAt: "received_at"
};
function apiFieldNames(error) {
  if (error instanceof AppError && error.fields) {
    const fields = {};
    for (const [path, key2] of Object.entries(error.fields)) {
      const [head = "", ...rest] = path.split(".");
      fields[[API_NAMES2[head] ?? head, ...rest].join(".")] = key2;
    }
    throw new AppError(error.code, fields, error.retryAfterSeconds);
  }
  throw error;
}

// src/modules/funds/pay-disbursement.ts
import { randomUUID as randomUUID6 } from "node:crypto";
import { and as and35, eq as eq41 } from "drizzle-orm";
async function payDisbursement(deps, actor, id, options = {}) {
  const found = await getDisbursement(deps.db, actor.orgId, id);
  if (!found) throw notFound();
  await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.orgId, found.campaignId, "update");
    if (!campaign) throw notFound();
    const [row] = await tx.select().from(disbursements).where(and35(eq41(disbursements.orgId, actor.orgId), eq41(disbursements.id, id))).for("update");
    if (!row) throw notFound();
    if (!canTakeStep(row.status, "pay")) throw new AppError("wrong_status");
    const state = await loadState(tx, actor.orgId, campaign);
    const outcome = decide(state, {
      op: "record",
      id: randomUUID6(),
      movement: { kind: "disbursement", currency: row.currency, amount: cents(row.amountCents) }
    });
    if (outcome.status !== "applied") {
      throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
    }
    const paidAt = options.paidAt ?? /* @__PURE__ */ new Date();
    await writeGroup(tx, actor, campaign.id, outcome.group, {
      occurredAt: paidAt,
      memo: `${row.payee}${row.memo ? ` \u2014 ${row.memo}` : ""}`
    });
    await tx.update(disbursements).set({ status: "paid", paidGroupId: outcome.group.id, paidAt, updatedAt: /* @__PURE__ */ new Date() }).where(eq41(disbursements.id, id));
    await audit(
      tx,
      actor,
      "disbursement.paid",
      { type: "disbursement", id },
      {
        campaign_id: campaign.id,
        group_id: outcome.group.id
      }
    );
  });
  campaignChanged({ orgId: actor.orgId, campaignId: found.campaignId });
  const paid = await getDisbursement(deps.db, actor.orgId, id);
  if (!paid) throw notFound();
  return paid;
}

// src/modules/funds/post-bond.ts
import { randomUUID as randomUUID7 } from "node:crypto";
async function postBond(deps, actor, input) {
  const bondId = randomUUID7();
  await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "update");
    if (!campaign) throw notFound();
    const fields = {};
    const problem = amountProblem(input.amountCents, campaign.currency);
    if (problem) fields.amount = problem;
    if ((input.currency ?? campaign.currency) !== campaign.currency) {
      fields.currency = "currency_mismatch";
    }
    if (Object.keys(fields).length > 0) throw invalid(fields);
    const state = await loadState(tx, actor.orgId, campaign);
    const outcome = decide(state, {
      op: "record",
      id: randomUUID7(),
      movement: {
        kind: "bond_posted",
        currency: campaign.currency,
        bondId,
        amount: cents(input.amountCents)
      }
    });
    if (outcome.status !== "applied") {
      throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
    }
    const postedAt = input.postedAt ?? /* @__PURE__ */ new Date();
    const memo = input.memo?.trim() || null;
    await writeGroup(tx, actor, campaign.id, outcome.group, { occurredAt: postedAt, memo });
    await tx.insert(bonds).values({
      id: bondId,
      orgId: actor.orgId,
      campaignId: campaign.id,
      principalCents: cents(input.amountCents),
      currency: campaign.currency,
      postedGroupId: outcome.group.id,
      postedAt,
      memo,
      createdBy: actor.userId
    });
    await audit(
      tx,
      actor,
      "bond.posted",
      { type: "bond", id: bondId },
      {
        campaign_id: campaign.id
      }
    );
  });
  campaignChanged({ orgId: actor.orgId, campaignId: input.campaignId });
  const bond = await getBond(deps.db, actor.orgId, bondId);
  if (!bond) throw new Error("posted bond vanished");
  return bond;
}

// src/modules/funds/record-donation.ts
import { randomUUID as randomUUID8 } from "node:crypto";

// src/modules/funds/gift-record.ts
import { and as and36, desc as desc8, eq as eq42, ilike, or as or2, sql as sql14 } from "drizzle-orm";
var reversal2 = sql14`EXISTS (SELECT 1 FROM ${ledgerGroups} r WHERE r.reverses_group_id = ${gifts.groupId})`;
var giftSelect = (db) => db.select({
  row: gifts,
  receivedByName: users.name,
  reversed: reversal2
}).from(gifts).leftJoin(users, eq42(users.id, gifts.receivedByUserId));
function giftFromRow({ row, receivedByName, reversed }) {
  return {
    id: row.id,
    campaignId: row.campaignId,
    groupId: row.groupId,
    amountCents: cents(row.amountCents),
    currency: row.currency,
    method: row.method,
    receivedAt: row.receivedAt,
    donorName: row.donorName,
    anonymous: row.anonymous,
    source: row.source,
    externalId: row.externalId,
    eventNote: row.eventNote,
    receivedByUserId: row.receivedByUserId,
    receivedByName,
    reversed: Boolean(reversed),
    createdAt: row.createdAt
  };
}
async function getGift(db, orgId, id) {
  const [row] = await giftSelect(db).where(and36(eq42(gifts.orgId, orgId), eq42(gifts.id, id)));
  return row ? giftFromRow(row) : null;
}
async function findExistingGift(db, orgId, keys) {
  const matches = [];
  if (keys.idempotencyKey !== null) {
    matches.push(
      sql14`${gifts.groupId} IN (SELECT id FROM ${ledgerGroups} WHERE ${ledgerGroups.orgId} = ${orgId} AND ${ledgerGroups.idempotencyKey} = ${keys.idempotencyKey})`
    );
  }
  if (keys.externalId !== null) {
    matches.push(and36(eq42(gifts.source, keys.source), eq42(gifts.externalId, keys.externalId)));
  }
  if (matches.length === 0) return null;
  const [row] = await giftSelect(db).where(and36(eq42(gifts.orgId, orgId), or2(...matches))).orderBy(gifts.createdAt).limit(1);
  return row ? giftFromRow(row) : null;
}
async function listGifts(db, orgId, campaignId, query = {}) {
  const text10 = query.q?.trim();
  const filters = [eq42(gifts.orgId, orgId), eq42(gifts.campaignId, campaignId)];
  if (text10) {
    const pattern = `%${fold2(text10).replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
    const folded = (column3) => sql14`translate(lower(coalesce(${column3}, '')), 'áéíóúüñàèìòùç', 'aeiouunaeiouc')`;
    filters.push(
      or2(
        ilike(folded(sql14`${gifts.donorName}`), pattern),
        ilike(folded(sql14`${gifts.eventNote}`), pattern)
      )
    );
  }
  const rows = await giftSelect(db).where(and36(...filters)).orderBy(desc8(gifts.receivedAt), desc8(gifts.createdAt)).limit(query.limit ?? 50);
  return rows.map(giftFromRow);
}
async function listTeam(db, orgId) {
  return db.select({ id: users.id, name: users.name }).from(memberships).innerJoin(users, eq42(users.id, memberships.userId)).where(eq42(memberships.orgId, orgId)).orderBy(users.name);
}
async function isTeamMember(db, orgId, userId) {
  const [row] = await db.select({ id: memberships.id }).from(memberships).where(and36(eq42(memberships.orgId, orgId), eq42(memberships.userId, userId)));
  return !!row;
}

// src/modules/funds/record-donation.ts
async function recordDonation(deps, actor, input) {
  const keys = {
    idempotencyKey: input.idempotencyKey ?? null,
    source: input.source ?? "manual",
    externalId: input.externalId ?? null
  };
  const replay = async () => {
    const gift2 = await findExistingGift(deps.db, actor.orgId, keys);
    if (!gift2) return null;
    if (gift2.campaignId !== input.campaignId) throw new AppError("idempotency_key_reused");
    return { gift: gift2, replayed: true };
  };
  const earlier = await replay();
  if (earlier) return earlier;
  if (input.receivedByUserId && !await isTeamMember(deps.db, actor.orgId, input.receivedByUserId)) {
    throw invalid({ receivedByUserId: "not_a_member" });
  }
  const giftId = randomUUID8();
  try {
    await deps.db.transaction(async (tx) => {
      const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "key share");
      if (!campaign) throw notFound();
      const currency2 = input.currency ?? campaign.currency;
      const fields = {};
      const problem = amountProblem(input.amountCents, campaign.currency);
      if (problem) fields.amount = problem;
      if (currency2 !== campaign.currency) fields.currency = "currency_mismatch";
      if (Object.keys(fields).length > 0) throw invalid(fields);
      const outcome = decide(emptyLedger(campaign.currency), {
        op: "record",
        id: randomUUID8(),
        movement: { kind: "donation", currency: currency2, amount: cents(input.amountCents) },
        ...keys.idempotencyKey !== null ? { idempotencyKey: keys.idempotencyKey } : {}
      });
      if (outcome.status !== "applied") {
        throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
      }
      const receivedAt = input.receivedAt ?? /* @__PURE__ */ new Date();
      await writeGroup(tx, actor, campaign.id, outcome.group, {
        occurredAt: receivedAt,
        memo: input.memo ?? null
      });
      await tx.insert(gifts).values({
        id: giftId,
        orgId: actor.orgId,
        campaignId: campaign.id,
        groupId: outcome.group.id,
        amountCents: cents(input.amountCents),
        currency: campaign.currency,
        method: input.method,
        receivedAt,
        donorName: input.donorName ?? null,
        anonymous: input.anonymous ?? true,
        source: keys.source,
        externalId: keys.externalId,
        eventNote: input.eventNote ?? null,
        receivedByUserId: input.receivedByUserId ?? null
      });
      await audit(
        tx,
        actor,
        "gift.recorded",
        { type: "gift", id: giftId },
        {
          campaign_id: campaign.id,
          method: input.method,
          source: keys.source
        }
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const first = await replay();
      if (first) return first;
    }
    throw error;
  }
  campaignChanged({ orgId: actor.orgId, campaignId: input.campaignId });
  const gift = await getGift(deps.db, actor.orgId, giftId);
  if (!gift) throw new Error("recorded gift vanished");
  return { gift, replayed: false };
}

// src/modules/funds/request-disbursement.ts
import { randomUUID as randomUUID9 } from "node:crypto";
async function requestDisbursement(deps, actor, input) {
  const id = randomUUID9();
  await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "key share");
    if (!campaign) throw notFound();
    const fields = {};
    const problem = amountProblem(input.amountCents, campaign.currency);
    if (problem) fields.amount = problem;
    if ((input.currency ?? campaign.currency) !== campaign.currency) {
      fields.currency = "currency_mismatch";
    }
    const payee = input.payee.trim();
    if (!payee) fields.payee = "required";
    else if (payee.length > LIMITS3.title) fields.payee = "too_long";
    if (Object.keys(fields).length > 0) throw invalid(fields);
    await tx.insert(disbursements).values({
      id,
      orgId: actor.orgId,
      campaignId: campaign.id,
      amountCents: cents(input.amountCents),
      currency: campaign.currency,
      payee,
      purpose: input.purpose,
      memo: input.memo?.trim() || null,
      requestedBy: actor.userId
    });
    await audit(
      tx,
      actor,
      "disbursement.requested",
      { type: "disbursement", id },
      {
        campaign_id: campaign.id,
        purpose: input.purpose
      }
    );
  });
  campaignChanged({ orgId: actor.orgId, campaignId: input.campaignId });
  const created = await getDisbursement(deps.db, actor.orgId, id);
  if (!created) throw new Error("requested disbursement vanished");
  return created;
}

// src/modules/funds/return-bond.ts
async function returnBond(deps, actor, id, input = {}) {
  const interest = input.interestCents ?? 0;
  if (!Number.isSafeInteger(interest)) {
    throw invalid({
      interest: Number.isInteger(interest) ? "amount_too_large" : "amount_fractional"
    });
  }
  if (interest < 0) throw invalid({ interest: "amount_not_positive" });
  return settleBond(
    deps,
    actor,
    id,
    { kind: "bond_returned", interest: cents(interest) },
    {
      settledAt: input.returnedAt ?? null,
      memo: input.memo ?? null
    }
  );
}

// src/modules/funds/update-campaign.ts
import { and as and37, eq as eq43, sql as sql15 } from "drizzle-orm";
async function updateCampaign(deps, actor, id, input) {
  if (input.caseId && !await getCaseSummary(deps.db, actor.orgId, input.caseId)) {
    throw invalid({ caseId: "case_not_found" });
  }
  try {
    await deps.db.transaction(async (tx) => {
      const current = await lockCampaign(tx, actor.orgId, id, "update");
      if (!current) throw notFound();
      if (input.currency !== current.currency) {
        const [used] = await tx.execute(sql15`SELECT
          EXISTS (SELECT 1 FROM ${ledgerGroups} WHERE ${ledgerGroups.campaignId} = ${id})
          OR EXISTS (SELECT 1 FROM ${disbursements} WHERE ${disbursements.campaignId} = ${id})
          AS used`).then((r) => r.rows);
        if (used?.used) throw invalid({ currency: "currency_locked" });
      }
      await tx.update(campaigns).set({
        slug: input.slug,
        titleEs: input.title.es,
        titleEn: input.title.en,
        storyEs: input.story.es,
        storyEn: input.story.en,
        goalCents: input.goalCents,
        currency: input.currency,
        milestonesCents: input.milestonesCents,
        caseId: input.caseId,
        open: input.open,
        public: input.public,
        searchText: searchTextFor2(input),
        updatedAt: /* @__PURE__ */ new Date()
      }).where(and37(eq43(campaigns.orgId, actor.orgId), eq43(campaigns.id, id)));
      await audit(
        tx,
        actor,
        "campaign.updated",
        { type: "campaign", id },
        {
          fields: changedFields2(current, input)
        }
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ slug: "slug_taken" });
    throw error;
  }
  campaignChanged({ orgId: actor.orgId, campaignId: id });
  const campaign = await getCampaign(deps.db, actor.orgId, id);
  if (!campaign) throw notFound();
  return campaign;
}
function changedFields2(current, next) {
  const pairs = [
    ["slug", current.slug, next.slug],
    ["title", current.title, next.title],
    ["story", current.story, next.story],
    ["goal_cents", current.goalCents, next.goalCents],
    ["currency", current.currency, next.currency],
    ["milestones_cents", current.milestonesCents, next.milestonesCents],
    ["case_id", current.caseId, next.caseId],
    ["open", current.open, next.open],
    ["public", current.public, next.public]
  ];
  return pairs.filter(([, a, b]) => JSON.stringify(a) !== JSON.stringify(b)).map(([k]) => k);
}

// src/modules/funds/funds.api.ts
var fundsApi = new Hono11();
for (const path of ["/api/v1/campaigns", "/api/v1/campaigns/*", "/api/v1/disbursements/*"]) {
  fundsApi.use(path, requireToken);
}
fundsApi.use("/api/v1/bonds/*", requireToken);
async function readOptionalJson(c, schema) {
  const body = await c.req.text();
  return readJson({ req: { json: async () => body.trim() ? JSON.parse(body) : {} } }, schema);
}
function campaignFields(input) {
  const parsed = CampaignFieldsSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  return apiFieldNames(new AppError("validation_failed", fieldsFromZod(parsed.error)));
}
var date3 = (value) => value ? new Date(value) : null;
function plausible(value, field) {
  const d = date3(value);
  if (d && (d.getTime() < Date.UTC(2e3, 0, 1) || d.getTime() > Date.now() + 864e5)) {
    throw new AppError("validation_failed", { [field]: "invalid_date" });
  }
  return d;
}
async function requireCampaign(c) {
  const actor = c.get("actor");
  const campaign = await getCampaign(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return campaign;
}
async function campaignJson(c, id) {
  const actor = c.get("actor");
  const db = c.get("deps").db;
  const [campaign, totals] = [
    await getCampaign(db, actor.orgId, id),
    await getCampaignTotals(db, actor.orgId, id)
  ];
  if (!campaign || !totals) throw new AppError("not_found");
  return campaignToApi(campaign, totals);
}
fundsApi.post("/api/v1/campaigns", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const body = await readJson(c, ApiCampaignInputSchema);
  const created = await createCampaign(
    c.get("deps"),
    actor,
    campaignFields(apiToCampaignFields(body))
  ).catch(apiFieldNames);
  return c.json(await campaignJson(c, created.id), 201);
});
fundsApi.get("/api/v1/campaigns/:id", async (c) => {
  requirePermission(c.get("actor").role, "funds.read");
  return c.json(await campaignJson(c, requireUuidParam(c)));
});
fundsApi.patch("/api/v1/campaigns/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const current = await requireCampaign(c);
  const body = await readJson(c, ApiCampaignPatchSchema);
  const fields = campaignFields({ ...campaignToFields(current), ...apiToCampaignFields(body) });
  await updateCampaign(c.get("deps"), actor, current.id, fields).catch(apiFieldNames);
  return c.json(await campaignJson(c, current.id));
});
var IdempotencyKey = z16.string().regex(/^[\x21-\x7e]{1,200}$/);
fundsApi.post("/api/v1/campaigns/:id/donations", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.gifts");
  const campaign = await requireCampaign(c);
  const header = c.req.header("idempotency-key");
  if (header !== void 0 && !IdempotencyKey.safeParse(header).success) {
    throw new AppError("validation_failed", { "Idempotency-Key": "invalid" });
  }
  const body = await readJson(c, ApiDonationInputSchema);
  const result = await recordDonation(c.get("deps"), actor, {
    campaignId: campaign.id,
    amountCents: body.amount_cents,
    currency: body.currency ?? null,
    method: body.method,
    receivedAt: plausible(body.received_at, "received_at"),
    donorName: body.donor_name?.trim() || null,
    anonymous: body.anonymous ?? true,
    source: body.source ?? "api",
    externalId: body.external_id ?? null,
    idempotencyKey: header ?? null,
    eventNote: body.event_note?.trim() || null,
    memo: body.memo?.trim() || null
  }).catch(apiFieldNames);
  if (result.replayed) c.header("Idempotent-Replayed", "true");
  return c.json(giftToApi(result.gift), result.replayed ? 200 : 201);
});
var Paging = z16.object({
  page: z16.coerce.number().int().min(1).catch(1),
  per_page: z16.coerce.number().int().min(1).max(500).catch(100)
});
fundsApi.get("/api/v1/campaigns/:id/ledger", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.read");
  const campaign = await requireCampaign(c);
  const { page: page2, per_page } = Paging.parse(c.req.query());
  const entries = (await loadLedger(c.get("deps").db, actor.orgId, [campaign])).flatMap(
    ledgerLineToApi
  );
  return c.json({
    campaign_id: campaign.id,
    currency: campaign.currency,
    entries: entries.slice((page2 - 1) * per_page, page2 * per_page),
    page: page2,
    per_page,
    total_records: entries.length
  });
});
fundsApi.post("/api/v1/campaigns/:id/disbursements", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const campaign = await requireCampaign(c);
  const body = await readJson(c, ApiDisbursementInputSchema);
  const created = await requestDisbursement(c.get("deps"), actor, {
    campaignId: campaign.id,
    amountCents: body.amount_cents,
    currency: body.currency ?? null,
    payee: body.payee,
    purpose: body.purpose,
    memo: body.memo ?? null
  }).catch(apiFieldNames);
  return c.json(disbursementToApi(created), 201);
});
fundsApi.post("/api/v1/disbursements/:id/approve", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.approve");
  const id = requireUuidParam(c);
  await readOptionalJson(c, z16.strictObject({}));
  return c.json(disbursementToApi(await approveDisbursement(c.get("deps"), actor, id)));
});
fundsApi.post("/api/v1/disbursements/:id/pay", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.approve");
  const id = requireUuidParam(c);
  const body = await readOptionalJson(c, ApiPayInputSchema);
  const paid = await payDisbursement(c.get("deps"), actor, id, {
    paidAt: plausible(body.paid_at, "paid_at")
  });
  return c.json(disbursementToApi(paid));
});
fundsApi.post("/api/v1/campaigns/:id/bonds", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const campaign = await requireCampaign(c);
  const body = await readJson(c, ApiBondInputSchema);
  const bond = await postBond(c.get("deps"), actor, {
    campaignId: campaign.id,
    amountCents: body.amount_cents,
    currency: body.currency ?? null,
    postedAt: plausible(body.posted_at, "posted_at"),
    memo: body.memo ?? null
  }).catch(apiFieldNames);
  return c.json(bondToApi(bond), 201);
});
fundsApi.post("/api/v1/bonds/:id/return", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const id = requireUuidParam(c);
  const body = await readOptionalJson(c, ApiBondReturnSchema);
  const bond = await returnBond(c.get("deps"), actor, id, {
    interestCents: body.interest_cents ?? 0,
    returnedAt: plausible(body.returned_at, "returned_at"),
    memo: body.memo ?? null
  }).catch(apiFieldNames);
  return c.json(bondToApi(bond));
});
fundsApi.post("/api/v1/bonds/:id/forfeit", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "funds.manage");
  const id = requireUuidParam(c);
  const body = await readOptionalJson(c, ApiBondForfeitSchema);
  const bond = await forfeitBond(c.get("deps"), actor, id, {
    forfeitedAt: plausible(body.forfeited_at, "forfeited_at"),
    memo: body.memo ?? null
  });
  return c.json(bondToApi(bond));
});
var idParam2 = { name: "id", in: "path", schema: z16.uuid() };
var tags = ["funds"];
var refused = (description) => ({ description, schema: ApiErrorSchema });
var fundsOpenApi = [
  {
    method: "post",
    path: "/api/v1/campaigns",
    summary: "Create a fundraising campaign",
    tags,
    body: ApiCampaignInputSchema,
    responses: { "201": { description: "Created", schema: ApiCampaignSchema } }
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}",
    summary: "Get a campaign with its totals, computed from the ledger",
    tags,
    params: [idParam2],
    responses: { "200": { description: "The campaign", schema: ApiCampaignSchema } }
  },
  {
    method: "patch",
    path: "/api/v1/campaigns/{id}",
    summary: "Change some fields of a campaign (the currency only while it has no movements)",
    tags,
    params: [idParam2],
    body: ApiCampaignPatchSchema,
    responses: { "200": { description: "The updated campaign", schema: ApiCampaignSchema } }
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/donations",
    summary: "Record a gift; the same Idempotency-Key or (source, external_id) never makes a second one",
    tags,
    params: [
      idParam2,
      {
        name: "Idempotency-Key",
        in: "header",
        schema: IdempotencyKey,
        description: "A replay answers 200 with the first gift and Idempotent-Replayed: true"
      }
    ],
    body: ApiDonationInputSchema,
    responses: {
      "200": {
        description: "A replay: the gift the first request made",
        schema: ApiDonationSchema
      },
      "201": { description: "Recorded", schema: ApiDonationSchema },
      "409": refused("The Idempotency-Key was used for a gift to another campaign")
    }
  },
  {
    method: "get",
    path: "/api/v1/campaigns/{id}/ledger",
    summary: "List the campaign's ledger entries, oldest first",
    tags,
    params: [
      idParam2,
      { name: "page", in: "query", schema: z16.int().min(1) },
      { name: "per_page", in: "query", schema: z16.int().min(1).max(500) }
    ],
    responses: { "200": { description: "Entries", schema: ApiLedgerSchema } }
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/disbursements",
    summary: "Request a payment out of the campaign",
    tags,
    params: [idParam2],
    body: ApiDisbursementInputSchema,
    responses: { "201": { description: "Requested", schema: ApiDisbursementSchema } }
  },
  {
    method: "post",
    path: "/api/v1/disbursements/{id}/approve",
    summary: "Approve a requested payment (above the threshold, not by its requester)",
    tags,
    params: [idParam2],
    responses: {
      "200": { description: "Approved", schema: ApiDisbursementSchema },
      "403": refused("self_approval: above the threshold the approver must be someone else"),
      "409": refused("wrong_status: it is not waiting for approval")
    }
  },
  {
    method: "post",
    path: "/api/v1/disbursements/{id}/pay",
    summary: "Pay an approved payment; refused beyond the available balance",
    tags,
    params: [idParam2],
    body: ApiPayInputSchema,
    responses: {
      "200": { description: "Paid", schema: ApiDisbursementSchema },
      "409": refused("insufficient_funds, or wrong_status")
    }
  },
  {
    method: "post",
    path: "/api/v1/campaigns/{id}/bonds",
    summary: "Record a bond posted from the fund",
    tags,
    params: [idParam2],
    body: ApiBondInputSchema,
    responses: {
      "201": { description: "Posted", schema: ApiBondSchema },
      "409": refused("insufficient_funds")
    }
  },
  {
    method: "post",
    path: "/api/v1/bonds/{id}/return",
    summary: "Record a bond returned, with any interest",
    tags,
    params: [idParam2],
    body: ApiBondReturnSchema,
    responses: {
      "200": { description: "Returned", schema: ApiBondSchema },
      "409": refused("bond_settled: already returned or forfeited")
    }
  },
  {
    method: "post",
    path: "/api/v1/bonds/{id}/forfeit",
    summary: "Record a bond forfeited",
    tags,
    params: [idParam2],
    body: ApiBondForfeitSchema,
    responses: {
      "200": { description: "Forfeited", schema: ApiBondSchema },
      "409": refused("bond_settled: already returned or forfeited")
    }
  }
];

// src/modules/funds/funds.routes.tsx
import { Hono as Hono12 } from "hono";

// src/modules/funds/funds.messages.ts
var fundsText = defineMessages("funds", {
  es: {
    title: "Fondos",
    lede: "Campa\xF1as para juntar dinero para abogados, fianzas y apoyo a las familias. Cada d\xF3lar queda en el libro de movimientos.",
    add: "Nueva campa\xF1a",
    search_label: "Buscar campa\xF1as",
    search_placeholder: "Ej.: fianza, fondo rosa",
    found: (n) => `${n} campa\xF1as`,
    found_one: "1 campa\xF1a",
    empty_title: "Todav\xEDa no hay campa\xF1as",
    empty_body: "Crea la primera para juntar dinero para un abogado o una fianza. Podr\xE1s registrar donativos en efectivo desde el primer d\xEDa.",
    no_results: "Ninguna campa\xF1a coincide con esa b\xFAsqueda.",
    no_results_hint: "Prueba con menos palabras o sin acentos.",
    clear_search: "Borrar la b\xFAsqueda",
    raised_of: (raised, goal) => `${raised} de ${goal}`,
    badge_open: "Abierta",
    badge_closed: "Cerrada",
    badge_public: "P\xFAblica",
    badge_private: "Privada",
    // form
    new_title: "Nueva campa\xF1a",
    edit_title: (name) => `Editar: ${name}`,
    section_texts: "Textos en los dos idiomas",
    section_money: "Meta",
    section_visibility: "Estado",
    title_es: "T\xEDtulo en espa\xF1ol",
    title_en: "T\xEDtulo en ingl\xE9s",
    story_es: "Historia en espa\xF1ol",
    story_en: "Historia en ingl\xE9s",
    story_hint: "Lo que ver\xE1 el p\xFAblico si la campa\xF1a es p\xFAblica. No pongas n\xFAmero de extranjero (A-number), centro de detenci\xF3n ni datos del caso.",
    slug: "Identificador para el enlace",
    slug_hint: "Letras min\xFAsculas, n\xFAmeros y guiones. Ej.: fondo-rosa",
    goal: "Meta",
    goal_hint: "Cu\xE1nto quieren juntar en total. Ej.: 10,000",
    currency: "Moneda",
    milestones: "Metas intermedias",
    milestones_hint: "Escalones en el camino a la meta, de menor a mayor, separados por punto y coma. Ej.: 1,000; 5,000",
    open_label: "Abierta: todav\xEDa recibe donativos",
    public_label: "P\xFAblica: tiene p\xE1gina para compartir",
    linked_case: "Caso vinculado",
    linked_case_keep: (name) => `Vinculada al caso de ${name}`,
    create_submit: "Crear campa\xF1a",
    created: "Campa\xF1a creada.",
    saved: "Cambios guardados.",
    // campaign page
    edit: "Editar",
    raised: "Recaudado",
    available: "Disponible",
    on_bond: "En fianzas",
    spent: "Gastado",
    gifts_count: "Donativos",
    goal_line: (goal, percent) => `Meta: ${goal} \xB7 ${percent} %`,
    progress_label: (raised, goal, percent) => `Recaudado ${raised} de una meta de ${goal} (${percent} %)`,
    next_milestone: (target, toGo) => `Siguiente meta intermedia: ${target}. Faltan ${toGo}.`,
    next_goal: (toGo) => `Faltan ${toGo} para la meta.`,
    goal_reached: "\xA1Llegaron a la meta!",
    milestone_mark: (amount) => `Meta intermedia de ${amount}`,
    for_case: (name) => `Para el caso de ${name}`,
    closed_note: "Esta campa\xF1a est\xE1 cerrada: ya no aparece como abierta al p\xFAblico.",
    interest_note: (amount) => `Adem\xE1s, ${amount} de intereses de fianzas devueltas.`,
    export_csv: "Descargar el libro (CSV)",
    report_title: "Mes a mes",
    report_chart: (months) => `Gr\xE1fica de entradas y salidas por mes: ${months}`,
    report_in: "Entr\xF3",
    report_out: "Sali\xF3",
    report_month: "Mes",
    report_empty: "Todav\xEDa no hay movimientos para mostrar por mes.",
    overall_title: "Todas las campa\xF1as, mes a mes",
    // home
    home_title: "Fondos por aprobar o pagar",
    home_waiting_approval: "Espera aprobaci\xF3n",
    home_waiting_payment: "Aprobado, falta pagar",
    home_none: "No hay pagos pendientes.",
    // settings
    settings_title: "L\xEDmite de aprobaci\xF3n",
    settings_hint: "Por encima de esta cantidad, quien aprueba un pago tiene que ser otra persona, no quien lo pidi\xF3.",
    threshold: "L\xEDmite (en la moneda de cada campa\xF1a)",
    threshold_saved: "L\xEDmite guardado."
  },
  en: {
    title: "Funds",
    lede: "Campaigns that raise money for lawyers, bonds and family support. Every dollar stays in the ledger.",
    add: "New campaign",
    search_label: "Search campaigns",
    search_placeholder: "E.g. bond, rosa fund",
    found: (n) => `${n} campaigns`,
    found_one: "1 campaign",
    empty_title: "No campaigns yet",
    empty_body: "Create the first one to raise money for a lawyer or a bond. You can record cash gifts from day one.",
    no_results: "No campaign matches that search.",
    no_results_hint: "Try fewer words, or leave out accents.",
    clear_search: "Clear search",
    raised_of: (raised, goal) => `${raised} of ${goal}`,
    badge_open: "Open",
    badge_closed: "Closed",
    badge_public: "Public",
    badge_private: "Private",
    new_title: "New campaign",
    edit_title: (name) => `Edit: ${name}`,
    section_texts: "Texts in both languages",
    section_money: "Goal",
    section_visibility: "Status",
    title_es: "Title in Spanish",
    title_en: "Title in English",
    story_es: "Story in Spanish",
    story_en: "Story in English",
    story_hint: "What the public sees if the campaign is public. Don't include an A-number, detention facility or case details.",
    slug: "Identifier for the link",
    slug_hint: "Lowercase letters, numbers and dashes. E.g. rosa-fund",
    goal: "Goal",
    goal_hint: "How much you want to raise in total. E.g. 10,000",
    currency: "Currency",
    milestones: "Milestones",
    milestones_hint: "Steps on the way to the goal, smallest first, separated by semicolons. E.g. 1,000; 5,000",
    open_label: "Open: still taking gifts",
    public_label: "Public: has a page to share",
    linked_case: "Linked case",
    linked_case_keep: (name) => `Linked to ${name}'s case`,
    create_submit: "Create campaign",
    created: "Campaign created.",
    saved: "Changes saved.",
    edit: "Edit",
    raised: "Raised",
    available: "Available",
    on_bond: "Out on bond",
    spent: "Spent",
    gifts_count: "Gifts",
    goal_line: (goal, percent) => `Goal: ${goal} \xB7 ${percent}%`,
    progress_label: (raised, goal, percent) => `Raised ${raised} of a ${goal} goal (${percent}%)`,
    next_milestone: (target, toGo) => `Next milestone: ${target}. ${toGo} to go.`,
    next_goal: (toGo) => `${toGo} to go to reach the goal.`,
    goal_reached: "You reached the goal!",
    milestone_mark: (amount) => `Milestone of ${amount}`,
    for_case: (name) => `For ${name}'s case`,
    closed_note: "This campaign is closed: it no longer shows as open to the public.",
    interest_note: (amount) => `Plus ${amount} of interest on returned bonds.`,
    export_csv: "Download the ledger (CSV)",
    report_title: "Month by month",
    report_chart: (months) => `Chart of money in and out by month: ${months}`,
    report_in: "In",
    report_out: "Out",
    report_month: "Month",
    report_empty: "No movements to show by month yet.",
    overall_title: "All campaigns, month by month",
    home_title: "Funds to approve or pay",
    home_waiting_approval: "Waiting for approval",
    home_waiting_payment: "Approved, not yet paid",
    home_none: "No payments waiting.",
    settings_title: "Approval threshold",
    settings_hint: "Above this amount, the person who approves a payment must be someone other than who requested it.",
    threshold: "Threshold (in each campaign's currency)",
    threshold_saved: "Threshold saved."
  }
});

// src/modules/funds/campaign-charts.tsx
import { jsx as jsx30, jsxs as jsxs22 } from "hono/jsx/jsx-runtime";
var ACCENT3 = "#0b6760";
var OUT = "#a14a00";
function ProgressBar(props) {
  const { campaign, totals, lang } = props;
  const t = fundsText[lang];
  const money2 = (n) => formatMoney(cents(n), campaign.currency, lang);
  const p = progress(totals.raisedCents, campaign.goalCents, campaign.milestonesCents);
  const label = t.progress_label(
    money2(totals.raisedCents),
    money2(campaign.goalCents),
    String(p.percent)
  );
  return /* @__PURE__ */ jsxs22("div", { class: "progress", children: [
    /* @__PURE__ */ jsxs22("svg", { viewBox: "0 0 100 10", preserveAspectRatio: "none", role: "img", "aria-label": label, children: [
      /* @__PURE__ */ jsx30("rect", { x: "0", y: "0", width: "100", height: "10", rx: "2", fill: "#d9dcd6" }),
      /* @__PURE__ */ jsx30("rect", { x: "0", y: "0", width: String(p.percent), height: "10", rx: "2", fill: ACCENT3 }),
      campaign.milestonesCents.map((m) => {
        const x = Math.min(100, m * 100 / campaign.goalCents).toFixed(2);
        return /* @__PURE__ */ jsx30("rect", { x, y: "0", width: "0.6", height: "10", fill: "#1c2024" });
      })
    ] }),
    /* @__PURE__ */ jsxs22("p", { class: "progress-text", children: [
      /* @__PURE__ */ jsx30("strong", { children: t.raised_of(money2(totals.raisedCents), money2(campaign.goalCents)) }),
      " \xB7 ",
      `${p.percent} %`
    ] }),
    /* @__PURE__ */ jsx30("p", { class: "muted", children: p.next === null ? t.goal_reached : p.next.isGoal ? t.next_goal(money2(p.next.toGo)) : t.next_milestone(money2(p.next.target), money2(p.next.toGo)) })
  ] });
}
var monthLabel = (month, lang) => {
  const [y, m] = month.split("-").map(Number);
  return new Intl.DateTimeFormat(lang === "es" ? "es-US" : "en-US", {
    month: "short",
    year: "2-digit",
    timeZone: "UTC"
  }).format(new Date(Date.UTC(y, m - 1, 15)));
};
function flows(t) {
  return {
    in: t.donatedCents + t.interestCents,
    out: t.spentCents + t.refundedCents + t.forfeitedCents
  };
}
function MonthChart(props) {
  const t = fundsText[props.lang];
  const months = props.months.slice(-12);
  if (months.length === 0) return /* @__PURE__ */ jsx30("p", { class: "muted", children: t.report_empty });
  const money2 = (n) => formatMoney(cents(n), props.currency, props.lang);
  const rows = months.map((m) => ({ label: monthLabel(m.month, props.lang), ...flows(m.totals) }));
  const max = Math.max(1, ...rows.map((r) => Math.max(r.in, r.out)));
  const slot = 64;
  const width = rows.length * slot + 8;
  const chartHeight = 150;
  const bar = (value) => Math.max(value > 0 ? 1.5 : 0, value / max * chartHeight);
  const titleId = `${props.id}-title`;
  return /* @__PURE__ */ jsxs22("figure", { class: "chart", children: [
    /* @__PURE__ */ jsxs22(
      "svg",
      {
        viewBox: `0 0 ${width} ${chartHeight + 24}`,
        width,
        height: chartHeight + 24,
        role: "img",
        "aria-labelledby": titleId,
        class: "chart-svg",
        children: [
          /* @__PURE__ */ jsx30("title", { id: titleId, children: t.report_chart(rows.map((r) => r.label).join(", ")) }),
          /* @__PURE__ */ jsx30(
            "line",
            {
              x1: "0",
              y1: chartHeight,
              x2: width,
              y2: chartHeight,
              stroke: "#8a9199",
              "stroke-width": "1"
            }
          ),
          rows.map((r, i) => {
            const x = 8 + i * slot;
            return /* @__PURE__ */ jsxs22("g", { children: [
              /* @__PURE__ */ jsx30("rect", { x, y: chartHeight - bar(r.in), width: "24", height: bar(r.in), fill: ACCENT3 }),
              /* @__PURE__ */ jsx30(
                "rect",
                {
                  x: x + 26,
                  y: chartHeight - bar(r.out),
                  width: "24",
                  height: bar(r.out),
                  fill: OUT
                }
              ),
              /* @__PURE__ */ jsx30(
                "text",
                {
                  x: x + 25,
                  y: chartHeight + 16,
                  "text-anchor": "middle",
                  "font-size": "12",
                  fill: "#1c2024",
                  children: r.label
                }
              )
            ] });
          })
        ]
      }
    ),
    /* @__PURE__ */ jsxs22("figcaption", { class: "legend", children: [
      /* @__PURE__ */ jsxs22("span", { children: [
        /* @__PURE__ */ jsx30("svg", { class: "swatch", viewBox: "0 0 10 10", "aria-hidden": "true", children: /* @__PURE__ */ jsx30("rect", { width: "10", height: "10", fill: ACCENT3 }) }),
        t.report_in
      ] }),
      /* @__PURE__ */ jsxs22("span", { children: [
        /* @__PURE__ */ jsx30("svg", { class: "swatch", viewBox: "0 0 10 10", "aria-hidden": "true", children: /* @__PURE__ */ jsx30("rect", { width: "10", height: "10", fill: OUT }) }),
        t.report_out
      ] })
    ] }),
    /* @__PURE__ */ jsxs22("table", { class: "report", children: [
      /* @__PURE__ */ jsx30("thead", { children: /* @__PURE__ */ jsxs22("tr", { children: [
        /* @__PURE__ */ jsx30("th", { scope: "col", children: t.report_month }),
        /* @__PURE__ */ jsx30("th", { scope: "col", children: t.report_in }),
        /* @__PURE__ */ jsx30("th", { scope: "col", children: t.report_out })
      ] }) }),
      /* @__PURE__ */ jsx30("tbody", { children: rows.map((r) => /* @__PURE__ */ jsxs22("tr", { children: [
        /* @__PURE__ */ jsx30("th", { scope: "row", children: r.label }),
        /* @__PURE__ */ jsx30("td", { children: money2(r.in) }),
        /* @__PURE__ */ jsx30("td", { children: money2(r.out) })
      ] })) })
    ] })
  ] });
}

// src/modules/funds/funds-activity.messages.ts
var activityText = defineMessages("funds-activity", {
  es: {
    // gifts
    gifts_title: "Donativos",
    record_gift: "Registrar un donativo en efectivo o cheque",
    amount: "Cantidad",
    amount_hint: "Ej.: 20 o 1,250.50",
    method: "Forma de pago",
    method_cash: "Efectivo",
    method_check: "Cheque",
    method_card: "Tarjeta",
    method_transfer: "Transferencia",
    method_other: "Otra",
    received_on: "Fecha en que se recibi\xF3",
    event_note: "Evento o colecta",
    event_note_hint: "Ej.: Kerm\xE9s del s\xE1bado en la parroquia",
    received_by: "Lo recibi\xF3",
    donor_name: "Nombre de quien dona",
    donor_hint: "D\xE9jalo en blanco si no lo sabes o si prefiere no darlo.",
    show_name: "Puede aparecer su nombre en la p\xE1gina p\xFAblica",
    memo: "Nota",
    record_submit: "Registrar donativo",
    gift_recorded: "Donativo registrado.",
    anonymous: "An\xF3nimo",
    reversed: "Revertido",
    gifts_search: "Buscar por nombre o evento",
    gifts_empty: "Todav\xEDa no hay donativos. Registra el primero con el formulario.",
    gifts_none_found: "Ning\xFAn donativo coincide con esa b\xFAsqueda.",
    received_by_meta: (name) => `lo recibi\xF3 ${name}`,
    // disbursements
    payments_title: "Pagos",
    request_title: "Pedir un pago",
    payee: "A qui\xE9n se le paga",
    payee_hint: "Ej.: el despacho del abogado",
    purpose: "Para qu\xE9",
    purpose_legal_fees: "Honorarios legales",
    purpose_bond: "Fianza",
    purpose_family_support: "Apoyo a la familia",
    purpose_other: "Otro",
    request_submit: "Pedir el pago",
    threshold_note: (amount) => `Los pagos de m\xE1s de ${amount} los tiene que aprobar otra persona, no quien los pidi\xF3.`,
    status_requested: "Pedido",
    status_approved: "Aprobado",
    status_paid: "Pagado",
    status_rejected: "Rechazado",
    status_cancelled: "Cancelado",
    requested_by: (name) => `lo pidi\xF3 ${name}`,
    approved_by: (name) => `lo aprob\xF3 ${name}`,
    approve: "Aprobar",
    reject: "Rechazar",
    pay: "Marcar como pagado",
    needs_other: "Lo tiene que aprobar otra persona del equipo.",
    reject_title: "\xBFRechazar este pago?",
    reject_body: (payee, amount) => `El pago de ${amount} a ${payee} quedar\xE1 rechazado y no se podr\xE1 pagar. Si hace falta, se puede pedir de nuevo.`,
    reject_confirm: "S\xED, rechazar",
    payments_empty: "Todav\xEDa no hay pagos pedidos.",
    disbursement_requested: "Pago pedido. Ahora hay que aprobarlo.",
    disbursement_approved: "Pago aprobado.",
    disbursement_paid: "Pago registrado en el libro.",
    disbursement_rejected: "Pago rechazado.",
    insufficient: (available) => `No alcanza: solo hay ${available} disponibles. No se registr\xF3 nada.`,
    // bonds
    bonds_title: "Fianzas",
    post_title: "Registrar una fianza pagada",
    bond_amount: "Monto de la fianza",
    posted_on: "Fecha en que se pag\xF3",
    bond_memo_hint: "Ej.: n\xFAmero de recibo. No pongas el n\xFAmero de extranjero (A-number).",
    post_submit: "Registrar fianza",
    bond_outstanding: "Por devolver",
    bond_returned: "Devuelta",
    bond_forfeited: "Perdida",
    bond_voided: "Anulada",
    bond_posted_meta: (date4) => `pagada el ${date4}`,
    bond_settled_meta: (date4) => `cerrada el ${date4}`,
    interest: "Intereses",
    interest_hint: "Lo que se devolvi\xF3 de m\xE1s. 0 si nada.",
    return_submit: "Marcar como devuelta",
    forfeit: "Marcar como perdida",
    forfeit_title: "\xBFMarcar esta fianza como perdida?",
    forfeit_body: (amount) => `${amount} saldr\xE1n de las cuentas por cobrar como p\xE9rdida. Si fue un error, despu\xE9s se puede revertir en el libro.`,
    forfeit_confirm: "S\xED, marcar como perdida",
    bonds_empty: "No hay fianzas registradas.",
    bond_posted: "Fianza registrada.",
    bond_returned_done: "Fianza marcada como devuelta.",
    bond_forfeited_done: "Fianza marcada como perdida.",
    // ledger
    ledger_title: "Libro de movimientos",
    ledger_hint: "Nada se borra ni se edita: las correcciones son reversiones ligadas al original.",
    ledger_empty: "El libro est\xE1 vac\xEDo.",
    ledger_more: (n) => `Se muestran los \xFAltimos ${n}. El CSV tiene todos.`,
    kind_donation: "Donativo",
    kind_refund: "Reembolso",
    kind_disbursement: "Pago",
    kind_bond_posted: "Fianza pagada",
    kind_bond_returned: "Fianza devuelta",
    kind_bond_forfeited: "Fianza perdida",
    account_fund: "Fondo",
    account_bonds_receivable: "Fianzas por cobrar",
    account_outside: "Fuera",
    reversal_of: "Reversi\xF3n de un movimiento anterior",
    reversed_later: "Revertido despu\xE9s",
    reverse: "Revertir",
    reverse_title: "\xBFRevertir este movimiento?",
    reverse_body: "Se agregar\xE1 un movimiento igual con signo contrario, ligado a este. El original se queda en el libro.",
    reverse_reason: "Motivo",
    reverse_reason_hint: "Ej.: se registr\xF3 dos veces",
    reverse_confirm: "S\xED, revertir",
    reversed_done: "Movimiento revertido.",
    recorded_by: (name) => `por ${name}`,
    // CSV
    csv_date: "Fecha",
    csv_group: "Movimiento",
    csv_kind: "Tipo",
    csv_reverses: "Revierte a",
    csv_account: "Cuenta",
    csv_amount: "Importe",
    csv_currency: "Moneda",
    csv_memo: "Nota",
    csv_recorded_by: "Registr\xF3"
  },
  en: {
    gifts_title: "Gifts",
    record_gift: "Record a cash or check gift",
    amount: "Amount",
    amount_hint: "E.g. 20 or 1,250.50",
    method: "Payment method",
    method_cash: "Cash",
    method_check: "Check",
    method_card: "Card",
    method_transfer: "Transfer",
    method_other: "Other",
    received_on: "Date received",
    event_note: "Event or fundraiser",
    event_note_hint: "E.g. Saturday bake sale at the parish",
    received_by: "Received by",
    donor_name: "Donor's name",
    donor_hint: "Leave it blank if you don't know it or they'd rather not say.",
    show_name: "Their name may appear on the public page",
    memo: "Note",
    record_submit: "Record gift",
    gift_recorded: "Gift recorded.",
    anonymous: "Anonymous",
    reversed: "Reversed",
    gifts_search: "Search by name or event",
    gifts_empty: "No gifts yet. Record the first one with the form.",
    gifts_none_found: "No gift matches that search.",
    received_by_meta: (name) => `received by ${name}`,
    payments_title: "Payments",
    request_title: "Request a payment",
    payee: "Paid to",
    payee_hint: "E.g. the lawyer's office",
    purpose: "Purpose",
    purpose_legal_fees: "Legal fees",
    purpose_bond: "Bond",
    purpose_family_support: "Family support",
    purpose_other: "Other",
    request_submit: "Request payment",
    threshold_note: (amount) => `Payments over ${amount} must be approved by someone other than who requested them.`,
    status_requested: "Requested",
    status_approved: "Approved",
    status_paid: "Paid",
    status_rejected: "Rejected",
    status_cancelled: "Cancelled",
    requested_by: (name) => `requested by ${name}`,
    approved_by: (name) => `approved by ${name}`,
    approve: "Approve",
    reject: "Reject",
    pay: "Mark as paid",
    needs_other: "Someone else on the team must approve it.",
    reject_title: "Reject this payment?",
    reject_body: (payee, amount) => `The ${amount} payment to ${payee} will be rejected and can't be paid. If needed, it can be requested again.`,
    reject_confirm: "Yes, reject",
    payments_empty: "No payments requested yet.",
    disbursement_requested: "Payment requested. It now needs approval.",
    disbursement_approved: "Payment approved.",
    disbursement_paid: "Payment recorded in the ledger.",
    disbursement_rejected: "Payment rejected.",
    insufficient: (available) => `Not enough money: only ${available} is available. Nothing was recorded.`,
    bonds_title: "Bonds",
    post_title: "Record a bond that was posted",
    bond_amount: "Bond amount",
    posted_on: "Date posted",
    bond_memo_hint: "E.g. receipt number. Don't include an A-number.",
    post_submit: "Record bond",
    bond_outstanding: "Outstanding",
    bond_returned: "Returned",
    bond_forfeited: "Forfeited",
    bond_voided: "Voided",
    bond_posted_meta: (date4) => `posted on ${date4}`,
    bond_settled_meta: (date4) => `closed on ${date4}`,
    interest: "Interest",
    interest_hint: "Anything returned on top. 0 if none.",
    return_submit: "Mark as returned",
    forfeit: "Mark as forfeited",
    forfeit_title: "Mark this bond as forfeited?",
    forfeit_body: (amount) => `${amount} will leave bonds receivable as a loss. If it's a mistake, you can reverse it in the ledger later.`,
    forfeit_confirm: "Yes, mark as forfeited",
    bonds_empty: "No bonds recorded.",
    bond_posted: "Bond recorded.",
    bond_returned_done: "Bond marked as returned.",
    bond_forfeited_done: "Bond marked as forfeited.",
    ledger_title: "Ledger",
    ledger_hint: "Nothing is deleted or edited: corrections are reversals linked to the original.",
    ledger_empty: "The ledger is empty.",
    ledger_more: (n) => `Showing the latest ${n}. The CSV has them all.`,
    kind_donation: "Gift",
    kind_refund: "Refund",
    kind_disbursement: "Payment",
    kind_bond_posted: "Bond posted",
    kind_bond_returned: "Bond returned",
    kind_bond_forfeited: "Bond forfeited",
    account_fund: "Fund",
    account_bonds_receivable: "Bonds receivable",
    account_outside: "Outside",
    reversal_of: "Reversal of an earlier movement",
    reversed_later: "Reversed later",
    reverse: "Reverse",
    reverse_title: "Reverse this movement?",
    reverse_body: "An equal movement with the opposite sign will be added, linked to this one. The original stays in the ledger.",
    reverse_reason: "Reason",
    reverse_reason_hint: "E.g. it was entered twice",
    reverse_confirm: "Yes, reverse",
    reversed_done: "Movement reversed.",
    recorded_by: (name) => `by ${name}`,
    csv_date: "Date",
    csv_group: "Movement",
    csv_kind: "Kind",
    csv_reverses: "Reverses",
    csv_account: "Account",
    csv_amount: "Amount",
    csv_currency: "Currency",
    csv_memo: "Note",
    csv_recorded_by: "Recorded by"
  }
});

// src/modules/funds/funds-forms.ts
var REASON = {
  empty: "required",
  not_a_number: "amount_not_a_number",
  fractional_cent: "amount_fractional",
  not_positive: "amount_not_positive",
  too_large: "amount_too_large"
};
function readAmount(text10, currency2, options = {}) {
  const r = parseAmount(text10 ?? "", currency2, options);
  return r.ok ? { ok: true, value: r.cents } : { ok: false, error: REASON[r.reason] };
}
function readMilestones(text10, currency2) {
  const parts2 = (text10 ?? "").split(/;|\n|,\s+|(?<=\d)\s+(?=[\d$€¥])/).map((p) => p.trim()).filter(Boolean);
  const out = [];
  for (const part of parts2) {
    const r = readAmount(part, currency2);
    if (!r.ok) return r;
    out.push(r.value);
  }
  return { ok: true, value: out };
}
function readDay(text10, timeZone, now = /* @__PURE__ */ new Date()) {
  const value = (text10 ?? "").trim();
  if (!value) return { ok: true, value: now };
  if (!isValidDate(value)) return { ok: false, error: "invalid_date" };
  const instant2 = zonedToInstant(value, "12:00", timeZone);
  if (!instant2 || value < "2000-01-01" || instant2.getTime() > now.getTime() + 864e5) {
    return { ok: false, error: "invalid_date" };
  }
  return { ok: true, value: instant2 };
}
function today(timeZone, now = /* @__PURE__ */ new Date()) {
  return instantToZoned(now, timeZone).date;
}
function amountText(amount, currency2) {
  const decimals = CURRENCY_DECIMALS[currency2];
  return new Intl.NumberFormat("en-US", {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals
  }).format(amount / 10 ** decimals);
}
function formToCampaignInput2(values) {
  const errors = {};
  const currencyText = values.currency ?? "USD";
  const currency2 = isCurrency(currencyText) ? currencyText : "USD";
  const goal = readAmount(values.goal, currency2);
  if (!goal.ok) errors.goal = goal.error;
  const milestones = readMilestones(values.milestones, currency2);
  if (!milestones.ok) errors.milestones = milestones.error;
  return {
    input: {
      slug: values.slug ?? "",
      title: { es: values.title_es ?? "", en: values.title_en ?? "" },
      story: { es: values.story_es ?? "", en: values.story_en ?? "" },
      goalCents: goal.ok ? goal.value : 1,
      currency: currencyText,
      milestonesCents: milestones.ok ? milestones.value : [],
      caseId: values.case_id || null,
      open: values.open === "on",
      public: values.public === "on"
    },
    errors
  };
}
var FORM_NAMES3 = {
  "title.es": "title_es",
  "title.en": "title_en",
  "story.es": "story_es",
  "story.en": "story_en",
  goalCents: "goal",
  milestonesCents: "milestones",
  caseId: "case_id"
};
function campaignErrorsForForm(errors) {
  const out = {};
  for (const [path, key2] of Object.entries(errors)) {
    const name = FORM_NAMES3[path] ?? FORM_NAMES3[path.split(".")[0] ?? ""] ?? path.split(".")[0] ?? path;
    out[name] ??= key2;
  }
  return out;
}
function campaignToForm2(c) {
  return {
    slug: c.slug,
    title_es: c.title.es,
    title_en: c.title.en,
    story_es: c.story.es ?? "",
    story_en: c.story.en ?? "",
    goal: amountText(c.goalCents, c.currency),
    currency: c.currency,
    milestones: c.milestonesCents.map((m) => amountText(m, c.currency)).join("; "),
    case_id: c.caseId ?? "",
    open: c.open ? "on" : "",
    public: c.public ? "on" : ""
  };
}
var PANEL_NAMES = { receivedByUserId: "received_by" };
function prefixed(errors, prefix) {
  return Object.fromEntries(
    Object.entries(errors).map(([k, v]) => [`${prefix}_${PANEL_NAMES[k] ?? k}`, v])
  );
}

// src/modules/funds/funds-import.messages.ts
var importText = defineMessages("funds-import", {
  es: {
    link: "Importar desde CSV",
    upload_title: "Importar donativos desde un archivo CSV",
    upload_lede: "Sube el archivo que descargas de tu plataforma de recaudaci\xF3n (GoFundMe, Donorbox, PayPal\u2026). Antes de guardar nada ver\xE1s c\xF3mo se lee cada l\xEDnea.",
    file_label: "Archivo CSV",
    file_hint: "Hasta 5 MB. Sirve el CSV tal como lo exporta la plataforma, o el de Excel (\xABGuardar como\xBB \u2192 CSV).",
    upload_submit: "Subir y revisar",
    back_to_campaign: "Volver a la campa\xF1a",
    no_file: "Elige un archivo CSV para subir.",
    file_empty_file: "El archivo est\xE1 vac\xEDo.",
    file_excel_file: "Parece un archivo de Excel, no un CSV. En Excel usa \xABGuardar como\xBB \u2192 \xABCSV UTF-8 (delimitado por comas)\xBB y sube ese archivo.",
    file_not_text: "No pudimos leer este archivo como texto CSV. Exporta los donativos otra vez en formato CSV.",
    file_no_rows: "El archivo solo tiene la fila de encabezados: no hay donativos que importar.",
    file_too_many_rows: (max) => `El archivo tiene m\xE1s de ${max} filas. Div\xEDdelo en partes (por ejemplo, por mes) y s\xFAbelas una por una.`,
    // preview
    preview_title: "Revisa la importaci\xF3n",
    preview_lede: (file, campaign) => `Archivo \xAB${file}\xBB para la campa\xF1a \xAB${campaign}\xBB.`,
    nothing_saved: "Todav\xEDa no se ha guardado nada.",
    enc_windows_1252: "Este archivo no ven\xEDa en UTF-8: lo le\xEDmos como Windows-1252 (el CSV que guarda Excel). Revisa abajo que los acentos y las e\xF1es se vean bien.",
    enc_utf_16: "Este archivo ven\xEDa en UTF-16 (texto Unicode de Excel) y lo le\xEDmos as\xED.",
    enc_lossy: "El archivo ya tra\xEDa caracteres da\xF1ados (\uFFFD): se perdieron antes de subirlo. Exporta los donativos otra vez en UTF-8 si los nombres se ven mal.",
    stat_rows: "L\xEDneas en el archivo",
    stat_to_record: "Donativos nuevos",
    stat_total: "Total a registrar",
    stat_skipped: "Se saltar\xE1n",
    stat_problems: "Con problemas",
    missing_columns: (fields) => `Falta elegir la columna de: ${fields}. Sin ella no se puede registrar ning\xFAn donativo.`,
    problems_title: "L\xEDneas con problemas",
    problems_lede: "Mientras haya una l\xEDnea con problemas no se registra nada. Corrige el archivo y vuelve a subirlo, o cambia abajo c\xF3mo se leen las columnas.",
    skipped_title: "L\xEDneas que se saltar\xE1n",
    notes_title: "Para revisar",
    more_lines: (n) => `\u2026y ${n} l\xEDneas m\xE1s.`,
    line: (n) => `L\xEDnea ${n}`,
    p_short_row: (field) => `no tiene la columna \xAB${field}\xBB.`,
    p_bad_amount: (value) => `el monto \xAB${value}\xBB no se entiende.`,
    p_bad_amount_not_positive: (value) => `el monto \xAB${value}\xBB no es mayor que cero.`,
    p_bad_amount_fractional: (value) => `el monto \xAB${value}\xBB tiene m\xE1s decimales de la cuenta.`,
    p_bad_amount_too_large: (value) => `el monto \xAB${value}\xBB es demasiado grande.`,
    p_bad_amount_empty: "no tiene monto.",
    p_bad_date: (value) => `la fecha \xAB${value}\xBB no es v\xE1lida (o es anterior al 2000, o est\xE1 en el futuro).`,
    p_wrong_currency: (value, currency2) => `la moneda es ${value}, pero la campa\xF1a es en ${currency2}.`,
    p_duplicate_id: (value, first) => `repite el ID de transacci\xF3n \xAB${value}\xBB de la l\xEDnea ${first}.`,
    p_bad_id: (value) => `el ID de transacci\xF3n \xAB${value}\u2026\xBB es demasiado largo.`,
    s_already_imported: "ya se import\xF3 antes: no se vuelve a registrar.",
    s_status: (value) => `el estado es \xAB${value}\xBB, no un pago completado.`,
    s_summary_line: "es una fila de totales.",
    n_repeat: (first) => `es id\xE9ntica a la l\xEDnea ${first}. Se registrar\xE1n las dos; si es un repetido, b\xF3rralo del archivo y vuelve a subirlo.`,
    n_no_ids: "El archivo no tiene columna de ID de transacci\xF3n. Subir otra vez este mismo archivo no duplica nada, pero una exportaci\xF3n nueva con otras l\xEDneas u otro orden s\xED podr\xEDa duplicar donativos. Si la plataforma da un ID, el\xEDgelo abajo.",
    n_dates_guessed: (example) => `No hay forma de saber si las fechas van d\xEDa/mes o mes/d\xEDa: las le\xEDmos as\xED: ${example}. Si no es correcto, c\xE1mbialo abajo.`,
    rows_title: "As\xED se registrar\xE1n",
    rows_first: (n, total) => `Las primeras ${n} de ${total}.`,
    rows_none: "No hay donativos nuevos que registrar en este archivo.",
    anonymous: "An\xF3nimo",
    shown_name: "Nombre visible",
    id_hash: "sin ID (se usa una huella de la l\xEDnea)",
    // mapping form
    mapping_title: "Columnas",
    mapping_lede: "Adivinamos qu\xE9 columna es cada dato. C\xE1mbialo si algo no cuadra.",
    not_in_file: "\u2014 No est\xE1 en el archivo \u2014",
    column_example: (header, example) => `${header} (ej.: ${example})`,
    f_amount: "Monto",
    f_date: "Fecha",
    f_donor_name: "Nombre de quien dona",
    f_anonymous: "An\xF3nimo",
    f_external_id: "ID de transacci\xF3n",
    f_currency: "Moneda",
    f_status: "Estado del pago",
    date_order: "Fechas como 03/04/2025",
    date_order_auto: "Decidir seg\xFAn el archivo",
    date_order_mdy: "Mes/d\xEDa/a\xF1o (4 de marzo)",
    date_order_dmy: "D\xEDa/mes/a\xF1o (3 de abril)",
    source: "Nombre de la plataforma",
    source_hint: "Usa siempre el mismo para la misma plataforma: as\xED un donativo que ya importaste se reconoce. Min\xFAsculas, n\xFAmeros y guiones.",
    method: "Forma de pago",
    mapping_submit: "Actualizar la vista previa",
    // commit
    commit_submit: (n, total) => `Registrar ${n} donativos (${total})`,
    commit_submit_one: (total) => `Registrar 1 donativo (${total})`,
    commit_hint: "Se registran todos juntos o ninguno.",
    cannot_commit: "Corrige los problemas de arriba para poder registrar.",
    discard: "Descartar esta importaci\xF3n",
    discarded: "Importaci\xF3n descartada. No se registr\xF3 nada.",
    // done
    done_title: "Importaci\xF3n registrada",
    done_body: (n, total, skipped) => `Se registraron ${n} donativos por ${total}. L\xEDneas saltadas: ${skipped}.`,
    done_again: "Ya estaba registrada: no se agreg\xF3 nada esta vez.",
    campaign_now: "La campa\xF1a ahora",
    another: "Importar otro archivo"
  },
  en: {
    link: "Import from CSV",
    upload_title: "Import gifts from a CSV file",
    upload_lede: "Upload the file your fundraising platform exports (GoFundMe, Donorbox, PayPal\u2026). Before anything is saved you'll see how each line is read.",
    file_label: "CSV file",
    file_hint: "Up to 5 MB. The CSV as the platform exports it works, and so does Excel's (\u201CSave as\u201D \u2192 CSV).",
    upload_submit: "Upload and review",
    back_to_campaign: "Back to the campaign",
    no_file: "Choose a CSV file to upload.",
    file_empty_file: "The file is empty.",
    file_excel_file: "This looks like an Excel file, not a CSV. In Excel use \u201CSave as\u201D \u2192 \u201CCSV UTF-8 (Comma delimited)\u201D and upload that file.",
    file_not_text: "We couldn't read this file as CSV text. Export the gifts again as CSV.",
    file_no_rows: "The file only has the header row: there are no gifts to import.",
    file_too_many_rows: (max) => `The file has more than ${max} rows. Split it (for example, by month) and upload the parts one at a time.`,
    preview_title: "Review the import",
    preview_lede: (file, campaign) => `File \u201C${file}\u201D for the campaign \u201C${campaign}\u201D.`,
    nothing_saved: "Nothing has been saved yet.",
    enc_windows_1252: "This file wasn't UTF-8: we read it as Windows-1252 (the CSV Excel saves). Check below that accents and \xF1 look right.",
    enc_utf_16: "This file was UTF-16 (Excel's Unicode text) and we read it as such.",
    enc_lossy: "The file already had damaged characters (\uFFFD): they were lost before the upload. Export the gifts again as UTF-8 if names look wrong.",
    stat_rows: "Lines in the file",
    stat_to_record: "New gifts",
    stat_total: "Total to record",
    stat_skipped: "To be skipped",
    stat_problems: "With problems",
    missing_columns: (fields) => `Choose the column for: ${fields}. Without it no gift can be recorded.`,
    problems_title: "Lines with problems",
    problems_lede: "While any line has a problem nothing is recorded. Fix the file and upload it again, or change below how the columns are read.",
    skipped_title: "Lines to be skipped",
    notes_title: "Worth a look",
    more_lines: (n) => `\u2026and ${n} more lines.`,
    line: (n) => `Line ${n}`,
    p_short_row: (field) => `has no \u201C${field}\u201D column.`,
    p_bad_amount: (value) => `the amount \u201C${value}\u201D can't be read.`,
    p_bad_amount_not_positive: (value) => `the amount \u201C${value}\u201D isn't greater than zero.`,
    p_bad_amount_fractional: (value) => `the amount \u201C${value}\u201D has too many decimals.`,
    p_bad_amount_too_large: (value) => `the amount \u201C${value}\u201D is too large.`,
    p_bad_amount_empty: "has no amount.",
    p_bad_date: (value) => `the date \u201C${value}\u201D isn't valid (or is before 2000, or in the future).`,
    p_wrong_currency: (value, currency2) => `the currency is ${value}, but the campaign is in ${currency2}.`,
    p_duplicate_id: (value, first) => `repeats transaction ID \u201C${value}\u201D from line ${first}.`,
    p_bad_id: (value) => `the transaction ID \u201C${value}\u2026\u201D is too long.`,
    s_already_imported: "was imported before: it won't be recorded again.",
    s_status: (value) => `the status is \u201C${value}\u201D, not a completed payment.`,
    s_summary_line: "is a totals row.",
    n_repeat: (first) => `is identical to line ${first}. Both will be recorded; if it's a repeat, delete it from the file and upload it again.`,
    n_no_ids: "The file has no transaction ID column. Uploading this same file again adds nothing, but a new export with other lines or another order could count gifts twice. If the platform gives an ID, choose it below.",
    n_dates_guessed: (example) => `There's no way to tell whether dates are day/month or month/day: we read them like this: ${example}. If that's wrong, change it below.`,
    rows_title: "How they'll be recorded",
    rows_first: (n, total) => `The first ${n} of ${total}.`,
    rows_none: "There are no new gifts to record in this file.",
    anonymous: "Anonymous",
    shown_name: "Name shown",
    id_hash: "no ID (a fingerprint of the line is used)",
    mapping_title: "Columns",
    mapping_lede: "We guessed which column holds each piece. Change it if something is off.",
    not_in_file: "\u2014 Not in the file \u2014",
    column_example: (header, example) => `${header} (e.g. ${example})`,
    f_amount: "Amount",
    f_date: "Date",
    f_donor_name: "Donor name",
    f_anonymous: "Anonymous",
    f_external_id: "Transaction ID",
    f_currency: "Currency",
    f_status: "Payment status",
    date_order: "Dates like 03/04/2025",
    date_order_auto: "Decide from the file",
    date_order_mdy: "Month/day/year (March 4)",
    date_order_dmy: "Day/month/year (April 3)",
    source: "Platform name",
    source_hint: "Always use the same one for the same platform, so a gift you already imported is recognized. Lowercase letters, numbers and dashes.",
    method: "Payment method",
    mapping_submit: "Update the preview",
    commit_submit: (n, total) => `Record ${n} gifts (${total})`,
    commit_submit_one: (total) => `Record 1 gift (${total})`,
    commit_hint: "They're recorded all together or not at all.",
    cannot_commit: "Fix the problems above to be able to record.",
    discard: "Discard this import",
    discarded: "Import discarded. Nothing was recorded.",
    done_title: "Import recorded",
    done_body: (n, total, skipped) => `${n} gifts were recorded for ${total}. Lines skipped: ${skipped}.`,
    done_again: "It was already recorded: nothing was added this time.",
    campaign_now: "The campaign now",
    another: "Import another file"
  }
});

// src/modules/funds/campaign-panels.tsx
import { jsx as jsx31, jsxs as jsxs23 } from "hono/jsx/jsx-runtime";
var hasErrors = (form) => !!form && Object.keys(form.errors).length > 0;
function Button(props) {
  return /* @__PURE__ */ jsxs23("form", { method: "post", action: props.action, class: "inline", children: [
    /* @__PURE__ */ jsx31(Csrf, { token: props.csrf }),
    /* @__PURE__ */ jsx31("button", { type: "submit", class: props.kind ?? "secondary", children: props.label })
  ] });
}
function GiftsPanel(props) {
  const { view: view7, lang, auth } = props;
  const t = activityText[lang];
  const c = view7.campaign;
  const money2 = (n) => formatMoney(cents(n), c.currency, lang);
  const tz = auth.org.timeZone;
  const form = props.form ?? emptyForm({ gift_method: "cash", gift_received_on: today(tz), gift_received_by: auth.user.id });
  return /* @__PURE__ */ jsxs23("section", { class: "panel", id: "gifts", "aria-labelledby": "gifts-title", children: [
    /* @__PURE__ */ jsx31("h2", { class: "panel-title", id: "gifts-title", children: t.gifts_title }),
    can(auth.role, "funds.gifts") && /* @__PURE__ */ jsxs23("details", { class: "disclosure", open: hasErrors(props.form) || view7.totals.gifts === 0, children: [
      /* @__PURE__ */ jsx31("summary", { children: t.record_gift }),
      /* @__PURE__ */ jsx31(FormAlert, { form, lang }),
      /* @__PURE__ */ jsxs23("form", { method: "post", action: `/funds/${c.id}/gifts`, novalidate: true, children: [
        /* @__PURE__ */ jsx31(Csrf, { token: props.csrf }),
        /* @__PURE__ */ jsxs23("div", { class: "grid-2", children: [
          /* @__PURE__ */ jsx31(
            Field,
            {
              name: "gift_amount",
              label: `${t.amount} (${c.currency})`,
              hint: t.amount_hint,
              form,
              lang,
              required: true,
              autocomplete: "off"
            }
          ),
          /* @__PURE__ */ jsx31(
            Select,
            {
              name: "gift_method",
              label: t.method,
              form,
              lang,
              options: GIFT_METHODS.map((m) => ({ value: m, label: t[`method_${m}`] }))
            }
          ),
          /* @__PURE__ */ jsx31(
            Field,
            {
              name: "gift_received_on",
              type: "date",
              label: t.received_on,
              form,
              lang
            }
          ),
          /* @__PURE__ */ jsx31(
            Select,
            {
              name: "gift_received_by",
              label: t.received_by,
              form,
              lang,
              options: [
                { value: "", label: "\u2014" },
                ...view7.team.map((u) => ({ value: u.id, label: u.name }))
              ]
            }
          )
        ] }),
        /* @__PURE__ */ jsx31(
          Field,
          {
            name: "gift_event_note",
            label: t.event_note,
            hint: t.event_note_hint,
            form,
            lang,
            maxlength: 300
          }
        ),
        /* @__PURE__ */ jsx31(
          Field,
          {
            name: "gift_donor_name",
            label: t.donor_name,
            hint: t.donor_hint,
            form,
            lang,
            maxlength: 160,
            autocomplete: "off"
          }
        ),
        /* @__PURE__ */ jsx31(Checkbox, { name: "gift_show_name", label: t.show_name, form }),
        /* @__PURE__ */ jsx31(Actions, { children: /* @__PURE__ */ jsx31("button", { type: "submit", class: "primary", children: t.record_submit }) })
      ] })
    ] }),
    can(auth.role, "funds.import") && /* @__PURE__ */ jsx31("p", { children: /* @__PURE__ */ jsx31("a", { class: "button secondary", href: `/funds/${c.id}/import`, children: importText[lang].link }) }),
    /* @__PURE__ */ jsx31("search", { children: /* @__PURE__ */ jsxs23("form", { method: "get", action: `/funds/${c.id}#gifts`, class: "searchbar compact", children: [
      /* @__PURE__ */ jsxs23("div", { class: "field", children: [
        /* @__PURE__ */ jsx31("label", { for: "f-gq", children: t.gifts_search }),
        /* @__PURE__ */ jsx31("input", { id: "f-gq", name: "gq", type: "search", value: view7.giftQuery, maxlength: 200 })
      ] }),
      /* @__PURE__ */ jsx31("button", { type: "submit", class: "secondary", children: common[lang].search })
    ] }) }),
    view7.gifts.length === 0 ? /* @__PURE__ */ jsx31("p", { class: "empty", children: view7.giftQuery ? t.gifts_none_found : t.gifts_empty }) : /* @__PURE__ */ jsx31("ul", { class: "list", children: view7.gifts.map((g) => /* @__PURE__ */ jsxs23("li", { class: "list-item", children: [
      /* @__PURE__ */ jsx31("span", { class: "title", children: money2(g.amountCents) }),
      /* @__PURE__ */ jsx31("span", { class: "badge", children: t[`method_${g.method}`] }),
      g.reversed && /* @__PURE__ */ jsx31("span", { class: "badge badge-muted", children: t.reversed }),
      /* @__PURE__ */ jsx31("span", { class: "meta", children: [
        formatDate(g.receivedAt, lang, tz),
        g.donorName ? `${g.donorName}${g.anonymous ? ` (${t.anonymous})` : ""}` : t.anonymous,
        g.eventNote,
        g.receivedByName ? t.received_by_meta(g.receivedByName) : null
      ].filter(Boolean).join(" \xB7 ") })
    ] })) })
  ] });
}
function PaymentsPanel(props) {
  const { view: view7, lang, auth, csrf: csrf2 } = props;
  const t = activityText[lang];
  const c = view7.campaign;
  const money2 = (n) => formatMoney(cents(n), c.currency, lang);
  const form = props.form ?? emptyForm({ pay_purpose: "legal_fees" });
  return /* @__PURE__ */ jsxs23("section", { class: "panel", id: "payments", "aria-labelledby": "payments-title", children: [
    /* @__PURE__ */ jsx31("h2", { class: "panel-title", id: "payments-title", children: t.payments_title }),
    /* @__PURE__ */ jsx31("p", { class: "hint", children: t.threshold_note(money2(view7.threshold)) }),
    can(auth.role, "funds.manage") && /* @__PURE__ */ jsxs23("details", { class: "disclosure", open: hasErrors(props.form), children: [
      /* @__PURE__ */ jsx31("summary", { children: t.request_title }),
      /* @__PURE__ */ jsx31(FormAlert, { form, lang }),
      /* @__PURE__ */ jsxs23("form", { method: "post", action: `/funds/${c.id}/disbursements`, novalidate: true, children: [
        /* @__PURE__ */ jsx31(Csrf, { token: csrf2 }),
        /* @__PURE__ */ jsxs23("div", { class: "grid-2", children: [
          /* @__PURE__ */ jsx31(
            Field,
            {
              name: "pay_amount",
              label: `${t.amount} (${c.currency})`,
              hint: t.amount_hint,
              form,
              lang,
              required: true,
              autocomplete: "off"
            }
          ),
          /* @__PURE__ */ jsx31(
            Select,
            {
              name: "pay_purpose",
              label: t.purpose,
              form,
              lang,
              options: DISBURSEMENT_PURPOSES.map((p) => ({ value: p, label: t[`purpose_${p}`] }))
            }
          )
        ] }),
        /* @__PURE__ */ jsx31(
          Field,
          {
            name: "pay_payee",
            label: t.payee,
            hint: t.payee_hint,
            form,
            lang,
            required: true,
            maxlength: 160
          }
        ),
        /* @__PURE__ */ jsx31(Field, { name: "pay_memo", label: t.memo, form, lang, maxlength: 500 }),
        /* @__PURE__ */ jsx31(Actions, { children: /* @__PURE__ */ jsx31("button", { type: "submit", class: "primary", children: t.request_submit }) })
      ] })
    ] }),
    view7.disbursements.length === 0 ? /* @__PURE__ */ jsx31("p", { class: "empty", children: t.payments_empty }) : /* @__PURE__ */ jsx31("ul", { class: "list", children: view7.disbursements.map((d) => {
      const base2 = `/funds/${c.id}/disbursements/${d.id}`;
      const approver2 = can(auth.role, "funds.approve");
      const problem = approvalProblem(d, auth.user.id, view7.threshold);
      return /* @__PURE__ */ jsxs23("li", { class: "list-item", children: [
        /* @__PURE__ */ jsx31("span", { class: "title", children: d.payee }),
        /* @__PURE__ */ jsx31("span", { class: `badge status-${d.status}`, children: t[`status_${d.status}`] }),
        /* @__PURE__ */ jsx31("span", { class: "meta", children: [
          money2(d.amountCents),
          t[`purpose_${d.purpose}`],
          formatDate(d.createdAt, lang, auth.org.timeZone),
          d.requestedByName ? t.requested_by(d.requestedByName) : null,
          d.approvedByName ? t.approved_by(d.approvedByName) : null,
          d.memo
        ].filter(Boolean).join(" \xB7 ") }),
        approver2 && canTakeStep(d.status, "reject") && /* @__PURE__ */ jsxs23("div", { class: "item-actions", children: [
          problem === null && /* @__PURE__ */ jsx31(
            Button,
            {
              action: `${base2}/approve`,
              csrf: csrf2,
              label: t.approve,
              kind: "primary"
            }
          ),
          problem === "self_approval" && /* @__PURE__ */ jsx31("span", { class: "muted", children: t.needs_other }),
          canTakeStep(d.status, "pay") && /* @__PURE__ */ jsx31(Button, { action: `${base2}/pay`, csrf: csrf2, label: t.pay, kind: "primary" }),
          /* @__PURE__ */ jsx31("a", { class: "button secondary", href: `${base2}/reject`, children: t.reject })
        ] })
      ] });
    }) })
  ] });
}

// src/modules/funds/reports.ts
var monthFormats = /* @__PURE__ */ new Map();
function monthKey(date4, timeZone) {
  let f = monthFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, year: "numeric", month: "2-digit" });
    monthFormats.set(timeZone, f);
  }
  const parts2 = f.formatToParts(date4);
  const year = parts2.find((p) => p.type === "year")?.value ?? "0000";
  const month = parts2.find((p) => p.type === "month")?.value ?? "01";
  return `${year}-${month}`;
}
function totalsByMonth(lines, timeZone) {
  const months = /* @__PURE__ */ new Map();
  for (const line of lines) {
    const key2 = monthKey(line.occurredAt, timeZone);
    const list = months.get(key2) ?? [];
    list.push(line.group);
    months.set(key2, list);
  }
  return [...months.keys()].sort().map((month) => ({ month, totals: campaignTotals(months.get(month) ?? []) }));
}
function decimalText(amount, currency2) {
  const decimals = CURRENCY_DECIMALS[currency2];
  const sign = amount < 0 ? "-" : "";
  const digits = String(Math.abs(amount)).padStart(decimals + 1, "0");
  if (decimals === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}
function csvCell(value, kind = "text") {
  let text10 = String(value);
  if (kind === "text" && /^[=+\-@\t\r]/.test(text10)) text10 = `'${text10}`;
  return /[",\r\n]/.test(text10) ? `"${text10.replaceAll('"', '""')}"` : text10;
}
function toCsv(rows) {
  const lines = rows.map(
    (row) => row.map((v) => typeof v === "object" ? csvCell(v.number, "number") : csvCell(v)).join(",")
  );
  return `\uFEFF${lines.join("\r\n")}\r
`;
}

// src/modules/funds/campaign-view.ts
var LEDGER_SHOWN = 50;
async function loadCampaignView(db, auth, id, giftQuery = "") {
  const orgId = auth.org.id;
  const campaign = await getCampaign(db, orgId, id);
  if (!campaign) return null;
  const lines = await loadLedger(db, orgId, [campaign]);
  const summary2 = campaign.caseId && can(auth.role, "cases.read") ? await getCaseSummary(db, orgId, campaign.caseId) : null;
  return {
    campaign,
    totals: campaignTotals(lines.map((l) => l.group)),
    months: totalsByMonth(lines, auth.org.timeZone),
    ledger: lines.slice(-LEDGER_SHOWN).reverse(),
    ledgerCount: lines.length,
    gifts: await listGifts(db, orgId, id, { q: giftQuery, limit: 50 }),
    giftQuery,
    disbursements: await listDisbursements(db, orgId, id),
    bonds: await listBonds(db, orgId, id),
    team: await listTeam(db, orgId),
    threshold: await getApprovalThreshold(db, orgId),
    caseName: summary2?.personDisplayName ?? null
  };
}

// src/modules/funds/ledger-panels.tsx
import { jsx as jsx32, jsxs as jsxs24 } from "hono/jsx/jsx-runtime";
function BondsPanel(props) {
  const { view: view7, lang, auth, csrf: csrf2 } = props;
  const t = activityText[lang];
  const c = view7.campaign;
  const tz = auth.org.timeZone;
  const money2 = (n) => formatMoney(cents(n), c.currency, lang);
  const form = props.form ?? emptyForm({ bond_posted_on: today(tz) });
  const manage = can(auth.role, "funds.manage");
  return /* @__PURE__ */ jsxs24("section", { class: "panel", id: "bonds", "aria-labelledby": "bonds-title", children: [
    /* @__PURE__ */ jsx32("h2", { class: "panel-title", id: "bonds-title", children: t.bonds_title }),
    manage && /* @__PURE__ */ jsxs24("details", { class: "disclosure", open: !!props.form, children: [
      /* @__PURE__ */ jsx32("summary", { children: t.post_title }),
      /* @__PURE__ */ jsx32(FormAlert, { form, lang }),
      /* @__PURE__ */ jsxs24("form", { method: "post", action: `/funds/${c.id}/bonds`, novalidate: true, children: [
        /* @__PURE__ */ jsx32(Csrf, { token: csrf2 }),
        /* @__PURE__ */ jsxs24("div", { class: "grid-2", children: [
          /* @__PURE__ */ jsx32(
            Field,
            {
              name: "bond_amount",
              label: `${t.bond_amount} (${c.currency})`,
              hint: t.amount_hint,
              form,
              lang,
              required: true,
              autocomplete: "off"
            }
          ),
          /* @__PURE__ */ jsx32(
            Field,
            {
              name: "bond_posted_on",
              type: "date",
              label: t.posted_on,
              form,
              lang
            }
          )
        ] }),
        /* @__PURE__ */ jsx32(
          Field,
          {
            name: "bond_memo",
            label: t.memo,
            hint: t.bond_memo_hint,
            form,
            lang,
            maxlength: 500
          }
        ),
        /* @__PURE__ */ jsx32(Actions, { children: /* @__PURE__ */ jsx32("button", { type: "submit", class: "primary", children: t.post_submit }) })
      ] })
    ] }),
    view7.bonds.length === 0 ? /* @__PURE__ */ jsx32("p", { class: "empty", children: t.bonds_empty }) : /* @__PURE__ */ jsx32("ul", { class: "list", children: view7.bonds.map((b) => /* @__PURE__ */ jsxs24("li", { class: "list-item", children: [
      /* @__PURE__ */ jsx32("span", { class: "title", children: money2(b.principalCents) }),
      /* @__PURE__ */ jsx32("span", { class: `badge bond-${b.status}`, children: t[`bond_${b.status}`] }),
      /* @__PURE__ */ jsx32("span", { class: "meta", children: [
        t.bond_posted_meta(formatDate(b.postedAt, lang, tz)),
        b.settledAt ? t.bond_settled_meta(formatDate(b.settledAt, lang, tz)) : null,
        b.interestCents ? `${t.interest}: ${money2(b.interestCents)}` : null,
        b.memo
      ].filter(Boolean).join(" \xB7 ") }),
      manage && b.status === "outstanding" && /* @__PURE__ */ jsxs24("div", { class: "item-actions", children: [
        /* @__PURE__ */ jsxs24(
          "form",
          {
            method: "post",
            action: `/funds/${c.id}/bonds/${b.id}/return`,
            class: "return-form",
            children: [
              /* @__PURE__ */ jsx32(Csrf, { token: csrf2 }),
              /* @__PURE__ */ jsxs24("div", { class: "field", children: [
                /* @__PURE__ */ jsx32("label", { for: `f-interest-${b.id}`, children: `${t.interest} (${c.currency})` }),
                /* @__PURE__ */ jsx32(
                  "input",
                  {
                    id: `f-interest-${b.id}`,
                    name: "interest",
                    type: "text",
                    value: "0",
                    autocomplete: "off",
                    "aria-describedby": `f-interest-${b.id}-hint`
                  }
                ),
                /* @__PURE__ */ jsx32("p", { class: "hint", id: `f-interest-${b.id}-hint`, children: t.interest_hint })
              ] }),
              /* @__PURE__ */ jsx32("button", { type: "submit", class: "primary", children: t.return_submit })
            ]
          }
        ),
        /* @__PURE__ */ jsx32("a", { class: "button secondary", href: `/funds/${c.id}/bonds/${b.id}/forfeit`, children: t.forfeit })
      ] })
    ] })) })
  ] });
}
function LedgerPanel(props) {
  const { view: view7, lang, auth } = props;
  const t = activityText[lang];
  const c = view7.campaign;
  const tz = auth.org.timeZone;
  const money2 = (n) => formatMoney(cents(n), c.currency, lang);
  const approver2 = can(auth.role, "funds.approve");
  return /* @__PURE__ */ jsxs24("section", { class: "panel", id: "ledger", "aria-labelledby": "ledger-title", children: [
    /* @__PURE__ */ jsx32("h2", { class: "panel-title", id: "ledger-title", children: t.ledger_title }),
    /* @__PURE__ */ jsx32("p", { class: "hint", children: t.ledger_hint }),
    view7.ledger.length === 0 ? /* @__PURE__ */ jsx32("p", { class: "empty", children: t.ledger_empty }) : /* @__PURE__ */ jsx32("ul", { class: "list ledger", children: view7.ledger.map((line) => {
      const g = line.group;
      return /* @__PURE__ */ jsxs24("li", { class: "list-item", children: [
        /* @__PURE__ */ jsx32("span", { class: "title", children: t[`kind_${g.movement.kind}`] }),
        g.reverses && /* @__PURE__ */ jsx32("span", { class: "badge badge-muted", children: t.reversal_of }),
        line.reversedBy && /* @__PURE__ */ jsx32("span", { class: "badge badge-muted", children: t.reversed_later }),
        /* @__PURE__ */ jsx32("span", { class: "meta", children: g.entries.map(
          (e) => `${t[`account_${e.account}`]} ${e.amount > 0 ? "+" : ""}${money2(e.amount)}`
        ).join(" \xB7 ") }),
        /* @__PURE__ */ jsx32("span", { class: "meta", children: [
          formatDate(line.occurredAt, lang, tz),
          line.memo,
          line.createdByName ? t.recorded_by(line.createdByName) : null
        ].filter(Boolean).join(" \xB7 ") }),
        approver2 && !g.reverses && !line.reversedBy && /* @__PURE__ */ jsx32("div", { class: "item-actions", children: /* @__PURE__ */ jsx32("a", { class: "button secondary", href: `/funds/${c.id}/ledger/${g.id}/reverse`, children: t.reverse }) })
      ] });
    }) }),
    view7.ledgerCount > LEDGER_SHOWN && /* @__PURE__ */ jsx32("p", { class: "muted", children: t.ledger_more(formatNumber(LEDGER_SHOWN, lang)) })
  ] });
}

// src/modules/funds/campaign.page.tsx
import { jsx as jsx33, jsxs as jsxs25 } from "hono/jsx/jsx-runtime";
function CampaignPage(props) {
  const { view: view7, lang, auth } = props;
  const t = fundsText[lang];
  const c = view7.campaign;
  const title2 = c.title[lang];
  const money2 = (n) => formatMoney(cents(n), c.currency, lang);
  const stats = [
    [money2(view7.totals.raisedCents), t.raised],
    [money2(view7.totals.availableCents), t.available],
    [money2(view7.totals.onBondCents), t.on_bond],
    [money2(view7.totals.spentCents), t.spent],
    [formatNumber(view7.totals.gifts, lang), t.gifts_count]
  ];
  const panel = { view: view7, lang, csrf: props.csrf, auth };
  return /* @__PURE__ */ jsxs25(Page, { title: title2, lang, csrf: props.csrf, path: props.path, auth, section: "funds", children: [
    /* @__PURE__ */ jsxs25("div", { class: "page-head", children: [
      /* @__PURE__ */ jsx33("h1", { children: title2 }),
      /* @__PURE__ */ jsx33("span", { class: `badge ${c.open ? "" : "badge-muted"}`, children: c.open ? t.badge_open : t.badge_closed }),
      /* @__PURE__ */ jsx33("span", { class: "badge", children: c.public ? t.badge_public : t.badge_private }),
      can(auth.role, "funds.manage") && /* @__PURE__ */ jsx33("a", { class: "button secondary", href: `/funds/${c.id}/edit`, children: t.edit })
    ] }),
    props.notice && /* @__PURE__ */ jsx33("div", { class: "alert alert-ok", role: "status", children: props.notice }),
    props.alert && /* @__PURE__ */ jsx33("div", { class: "alert alert-error", role: "alert", children: props.alert }),
    view7.caseName && /* @__PURE__ */ jsx33("p", { class: "lede", children: t.for_case(view7.caseName) }),
    !c.open && /* @__PURE__ */ jsx33("p", { class: "muted", children: t.closed_note }),
    /* @__PURE__ */ jsx33(ProgressBar, { campaign: c, totals: view7.totals, lang }),
    /* @__PURE__ */ jsx33("div", { class: "stats money-stats", children: stats.map(([n, label]) => /* @__PURE__ */ jsxs25("div", { class: "stat", children: [
      /* @__PURE__ */ jsx33("div", { class: "n", children: n }),
      /* @__PURE__ */ jsx33("div", { class: "l", children: label })
    ] })) }),
    view7.totals.interestCents > 0 && /* @__PURE__ */ jsx33("p", { class: "muted", children: t.interest_note(money2(view7.totals.interestCents)) }),
    /* @__PURE__ */ jsx33(GiftsPanel, { ...panel, form: props.forms?.gift }),
    /* @__PURE__ */ jsx33(PaymentsPanel, { ...panel, form: props.forms?.payment }),
    /* @__PURE__ */ jsx33(BondsPanel, { ...panel, form: props.forms?.bond }),
    /* @__PURE__ */ jsxs25("section", { class: "panel", id: "report", "aria-labelledby": "report-title", children: [
      /* @__PURE__ */ jsx33("h2", { class: "panel-title", id: "report-title", children: t.report_title }),
      /* @__PURE__ */ jsx33(MonthChart, { months: view7.months, currency: c.currency, lang, id: "campaign-chart" })
    ] }),
    /* @__PURE__ */ jsx33(LedgerPanel, { ...panel }),
    /* @__PURE__ */ jsx33("p", { children: /* @__PURE__ */ jsx33("a", { class: "button secondary", href: `/funds/${c.id}/ledger.csv`, download: true, children: t.export_csv }) })
  ] });
}
function ConfirmPage2(props) {
  const form = { values: {}, errors: {} };
  return /* @__PURE__ */ jsx33(
    Page,
    {
      title: props.title,
      lang: props.lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "funds",
      children: /* @__PURE__ */ jsx33("div", { class: "narrow", children: /* @__PURE__ */ jsxs25("div", { class: "panel danger-zone", children: [
        /* @__PURE__ */ jsx33("h1", { children: props.title }),
        /* @__PURE__ */ jsx33("p", { children: props.body }),
        /* @__PURE__ */ jsxs25("form", { method: "post", action: props.action, children: [
          /* @__PURE__ */ jsx33(Csrf, { token: props.csrf }),
          props.memo && /* @__PURE__ */ jsx33(
            Field,
            {
              name: "memo",
              label: props.memo.label,
              hint: props.memo.hint,
              form,
              lang: props.lang,
              maxlength: 500
            }
          ),
          /* @__PURE__ */ jsxs25(Actions, { children: [
            /* @__PURE__ */ jsx33("button", { type: "submit", class: "danger", children: props.confirm }),
            /* @__PURE__ */ jsx33("a", { href: props.cancel, children: props.cancelLabel })
          ] })
        ] })
      ] }) })
    }
  );
}

// src/modules/funds/campaign-form.page.tsx
import { jsx as jsx34, jsxs as jsxs26 } from "hono/jsx/jsx-runtime";
function CampaignFormPage(props) {
  const { form, lang } = props;
  const t = fundsText[lang];
  const title2 = props.campaign ? t.edit_title(props.campaign.title) : t.new_title;
  const action = props.campaign ? `/funds/${props.campaign.id}` : "/funds";
  const cancel = props.campaign ? `/funds/${props.campaign.id}` : "/funds";
  const caseId = form.values.case_id ?? "";
  return /* @__PURE__ */ jsx34(
    Page,
    {
      title: title2,
      lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "funds",
      children: /* @__PURE__ */ jsxs26("div", { class: "narrow", children: [
        /* @__PURE__ */ jsx34("h1", { children: title2 }),
        /* @__PURE__ */ jsx34(FormAlert, { form, lang }),
        /* @__PURE__ */ jsxs26("form", { method: "post", action, novalidate: true, children: [
          /* @__PURE__ */ jsx34(Csrf, { token: props.csrf }),
          /* @__PURE__ */ jsxs26("div", { class: "panel", children: [
            /* @__PURE__ */ jsx34("h2", { class: "panel-title", children: t.section_texts }),
            /* @__PURE__ */ jsx34(
              Field,
              {
                name: "title_es",
                label: t.title_es,
                form,
                lang,
                required: true,
                maxlength: LIMITS3.title
              }
            ),
            /* @__PURE__ */ jsx34(
              Field,
              {
                name: "title_en",
                label: t.title_en,
                form,
                lang,
                required: true,
                maxlength: LIMITS3.title
              }
            ),
            /* @__PURE__ */ jsx34(
              TextArea,
              {
                name: "story_es",
                label: t.story_es,
                hint: t.story_hint,
                form,
                lang,
                maxlength: LIMITS3.story
              }
            ),
            /* @__PURE__ */ jsx34(
              TextArea,
              {
                name: "story_en",
                label: t.story_en,
                hint: t.story_hint,
                form,
                lang,
                maxlength: LIMITS3.story
              }
            ),
            /* @__PURE__ */ jsx34(
              Field,
              {
                name: "slug",
                label: t.slug,
                hint: t.slug_hint,
                form,
                lang,
                required: true,
                maxlength: LIMITS3.slug,
                autocomplete: "off"
              }
            )
          ] }),
          /* @__PURE__ */ jsxs26("div", { class: "panel", children: [
            /* @__PURE__ */ jsx34("h2", { class: "panel-title", children: t.section_money }),
            /* @__PURE__ */ jsxs26("div", { class: "grid-2", children: [
              /* @__PURE__ */ jsx34(
                Field,
                {
                  name: "goal",
                  label: t.goal,
                  hint: t.goal_hint,
                  form,
                  lang,
                  required: true,
                  autocomplete: "off"
                }
              ),
              /* @__PURE__ */ jsx34(
                Select,
                {
                  name: "currency",
                  label: t.currency,
                  form,
                  lang,
                  options: CURRENCIES.map((c) => ({ value: c, label: c }))
                }
              )
            ] }),
            /* @__PURE__ */ jsx34(
              Field,
              {
                name: "milestones",
                label: t.milestones,
                hint: t.milestones_hint,
                form,
                lang,
                autocomplete: "off"
              }
            )
          ] }),
          /* @__PURE__ */ jsxs26("div", { class: "panel", children: [
            /* @__PURE__ */ jsx34("h2", { class: "panel-title", children: t.section_visibility }),
            /* @__PURE__ */ jsx34(Checkbox, { name: "open", label: t.open_label, form }),
            /* @__PURE__ */ jsx34(Checkbox, { name: "public", label: t.public_label, form }),
            caseId && props.caseName && /* @__PURE__ */ jsxs26("div", { class: "check", children: [
              /* @__PURE__ */ jsx34("input", { type: "checkbox", id: "f-case_id", name: "case_id", value: caseId, checked: true }),
              /* @__PURE__ */ jsx34("label", { for: "f-case_id", children: t.linked_case_keep(props.caseName) })
            ] }),
            caseId && !props.caseName && /* @__PURE__ */ jsx34("input", { type: "hidden", name: "case_id", value: caseId }),
            form.errors.case_id && /* @__PURE__ */ jsx34("p", { class: "error", children: common[lang][`field_${form.errors.case_id}`] })
          ] }),
          /* @__PURE__ */ jsxs26(Actions, { children: [
            /* @__PURE__ */ jsx34("button", { type: "submit", class: "primary", children: props.campaign ? common[lang].save : t.create_submit }),
            /* @__PURE__ */ jsx34("a", { href: cancel, children: common[lang].cancel })
          ] })
        ] })
      ] })
    }
  );
}

// src/modules/funds/funds-list.page.tsx
import { Fragment as Fragment10, jsx as jsx35, jsxs as jsxs27 } from "hono/jsx/jsx-runtime";
function FundsListPage(props) {
  const { lang, result, auth } = props;
  const t = fundsText[lang];
  const c = common[lang];
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  const link = (page2) => `/funds?${new URLSearchParams({ ...props.q ? { q: props.q } : {}, page: String(page2) })}`;
  return /* @__PURE__ */ jsxs27(
    Page,
    {
      title: t.title,
      lang,
      csrf: props.csrf,
      path: props.path,
      auth,
      section: "funds",
      children: [
        /* @__PURE__ */ jsxs27("div", { class: "page-head", children: [
          /* @__PURE__ */ jsx35("h1", { children: t.title }),
          can(auth.role, "funds.manage") && /* @__PURE__ */ jsx35("a", { class: "button", href: "/funds/new", children: t.add })
        ] }),
        /* @__PURE__ */ jsx35("p", { class: "lede", children: t.lede }),
        props.notice && /* @__PURE__ */ jsx35("div", { class: "alert alert-ok", role: "status", children: props.notice }),
        /* @__PURE__ */ jsx35("search", { children: /* @__PURE__ */ jsxs27("form", { method: "get", action: "/funds", class: "searchbar compact", children: [
          /* @__PURE__ */ jsxs27("div", { class: "field", children: [
            /* @__PURE__ */ jsx35("label", { for: "f-q", children: t.search_label }),
            /* @__PURE__ */ jsx35(
              "input",
              {
                id: "f-q",
                name: "q",
                type: "search",
                value: props.q,
                placeholder: t.search_placeholder,
                maxlength: 200,
                autocomplete: "off"
              }
            )
          ] }),
          /* @__PURE__ */ jsx35("button", { type: "submit", class: "secondary", children: c.search })
        ] }) }),
        result.total === 0 ? /* @__PURE__ */ jsx35("div", { class: "empty", children: props.q ? /* @__PURE__ */ jsxs27(Fragment10, { children: [
          /* @__PURE__ */ jsx35("h2", { children: t.no_results }),
          /* @__PURE__ */ jsx35("p", { children: t.no_results_hint }),
          /* @__PURE__ */ jsx35("a", { class: "button secondary", href: "/funds", children: t.clear_search })
        ] }) : /* @__PURE__ */ jsxs27(Fragment10, { children: [
          /* @__PURE__ */ jsx35("h2", { children: t.empty_title }),
          /* @__PURE__ */ jsx35("p", { children: t.empty_body }),
          can(auth.role, "funds.manage") && /* @__PURE__ */ jsx35("a", { class: "button", href: "/funds/new", children: t.add })
        ] }) }) : /* @__PURE__ */ jsxs27(Fragment10, { children: [
          /* @__PURE__ */ jsx35("p", { class: "count", role: "status", children: result.total === 1 ? t.found_one : t.found(formatNumber(result.total, lang)) }),
          /* @__PURE__ */ jsx35("ul", { class: "list", children: result.campaigns.map((campaign) => {
            const totals = props.totals.get(campaign.id);
            const raised = totals?.raisedCents ?? cents(0);
            const money2 = (n) => formatMoney(cents(n), campaign.currency, lang);
            const p = progress(raised, campaign.goalCents, campaign.milestonesCents);
            return /* @__PURE__ */ jsxs27("li", { class: "list-item", children: [
              /* @__PURE__ */ jsx35("a", { class: "title", href: `/funds/${campaign.id}`, children: campaign.title[lang] }),
              /* @__PURE__ */ jsx35("span", { class: `badge ${campaign.open ? "" : "badge-muted"}`, children: campaign.open ? t.badge_open : t.badge_closed }),
              /* @__PURE__ */ jsxs27(
                "svg",
                {
                  class: "mini-progress",
                  viewBox: "0 0 100 6",
                  preserveAspectRatio: "none",
                  "aria-hidden": "true",
                  children: [
                    /* @__PURE__ */ jsx35("rect", { width: "100", height: "6", rx: "3", fill: "#d9dcd6" }),
                    /* @__PURE__ */ jsx35("rect", { width: String(p.percent), height: "6", rx: "3", fill: "#0b6760" })
                  ]
                }
              ),
              /* @__PURE__ */ jsx35("span", { class: "meta", children: `${t.raised_of(money2(raised), money2(campaign.goalCents))} \xB7 ${p.percent} % \xB7 ${t.gifts_count}: ${formatNumber(totals?.gifts ?? 0, lang)}` })
            ] });
          }) }),
          pages > 1 && /* @__PURE__ */ jsxs27("nav", { class: "pager", "aria-label": c.page_of(result.page, pages), children: [
            result.page > 1 ? /* @__PURE__ */ jsxs27("a", { href: link(result.page - 1), children: [
              "\u2190 ",
              c.previous
            ] }) : /* @__PURE__ */ jsxs27("span", { class: "disabled", children: [
              "\u2190 ",
              c.previous
            ] }),
            /* @__PURE__ */ jsx35("span", { children: c.page_of(result.page, pages) }),
            result.page < pages ? /* @__PURE__ */ jsxs27("a", { href: link(result.page + 1), children: [
              c.next,
              " \u2192"
            ] }) : /* @__PURE__ */ jsxs27("span", { class: "disabled", children: [
              c.next,
              " \u2192"
            ] })
          ] })
        ] }),
        props.overall.map((r) => /* @__PURE__ */ jsxs27("section", { class: "panel", "aria-labelledby": `overall-${r.currency}`, children: [
          /* @__PURE__ */ jsx35("h2", { class: "panel-title", id: `overall-${r.currency}`, children: `${t.overall_title} (${r.currency})` }),
          /* @__PURE__ */ jsx35(
            MonthChart,
            {
              months: r.months,
              currency: r.currency,
              lang,
              id: `overall-chart-${r.currency}`
            }
          )
        ] })),
        props.settings && /* @__PURE__ */ jsxs27("section", { class: "panel", "aria-labelledby": "settings-title", children: [
          /* @__PURE__ */ jsx35("h2", { class: "panel-title", id: "settings-title", children: t.settings_title }),
          /* @__PURE__ */ jsxs27("form", { method: "post", action: "/funds/settings", novalidate: true, children: [
            /* @__PURE__ */ jsx35(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsx35(
              Field,
              {
                name: "threshold",
                label: t.threshold,
                hint: t.settings_hint,
                form: props.settings,
                lang,
                required: true
              }
            ),
            /* @__PURE__ */ jsx35(Actions, { children: /* @__PURE__ */ jsx35("button", { type: "submit", class: "secondary", children: c.save }) })
          ] })
        ] })
      ]
    }
  );
}

// src/modules/funds/monthly-report.ts
import { eq as eq44 } from "drizzle-orm";
async function overallMonthlyReport(db, orgId, timeZone) {
  const list = (await db.select().from(campaigns).where(eq44(campaigns.orgId, orgId))).map(
    campaignFromRow
  );
  const lines = await loadLedger(db, orgId, list);
  const currencyOf2 = new Map(list.map((c) => [c.id, c.currency]));
  const currencies = [...new Set(list.map((c) => c.currency))].sort();
  return currencies.map((currency2) => ({
    currency: currency2,
    months: totalsByMonth(
      lines.filter((l) => currencyOf2.get(l.campaignId) === currency2),
      timeZone
    )
  })).filter((r) => r.months.length > 0);
}

// src/modules/funds/search-campaigns.ts
import { and as and38, desc as desc9, eq as eq45, ilike as ilike2, sql as sql16 } from "drizzle-orm";
function parseCampaignQuery(query) {
  const page2 = Number.parseInt(query.page ?? "1", 10);
  return {
    q: (query.q ?? "").slice(0, 200).trim(),
    page: Number.isSafeInteger(page2) && page2 > 0 && page2 < 1e5 ? page2 : 1,
    perPage: 25
  };
}
async function searchCampaigns(db, orgId, query) {
  const filters = [eq45(campaigns.orgId, orgId)];
  for (const word of fold2(query.q).split(/\s+/).filter(Boolean).slice(0, 6)) {
    filters.push(ilike2(campaigns.searchText, `%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`));
  }
  const where = and38(...filters);
  const [count] = await db.select({ n: sql16`count(*)`.mapWith(Number) }).from(campaigns).where(where);
  const rows = await db.select().from(campaigns).where(where).orderBy(desc9(campaigns.open), desc9(campaigns.createdAt), desc9(campaigns.id)).limit(query.perPage).offset((query.page - 1) * query.perPage);
  return {
    campaigns: rows.map(campaignFromRow),
    total: count?.n ?? 0,
    page: query.page,
    perPage: query.perPage
  };
}

// src/modules/funds/set-approval-threshold.ts
async function setApprovalThreshold(deps, actor, thresholdCents) {
  if (!Number.isSafeInteger(thresholdCents) || thresholdCents < 0) {
    throw invalid({ threshold: "amount_not_a_number" });
  }
  if (thresholdCents > maxCents("USD")) throw invalid({ threshold: "amount_too_large" });
  await deps.db.transaction(async (tx) => {
    await tx.insert(fundsSettings).values({ orgId: actor.orgId, approvalThresholdCents: thresholdCents }).onConflictDoUpdate({
      target: fundsSettings.orgId,
      set: { approvalThresholdCents: thresholdCents, updatedAt: /* @__PURE__ */ new Date() }
    });
    await audit(
      tx,
      actor,
      "funds.threshold_set",
      { type: "funds_settings" },
      {
        approval_threshold_cents: thresholdCents
      }
    );
  });
  return cents(thresholdCents);
}

// src/modules/funds/funds.routes.tsx
import { jsx as jsx36 } from "hono/jsx/jsx-runtime";
var fundsRoutes = new Hono12();
var view4 = (c) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c)
});
var NOTICES4 = {
  created: ["funds", "created"],
  saved: ["funds", "saved"],
  threshold: ["funds", "threshold_saved"],
  gift: ["activity", "gift_recorded"],
  requested: ["activity", "disbursement_requested"],
  approved: ["activity", "disbursement_approved"],
  paid: ["activity", "disbursement_paid"],
  rejected: ["activity", "disbursement_rejected"],
  bond: ["activity", "bond_posted"],
  returned: ["activity", "bond_returned_done"],
  forfeited: ["activity", "bond_forfeited_done"],
  reversed: ["activity", "reversed_done"]
};
function notice3(c) {
  const key2 = c.req.query("done");
  if (!key2 || !(key2 in NOTICES4)) return void 0;
  const [catalog, name] = NOTICES4[key2];
  const lang = c.get("lang");
  return catalog === "funds" ? fundsText[lang][name] : activityText[lang][name];
}
async function renderList(c, settings) {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.read");
  const db = c.get("deps").db;
  const query = parseCampaignQuery(c.req.query());
  const result = await searchCampaigns(db, auth.org.id, query);
  const totals = await totalsForCampaigns(db, auth.org.id, result.campaigns);
  const overall = await overallMonthlyReport(db, auth.org.id, auth.org.timeZone);
  const threshold = can(auth.role, "funds.settings") ? settings ?? emptyForm({ threshold: amountText(await getApprovalThreshold(db, auth.org.id), "USD") }) : void 0;
  const url = new URL(c.req.url);
  return render(
    c,
    /* @__PURE__ */ jsx36(
      FundsListPage,
      {
        ...view4(c),
        path: `${url.pathname}${url.search}`,
        result,
        totals,
        q: query.q,
        overall,
        settings: threshold,
        notice: notice3(c)
      }
    ),
    settings ? 422 : 200
  );
}
fundsRoutes.get("/funds", (c) => renderList(c));
fundsRoutes.post("/funds/settings", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.settings");
  const values = await readForm(c);
  const amount = readAmount(values.threshold, "USD", { allowZero: true });
  if (!amount.ok) return renderList(c, { values, errors: { threshold: amount.error } });
  await setApprovalThreshold(c.get("deps"), auth.actor, amount.value);
  return c.redirect("/funds?done=threshold", 303);
});
fundsRoutes.get("/funds/new", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.manage");
  const caseId = c.req.query("case") ?? "";
  const linked = caseId ? await getCaseSummary(c.get("deps").db, auth.org.id, caseId) : null;
  return render(
    c,
    /* @__PURE__ */ jsx36(
      CampaignFormPage,
      {
        ...view4(c),
        form: emptyForm({ currency: "USD", open: "on", case_id: linked?.id ?? "" }),
        caseName: linked && can(auth.role, "cases.read") ? linked.personDisplayName : null
      }
    )
  );
});
async function caseNameFor(c, caseId) {
  const auth = requireAuth(c);
  if (!caseId || !can(auth.role, "cases.read")) return null;
  return (await getCaseSummary(c.get("deps").db, auth.org.id, caseId))?.personDisplayName ?? null;
}
function parseCampaignForm(values) {
  const { input, errors } = formToCampaignInput2(values);
  const parsed = parseWith(CampaignFieldsSchema, input);
  const all = { ...parsed.ok ? {} : campaignErrorsForForm(parsed.errors), ...errors };
  return Object.keys(all).length === 0 && parsed.ok ? { ok: true, data: parsed.data } : { ok: false, errors: all };
}
fundsRoutes.post("/funds", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.manage");
  const values = await readForm(c);
  const again2 = async (errors) => render(
    c,
    /* @__PURE__ */ jsx36(
      CampaignFormPage,
      {
        ...view4(c),
        form: { values, errors },
        caseName: await caseNameFor(c, values.case_id)
      }
    ),
    422
  );
  const parsed = parseCampaignForm(values);
  if (!parsed.ok) return again2(parsed.errors);
  try {
    const campaign = await createCampaign(c.get("deps"), auth.actor, parsed.data);
    return c.redirect(`/funds/${campaign.id}?done=created`, 303);
  } catch (error) {
    if (error instanceof AppError && error.fields)
      return again2(campaignErrorsForForm(error.fields));
    throw error;
  }
});
fundsRoutes.get("/funds/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.read");
  const id = requireUuidParam(c);
  const giftQuery = (c.req.query("gq") ?? "").slice(0, 200);
  const campaignView = await loadCampaignView(c.get("deps").db, auth, id, giftQuery);
  if (!campaignView) throw new AppError("not_found");
  return render(c, /* @__PURE__ */ jsx36(CampaignPage, { ...view4(c), view: campaignView, notice: notice3(c) }));
});
fundsRoutes.get("/funds/:id/edit", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.manage");
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return render(
    c,
    /* @__PURE__ */ jsx36(
      CampaignFormPage,
      {
        ...view4(c),
        campaign: { id: campaign.id, title: campaign.title[c.get("lang")] },
        form: emptyForm(campaignToForm2(campaign)),
        caseName: await caseNameFor(c, campaign.caseId ?? void 0)
      }
    )
  );
});
fundsRoutes.post("/funds/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.manage");
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  const values = await readForm(c);
  const again2 = async (errors) => render(
    c,
    /* @__PURE__ */ jsx36(
      CampaignFormPage,
      {
        ...view4(c),
        campaign: { id: campaign.id, title: campaign.title[c.get("lang")] },
        form: { values, errors },
        caseName: await caseNameFor(c, values.case_id)
      }
    ),
    422
  );
  const parsed = parseCampaignForm(values);
  if (!parsed.ok) return again2(parsed.errors);
  try {
    await updateCampaign(c.get("deps"), auth.actor, campaign.id, parsed.data);
  } catch (error) {
    if (error instanceof AppError && error.fields)
      return again2(campaignErrorsForForm(error.fields));
    throw error;
  }
  return c.redirect(`/funds/${campaign.id}?done=saved`, 303);
});

// src/modules/funds/funds-activity.routes.tsx
import { Hono as Hono13 } from "hono";

// src/modules/funds/ledger-export.ts
var two = (n) => String(n).padStart(2, "0");
function localStamp(date4, timeZone) {
  const p = {};
  for (const part of new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit"
  }).formatToParts(date4)) {
    p[part.type] = part.value;
  }
  return `${p.year}-${p.month}-${p.day} ${two(Number(p.hour))}:${p.minute}`;
}
async function ledgerCsv(db, orgId, campaign, lang, timeZone) {
  const t = activityText[lang];
  const rows = [
    [
      t.csv_date,
      t.csv_group,
      t.csv_kind,
      t.csv_reverses,
      t.csv_account,
      t.csv_amount,
      t.csv_currency,
      t.csv_memo,
      t.csv_recorded_by
    ]
  ];
  for (const line of await loadLedger(db, orgId, [campaign])) {
    const g = line.group;
    for (const e of g.entries) {
      rows.push([
        localStamp(line.occurredAt, timeZone),
        g.id,
        t[`kind_${g.movement.kind}`],
        g.reverses ?? "",
        t[`account_${e.account}`],
        { number: decimalText(e.amount, campaign.currency) },
        campaign.currency,
        line.memo ?? "",
        line.createdByName ?? ""
      ]);
    }
  }
  return toCsv(rows);
}

// src/modules/funds/reject-disbursement.ts
import { and as and39, eq as eq46 } from "drizzle-orm";
async function rejectDisbursement(deps, actor, id) {
  const campaignId = await deps.db.transaction(async (tx) => {
    const [row] = await tx.select().from(disbursements).where(and39(eq46(disbursements.orgId, actor.orgId), eq46(disbursements.id, id))).for("update");
    if (!row) throw notFound();
    if (!canTakeStep(row.status, "reject")) throw new AppError("wrong_status");
    await tx.update(disbursements).set({ status: "rejected", decidedBy: actor.userId, updatedAt: /* @__PURE__ */ new Date() }).where(eq46(disbursements.id, id));
    await audit(
      tx,
      actor,
      "disbursement.rejected",
      { type: "disbursement", id },
      {
        campaign_id: row.campaignId
      }
    );
    return row.campaignId;
  });
  campaignChanged({ orgId: actor.orgId, campaignId });
  const rejected = await getDisbursement(deps.db, actor.orgId, id);
  if (!rejected) throw notFound();
  return rejected;
}

// src/modules/funds/reverse-entry.ts
import { randomUUID as randomUUID10 } from "node:crypto";
import { and as and40, eq as eq47 } from "drizzle-orm";
async function reverseEntry(deps, actor, input) {
  const reversalGroupId = randomUUID10();
  try {
    await deps.db.transaction(async (tx) => {
      const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "update");
      if (!campaign) throw notFound();
      const state = await loadState(tx, actor.orgId, campaign);
      const outcome = decide(state, { op: "reverse", id: reversalGroupId, groupId: input.groupId });
      if (outcome.status !== "applied") {
        throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
      }
      await writeGroup(tx, actor, campaign.id, outcome.group, { memo: input.memo ?? null });
      const kind = outcome.group.movement.kind;
      const now = /* @__PURE__ */ new Date();
      const mine = (table) => and40(eq47(table.orgId, actor.orgId), eq47(table.campaignId, campaign.id));
      if (kind === "disbursement") {
        await tx.update(disbursements).set({ status: "cancelled", updatedAt: now }).where(and40(mine(disbursements), eq47(disbursements.paidGroupId, input.groupId)));
      } else if (kind === "bond_posted") {
        await tx.update(bonds).set({ status: "voided", updatedAt: now }).where(and40(mine(bonds), eq47(bonds.postedGroupId, input.groupId)));
      } else if (kind === "bond_returned" || kind === "bond_forfeited") {
        await tx.update(bonds).set({
          status: "outstanding",
          settledGroupId: null,
          settledAt: null,
          interestCents: null,
          updatedAt: now
        }).where(and40(mine(bonds), eq47(bonds.settledGroupId, input.groupId)));
      }
      await audit(
        tx,
        actor,
        "ledger.reversed",
        { type: "ledger_group", id: input.groupId },
        {
          campaign_id: campaign.id,
          kind,
          reversal_group_id: reversalGroupId
        }
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("already_reversed");
    throw error;
  }
  campaignChanged({ orgId: actor.orgId, campaignId: input.campaignId });
  return { reversalGroupId };
}

// src/modules/funds/funds-activity.routes.tsx
import { jsx as jsx37 } from "hono/jsx/jsx-runtime";
var fundsActivityRoutes = new Hono13();
async function campaignFor(c, permission) {
  const auth = requireAuth(c);
  requirePermission(auth.role, permission);
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw new AppError("not_found");
  return { auth, campaign };
}
var formError = (fields) => new AppError("validation_failed", fields);
async function again(c, campaignId, error, kept, message) {
  if (!(error instanceof AppError) || error.code === "not_found") throw error;
  const lang = c.get("lang");
  const campaignView = await loadCampaignView(c.get("deps").db, requireAuth(c), campaignId);
  if (!campaignView) throw new AppError("not_found");
  const raw = error.fields ?? {};
  const fields = kept?.prefix ? prefixed(raw, kept.prefix) : raw;
  const alert = message ? message : error.code === "insufficient_funds" ? activityText[lang].insufficient(
    formatMoney(campaignView.totals.availableCents, campaignView.campaign.currency, lang)
  ) : error.code === "validation_failed" && kept ? void 0 : common[lang][`error_${error.code}`];
  const forms = kept ? { [kept.panel]: { values: kept.values, errors: fields } } : {};
  return render(
    c,
    /* @__PURE__ */ jsx37(
      CampaignPage,
      {
        ...view4(c),
        path: `/funds/${campaignId}`,
        view: campaignView,
        forms,
        alert
      }
    ),
    error.status
  );
}
var done = (c, id, what, anchor) => c.redirect(`/funds/${id}?done=${what}#${anchor}`, 303);
fundsActivityRoutes.post("/funds/:id/gifts", async (c) => {
  const { auth, campaign } = await campaignFor(c, "funds.gifts");
  const values = await readForm(c);
  const errors = {};
  const amount = readAmount(values.gift_amount, campaign.currency);
  if (!amount.ok) errors.gift_amount = amount.error;
  const receivedAt = readDay(values.gift_received_on, auth.org.timeZone);
  if (!receivedAt.ok) errors.gift_received_on = receivedAt.error;
  const method = values.gift_method;
  if (!GIFT_METHODS.includes(method)) errors.gift_method = "invalid_choice";
  if (!amount.ok || !receivedAt.ok || Object.keys(errors).length > 0) {
    return again(c, campaign.id, formError(errors), { panel: "gift", values });
  }
  try {
    await recordDonation(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      amountCents: amount.value,
      method,
      receivedAt: receivedAt.value,
      donorName: values.gift_donor_name?.trim().slice(0, 160) || null,
      anonymous: values.gift_show_name !== "on",
      eventNote: values.gift_event_note?.trim().slice(0, 300) || null,
      receivedByUserId: values.gift_received_by || null
    });
  } catch (error) {
    return again(c, campaign.id, error, { panel: "gift", values, prefix: "gift" });
  }
  return done(c, campaign.id, "gift", "gifts");
});
fundsActivityRoutes.post("/funds/:id/disbursements", async (c) => {
  const { auth, campaign } = await campaignFor(c, "funds.manage");
  const values = await readForm(c);
  const errors = {};
  const amount = readAmount(values.pay_amount, campaign.currency);
  if (!amount.ok) errors.pay_amount = amount.error;
  const purpose = values.pay_purpose;
  if (!DISBURSEMENT_PURPOSES.includes(purpose)) errors.pay_purpose = "invalid_choice";
  if (!values.pay_payee?.trim()) errors.pay_payee = "required";
  if (!amount.ok || Object.keys(errors).length > 0) {
    return again(c, campaign.id, formError(errors), { panel: "payment", values });
  }
  try {
    await requestDisbursement(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      amountCents: amount.value,
      payee: values.pay_payee ?? "",
      purpose,
      memo: values.pay_memo?.slice(0, 500) ?? null
    });
  } catch (error) {
    return again(c, campaign.id, error, { panel: "payment", values, prefix: "pay" });
  }
  return done(c, campaign.id, "requested", "payments");
});
async function disbursementFor(c) {
  const { auth, campaign } = await campaignFor(c, "funds.approve");
  const d = await getDisbursement(c.get("deps").db, auth.org.id, requireUuidParam(c, "did"));
  if (!d || d.campaignId !== campaign.id) throw new AppError("not_found");
  return { auth, campaign, d };
}
var STEPS = {
  approve: [approveDisbursement, "approved"],
  pay: [payDisbursement, "paid"],
  reject: [rejectDisbursement, "rejected"]
};
for (const [step, [operation, notice5]] of Object.entries(STEPS)) {
  fundsActivityRoutes.post(`/funds/:id/disbursements/:did/${step}`, async (c) => {
    const { auth, campaign, d } = await disbursementFor(c);
    try {
      await operation(c.get("deps"), auth.actor, d.id);
    } catch (error) {
      return again(c, campaign.id, error);
    }
    return done(c, campaign.id, notice5, "payments");
  });
}
fundsActivityRoutes.get("/funds/:id/disbursements/:did/reject", async (c) => {
  const { campaign, d } = await disbursementFor(c);
  const t = activityText[c.get("lang")];
  const amount = formatMoney(d.amountCents, d.currency, c.get("lang"));
  return render(
    c,
    /* @__PURE__ */ jsx37(
      ConfirmPage2,
      {
        ...view4(c),
        title: t.reject_title,
        body: t.reject_body(d.payee, amount),
        action: `/funds/${campaign.id}/disbursements/${d.id}/reject`,
        confirm: t.reject_confirm,
        cancel: `/funds/${campaign.id}#payments`,
        cancelLabel: common[c.get("lang")].cancel
      }
    )
  );
});
fundsActivityRoutes.post("/funds/:id/bonds", async (c) => {
  const { auth, campaign } = await campaignFor(c, "funds.manage");
  const values = await readForm(c);
  const errors = {};
  const amount = readAmount(values.bond_amount, campaign.currency);
  if (!amount.ok) errors.bond_amount = amount.error;
  const postedAt = readDay(values.bond_posted_on, auth.org.timeZone);
  if (!postedAt.ok) errors.bond_posted_on = postedAt.error;
  if (!amount.ok || !postedAt.ok) {
    return again(c, campaign.id, formError(errors), { panel: "bond", values });
  }
  try {
    await postBond(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      amountCents: amount.value,
      postedAt: postedAt.value,
      memo: values.bond_memo?.slice(0, 500) ?? null
    });
  } catch (error) {
    return again(c, campaign.id, error, { panel: "bond", values, prefix: "bond" });
  }
  return done(c, campaign.id, "bond", "bonds");
});
async function bondFor(c) {
  const { auth, campaign } = await campaignFor(c, "funds.manage");
  const bond = await getBond(c.get("deps").db, auth.org.id, requireUuidParam(c, "bid"));
  if (!bond || bond.campaignId !== campaign.id) throw new AppError("not_found");
  return { auth, campaign, bond };
}
fundsActivityRoutes.post("/funds/:id/bonds/:bid/return", async (c) => {
  const { auth, campaign, bond } = await bondFor(c);
  const values = await readForm(c);
  const interest = readAmount(values.interest || "0", campaign.currency, { allowZero: true });
  if (!interest.ok) {
    const lang = c.get("lang");
    const message = `${activityText[lang].interest}: ${common[lang][`field_${interest.error}`]}`;
    return again(c, campaign.id, formError({}), void 0, message);
  }
  try {
    await returnBond(c.get("deps"), auth.actor, bond.id, { interestCents: interest.value });
  } catch (error) {
    return again(c, campaign.id, error);
  }
  return done(c, campaign.id, "returned", "bonds");
});
fundsActivityRoutes.get("/funds/:id/bonds/:bid/forfeit", async (c) => {
  const { campaign, bond } = await bondFor(c);
  const lang = c.get("lang");
  const t = activityText[lang];
  return render(
    c,
    /* @__PURE__ */ jsx37(
      ConfirmPage2,
      {
        ...view4(c),
        title: t.forfeit_title,
        body: t.forfeit_body(formatMoney(bond.principalCents, bond.currency, lang)),
        action: `/funds/${campaign.id}/bonds/${bond.id}/forfeit`,
        confirm: t.forfeit_confirm,
        cancel: `/funds/${campaign.id}#bonds`,
        cancelLabel: common[lang].cancel
      }
    )
  );
});
fundsActivityRoutes.post("/funds/:id/bonds/:bid/forfeit", async (c) => {
  const { auth, campaign, bond } = await bondFor(c);
  try {
    await forfeitBond(c.get("deps"), auth.actor, bond.id);
  } catch (error) {
    return again(c, campaign.id, error);
  }
  return done(c, campaign.id, "forfeited", "bonds");
});
fundsActivityRoutes.get("/funds/:id/ledger/:gid/reverse", async (c) => {
  const { campaign } = await campaignFor(c, "funds.approve");
  const lang = c.get("lang");
  const t = activityText[lang];
  const gid = requireUuidParam(c, "gid");
  return render(
    c,
    /* @__PURE__ */ jsx37(
      ConfirmPage2,
      {
        ...view4(c),
        title: t.reverse_title,
        body: t.reverse_body,
        action: `/funds/${campaign.id}/ledger/${gid}/reverse`,
        confirm: t.reverse_confirm,
        cancel: `/funds/${campaign.id}#ledger`,
        cancelLabel: common[lang].cancel,
        memo: { label: t.reverse_reason, hint: t.reverse_reason_hint }
      }
    )
  );
});
fundsActivityRoutes.post("/funds/:id/ledger/:gid/reverse", async (c) => {
  const { auth, campaign } = await campaignFor(c, "funds.approve");
  const values = await readForm(c);
  try {
    await reverseEntry(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      groupId: requireUuidParam(c, "gid"),
      memo: values.memo?.trim().slice(0, 500) || null
    });
  } catch (error) {
    return again(c, campaign.id, error);
  }
  return done(c, campaign.id, "reversed", "ledger");
});
fundsActivityRoutes.get("/funds/:id/ledger.csv", async (c) => {
  const { auth, campaign } = await campaignFor(c, "funds.read");
  const csv = await ledgerCsv(
    c.get("deps").db,
    auth.org.id,
    campaign,
    c.get("lang"),
    auth.org.timeZone
  );
  c.header("Content-Type", "text/csv; charset=utf-8");
  c.header("Content-Disposition", `attachment; filename="${campaign.slug}-ledger.csv"`);
  return c.body(csv);
});

// src/modules/funds/funds-import.routes.tsx
import { Hono as Hono14 } from "hono";
import { bodyLimit } from "hono/body-limit";
import { z as z17 } from "zod";

// src/modules/funds/discard-gift-import.ts
import { and as and42, eq as eq49 } from "drizzle-orm";

// src/modules/funds/gift-import-record.ts
import { createHash as createHash4 } from "node:crypto";
import { and as and41, eq as eq48, inArray as inArray12 } from "drizzle-orm";

// src/modules/funds/gift-csv-rows.ts
import { createHash as createHash3 } from "node:crypto";

// src/modules/funds/gift-csv.ts
import { parse } from "csv-parse/sync";
var MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
var MAX_IMPORT_ROWS = 1e4;
var MAX_CELL = 1e3;
var CsvFileError = class extends Error {
  constructor(problem) {
    super(problem);
    this.problem = problem;
    this.name = "CsvFileError";
  }
  problem;
};
function decodeCsv(bytes) {
  if (bytes.length === 0) throw new CsvFileError("empty_file");
  if (bytes[0] === 80 && bytes[1] === 75 && bytes[2] === 3 && bytes[3] === 4) {
    throw new CsvFileError("excel_file");
  }
  if (bytes[0] === 208 && bytes[1] === 207 && bytes[2] === 17 && bytes[3] === 224) {
    throw new CsvFileError("excel_file");
  }
  if (bytes[0] === 255 && bytes[1] === 254) {
    return textOnly(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le");
  }
  if (bytes[0] === 254 && bytes[1] === 255) {
    return textOnly(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be");
  }
  const body = bytes[0] === 239 && bytes[1] === 187 && bytes[2] === 191 ? bytes.subarray(3) : bytes;
  try {
    const text10 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body);
    return textOnly(text10, "utf-8");
  } catch {
    return textOnly(new TextDecoder("windows-1252").decode(body), "windows-1252");
  }
}
function textOnly(text10, encoding) {
  if (text10.includes("\0")) throw new CsvFileError("not_text");
  return { text: text10, encoding, lossy: text10.includes("\uFFFD") };
}
function detectDelimiter(text10) {
  const counts = { ",": 0, ";": 0, "	": 0 };
  let quoted = false;
  for (const ch of text10.slice(0, 1e4)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === "\n" || ch === "\r")) break;
    else if (!quoted && (ch === "," || ch === ";" || ch === "	")) counts[ch] += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["	"]) return ";";
  if (counts["	"] > counts[","]) return "	";
  return ",";
}
var clean = (cell) => cell.trim().slice(0, MAX_CELL);
function parseCsv(text10) {
  let records;
  try {
    records = parse(text10, {
      delimiter: detectDelimiter(text10),
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true
    });
  } catch {
    throw new CsvFileError("not_text");
  }
  const [head, ...data] = records;
  if (!head || head.record.every((h) => h.trim() === "")) throw new CsvFileError("empty_file");
  const rows = data.map(({ record, info }) => ({
    // info.lines is where the record ends; a quoted cell may span lines.
    line: info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0),
    cells: record.map(clean)
  })).filter((row) => row.cells.some((cell) => cell !== ""));
  if (rows.length === 0) throw new CsvFileError("no_rows");
  if (rows.length > MAX_IMPORT_ROWS) throw new CsvFileError("too_many_rows");
  return { headers: head.record.map(clean), rows };
}
var GIFT_FIELDS = [
  "amount",
  "date",
  "donor_name",
  "anonymous",
  "external_id",
  "currency",
  "status"
];
var REQUIRED_FIELDS = ["amount", "date"];
var DATE_ORDERS = ["auto", "mdy", "dmy"];
var NAMES = {
  amount: {
    exact: [
      "donation amount",
      "amount",
      "gross amount",
      "amount donated",
      "donation",
      "gift amount",
      "total amount",
      "gross",
      "total",
      "monto",
      "monto donado",
      "monto de la donacion",
      "importe",
      "cantidad",
      "donacion",
      "donativo",
      "valor"
    ],
    words: ["amount", "monto", "importe", "cantidad"],
    not: ["fee", "fees", "net", "tip", "comision", "neto", "refund", "reembolso", "goal", "meta"]
  },
  date: {
    exact: [
      "date",
      "donation date",
      "transaction date",
      "payment date",
      "created",
      "created at",
      "date created",
      "created date",
      "donated at",
      "timestamp",
      "fecha",
      "fecha de donacion",
      "fecha de la donacion",
      "fecha de pago",
      "fecha y hora"
    ],
    words: ["date", "fecha"],
    not: ["refund", "reembolso", "payout", "birth", "nacimiento"]
  },
  donor_name: {
    exact: [
      "donor name",
      "name",
      "full name",
      "donor",
      "donor full name",
      "supporter name",
      "contributor",
      "nombre",
      "nombre del donante",
      "nombre completo",
      "donante",
      "nombre del donador",
      "donador"
    ],
    words: ["name", "nombre", "donor", "donante"],
    not: [
      "campaign",
      "campana",
      "fundraiser",
      "team",
      "event",
      "evento",
      "organizer",
      "email",
      "id"
    ]
  },
  anonymous: {
    exact: [
      "anonymous",
      "is anonymous",
      "anonymous donation",
      "visibility",
      "hidden",
      "anonimo",
      "anonima",
      "donacion anonima",
      "donativo anonimo",
      "visibilidad",
      "oculto"
    ],
    words: ["anonymous", "anonimo", "anonima"]
  },
  external_id: {
    exact: [
      "transaction id",
      "donation id",
      "payment id",
      "charge id",
      "order id",
      "receipt id",
      "receipt number",
      "reference",
      "id",
      "id de transaccion",
      "id de la transaccion",
      "id de donacion",
      "id de la donacion",
      "id de pago",
      "numero de transaccion",
      "numero de recibo",
      "referencia",
      "folio"
    ],
    words: ["transaction", "transaccion", "donation id", "payment id", "folio"],
    not: [
      "campaign",
      "campana",
      "fundraiser",
      "customer",
      "cliente",
      "donor id",
      "date",
      "fecha",
      "fee",
      "amount",
      "monto",
      "status",
      "estado"
    ]
  },
  currency: {
    exact: ["currency", "currency code", "moneda", "divisa"],
    words: ["currency", "moneda", "divisa"]
  },
  status: {
    exact: [
      "status",
      "payment status",
      "donation status",
      "state",
      "estado",
      "estatus",
      "estado del pago"
    ],
    words: ["status", "estado", "estatus"]
  }
};
function headerKey(header) {
  return fold2(header).replace(/[^a-z0-9]+/g, " ").trim();
}
function score(field, header) {
  const key2 = headerKey(header);
  if (!key2) return 0;
  const names = NAMES[field];
  const exact = names.exact.indexOf(key2);
  if (exact >= 0) return 100 - exact;
  const words2 = ` ${key2} `;
  if (names.not?.some((w) => words2.includes(` ${w} `))) return 0;
  return names.words.some((w) => words2.includes(` ${w} `)) ? 10 : 0;
}
var PROVIDERS = [
  "gofundme",
  "givebutter",
  "donorbox",
  "paypal",
  "zeffy",
  "classy",
  "actblue",
  "mightycause",
  "fundly",
  "kindful",
  "venmo",
  "stripe"
];
function guessSource(fileName) {
  const name = headerKey(fileName).replace(/ /g, "");
  return PROVIDERS.find((p) => name.includes(p)) ?? "csv";
}
var SOURCE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
function guessMapping(headers, fileName) {
  const candidates = [];
  for (const field of GIFT_FIELDS) {
    headers.forEach((header, index) => {
      const s = score(field, header);
      if (s > 0) candidates.push({ field, index, score: s });
    });
  }
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const columns2 = Object.fromEntries(GIFT_FIELDS.map((f) => [f, null]));
  const taken = /* @__PURE__ */ new Set();
  for (const c of candidates) {
    if (columns2[c.field] !== null || taken.has(c.index)) continue;
    columns2[c.field] = c.index;
    taken.add(c.index);
  }
  return { columns: columns2, dateOrder: "auto", source: guessSource(fileName), method: "card" };
}
function missingFields(mapping) {
  return REQUIRED_FIELDS.filter((f) => mapping.columns[f] === null);
}

// src/modules/funds/gift-csv-dates.ts
var MONTHS = [
  ["jan", 1],
  ["ene", 1],
  ["feb", 2],
  ["mar", 3],
  ["apr", 4],
  ["abr", 4],
  ["may", 5],
  ["jun", 6],
  ["jul", 7],
  ["aug", 8],
  ["ago", 8],
  ["sep", 9],
  ["set", 9],
  ["oct", 10],
  ["nov", 11],
  ["dec", 12],
  ["dic", 12]
];
function monthOf(word) {
  if (word.length < 3 || word.length > 10) return null;
  return MONTHS.find(([prefix]) => word.startsWith(prefix))?.[1] ?? null;
}
var YEAR_FIRST = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:t|\s+|,\s*)(.+))?$/;
var DAY_MONTH = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?:(?:\s+|,\s*)(.+))?$/;
var DAY_NAME = /^(\d{1,2})(?:\s+de)?\s+([a-z]+)\.?(?:\s+de)?,?\s+(\d{4})(?:(?:\s+|,\s*)(.+))?$/;
var NAME_DAY = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:(?:\s+|,\s*)(.+))?$/;
var TIME = /^(?:at\s+|a\s+las\s+)?(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?\s*(z|utc|gmt|[+-]\d{2}:?\d{2})?$/;
function dayMonthPair(cell) {
  const m = DAY_MONTH.exec(normalize(cell));
  return m ? [Number(m[1]), Number(m[2])] : null;
}
function resolveDayOrder(cells, fallback) {
  let dmy = 0;
  let mdy = 0;
  for (const cell of cells) {
    const pair = dayMonthPair(cell);
    if (!pair) continue;
    if (pair[0] > 12 && pair[1] <= 12) dmy += 1;
    if (pair[1] > 12 && pair[0] <= 12) mdy += 1;
  }
  if (dmy === 0 && mdy === 0) return { order: fallback, guessed: true };
  return { order: dmy > mdy ? "dmy" : "mdy", guessed: false };
}
function normalize(cell) {
  return fold2(cell).trim().replace(/\s+/g, " ").replace(/^[a-z]+\.?,\s+(?=\S)/, "");
}
function readClock(text10) {
  if (text10 === void 0 || text10.trim() === "") return null;
  const m = TIME.exec(text10.trim());
  if (!m) return "bad";
  let hh = Number(m[1]);
  const mm = Number(m[2]);
  const ss = Number(m[3] ?? 0);
  const half = m[4]?.replace(/[^ap]/g, "");
  if (half) {
    if (hh < 1 || hh > 12) return "bad";
    hh = hh % 12 + (half === "p" ? 12 : 0);
  }
  if (hh > 23 || mm > 59 || ss > 59) return "bad";
  const zone = m[5];
  let offsetMinutes = null;
  if (zone === "z" || zone === "utc" || zone === "gmt") offsetMinutes = 0;
  else if (zone) {
    const digits = zone.replace(":", "");
    const sign = digits.startsWith("-") ? -1 : 1;
    offsetMinutes = sign * (Number(digits.slice(1, 3)) * 60 + Number(digits.slice(3, 5)));
  }
  return { hh, mm, ss, offsetMinutes };
}
function readWall(text10, order) {
  let m = YEAR_FIRST.exec(text10);
  if (m) return { wall: { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) }, rest: m[4] };
  m = DAY_MONTH.exec(text10);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3]?.length === 2 ? 2e3 + Number(m[3]) : Number(m[3]);
    const [d, mo] = order === "dmy" ? [a, b] : [b, a];
    return { wall: { y, m: mo, d }, rest: m[4] };
  }
  m = DAY_NAME.exec(text10);
  const dayName = m ? monthOf(m[2] ?? "") : null;
  if (m && dayName) return { wall: { y: Number(m[3]), m: dayName, d: Number(m[1]) }, rest: m[4] };
  m = NAME_DAY.exec(text10);
  const nameDay = m ? monthOf(m[1] ?? "") : null;
  if (m && nameDay) return { wall: { y: Number(m[3]), m: nameDay, d: Number(m[2]) }, rest: m[4] };
  return null;
}
var EARLIEST = Date.UTC(2e3, 0, 1);
var two2 = (n) => String(n).padStart(2, "0");
function readDateCell(cell, order, timeZone, now) {
  const parsed = readWall(normalize(cell), order);
  if (!parsed) return null;
  const clock = readClock(parsed.rest);
  if (clock === "bad") return null;
  const { y, m, d } = parsed.wall;
  const day = `${y}-${two2(m)}-${two2(d)}`;
  const probe = /* @__PURE__ */ new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(probe.getTime()) || probe.toISOString().slice(0, 10) !== day) return null;
  let instant2;
  if (clock?.offsetMinutes != null) {
    instant2 = new Date(
      Date.UTC(y, m - 1, d, clock.hh, clock.mm, clock.ss) - clock.offsetMinutes * 6e4
    );
  } else {
    instant2 = zonedToInstant(day, clock ? `${two2(clock.hh)}:${two2(clock.mm)}` : "12:00", timeZone);
    if (instant2 && clock) instant2 = new Date(instant2.getTime() + clock.ss * 1e3);
  }
  if (!instant2 || instant2.getTime() < EARLIEST || instant2.getTime() > now.getTime() + 864e5) {
    return null;
  }
  return instant2;
}

// src/modules/funds/gift-csv-rows.ts
var DONOR_NAME_MAX = 160;
var EXTERNAL_ID_MAX = 200;
var COMPLETED = /* @__PURE__ */ new Set([
  "completed",
  "complete",
  "succeeded",
  "success",
  "successful",
  "paid",
  "captured",
  "settled",
  "approved",
  "confirmed",
  "received",
  "processed",
  "active",
  "ok",
  "completado",
  "completada",
  "exitoso",
  "exitosa",
  "pagado",
  "pagada",
  "aprobado",
  "aprobada",
  "confirmado",
  "confirmada",
  "recibido",
  "recibida",
  "procesado",
  "procesada",
  "acreditado",
  "acreditada"
]);
var ANONYMOUS_NAMES = /* @__PURE__ */ new Set([
  "anonymous",
  "anonymous donor",
  "anonimo",
  "anonima",
  "donante anonimo",
  "donante anonima"
]);
var NAMED = /* @__PURE__ */ new Set([
  "no",
  "n",
  "false",
  "0",
  "public",
  "publico",
  "publica",
  "visible",
  "shown"
]);
var SUMMARY = /^(grand )?(total|totals|totales|suma|subtotal)$/;
var CURRENCY_SIGNS = {
  USD: ["$", "US$"],
  MXN: ["$", "MX$"],
  EUR: ["\u20AC"],
  JPY: ["\xA5", "\u5186"]
};
function rowHash(row) {
  const digest = createHash3("sha256").update([String(row.line), ...row.cells].join("")).digest("hex");
  return `row:${digest.slice(0, 32)}`;
}
var words = (value) => headerKey(value);
function readAnonymous(cell) {
  const value = words(cell ?? "");
  if (value === "") return true;
  return !NAMED.has(value);
}
function currencyMatches(cell, currency2) {
  const value = cell.trim().toUpperCase();
  return value === "" || value === currency2 || CURRENCY_SIGNS[currency2].includes(cell.trim());
}
function isSummaryLine(row, mapping) {
  const first = row.cells.find((c) => c !== "") ?? "";
  const dateColumn = mapping.columns.date;
  const date4 = dateColumn === null ? "" : row.cells[dateColumn] ?? "";
  return SUMMARY.test(words(first)) && (date4 === "" || SUMMARY.test(words(date4)));
}
function readRow(row, mapping, order, ctx) {
  const cell = (field) => {
    const index = mapping.columns[field];
    return index === null ? void 0 : row.cells[index];
  };
  const status2 = cell("status");
  if (status2 && !COMPLETED.has(words(status2))) {
    return { line: row.line, status: "skip", skip: { kind: "status", value: status2 }, gift: null };
  }
  if (isSummaryLine(row, mapping)) {
    return { line: row.line, status: "skip", skip: { kind: "summary_line" }, gift: null };
  }
  const problems = [];
  for (const field of ["amount", "date"]) {
    if (mapping.columns[field] !== null && cell(field) === void 0) {
      problems.push({ kind: "short_row", field });
    }
  }
  const amountText2 = cell("amount");
  const amount = amountText2 === void 0 ? null : parseAmount(amountText2, ctx.currency);
  if (amount && !amount.ok) {
    problems.push({ kind: "bad_amount", reason: amount.reason, value: amountText2 ?? "" });
  }
  const dateText = cell("date");
  const receivedAt = dateText === void 0 ? null : readDateCell(dateText, order, ctx.timeZone, ctx.now);
  if (dateText !== void 0 && !receivedAt) problems.push({ kind: "bad_date", value: dateText });
  const currency2 = cell("currency");
  if (currency2 && !currencyMatches(currency2, ctx.currency)) {
    problems.push({ kind: "wrong_currency", value: currency2 });
  }
  const id = cell("external_id") ?? "";
  if (id.length > EXTERNAL_ID_MAX) problems.push({ kind: "bad_id", value: id.slice(0, 40) });
  if (problems.length > 0 || !amount?.ok || !receivedAt) {
    return { line: row.line, status: "problem", problems };
  }
  const name = (cell("donor_name") ?? "").slice(0, DONOR_NAME_MAX);
  const namedAnonymous = ANONYMOUS_NAMES.has(words(name));
  return {
    line: row.line,
    status: "ok",
    repeatOf: null,
    gift: {
      line: row.line,
      amountCents: amount.cents,
      receivedAt,
      donorName: name === "" || namedAnonymous ? null : name,
      anonymous: namedAnonymous || readAnonymous(cell("anonymous")),
      externalId: id === "" ? rowHash(row) : id,
      idFromFile: id !== ""
    }
  };
}
function previewRows(csv, mapping, ctx, imported = /* @__PURE__ */ new Set()) {
  const missing = missingFields(mapping);
  const dateColumn = mapping.columns.date;
  const fallback = dateColumn !== null && headerKey(csv.headers[dateColumn] ?? "").includes("fecha") ? "dmy" : "mdy";
  const dayOrder = mapping.dateOrder === "auto" ? resolveDayOrder(
    csv.rows.map((r) => dateColumn === null ? "" : r.cells[dateColumn] ?? ""),
    fallback
  ) : { order: mapping.dateOrder, guessed: false };
  const outcomes = missing.length > 0 ? [] : csv.rows.map((row) => readRow(row, mapping, dayOrder.order, ctx));
  const firstById = /* @__PURE__ */ new Map();
  const firstByContent = /* @__PURE__ */ new Map();
  const rowsByLine = new Map(csv.rows.map((r) => [r.line, r]));
  for (const [i, outcome] of outcomes.entries()) {
    if (outcome.status !== "ok") continue;
    const { gift } = outcome;
    if (gift.idFromFile) {
      const first = firstById.get(gift.externalId);
      if (first !== void 0) {
        outcomes[i] = {
          line: outcome.line,
          status: "problem",
          problems: [{ kind: "duplicate_id", value: gift.externalId, firstLine: first }]
        };
        continue;
      }
      firstById.set(gift.externalId, gift.line);
    } else {
      const content = (rowsByLine.get(gift.line)?.cells ?? []).join("");
      const first = firstByContent.get(content);
      if (first !== void 0) outcome.repeatOf = first;
      else firstByContent.set(content, gift.line);
    }
    if (imported.has(gift.externalId)) {
      outcomes[i] = {
        line: outcome.line,
        status: "skip",
        skip: { kind: "already_imported" },
        gift
      };
    }
  }
  const toRecord = outcomes.flatMap((o) => o.status === "ok" ? [o.gift] : []);
  const problemRows = outcomes.filter((o) => o.status === "problem").length;
  return {
    missing,
    dayOrder,
    outcomes,
    toRecord,
    recordCents: cents(toRecord.reduce((sum, g) => sum + g.amountCents, 0)),
    skipped: outcomes.filter((o) => o.status === "skip").length,
    problemRows,
    committable: missing.length === 0 && problemRows === 0
  };
}
function candidateIds(preview) {
  return preview.outcomes.flatMap((o) => o.status === "ok" ? [o.gift.externalId] : []);
}
function importSource(mapping) {
  return `import:${mapping.source}`;
}

// src/modules/funds/gift-sources.schema.ts
import { boolean as boolean5, jsonb as jsonb5, pgTable as pgTable6, text as text8, timestamp as timestamp6, uuid as uuid6 } from "drizzle-orm/pg-core";
var createdAt5 = () => timestamp6("created_at", { withTimezone: true }).notNull().defaultNow();
var giftImports = pgTable6("gift_imports", {
  id: uuid6("id").primaryKey().defaultRandom(),
  orgId: uuid6("org_id").notNull(),
  campaignId: uuid6("campaign_id").notNull(),
  createdBy: uuid6("created_by"),
  fileName: text8("file_name").notNull(),
  encoding: text8("encoding").$type().notNull(),
  lossy: boolean5("lossy").notNull().default(false),
  headers: jsonb5("headers").$type().notNull(),
  rows: jsonb5("rows").$type().notNull(),
  mapping: jsonb5("mapping").$type().notNull(),
  status: text8("status").$type().notNull().default("previewed"),
  result: jsonb5("result").$type(),
  committedAt: timestamp6("committed_at", { withTimezone: true }),
  createdAt: createdAt5()
});
var stripeEvents = pgTable6("stripe_events", {
  id: uuid6("id").primaryKey().defaultRandom(),
  orgId: uuid6("org_id").notNull(),
  eventId: text8("event_id").notNull().unique(),
  type: text8("type").notNull(),
  giftId: uuid6("gift_id"),
  receivedAt: timestamp6("received_at", { withTimezone: true }).notNull().defaultNow(),
  createdAt: createdAt5()
});

// src/modules/funds/gift-import-record.ts
async function getGiftImport(db, orgId, campaignId, id) {
  const [row] = await db.select().from(giftImports).where(
    and41(
      eq48(giftImports.orgId, orgId),
      eq48(giftImports.campaignId, campaignId),
      eq48(giftImports.id, id)
    )
  );
  return row ?? null;
}
var CHUNK = 1e3;
async function recordedIds(db, orgId, source, ids) {
  const found = /* @__PURE__ */ new Set();
  const unique3 = [...new Set(ids)];
  for (let start = 0; start < unique3.length; start += CHUNK) {
    const rows = await db.select({ externalId: gifts.externalId }).from(gifts).where(
      and41(
        eq48(gifts.orgId, orgId),
        eq48(gifts.source, source),
        inArray12(gifts.externalId, unique3.slice(start, start + CHUNK))
      )
    );
    for (const r of rows) if (r.externalId !== null) found.add(r.externalId);
  }
  return found;
}
async function computePreview(db, orgId, imp, campaign, timeZone, now = /* @__PURE__ */ new Date()) {
  const csv = { headers: imp.headers, rows: imp.rows };
  const ctx = { currency: campaign.currency, timeZone, now };
  const first = previewRows(csv, imp.mapping, ctx);
  const done2 = await recordedIds(db, orgId, importSource(imp.mapping), candidateIds(first));
  return done2.size === 0 ? first : previewRows(csv, imp.mapping, ctx, done2);
}
function mappingDigest(mapping) {
  const stable = JSON.stringify({
    columns: Object.entries(mapping.columns).sort(([a], [b]) => a.localeCompare(b)),
    dateOrder: mapping.dateOrder,
    source: mapping.source,
    method: mapping.method
  });
  return createHash4("sha256").update(stable).digest("hex").slice(0, 16);
}

// src/modules/funds/discard-gift-import.ts
async function discardGiftImport(deps, actor, input) {
  await deps.db.transaction(async (tx) => {
    const imp = await getGiftImport(tx, actor.orgId, input.campaignId, input.importId);
    if (!imp) throw notFound();
    if (imp.status !== "previewed") throw new AppError("wrong_status");
    await tx.delete(giftImports).where(and42(eq49(giftImports.orgId, actor.orgId), eq49(giftImports.id, imp.id)));
    await audit(tx, actor, "gift_import.discarded", { type: "gift_import", id: imp.id });
  });
}

// src/modules/funds/funds-import.pages.tsx
import { jsx as jsx38, jsxs as jsxs28 } from "hono/jsx/jsx-runtime";
var importPath = (campaignId) => `/funds/${campaignId}/import`;
var importPreviewPath = (campaignId, importId) => `/funds/${campaignId}/imports/${importId}`;
function UploadPage(props) {
  const t = importText[props.lang];
  const c = props.campaign;
  const error = Boolean(props.alert);
  return /* @__PURE__ */ jsx38(
    Page,
    {
      title: t.upload_title,
      lang: props.lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "funds",
      children: /* @__PURE__ */ jsxs28("div", { class: "narrow", children: [
        /* @__PURE__ */ jsx38("div", { class: "page-head", children: /* @__PURE__ */ jsx38("h1", { children: t.upload_title }) }),
        /* @__PURE__ */ jsx38("p", { class: "lede", children: c.title[props.lang] }),
        props.notice && /* @__PURE__ */ jsx38("div", { class: "alert alert-ok", role: "status", children: props.notice }),
        /* @__PURE__ */ jsxs28("div", { class: "panel", children: [
          /* @__PURE__ */ jsx38("p", { children: t.upload_lede }),
          /* @__PURE__ */ jsxs28("form", { method: "post", action: importPath(c.id), enctype: "multipart/form-data", novalidate: true, children: [
            /* @__PURE__ */ jsx38(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsxs28("div", { class: `field ${error ? "has-error" : ""}`, children: [
              /* @__PURE__ */ jsx38("label", { for: "f-file", children: t.file_label }),
              /* @__PURE__ */ jsx38("p", { class: "hint", id: "f-file-hint", children: t.file_hint }),
              error && /* @__PURE__ */ jsx38("p", { class: "error", id: "f-file-error", role: "alert", children: props.alert }),
              /* @__PURE__ */ jsx38(
                "input",
                {
                  id: "f-file",
                  name: "file",
                  type: "file",
                  accept: ".csv,.txt,text/csv,text/plain",
                  required: true,
                  "aria-invalid": error ? "true" : void 0,
                  "aria-describedby": error ? "f-file-hint f-file-error" : "f-file-hint"
                }
              )
            ] }),
            /* @__PURE__ */ jsxs28(Actions, { children: [
              /* @__PURE__ */ jsx38("button", { type: "submit", class: "primary", children: t.upload_submit }),
              /* @__PURE__ */ jsx38("a", { href: `/funds/${c.id}`, children: t.back_to_campaign })
            ] })
          ] })
        ] })
      ] })
    }
  );
}
function ImportDonePage(props) {
  const { lang, campaign: c, result } = props;
  const t = importText[lang];
  const tf = fundsText[lang];
  const money2 = (n) => formatMoney(cents(n), c.currency, lang);
  return /* @__PURE__ */ jsxs28(
    Page,
    {
      title: t.done_title,
      lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "funds",
      children: [
        /* @__PURE__ */ jsx38("div", { class: "page-head", children: /* @__PURE__ */ jsx38("h1", { children: t.done_title }) }),
        /* @__PURE__ */ jsx38("p", { class: "lede", children: c.title[lang] }),
        /* @__PURE__ */ jsx38("div", { class: "alert alert-ok", role: "status", children: t.done_body(
          formatNumber(result.recorded, lang),
          money2(result.recordedCents),
          formatNumber(result.skipped, lang)
        ) }),
        props.replayed && /* @__PURE__ */ jsx38("p", { class: "muted", children: t.done_again }),
        /* @__PURE__ */ jsxs28("section", { class: "panel", "aria-labelledby": "now-title", children: [
          /* @__PURE__ */ jsx38("h2", { class: "panel-title", id: "now-title", children: t.campaign_now }),
          /* @__PURE__ */ jsxs28("div", { class: "stats", children: [
            /* @__PURE__ */ jsxs28("div", { class: "stat", children: [
              /* @__PURE__ */ jsx38("div", { class: "n", children: money2(props.totals.raisedCents) }),
              /* @__PURE__ */ jsx38("div", { class: "l", children: tf.raised })
            ] }),
            /* @__PURE__ */ jsxs28("div", { class: "stat", children: [
              /* @__PURE__ */ jsx38("div", { class: "n", children: money2(props.totals.availableCents) }),
              /* @__PURE__ */ jsx38("div", { class: "l", children: tf.available })
            ] }),
            /* @__PURE__ */ jsxs28("div", { class: "stat", children: [
              /* @__PURE__ */ jsx38("div", { class: "n", children: formatNumber(props.totals.gifts, lang) }),
              /* @__PURE__ */ jsx38("div", { class: "l", children: tf.gifts_count })
            ] })
          ] })
        ] }),
        /* @__PURE__ */ jsxs28(Actions, { children: [
          /* @__PURE__ */ jsx38("a", { class: "button primary", href: `/funds/${c.id}#gifts`, children: t.back_to_campaign }),
          /* @__PURE__ */ jsx38("a", { href: importPath(c.id), children: t.another })
        ] })
      ]
    }
  );
}

// src/modules/funds/gift-import-preview.page.tsx
import { Fragment as Fragment11, jsx as jsx39, jsxs as jsxs29 } from "hono/jsx/jsx-runtime";
var SHOWN_ROWS = 20;
var SHOWN_LINES = 100;
function mappingToForm(mapping) {
  const values = {
    date_order: mapping.dateOrder,
    source: mapping.source,
    method: mapping.method
  };
  for (const field of GIFT_FIELDS) {
    const index = mapping.columns[field];
    values[`col_${field}`] = index === null ? "" : String(index);
  }
  return values;
}
function problemText(t, p, currency2) {
  switch (p.kind) {
    case "short_row":
      return t.p_short_row(t[`f_${p.field}`]);
    case "bad_amount":
      if (p.reason === "empty") return t.p_bad_amount_empty;
      if (p.reason === "not_positive") return t.p_bad_amount_not_positive(p.value);
      if (p.reason === "fractional_cent") return t.p_bad_amount_fractional(p.value);
      if (p.reason === "too_large") return t.p_bad_amount_too_large(p.value);
      return t.p_bad_amount(p.value);
    case "bad_date":
      return t.p_bad_date(p.value);
    case "wrong_currency":
      return t.p_wrong_currency(p.value, currency2);
    case "duplicate_id":
      return t.p_duplicate_id(p.value, String(p.firstLine));
    case "bad_id":
      return t.p_bad_id(p.value);
  }
}
function skipText(t, s) {
  if (s.kind === "status") return t.s_status(s.value);
  return s.kind === "already_imported" ? t.s_already_imported : t.s_summary_line;
}
function LineList(props) {
  const t = importText[props.lang];
  const shown = props.items.slice(0, SHOWN_LINES);
  return /* @__PURE__ */ jsxs29(Fragment11, { children: [
    /* @__PURE__ */ jsx39("ul", { class: "list", children: shown.map((item) => /* @__PURE__ */ jsxs29("li", { class: "list-item", children: [
      /* @__PURE__ */ jsx39("span", { class: "title", children: t.line(String(item.line)) }),
      /* @__PURE__ */ jsx39("span", { class: "meta", children: item.text })
    ] })) }),
    props.items.length > shown.length && /* @__PURE__ */ jsx39("p", { class: "muted", children: t.more_lines(formatNumber(props.items.length - shown.length, props.lang)) })
  ] });
}
function Notices(props) {
  const t = importText[props.lang];
  const { imp, preview } = props;
  const notes = [];
  if (imp.encoding === "windows-1252") notes.push(t.enc_windows_1252);
  if (imp.encoding === "utf-16le" || imp.encoding === "utf-16be") notes.push(t.enc_utf_16);
  return /* @__PURE__ */ jsxs29(Fragment11, { children: [
    notes.map((n) => /* @__PURE__ */ jsx39("div", { class: "alert alert-info", role: "status", children: n })),
    imp.lossy && /* @__PURE__ */ jsx39("div", { class: "alert alert-error", role: "alert", children: t.enc_lossy }),
    preview.missing.length > 0 && /* @__PURE__ */ jsx39("div", { class: "alert alert-error", role: "alert", children: t.missing_columns(preview.missing.map((f) => t[`f_${f}`]).join(", ")) })
  ] });
}
function outcomesOf(preview, status2) {
  return preview.outcomes.filter(
    (o) => o.status === status2
  );
}
function GiftImportPreviewPage(props) {
  const { lang, campaign: c, imp, preview } = props;
  const t = importText[lang];
  const ta = activityText[lang];
  const tz = props.auth.org.timeZone;
  const money2 = (n) => formatMoney(cents(n), c.currency, lang);
  const num = (n) => formatNumber(n, lang);
  const problems = outcomesOf(preview, "problem").flatMap(
    (o) => o.problems.map((p) => ({ line: o.line, text: problemText(t, p, c.currency) }))
  );
  const skipped = outcomesOf(preview, "skip").map((o) => ({
    line: o.line,
    text: skipText(t, o.skip)
  }));
  const repeats = outcomesOf(preview, "ok").flatMap(
    (o) => o.repeatOf === null ? [] : [{ line: o.line, text: t.n_repeat(String(o.repeatOf)) }]
  );
  const noIds = preview.missing.length === 0 && imp.mapping.columns.external_id === null;
  const example = preview.dayOrder.order === "dmy" ? t.date_order_dmy : t.date_order_mdy;
  const action = importPreviewPath(c.id, imp.id);
  const stats = [
    [num(imp.rows.length), t.stat_rows],
    [num(preview.toRecord.length), t.stat_to_record],
    [money2(preview.recordCents), t.stat_total],
    [num(preview.skipped), t.stat_skipped],
    [num(preview.problemRows), t.stat_problems]
  ];
  const columnOptions = [
    { value: "", label: t.not_in_file },
    ...imp.headers.map((header, index) => {
      const sample = imp.rows.find((r) => (r.cells[index] ?? "") !== "")?.cells[index];
      const label = header || `#${index + 1}`;
      return {
        value: String(index),
        label: sample ? t.column_example(label, sample.slice(0, 30)) : label
      };
    })
  ];
  return /* @__PURE__ */ jsxs29(
    Page,
    {
      title: t.preview_title,
      lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "funds",
      children: [
        /* @__PURE__ */ jsx39("div", { class: "page-head", children: /* @__PURE__ */ jsx39("h1", { children: t.preview_title }) }),
        /* @__PURE__ */ jsxs29("p", { class: "lede", children: [
          t.preview_lede(imp.fileName, c.title[lang]),
          " ",
          t.nothing_saved
        ] }),
        props.alert && /* @__PURE__ */ jsx39("div", { class: "alert alert-error", role: "alert", children: props.alert }),
        /* @__PURE__ */ jsx39(Notices, { lang, imp, preview }),
        /* @__PURE__ */ jsx39("div", { class: "stats", children: stats.map(([n, label]) => /* @__PURE__ */ jsxs29("div", { class: "stat", children: [
          /* @__PURE__ */ jsx39("div", { class: "n", children: n }),
          /* @__PURE__ */ jsx39("div", { class: "l", children: label })
        ] })) }),
        problems.length > 0 && /* @__PURE__ */ jsxs29("section", { class: "panel", id: "problems", "aria-labelledby": "problems-title", children: [
          /* @__PURE__ */ jsx39("h2", { class: "panel-title", id: "problems-title", children: t.problems_title }),
          /* @__PURE__ */ jsx39("p", { children: t.problems_lede }),
          /* @__PURE__ */ jsx39(LineList, { lang, items: problems })
        ] }),
        /* @__PURE__ */ jsxs29("section", { class: "panel", id: "rows", "aria-labelledby": "rows-title", children: [
          /* @__PURE__ */ jsx39("h2", { class: "panel-title", id: "rows-title", children: t.rows_title }),
          preview.toRecord.length === 0 ? /* @__PURE__ */ jsx39("p", { class: "empty", children: t.rows_none }) : /* @__PURE__ */ jsxs29(Fragment11, { children: [
            /* @__PURE__ */ jsx39("p", { class: "muted", children: t.rows_first(
              num(Math.min(SHOWN_ROWS, preview.toRecord.length)),
              num(preview.toRecord.length)
            ) }),
            /* @__PURE__ */ jsx39("ul", { class: "list", children: preview.toRecord.slice(0, SHOWN_ROWS).map((g) => /* @__PURE__ */ jsxs29("li", { class: "list-item", children: [
              /* @__PURE__ */ jsx39("span", { class: "title", children: money2(g.amountCents) }),
              /* @__PURE__ */ jsx39("span", { class: `badge ${g.anonymous ? "badge-muted" : ""}`, children: g.anonymous ? t.anonymous : t.shown_name }),
              /* @__PURE__ */ jsx39("span", { class: "meta", children: [
                t.line(String(g.line)),
                formatDateTime(g.receivedAt, lang, tz),
                g.donorName,
                g.idFromFile ? g.externalId : t.id_hash
              ].filter(Boolean).join(" \xB7 ") })
            ] })) })
          ] })
        ] }),
        skipped.length > 0 && /* @__PURE__ */ jsxs29("section", { class: "panel", id: "skipped", "aria-labelledby": "skipped-title", children: [
          /* @__PURE__ */ jsx39("h2", { class: "panel-title", id: "skipped-title", children: t.skipped_title }),
          /* @__PURE__ */ jsx39(LineList, { lang, items: skipped })
        ] }),
        (repeats.length > 0 || noIds || preview.dayOrder.guessed) && /* @__PURE__ */ jsxs29("section", { class: "panel", id: "notes", "aria-labelledby": "notes-title", children: [
          /* @__PURE__ */ jsx39("h2", { class: "panel-title", id: "notes-title", children: t.notes_title }),
          noIds && /* @__PURE__ */ jsx39("p", { children: t.n_no_ids }),
          preview.dayOrder.guessed && preview.missing.length === 0 && /* @__PURE__ */ jsx39("p", { children: t.n_dates_guessed(example) }),
          repeats.length > 0 && /* @__PURE__ */ jsx39(LineList, { lang, items: repeats })
        ] }),
        /* @__PURE__ */ jsxs29("section", { class: "panel", id: "mapping", "aria-labelledby": "mapping-title", children: [
          /* @__PURE__ */ jsx39("h2", { class: "panel-title", id: "mapping-title", children: t.mapping_title }),
          /* @__PURE__ */ jsx39("p", { children: t.mapping_lede }),
          /* @__PURE__ */ jsx39(FormAlert, { form: props.form, lang }),
          /* @__PURE__ */ jsxs29("form", { method: "post", action, novalidate: true, children: [
            /* @__PURE__ */ jsx39(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsxs29("div", { class: "grid-2", children: [
              GIFT_FIELDS.map((field) => /* @__PURE__ */ jsx39(
                Select,
                {
                  name: `col_${field}`,
                  label: t[`f_${field}`],
                  form: props.form,
                  lang,
                  options: columnOptions
                }
              )),
              /* @__PURE__ */ jsx39(
                Select,
                {
                  name: "date_order",
                  label: t.date_order,
                  form: props.form,
                  lang,
                  options: DATE_ORDERS.map((o) => ({ value: o, label: t[`date_order_${o}`] }))
                }
              ),
              /* @__PURE__ */ jsx39(
                Select,
                {
                  name: "method",
                  label: t.method,
                  form: props.form,
                  lang,
                  options: GIFT_METHODS.map((m) => ({ value: m, label: ta[`method_${m}`] }))
                }
              )
            ] }),
            /* @__PURE__ */ jsx39(
              Field,
              {
                name: "source",
                label: t.source,
                hint: t.source_hint,
                form: props.form,
                lang,
                required: true,
                maxlength: 40,
                autocomplete: "off"
              }
            ),
            /* @__PURE__ */ jsx39(Actions, { children: /* @__PURE__ */ jsx39("button", { type: "submit", class: "secondary", children: t.mapping_submit }) })
          ] })
        ] }),
        /* @__PURE__ */ jsxs29("section", { class: "panel", "aria-label": t.preview_title, children: [
          preview.committable && preview.toRecord.length > 0 ? /* @__PURE__ */ jsxs29("form", { method: "post", action: `${action}/commit`, children: [
            /* @__PURE__ */ jsx39(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsx39("input", { type: "hidden", name: "digest", value: props.digest }),
            /* @__PURE__ */ jsx39("p", { class: "hint", children: t.commit_hint }),
            /* @__PURE__ */ jsx39(Actions, { children: /* @__PURE__ */ jsx39("button", { type: "submit", class: "primary", children: preview.toRecord.length === 1 ? t.commit_submit_one(money2(preview.recordCents)) : t.commit_submit(num(preview.toRecord.length), money2(preview.recordCents)) }) })
          ] }) : !preview.committable && /* @__PURE__ */ jsx39("p", { children: t.cannot_commit }),
          /* @__PURE__ */ jsxs29("form", { method: "post", action: `${action}/discard`, children: [
            /* @__PURE__ */ jsx39(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsx39("button", { type: "submit", class: "secondary", children: t.discard })
          ] })
        ] })
      ]
    }
  );
}

// src/modules/funds/import-gifts.ts
import { and as and43, eq as eq50, sql as sql17 } from "drizzle-orm";

// src/modules/funds/gift-writer.ts
import { randomUUID as randomUUID11 } from "node:crypto";
var CHUNK2 = 500;
async function writeOutsideGifts(tx, actor, campaign, list) {
  const rows = [];
  const groups = [];
  for (const gift of list) {
    const problem = amountProblem(gift.amountCents, campaign.currency);
    if (problem) throw invalid({ amount: problem });
    const outcome = decide(emptyLedger(campaign.currency), {
      op: "record",
      id: randomUUID11(),
      movement: { kind: "donation", currency: campaign.currency, amount: cents(gift.amountCents) }
    });
    if (outcome.status !== "applied") {
      throw outcome.status === "refused" ? refusal(outcome.error) : new AppError("conflict");
    }
    groups.push({ group: outcome.group, occurredAt: gift.receivedAt, memo: gift.memo });
    rows.push({
      id: randomUUID11(),
      orgId: actor.orgId,
      campaignId: campaign.id,
      groupId: outcome.group.id,
      amountCents: cents(gift.amountCents),
      currency: campaign.currency,
      method: gift.method,
      receivedAt: gift.receivedAt,
      donorName: gift.donorName,
      anonymous: gift.anonymous,
      source: gift.source,
      externalId: gift.externalId,
      eventNote: null,
      receivedByUserId: null
    });
  }
  if (groups.length === 1 && groups[0]) {
    const { group, occurredAt, memo } = groups[0];
    await writeGroup(tx, actor, campaign.id, group, { occurredAt, memo });
  } else {
    await writeGroups(tx, actor, campaign.id, groups);
  }
  for (let start = 0; start < rows.length; start += CHUNK2) {
    await tx.insert(gifts).values(rows.slice(start, start + CHUNK2));
  }
  return rows.map((r) => r.id);
}
async function writeGroups(tx, actor, campaignId, list) {
  for (let start = 0; start < list.length; start += CHUNK2) {
    const chunk = list.slice(start, start + CHUNK2);
    await tx.insert(ledgerGroups).values(
      chunk.map(({ group, occurredAt, memo }) => ({
        id: group.id,
        orgId: actor.orgId,
        campaignId,
        kind: group.movement.kind,
        reversesGroupId: group.reverses ?? null,
        bondId: bondIdOf(group.movement),
        idempotencyKey: group.idempotencyKey ?? null,
        createdBy: actor.userId,
        occurredAt,
        memo
      }))
    );
    await tx.insert(ledgerEntries).values(
      chunk.flatMap(
        ({ group }) => group.entries.map((e) => ({
          orgId: actor.orgId,
          groupId: group.id,
          campaignId,
          account: e.account,
          amountCents: e.amount
        }))
      )
    );
  }
}

// src/modules/funds/import-gifts.ts
async function importGifts(deps, actor, input) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await commitOnce(deps, actor, input);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
async function commitOnce(deps, actor, input) {
  const result = await deps.db.transaction(async (tx) => {
    const [imp] = await tx.select().from(giftImports).where(
      and43(
        eq50(giftImports.orgId, actor.orgId),
        eq50(giftImports.campaignId, input.campaignId),
        eq50(giftImports.id, input.importId)
      )
    ).for("update");
    if (!imp) throw notFound();
    if (imp.status === "committed") {
      return { ...imp.result ?? { recorded: 0, recordedCents: 0, skipped: 0 }, replayed: true };
    }
    if (mappingDigest(imp.mapping) !== input.mappingDigest) throw new AppError("preview_changed");
    const campaign = await lockCampaign(tx, actor.orgId, input.campaignId, "key share");
    if (!campaign) throw notFound();
    const preview = await computePreview(tx, actor.orgId, imp, campaign, input.timeZone);
    if (!preview.committable) throw new AppError("import_has_problems");
    const source = importSource(imp.mapping);
    await writeOutsideGifts(
      tx,
      actor,
      campaign,
      preview.toRecord.map((g) => ({
        amountCents: g.amountCents,
        receivedAt: g.receivedAt,
        donorName: g.donorName,
        anonymous: g.anonymous,
        method: imp.mapping.method,
        source,
        externalId: g.externalId,
        memo: `${source} #${g.line}`
      }))
    );
    const outcome = {
      recorded: preview.toRecord.length,
      recordedCents: preview.recordCents,
      skipped: preview.skipped
    };
    await tx.update(giftImports).set({ status: "committed", committedAt: sql17`now()`, result: outcome, rows: [] }).where(and43(eq50(giftImports.orgId, actor.orgId), eq50(giftImports.id, imp.id)));
    await audit(
      tx,
      actor,
      "gifts.imported",
      { type: "gift_import", id: imp.id },
      { campaign_id: campaign.id, source, recorded: outcome.recorded, skipped: outcome.skipped }
    );
    return { ...outcome, replayed: false };
  });
  if (!result.replayed && result.recorded > 0) {
    campaignChanged({ orgId: actor.orgId, campaignId: input.campaignId });
  }
  return result;
}

// src/modules/funds/update-gift-import-mapping.ts
import { and as and44, eq as eq51 } from "drizzle-orm";
async function updateGiftImportMapping(deps, actor, input) {
  await deps.db.transaction(async (tx) => {
    const imp = await getGiftImport(tx, actor.orgId, input.campaignId, input.importId);
    if (!imp) throw notFound();
    if (imp.status !== "previewed") throw new AppError("wrong_status");
    const { mapping } = input;
    for (const field of GIFT_FIELDS) {
      const index = mapping.columns[field];
      if (index !== null && (!Number.isInteger(index) || index < 0 || index >= imp.headers.length)) {
        throw invalid({ [`col_${field}`]: "invalid_choice" });
      }
    }
    if (!SOURCE_LABEL.test(mapping.source)) throw invalid({ source: "invalid_slug" });
    await tx.update(giftImports).set({ mapping }).where(and44(eq51(giftImports.orgId, actor.orgId), eq51(giftImports.id, imp.id)));
    await audit(tx, actor, "gift_import.mapped", { type: "gift_import", id: imp.id });
  });
}

// src/modules/funds/upload-gift-import.ts
import { and as and45, eq as eq52, lt as lt2, sql as sql18 } from "drizzle-orm";
var PREVIEW_DAYS = 7;
function cleanFileName(name) {
  const base2 = name.split(/[\\/]/).pop() ?? "";
  const printable = [...base2].filter((ch) => ch >= " " && ch !== "\x7F").join("");
  return printable.trim().slice(0, 200) || "import.csv";
}
async function uploadGiftImport(deps, actor, input) {
  const campaign = await getCampaign(deps.db, actor.orgId, input.campaignId);
  if (!campaign) throw notFound();
  const decoded = decodeCsv(input.bytes);
  const csv = parseCsv(decoded.text);
  const fileName = cleanFileName(input.fileName);
  return deps.db.transaction(async (tx) => {
    await tx.delete(giftImports).where(
      and45(
        eq52(giftImports.orgId, actor.orgId),
        eq52(giftImports.status, "previewed"),
        lt2(giftImports.createdAt, sql18`now() - make_interval(days => ${PREVIEW_DAYS})`)
      )
    );
    const [row] = await tx.insert(giftImports).values({
      orgId: actor.orgId,
      campaignId: campaign.id,
      createdBy: actor.userId,
      fileName,
      encoding: decoded.encoding,
      lossy: decoded.lossy,
      headers: csv.headers,
      rows: csv.rows,
      mapping: guessMapping(csv.headers, fileName)
    }).returning({ id: giftImports.id });
    if (!row) throw new Error("insert returned nothing");
    await audit(
      tx,
      actor,
      "gift_import.uploaded",
      { type: "gift_import", id: row.id },
      { campaign_id: campaign.id, rows: csv.rows.length, encoding: decoded.encoding }
    );
    return { id: row.id };
  });
}

// src/modules/funds/funds-import.routes.tsx
import { jsx as jsx40 } from "hono/jsx/jsx-runtime";
var fundsImportRoutes = new Hono14();
var isGiftUpload = (path) => /^\/funds\/[^/]+\/import$/.test(path);
var giftUploadBodyLimit = bodyLimit({
  // The multipart envelope around the file needs a little room of its own.
  maxSize: MAX_UPLOAD_BYTES + 64 * 1024,
  onError: () => {
    throw new AppError("file_too_large");
  }
});
var column2 = z17.union([
  z17.literal("").transform(() => null),
  z17.string().regex(/^\d{1,4}$/, "invalid_choice").transform(Number)
]).default(null);
var MappingFormSchema = z17.object({
  ...Object.fromEntries(GIFT_FIELDS.map((f) => [`col_${f}`, column2])),
  date_order: z17.enum(DATE_ORDERS, "invalid_choice"),
  method: z17.custom((v) => GIFT_METHODS.includes(v), "invalid_choice"),
  source: z17.string("required").trim().toLowerCase().regex(SOURCE_LABEL, "invalid_slug")
});
function formToMapping(data) {
  const columns2 = Object.fromEntries(GIFT_FIELDS.map((f) => [f, data[`col_${f}`]]));
  return { columns: columns2, dateOrder: data.date_order, method: data.method, source: data.source };
}
var view5 = (c) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c)
});
async function requireCampaign2(c) {
  const auth = requireAuth(c);
  requirePermission(auth.role, "funds.import");
  const campaign = await getCampaign(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!campaign) throw notFound();
  return { auth, campaign };
}
async function requireImport(c) {
  const { auth, campaign } = await requireCampaign2(c);
  const imp = await getGiftImport(
    c.get("deps").db,
    auth.org.id,
    campaign.id,
    requireUuidParam(c, "importId")
  );
  if (!imp) throw notFound();
  return { auth, campaign, imp };
}
async function showPreview(c, { auth, campaign, imp }, failed = {}) {
  const preview = await computePreview(
    c.get("deps").db,
    auth.org.id,
    imp,
    campaign,
    auth.org.timeZone
  );
  return render(
    c,
    /* @__PURE__ */ jsx40(
      GiftImportPreviewPage,
      {
        ...view5(c),
        campaign,
        imp,
        preview,
        digest: mappingDigest(imp.mapping),
        form: failed.form ?? emptyForm(mappingToForm(imp.mapping)),
        alert: failed.alert
      }
    ),
    failed.status ?? 200
  );
}
async function showDone(c, { auth, campaign, imp }, replayed) {
  const totals = await getCampaignTotals(c.get("deps").db, auth.org.id, campaign.id);
  if (!totals || !imp.result) throw notFound();
  return render(
    c,
    /* @__PURE__ */ jsx40(
      ImportDonePage,
      {
        ...view5(c),
        campaign,
        result: imp.result,
        replayed,
        totals
      }
    )
  );
}
fundsImportRoutes.get("/funds/:id/import", async (c) => {
  const { campaign } = await requireCampaign2(c);
  const notice5 = c.req.query("done") === "discarded" ? importText[c.get("lang")].discarded : void 0;
  return render(c, /* @__PURE__ */ jsx40(UploadPage, { ...view5(c), campaign, notice: notice5 }));
});
fundsImportRoutes.post("/funds/:id/import", async (c) => {
  const { auth, campaign } = await requireCampaign2(c);
  const t = importText[c.get("lang")];
  const again2 = (alert) => render(c, /* @__PURE__ */ jsx40(UploadPage, { ...view5(c), campaign, alert }), 422);
  const body = await c.req.parseBody();
  const file = body.file;
  if (!(file instanceof File) || file.size === 0 && file.name === "") return again2(t.no_file);
  if (file.size > MAX_UPLOAD_BYTES) throw new AppError("file_too_large");
  try {
    const { id } = await uploadGiftImport(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer())
    });
    return c.redirect(importPreviewPath(campaign.id, id), 303);
  } catch (error) {
    if (!(error instanceof CsvFileError)) throw error;
    if (error.problem === "too_many_rows") {
      return again2(t.file_too_many_rows(formatNumber(MAX_IMPORT_ROWS, c.get("lang"))));
    }
    return again2(t[`file_${error.problem}`]);
  }
});
fundsImportRoutes.get("/funds/:id/imports/:importId", async (c) => {
  const loaded = await requireImport(c);
  if (loaded.imp.status === "committed") return showDone(c, loaded, c.req.query("again") === "1");
  return showPreview(c, loaded);
});
fundsImportRoutes.post("/funds/:id/imports/:importId", async (c) => {
  const loaded = await requireImport(c);
  const { auth, campaign, imp } = loaded;
  const values = await readForm(c);
  const parsed = parseWith(MappingFormSchema, values);
  const again2 = (errors) => showPreview(c, loaded, { form: { values, errors }, status: 422 });
  if (!parsed.ok) return again2(parsed.errors);
  try {
    await updateGiftImportMapping(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      importId: imp.id,
      mapping: formToMapping(parsed.data)
    });
  } catch (error) {
    if (error instanceof AppError && error.fields) return again2(error.fields);
    throw error;
  }
  return c.redirect(`${importPreviewPath(campaign.id, imp.id)}#rows`, 303);
});
fundsImportRoutes.post("/funds/:id/imports/:importId/commit", async (c) => {
  const loaded = await requireImport(c);
  const { auth, campaign, imp } = loaded;
  const values = await readForm(c);
  try {
    const result = await importGifts(c.get("deps"), auth.actor, {
      campaignId: campaign.id,
      importId: imp.id,
      mappingDigest: values.digest ?? "",
      timeZone: auth.org.timeZone
    });
    const done2 = importPreviewPath(campaign.id, imp.id);
    return c.redirect(result.replayed ? `${done2}?again=1` : done2, 303);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code !== "import_has_problems" && error.code !== "preview_changed") throw error;
    const alert = common[c.get("lang")][`error_${error.code}`];
    const fresh = await getGiftImport(c.get("deps").db, auth.org.id, campaign.id, imp.id);
    if (!fresh) throw notFound();
    return showPreview(c, { ...loaded, imp: fresh }, { alert, status: error.status });
  }
});
fundsImportRoutes.post("/funds/:id/imports/:importId/discard", async (c) => {
  const { auth, campaign, imp } = await requireImport(c);
  await discardGiftImport(c.get("deps"), auth.actor, { campaignId: campaign.id, importId: imp.id });
  return c.redirect(`${importPath(campaign.id)}?done=discarded`, 303);
});

// src/modules/funds/stripe.routes.tsx
import { Hono as Hono15 } from "hono";
import { getCookie as getCookie4 } from "hono/cookie";
import { createMiddleware as createMiddleware3 } from "hono/factory";

// src/modules/funds/give.messages.ts
var giveText = defineMessages("funds-give", {
  es: {
    title: "Donar en l\xEDnea",
    heading: (campaign) => `Donar en l\xEDnea a \xAB${campaign}\xBB`,
    how: "Elija cu\xE1nto quiere donar. Le llevaremos a Stripe, un servicio de pagos, para pagar con tarjeta: Amparo no ve ni guarda los datos de su tarjeta.",
    private: "Su nombre no aparece en la p\xE1gina de la campa\xF1a.",
    amount: (currency2) => `Cantidad (${currency2})`,
    limits: (min, max) => `Entre ${min} y ${max}.`,
    submit: "Continuar al pago seguro",
    leaving: "Al continuar saldr\xE1 de este sitio hacia checkout.stripe.com.",
    back: "Volver a la campa\xF1a",
    cancelled: "Se cancel\xF3 el pago. No se le cobr\xF3 nada.",
    closed: "Esta campa\xF1a ya no recibe donativos. Gracias por su inter\xE9s.",
    unavailable: "No pudimos abrir la p\xE1gina de pago en este momento. No se le cobr\xF3 nada. Int\xE9ntelo otra vez en unos minutos.",
    e_required: "Escriba cu\xE1nto quiere donar.",
    e_not_a_number: "Escriba solo la cantidad en n\xFAmeros, por ejemplo 25 o 25.50.",
    e_fractional: "Use como m\xE1ximo dos decimales, por ejemplo 25.50.",
    e_too_small: (min) => `La cantidad m\xEDnima es ${min}.`,
    e_too_large: (max) => `La cantidad m\xE1xima en l\xEDnea es ${max}. Para un donativo mayor, comun\xEDquese con la organizaci\xF3n.`,
    thanks_title: "\xA1Gracias por su donativo!",
    thanks_body: "Su pago se proces\xF3 en Stripe. El donativo aparecer\xE1 en la p\xE1gina de la campa\xF1a en unos momentos."
  },
  en: {
    title: "Give online",
    heading: (campaign) => `Give online to \u201C${campaign}\u201D`,
    how: "Choose how much you'd like to give. We'll take you to Stripe, a payment service, to pay by card: Amparo never sees or keeps your card details.",
    private: "Your name is not shown on the campaign page.",
    amount: (currency2) => `Amount (${currency2})`,
    limits: (min, max) => `Between ${min} and ${max}.`,
    submit: "Continue to secure payment",
    leaving: "Continuing takes you from this site to checkout.stripe.com.",
    back: "Back to the campaign",
    cancelled: "The payment was cancelled. You were not charged.",
    closed: "This campaign no longer takes gifts. Thank you for your interest.",
    unavailable: "We couldn't open the payment page right now. You were not charged. Please try again in a few minutes.",
    e_required: "Enter how much you'd like to give.",
    e_not_a_number: "Enter just the amount in numbers, for example 25 or 25.50.",
    e_fractional: "Use at most two decimals, for example 25.50.",
    e_too_small: (min) => `The smallest amount is ${min}.`,
    e_too_large: (max) => `The largest amount online is ${max}. For a larger gift, please contact the organization.`,
    thanks_title: "Thank you for your gift!",
    thanks_body: "Your payment went through on Stripe. The gift will show on the campaign page in a few moments."
  }
});

// src/modules/funds/online-giving.ts
var GIVE_LIMITS = {
  USD: { min: 1, max: 1e4 },
  EUR: { min: 1, max: 1e4 },
  MXN: { min: 20, max: 2e5 },
  JPY: { min: 100, max: 15e5 }
};
function giveLimitsCents(currency2) {
  const unit = 10 ** CURRENCY_DECIMALS[currency2];
  const limits = GIVE_LIMITS[currency2];
  return { min: cents(limits.min * unit), max: cents(limits.max * unit) };
}
function readGiveAmount(text10, currency2) {
  const parsed = parseAmount(text10 ?? "", currency2);
  const limits = giveLimitsCents(currency2);
  if (!parsed.ok) {
    if (parsed.reason === "empty") return { ok: false, problem: "required" };
    if (parsed.reason === "fractional_cent") return { ok: false, problem: "fractional" };
    if (parsed.reason === "not_positive") return { ok: false, problem: "too_small" };
    if (parsed.reason === "too_large") return { ok: false, problem: "too_large" };
    return { ok: false, problem: "not_a_number" };
  }
  if (parsed.cents < limits.min) return { ok: false, problem: "too_small" };
  if (parsed.cents > limits.max) return { ok: false, problem: "too_large" };
  return { ok: true, cents: parsed.cents };
}
function checkoutParams(req) {
  const metadata = { org_id: req.orgId, campaign_id: req.campaign.id };
  return {
    mode: "payment",
    submit_type: "donate",
    locale: req.lang,
    client_reference_id: req.campaign.id,
    line_items: [
      {
        quantity: 1,
        price_data: {
          currency: req.campaign.currency.toLowerCase(),
          unit_amount: req.amount,
          product_data: { name: req.campaign.title[req.lang] }
        }
      }
    ],
    metadata,
    payment_intent_data: { metadata },
    success_url: req.successUrl,
    cancel_url: req.cancelUrl
  };
}
var GIFT_EVENTS = [
  "checkout.session.completed",
  "checkout.session.async_payment_succeeded"
];
var UUID5 = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
function readStripeEvent(event) {
  if (!GIFT_EVENTS.includes(event.type)) return { kind: "ignore" };
  const session2 = event.data.object;
  if (session2.object !== "checkout.session" || session2.payment_status !== "paid") {
    return { kind: "ignore" };
  }
  const orgId = session2.metadata?.org_id;
  const campaignId = session2.metadata?.campaign_id;
  if (!orgId && !campaignId) return { kind: "ignore" };
  const currency2 = (session2.currency ?? "").toUpperCase();
  const amount = session2.amount_total;
  if (!orgId || !campaignId || !UUID5.test(orgId) || !UUID5.test(campaignId) || !isCurrency(currency2) || typeof amount !== "number" || !Number.isSafeInteger(amount) || amount <= 0) {
    return { kind: "invalid" };
  }
  const intent = session2.payment_intent;
  const externalId = (typeof intent === "string" ? intent : intent?.id) ?? session2.id;
  return {
    kind: "gift",
    gift: {
      orgId: orgId.toLowerCase(),
      campaignId: campaignId.toLowerCase(),
      amountCents: cents(amount),
      currency: currency2,
      externalId,
      receivedAt: new Date(event.created * 1e3)
    }
  };
}

// src/modules/funds/give.page.tsx
import { Fragment as Fragment12, jsx as jsx41, jsxs as jsxs30 } from "hono/jsx/jsx-runtime";
function GivePage(props) {
  const { lang, campaign } = props;
  const t = giveText[lang];
  const title2 = campaign.title[lang];
  const limits = giveLimitsCents(campaign.currency);
  const money2 = (n) => formatMoney(n, campaign.currency, lang);
  return /* @__PURE__ */ jsxs30(
    PublicLayout,
    {
      lang,
      title: t.title,
      description: t.heading(title2),
      orgName: props.org.name,
      url: `${props.campaignUrl}/give`,
      children: [
        /* @__PURE__ */ jsx41("h1", { children: t.heading(title2) }),
        props.notice && /* @__PURE__ */ jsx41("p", { class: "pub-note", role: "status", children: props.notice }),
        campaign.open ? /* @__PURE__ */ jsxs30(Fragment12, { children: [
          /* @__PURE__ */ jsx41("p", { children: t.how }),
          /* @__PURE__ */ jsx41("p", { class: "pub-muted", children: t.private }),
          /* @__PURE__ */ jsxs30("form", { method: "post", action: props.action, class: "pub-give-form", novalidate: true, children: [
            /* @__PURE__ */ jsx41("input", { type: "hidden", name: "lang", value: lang }),
            /* @__PURE__ */ jsxs30("div", { class: `pub-field ${props.error ? "pub-has-error" : ""}`, children: [
              /* @__PURE__ */ jsx41("label", { for: "give-amount", children: t.amount(campaign.currency) }),
              /* @__PURE__ */ jsx41("p", { class: "pub-muted", id: "give-amount-hint", children: t.limits(money2(limits.min), money2(limits.max)) }),
              props.error && /* @__PURE__ */ jsx41("p", { class: "pub-error", id: "give-amount-error", role: "alert", children: props.error }),
              /* @__PURE__ */ jsx41(
                "input",
                {
                  id: "give-amount",
                  name: "amount",
                  type: "text",
                  inputmode: "decimal",
                  autocomplete: "off",
                  required: true,
                  maxlength: 20,
                  value: props.amount ?? "",
                  "aria-invalid": props.error ? "true" : void 0,
                  "aria-describedby": props.error ? "give-amount-hint give-amount-error" : "give-amount-hint"
                }
              )
            ] }),
            /* @__PURE__ */ jsx41("p", { children: /* @__PURE__ */ jsx41("button", { type: "submit", class: "pub-button", children: t.submit }) }),
            /* @__PURE__ */ jsx41("p", { class: "pub-muted", children: t.leaving })
          ] })
        ] }) : /* @__PURE__ */ jsx41("p", { children: t.closed }),
        /* @__PURE__ */ jsx41("p", { children: /* @__PURE__ */ jsx41("a", { href: `${props.campaignUrl}?lang=${lang}`, children: t.back }) })
      ]
    }
  );
}
function ThanksPage(props) {
  const t = giveText[props.lang];
  return /* @__PURE__ */ jsxs30(
    PublicLayout,
    {
      lang: props.lang,
      title: t.thanks_title,
      description: t.thanks_title,
      orgName: props.org.name,
      url: `${props.campaignUrl}/give/thanks`,
      children: [
        /* @__PURE__ */ jsx41("h1", { children: t.thanks_title }),
        /* @__PURE__ */ jsx41("p", { children: t.thanks_body }),
        /* @__PURE__ */ jsx41("p", { children: /* @__PURE__ */ jsx41("a", { class: "pub-button", href: `${props.campaignUrl}?lang=${props.lang}`, children: t.back }) })
      ]
    }
  );
}

// src/modules/funds/record-stripe-gift.ts
import { eq as eq53 } from "drizzle-orm";
var STRIPE_SOURCE = "stripe";
async function recordStripeGift(deps, actor, input) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await recordOnce(deps, actor, input);
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= 3) throw error;
    }
  }
}
async function recordOnce(deps, actor, input) {
  const { gift } = input;
  const result = await deps.db.transaction(async (tx) => {
    const campaign = await lockCampaign(tx, actor.orgId, gift.campaignId, "key share");
    if (!campaign) throw notFound();
    const [event] = await tx.insert(stripeEvents).values({ orgId: actor.orgId, eventId: input.eventId, type: input.eventType }).onConflictDoNothing({ target: stripeEvents.eventId }).returning({ id: stripeEvents.id });
    if (!event) {
      const [seen] = await tx.select({ giftId: stripeEvents.giftId, orgId: stripeEvents.orgId }).from(stripeEvents).where(eq53(stripeEvents.eventId, input.eventId));
      if (!seen || seen.orgId !== actor.orgId) throw notFound();
      return { status: "replayed", giftId: seen.giftId };
    }
    if (gift.currency !== campaign.currency) throw invalid({ currency: "currency_mismatch" });
    const keys = { idempotencyKey: null, source: STRIPE_SOURCE, externalId: gift.externalId };
    const existing = await findExistingGift(tx, actor.orgId, keys);
    let giftId;
    let status2;
    if (existing) {
      giftId = existing.id;
      status2 = "existing";
    } else {
      const [id] = await writeOutsideGifts(tx, actor, campaign, [
        {
          amountCents: gift.amountCents,
          receivedAt: gift.receivedAt,
          donorName: null,
          anonymous: true,
          method: "card",
          source: STRIPE_SOURCE,
          externalId: gift.externalId,
          memo: null
        }
      ]);
      if (!id) throw new Error("gift not written");
      giftId = id;
      status2 = "recorded";
      await audit(
        tx,
        actor,
        "gift.recorded",
        { type: "gift", id: giftId },
        { campaign_id: campaign.id, method: "card", source: STRIPE_SOURCE }
      );
    }
    await tx.update(stripeEvents).set({ giftId }).where(eq53(stripeEvents.id, event.id));
    return { status: status2, giftId };
  });
  if (result.status === "recorded") {
    campaignChanged({ orgId: actor.orgId, campaignId: gift.campaignId });
  }
  return result;
}

// src/modules/funds/stripe-config.ts
import Stripe from "stripe";
function stripeConfigured(config) {
  return Boolean(config.stripeSecretKey && config.stripeWebhookSecret);
}
var clients = /* @__PURE__ */ new WeakMap();
function stripeFor(config) {
  if (!config.stripeSecretKey || !stripeConfigured(config)) return null;
  let client = clients.get(config);
  if (!client) {
    client = new Stripe(config.stripeSecretKey, {
      maxNetworkRetries: 2,
      timeout: 15e3,
      telemetry: false
    });
    clients.set(config, client);
  }
  return client;
}

// src/modules/funds/stripe.routes.tsx
import { jsx as jsx42 } from "hono/jsx/jsx-runtime";
var giveRoutes = new Hono15();
var stripeWebhookRoutes = new Hono15();
var GIVE = "/p/:org/c/:slug/give";
var GIVE_PATH = /^\/p\/[^/]+\/c\/[^/]+\/give$/;
var CHECKOUT_ORIGIN = "https://checkout.stripe.com";
var checkoutFormAction = createMiddleware3(async (c, next) => {
  await next();
  if (!GIVE_PATH.test(c.req.path) || !stripeFor(c.get("config"))) return;
  const csp = c.res.headers.get("Content-Security-Policy");
  if (csp) {
    c.res.headers.set(
      "Content-Security-Policy",
      csp.replace("form-action 'self'", `form-action 'self' ${CHECKOUT_ORIGIN}`)
    );
  }
});
async function requireGive(c) {
  const stripe = stripeFor(c.get("config"));
  if (!stripe) throw notFound();
  const data = await loadPublicCampaign(
    c.get("deps").db,
    c.req.param("org") ?? "",
    c.req.param("slug") ?? ""
  );
  if (!data) throw notFound();
  return { stripe, data };
}
function langOf2(c, data, chosen) {
  return publicLang({
    query: chosen ?? c.req.query("lang"),
    cookie: getCookie4(c, LANG_COOKIE),
    acceptLanguage: c.req.header("accept-language")
  }).lang ?? data.org.defaultLanguage;
}
function baseUrl2(c) {
  const configured = c.get("config").publicUrl;
  if (configured) return configured;
  const url = new URL(c.req.url);
  const forwarded = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim();
  return `${forwarded === "https" ? "https:" : url.protocol}//${url.host}`;
}
var campaignUrl = (c, data) => `${baseUrl2(c)}/p/${data.org.slug}/c/${data.campaign.slug}`;
function pageProps(c, data, lang) {
  return {
    lang,
    org: data.org,
    campaign: data.campaign,
    campaignUrl: campaignUrl(c, data),
    action: `/p/${data.org.slug}/c/${data.campaign.slug}/give`
  };
}
giveRoutes.get(GIVE, async (c) => {
  const { data } = await requireGive(c);
  const lang = langOf2(c, data);
  const notice5 = c.req.query("cancelled") === "1" ? giveText[lang].cancelled : void 0;
  return render(c, /* @__PURE__ */ jsx42(GivePage, { ...pageProps(c, data, lang), notice: notice5 }));
});
giveRoutes.post(GIVE, async (c) => {
  const origin = c.req.header("origin");
  const own = [new URL(baseUrl2(c)).origin, new URL(c.req.url).origin];
  if (origin && origin !== "null" && !own.includes(origin)) throw new AppError("csrf_failed");
  const { stripe, data } = await requireGive(c);
  const body = await c.req.parseBody();
  const text10 = (name) => typeof body[name] === "string" ? body[name] : "";
  const lang = langOf2(c, data, text10("lang"));
  const t = giveText[lang];
  const props = pageProps(c, data, lang);
  const amountText2 = text10("amount").slice(0, 20);
  if (!data.campaign.open) return render(c, /* @__PURE__ */ jsx42(GivePage, { ...props }), 409);
  const amount = readGiveAmount(amountText2, data.campaign.currency);
  if (!amount.ok) {
    const limits = giveLimitsCents(data.campaign.currency);
    const money2 = (n) => formatMoney(n, data.campaign.currency, lang);
    const error = amount.problem === "too_small" ? t.e_too_small(money2(limits.min)) : amount.problem === "too_large" ? t.e_too_large(money2(limits.max)) : t[`e_${amount.problem}`];
    return render(c, /* @__PURE__ */ jsx42(GivePage, { ...props, amount: amountText2, error }), 422);
  }
  let url = null;
  try {
    const session2 = await stripe.checkout.sessions.create(
      checkoutParams({
        orgId: data.org.id,
        campaign: data.campaign,
        amount: amount.cents,
        lang,
        successUrl: `${props.campaignUrl}/give/thanks?lang=${lang}`,
        cancelUrl: `${props.campaignUrl}/give?lang=${lang}&cancelled=1`
      })
    );
    url = session2.url;
  } catch (error) {
    console.warn(`[amparo] Stripe Checkout session not created: ${error.name}`);
  }
  if (!url?.startsWith(`${CHECKOUT_ORIGIN}/`)) {
    const page2 = await /* @__PURE__ */ jsx42(GivePage, { ...props, amount: amountText2, error: t.unavailable });
    return c.html(`<!DOCTYPE html>${page2}`, 503);
  }
  return c.redirect(url, 303);
});
giveRoutes.get(`${GIVE}/thanks`, async (c) => {
  const { data } = await requireGive(c);
  const props = pageProps(c, data, langOf2(c, data));
  return render(c, /* @__PURE__ */ jsx42(ThanksPage, { ...props }));
});
stripeWebhookRoutes.post("/api/stripe/webhook", async (c) => {
  const config = c.get("config");
  const stripe = stripeFor(config);
  if (!stripe || !config.stripeWebhookSecret) throw notFound();
  const signature = c.req.header("stripe-signature");
  if (!signature) throw new AppError("invalid_signature");
  const payload = Buffer.from(await c.req.arrayBuffer());
  let event;
  try {
    event = stripe.webhooks.constructEvent(payload, signature, config.stripeWebhookSecret);
  } catch {
    throw new AppError("invalid_signature");
  }
  const reading = readStripeEvent(event);
  if (reading.kind === "ignore") return c.json({ received: true, recorded: false });
  if (reading.kind === "invalid") throw notFound();
  const { gift } = reading;
  const result = await recordStripeGift(
    c.get("deps"),
    { orgId: gift.orgId, userId: null, role: "owner" },
    { eventId: event.id, eventType: event.type, gift }
  );
  return c.json({ received: true, recorded: result.status === "recorded", gift_id: result.giftId });
});

// src/modules/home/home.routes.tsx
import { Hono as Hono16 } from "hono";

// src/modules/funds/funds-home.tsx
import { jsx as jsx43, jsxs as jsxs31 } from "hono/jsx/jsx-runtime";
async function fundsNeedingAttention(db, auth) {
  if (!can(auth.role, "funds.read")) return [];
  return pendingDisbursements(db, auth.org.id, 8);
}
function FundsApprovalPanel(props) {
  const { lang } = props;
  if (props.items.length === 0) return null;
  const t = fundsText[lang];
  const a = activityText[lang];
  return /* @__PURE__ */ jsxs31(Panel, { title: t.home_title, children: [
    /* @__PURE__ */ jsx43("ul", { class: "list", children: props.items.map((d) => /* @__PURE__ */ jsxs31("li", { class: "list-item", children: [
      /* @__PURE__ */ jsx43("a", { class: "title", href: `/funds/${d.campaignId}#payments`, children: `${formatMoney(d.amountCents, d.currency, lang)} \xB7 ${d.payee}` }),
      /* @__PURE__ */ jsx43("span", { class: `badge status-${d.status}`, children: d.status === "requested" ? t.home_waiting_approval : t.home_waiting_payment }),
      /* @__PURE__ */ jsx43("span", { class: "meta", children: [
        d.campaignTitle[lang],
        a[`purpose_${d.purpose}`],
        formatDate(d.createdAt, lang, props.timeZone),
        d.requestedByName ? a.requested_by(d.requestedByName) : null
      ].filter(Boolean).join(" \xB7 ") })
    ] })) }),
    /* @__PURE__ */ jsx43("p", { children: /* @__PURE__ */ jsx43("a", { href: "/funds", children: `${t.title} \u2192` }) })
  ] });
}

// src/modules/home/home.messages.ts
var homeText = defineMessages("home", {
  es: {
    title: "Inicio",
    greeting: (name) => `Hola, ${name}`,
    lede: "Lo que necesita tu atenci\xF3n hoy.",
    people_total: "Personas",
    leaders: "L\xEDderes",
    core: "N\xFAcleo",
    new_this_month: "Nuevas en 30 d\xEDas",
    next_steps: "Pr\xF3ximos pasos",
    step_add_people: "Agrega a las primeras personas de tu grupo.",
    step_invite: "Invita a tu equipo para que no trabajes sola/o.",
    step_grow: "Nadie ha llegado a l\xEDder todav\xEDa: busca a qui\xE9n acompa\xF1ar.",
    all_set: "Todo en orden por ahora.",
    recent: "Agregadas recientemente",
    see_all: "Ver todas las personas",
    hearings_week: "Audiencias esta semana",
    hearings_week_none: "No hay audiencias programadas en los pr\xF3ximos 7 d\xEDas.",
    see_cases: "Ver los casos"
  },
  en: {
    title: "Home",
    greeting: (name) => `Hi, ${name}`,
    lede: "What needs your attention today.",
    people_total: "People",
    leaders: "Leaders",
    core: "Core",
    new_this_month: "New in 30 days",
    next_steps: "Next steps",
    step_add_people: "Add the first people in your group.",
    step_invite: "Invite your team so you don't work alone.",
    step_grow: "No one has grown into a leader yet: find someone to mentor.",
    all_set: "All in order for now.",
    recent: "Recently added",
    see_all: "See all people",
    hearings_week: "Hearings this week",
    hearings_week_none: "No hearings scheduled in the next 7 days.",
    see_cases: "See the cases"
  }
});

// src/modules/home/home-summary.ts
import { and as and46, desc as desc10, eq as eq54, sql as sql19 } from "drizzle-orm";
async function homeSummary(db, actor) {
  const [counts] = await db.select({
    total: sql19`count(*)`.mapWith(Number),
    leaders: sql19`count(*) FILTER (WHERE ${people.engagementLevel} = 'leader')`.mapWith(
      Number
    ),
    core: sql19`count(*) FILTER (WHERE ${people.engagementLevel} = 'core')`.mapWith(Number),
    newLast30: sql19`count(*) FILTER (WHERE ${people.createdAt} > now() - interval '30 days')`.mapWith(
      Number
    )
  }).from(people).where(eq54(people.orgId, actor.orgId));
  const [team] = await db.select({ n: sql19`count(*)`.mapWith(Number) }).from(memberships).where(and46(eq54(memberships.orgId, actor.orgId)));
  const recent = await db.select({ id: people.id, displayName: people.displayName, createdAt: people.createdAt }).from(people).where(eq54(people.orgId, actor.orgId)).orderBy(desc10(people.createdAt)).limit(5);
  return {
    total: counts?.total ?? 0,
    leaders: counts?.leaders ?? 0,
    core: counts?.core ?? 0,
    newLast30: counts?.newLast30 ?? 0,
    members: team?.n ?? 0,
    recent,
    hearingsThisWeek: can(actor.role, "cases.read") ? await upcomingHearings(db, actor.orgId, { days: 7 }) : []
  };
}

// src/modules/home/home.routes.tsx
import { jsx as jsx44, jsxs as jsxs32 } from "hono/jsx/jsx-runtime";
var homeRoutes = new Hono16();
homeRoutes.get("/", async (c) => {
  const auth = requireAuth(c);
  const lang = c.get("lang");
  const t = homeText[lang];
  const s = await homeSummary(c.get("deps").db, auth.actor);
  const payments = await fundsNeedingAttention(c.get("deps").db, auth);
  const steps = [
    s.total === 0 && can(auth.role, "people.write") && { href: "/people/new", text: t.step_add_people },
    s.members <= 1 && can(auth.role, "users.manage") && { href: "/users", text: t.step_invite },
    s.total > 0 && s.leaders === 0 && { href: "/people?level=core", text: t.step_grow }
  ].filter((x) => !!x);
  const stats = [
    [s.total, t.people_total, "/people"],
    [s.leaders, t.leaders, "/people?level=leader"],
    [s.core, t.core, "/people?level=core"],
    [s.newLast30, t.new_this_month, "/people"]
  ];
  return render(
    c,
    /* @__PURE__ */ jsxs32(Page, { title: t.title, lang, csrf: c.get("csrf"), path: "/", auth, section: "home", children: [
      /* @__PURE__ */ jsx44("h1", { children: t.greeting(auth.user.name) }),
      /* @__PURE__ */ jsx44("p", { class: "lede", children: t.lede }),
      /* @__PURE__ */ jsx44("div", { class: "stats", children: stats.map(([n, label, href]) => /* @__PURE__ */ jsxs32("a", { class: "stat", href, children: [
        /* @__PURE__ */ jsx44("div", { class: "n", children: formatNumber(n, lang) }),
        /* @__PURE__ */ jsx44("div", { class: "l", children: label })
      ] })) }),
      can(auth.role, "cases.read") && /* @__PURE__ */ jsxs32(Panel, { title: t.hearings_week, children: [
        s.hearingsThisWeek.length ? /* @__PURE__ */ jsx44(HearingList, { items: s.hearingsThisWeek, lang, timeZone: auth.org.timeZone }) : /* @__PURE__ */ jsx44("p", { class: "muted", children: t.hearings_week_none }),
        /* @__PURE__ */ jsx44("p", { children: /* @__PURE__ */ jsxs32("a", { href: "/cases", children: [
          t.see_cases,
          " \u2192"
        ] }) })
      ] }),
      /* @__PURE__ */ jsx44(FundsApprovalPanel, { items: payments, lang, timeZone: auth.org.timeZone }),
      /* @__PURE__ */ jsx44(Panel, { title: t.next_steps, children: steps.length ? /* @__PURE__ */ jsx44("ul", { class: "steps", children: steps.map((step) => /* @__PURE__ */ jsx44("li", { children: /* @__PURE__ */ jsx44("a", { href: step.href, children: step.text }) })) }) : /* @__PURE__ */ jsx44("p", { class: "muted", children: t.all_set }) }),
      s.recent.length > 0 && /* @__PURE__ */ jsxs32(Panel, { title: t.recent, children: [
        /* @__PURE__ */ jsx44("ul", { class: "list", children: s.recent.map((p) => /* @__PURE__ */ jsxs32("li", { class: "list-item", children: [
          /* @__PURE__ */ jsx44("a", { class: "title", href: `/people/${p.id}`, children: p.displayName }),
          /* @__PURE__ */ jsx44("span", { class: "meta", children: formatDate(p.createdAt, lang, auth.org.timeZone) })
        ] })) }),
        /* @__PURE__ */ jsx44("p", { children: /* @__PURE__ */ jsxs32("a", { href: "/people", children: [
          t.see_all,
          " \u2192"
        ] }) })
      ] })
    ] })
  );
});

// src/modules/people/people.api.ts
import { Hono as Hono17 } from "hono";
import { z as z20 } from "zod";

// src/modules/people/create-person.ts
import { randomUUID as randomUUID12 } from "node:crypto";
async function createPerson(deps, actor, input) {
  try {
    const id = randomUUID12();
    await deps.db.transaction(async (tx) => {
      await tx.insert(people).values({
        id,
        orgId: actor.orgId,
        displayName: input.displayName,
        givenName: input.givenName,
        familyName: input.familyName,
        phoneNumbers: input.phones,
        preferredLanguage: input.preferredLanguage,
        engagementLevel: input.engagementLevel,
        tags: input.tags,
        consentEmail: input.consentEmail,
        consentSms: input.consentSms,
        notes: input.notes,
        searchText: searchTextFor(input),
        sortName: sortNameFor(input.displayName),
        ...encryptSensitive(deps.cipher, id, input)
      });
      if (input.emails.length > 0) {
        await tx.insert(personEmails).values(
          input.emails.map((e, position) => ({
            orgId: actor.orgId,
            personId: id,
            address: e.address,
            addressLower: e.address.toLowerCase(),
            isPrimary: e.primary,
            position
          }))
        );
      }
      await audit(tx, actor, "person.created", { type: "person", id });
    });
    const person = await getPerson(deps.db, actor.orgId, id);
    if (!person) throw new Error("created person vanished");
    return person;
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ emails: "duplicate_email" });
    throw error;
  }
}

// src/modules/people/delete-person.ts
import { and as and47, eq as eq55 } from "drizzle-orm";
async function deletePerson(deps, actor, id) {
  await deps.db.transaction(async (tx) => {
    const deleted = await tx.delete(people).where(and47(eq55(people.orgId, actor.orgId), eq55(people.id, id))).returning({ id: people.id });
    if (deleted.length === 0) throw notFound();
    await audit(tx, actor, "person.deleted", { type: "person", id });
  });
}

// src/modules/people/people.api-schema.ts
import { z as z18 } from "zod";
var level = z18.enum(ENGAGEMENT_LEVELS, "invalid_choice");
var nullableText2 = z18.string("wrong_type").nullable();
var ApiPersonInputSchema = z18.strictObject({
  display_name: z18.string("required"),
  given_name: nullableText2.optional(),
  family_name: nullableText2.optional(),
  email_addresses: z18.array(
    z18.strictObject({
      address: z18.string("wrong_type"),
      primary: z18.boolean("wrong_type").optional()
    }),
    "wrong_type"
  ).optional(),
  phone_numbers: z18.array(
    z18.strictObject({
      number: z18.string("wrong_type"),
      primary: z18.boolean("wrong_type").optional()
    }),
    "wrong_type"
  ).optional(),
  preferred_language: z18.enum(["es", "en"], "invalid_choice").nullable().optional(),
  engagement_level: level.optional(),
  tags: z18.array(z18.string("wrong_type"), "wrong_type").optional(),
  consent: z18.strictObject(
    { email: z18.boolean("wrong_type").optional(), sms: z18.boolean("wrong_type").optional() },
    "wrong_type"
  ).optional(),
  notes: nullableText2.optional(),
  birthdate: nullableText2.optional().describe("YYYY-MM-DD; stored encrypted, never returned"),
  home_address: nullableText2.optional().describe("Stored encrypted, never returned")
});
var ApiPersonPatchSchema = ApiPersonInputSchema.partial();
var ApiPersonSchema = z18.object({
  id: z18.uuid(),
  display_name: z18.string(),
  given_name: z18.string().nullable(),
  family_name: z18.string().nullable(),
  email_addresses: z18.array(z18.object({ address: z18.string(), primary: z18.boolean() })),
  phone_numbers: z18.array(z18.object({ number: z18.string(), primary: z18.boolean() })),
  preferred_language: z18.enum(["es", "en"]).nullable(),
  engagement_level: level,
  tags: z18.array(z18.string()),
  consent: z18.object({ email: z18.boolean(), sms: z18.boolean() }),
  notes: z18.string().nullable(),
  has_birthdate: z18.boolean(),
  has_home_address: z18.boolean(),
  created_date: z18.iso.datetime(),
  modified_date: z18.iso.datetime()
});
var ApiPeopleListSchema = z18.object({
  people: z18.array(ApiPersonSchema),
  page: z18.number().int(),
  per_page: z18.number().int(),
  total_records: z18.number().int()
});
var ApiErrorSchema2 = z18.object({
  error: z18.object({
    code: z18.string(),
    message: z18.string(),
    fields: z18.record(z18.string(), z18.object({ code: z18.string(), message: z18.string() })).optional()
  })
});
function apiToFields(input) {
  const out = {};
  const set = (key2, value) => {
    if (value !== void 0) out[key2] = value;
  };
  set("displayName", input.display_name);
  set("givenName", input.given_name);
  set("familyName", input.family_name);
  set(
    "emails",
    input.email_addresses?.map((e) => ({ address: e.address, primary: e.primary ?? false }))
  );
  set(
    "phones",
    input.phone_numbers?.map((p) => ({ number: p.number, primary: p.primary ?? false }))
  );
  set("preferredLanguage", input.preferred_language);
  set("engagementLevel", input.engagement_level);
  set("tags", input.tags);
  set("consentEmail", input.consent?.email);
  set("consentSms", input.consent?.sms);
  set("notes", input.notes);
  set("birthdate", input.birthdate === null ? "" : input.birthdate);
  set("homeAddress", input.home_address);
  return out;
}
var API_NAMES3 = {
  displayName: "display_name",
  givenName: "given_name",
  familyName: "family_name",
  emails: "email_addresses",
  phones: "phone_numbers",
  preferredLanguage: "preferred_language",
  engagementLevel: "engagement_level",
  consentEmail: "consent.email",
  consentSms: "consent.sms",
  homeAddress: "home_address"
};
function fieldPathToApi2(path) {
  const [head = "", ...rest] = path.split(".");
  return [API_NAMES3[head] ?? head, ...rest].join(".");
}
function personToApi(p) {
  return {
    id: p.id,
    display_name: p.displayName,
    given_name: p.givenName,
    family_name: p.familyName,
    email_addresses: p.emails,
    phone_numbers: p.phones,
    preferred_language: p.preferredLanguage,
    engagement_level: p.engagementLevel,
    tags: p.tags,
    consent: { email: p.consentEmail, sms: p.consentSms },
    notes: p.notes,
    has_birthdate: p.hasBirthdate,
    has_home_address: p.hasHomeAddress,
    created_date: p.createdAt.toISOString(),
    modified_date: p.updatedAt.toISOString()
  };
}
function personToFields(p) {
  return {
    displayName: p.displayName,
    givenName: p.givenName,
    familyName: p.familyName,
    emails: p.emails,
    phones: p.phones,
    preferredLanguage: p.preferredLanguage,
    engagementLevel: p.engagementLevel,
    tags: p.tags,
    consentEmail: p.consentEmail,
    consentSms: p.consentSms,
    notes: p.notes
  };
}

// src/modules/people/people-query.ts
import { z as z19 } from "zod";
var text9 = (max) => z19.string().max(max).transform((v) => v.replaceAll("\0", "")).catch("").default("");
var QuerySchema3 = z19.object({
  q: text9(200),
  tag: text9(40),
  level: z19.enum(ENGAGEMENT_LEVELS).or(z19.literal("")).catch("").default(""),
  page: z19.coerce.number().int().min(1).max(1e5).catch(1).default(1),
  per_page: z19.coerce.number().int().min(1).max(100).catch(25).default(25)
});
function parsePeopleQuery(raw) {
  const v = QuerySchema3.parse(raw);
  return {
    q: v.q,
    tag: v.tag,
    levelText: v.level,
    ...v.level ? { level: v.level } : {},
    page: v.page,
    perPage: v.per_page
  };
}

// src/modules/people/update-person.ts
import { and as and48, eq as eq56 } from "drizzle-orm";
async function updatePerson(deps, actor, id, patch) {
  const current = await getPerson(deps.db, actor.orgId, id);
  if (!current) throw notFound();
  const next = { ...current, ...definedOnly(patch) };
  const changed = Object.keys(definedOnly(patch));
  try {
    await deps.db.transaction(async (tx) => {
      const sensitive = encryptSensitive(deps.cipher, id, {
        birthdate: patch.birthdate ?? null,
        homeAddress: patch.homeAddress ?? null
      });
      await tx.update(people).set({
        displayName: next.displayName,
        givenName: next.givenName,
        familyName: next.familyName,
        phoneNumbers: next.phones,
        preferredLanguage: next.preferredLanguage,
        engagementLevel: next.engagementLevel,
        tags: next.tags,
        consentEmail: next.consentEmail,
        consentSms: next.consentSms,
        notes: next.notes,
        searchText: searchTextFor(next),
        sortName: sortNameFor(next.displayName),
        updatedAt: /* @__PURE__ */ new Date(),
        ...patch.birthdate !== void 0 ? { birthdateEnc: sensitive.birthdateEnc } : {},
        ...patch.homeAddress !== void 0 ? { homeAddressEnc: sensitive.homeAddressEnc } : {}
      }).where(and48(eq56(people.orgId, actor.orgId), eq56(people.id, id)));
      if (patch.emails) {
        await tx.delete(personEmails).where(and48(eq56(personEmails.orgId, actor.orgId), eq56(personEmails.personId, id)));
        if (patch.emails.length > 0) {
          await tx.insert(personEmails).values(
            patch.emails.map((e, position) => ({
              orgId: actor.orgId,
              personId: id,
              address: e.address,
              addressLower: e.address.toLowerCase(),
              isPrimary: e.primary,
              position
            }))
          );
        }
      }
      await audit(tx, actor, "person.updated", { type: "person", id }, { fields: changed });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw invalid({ emails: "duplicate_email" });
    throw error;
  }
  const person = await getPerson(deps.db, actor.orgId, id);
  if (!person) throw notFound();
  return person;
}
function definedOnly(patch) {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== void 0));
}
async function readSensitive(deps, actor, id) {
  return deps.db.transaction(async (tx) => {
    const [row] = await tx.select({ birthdateEnc: people.birthdateEnc, homeAddressEnc: people.homeAddressEnc }).from(people).where(and48(eq56(people.orgId, actor.orgId), eq56(people.id, id)));
    if (!row) throw notFound();
    await audit(
      tx,
      actor,
      "person.sensitive_read",
      { type: "person", id },
      {
        fields: ["birthdate", "home_address"]
      }
    );
    return {
      birthdate: row.birthdateEnc ? deps.cipher.decrypt(row.birthdateEnc, sensitiveContext(id, "birthdate")) : null,
      homeAddress: row.homeAddressEnc ? deps.cipher.decrypt(row.homeAddressEnc, sensitiveContext(id, "home_address")) : null
    };
  });
}

// src/modules/people/people.api.ts
var peopleApi = new Hono17();
peopleApi.use("/api/v1/people", requireToken);
peopleApi.use("/api/v1/people/*", requireToken);
function validateFields(input) {
  const parsed = PersonFieldsSchema.safeParse(input, { reportInput: true });
  if (parsed.success) return parsed.data;
  const fields = {};
  for (const [path, key2] of Object.entries(fieldsFromZod(parsed.error)))
    fields[fieldPathToApi2(path)] = key2;
  throw new AppError("validation_failed", fields);
}
function renameFields(error) {
  if (error instanceof AppError && error.fields?.emails) {
    throw new AppError("validation_failed", { email_addresses: error.fields.emails });
  }
  throw error;
}
peopleApi.get("/api/v1/people", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.read");
  const query = parsePeopleQuery(c.req.query());
  const result = await searchPeople(c.get("deps").db, actor, query);
  return c.json({
    people: result.people.map(personToApi),
    page: result.page,
    per_page: result.perPage,
    total_records: result.total
  });
});
peopleApi.post("/api/v1/people", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.write");
  const body = await readJson(c, ApiPersonInputSchema);
  if ((body.birthdate || body.home_address) && actor.role !== "owner" && actor.role !== "organizer") {
    throw new AppError("forbidden");
  }
  const fields = validateFields(apiToFields(body));
  const person = await createPerson(c.get("deps"), actor, fields).catch(renameFields);
  return c.json(personToApi(person), 201);
});
peopleApi.get("/api/v1/people/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.read");
  const person = await getPerson(c.get("deps").db, actor.orgId, requireUuidParam(c));
  if (!person) throw new AppError("not_found");
  return c.json(personToApi(person));
});
peopleApi.patch("/api/v1/people/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.write");
  const id = requireUuidParam(c);
  const current = await getPerson(c.get("deps").db, actor.orgId, id);
  if (!current) throw new AppError("not_found");
  const body = await readJson(c, ApiPersonPatchSchema);
  const sent = apiToFields(body);
  if (("birthdate" in sent || "homeAddress" in sent) && actor.role !== "owner" && actor.role !== "organizer") {
    throw new AppError("forbidden");
  }
  const merged = validateFields({ ...personToFields(current), ...sent });
  const patch = Object.fromEntries(
    Object.keys(sent).map((k) => [k, merged[k]])
  );
  const person = await updatePerson(c.get("deps"), actor, id, patch).catch(renameFields);
  return c.json(personToApi(person));
});
peopleApi.delete("/api/v1/people/:id", async (c) => {
  const actor = c.get("actor");
  requirePermission(actor.role, "people.delete");
  await deletePerson(c.get("deps"), actor, requireUuidParam(c));
  return c.body(null, 204);
});
var idParam3 = { name: "id", in: "path", schema: z20.uuid() };
var peopleOpenApi = [
  {
    method: "get",
    path: "/api/v1/people",
    summary: "Search people (accent-insensitive: names, emails, phone digits)",
    tags: ["people"],
    params: [
      { name: "q", in: "query", schema: z20.string().max(200) },
      { name: "tag", in: "query", schema: z20.string() },
      {
        name: "level",
        in: "query",
        schema: z20.enum(["contact", "supporter", "active", "core", "leader"])
      },
      { name: "page", in: "query", schema: z20.int().min(1) },
      { name: "per_page", in: "query", schema: z20.int().min(1).max(100) }
    ],
    responses: { "200": { description: "A page of people", schema: ApiPeopleListSchema } }
  },
  {
    method: "post",
    path: "/api/v1/people",
    summary: "Create a person",
    tags: ["people"],
    body: ApiPersonInputSchema,
    responses: { "201": { description: "Created", schema: ApiPersonSchema } }
  },
  {
    method: "get",
    path: "/api/v1/people/{id}",
    summary: "Get a person",
    tags: ["people"],
    params: [idParam3],
    responses: { "200": { description: "The person", schema: ApiPersonSchema } }
  },
  {
    method: "patch",
    path: "/api/v1/people/{id}",
    summary: "Change some fields of a person",
    tags: ["people"],
    params: [idParam3],
    body: ApiPersonPatchSchema,
    responses: { "200": { description: "The updated person", schema: ApiPersonSchema } }
  },
  {
    method: "delete",
    path: "/api/v1/people/{id}",
    summary: "Delete a person and their data",
    tags: ["people"],
    params: [idParam3],
    responses: { "204": { description: "Deleted" } }
  }
];

// src/modules/people/people.routes.tsx
import { Hono as Hono18 } from "hono";

// src/modules/people/people.messages.ts
var peopleText = defineMessages("people", {
  es: {
    title: "Personas",
    lede: "La gente con la que trabaja tu organizaci\xF3n. Solo el nombre para mostrar es obligatorio.",
    add: "Agregar persona",
    new_title: "Nueva persona",
    edit_title: (name) => `Editar: ${name}`,
    search_label: "Buscar por nombre, correo o tel\xE9fono",
    search_placeholder: "Ej.: maria fernandez, 555 01",
    tag_filter: "Etiqueta",
    level_filter: "Nivel de participaci\xF3n",
    any: "Todas",
    found: (n) => `${n} personas`,
    found_one: "1 persona",
    empty_title: "Todav\xEDa no hay nadie aqu\xED",
    empty_body: "Agrega a la primera persona: solo necesitas un nombre o seud\xF3nimo.",
    no_results: "Nadie coincide con esa b\xFAsqueda.",
    no_results_hint: "Prueba con menos palabras, sin acentos, o con parte del tel\xE9fono.",
    clear_search: "Borrar la b\xFAsqueda",
    display_name: "Nombre para mostrar",
    display_name_hint: "Como la conoce el grupo. Un seud\xF3nimo est\xE1 bien.",
    given_name: "Nombre(s)",
    family_name: "Apellido(s)",
    emails: "Correo electr\xF3nico",
    emails_hint: "Si hay varios, sep\xE1ralos con comas. El primero es el principal.",
    phones: "Tel\xE9fono",
    phones_hint: "Si hay varios, sep\xE1ralos con comas. El primero es el principal.",
    preferred_language: "Idioma preferido",
    lang_unknown: "Sin indicar",
    lang_es: "Espa\xF1ol",
    lang_en: "Ingl\xE9s",
    engagement_level: "Nivel de participaci\xF3n",
    level_contact: "Contacto",
    level_supporter: "Simpatizante",
    level_active: "Activa/o",
    level_core: "N\xFAcleo",
    level_leader: "L\xEDder",
    tags: "Etiquetas",
    tags_hint: "Separadas por comas, por ejemplo: vendedores, comit\xE9 de padres",
    consent: "Permiso para comunicarnos",
    consent_email: "Acepta recibir correos",
    consent_sms: "Acepta recibir mensajes de texto (SMS)",
    notes: "Notas",
    notes_hint: "No escribas aqu\xED estatus migratorio ni detalles de un caso: para eso est\xE1n los casos, con acceso restringido.",
    sensitive_title: "Datos sensibles (cifrados)",
    sensitive_hint: "Opcionales. Se guardan cifrados y cada vez que alguien los ve queda registrado.",
    birthdate: "Fecha de nacimiento",
    home_address: "Domicilio",
    sensitive_saved: "Guardado y cifrado",
    sensitive_none: "No registrado",
    show_sensitive: "Mostrar datos sensibles",
    sensitive_logged: "Consultaste estos datos; qued\xF3 registrado en la bit\xE1cora.",
    sensitive_no_access: "Tu rol no permite ver datos sensibles.",
    create_submit: "Guardar persona",
    edit: "Editar",
    delete: "Eliminar",
    delete_title: (name) => `\xBFEliminar a ${name}?`,
    delete_body: "Se borrar\xE1n sus datos de Amparo, incluidos los cifrados. Esto no se puede deshacer.",
    delete_confirm: "S\xED, eliminar",
    deleted: "La persona fue eliminada.",
    saved: "Cambios guardados.",
    created: "Persona agregada.",
    contact_section: "Contacto",
    about_section: "Participaci\xF3n",
    added_on: (date4) => `Agregada el ${date4}`,
    none: "\u2014",
    yes: "S\xED",
    no: "No"
  },
  en: {
    title: "People",
    lede: "The people your organization works with. Only a display name is required.",
    add: "Add person",
    new_title: "New person",
    edit_title: (name) => `Edit: ${name}`,
    search_label: "Search by name, email or phone",
    search_placeholder: "E.g. maria fernandez, 555 01",
    tag_filter: "Tag",
    level_filter: "Engagement level",
    any: "All",
    found: (n) => `${n} people`,
    found_one: "1 person",
    empty_title: "No one here yet",
    empty_body: "Add the first person: all you need is a name or a pseudonym.",
    no_results: "No one matches that search.",
    no_results_hint: "Try fewer words, no accents, or part of a phone number.",
    clear_search: "Clear search",
    display_name: "Display name",
    display_name_hint: "How the group knows them. A pseudonym is fine.",
    given_name: "Given name",
    family_name: "Family name",
    emails: "Email",
    emails_hint: "For several, separate them with commas. The first is the main one.",
    phones: "Phone",
    phones_hint: "For several, separate them with commas. The first is the main one.",
    preferred_language: "Preferred language",
    lang_unknown: "Not given",
    lang_es: "Spanish",
    lang_en: "English",
    engagement_level: "Engagement level",
    level_contact: "Contact",
    level_supporter: "Supporter",
    level_active: "Active",
    level_core: "Core",
    level_leader: "Leader",
    tags: "Tags",
    tags_hint: "Separated by commas, for example: street vendors, parents committee",
    consent: "Permission to contact",
    consent_email: "Agrees to receive email",
    consent_sms: "Agrees to receive text messages (SMS)",
    notes: "Notes",
    notes_hint: "Don't write immigration status or case details here: cases exist for that, with restricted access.",
    sensitive_title: "Sensitive details (encrypted)",
    sensitive_hint: "Optional. Stored encrypted, and every time someone views them it is logged.",
    birthdate: "Date of birth",
    home_address: "Home address",
    sensitive_saved: "Saved and encrypted",
    sensitive_none: "Not recorded",
    show_sensitive: "Show sensitive details",
    sensitive_logged: "You viewed these details; this was recorded in the audit log.",
    sensitive_no_access: "Your role doesn't allow viewing sensitive details.",
    create_submit: "Save person",
    edit: "Edit",
    delete: "Delete",
    delete_title: (name) => `Delete ${name}?`,
    delete_body: "Their data, including encrypted details, will be erased from Amparo. This can't be undone.",
    delete_confirm: "Yes, delete",
    deleted: "The person was deleted.",
    saved: "Changes saved.",
    created: "Person added.",
    contact_section: "Contact",
    about_section: "Engagement",
    added_on: (date4) => `Added on ${date4}`,
    none: "\u2014",
    yes: "Yes",
    no: "No"
  }
});

// src/modules/people/people-list.page.tsx
import { Fragment as Fragment13, jsx as jsx45, jsxs as jsxs33 } from "hono/jsx/jsx-runtime";
function PeopleListPage(props) {
  const t = peopleText[props.lang];
  const { filters } = props;
  const filtering = !!(filters.q || filters.tag || filters.level);
  return /* @__PURE__ */ jsxs33(
    Page,
    {
      title: t.title,
      lang: props.lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "people",
      children: [
        /* @__PURE__ */ jsxs33("div", { class: "page-head", children: [
          /* @__PURE__ */ jsx45("h1", { children: t.title }),
          can(props.auth.role, "people.write") && /* @__PURE__ */ jsx45("a", { class: "button", href: "/people/new", children: t.add })
        ] }),
        props.notice && /* @__PURE__ */ jsx45("div", { class: "alert alert-ok", role: "status", children: props.notice }),
        /* @__PURE__ */ jsx45("search", { children: /* @__PURE__ */ jsxs33(
          "form",
          {
            method: "get",
            action: "/people",
            class: "searchbar",
            "hx-get": "/people",
            "hx-trigger": "input changed delay:300ms from:#f-q, change",
            "hx-target": "#results",
            "hx-select": "#results",
            "hx-swap": "outerHTML",
            "hx-push-url": "true",
            children: [
              /* @__PURE__ */ jsxs33("div", { class: "field", children: [
                /* @__PURE__ */ jsx45("label", { for: "f-q", children: t.search_label }),
                /* @__PURE__ */ jsx45(
                  "input",
                  {
                    id: "f-q",
                    name: "q",
                    type: "search",
                    value: filters.q,
                    placeholder: t.search_placeholder,
                    maxlength: 200,
                    autocomplete: "off"
                  }
                )
              ] }),
              /* @__PURE__ */ jsxs33("div", { class: "field", children: [
                /* @__PURE__ */ jsx45("label", { for: "f-tag", children: t.tag_filter }),
                /* @__PURE__ */ jsxs33("select", { id: "f-tag", name: "tag", children: [
                  /* @__PURE__ */ jsx45("option", { value: "", children: t.any }),
                  props.tags.map((tag) => /* @__PURE__ */ jsx45("option", { value: tag, selected: tag === filters.tag, children: tag }))
                ] })
              ] }),
              /* @__PURE__ */ jsxs33("div", { class: "field", children: [
                /* @__PURE__ */ jsx45("label", { for: "f-level", children: t.level_filter }),
                /* @__PURE__ */ jsxs33("select", { id: "f-level", name: "level", children: [
                  /* @__PURE__ */ jsx45("option", { value: "", children: t.any }),
                  ENGAGEMENT_LEVELS.map((level2) => /* @__PURE__ */ jsx45("option", { value: level2, selected: level2 === filters.level, children: t[`level_${level2}`] }))
                ] })
              ] }),
              /* @__PURE__ */ jsx45("button", { type: "submit", class: "secondary", children: common[props.lang].search })
            ]
          }
        ) }),
        /* @__PURE__ */ jsx45(Results, { ...props, filtering })
      ]
    }
  );
}
function Results(props) {
  const t = peopleText[props.lang];
  const c = common[props.lang];
  const { result } = props;
  const pages = Math.max(1, Math.ceil(result.total / result.perPage));
  if (result.total === 0) {
    return /* @__PURE__ */ jsx45("div", { id: "results", class: "results", children: /* @__PURE__ */ jsx45("div", { class: "empty", children: props.filtering ? /* @__PURE__ */ jsxs33(Fragment13, { children: [
      /* @__PURE__ */ jsx45("h2", { children: t.no_results }),
      /* @__PURE__ */ jsx45("p", { children: t.no_results_hint }),
      /* @__PURE__ */ jsx45("a", { class: "button secondary", href: "/people", children: t.clear_search })
    ] }) : /* @__PURE__ */ jsxs33(Fragment13, { children: [
      /* @__PURE__ */ jsx45("h2", { children: t.empty_title }),
      /* @__PURE__ */ jsx45("p", { children: t.empty_body }),
      can(props.auth.role, "people.write") && /* @__PURE__ */ jsx45("a", { class: "button", href: "/people/new", children: t.add })
    ] }) }) });
  }
  const pageLink = (page2) => {
    const params = new URLSearchParams();
    if (props.filters.q) params.set("q", props.filters.q);
    if (props.filters.tag) params.set("tag", props.filters.tag);
    if (props.filters.level) params.set("level", props.filters.level);
    params.set("page", String(page2));
    return `/people?${params}`;
  };
  return /* @__PURE__ */ jsxs33("div", { id: "results", class: "results", children: [
    /* @__PURE__ */ jsx45("p", { class: "count", role: "status", children: result.total === 1 ? t.found_one : t.found(formatNumber(result.total, props.lang)) }),
    /* @__PURE__ */ jsx45("ul", { class: "list", children: result.people.map((p) => {
      const email = p.emails[0]?.address;
      const phone = p.phones[0]?.number;
      const fullName = [p.givenName, p.familyName].filter(Boolean).join(" ");
      return /* @__PURE__ */ jsxs33("li", { class: "list-item", children: [
        /* @__PURE__ */ jsx45("a", { class: "title", href: `/people/${p.id}`, children: p.displayName }),
        /* @__PURE__ */ jsx45("span", { class: `badge level-${p.engagementLevel}`, children: t[`level_${p.engagementLevel}`] }),
        /* @__PURE__ */ jsxs33("span", { class: "meta", children: [
          [fullName !== p.displayName ? fullName : "", email, phone].filter(Boolean).join(" \xB7 "),
          p.tags.length > 0 && /* @__PURE__ */ jsxs33("span", { children: [
            " ",
            p.tags.map((tag) => /* @__PURE__ */ jsx45("span", { class: "tag", children: tag }))
          ] })
        ] })
      ] });
    }) }),
    pages > 1 && /* @__PURE__ */ jsxs33("nav", { class: "pager", "aria-label": c.page_of(result.page, pages), children: [
      result.page > 1 ? /* @__PURE__ */ jsxs33("a", { href: pageLink(result.page - 1), children: [
        "\u2190 ",
        c.previous
      ] }) : /* @__PURE__ */ jsxs33("span", { class: "disabled", children: [
        "\u2190 ",
        c.previous
      ] }),
      /* @__PURE__ */ jsx45("span", { children: c.page_of(result.page, pages) }),
      result.page < pages ? /* @__PURE__ */ jsxs33("a", { href: pageLink(result.page + 1), children: [
        c.next,
        " \u2192"
      ] }) : /* @__PURE__ */ jsxs33("span", { class: "disabled", children: [
        c.next,
        " \u2192"
      ] })
    ] })
  ] });
}

// src/modules/people/person.page.tsx
import { Fragment as Fragment14, jsx as jsx46, jsxs as jsxs34 } from "hono/jsx/jsx-runtime";
function PersonPage(props) {
  const t = peopleText[props.lang];
  const { person: p, auth, lang } = props;
  const fullName = [p.givenName, p.familyName].filter(Boolean).join(" ");
  const tz = auth.org.timeZone;
  return /* @__PURE__ */ jsxs34(
    Page,
    {
      title: p.displayName,
      lang,
      csrf: props.csrf,
      path: props.path,
      auth,
      section: "people",
      children: [
        /* @__PURE__ */ jsx46("p", { children: /* @__PURE__ */ jsxs34("a", { href: "/people", children: [
          "\u2190 ",
          t.title
        ] }) }),
        /* @__PURE__ */ jsxs34("div", { class: "page-head", children: [
          /* @__PURE__ */ jsxs34("div", { children: [
            /* @__PURE__ */ jsx46("h1", { children: p.displayName }),
            /* @__PURE__ */ jsx46("span", { class: `badge level-${p.engagementLevel}`, children: t[`level_${p.engagementLevel}`] })
          ] }),
          can(auth.role, "people.write") && /* @__PURE__ */ jsx46("a", { class: "button secondary", href: `/people/${p.id}/edit`, children: t.edit })
        ] }),
        props.notice && /* @__PURE__ */ jsx46("div", { class: "alert alert-ok", role: "status", children: props.notice }),
        can(auth.role, "cases.write") && /* @__PURE__ */ jsx46("p", { children: /* @__PURE__ */ jsx46("a", { class: "button secondary", href: `/cases/new?person=${p.id}`, children: casesText[lang].open_defense_case }) }),
        /* @__PURE__ */ jsx46(Panel, { title: t.contact_section, children: /* @__PURE__ */ jsxs34("dl", { class: "facts", children: [
          fullName && /* @__PURE__ */ jsxs34(Fragment14, { children: [
            /* @__PURE__ */ jsxs34("dt", { children: [
              t.given_name,
              " / ",
              t.family_name
            ] }),
            /* @__PURE__ */ jsx46("dd", { children: fullName })
          ] }),
          /* @__PURE__ */ jsx46("dt", { children: t.emails }),
          /* @__PURE__ */ jsx46("dd", { children: p.emails.length ? p.emails.map((e) => e.address).join(", ") : t.none }),
          /* @__PURE__ */ jsx46("dt", { children: t.phones }),
          /* @__PURE__ */ jsx46("dd", { children: p.phones.length ? p.phones.map((ph, i) => /* @__PURE__ */ jsxs34(Fragment14, { children: [
            i > 0 && ", ",
            /* @__PURE__ */ jsx46("a", { href: `tel:${ph.number.replace(/[^\d+]/g, "")}`, children: ph.number })
          ] })) : t.none }),
          /* @__PURE__ */ jsx46("dt", { children: t.preferred_language }),
          /* @__PURE__ */ jsx46("dd", { children: p.preferredLanguage ? t[`lang_${p.preferredLanguage}`] : t.lang_unknown }),
          /* @__PURE__ */ jsx46("dt", { children: t.consent_email }),
          /* @__PURE__ */ jsx46("dd", { children: p.consentEmail ? t.yes : t.no }),
          /* @__PURE__ */ jsx46("dt", { children: t.consent_sms }),
          /* @__PURE__ */ jsx46("dd", { children: p.consentSms ? t.yes : t.no })
        ] }) }),
        /* @__PURE__ */ jsxs34(Panel, { title: t.about_section, children: [
          /* @__PURE__ */ jsxs34("dl", { class: "facts", children: [
            /* @__PURE__ */ jsx46("dt", { children: t.tags }),
            /* @__PURE__ */ jsx46("dd", { children: p.tags.length ? p.tags.map((tag) => /* @__PURE__ */ jsx46("span", { class: "tag", children: tag })) : t.none }),
            /* @__PURE__ */ jsx46("dt", { children: t.notes }),
            /* @__PURE__ */ jsx46("dd", { children: p.notes ?? t.none })
          ] }),
          /* @__PURE__ */ jsx46("p", { class: "muted", children: t.added_on(formatDate(p.createdAt, lang, tz)) })
        ] }),
        /* @__PURE__ */ jsx46(Panel, { title: t.sensitive_title, class: "sensitive", children: props.sensitive ? /* @__PURE__ */ jsxs34(Fragment14, { children: [
          /* @__PURE__ */ jsxs34("dl", { class: "facts", children: [
            /* @__PURE__ */ jsx46("dt", { children: t.birthdate }),
            /* @__PURE__ */ jsx46("dd", { children: props.sensitive.birthdate ?? t.sensitive_none }),
            /* @__PURE__ */ jsx46("dt", { children: t.home_address }),
            /* @__PURE__ */ jsx46("dd", { children: props.sensitive.homeAddress ?? t.sensitive_none })
          ] }),
          /* @__PURE__ */ jsx46("p", { class: "hint", children: t.sensitive_logged })
        ] }) : /* @__PURE__ */ jsxs34(Fragment14, { children: [
          /* @__PURE__ */ jsxs34("dl", { class: "facts", children: [
            /* @__PURE__ */ jsx46("dt", { children: t.birthdate }),
            /* @__PURE__ */ jsx46("dd", { children: p.hasBirthdate ? t.sensitive_saved : t.sensitive_none }),
            /* @__PURE__ */ jsx46("dt", { children: t.home_address }),
            /* @__PURE__ */ jsx46("dd", { children: p.hasHomeAddress ? t.sensitive_saved : t.sensitive_none })
          ] }),
          can(auth.role, "people.sensitive") ? (p.hasBirthdate || p.hasHomeAddress) && /* @__PURE__ */ jsxs34("form", { method: "post", action: `/people/${p.id}/sensitive`, children: [
            /* @__PURE__ */ jsx46(Csrf, { token: props.csrf }),
            /* @__PURE__ */ jsx46("p", { class: "hint", children: t.sensitive_hint }),
            /* @__PURE__ */ jsx46("button", { type: "submit", class: "secondary", children: t.show_sensitive })
          ] }) : /* @__PURE__ */ jsx46("p", { class: "hint", children: t.sensitive_no_access })
        ] }) }),
        can(auth.role, "people.delete") && /* @__PURE__ */ jsx46("p", { children: /* @__PURE__ */ jsx46("a", { href: `/people/${p.id}/delete`, class: "danger-link", children: t.delete }) })
      ]
    }
  );
}
function DeletePersonPage(props) {
  const t = peopleText[props.lang];
  const p = props.person;
  return /* @__PURE__ */ jsx46(
    Page,
    {
      title: t.delete_title(p.displayName),
      lang: props.lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "people",
      children: /* @__PURE__ */ jsxs34("div", { class: "panel narrow danger-zone", children: [
        /* @__PURE__ */ jsx46("h1", { children: t.delete_title(p.displayName) }),
        /* @__PURE__ */ jsx46("p", { children: t.delete_body }),
        /* @__PURE__ */ jsxs34("form", { method: "post", action: `/people/${p.id}/delete`, class: "form-actions", children: [
          /* @__PURE__ */ jsx46(Csrf, { token: props.csrf }),
          /* @__PURE__ */ jsx46("button", { type: "submit", class: "danger", children: t.delete_confirm }),
          /* @__PURE__ */ jsx46("a", { href: `/people/${p.id}`, children: common[props.lang].cancel })
        ] })
      ] })
    }
  );
}

// src/modules/people/person-form.ts
var splitList3 = (value) => (value ?? "").split(/[,;\n]/).map((v) => v.trim()).filter(Boolean);
function formToPersonInput(values, options) {
  return {
    displayName: values.display_name ?? "",
    givenName: values.given_name ?? "",
    familyName: values.family_name ?? "",
    emails: splitList3(values.emails).map((address) => ({ address, primary: false })),
    phones: splitList3(values.phones).map((number) => ({ number, primary: false })),
    preferredLanguage: values.preferred_language || null,
    engagementLevel: values.engagement_level || "contact",
    tags: splitList3(values.tags),
    consentEmail: values.consent_email === "on",
    consentSms: values.consent_sms === "on",
    notes: values.notes ?? "",
    ...options.withSensitive ? { birthdate: values.birthdate ?? "", homeAddress: values.home_address ?? "" } : {}
  };
}
var FORM_NAMES4 = {
  displayName: "display_name",
  givenName: "given_name",
  familyName: "family_name",
  emails: "emails",
  phones: "phones",
  preferredLanguage: "preferred_language",
  engagementLevel: "engagement_level",
  tags: "tags",
  notes: "notes",
  birthdate: "birthdate",
  homeAddress: "home_address"
};
function errorsForForm(errors) {
  const out = {};
  for (const [path, key2] of Object.entries(errors)) {
    const name = FORM_NAMES4[path.split(".")[0] ?? ""] ?? path;
    out[name] ??= key2;
  }
  return out;
}
function personToForm(person, sensitive) {
  return {
    display_name: person.displayName,
    given_name: person.givenName ?? "",
    family_name: person.familyName ?? "",
    emails: person.emails.map((e) => e.address).join(", "),
    phones: person.phones.map((p) => p.number).join(", "),
    preferred_language: person.preferredLanguage ?? "",
    engagement_level: person.engagementLevel,
    tags: person.tags.join(", "),
    consent_email: person.consentEmail ? "on" : "",
    consent_sms: person.consentSms ? "on" : "",
    notes: person.notes ?? "",
    birthdate: sensitive?.birthdate ?? "",
    home_address: sensitive?.homeAddress ?? ""
  };
}

// src/modules/people/person-form.page.tsx
import { jsx as jsx47, jsxs as jsxs35 } from "hono/jsx/jsx-runtime";
function PersonFormPage(props) {
  const t = peopleText[props.lang];
  const { form, lang } = props;
  const title2 = props.person ? t.edit_title(props.person.displayName) : t.new_title;
  const action = props.person ? `/people/${props.person.id}` : "/people";
  const cancel = props.person ? `/people/${props.person.id}` : "/people";
  return /* @__PURE__ */ jsx47(
    Page,
    {
      title: title2,
      lang,
      csrf: props.csrf,
      path: props.path,
      auth: props.auth,
      section: "people",
      children: /* @__PURE__ */ jsxs35("div", { class: "narrow", children: [
        /* @__PURE__ */ jsx47("h1", { children: title2 }),
        /* @__PURE__ */ jsx47(FormAlert, { form, lang }),
        /* @__PURE__ */ jsxs35("form", { method: "post", action, novalidate: true, children: [
          /* @__PURE__ */ jsx47(Csrf, { token: props.csrf }),
          /* @__PURE__ */ jsxs35("div", { class: "panel", children: [
            /* @__PURE__ */ jsx47(
              Field,
              {
                name: "display_name",
                label: t.display_name,
                hint: t.display_name_hint,
                form,
                lang,
                required: true,
                maxlength: LIMITS.name
              }
            ),
            /* @__PURE__ */ jsxs35("div", { class: "grid-2", children: [
              /* @__PURE__ */ jsx47(
                Field,
                {
                  name: "given_name",
                  label: t.given_name,
                  form,
                  lang,
                  maxlength: LIMITS.name,
                  autocomplete: "off"
                }
              ),
              /* @__PURE__ */ jsx47(
                Field,
                {
                  name: "family_name",
                  label: t.family_name,
                  form,
                  lang,
                  maxlength: LIMITS.name,
                  autocomplete: "off"
                }
              )
            ] })
          ] }),
          /* @__PURE__ */ jsxs35("div", { class: "panel", children: [
            /* @__PURE__ */ jsx47("h2", { class: "panel-title", children: t.contact_section }),
            /* @__PURE__ */ jsx47(
              Field,
              {
                name: "emails",
                type: "text",
                label: t.emails,
                hint: t.emails_hint,
                form,
                lang,
                inputmode: "email",
                autocomplete: "off"
              }
            ),
            /* @__PURE__ */ jsx47(
              Field,
              {
                name: "phones",
                type: "text",
                label: t.phones,
                hint: t.phones_hint,
                form,
                lang,
                inputmode: "tel",
                autocomplete: "off"
              }
            ),
            /* @__PURE__ */ jsx47(
              Select,
              {
                name: "preferred_language",
                label: t.preferred_language,
                form,
                lang,
                options: [
                  { value: "", label: t.lang_unknown },
                  { value: "es", label: t.lang_es },
                  { value: "en", label: t.lang_en }
                ]
              }
            ),
            /* @__PURE__ */ jsxs35("fieldset", { children: [
              /* @__PURE__ */ jsx47("legend", { children: t.consent }),
              /* @__PURE__ */ jsx47(Checkbox, { name: "consent_email", label: t.consent_email, form }),
              /* @__PURE__ */ jsx47(Checkbox, { name: "consent_sms", label: t.consent_sms, form })
            ] })
          ] }),
          /* @__PURE__ */ jsxs35("div", { class: "panel", children: [
            /* @__PURE__ */ jsx47("h2", { class: "panel-title", children: t.about_section }),
            /* @__PURE__ */ jsx47(
              Select,
              {
                name: "engagement_level",
                label: t.engagement_level,
                form,
                lang,
                options: ENGAGEMENT_LEVELS.map((l) => ({ value: l, label: t[`level_${l}`] }))
              }
            ),
            /* @__PURE__ */ jsx47(
              Field,
              {
                name: "tags",
                label: t.tags,
                hint: t.tags_hint,
                form,
                lang,
                autocomplete: "off"
              }
            ),
            /* @__PURE__ */ jsx47(
              TextArea,
              {
                name: "notes",
                label: t.notes,
                hint: t.notes_hint,
                form,
                lang,
                maxlength: LIMITS.notes
              }
            )
          ] }),
          props.withSensitive && /* @__PURE__ */ jsxs35("div", { class: "panel sensitive", children: [
            /* @__PURE__ */ jsx47("h2", { class: "panel-title", children: t.sensitive_title }),
            /* @__PURE__ */ jsx47("p", { class: "hint", children: t.sensitive_hint }),
            /* @__PURE__ */ jsx47(
              Field,
              {
                name: "birthdate",
                type: "date",
                label: t.birthdate,
                form,
                lang,
                autocomplete: "off"
              }
            ),
            /* @__PURE__ */ jsx47(
              TextArea,
              {
                name: "home_address",
                label: t.home_address,
                form,
                lang,
                maxlength: LIMITS.address
              }
            )
          ] }),
          /* @__PURE__ */ jsxs35(Actions, { children: [
            /* @__PURE__ */ jsx47("button", { type: "submit", class: "primary", children: props.person ? common[lang].save : t.create_submit }),
            /* @__PURE__ */ jsx47("a", { href: cancel, children: common[lang].cancel })
          ] })
        ] })
      ] })
    }
  );
}

// src/modules/people/people.routes.tsx
import { jsx as jsx48 } from "hono/jsx/jsx-runtime";
var peopleRoutes = new Hono18();
var view6 = (c) => ({
  lang: c.get("lang"),
  csrf: c.get("csrf"),
  path: c.req.path,
  auth: requireAuth(c)
});
async function requirePerson(c) {
  const auth = requireAuth(c);
  const person = await getPerson(c.get("deps").db, auth.org.id, requireUuidParam(c));
  if (!person) throw new AppError("not_found");
  return person;
}
var NOTICES5 = { created: "created", saved: "saved", deleted: "deleted" };
function notice4(c) {
  const key2 = c.req.query("done");
  return key2 && key2 in NOTICES5 ? peopleText[c.get("lang")][NOTICES5[key2]] : void 0;
}
peopleRoutes.get("/people", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "people.read");
  const query = parsePeopleQuery(c.req.query());
  const db = c.get("deps").db;
  const [result, tags2] = [
    await searchPeople(db, auth.actor, query),
    await listTags(db, auth.actor)
  ];
  const url = new URL(c.req.url);
  return render(
    c,
    /* @__PURE__ */ jsx48(
      PeopleListPage,
      {
        ...view6(c),
        path: `${url.pathname}${url.search}`,
        result,
        tags: tags2,
        filters: { q: query.q, tag: query.tag, level: query.levelText },
        notice: notice4(c)
      }
    )
  );
});
peopleRoutes.get("/people/new", (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "people.write");
  return render(
    c,
    /* @__PURE__ */ jsx48(
      PersonFormPage,
      {
        ...view6(c),
        form: emptyForm({ engagement_level: "contact", preferred_language: "" }),
        withSensitive: can(auth.role, "people.sensitive")
      }
    )
  );
});
peopleRoutes.post("/people", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "people.write");
  const withSensitive = can(auth.role, "people.sensitive");
  const values = await readForm(c);
  const parsed = parseWith(PersonFieldsSchema, formToPersonInput(values, { withSensitive }));
  const again2 = (errors) => render(
    c,
    /* @__PURE__ */ jsx48(
      PersonFormPage,
      {
        ...view6(c),
        form: { values, errors: errorsForForm(errors) },
        withSensitive
      }
    ),
    422
  );
  if (!parsed.ok) return again2(parsed.errors);
  try {
    const person = await createPerson(c.get("deps"), auth.actor, parsed.data);
    return c.redirect(`/people/${person.id}?done=created`, 303);
  } catch (error) {
    if (error instanceof AppError && error.fields) return again2(error.fields);
    throw error;
  }
});
peopleRoutes.get("/people/:id", async (c) => {
  requirePermission(requireAuth(c).role, "people.read");
  return render(c, /* @__PURE__ */ jsx48(PersonPage, { ...view6(c), person: await requirePerson(c), notice: notice4(c) }));
});
peopleRoutes.post("/people/:id/sensitive", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "people.sensitive");
  const person = await requirePerson(c);
  const sensitive = await readSensitive(c.get("deps"), auth.actor, person.id);
  return render(c, /* @__PURE__ */ jsx48(PersonPage, { ...view6(c), person, sensitive }));
});
peopleRoutes.get("/people/:id/edit", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "people.write");
  const person = await requirePerson(c);
  const withSensitive = can(auth.role, "people.sensitive");
  const sensitive = withSensitive && (person.hasBirthdate || person.hasHomeAddress) ? await readSensitive(c.get("deps"), auth.actor, person.id) : void 0;
  return render(
    c,
    /* @__PURE__ */ jsx48(
      PersonFormPage,
      {
        ...view6(c),
        person,
        form: emptyForm(personToForm(person, sensitive)),
        withSensitive
      }
    )
  );
});
peopleRoutes.post("/people/:id", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "people.write");
  const person = await requirePerson(c);
  const withSensitive = can(auth.role, "people.sensitive");
  const values = await readForm(c);
  const parsed = parseWith(PersonFieldsSchema, formToPersonInput(values, { withSensitive }));
  const again2 = (errors) => render(
    c,
    /* @__PURE__ */ jsx48(
      PersonFormPage,
      {
        ...view6(c),
        person,
        form: { values, errors: errorsForForm(errors) },
        withSensitive
      }
    ),
    422
  );
  if (!parsed.ok) return again2(parsed.errors);
  const { birthdate: _b, homeAddress: _h, ...rest } = parsed.data;
  try {
    await updatePerson(c.get("deps"), auth.actor, person.id, withSensitive ? parsed.data : rest);
  } catch (error) {
    if (error instanceof AppError && error.fields) return again2(error.fields);
    throw error;
  }
  return c.redirect(`/people/${person.id}?done=saved`, 303);
});
peopleRoutes.get("/people/:id/delete", async (c) => {
  requirePermission(requireAuth(c).role, "people.delete");
  return render(c, /* @__PURE__ */ jsx48(DeletePersonPage, { ...view6(c), person: await requirePerson(c) }));
});
peopleRoutes.post("/people/:id/delete", async (c) => {
  const auth = requireAuth(c);
  requirePermission(auth.role, "people.delete");
  await deletePerson(c.get("deps"), auth.actor, requireUuidParam(c));
  return c.redirect("/people?done=deleted", 303);
});

// src/platform/assets.ts
import { readFileSync as readFileSync2 } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join as join2 } from "node:path";
import { fileURLToPath } from "node:url";
import { Hono as Hono19 } from "hono";
var here = dirname(fileURLToPath(import.meta.url));
var require2 = createRequire(import.meta.url);
var files = {
  "app.css": { body: readFileSync2(join2(here, "ui/assets/app.css"), "utf8"), type: "text/css" },
  // Public pages (/p/...) load only this small sheet.
  "public.css": {
    body: readFileSync2(join2(here, "ui/assets/public.css"), "utf8"),
    type: "text/css"
  },
  "favicon.svg": {
    body: readFileSync2(join2(here, "ui/assets/favicon.svg"), "utf8"),
    type: "image/svg+xml"
  },
  "htmx.min.js": {
    body: readFileSync2(require2.resolve("htmx.org/dist/htmx.min.js"), "utf8"),
    type: "text/javascript"
  }
};
var assetRoutes = new Hono19();
assetRoutes.get("/assets/:name", (c) => {
  const file = files[c.req.param("name")];
  if (!file) return c.notFound();
  c.header("Content-Type", `${file.type}; charset=utf-8`);
  c.header("Cache-Control", "public, max-age=3600");
  return c.body(file.body);
});
assetRoutes.get("/favicon.ico", (c) => c.redirect("/assets/favicon.svg", 301));

// src/platform/error-handler.tsx
import { HTTPException } from "hono/http-exception";
import { jsx as jsx49, jsxs as jsxs36 } from "hono/jsx/jsx-runtime";
var handleError = (err, c) => {
  const error = toAppError(err);
  if (!error) {
    console.error(
      `[amparo] unexpected error on ${c.req.method} ${c.req.routePath}: ${describeError(err)}`
    );
    return respond(c, null);
  }
  return respond(c, error);
};
function describeError(err) {
  const parts2 = [];
  let current = err;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = current.code;
    parts2.push(typeof code === "string" ? `${current.name} (${code})` : current.name);
    current = current.cause;
  }
  const head = err instanceof Error ? `${err.name}: ${err.message}` : "";
  const stack = err instanceof Error ? err.stack ?? "" : "";
  const frames = stack.startsWith(head) ? stack.slice(head.length).split("\n").filter((line) => /^\s+at /.test(line)) : [];
  return [parts2.join(" <- ") || typeof err, ...frames.slice(0, 8)].join("\n");
}
function toAppError(err) {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 413) return new AppError("payload_too_large");
    if (err.status >= 400 && err.status < 500) return new AppError("bad_request");
  }
  return null;
}
function langOf3(c) {
  return c.get("lang") ?? langFromAcceptLanguage(c.req.header("accept-language")) ?? "es";
}
function apiError(c, error) {
  const lang = langOf3(c);
  const t = common[lang];
  const fields = error.fields ? fieldMessages(error.fields, lang) : void 0;
  if (error.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  return c.json(
    {
      error: { code: error.code, message: t[`error_${error.code}`], ...fields ? { fields } : {} }
    },
    error.status
  );
}
function fieldMessages(fields, lang) {
  const t = common[lang];
  return Object.fromEntries(
    Object.entries(fields).map(([k, v]) => [k, { code: v, message: t[`field_${v}`] }])
  );
}
async function respond(c, found) {
  const error = found?.code === "unauthorized" && c.get("sessionExpired") ? new AppError("session_expired") : found;
  if (c.get("api") ?? c.req.path.startsWith("/api/")) {
    if (error) return apiError(c, error);
    return c.json({ error: { code: "internal", message: common[langOf3(c)].server_error } }, 500);
  }
  if (error && (error.code === "unauthorized" || error.code === "session_expired")) {
    if (c.req.method === "GET") {
      const expired = error.code === "session_expired" || c.get("sessionExpired");
      return c.redirect(expired ? "/login?expired=1" : "/login", 303);
    }
  }
  const lang = langOf3(c);
  const t = common[lang];
  if (error?.retryAfterSeconds) c.header("Retry-After", String(error.retryAfterSeconds));
  const title2 = error?.code === "not_found" ? t.not_found_title : t.error_title;
  const message = error ? t[`error_${error.code}`] : t.server_error;
  return render(
    c,
    /* @__PURE__ */ jsx49(
      Page,
      {
        title: title2,
        lang,
        csrf: c.get("csrf") ?? "",
        path: "/",
        auth: c.get("auth") ?? null,
        children: /* @__PURE__ */ jsxs36("div", { class: "panel narrow center", children: [
          /* @__PURE__ */ jsx49("h1", { children: title2 }),
          /* @__PURE__ */ jsx49("p", { children: message }),
          /* @__PURE__ */ jsx49("a", { class: "button secondary", href: "/", children: t.go_home })
        ] })
      }
    ),
    error?.status ?? 500
  );
}

// src/platform/openapi.ts
import { z as z21 } from "zod";
var OPENAPI_PATH = "/api/v1/openapi.json";
var selfOperation = {
  method: "get",
  path: OPENAPI_PATH,
  summary: "This OpenAPI 3.1 document",
  tags: ["meta"],
  public: true,
  responses: {
    "200": { description: "The OpenAPI document", schema: z21.record(z21.string(), z21.unknown()) }
  }
};
var ErrorBody = z21.object({
  error: z21.object({
    code: z21.string(),
    message: z21.string(),
    fields: z21.record(z21.string(), z21.object({ code: z21.string(), message: z21.string() })).optional()
  })
});
var toSchema = (schema, io) => z21.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
function buildOpenApi(operations, version) {
  const paths = {};
  for (const op of [selfOperation, ...operations]) {
    const errors = op.public ? {} : {
      "400": { description: "Malformed request", schema: ErrorBody },
      "401": { description: "Missing or unknown bearer token", schema: ErrorBody },
      "403": { description: "Your role doesn't allow this", schema: ErrorBody },
      "404": { description: "Unknown id, or another organization's", schema: ErrorBody },
      "422": { description: "Invalid fields", schema: ErrorBody }
    };
    const responses = Object.fromEntries(
      Object.entries({ ...errors, ...op.responses }).map(([status2, r]) => {
        const schema = r.schema ?? (status2.startsWith("4") ? ErrorBody : void 0);
        return [
          status2,
          {
            description: r.description,
            ...schema ? { content: { "application/json": { schema: toSchema(schema, "output") } } } : {}
          }
        ];
      })
    );
    paths[op.path] ??= {};
    paths[op.path][op.method] = {
      summary: op.summary,
      tags: op.tags,
      ...op.public ? { security: [] } : {},
      operationId: `${op.method}${op.path.replace(/[{}]/g, "").replace(/\/(\w)/g, (_, ch) => ch.toUpperCase())}`,
      ...op.params ? {
        parameters: op.params.map((p) => ({
          name: p.name,
          in: p.in,
          required: p.in === "path" ? true : p.required ?? false,
          ...p.description ? { description: p.description } : {},
          schema: toSchema(p.schema, "input")
        }))
      } : {},
      ...op.body ? {
        requestBody: {
          required: true,
          content: { "application/json": { schema: toSchema(op.body, "input") } }
        }
      } : {},
      responses
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Amparo API",
      version,
      description: "Organizing, legal defense and fundraising for community groups. Field names follow OSDI where it has one."
    },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    paths
  };
}

// src/app.ts
var VERSION2 = "0.1.0";
function createApp({ database, cipher, config }) {
  const app = new Hono20();
  const openapi = buildOpenApi([...peopleOpenApi, ...casesOpenApi, ...fundsOpenApi], VERSION2);
  let setUp = false;
  app.onError(handleError);
  app.use(checkoutFormAction);
  app.use(securityHeaders);
  app.use(provide({ db: database.db, cipher }, config));
  const defaultBodyLimit = bodyLimit2({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError("payload_too_large");
    }
  });
  app.use(
    (c, next) => c.req.method === "GET" || c.req.method === "HEAD" ? next() : isGiftUpload(c.req.path) ? giftUploadBodyLimit(c, next) : defaultBodyLimit(c, next)
  );
  app.get("/healthz", async (c) => {
    await database.db.execute(sql20`SELECT 1`);
    return c.json({ status: "ok" });
  });
  app.route("/", assetRoutes);
  app.get(OPENAPI_PATH, (c) => c.json(openapi));
  app.route("/", peopleApi);
  app.route("/", casesApi);
  app.route("/", fundsApi);
  app.route("/", stripeWebhookRoutes);
  app.all("/api/*", () => {
    throw new AppError("not_found");
  });
  app.route(
    "/",
    publicPages({
      database,
      publicUrl: config.publicUrl,
      onlineGiving: stripeConfigured(config)
    }).routes
  );
  app.route("/", giveRoutes);
  app.use(session);
  app.use(language);
  app.use(csrf);
  app.use(async (c, next) => {
    if (!setUp) setUp = await organizationCount(database.db) > 0;
    if (!setUp && c.req.path !== "/setup" && c.req.path !== "/lang") {
      return c.redirect("/setup", 303);
    }
    await next();
  });
  app.route("/", accountsRoutes);
  app.route("/", usersRoutes);
  app.route("/", homeRoutes);
  app.route("/", peopleRoutes);
  app.route("/", casesRoutes);
  app.route("/", caseActivityRoutes);
  app.route("/", facilitiesRoutes);
  app.route("/", fundsActivityRoutes);
  app.route("/", fundsRoutes);
  app.route("/", fundsImportRoutes);
  app.route("/", advocacyRoutes);
  app.route("/", advocacyTargetRoutes);
  app.route("/", advocacyPublicRoutes);
  app.notFound(() => {
    throw new AppError("not_found");
  });
  return app;
}

// src/config.ts
import { resolve } from "node:path";
import { z as z22 } from "zod";
var ConfigSchema = z22.object({
  PORT: z22.coerce.number().int().min(0).max(65535).default(3e3),
  HOST: z22.string().default("0.0.0.0"),
  AMPARO_DATA_DIR: z22.string().min(1).default("./data"),
  DATABASE_URL: z22.string().regex(/^postgres(ql)?:\/\//, "DATABASE_URL must start with postgres:// or postgresql://").optional().or(z22.literal("").transform(() => void 0)),
  AMPARO_SECRET_KEY: z22.string().regex(/^[A-Za-z0-9+/=_-]{43,64}$/, "AMPARO_SECRET_KEY must be 32 random bytes in base64").optional().or(z22.literal("").transform(() => void 0)),
  // Set when Amparo runs behind an https proxy so cookies get the Secure flag.
  AMPARO_SECURE_COOKIES: z22.enum(["true", "false", "auto"]).default("auto").transform((v) => v === "auto" ? "auto" : v === "true"),
  // The address people reach Amparo at (https://amparo.example.org): share links and QR codes.
  // Unset, public pages use the address each request came in on.
  AMPARO_PUBLIC_URL: z22.url({ protocol: /^https?$/, error: "AMPARO_PUBLIC_URL must be an http(s) URL" }).transform((v) => v.replace(/\/+$/, "")).optional().or(z22.literal("").transform(() => void 0)),
  AMPARO_LOG_REQUESTS: z22.enum(["true", "false"]).default("false").transform((v) => v === "true"),
  // Card gifts online through Stripe Checkout: both set, or neither (funds/stripe-config.ts).
  STRIPE_SECRET_KEY: z22.string().regex(/^(sk|rk)_[A-Za-z0-9_]+$/, "STRIPE_SECRET_KEY must be a Stripe secret key (sk_...)").optional().or(z22.literal("").transform(() => void 0)),
  STRIPE_WEBHOOK_SECRET: z22.string().regex(
    /^whsec_[A-Za-z0-9_]+$/,
    "STRIPE_WEBHOOK_SECRET must be a webhook signing secret (whsec_...)"
  ).optional().or(z22.literal("").transform(() => void 0))
});
function loadConfig(env = process.env) {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`${issue?.path.join(".")}: ${issue?.message}`);
  }
  const c = parsed.data;
  if (Boolean(c.STRIPE_SECRET_KEY) !== Boolean(c.STRIPE_WEBHOOK_SECRET)) {
    throw new ConfigError(
      "STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET: set both to take card gifts online, or neither"
    );
  }
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.AMPARO_DATA_DIR),
    databaseUrl: c.DATABASE_URL,
    secretKey: c.AMPARO_SECRET_KEY,
    secureCookies: c.AMPARO_SECURE_COOKIES,
    logRequests: c.AMPARO_LOG_REQUESTS,
    publicUrl: c.AMPARO_PUBLIC_URL,
    stripeSecretKey: c.STRIPE_SECRET_KEY,
    stripeWebhookSecret: c.STRIPE_WEBHOOK_SECRET
  };
}
var ConfigError = class extends Error {
  name = "ConfigError";
};

// src/db/store.ts
import { existsSync as existsSync2, mkdirSync as mkdirSync3, readFileSync as readFileSync4, rmSync, writeFileSync as writeFileSync2 } from "node:fs";
import { join as join4 } from "node:path";

// src/db/client.ts
import { mkdirSync as mkdirSync2 } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { drizzle as drizzleNodePg } from "drizzle-orm/node-postgres";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg2 from "pg";

// src/db/listen.ts
import pg from "pg";
var CHANNEL = /^[a-z_][a-z0-9_]{0,62}$/;
function checkChannel(channel) {
  if (!CHANNEL.test(channel)) throw new Error(`not a safe channel name: ${channel}`);
  return channel;
}
var RETRY_MS = [250, 500, 1e3, 2e3, 5e3];
async function listenPostgres(url, channel, handlers) {
  checkChannel(channel);
  let client = null;
  let stopped = false;
  let attempt = 0;
  let timer = null;
  const connect = async () => {
    const next = new pg.Client({ connectionString: url });
    next.on("notification", (n) => {
      if (n.channel === channel) handlers.message(n.payload ?? "");
    });
    const lost = () => {
      if (stopped || client !== next) return;
      client = null;
      next.end().catch(() => {
      });
      retry();
    };
    next.on("error", lost);
    next.on("end", lost);
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      if (client === next) client = null;
      await next.end().catch(() => {
      });
      throw error;
    }
    if (stopped) await next.end().catch(() => {
    });
  };
  const retry = () => {
    if (stopped || timer) return;
    const delay = RETRY_MS[Math.min(attempt, RETRY_MS.length - 1)] ?? 5e3;
    attempt += 1;
    timer = setTimeout(() => {
      timer = null;
      connect().then(
        () => {
          attempt = 0;
          handlers.reset?.();
        },
        () => retry()
      );
    }, delay);
    timer.unref();
  };
  await connect();
  return {
    stop: async () => {
      if (stopped) return;
      stopped = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = null;
      await last?.end().catch(() => {
      });
      handlers.closed?.();
    }
  };
}

// src/db/client.ts
async function openDatabase(options) {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir, options.loadDataDir);
}
async function openPostgres(url, max) {
  const pool = new pg2.Pool({ connectionString: url, max });
  pool.on("error", () => {
  });
  const client = await pool.connect();
  client.release();
  const listeners3 = /* @__PURE__ */ new Set();
  const starts = /* @__PURE__ */ new Set();
  let closing = false;
  return {
    kind: "postgres",
    db: drizzleNodePg(pool),
    exec: async (sql21) => {
      await pool.query(sql21);
    },
    withConnection: async (fn) => {
      const conn = await pool.connect();
      try {
        return await fn(async (sql21, params) => {
          const res = await conn.query(sql21, params);
          const last = Array.isArray(res) ? res[res.length - 1] : res;
          return last?.rows ?? [];
        });
      } finally {
        conn.release();
      }
    },
    listen: async (channel, handlers) => {
      if (closing) throw new Error("the database is closed");
      const starting = listenPostgres(url, channel, handlers);
      starts.add(starting);
      try {
        const listener = await starting;
        listeners3.add(listener);
        if (closing) await listener.stop();
        return listener;
      } finally {
        starts.delete(starting);
      }
    },
    close: async () => {
      closing = true;
      await Promise.allSettled([...starts]);
      await Promise.all([...listeners3].map((l) => l.stop()));
      await pool.end();
    }
  };
}
async function openPglite(dataDir, loadDataDir) {
  if (dataDir) mkdirSync2(dataDir, { recursive: true });
  const client = await PGlite.create({
    ...dataDir ? { dataDir: `${dataDir}/pglite` } : {},
    ...loadDataDir ? { loadDataDir } : {},
    extensions: { pg_trgm }
  });
  const listeners3 = /* @__PURE__ */ new Set();
  return {
    kind: "pglite",
    db: drizzlePglite(client),
    exec: async (sql21) => {
      await client.exec(sql21);
    },
    withConnection: (fn) => fn(async (sql21, params) => {
      if (params) return (await client.query(sql21, params)).rows;
      const results = await client.exec(sql21);
      return results[results.length - 1]?.rows ?? [];
    }),
    // One process owns a PGlite store, so this only hears its own NOTIFYs.
    listen: async (channel, handlers) => {
      if (client.closed) throw new Error("the database is closed");
      const unlisten = await client.listen(checkChannel(channel), handlers.message);
      let stopped = false;
      const listener = {
        stop: async () => {
          if (stopped) return;
          stopped = true;
          listeners3.delete(listener);
          if (!client.closed) await unlisten().catch(() => {
          });
          handlers.closed?.();
        }
      };
      listeners3.add(listener);
      return listener;
    },
    close: async () => {
      await Promise.all([...listeners3].map((l) => l.stop()));
      await client.close();
    }
  };
}

// src/db/migrate.ts
import { readdirSync, readFileSync as readFileSync3 } from "node:fs";
import { dirname as dirname2, join as join3 } from "node:path";
import { fileURLToPath as fileURLToPath2 } from "node:url";
var MIGRATIONS_DIR = join3(dirname2(fileURLToPath2(import.meta.url)), "migrations");
var LOCK_ID = 727274;
async function migrate(database) {
  const files2 = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith(".sql")).sort();
  return database.withConnection(async (query) => {
    await query(`SELECT pg_advisory_lock(${LOCK_ID})`);
    try {
      await query(`CREATE TABLE IF NOT EXISTS schema_migrations (
        name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`);
      const done2 = new Set(
        (await query("SELECT name FROM schema_migrations", [])).map((r) => String(r.name))
      );
      const applied = [];
      for (const file of files2) {
        const name = file.replace(/\.sql$/, "");
        if (done2.has(name)) continue;
        const body = readFileSync3(join3(MIGRATIONS_DIR, file), "utf8");
        await query(
          `BEGIN;
${body}
;INSERT INTO schema_migrations (name) VALUES ('${name}');
COMMIT;`
        );
        applied.push(name);
      }
      return applied;
    } catch (error) {
      await query("ROLLBACK").catch(() => {
      });
      throw error;
    } finally {
      await query(`SELECT pg_advisory_unlock(${LOCK_ID})`);
    }
  });
}

// src/db/store.ts
var StoreBusyError = class extends Error {
  name = "StoreBusyError";
};
async function openStore(config) {
  const cipher = createCipher(loadKey({ secretKey: config.secretKey, dataDir: config.dataDir }));
  const release = config.databaseUrl ? () => {
  } : lockDataDir(config.dataDir);
  try {
    const database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir
    });
    await migrate(database);
    return {
      database: {
        ...database,
        close: async () => {
          await database.close();
          release();
        }
      },
      cipher
    };
  } catch (error) {
    release();
    throw error;
  }
}
function lockDataDir(dataDir) {
  mkdirSync3(dataDir, { recursive: true });
  const file = join4(dataDir, "amparo.pid");
  if (existsSync2(file)) {
    const pid = Number(readFileSync4(file, "utf8"));
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new StoreBusyError(
        `another Amparo process (pid ${pid}) is using ${dataDir}. Stop it first, or use PostgreSQL (DATABASE_URL) to run both.`
      );
    }
  }
  writeFileSync2(file, String(process.pid));
  const release = () => rmSync(file, { force: true });
  process.once("exit", release);
  return release;
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

// src/main.ts
async function main() {
  const config = loadConfig();
  const { database, cipher } = await openStore(config);
  const app = createApp({ database, cipher, config });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const where = config.databaseUrl ? "PostgreSQL" : `PGlite in ${config.dataDir}`;
    console.log(`Amparo listening on http://localhost:${info.port} (${where})`);
  });
  const stop = async () => {
    server.close();
    await database.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
main().catch((error) => {
  if (error instanceof ConfigError) {
    console.error(`Amparo can't start: ${error.message}`);
    process.exit(2);
  }
  console.error("Amparo can't start:", error);
  process.exit(1);
});
