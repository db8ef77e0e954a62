import type { PropsWithChildren } from "hono/jsx";
import { common } from "../common.messages";
import type { SignedIn } from "../http";
import type { Lang } from "../i18n";
import { can, type Permission } from "../permissions";

// The sections of the app, in the order organizers reach for them. A module adds one line
// here (and its `nav_<section>` label in common.messages.ts). On a phone they fold into one
// "Menu" that works without JavaScript; on wider screens they are one row of tabs.
const SECTIONS = [
  { section: "home", href: "/", permission: null },
  { section: "people", href: "/people", permission: "people.read" },
  { section: "cases", href: "/cases", permission: "cases.read" },
  { section: "funds", href: "/funds", permission: "funds.read" },
  { section: "actions", href: "/actions", permission: "actions.read" },
  { section: "advocacy", href: "/advocacy", permission: "advocacy.read" },
  { section: "supplies", href: "/supplies", permission: "supplies.read" },
  { section: "outreach", href: "/outreach", permission: "outreach.read" },
  { section: "leaders", href: "/leaders", permission: "leaders.read" },
  { section: "messages", href: "/messages", permission: "messaging.outbox" },
  { section: "elections", href: "/elections", permission: "elections.read" },
  { section: "users", href: "/users", permission: "users.manage" },
] as const satisfies readonly { section: string; href: string; permission: Permission | null }[];

export type Section = (typeof SECTIONS)[number]["section"];

type NavProps = { lang: Lang; auth: SignedIn; current: string | undefined };

function visibleSections(auth: SignedIn) {
  return SECTIONS.filter((s) => s.permission === null || can(auth.role, s.permission));
}

export function MainNav(props: NavProps) {
  const t = common[props.lang];
  const sections = visibleSections(props.auth);
  const current = sections.find((s) => s.section === props.current);
  const links = sections.map((s) => (
    <NavLink href={s.href} current={s.section === props.current}>
      {t[`nav_${s.section}`]}
    </NavLink>
  ));
  return (
    <>
      <nav class="mainnav" aria-label={t.nav_main}>
        {links}
      </nav>
      <details class="navmenu">
        <summary>
          <span>{t.nav_menu}</span>
          {current && <span class="navmenu-current">{t[`nav_${current.section}`]}</span>}
        </summary>
        <nav aria-label={t.nav_main}>{links}</nav>
      </details>
    </>
  );
}

function NavLink(props: PropsWithChildren<{ href: string; current: boolean }>) {
  return (
    <a href={props.href} aria-current={props.current ? "page" : undefined}>
      {props.children}
    </a>
  );
}
