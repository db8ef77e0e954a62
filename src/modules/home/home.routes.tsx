import { Hono } from "hono";
import { signedIn } from "../../platform/authorize";
import { type AppEnv, render } from "../../platform/http";
import { formatDate, formatNumber } from "../../platform/i18n";
import { can } from "../../platform/permissions";
import { Stats } from "../../platform/ui/blocks";
import { Page, Panel } from "../../platform/ui/layout";
import { ItemList, PersonTitle } from "../../platform/ui/lists";
import { HearingList } from "../defense/case-ui";
import { FundsApprovalPanel, fundsNeedingAttention } from "../funds/funds-home";
import { FollowUpsPanel, followUpsForHome } from "../reviews/follow-ups-home";
import { homeText } from "./home.messages";
import { homeSummary } from "./home-summary";

export const homeRoutes = new Hono<AppEnv>();

homeRoutes.get("/", signedIn, async (c) => {
  const auth = c.var.signedIn;
  const lang = c.get("lang");
  const t = homeText[lang];
  const s = await homeSummary(c.get("deps").db, auth.actor);
  const payments = await fundsNeedingAttention(c.get("deps").db, auth);
  const followUps = await followUpsForHome(
    c.get("deps").db,
    auth.org.id,
    auth.user.id,
    auth.org.timeZone,
  );
  const steps = [
    s.total === 0 &&
      can(auth.role, "people.write") && { href: "/people/new", text: t.step_add_people },
    s.members <= 1 && can(auth.role, "users.manage") && { href: "/users", text: t.step_invite },
    s.total > 0 && s.leaders === 0 && { href: "/people?level=core", text: t.step_grow },
  ].filter((x): x is { href: string; text: string } => !!x);
  const stats = [
    [s.total, t.people_total, "/people"],
    [s.leaders, t.leaders, "/people?level=leader"],
    [s.core, t.core, "/people?level=core"],
    [s.newLast30, t.new_this_month, "/people"],
  ] as const;
  return render(
    c,
    <Page title={t.title} lang={lang} csrf={c.get("csrf")} path="/" auth={auth} section="home">
      <h1>{t.greeting(auth.user.name)}</h1>
      <p class="lede">{t.lede}</p>
      <Stats
        items={stats.map(([n, label, href]) => ({ value: formatNumber(n, lang), label, href }))}
      />
      {can(auth.role, "cases.read") && (
        <Panel title={t.hearings_week}>
          {s.hearingsThisWeek.length ? (
            <HearingList items={s.hearingsThisWeek} lang={lang} timeZone={auth.org.timeZone} />
          ) : (
            <p class="muted">{t.hearings_week_none}</p>
          )}
          <p>
            <a href="/cases">{t.see_cases} →</a>
          </p>
        </Panel>
      )}
      <FundsApprovalPanel items={payments} lang={lang} timeZone={auth.org.timeZone} />
      <FollowUpsPanel items={followUps} lang={lang} csrf={c.get("csrf")} />
      <Panel title={t.next_steps}>
        {steps.length ? (
          <ul class="steps">
            {steps.map((step) => (
              <li>
                <a href={step.href}>{step.text}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p class="muted">{t.all_set}</p>
        )}
      </Panel>
      {s.recent.length > 0 && (
        <Panel title={t.recent}>
          <ItemList
            items={s.recent}
            item={(p) => (
              <>
                <PersonTitle id={p.id} name={p.displayName} />
                <span class="meta">{formatDate(p.createdAt, lang, auth.org.timeZone)}</span>
              </>
            )}
          />
          <p>
            <a href="/people">{t.see_all} →</a>
          </p>
        </Panel>
      )}
    </Page>,
  );
});
