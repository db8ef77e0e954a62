import { formatDateTime, formatDay, type Lang } from "../../platform/i18n";
import { zoneLabel } from "../../platform/time";
import { Paragraphs, PublicLayout } from "../../platform/ui/public-layout";
import { formatHours } from "./hours";
import type { PublicDrive } from "./public-drive";
import { suppliesPublicText } from "./supplies-public.messages";
import { amountText, itemLabel } from "./units";

// /p/{org}/s/{slug}: rendered once per language and kept as bytes (the same for every
// visitor: no token, no cookie), so pledging happens on its own small page.

export const drivePath = (orgSlug: string, slug: string) => `/p/${orgSlug}/s/${slug}`;
export const pledgePath = (orgSlug: string, slug: string) => `/p/${orgSlug}/s/${slug}/pledge`;

const inLang = (text: { es: string; en: string }, lang: Lang) => {
  if (text[lang].trim()) return { text: text[lang], lang };
  const other: Lang = lang === "es" ? "en" : "es";
  return text[other].trim() ? { text: text[other], lang: other } : null;
};

export function DrivePublicPage(props: {
  data: PublicDrive;
  lang: Lang;
  url: string;
  takesPledges: boolean;
}) {
  const { data, lang } = props;
  const t = suppliesPublicText[lang];
  const title = inLang(data.drive.title, lang)?.text ?? data.drive.title.es;
  const description = inLang(data.drive.description, lang);
  const zone = data.org.timeZone;
  const pledge = pledgePath(data.org.slug, data.drive.slug);
  return (
    <PublicLayout
      lang={lang}
      title={title}
      description={description?.text.slice(0, 200) ?? title}
      orgName={data.org.name}
      url={props.url}
    >
      <article class="pub-drive">
        <h1>{title}</h1>
        {description && (
          <Paragraphs
            text={description.text}
            lang={description.lang === lang ? undefined : description.lang}
          />
        )}
        <p class="pub-muted">{t.last_updated(formatDateTime(data.lastUpdated, lang, zone))}</p>
        <section aria-labelledby="needed">
          <h2 id="needed">{t.still_needed_title}</h2>
          {data.needs.length === 0 ? (
            <p class="pub-note">{t.nothing_needed}</p>
          ) : (
            <ul class="pub-needs">
              {data.needs.map((n) => (
                <li class={n.urgent ? "pub-need is-urgent" : "pub-need"}>
                  <span class="pub-need-name">
                    {itemLabel(n.item, n.variant, lang)}
                    {n.urgent && <strong class="pub-tag">{t.urgent}</strong>}
                    {n.condition === "new_only" && (
                      <span class="pub-tag is-quiet">{t.new_only}</span>
                    )}
                  </span>
                  <span class="pub-need-qty">
                    {t.missing(
                      amountText(n.figures.stillNeeded, n.unit, lang),
                      n.figures.stillNeeded === 1000,
                    )}
                  </span>
                  {n.neededBy && (
                    <span class="pub-muted">{t.needed_by(formatDay(n.neededBy, lang))}</span>
                  )}
                  {props.takesPledges && (
                    <a class="pub-need-pledge" href={`${pledge}?need=${n.id}&lang=${lang}`}>
                      {t.pledge_this}
                    </a>
                  )}
                </li>
              ))}
            </ul>
          )}
          {props.takesPledges && data.needs.length > 0 ? (
            <p>
              <a class="pub-button" href={`${pledge}?lang=${lang}`}>
                {t.pledge_title}
              </a>
            </p>
          ) : (
            !props.takesPledges && <p class="pub-note">{t.pledge_closed}</p>
          )}
        </section>
        {data.notAccepted.length > 0 && (
          <section aria-labelledby="not-accepted">
            <h2 id="not-accepted">{t.not_accepted_title}</h2>
            <ul class="pub-not">
              {data.notAccepted.map((n) => (
                <li>
                  {inLang(n.text, lang)?.text}
                  {n.pointName && <span class="pub-muted"> · {t.at_point(n.pointName)}</span>}
                </li>
              ))}
            </ul>
          </section>
        )}
        <section aria-labelledby="points">
          <h2 id="points">{t.points_title}</h2>
          {data.points.length === 0 ? (
            <p>{t.points_none}</p>
          ) : (
            <ul class="pub-points">
              {data.points.map((p) => {
                const lines = formatHours(p.hours, lang);
                return (
                  <li>
                    <p class="pub-point-name">{p.name}</p>
                    {p.address && <p class="pub-point-address">{p.address}</p>}
                    {lines.length === 0 ? (
                      <p class="pub-muted">{t.hours_ask}</p>
                    ) : (
                      <>
                        <ul class="pub-hours">
                          {lines.map((l) => (
                            <li>{l}</li>
                          ))}
                        </ul>
                        <p class="pub-muted">{t.hours_zone(zoneLabel(zone))}</p>
                      </>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
        <section aria-labelledby="share" class="pub-share">
          <h2 id="share">{t.share_title}</h2>
          <p class="pub-url">
            <a href={`${props.url}?lang=${lang}`}>{props.url}</a>
          </p>
          <p>
            <a href={`${props.url}/flyer.pdf`} type="application/pdf">
              {t.flyer}
            </a>
          </p>
        </section>
      </article>
    </PublicLayout>
  );
}
