import type { Child } from "hono/jsx";
import type { Lang } from "../i18n";

// Facts about one record shown as a definition list (a case's details, a facility's
// address and hours), and the pieces such facts are often made of.

/** One fact: its name and value; `class` and `lang` go on the value (prewrap, lang="es"). */
export type Fact = { label: Child; value: Child; class?: string; lang?: Lang };

/**
 * A definition list of facts; an entry that is `false`, null or "" (a fact not known, a
 * section the reader may not see) is left out. `grouped` wraps each pair in a <div>, for
 * lists laid out as a grid of figures.
 */
export function Facts(props: {
  items: readonly (Fact | false | null | undefined | "")[];
  class?: string;
  grouped?: boolean;
}) {
  return (
    <dl class={props.class ?? "facts"}>
      {props.items.map((fact) => {
        if (!fact) return null;
        const pair = (
          <>
            <dt>{fact.label}</dt>
            <dd class={fact.class} lang={fact.lang}>
              {fact.value}
            </dd>
          </>
        );
        return props.grouped ? <div>{pair}</div> : pair;
      })}
    </dl>
  );
}

/** Things in a row, separated by commas (a shift's team as links). */
export function CommaList(props: { items: readonly Child[] }) {
  return (
    <>
      {props.items.map((item, i) => (
        <>
          {i > 0 && ", "}
          {item}
        </>
      ))}
    </>
  );
}

/** Phone numbers as links a phone can call (tel: keeps only digits and +). */
export function PhoneLinks(props: { phones: readonly string[] }) {
  return (
    <CommaList
      items={props.phones.map((p) => <a href={`tel:${p.replace(/[^\d+]/g, "")}`}>{p}</a>)}
    />
  );
}

/** A text written in both languages, each under its own name and marked with its language. */
export function BilingualFacts(props: {
  es: { label: Child; text: Child };
  en: { label: Child; text: Child };
  class?: string;
}) {
  return (
    <Facts
      class={props.class}
      items={(["es", "en"] as const).map((lang) => ({
        label: props[lang].label,
        value: props[lang].text,
        class: "prewrap",
        lang,
      }))}
    />
  );
}
