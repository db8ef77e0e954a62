import { defineMessages } from "../../platform/i18n";

export const accountsText = defineMessages("accounts", {
  es: {
    account_title: "Mi cuenta",
    reminders_link: "Recordatorios de audiencias a mi correo",
    password_change_title: "Cambiar contraseña",
    password_change_hint:
      "Al cambiarla se cierran tus otras sesiones (otro teléfono, una computadora prestada). Esta sigue abierta.",
    current_password: "Contraseña actual",
    new_password: "Contraseña nueva",
    confirm_password: "Repite la contraseña nueva",
    password_change_submit: "Cambiar contraseña",
    password_changed: (n: number) =>
      n === 0
        ? "Contraseña cambiada."
        : n === 1
          ? "Contraseña cambiada. Cerramos tu otra sesión."
          : `Contraseña cambiada. Cerramos tus otras ${n} sesiones.`,
    setup_title: "Configura Amparo",
    setup_lede:
      "Crea tu organización y la primera cuenta. Después podrás invitar a tu equipo. Solo se hace una vez.",
    org_section: "Tu organización",
    org_name: "Nombre de la organización",
    org_name_hint: "Por ejemplo: Comité de Vecinos Unidos",
    slug: "Identificador corto",
    slug_hint: "Aparece en las páginas públicas: letras minúsculas, números y guiones.",
    time_zone: "Zona horaria",
    default_language: "Idioma principal",
    owner_section: "Tu cuenta",
    owner_name: "Tu nombre",
    owner_name_hint: "Puede ser un seudónimo.",
    email: "Correo electrónico",
    password: "Contraseña",
    password_hint: "Al menos 10 caracteres. Una frase larga es más fácil de recordar.",
    setup_submit: "Crear organización",
    lang_es: "Español",
    lang_en: "Inglés",
    signin_title: "Iniciar sesión",
    signin_lede: "Entra para ver a tu gente, tus casos y tus acciones.",
    signin_submit: "Entrar",
    signin_failed: "El correo o la contraseña no son correctos.",
    signed_out: "Cerraste sesión.",
    session_expired: "Tu sesión venció. Vuelve a entrar; no se perdió nada guardado.",
    users_title: "Equipo",
    users_lede: "Quiénes usan Amparo en tu organización y qué puede hacer cada rol.",
    invite_title: "Invitar a alguien",
    invite_hint:
      "Amparo no envía correos: copia el enlace y compártelo por un canal seguro. Vence en 7 días.",
    role: "Rol",
    invite_submit: "Crear invitación",
    invite_created: "Invitación creada. Comparte este enlace solo con esa persona:",
    pending_invites: "Invitaciones pendientes",
    expires: (date: string) => `Vence: ${date}`,
    members: "Miembros del equipo",
    change_role: "Cambiar rol",
    role_changed: "Rol actualizado.",
    last_owner: "La organización necesita al menos una persona dueña.",
    role_help_owner:
      "Todo: el equipo, los ajustes del dinero y los datos protegidos (número A) de todos los casos.",
    role_help_organizer:
      "Personas y sus datos sensibles, casos, dinero (pide, aprueba y marca pagos; por encima del límite, otra persona aprueba lo que pidió) y tokens de la API. El número A de un caso, solo si está en su equipo.",
    role_help_member:
      "Ver y agregar personas, ver casos, anotar donativos. El número A de un caso, solo si está en su equipo.",
    role_help_viewer: "Solo ver (no ve los casos).",
    accept_title: (org: string) => `Únete a ${org}`,
    accept_lede_new: "Crea tu cuenta para entrar al equipo.",
    accept_lede_existing: "Ya tienes cuenta: escribe tu contraseña para unirte.",
    your_name: "Tu nombre",
    accept_submit: "Unirme",
    invite_invalid: "Este enlace de invitación no es válido, ya se usó o venció.",
  },
  en: {
    account_title: "My account",
    reminders_link: "Hearing reminders to my email",
    password_change_title: "Change password",
    password_change_hint:
      "Changing it signs out your other sessions (another phone, a borrowed computer). This one stays signed in.",
    current_password: "Current password",
    new_password: "New password",
    confirm_password: "Repeat the new password",
    password_change_submit: "Change password",
    password_changed: (n: number) =>
      n === 0
        ? "Password changed."
        : n === 1
          ? "Password changed. We signed out your other session."
          : `Password changed. We signed out your other ${n} sessions.`,
    setup_title: "Set up Amparo",
    setup_lede:
      "Create your organization and the first account. Then you can invite your team. You only do this once.",
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
    invite_hint:
      "Amparo sends no email: copy the link and share it over a safe channel. It expires in 7 days.",
    role: "Role",
    invite_submit: "Create invitation",
    invite_created: "Invitation created. Share this link only with that person:",
    pending_invites: "Pending invitations",
    expires: (date: string) => `Expires: ${date}`,
    members: "Team members",
    change_role: "Change role",
    role_changed: "Role updated.",
    last_owner: "The organization needs at least one owner.",
    role_help_owner:
      "Everything: the team, money settings and every case's protected details (A-number).",
    role_help_organizer:
      "People and their sensitive data, cases, money (request, approve and mark payments paid; over the limit, someone else approves what they asked for) and API tokens. A case's A-number only on that case's team.",
    role_help_member:
      "See and add people, see cases, record gifts. A case's A-number only on that case's team.",
    role_help_viewer: "View only (no cases).",
    accept_title: (org: string) => `Join ${org}`,
    accept_lede_new: "Create your account to join the team.",
    accept_lede_existing: "You already have an account: enter your password to join.",
    your_name: "Your name",
    accept_submit: "Join",
    invite_invalid: "This invitation link isn't valid, was already used, or expired.",
  },
});
