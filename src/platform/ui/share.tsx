import type { Lang } from "../i18n";
import { isPrivateAddress, publicLink } from "../public-address";
import { shareText } from "./share.messages";

// "View public page · Copy link · Download flyer (PDF)" for anything with a public page,
// and the warning that printed QR codes won't work until a public address is set.

export type ShareLinksProps = {
  lang: Lang;
  /** The page's path: "/p/{org}/c/{slug}". */
  path: string;
  /** The flyer's path, when the page has one. */
  flyerPath?: string | null;
  /** publicBaseUrl(...): the configured public address, or null. */
  base: string | null;
  /** A heading of its own (a panel); false when the block sits inside another section. */
  heading?: string | false;
  id?: string;
};

export function ShareLinks(props: ShareLinksProps) {
  const t = shareText[props.lang];
  const link = publicLink(props.base, props.path);
  const warn = props.base === null || isPrivateAddress(props.base);
  const inputId = `${props.id ?? "share"}-link`;
  const body = (
    <>
      {warn && (
        <p class="alert alert-warn share-warning" role="note">
          {t.no_address}
        </p>
      )}
      <label for={inputId}>{t.link_label}</label>
      <input
        id={inputId}
        class="share-link"
        type="text"
        readonly
        value={link}
        data-relative={props.base === null ? "true" : undefined}
      />
      <div class="share-actions">
        <a class="button secondary" href={props.path} target="_blank" rel="noopener">
          {t.view}
        </a>
        <button type="button" class="secondary" data-copy={`#${inputId}`} data-copied={t.copied}>
          {t.copy}
        </button>
        {props.flyerPath && (
          <a class="button secondary" href={props.flyerPath} download>
            {t.flyer}
          </a>
        )}
      </div>
    </>
  );
  // Inside another panel (a case's funds) it is a plain block; alone it is a panel.
  if (props.heading === false)
    return (
      <div class="share" id={props.id ?? "share"}>
        {body}
      </div>
    );
  return (
    <section class="panel share" id={props.id ?? "share"} aria-labelledby={`${inputId}-title`}>
      <h2 class="panel-title" id={`${inputId}-title`}>
        {props.heading ?? t.heading}
      </h2>
      {body}
    </section>
  );
}
